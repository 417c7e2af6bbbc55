"""Sentences of the supervisor's window: reports, charts and their exports.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "reports_period_unknown": {
        "id": "Periode laporan '{period}' tidak dikenal; pilih hari ini, minggu ini, bulan "
        "ini, atau tanggal sendiri.",
        "en": "Unknown report period '{period}'; choose today, this week, this month, or "
        "your own dates.",
    },
    "reports_range_invalid": {
        "id": "Tanggal awal dan akhir laporan harus berupa tanggal.",
        "en": "The report's first and last day must be dates.",
    },
    "reports_range_backwards": {
        "id": "Tanggal akhir ({end}) lebih awal dari tanggal awal ({start}); perbaiki rentang "
        "tanggalnya.",
        "en": "The last day ({end}) is before the first day ({start}); correct the dates.",
    },
    "reports_range_too_long": {
        "id": "Satu laporan paling panjang {max} hari; pilih rentang yang lebih pendek.",
        "en": "A report covers at most {max} days; choose a shorter range.",
    },
    "reports_batch_unknown": {
        "id": "Kelompok pengambilan '{batch}' tidak ada di basis data.",
        "en": "There is no pickup batch '{batch}' in the database.",
    },
    "reports_file_unwritable": {
        "id": "Berkas {path} tidak dapat disimpan: {reason}. Pilih folder lain.",
        "en": "The file {path} cannot be saved: {reason}. Choose another folder.",
    },
    # Row names in the report tables.
    "reports_total": {"id": "Jumlah", "en": "Total"},
    "reports_no_counter": {"id": "(tidak dipanggil ke loket)", "en": "(not called to a counter)"},
    "reports_no_officer": {"id": "(tanpa petugas)", "en": "(no officer)"},
    # Sections of the CSV export.
    "reports_section_total": {"id": "jumlah", "en": "total"},
    "reports_section_queue": {"id": "antrian", "en": "queue"},
    "reports_section_counter": {"id": "loket", "en": "counter"},
    "reports_section_officer": {"id": "petugas", "en": "officer"},
    "reports_section_hour": {"id": "jam", "en": "hour"},
    # Column headings of the CSV export.
    "reports_col_from": {"id": "dari_tanggal", "en": "from"},
    "reports_col_to": {"id": "sampai_tanggal", "en": "to"},
    "reports_col_section": {"id": "bagian", "en": "section"},
    "reports_col_key": {"id": "kode", "en": "key"},
    "reports_col_name": {"id": "nama", "en": "name"},
    "reports_col_issued": {"id": "nomor_diambil", "en": "issued"},
    "reports_col_served": {"id": "selesai_dilayani", "en": "served"},
    "reports_col_no_shows": {"id": "tidak_hadir", "en": "no_shows"},
    "reports_col_cancelled": {"id": "dibatalkan", "en": "cancelled"},
    "reports_col_expired": {"id": "kedaluwarsa", "en": "expired"},
    "reports_col_open": {"id": "masih_terbuka", "en": "open"},
    "reports_col_transferred": {"id": "dialihkan", "en": "transferred"},
    "reports_col_waited": {"id": "dipanggil", "en": "called"},
    "reports_col_wait_avg_s": {"id": "tunggu_rata2_detik", "en": "wait_avg_s"},
    "reports_col_wait_avg": {"id": "tunggu_rata2", "en": "wait_avg"},
    "reports_col_wait_p90_s": {"id": "tunggu_p90_detik", "en": "wait_p90_s"},
    "reports_col_wait_p90": {"id": "tunggu_p90", "en": "wait_p90"},
    "reports_col_timed": {"id": "layanan_tercatat", "en": "service_timed"},
    "reports_col_service_avg_s": {"id": "layanan_rata2_detik", "en": "service_avg_s"},
    "reports_col_service_avg": {"id": "layanan_rata2", "en": "service_avg"},
    "reports_col_service_p90_s": {"id": "layanan_p90_detik", "en": "service_p90_s"},
    "reports_col_service_p90": {"id": "layanan_p90", "en": "service_p90"},
    "reports_col_handed_over": {"id": "paspor_diserahkan", "en": "handed_over"},
    "reports_col_handed_self": {"id": "diambil_pemilik", "en": "handed_self"},
    "reports_col_handed_family": {"id": "diambil_keluarga", "en": "handed_family"},
    "reports_col_handed_proxy": {"id": "diambil_kuasa", "en": "handed_proxy"},
    "reports_col_serving_s": {"id": "melayani_detik", "en": "serving_s"},
    "reports_col_paused_s": {"id": "jeda_detik", "en": "paused_s"},
    "reports_col_idle_s": {"id": "menganggur_detik", "en": "idle_s"},
    # Column headings of the burn-down CSV.
    "reports_burn_batch": {"id": "kelompok", "en": "batch"},
    "reports_burn_day": {"id": "tanggal", "en": "day"},
    "reports_burn_collected": {"id": "sudah_diambil", "en": "collected"},
    "reports_burn_waiting": {"id": "masih_menunggu", "en": "still_waiting"},
    "reports_burn_past_collect_by": {"id": "lewat_batas", "en": "past_collect_by"},
    "reports_burn_overdue": {"id": "lewat_batas_belum_dibatalkan", "en": "overdue"},
    "reports_burn_cancelled": {"id": "dibatalkan", "en": "cancelled"},
}
