"""Sentences of ``loket ticket merge``: the tickets an emergency PC issued and served,
written into the office's database, and why one was not.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``). A file that is not
Loket's, of another schema version or missing is refused with the sentences of
:mod:`app.messages.reconcile`, which say the same for both commands.
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "ticket_merge_other_database": {
        "id": "'{where}' adalah basis data kantor lain (bukan dipulihkan dari cadangan "
        "kantor ini); tidak ada yang digabung. Bila memang milik kantor ini (server "
        "dibuat baru, bukan dipulihkan), ulangi dengan --any-database.",
        "en": "'{where}' is another office's database (not restored from this office's "
        "backup); nothing was merged. If it is this office's all the same (the server "
        "was set up anew instead of restored), run again with --any-database.",
    },
    "ticket_merge_login_too_narrow": {
        "id": "Login basis data PC ini tidak boleh membaca data petugas, paspor atau "
        "survei, padahal itu perlu untuk menggabungkan nomor antrian; tidak ada yang "
        "digabung. Jalankan perintah ini di PC supervisor, atau dengan --db memakai "
        "login PC supervisor.",
        "en": "This PC's database login may not read officers, passports or survey "
        "answers, which merging tickets needs; nothing was merged. Run this command on "
        "the supervisor's PC, or with --db using the supervisor PC's login.",
    },
    "ticket_merge_group": {
        "id": "{day} antrian {queue}: {merged} digabung, {already} sudah ada, "
        "{skipped} dilewati",
        "en": "{day} queue {queue}: {merged} merged, {already} already here, "
        "{skipped} skipped",
    },
    "ticket_merge_group_dry": {
        "id": "{day} antrian {queue}: {merged} akan digabung, {already} sudah ada, "
        "{skipped} dilewati",
        "en": "{day} queue {queue}: {merged} would be merged, {already} already here, "
        "{skipped} skipped",
    },
    "ticket_merge_reason_in_server": {
        "id": "{count} sudah ada dari cadangan",
        "en": "{count} here from the backup",
    },
    "ticket_merge_reason_merged_before": {
        "id": "{count} sudah digabung sebelumnya",
        "en": "{count} merged before",
    },
    "ticket_merge_reason_unfinished": {
        "id": "{count} belum selesai",
        "en": "{count} unfinished",
    },
    "ticket_merge_reason_unknown_queue": {
        "id": "{count} antriannya tidak dikenal di sini",
        "en": "{count} of a queue unknown here",
    },
    "ticket_merge_reason_completed": {
        "id": "{count} menunggu saat cadangan dibuat dan selesai di sana, dicatat selesai "
        "di sini",
        "en": "{count} waiting when the backup was made and finished there, now finished "
        "here",
    },
    "ticket_merge_reason_changed_here": {
        "id": "{count} diubah di sini sementara itu",
        "en": "{count} changed here meanwhile",
    },
    # Why one ticket is here already (the supervisor's window, a row per ticket).
    "ticket_merge_why_in_server": {
        "id": "sudah ada dari cadangan",
        "en": "here from the backup",
    },
    "ticket_merge_why_merged_before": {
        "id": "sudah digabung sebelumnya",
        "en": "merged before",
    },
    "ticket_merge_why_completed": {
        "id": "menunggu saat cadangan dibuat dan selesai di sana; di sini dicatat selesai",
        "en": "waiting when the backup was made and finished there; finished here",
    },
    "ticket_merge_skipped_changed_here": {
        "id": "{number} ({day}): TIDAK digabung: selesai di sana, tetapi baru saja "
        "dipanggil atau diubah di sini. Periksa nomor ini, lalu ulangi.",
        "en": "{number} ({day}): NOT merged: finished there, but called or changed here "
        "a moment ago. Check this number, then run again.",
    },
    "ticket_merge_skipped_unfinished": {
        "id": "{number} ({day}): TIDAK digabung: di sana masih menunggu atau dilayani, "
        "padahal harinya sudah lewat.",
        "en": "{number} ({day}): NOT merged: still waiting or being served there, and "
        "its day is over.",
    },
    "ticket_merge_skipped_unknown_queue": {
        "id": "{number} ({day}): TIDAK digabung: antriannya tidak ada di basis data ini. "
        "Buat antrian dengan kode yang sama, lalu ulangi.",
        "en": "{number} ({day}): NOT merged: its queue is not in this database. Create "
        "a queue with the same code, then run again.",
    },
    "ticket_merge_renumbered": {
        "id": "{number} ({day}): digabung dengan urutan {seq} (nomor di sini sudah "
        "terpakai); nomor tercetak tetap {number}.",
        "en": "{number} ({day}): merged as sequence {seq} (its number was taken here); "
        "it keeps its printed number {number}.",
    },
    "ticket_merge_unknown_counter": {
        "id": "{number} ({day}): loket {counter} tidak dikenal di sini; dicatat tanpa "
        "loket.",
        "en": "{number} ({day}): counter {counter} is not known here; recorded without a "
        "counter.",
    },
    "ticket_merge_unknown_officer": {
        "id": "{number} ({day}): petugas '{officer}' tidak dikenal di sini; dicatat tanpa "
        "petugas.",
        "en": "{number} ({day}): officer '{officer}' is not known here; recorded without "
        "an officer.",
    },
    "ticket_merge_total": {
        "id": "Jumlah {total}: {merged} digabung, {already} sudah ada, {skipped} "
        "dilewati; {same_days} hari sama persis dengan di sini.",
        "en": "Total {total}: {merged} merged, {already} already here, {skipped} "
        "skipped; {same_days} day(s) exactly as here.",
    },
}
