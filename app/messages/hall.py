"""Sentences of the hall's own rules: a late applicant put back in line, a counter's
break.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "requeue_not_no_show": {
        "id": "Nomor {number} berstatus '{status_id}'; hanya nomor yang ditandai tidak hadir "
        "yang bisa dikembalikan ke antrian.",
        "en": "Ticket {number} is '{status_en}'; only a ticket marked as no-show can be put "
        "back in line.",
    },
    "requeue_too_late": {
        "id": "Nomor {number} ditandai tidak hadir pukul {at}; batas {minutes} menit untuk "
        "kembali ke antrian sudah lewat. Silakan ambil nomor baru.",
        "en": "Ticket {number} was marked as no-show at {at}; the {minutes} minutes to put it "
        "back in line are over. Please take a new number.",
    },
    "requeue_off": {
        "id": "Nomor yang tidak hadir tidak bisa dikembalikan ke antrian di kantor ini "
        "(requeue_grace_min = 0). Silakan ambil nomor baru.",
        "en": "This office does not put no-show tickets back in line (requeue_grace_min = 0). "
        "Please take a new number.",
    },
    "requeue_passport_gone": {
        "id": "Paspor nomor {number} sudah diserahkan atau dibatalkan; nomor ini tidak bisa "
        "dikembalikan ke antrian.",
        "en": "The passport of ticket {number} has already been handed over or cancelled; "
        "the ticket cannot be put back in line.",
    },
    "cli_out_counter_paused": {
        "id": "Loket {counter} dijeda ({reason}).",
        "en": "Counter {counter} paused ({reason}).",
    },
    "cli_out_counter_resumed": {
        "id": "Loket {counter} melayani lagi.",
        "en": "Counter {counter} resumed.",
    },
    "pause_reason_bad": {
        "id": "Alasan jeda '{reason}' tidak dikenal; pilih break (istirahat), prayer (ibadah) "
        "atau system (gangguan sistem).",
        "en": "Unknown pause reason '{reason}'; choose break, prayer or system.",
    },
    "counter_already_paused": {
        "id": "Loket {counter} sudah dijeda ({reason_id}) sejak pukul {since}.",
        "en": "Counter {counter} has been paused ({reason_en}) since {since}.",
    },
    "counter_not_paused": {
        "id": "Loket {counter} tidak sedang dijeda; layanan berjalan.",
        "en": "Counter {counter} is not paused; it is serving.",
    },
    "counter_paused": {
        "id": "Loket {counter} sedang dijeda ({reason_id}) sejak pukul {since}. Lanjutkan "
        "layanan dulu, lalu panggil nomor berikutnya.",
        "en": "Counter {counter} has been paused ({reason_en}) since {since}. Resume first, "
        "then call the next ticket.",
    },
    "transfer_to_paused_counter": {
        "id": "Loket {counter} sedang dijeda ({reason_id}) sejak pukul {since}; alihkan ke "
        "loket lain atau ke antriannya.",
        "en": "Counter {counter} has been paused ({reason_en}) since {since}; transfer to "
        "another counter or to its queue.",
    },
}
