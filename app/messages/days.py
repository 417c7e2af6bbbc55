"""Sentences of the office's days: day profiles, their schedule, opening hours.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "day_queue_closed": {
        "id": "Layanan {queue} tidak dibuka hari ini. Dibuka kembali {when_id}.",
        "en": "Service {queue} is not open today. It opens again {when_en}.",
    },
    "day_queue_closed_no_next": {
        "id": "Layanan {queue} tidak dibuka hari ini.",
        "en": "Service {queue} is not open today.",
    },
    "day_before_hours": {
        "id": "Nomor antrian {queue} belum dibagikan; dibuka {when_id}.",
        "en": "Tickets for {queue} are not issued yet; issuing opens {when_en}.",
    },
    "day_after_hours": {
        "id": "Pembagian nomor antrian hari ini sudah ditutup pukul {until}. Dibuka kembali "
        "{when_id}.",
        "en": "Today's tickets stopped at {until}. Issuing opens again {when_en}.",
    },
    "day_hours_bad": {
        "id": "Jam '{value}' tidak berlaku; tulis misalnya 08:00-15:00 (buka sampai batas "
        "pembagian nomor).",
        "en": "Hours '{value}' are not valid; write for example 08:00-15:00 (opening to the "
        "last ticket).",
    },
    "day_on_bad": {
        "id": "'{value}' bukan hari (mon … sun) atau tanggal (YYYY-MM-DD).",
        "en": "'{value}' is not a weekday (mon … sun) or a date (YYYY-MM-DD).",
    },
    "day_profile_bad_name": {
        "id": "Nama profil hari wajib diisi, paling banyak {max} karakter, tanpa karakter "
        "kendali.",
        "en": "A day profile's name is required: at most {max} characters, without control "
        "characters.",
    },
    "day_profile_unknown": {
        "id": "Profil hari '{name}' tidak dikenal. Buat dulu dengan: loket day-profile set.",
        "en": "Unknown day profile '{name}'. Make it first with: loket day-profile set.",
    },
    "day_not_scheduled": {
        "id": "Tidak ada profil hari yang dijadwalkan pada {on}.",
        "en": "No day profile is scheduled on {on}.",
    },
    "day_counter_bad": {
        "id": "'{value}' tidak berlaku; tulis loket lalu antriannya, misalnya 1,2=B,C.",
        "en": "'{value}' is not valid; write counters then their queues, e.g. 1,2=B,C.",
    },
}
