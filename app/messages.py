"""The message catalogue: every sentence a person may read from the core.

The UI reuses these texts, so a refusal reads the same on the command line, at
a counter and in the supervisor's window. Bahasa Indonesia is the office's
language and the default; English ships beside it.
"""

from __future__ import annotations

import os
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
    "internal_error": {
        "id": "Terjadi kesalahan program. Rinciannya tercatat di {log}.",
        "en": "Something went wrong inside Loket. Details are in {log}.",
    },
    "database_unreachable": {
        "id": "Basis data tidak dapat dihubungi: {reason}",
        "en": "The database cannot be reached: {reason}",
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

ACTION_WORDS: Final[dict[str, dict[str, str]]] = {
    "call": {"id": "dipanggil", "en": "called"},
    "recall": {"id": "dipanggil ulang", "en": "recalled"},
    "start": {"id": "mulai dilayani", "en": "started"},
    "finish": {"id": "diselesaikan", "en": "finished"},
    "no_show": {"id": "ditandai tidak hadir", "en": "marked as no-show"},
    "cancel": {"id": "dibatalkan", "en": "cancelled"},
    "transfer": {"id": "dialihkan", "en": "transferred"},
}


def current_language() -> str:
    """The language for messages: ``LOKET_LANG`` if set and known, else Indonesian."""
    lang = os.environ.get("LOKET_LANG", DEFAULT_LANGUAGE).strip().lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def render(code: str, params: dict[str, object], lang: str | None = None) -> str:
    """Render message ``code`` in ``lang`` (default: :func:`current_language`)."""
    lang = lang or current_language()
    template = MESSAGES[code].get(lang) or MESSAGES[code][DEFAULT_LANGUAGE]
    return template.format(**params)
