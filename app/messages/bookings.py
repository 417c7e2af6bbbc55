"""Sentences of M-Paspor bookings: the day's list imported, and the kiosk's check-in.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "booking_unknown": {
        "id": "Kode booking {booking} tidak ditemukan. Periksa kode pada bukti M-Paspor, atau "
        "ambil nomor antrian biasa di kios.",
        "en": "Booking code {booking} was not found. Check the code on the M-Paspor receipt, "
        "or take a walk-in number at the kiosk.",
    },
    "booking_too_early": {
        "id": "Jadwal booking {booking} pukul {slot}. Check-in dibuka {early} menit sebelumnya: "
        "silakan kembali pukul {back}.",
        "en": "Booking {booking} is for {slot}. Check-in opens {early} minutes before: please "
        "come back at {back}.",
    },
    "booking_other_day": {
        "id": "Booking {booking} untuk tanggal {day} pukul {slot}, bukan hari ini. Silakan "
        "kembali pada tanggal itu.",
        "en": "Booking {booking} is for {day} at {slot}, not today. Please come back on that "
        "day.",
    },
    "booking_too_late": {
        "id": "Jadwal booking {booking} pukul {slot} sudah lewat lebih dari {late} menit. "
        "Silakan ambil nomor antrian biasa (walk-in) di kios.",
        "en": "Booking {booking} was for {slot}, more than {late} minutes ago. Please take a "
        "walk-in number at the kiosk.",
    },
    "booking_queue_not_service": {
        "id": "Layanan '{queue}' bukan antrian layanan yang bisa dibooking.",
        "en": "'{queue}' is not a service queue that can be booked.",
    },
    "booking_bad_code": {
        "id": "kode booking '{value}' tidak berlaku (huruf dan angka, 4 sampai 32)",
        "en": "booking code '{value}' is not valid (letters and digits, 4 to 32)",
    },
    "booking_bad_time": {
        "id": "jam '{value}' tidak berlaku (tulis misalnya 09:30)",
        "en": "time '{value}' is not valid (write for example 09:30)",
    },
    "booking_bad_service": {
        "id": "layanan '{value}' tidak dikenal (tulis kode atau huruf antrian, misalnya A)",
        "en": "service '{value}' is unknown (write a queue's code or letter, e.g. A)",
    },
    "booking_conflict": {
        "id": "kode booking {value} sudah diimpor dengan data lain ({what}); "
        "perbaiki baris ini atau hubungi M-Paspor",
        "en": "booking code {value} was already imported with other data ({what}); "
        "correct this line or ask M-Paspor",
    },
    "booking_duplicate": {
        "id": "kode booking {value} sudah ada di baris {first} dengan data lain ({what})",
        "en": "booking code {value} already appears on line {first} with other data "
        "({what})",
    },
    "cli_out_booking_dry_run": {
        "id": " (uji coba: tidak ada yang ditulis)",
        "en": " (dry run: nothing written)",
    },
    "cli_out_booking_report_head": {  # the columns, "|" between them
        "id": "hari|booking|langsung|tepat|awal|telat|absen",
        "en": "day|booked|walk-in|on time|early|late|missed",
    },
    "booking_imported": {
        "id": "{rows} booking: {created} baru, {unchanged} sudah ada.",
        "en": "{rows} bookings: {created} new, {unchanged} already there.",
    },
    "booking_checked_in": {
        "id": "Booking {booking} ({slot}): nomor antrian {number}.",
        "en": "Booking {booking} ({slot}): ticket {number}.",
    },
}
