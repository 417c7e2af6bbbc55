"""The office's records in words: what an audit entry, a change in the feed and an office
setting are called, in both languages.

One set of tables for every reader, so the supervisor's window, the command line and the
CSV export name an entry the same way: :func:`action_name` (an audit entry's action),
:func:`event_name` (a change in the feed, ``loket events``), :func:`detail_key` and
:func:`detail_value` (an entry's details, used by
:func:`app.office.audit_log.details_text`) and :func:`setting_name` (an office setting;
its key stays as it is typed, ``loket settings set KEY``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final

from app import clock
from app.messages import (
    COLLECTOR_KIND_WORDS,
    PAUSE_REASON_WORDS,
    current_language,
    word_in,
)
from app.messages.formats import date_text, date_time_text, duration_text

# An audit entry's action (AuditEntry.action).
AUDIT_ACTION_WORDS: Final[dict[str, dict[str, str]]] = {
    "login": {"id": "masuk", "en": "signed in"},
    "logout": {"id": "keluar", "en": "signed out"},
    "logout_forced": {"id": "dikeluarkan: akun berubah", "en": "signed out: account changed"},
    "login_failed": {"id": "gagal masuk", "en": "sign-in failed"},
    "admin_login_refused": {"id": "jendela supervisor ditolak",
                            "en": "supervisor window refused"},
    "settings_changed": {"id": "pengaturan diubah", "en": "settings changed"},
    "signing_key_rotated": {"id": "kunci tanda tangan diganti", "en": "signing key rotated"},
    "backlog_imported": {"id": "daftar tunggakan diimpor", "en": "backlog list imported"},
    "bookings_imported": {"id": "daftar M-Paspor diimpor", "en": "bookings imported"},
    "booking_checked_in": {"id": "M-Paspor hadir", "en": "booking checked in"},
    "pickup_handed_over": {"id": "paspor diserahkan", "en": "passport handed over"},
    "pickup_handover_undone": {"id": "penyerahan dibatalkan", "en": "handover undone"},
    "pickup_handover_reconciled": {"id": "penyerahan dicatat susulan",
                                   "en": "handover recorded afterwards"},
    "tickets_merged": {"id": "nomor antrian digabung dari PC darurat",
                       "en": "tickets merged from an emergency PC"},
    "pickup_priority_check_in": {"id": "pengambilan prioritas hadir",
                                 "en": "priority pickup check-in"},
    "pickup_overdue_cancelled": {"id": "paspor lewat batas dibatalkan",
                                 "en": "overdue passports cancelled"},
    "ticket_cancelled": {"id": "nomor dibatalkan", "en": "ticket voided"},
    "ticket_requeued": {"id": "nomor tidak hadir dikembalikan ke antrian",
                        "en": "no-show put back in line"},
    "counter_paused": {"id": "loket dijeda", "en": "counter paused"},
    "counter_resumed": {"id": "loket dilanjutkan", "en": "counter resumed"},
    "officer_added": {"id": "petugas ditambahkan", "en": "officer added"},
    "officer_changed": {"id": "petugas diubah", "en": "officer changed"},
    "officer_deactivated": {"id": "petugas dinonaktifkan", "en": "officer deactivated"},
    "officer_reactivated": {"id": "petugas diaktifkan kembali", "en": "officer reactivated"},
    "officer_password_reset": {"id": "kata sandi diatur ulang", "en": "password reset"},
    "db_login_created": {"id": "login basis data dibuat", "en": "database login made"},
    "db_login_dropped": {"id": "login basis data dihapus", "en": "database login dropped"},
    "counter_added": {"id": "loket ditambahkan", "en": "counter added"},
    "counter_changed": {"id": "loket diubah", "en": "counter changed"},
    "counter_opened": {"id": "loket dibuka", "en": "counter opened"},
    "counter_closed": {"id": "loket ditutup", "en": "counter closed"},
    "queue_added": {"id": "antrian ditambahkan", "en": "queue added"},
    "queue_changed": {"id": "antrian diubah", "en": "queue changed"},
    "audit_exported": {"id": "log audit diekspor", "en": "audit log exported"},
    "demo_created": {"id": "kantor contoh dibuat", "en": "demo office created"},
    "backup_made": {"id": "cadangan dibuat", "en": "backup made"},
    "restore_made": {"id": "basis data dipulihkan", "en": "database restored"},
    "personal_data_purged": {"id": "data pribadi dihapus", "en": "personal data erased"},
    "pc_settings_opened": {"id": "pengaturan PC dibuka", "en": "PC settings opened"},
    "pc_settings_refused": {"id": "pengaturan PC ditolak", "en": "PC settings refused"},
    "notification_retried": {"id": "pesan dikirim ulang", "en": "message sent again"},
    "notify_opted_out": {"id": "tidak mau dikirimi pesan", "en": "messages refused"},
    "survey_answered": {"id": "survei dijawab", "en": "survey answered"},
    "day_profile_set": {"id": "profil hari diatur", "en": "day profile set"},
    "day_profile_scheduled": {"id": "profil hari dijadwalkan", "en": "day profile scheduled"},
    "day_profile_unscheduled": {"id": "jadwal profil hari dihapus",
                                "en": "day profile unscheduled"},
}

# A change in the feed (Event.kind), as ``loket events`` prints it.
EVENT_WORDS: Final[dict[str, dict[str, str]]] = {
    "issued": {"id": "nomor diambil", "en": "ticket issued"},
    "called": {"id": "dipanggil", "en": "called"},
    "recalled": {"id": "dipanggil ulang", "en": "called again"},
    "serving": {"id": "mulai dilayani", "en": "serving started"},
    "finished": {"id": "selesai", "en": "finished"},
    "no_show": {"id": "tidak hadir", "en": "no-show"},
    "cancelled": {"id": "dibatalkan", "en": "cancelled"},
    "transferred": {"id": "dialihkan", "en": "transferred"},
    "requeued": {"id": "kembali ke antrian", "en": "back in line"},
    "expired": {"id": "kedaluwarsa", "en": "expired"},
    "counter_paused": {"id": "loket dijeda", "en": "counter paused"},
    "counter_resumed": {"id": "loket dilanjutkan", "en": "counter resumed"},
    "counter_changed": {"id": "loket berubah", "en": "counter changed"},
    "queue_changed": {"id": "antrian berubah", "en": "queue changed"},
    "officer_changed": {"id": "petugas berubah", "en": "officer changed"},
    "settings_changed": {"id": "pengaturan berubah", "en": "settings changed"},
    "pickup_collected": {"id": "paspor diserahkan", "en": "passport handed over"},
    "pickup_reopened": {"id": "penyerahan dibatalkan", "en": "handover undone"},
    "pickup_cancelled": {"id": "paspor dibatalkan", "en": "passports cancelled"},
    "backlog_imported": {"id": "daftar tunggakan diimpor", "en": "backlog imported"},
    "bookings_imported": {"id": "daftar M-Paspor diimpor", "en": "bookings imported"},
}

# An office setting (OfficeSettings' fields), in a few words.
SETTING_WORDS: Final[dict[str, dict[str, str]]] = {
    "office_name": {"id": "nama kantor", "en": "office name"},
    "timezone": {"id": "zona waktu", "en": "time zone"},
    "language": {"id": "bahasa", "en": "language"},
    "notice_text": {"id": "pengumuman di layar", "en": "notice on the display"},
    "collect_by_days": {"id": "batas pengambilan (hari)", "en": "days to collect"},
    "backlog_pickup_queue": {"id": "antrian pengambilan tunggakan",
                             "en": "backlog pickup queue"},
    "regular_pickup_queue": {"id": "antrian pengambilan biasa", "en": "regular pickup queue"},
    "priority_pickup_queue": {"id": "antrian pengambilan prioritas",
                              "en": "priority pickup queue"},
    "signing_grace_days": {"id": "kode lama berlaku (hari)", "en": "old codes valid (days)"},
    "retention_days": {"id": "data pribadi disimpan (hari)",
                       "en": "personal data kept (days)"},
    "backup_daily": {"id": "cadangan harian", "en": "daily backup"},
    "backup_time": {"id": "jam cadangan", "en": "backup time"},
    "backup_folder": {"id": "folder cadangan", "en": "backup folder"},
    "backup_keep": {"id": "cadangan disimpan", "en": "backups kept"},
    "requeue_grace_min": {"id": "batas kembali ke antrian (menit)",
                          "en": "back in line within (minutes)"},
    "auto_no_show_after_recalls": {"id": "tidak hadir otomatis sesudah (panggilan ulang)",
                                   "en": "no-show after (recalls)"},
    "booking_early_min": {"id": "M-Paspor paling awal (menit)",
                          "en": "booking early by (minutes)"},
    "booking_late_min": {"id": "M-Paspor paling lambat (menit)",
                         "en": "booking late by (minutes)"},
    "survey_form": {"id": "formulir survei", "en": "survey form"},
    "survey_hours": {"id": "survei dapat dijawab (jam)", "en": "survey open for (hours)"},
    "notify_url": {"id": "alamat gerbang SMS", "en": "text-message gateway"},
    "notify_smtp_host": {"id": "server surel", "en": "e-mail server"},
    "notify_smtp_port": {"id": "port server surel", "en": "e-mail server port"},
    "notify_smtp_from": {"id": "alamat pengirim surel", "en": "e-mail sender"},
    "notify_collect_by_days": {"id": "pengingat sebelum batas (hari)",
                               "en": "reminder before the deadline (days)"},
    "notify_template_passport_ready": {"id": "teks pesan paspor siap",
                                       "en": "passport ready message"},
    "notify_template_collect_by_soon": {"id": "teks pesan pengingat",
                                        "en": "reminder message"},
    "pickup_invite_per_day": {"id": "undangan ambil paspor per hari",
                              "en": "pickup invitations per day"},
    "notify_near_places": {"id": "kabar giliran dekat (nomor sebelumnya)",
                           "en": "turn-near notice (tickets before)"},
    "notify_template_number_near": {"id": "teks pesan giliran dekat",
                                    "en": "turn-near message"},
    "database_id": {"id": "tanda pengenal basis data", "en": "database identifier"},
    "previous_signing_keys": {"id": "kunci lama", "en": "retired keys"},
    "retired_on": {"id": "diganti pada", "en": "retired on"},
    "valid_until": {"id": "berlaku sampai", "en": "valid until"},
}

# The keys of an audit entry's details (besides the settings' own).
DETAIL_WORDS: Final[dict[str, dict[str, str]]] = {
    "role": {"id": "peran", "en": "role"},
    "collector": {"id": "pengambil", "en": "collector"},
    "collector_name": {"id": "nama pengambil", "en": "collector's name"},
    "id_checked": {"id": "identitas diperiksa", "en": "ID checked"},
    "verified": {"id": "kode sah", "en": "code verified"},
    "record": {"id": "data paspor", "en": "passport record"},
    "ticket": {"id": "nomor", "en": "ticket"},
    "number": {"id": "nomor", "en": "number"},
    "reason": {"id": "alasan", "en": "reason"},
    "undone": {"id": "yang dibatalkan", "en": "undone"},
    "collected_at": {"id": "diambil pada", "en": "collected at"},
    "collected_counter": {"id": "loket penyerahan", "en": "handover counter"},
    "collected_by": {"id": "diserahkan oleh", "en": "handed over by"},
    "collect_by": {"id": "batas pengambilan", "en": "collect by"},
    "priority": {"id": "prioritas", "en": "priority"},
    "queue": {"id": "antrian", "en": "queue"},
    "queues": {"id": "antrian", "en": "queues"},
    "application_nos": {"id": "nomor permohonan", "en": "application numbers"},
    "before": {"id": "sebelum", "en": "before"},
    "after": {"id": "sesudah", "en": "after"},
    "rows": {"id": "baris", "en": "rows"},
    "created": {"id": "baru", "en": "created"},
    "updated": {"id": "diperbarui", "en": "updated"},
    "unchanged": {"id": "tetap", "en": "unchanged"},
    "closed": {"id": "ditutup", "en": "closed"},
    "batch": {"id": "gelombang", "en": "batch"},
    "booking": {"id": "M-Paspor", "en": "booking"},
    "first_issued_at": {"id": "diambil pertama", "en": "first issued at"},
    "no_show_at": {"id": "tidak hadir pada", "en": "no-show at"},
    "no_show_counter": {"id": "loket yang menandai", "en": "marked at counter"},
    "mode": {"id": "mode", "en": "mode"},
    "filter": {"id": "saringan", "en": "filter"},
    "date_from": {"id": "dari tanggal", "en": "from"},
    "date_to": {"id": "sampai tanggal", "en": "to"},
    "officer": {"id": "petugas", "en": "officer"},
    "counter": {"id": "loket", "en": "counter"},
    "action": {"id": "tindakan", "en": "action"},
    "text": {"id": "teks", "en": "text"},
    "old_codes_valid_until": {"id": "kode lama berlaku sampai",
                              "en": "old codes valid until"},
    "retired_keys_kept": {"id": "kunci lama disimpan", "en": "retired keys kept"},
    "active": {"id": "aktif", "en": "active"},
    "name": {"id": "nama", "en": "name"},
    "full_name": {"id": "nama lengkap", "en": "full name"},
    "prefix": {"id": "awalan", "en": "prefix"},
    "name_id": {"id": "nama (Indonesia)", "en": "name (Indonesian)"},
    "name_en": {"id": "nama (Inggris)", "en": "name (English)"},
    "kind": {"id": "jenis", "en": "kind"},
    "daily_quota": {"id": "kuota harian", "en": "daily quota"},
    "form": {"id": "formulir", "en": "form"},
    "cutoff": {"id": "batas", "en": "cut-off"},
    "records": {"id": "data paspor", "en": "passport records"},
    "audit_entries": {"id": "catatan audit", "en": "audit entries"},
    "bookings": {"id": "M-Paspor", "en": "bookings"},
    "survey_comments": {"id": "komentar survei", "en": "survey comments"},
    "ticket_contacts": {"id": "nomor HP di kios", "en": "phones left at the kiosk"},
    "pause": {"id": "jeda", "en": "pause"},
    "paused_s": {"id": "lama jeda", "en": "paused for"},
    "path": {"id": "berkas", "en": "file"},
    "format": {"id": "format", "en": "format"},
    "size": {"id": "ukuran (bita)", "en": "size (bytes)"},
    "counts": {"id": "jumlah", "en": "counts"},
    "schema_version": {"id": "versi skema", "en": "schema version"},
    "scheduled": {"id": "terjadwal", "en": "scheduled"},
    "seconds": {"id": "lama", "en": "took"},
    "open": {"id": "buka", "en": "open"},
    "counters": {"id": "loket", "en": "counters"},
    "hours": {"id": "jam layanan", "en": "hours"},
    "on": {"id": "pada", "en": "on"},
    "cancelled": {"id": "dibatalkan", "en": "cancelled"},
    "contact": {"id": "kontak", "en": "contact"},
    "notification": {"id": "pesan", "en": "message"},
    "backup_made_at": {"id": "cadangan dibuat", "en": "backup made at"},
    "backup_schema_version": {"id": "versi skema cadangan", "en": "backup schema version"},
    "source_backend": {"id": "basis data asal", "en": "source database"},
    "replaced": {"id": "menimpa", "en": "replaced"},
    "settings_now_name_code": {"id": "pengaturan kini memakai kode",
                               "en": "settings now name the code"},
    "value": {"id": "nilai", "en": "value"},
    "source": {"id": "sumber", "en": "source"},
    "service_day": {"id": "hari layanan", "en": "service day"},
    "merged": {"id": "digabung", "en": "merged"},
    "seq_from": {"id": "urutan dari", "en": "sequence from"},
    "seq_to": {"id": "urutan sampai", "en": "sequence to"},
    "surveys": {"id": "jawaban survei", "en": "survey answers"},
    "skipped": {"id": "dilewati", "en": "skipped"},
}

# The database's tables, as a backup's or a restore's row counts name them.
TABLE_WORDS: Final[dict[str, dict[str, str]]] = {
    "audit_entry": {"id": "catatan audit", "en": "audit entries"},
    "audit_note": {"id": "keterangan audit", "en": "audit notes"},
    "booking": {"id": "M-Paspor", "en": "bookings"},
    "counter_pause": {"id": "jeda loket", "en": "counter pauses"},
    "counter_queue": {"id": "antrian per loket", "en": "counters' queues"},
    "daily_sequence": {"id": "urutan nomor harian", "en": "daily numbering"},
    "day_profile": {"id": "profil hari", "en": "day profiles"},
    "day_schedule": {"id": "jadwal profil hari", "en": "day schedule"},
    "event": {"id": "umpan perubahan", "en": "change feed"},
    "notification": {"id": "pesan", "en": "messages"},
    "notify_opt_out": {"id": "penolakan pesan", "en": "message opt-outs"},
    "pickup_record": {"id": "data paspor", "en": "passport records"},
    "request_log": {"id": "catatan permintaan", "en": "request log"},
    "setting": {"id": "pengaturan", "en": "settings"},
    "signing_key": {"id": "kunci tanda tangan QR", "en": "QR signing keys"},
    "survey_response": {"id": "jawaban survei", "en": "survey answers"},
    "ticket": {"id": "nomor antrian", "en": "tickets"},
    "ticket_contact": {"id": "nomor HP di kios", "en": "phones left at the kiosk"},
}

# Coded values in the details and settings: roles, collectors, yes and no, forms.
VALUE_WORDS: Final[dict[str, dict[str, str]]] = {
    "officer": {"id": "petugas", "en": "officer"},
    "supervisor": {"id": "supervisor", "en": "supervisor"},
    "admin": {"id": "admin", "en": "admin"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "full": {"id": "lengkap", "en": "full"},
    "short": {"id": "singkat", "en": "short"},
    "service": {"id": "layanan", "en": "service"},
    "pickup": {"id": "pengambilan", "en": "pickup"},
    "passport_ready": {"id": "paspor siap", "en": "passport ready"},
    "collect_by_soon": {"id": "pengingat batas", "en": "collect-by reminder"},
    "id": {"id": "Bahasa Indonesia", "en": "Indonesian"},
    "en": {"id": "Bahasa Inggris", "en": "English"},
    "signed_out_inactive": {"id": "akun dinonaktifkan", "en": "account deactivated"},
    "signed_out_role": {"id": "peran diubah", "en": "role changed"},
}

_KEY_TABLES: Final = (DETAIL_WORDS, SETTING_WORDS, TABLE_WORDS)
_VALUE_TABLES: Final = (VALUE_WORDS, COLLECTOR_KIND_WORDS, PAUSE_REASON_WORDS)
_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT: Final = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")


def action_name(code: str, lang: str | None = None) -> str:
    """An audit entry's action as its reader calls it (an unknown code, readable)."""
    if code in AUDIT_ACTION_WORDS:
        return word_in(AUDIT_ACTION_WORDS, code, lang)
    return code.replace("_", " ")


def event_name(kind: str, lang: str | None = None) -> str:
    """A change in the feed in words (an unknown kind, readable)."""
    if kind in EVENT_WORDS:
        return word_in(EVENT_WORDS, kind, lang)
    return kind.replace("_", " ")


def setting_name(key: str, lang: str | None = None) -> str:
    """An office setting in a few words ("" for a key without words)."""
    return word_in(SETTING_WORDS, key, lang) if key in SETTING_WORDS else ""


def detail_key(key: str, lang: str | None = None) -> str:
    """The key of an audit entry's detail in words (a setting's key: its words)."""
    for table in _KEY_TABLES:
        if key in table:
            return word_in(table, key, lang)
    return key.replace("_", " ")


def detail_value(value: Any, lang: str | None = None, zone: str | None = None) -> str:
    """One value of an entry's details or of a setting: a code in words, yes/no for a
    flag, ``–`` for nothing, numbers and names as they are. A moment is stored in UTC:
    with ``zone`` (the office's time zone) it is shown in the office's time."""
    lang = lang or current_language()
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return word_in(VALUE_WORDS, "yes" if value else "no", lang)
    if isinstance(value, list | tuple):
        return ", ".join(detail_value(v, lang, zone) for v in value) or "–"
    if isinstance(value, Mapping):
        return "{" + details_words(value, lang, zone) + "}"
    if isinstance(value, str):
        if _DATE.fullmatch(value):
            return date_text(value)
        if _MOMENT.fullmatch(value):
            moment = dt.datetime.fromisoformat(value)
            if zone and moment.tzinfo is None:
                moment = clock.local_time(moment, zone)
            return date_time_text(moment)
        for table in _VALUE_TABLES:
            if value in table:
                return word_in(table, value, lang)
    return str(value)


def details_words(details: Mapping[str, Any], lang: str | None = None,
                  zone: str | None = None) -> str:
    """A details record as one line in words: ``peran: petugas; pengambil: …``; a
    number of seconds (``paused_s``, ``seconds``) as a duration with its units; a
    moment in the office's time with ``zone``."""
    lang = lang or current_language()

    def value_text(key: str, value: Any) -> str:
        timed = key.endswith("_s") or key == "seconds"
        if timed and isinstance(value, int | float) and not isinstance(value, bool):
            return duration_text(value, lang)
        return detail_value(value, lang, zone)

    return "; ".join(f"{detail_key(str(key), lang)}: {value_text(str(key), value)}"
                     for key, value in details.items())
