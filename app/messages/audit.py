"""Sentences of the supervisor's window: the audit log viewer and its export, the
backlog import page and the office settings page.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "import_file_changed": {
        "id": "Berkas {path} berubah sejak pratinjau. Tidak ada yang diimpor; periksa "
        "pratinjau yang baru, lalu impor lagi.",
        "en": "The file {path} has changed since the preview. Nothing was imported; check "
        "the new preview, then import again.",
    },
    "audit_dates_reversed": {
        "id": "Tanggal awal ({date_from}) jatuh sesudah tanggal akhir ({date_to}).",
        "en": "The start date ({date_from}) is after the end date ({date_to}).",
    },
    "audit_text_too_long": {
        "id": "Teks yang dicari paling banyak {max} karakter.",
        "en": "The search text is at most {max} characters.",
    },
    "audit_export_unwritable": {
        "id": "Berkas {path} tidak dapat ditulis: {reason}",
        "en": "Cannot write the file {path}: {reason}",
    },
    # Column headings of the exported CSV file.
    "audit_csv_id": {"id": "no", "en": "no"},
    "audit_csv_time": {"id": "waktu", "en": "time"},
    "audit_csv_action": {"id": "kode_tindakan", "en": "action_code"},
    "audit_csv_action_name": {"id": "tindakan", "en": "action"},
    "audit_csv_officer": {"id": "petugas", "en": "officer"},
    "audit_csv_officer_name": {"id": "nama_petugas", "en": "officer_name"},
    "audit_csv_counter": {"id": "loket", "en": "counter"},
    "audit_csv_subject": {"id": "subjek", "en": "subject"},
    "audit_csv_details": {"id": "rincian", "en": "details"},
}
