"""The message catalogue: every sentence a person may read from the core.

The UI reuses these texts, so a refusal reads the same on the command line, at
a counter and in the supervisor's window. Bahasa Indonesia is the office's
language and the default; English ships beside it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

LANGUAGES: Final = ("id", "en")
DEFAULT_LANGUAGE: Final = "id"

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "queue_unknown": {
        "id": "Antrian '{queue}' tidak dikenal.",
        "en": "Unknown queue '{queue}'.",
    },
    "queue_inactive": {
        "id": "Antrian {queue} sedang ditutup.",
        "en": "Queue {queue} is closed.",
    },
    "quota_full": {
        "id": "Kuota antrian {queue} hari ini ({quota} nomor) sudah habis.",
        "en": "Today's quota for queue {queue} ({quota} tickets) is used up.",
    },
    "counter_unknown": {
        "id": "Loket {counter} tidak dikenal.",
        "en": "Unknown counter {counter}.",
    },
    "counter_inactive": {
        "id": "Loket {counter} sedang ditutup.",
        "en": "Counter {counter} is closed.",
    },
    "counter_busy": {
        "id": "Loket {counter} masih melayani {number}. Selesaikan, tandai tidak hadir, "
        "atau alihkan dulu.",
        "en": "Counter {counter} is still serving {number}. Finish it, mark it as no-show "
        "or transfer it first.",
    },
    "nothing_waiting": {
        "id": "Tidak ada antrian yang menunggu untuk loket {counter}.",
        "en": "No one is waiting for counter {counter}.",
    },
    "ticket_unknown": {
        "id": "Nomor {number} tidak ditemukan hari ini.",
        "en": "Ticket {number} was not found today.",
    },
    "ticket_not_served_here": {
        "id": "Nomor {number} tidak dilayani di loket {counter}.",
        "en": "Ticket {number} is not served at counter {counter}.",
    },
    "ticket_held_elsewhere": {
        "id": "Nomor {number} sedang ditangani loket {holder}, bukan loket {counter}.",
        "en": "Ticket {number} is held by counter {holder}, not counter {counter}.",
    },
    "ticket_bad_state": {
        "id": "Nomor {number} berstatus '{status_id}'; tidak bisa {action_id}.",
        "en": "Ticket {number} is '{status_en}'; it cannot be {action_en}.",
    },
    "transfer_same_place": {
        "id": "Nomor {number} sudah berada di tujuan itu.",
        "en": "Ticket {number} is already there.",
    },
    "transfer_no_target": {
        "id": "Pilih antrian atau loket tujuan pengalihan.",
        "en": "Choose a queue or a counter to transfer to.",
    },
    "officer_unknown": {
        "id": "Petugas '{username}' tidak dikenal.",
        "en": "Unknown officer '{username}'.",
    },
    "signed_out_inactive": {
        "id": "Akun Anda baru saja dinonaktifkan, jadi Anda telah dikeluarkan. Hubungi "
        "supervisor bila ini keliru.",
        "en": "Your account has just been deactivated, so you have been signed out. Ask a "
        "supervisor if this is a mistake.",
    },
    "signed_out_role": {
        "id": "Peran akun Anda baru saja diubah dan tidak lagi membuka jendela ini, jadi Anda "
        "telah dikeluarkan.",
        "en": "Your account's role has just been changed and no longer opens this window, so "
        "you have been signed out.",
    },
    "officer_inactive": {
        "id": "Akun petugas ini sudah dinonaktifkan; tindakan ditolak. Minta supervisor "
        "mengaktifkannya kembali.",
        "en": "This officer's account has been deactivated; the act is refused. Ask a "
        "supervisor to reactivate it.",
    },
    "officer_exists": {
        "id": "Petugas '{username}' sudah terdaftar.",
        "en": "Officer '{username}' already exists.",
    },
    "officer_bad_role": {
        "id": "Peran '{role}' tidak dikenal; pilih officer, supervisor atau admin.",
        "en": "Unknown role '{role}'; choose officer, supervisor or admin.",
    },
    "officer_bad_username": {
        "id": "Nama pengguna harus 2–32 huruf kecil, angka, titik, garis bawah atau strip.",
        "en": "A username is 2–32 lowercase letters, digits, dots, underscores or dashes.",
    },
    "password_too_short": {
        "id": "Kata sandi minimal {min} karakter.",
        "en": "A password needs at least {min} characters.",
    },
    "login_failed": {
        "id": "Nama pengguna atau kata sandi salah.",
        "en": "Wrong username or password.",
    },
    "login_throttled": {
        "id": "Terlalu banyak percobaan masuk yang salah. Coba lagi dalam {seconds} detik.",
        "en": "Too many failed sign-in attempts. Try again in {seconds} seconds.",
    },
    "request_reused": {
        "id": "Kode permintaan ini sudah dipakai untuk tindakan lain.",
        "en": "This request id was already used for a different action.",
    },
    "setting_unknown": {
        "id": "Pengaturan '{key}' tidak dikenal.",
        "en": "Unknown setting '{key}'.",
    },
    "setting_invalid": {
        "id": "Nilai '{value}' tidak berlaku untuk pengaturan '{key}'.",
        "en": "'{value}' is not a valid value for setting '{key}'.",
    },
    "setting_priority_pickup_queue": {
        "id": "Antrian '{value}' tidak dapat menjadi antrian pengambilan prioritas: pilih "
        "antrian jenis pengambilan (pickup) dengan prioritas di atas 0.",
        "en": "Queue '{value}' cannot be the priority pickup queue: choose a queue of kind "
        "pickup with a priority above 0.",
    },
    "internal_error": {
        "id": "Terjadi kesalahan program. Rinciannya tercatat di {log}.",
        "en": "Something went wrong inside Loket. Details are in {log}.",
    },
    # The driver's text (the reason) goes to the log, not into these sentences.
    "database_unreachable": {
        "id": "Server basis data tidak dapat dihubungi. Periksa jaringan dan apakah server "
        "menyala, lalu coba lagi.",
        "en": "The database server cannot be reached. Check the network and that the server "
        "is on, then try again.",
    },
    "database_not_answering": {
        "id": "Server basis data tidak menjawab tepat waktu. Server mungkin sibuk atau macet; "
        "coba lagi sebentar lagi.",
        "en": "The database server did not answer in time. It may be overloaded or stuck; "
        "try again in a moment.",
    },
    "database_url_invalid": {
        "id": "Alamat basis data tidak dikenali: {url}",
        "en": "Database address not understood: {url}",
    },
    "database_driver_missing": {
        "id": "Driver basis data untuk {scheme} belum terpasang: pip install 'loket[{extra}]'",
        "en": "The database driver for {scheme} is not installed: pip install 'loket[{extra}]'",
    },
    "schema_too_new": {
        "id": "Basis data memakai skema versi {found}, lebih baru dari versi Loket ini "
        "({known}). Perbarui Loket.",
        "en": "The database uses schema version {found}, newer than this Loket knows "
        "({known}). Update Loket.",
    },
    "schema_missing": {
        "id": "Basis data belum disiapkan. Jalankan: loket init-db",
        "en": "The database is not set up yet. Run: loket init-db",
    },
    "server_too_old": {
        "id": "Server {server} versi {version} terlalu lama; perlu minimal {minimum}.",
        "en": "{server} version {version} is too old; at least {minimum} is needed.",
    },
    "scan_empty": {
        "id": "Pindaian kosong.",
        "en": "The scan was empty.",
    },
    "scan_not_text": {
        "id": "Pindaian tidak terbaca (bukan teks). Pindai ulang.",
        "en": "The scan could not be read (not text). Scan again.",
    },
    "scan_too_long": {
        "id": "Pindaian terlalu panjang untuk kode Loket atau nomor permohonan.",
        "en": "The scan is too long for a Loket code or an application number.",
    },
    "scan_control_chars": {
        "id": "Pindaian berisi karakter kendali; periksa pengaturan pemindai.",
        "en": "The scan contains control characters; check the scanner's settings.",
    },
    "scan_unknown_version": {
        "id": "Kode ini dibuat oleh versi Loket yang tidak dikenal.",
        "en": "This code was made by an unknown version of Loket.",
    },
    "scan_unknown_kind": {
        "id": "Jenis kode Loket ini tidak dikenal.",
        "en": "Unknown kind of Loket code.",
    },
    "scan_damaged": {
        "id": "Kode Loket tidak lengkap atau rusak. Pindai ulang.",
        "en": "The Loket code is incomplete or damaged. Scan again.",
    },
    "scan_bad_signature": {
        "id": "Kode tidak sah: tanda tangannya tidak cocok (dipalsukan, diubah, atau dari "
        "kantor lain).",
        "en": "Invalid code: its signature does not match (forged, altered, or from another "
        "office).",
    },
    "scan_not_understood": {
        "id": "Pindaian bukan kode Loket maupun nomor permohonan.",
        "en": "The scan is neither a Loket code nor an application number.",
    },
    "scan_is_ticket": {
        "id": "Ini kode nomor antrian, bukan kode pengambilan paspor.",
        "en": "This is a queue ticket code, not a passport pickup code.",
    },
    "scan_is_pickup": {
        "id": "Ini kode pengambilan paspor, bukan kode nomor antrian.",
        "en": "This is a passport pickup code, not a queue ticket code.",
    },
    "pickup_unknown": {
        "id": "Kode pengambilan sah, tetapi datanya tidak ada di basis data ini.",
        "en": "The pickup code is genuine, but its record is not in this database.",
    },
    "pickup_unknown_application": {
        "id": "Nomor permohonan {application_no} tidak ada dalam daftar pengambilan paspor.",
        "en": "Application number {application_no} is not on the passport pickup list.",
    },
    "pickup_not_verified": {
        "id": "Belum terverifikasi — periksa bukti pembayaran dan identitas dengan teliti.",
        "en": "Not verified — check the receipt and ID carefully.",
    },
    "pickup_not_ready": {
        "id": "Paspor {application_no} masih dalam proses cetak; perkiraan siap {ready_date}.",
        "en": "Passport {application_no} is still being printed; expected ready {ready_date}.",
    },
    "pickup_not_ready_undated": {
        "id": "Paspor {application_no} masih dalam proses cetak.",
        "en": "Passport {application_no} is still being printed.",
    },
    "pickup_cancelled": {
        "id": "Paspor {application_no} sudah dibatalkan; silakan ke meja informasi.",
        "en": "Passport {application_no} has been cancelled; please ask at the information "
        "desk.",
    },
    "pickup_already_collected": {
        "id": "Paspor {application_no} sudah diambil pada {when} di loket {counter}, "
        "diserahkan kepada {collector_id}.",
        "en": "Passport {application_no} was already collected on {when} at counter {counter}, "
        "handed over to {collector_en}.",
    },
    "pickup_overdue": {
        "id": "Batas pengambilan paspor {application_no} sudah lewat ({collect_by}); hubungi "
        "supervisor.",
        "en": "The collect-by date of passport {application_no} has passed ({collect_by}); "
        "see a supervisor.",
    },
    "pickup_not_collected": {
        "id": "Paspor {application_no} belum diambil; tidak ada serah terima untuk dibatalkan.",
        "en": "Passport {application_no} has not been collected; there is no handover to "
        "undo.",
    },
    "lookup_empty": {
        "id": "Ketik atau pindai nomor permohonan, nomor paspor, nama pemilik paspor, atau "
        "kode slip pengambilan.",
        "en": "Type or scan an application number, a passport number, the holder's name, or "
        "the code on a pickup slip.",
    },
    "lookup_too_short": {
        "id": "Ketik minimal {min} karakter untuk mencari.",
        "en": "Type at least {min} characters to search.",
    },
    "lookup_too_long": {
        "id": "Teks pencarian paling banyak {max} karakter.",
        "en": "The search text is at most {max} characters.",
    },
    "handover_id_not_checked": {
        "id": "Periksa dulu identitas asli pengambil, lalu tandai 'identitas diperiksa'.",
        "en": "Check the collector's original ID first, then mark 'ID checked'.",
    },
    "handover_collector_unknown": {
        "id": "Pengambil harus 'self' (pemilik), 'family' (keluarga) atau 'proxy' (kuasa).",
        "en": "The collector must be 'self', 'family' or 'proxy'.",
    },
    "handover_name_required": {
        "id": "Tuliskan nama pengambil (keluarga dengan KK yang sama, atau penerima kuasa).",
        "en": "Enter the collector's name (a family member on the same family card, or the "
        "proxy).",
    },
    "handover_needs_officer": {
        "id": "Serah terima harus dicatat atas nama petugas yang menyerahkan.",
        "en": "A handover must be recorded under the officer who hands the passport over.",
    },
    "handover_name_invalid": {
        "id": "Nama pengambil paling banyak {max} karakter, tanpa karakter kendali.",
        "en": "The collector's name is at most {max} characters, without control characters.",
    },
    "needs_supervisor": {
        "id": "Hanya supervisor atau admin yang boleh melakukan ini.",
        "en": "Only a supervisor or an admin may do this.",
    },
    "needs_admin": {
        "id": "Hanya admin yang boleh melakukan ini.",
        "en": "Only an admin may do this.",
    },
    "admin_login_refused": {
        "id": "Jendela supervisor hanya untuk supervisor dan admin. Petugas loket masuk lewat "
        "jendela loket.",
        "en": "The supervisor's window is for supervisors and admins only. Counter officers "
        "sign in at the counter window.",
    },
    "reason_required": {
        "id": "Tuliskan alasannya.",
        "en": "Give a reason.",
    },
    "import_rejected": {
        "id": "{count} baris bermasalah; tidak ada data yang diimpor.",
        "en": "{count} bad line(s); nothing was imported.",
    },
    "import_line": {
        "id": "baris {line}: {reason}",
        "en": "line {line}: {reason}",
    },
    "import_unreadable": {
        "id": "Berkas tidak dapat dibaca: {reason}",
        "en": "The file cannot be read: {reason}",
    },
    "import_not_csv": {
        "id": "Berkas ini bukan CSV atau XLSX. Di Excel pilih Simpan Sebagai → Buku Kerja "
        "Excel (.xlsx) atau CSV UTF-8, lalu impor berkas itu.",
        "en": "This file is neither CSV nor XLSX. In Excel choose Save As → Excel Workbook "
        "(.xlsx) or CSV UTF-8, then import that file.",
    },
    "import_mixed_encoding": {
        "id": "Pengodean huruf berkas ini tidak jelas (baris {line} tidak cocok dengan baris "
        "lain); tidak ada yang diimpor. Di Excel pilih Simpan Sebagai → CSV UTF-8, lalu impor "
        "berkas itu.",
        "en": "This file's character encoding is unclear (line {line} does not match the "
        "others); nothing was imported. In Excel choose Save As → CSV UTF-8, then import "
        "that file.",
    },
    "import_not_a_file": {
        "id": "{path} bukan berkas biasa (folder, pipa atau perangkat); pilih berkas daftar "
        "CSV atau XLSX.",
        "en": "{path} is not a regular file (a folder, pipe or device); choose a CSV or XLSX "
        "list file.",
    },
    "import_too_big": {
        "id": "Berkas terlalu besar (lebih dari {max_mb} MB).",
        "en": "The file is too big (over {max_mb} MB).",
    },
    "import_empty": {
        "id": "Berkas tidak berisi data.",
        "en": "The file holds no data.",
    },
    "import_no_header": {
        "id": "Baris judul tidak memuat kolom {missing}. Kolom yang dikenal: {known}.",
        "en": "The header line lacks column(s) {missing}. Known columns: {known}.",
    },
    "import_duplicate_header": {
        "id": "Kolom {column} muncul lebih dari sekali di baris judul.",
        "en": "Column {column} appears more than once in the header line.",
    },
    "import_column_count": {
        "id": "ada {found} kolom, seharusnya {expected}",
        "en": "{found} columns, expected {expected}",
    },
    "import_missing": {
        "id": "kolom {column} kosong",
        "en": "{column} is empty",
    },
    "import_bad_application_no": {
        "id": "nomor permohonan '{value}' tidak sah (huruf, angka, '-' atau '/', 6–32 "
        "karakter)",
        "en": "application number '{value}' is not valid (letters, digits, '-' or '/', 6–32 "
        "characters)",
    },
    "import_bad_passport_no": {
        "id": "nomor paspor '{value}' tidak sah (huruf dan angka, 6–16 karakter)",
        "en": "passport number '{value}' is not valid (letters and digits, 6–16 characters)",
    },
    "import_bad_date": {
        "id": "'{value}' bukan tanggal (pakai YYYY-MM-DD atau DD/MM/YYYY)",
        "en": "'{value}' is not a date (use YYYY-MM-DD or DD/MM/YYYY)",
    },
    "import_bad_status": {
        "id": "status '{value}' tidak dikenal (pakai siap/ready atau cetak/printing)",
        "en": "unknown status '{value}' (use siap/ready or cetak/printing)",
    },
    "import_too_long": {
        "id": "kolom {column} lebih dari {max} karakter",
        "en": "{column} is longer than {max} characters",
    },
    "import_control_chars": {
        "id": "kolom {column} berisi karakter kendali",
        "en": "{column} contains control characters",
    },
    "import_bad_quoting": {
        "id": "tanda kutip tidak ditutup; baris ini dan sesudahnya tidak dapat dibaca",
        "en": "a quote is not closed; this line and the rest cannot be read",
    },
    "import_duplicate": {
        "id": "nomor permohonan {value} sudah ada di baris {first}",
        "en": "application number {value} already appears on line {first}",
    },
    "slips_output_unknown": {
        "id": "Jenis berkas '{suffix}' tidak didukung; pakai .pdf atau .png.",
        "en": "File type '{suffix}' is not supported; use .pdf or .png.",
    },
    "slips_none": {
        "id": "Tidak ada paspor yang cocok untuk dibuatkan slip.",
        "en": "No passports match; no slips to make.",
    },
    "slips_output_unwritable": {
        "id": "Tidak dapat menulis berkas {path}.",
        "en": "Cannot write the file {path}.",
    },
    "pc_setting_unknown": {
        "id": "Pengaturan PC '{key}' tidak dikenal; yang ada: {keys}.",
        "en": "Unknown PC setting '{key}'; the settings are: {keys}.",
    },
    "pc_setting_invalid": {
        "id": "Nilai '{value}' tidak berlaku untuk pengaturan PC '{key}'.",
        "en": "'{value}' is not a valid value for the PC setting '{key}'.",
    },
    # --- the kiosk (app/kiosk.py): read by anyone in the hall, so no names ---
    "kiosk_pickup_collected": {
        "id": "Paspor {application_no} sudah diambil pada {when} di loket {counter}. "
        "Bila Anda belum menerimanya, silakan ke meja informasi.",
        "en": "Passport {application_no} was already collected on {when} at counter "
        "{counter}. If you did not receive it, please ask at the information desk.",
    },
    "pickup_priority_unavailable": {
        "id": "Kantor ini belum menyediakan antrian prioritas untuk pengambilan paspor. "
        "Silakan ambil antrian pengambilan biasa atau tanyakan ke meja informasi.",
        "en": "This office has no priority queue for passport pickups. Please take a "
        "regular pickup number or ask at the information desk.",
    },
    "kiosk_pickup_needs_slip": {
        "id": "Untuk antrian {queue}, pindai slip pengambilan paspor Anda.",
        "en": "For queue {queue}, scan your passport pickup slip.",
    },
}

# Words used inside ticket_bad_state.
STATUS_WORDS: Final[dict[str, dict[str, str]]] = {
    "waiting": {"id": "menunggu", "en": "waiting"},
    "called": {"id": "dipanggil", "en": "called"},
    "serving": {"id": "sedang dilayani", "en": "being served"},
    "done": {"id": "selesai", "en": "done"},
    "no_show": {"id": "tidak hadir", "en": "no-show"},
    "cancelled": {"id": "dibatalkan", "en": "cancelled"},
    "expired": {"id": "kedaluwarsa", "en": "expired"},
}

# Why a counter pauses (CounterPause.reason): on the lobby display, the counter window,
# in sentences and in the audit log.
PAUSE_REASON_WORDS: Final[dict[str, dict[str, str]]] = {
    "break": {"id": "istirahat", "en": "break"},
    "prayer": {"id": "ibadah", "en": "prayer"},
    "system": {"id": "gangguan sistem", "en": "system fault"},
}

# Who collected, without a name: a refusal is logged and printed, so it names no person
# (the counter's panel shows the name from the record itself).
COLLECTOR_KIND_WORDS: Final[dict[str, dict[str, str]]] = {
    "self": {"id": "pemilik paspor", "en": "the holder"},
    "family": {"id": "keluarga", "en": "a family member"},
    "proxy": {"id": "penerima kuasa", "en": "a proxy"},
}

ACTION_WORDS: Final[dict[str, dict[str, str]]] = {
    "call": {"id": "dipanggil", "en": "called"},
    "recall": {"id": "dipanggil ulang", "en": "recalled"},
    "start": {"id": "mulai dilayani", "en": "started"},
    "finish": {"id": "diselesaikan", "en": "finished"},
    "no_show": {"id": "ditandai tidak hadir", "en": "marked as no-show"},
    "cancel": {"id": "dibatalkan", "en": "cancelled"},
    "transfer": {"id": "dialihkan", "en": "transferred"},
    "requeue": {"id": "dikembalikan ke antrian", "en": "put back in line"},
}


def _merge_area_catalogues() -> None:
    """Each area of the supervisor's window keeps its sentences in its own module."""
    from app.messages import (  # this package's own
        admin,
        audit,
        backup,
        bookings,
        cli,
        days,
        hall,
        journal_check,
        logins,
        notify,
        reconcile,
        reports,
        setup,
        survey,
        ticket_merge,
        waits,
    )

    for area in (admin, audit, backup, bookings, cli, days, hall, journal_check, logins, notify,
                 reconcile, reports, setup, survey, ticket_merge, waits):
        clash = MESSAGES.keys() & area.MESSAGES.keys()
        if clash:
            raise RuntimeError(f"message codes defined twice: {sorted(clash)}")
        MESSAGES.update(area.MESSAGES)


_merge_area_catalogues()

_chosen: str | None = None


def use_language(lang: str | None) -> None:
    """Choose the language of this process's messages (a window's language switch).

    ``None`` goes back to ``LOKET_LANG`` / Indonesian. Unknown languages are refused.
    """
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _chosen = lang


def chosen_language() -> str | None:
    """The language :func:`use_language` chose, ``None`` when none was."""
    return _chosen


def current_language() -> str:
    """The chosen language, else ``LOKET_LANG`` if set and known, else Indonesian."""
    if _chosen is not None:
        return _chosen
    lang = os.environ.get("LOKET_LANG", DEFAULT_LANGUAGE).strip().lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def word_in(words: Mapping[str, Mapping[str, str]], key: str | None,
            lang: str | None = None) -> str:
    """``key``'s entry of a table of single words (``{"id": …, "en": …}`` per key) in
    ``lang`` (default: the language chosen now); the key itself when the table lacks
    it, "" for no key."""
    if not key:
        return ""
    entry = words.get(key)
    if entry is None:
        return key
    return entry.get(lang or current_language()) or entry[DEFAULT_LANGUAGE]


def render(code: str, params: dict[str, object], lang: str | None = None) -> str:
    """Render message ``code`` in ``lang`` (default: :func:`current_language`)."""
    lang = lang or current_language()
    template = MESSAGES[code].get(lang) or MESSAGES[code][DEFAULT_LANGUAGE]
    return template.format(**params)
