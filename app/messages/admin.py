"""Sentences of the supervisor's window: officers, counters, queues, office settings.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    # --- officers ---
    "officer_bad_full_name": {
        "id": "Nama lengkap wajib diisi, paling banyak {max} karakter, tanpa karakter kendali.",
        "en": "A full name is required: at most {max} characters, without control "
        "characters.",
    },
    "officer_last_admin": {
        "id": "{username} adalah satu-satunya admin yang aktif. Angkat admin lain terlebih "
        "dahulu; kantor tidak boleh tanpa admin.",
        "en": "{username} is the only active admin. Make someone else an admin first; the "
        "office must always have one.",
    },
    "officer_self_deactivate": {
        "id": "Anda tidak dapat menonaktifkan akun Anda sendiri. Mintalah admin lain untuk "
        "melakukannya.",
        "en": "You cannot deactivate your own account. Ask another admin to do it.",
    },
    # --- counters ---
    "counter_bad_number": {
        "id": "Nomor loket harus bilangan bulat {min}–{max}; '{value}' tidak berlaku.",
        "en": "A counter number is a whole number from {min} to {max}; '{value}' is not.",
    },
    "counter_bad_name": {
        "id": "Nama loket wajib diisi, paling banyak {max} karakter, tanpa karakter kendali.",
        "en": "A counter name is required: at most {max} characters, without control "
        "characters.",
    },
    "counter_exists": {
        "id": "Loket {counter} sudah ada.",
        "en": "Counter {counter} already exists.",
    },
    "counter_needs_queue": {
        "id": "Pilih sedikitnya satu antrian yang dilayani loket ini.",
        "en": "Choose at least one queue for this counter to serve.",
    },
    "counter_queue_twice": {
        "id": "Antrian {queue} dipilih lebih dari sekali.",
        "en": "Queue {queue} is chosen more than once.",
    },
    "counter_queue_closed": {
        "id": "Antrian {queue} sedang ditutup sehingga tidak dapat ditambahkan ke loket. Buka "
        "antrian itu terlebih dahulu.",
        "en": "Queue {queue} is closed, so it cannot be added to a counter. Open the queue "
        "first.",
    },
    "counter_holds_ticket": {
        "id": "Loket {counter} masih menangani nomor {number}. Selesaikan, tandai tidak hadir, "
        "atau alihkan nomor itu terlebih dahulu, kemudian tutup loket.",
        "en": "Counter {counter} still holds ticket {number}. Finish it, mark it as no-show "
        "or transfer it first, then close the counter.",
    },
    # --- queues ---
    "queue_bad_code": {
        "id": "Kode antrian '{queue_code}' tidak berlaku: 2–32 huruf kecil, angka, '_' atau '-', "
        "diawali huruf.",
        "en": "Queue code '{queue_code}' is not valid: 2–32 lowercase letters, digits, '_' or '-', "
        "starting with a letter.",
    },
    "queue_code_taken": {
        "id": "Kode antrian '{queue_code}' sudah dipakai.",
        "en": "Queue code '{queue_code}' is already in use.",
    },
    "queue_bad_prefix": {
        "id": "Awalan '{prefix}' tidak berlaku: satu atau dua huruf A–Z.",
        "en": "Prefix '{prefix}' is not valid: one or two letters A–Z.",
    },
    "queue_prefix_taken": {
        "id": "Awalan {prefix} sudah dipakai antrian '{queue}'.",
        "en": "Prefix {prefix} is already used by queue '{queue}'.",
    },
    "queue_prefix_used_today": {
        "id": "Nomor berawalan {prefix} sudah dibagikan hari ini oleh antrian lain. Pakai "
        "awalan lain, atau ubah besok.",
        "en": "Numbers starting with {prefix} were already given out today by another queue. "
        "Use another prefix, or change it tomorrow.",
    },
    "queue_bad_name": {
        "id": "Nama antrian wajib diisi, paling banyak {max} karakter, tanpa karakter kendali.",
        "en": "A queue name is required: at most {max} characters, without control "
        "characters.",
    },
    "queue_bad_kind": {
        "id": "Jenis antrian '{kind}' tidak dikenal; pilih layanan (service) atau pengambilan "
        "(pickup).",
        "en": "Unknown queue kind '{kind}'; choose service or pickup.",
    },
    "queue_bad_priority": {
        "id": "Prioritas harus bilangan bulat {min}–{max}; '{value}' tidak berlaku.",
        "en": "Priority is a whole number from {min} to {max}; '{value}' is not.",
    },
    "queue_bad_quota": {
        "id": "Kuota harian harus bilangan bulat {min}–{max}, atau dikosongkan bila tanpa "
        "kuota; '{value}' tidak berlaku.",
        "en": "The daily quota is a whole number from {min} to {max}, or empty for no quota; "
        "'{value}' is not.",
    },
    "queue_bad_active": {
        "id": "Status aktif antrian harus ya atau tidak.",
        "en": "Whether a queue is open must be yes or no.",
    },
    "queue_field_unknown": {
        "id": "Isian antrian '{field}' tidak dikenal.",
        "en": "Unknown queue field '{field}'.",
    },
}
