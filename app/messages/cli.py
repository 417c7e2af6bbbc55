"""Sentences of the command line: signing in with ``--as``, input it refuses, and what
its commands print (``cli_out_*``; the ``--json`` output keeps its English keys). Their
single words (columns, states) are in :mod:`app.messages.cli_words`.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "cli_sign_in_needed": {
        "id": "'{command}' dilakukan atas nama seorang petugas: masuk dengan --as NAMA "
        "(kata sandinya di baris pertama input standar, atau ditanyakan).",
        "en": "'{command}' acts as an officer: sign in with --as NAME (the password on "
        "the first line of standard input, or asked for).",
    },
    "cli_officer_option_gone": {
        "id": "--officer tanpa kata sandi tidak berlaku lagi: masuk dengan --as NAMA "
        "(kata sandinya di baris pertama input standar).",
        "en": "--officer without a password is gone: sign in with --as NAME (the password "
        "on the first line of standard input).",
    },
    "cli_if_due_alone": {
        "id": "--if-due menulis ke folder pengaturan backup_folder dalam format bawaannya: "
        "hapus DEST dan --format.",
        "en": "--if-due writes into the backup_folder setting in its default format; leave "
        "out DEST and --format.",
    },
    "cli_out_notify_run": {
        "id": "terkirim {sent}, dicoba lagi nanti {retrying}, gagal {failed}, dibatalkan "
        "{cancelled}, pesan baru {enqueued}",
        "en": "sent {sent}, to try again {retrying}, failed {failed}, cancelled "
        "{cancelled}, new messages {enqueued}",
    },
    "cli_out_notify_invited_day": {
        "id": "{day}: {invited} diundang, {collected} sudah mengambil paspornya",
        "en": "{day}: {invited} invited, {collected} have collected their passport",
    },
    "cli_out_notify_invited_none": {
        "id": "Belum ada undangan untuk hari ini atau sesudahnya (pickup_invite_per_day: "
        "{limit}; 0 = mati).",
        "en": "No invitations for today or later (pickup_invite_per_day: {limit}; 0 = "
        "off).",
    },
    "cli_out_notify_opted_out": {
        "id": "Tidak dikirimi pesan lagi; {count} pesan yang menunggu dibatalkan.",
        "en": "No more messages; {count} waiting message(s) cancelled.",
    },
    "cli_password_missing": {
        "id": "Tidak ada kata sandi di baris {line} input standar.",
        "en": "No password on line {line} of standard input.",
    },
    "cli_input_not_text": {
        "id": "Input standar bukan teks UTF-8 yang sah.",
        "en": "Standard input is not valid UTF-8 text.",
    },
    "cli_argument_not_text": {
        "id": "Argumen '{shown}' bukan teks UTF-8 yang sah.",
        "en": "The argument '{shown}' is not valid UTF-8 text.",
    },
    "cli_argument_too_long": {
        "id": "Argumen yang dimulai '{shown}' terlalu panjang (paling banyak {max} karakter).",
        "en": "The argument starting '{shown}' is too long (at most {max} characters).",
    },
    "cli_number_out_of_range": {
        "id": "{option} harus bilangan bulat dari {low} sampai {high}, bukan '{value}'.",
        "en": "{option} must be a whole number from {low} to {high}, not '{value}'.",
    },
    "cli_request_id_bad": {
        "id": "--request-id paling banyak {max} karakter: huruf, angka, titik, garis bawah, "
        "titik dua atau tanda hubung.",
        "en": "--request-id is at most {max} characters: letters, digits, dots, "
        "underscores, colons or dashes.",
    },
    "cli_date_bad": {
        "id": "{option} harus tanggal seperti 2024-07-01, bukan '{value}'.",
        "en": "{option} must be a date such as 2024-07-01, not '{value}'.",
    },
    "cli_file_name_bad": {
        "id": "Nama berkas '{shown}' tidak bisa dipakai: {reason}.",
        "en": "The file name '{shown}' cannot be used: {reason}.",
    },
    "cli_first_officer_only": {
        "id": "Tanpa --as hanya akun pertama kantor yang boleh dibuat, dan harus admin; "
        "kantor ini sudah punya petugas.",
        "en": "Without --as only the office's first account may be made, and it must be "
        "an admin; this office already has officers.",
    },
    "cli_first_officer_admin": {
        "id": "Akun pertama kantor harus admin (--role admin).",
        "en": "The office's first account must be an admin (--role admin).",
    },
    # --- what the commands print -------------------------------------------------
    "cli_out_queue_line": {
        "id": "  {prefix}  {name:<32} {waiting:>4} menunggu   terlama {wait:>7}   diambil "
        "{issued}{closed}",
        "en": "  {prefix}  {name:<32} {waiting:>4} waiting   longest {wait:>7}   issued "
        "{issued}{closed}",
    },
    "cli_out_minutes": {"id": "{minutes} mnt", "en": "{minutes} min"},
    "cli_out_event_counter": {"id": "loket {counter}", "en": "counter {counter}"},
    "cli_out_housekeeping": {
        "id": "{expired} nomor lama kedaluwarsa, {pruned} baris umpan perubahan dihapus",
        "en": "expired {expired} old tickets, pruned {pruned} feed rows",
    },
    "cli_out_database_ready": {
        "id": "skema versi {version} siap di {url}",
        "en": "schema version {version} ready at {url}",
    },
    "cli_out_demo_created": {"id": " (kantor demo dibuat)", "en": " (demo office created)"},
    "cli_out_demo_at": {"id": "Demo Loket di {url}", "en": "Loket demo at {url}"},
    "cli_out_officer_added": {"id": "{username} ({role}) ditambahkan",
                              "en": "{username} ({role}) added"},
    "cli_out_password_set": {"id": "{username}: kata sandi baru disimpan",
                             "en": "{username}: new password set"},
    "cli_out_this_pc": {"id": "PC ini: {mode}", "en": "this PC: {mode}"},
    "cli_out_ticket_at": {"id": "{number}  {queue}  {status} di loket {counter}",
                          "en": "{number}  {queue}  {status} at counter {counter}"},
    "cli_out_ticket": {"id": "{number}  {queue}  {status}", "en": "{number}  {queue}  {status}"},
    "cli_out_import": {
        "id": "{rows} baris: {created} baru, {updated} diperbarui, {unchanged} tetap, "
        "{closed} sudah diambil atau dibatalkan",
        "en": "{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, "
        "{closed} already collected or cancelled",
    },
    "cli_out_dry_run": {"id": " (hanya percobaan — tidak ada yang ditulis)",
                        "en": " (would be — nothing written)"},
    "cli_out_collect_by": {"id": " ambil paling lambat {date}", "en": " collect by {date}"},
    "cli_out_slips": {"id": "{count} slip ditulis ke {files}",
                      "en": "{count} slips written to {files}"},
    "cli_out_already_checked_in": {"id": "  (sudah terdaftar tadi)",
                                   "en": "  (already checked in)"},
    "cli_out_handed_over": {"id": "{application} sudah diserahkan",
                            "en": "{application} handed over"},
    "cli_out_ticket_finished": {"id": "; {number} selesai", "en": "; {number} finished"},
    "cli_out_back_to": {"id": "{application} kembali menjadi {status}",
                        "en": "{application} back to {status}"},
    "cli_out_overdue_cancelled": {"id": "{count} paspor lewat batas dibatalkan",
                                  "en": "{count} overdue passports cancelled"},
    "cli_out_report_working": {
        "id": "  melayani {serving} · jeda {paused} · menganggur {idle}",
        "en": "  serving {serving} · paused {paused} · idle {idle}",
    },
    "cli_out_report_row": {
        "id": "  {name:<32} {issued:>6} diambil {served:>6} dilayani {no_shows:>5} tidak "
        "hadir  rata-rata tunggu {wait:>13}  diserahkan {handed_over:>5}",
        "en": "  {name:<32} {issued:>6} issued {served:>6} served {no_shows:>5} no-show  "
        "wait avg {wait:>13}  handed over {handed_over:>5}",
    },
    "cli_out_audit_written": {"id": "{count} entri ditulis ke {file}",
                              "en": "{count} entries written to {file}"},
    "cli_out_no_backup_due": {"id": "belum waktunya membuat cadangan",
                              "en": "no backup due"},
    "cli_out_bytes": {"id": "{count} byte", "en": "{count} bytes"},
    "cli_out_backup_written": {
        "id": "cadangan ditulis: {path}\n  {size}, {rows} baris, skema versi {version}, "
        "{duration}",
        "en": "backup written: {path}\n  {size}, {rows} rows, schema version {version}, "
        "{duration}",
    },
    "cli_out_purged": {
        "id": "{records} paspor, {entries} catatan audit, {bookings} booking, {comments} "
        "komentar survei dan {phones} nomor HP di kios {verb} (diambil atau dibatalkan "
        "sebelum {cutoff}; masa simpan {days} hari)",
        "en": "{records} passports, {entries} audit entries, {bookings} bookings, "
        "{comments} survey comments and {phones} phones left at the kiosk {verb} "
        "(collected or cancelled before {cutoff}; retention {days} days)",
    },
    "cli_out_check": {"id": "{path}: {state} ({known})", "en": "{path}: {state} ({known})"},
    "cli_out_schema": {"id": "skema versi {version}", "en": "schema version {version}"},
    "cli_out_migrated": {"id": " dimigrasi ke {version}", "en": " migrated to {version}"},
    "cli_out_from": {"id": "dari {backend}", "en": "from {backend}"},
    "cli_out_made": {"id": "dibuat {at}", "en": "made {at}"},
    "cli_out_copy_before": {"id": "basis data sebelumnya disimpan di {path}\n",
                            "en": "the database as it was is saved in {path}\n"},
    "cli_out_restored": {
        "id": "{path} dipulihkan ke {target} ({moved}, {rows} baris, {duration}"
        "{replaced})\npemeriksaan basis data yang dipulihkan: {check}",
        "en": "restored {path} into {target} ({moved}, {rows} rows, {duration}"
        "{replaced})\ncheck of the restored database: {check}",
    },
    "cli_out_replaced": {"id": ", data sebelumnya diganti",
                         "en": ", the previous data replaced"},
    "cli_out_day_profile": {
        "id": "  {name:<28} buka {opened:<12} jam {hours:<12} pada {on:<16} loket {counters}",
        "en": "  {name:<28} open {opened:<12} hours {hours:<12} on {on:<16} counters "
        "{counters}",
    },
}

