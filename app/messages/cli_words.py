"""Single words the command line prints in columns and states, in both languages
(the sentences are in :mod:`app.messages.cli`)."""

from __future__ import annotations

from typing import Final

from app.messages import STATUS_WORDS, word_in

# Single words the commands print in columns and states.
WORDS: Final[dict[str, dict[str, str]]] = {
    "closed": {"id": " (tutup)", "en": " (closed)"},
    "inactive": {"id": "(nonaktif) ", "en": "(inactive) "},
    "regular": {"id": "(reguler)", "en": "(regular)"},
    "overdue_mark": {"id": " LEWAT BATAS", "en": " OVERDUE"},
    "valid": {"id": "sah", "en": "valid"},
    "invalid": {"id": "TIDAK SAH", "en": "INVALID"},
    "not_verified": {"id": " (tidak terverifikasi)", "en": " (not verified)"},
    "ok": {"id": "OK", "en": "OK"},
    # What a checked backup file is (app.backup.verify.BackupCheck.kind).
    "kind_sqlite": {"id": "berkas SQLite", "en": "SQLite file"},
    "kind_dump": {"id": "dump Loket", "en": "Loket dump"},
    "kind_unknown": {"id": "jenis tidak dikenal", "en": "unknown kind"},
    "not_ok": {"id": "TIDAK OK", "en": "NOT OK"},
    "erased": {"id": "dihapus", "en": "erased"},
    "would_be_erased": {"id": "akan dihapus", "en": "would be erased"},
    "all": {"id": "semua", "en": "all"},
    "standing": {"id": "tetap", "en": "standing"},
    # The backlog's columns.
    "batch": {"id": "gelombang", "en": "batch"},
    "total": {"id": "jumlah", "en": "total"},
    "printing": {"id": "dicetak", "en": "printing"},
    "ready": {"id": "siap", "en": "ready"},
    "overdue": {"id": "lewat", "en": "overdue"},
    "collected": {"id": "diambil", "en": "collected"},
    "cancelled": {"id": "batal", "en": "cancelled"},
    "clear_by": {"id": "habis pada", "en": "clear by"},
}

# A passport's state (PickupRecord.status) as the command line prints it.
PICKUP_STATUS_WORDS: Final[dict[str, dict[str, str]]] = {
    "printing": {"id": "sedang dicetak", "en": "printing"},
    "ready": {"id": "siap diambil", "en": "ready"},
    "collected": {"id": "sudah diambil", "en": "collected"},
    "cancelled": {"id": "dibatalkan", "en": "cancelled"},
}


# An M-Paspor booking's state and punctuality, as `loket booking list` prints them.
BOOKING_WORDS: Final[dict[str, dict[str, str]]] = {
    "expected": {"id": "ditunggu", "en": "expected"},
    "missed": {"id": "tidak datang", "en": "missed"},
    "checked_in": {"id": "sudah datang", "en": "checked in"},
    "on_time": {"id": "tepat waktu", "en": "on time"},
    "early": {"id": "lebih awal", "en": "early"},
    "late": {"id": "terlambat", "en": "late"},
    # The booking report's columns (with on_time, early, late and missed above).
    "day": {"id": "hari", "en": "day"},
    "booked": {"id": "booking", "en": "booked"},
    "walk_in": {"id": "datang langsung", "en": "walk-in"},
}


def word(key: str, lang: str) -> str:
    """One of :data:`WORDS` in ``lang``."""
    return word_in(WORDS, key, lang)


def pickup_status(status: str, lang: str) -> str:
    return word_in(PICKUP_STATUS_WORDS, status, lang)


def status_word(status: str, lang: str) -> str:
    """A ticket's state (``waiting``, ``called`` …) in ``lang``."""
    return word_in(STATUS_WORDS, status, lang)


def booking_word(code: str | None, lang: str) -> str:
    """A booking's state or punctuality in ``lang`` ("" for none)."""
    return word_in(BOOKING_WORDS, code, lang)
