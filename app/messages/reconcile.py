"""Sentences of ``loket pickup reconcile``: handovers written into the database after a
restore or an emergency PC's day, and why one was not.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "reconcile_source_missing": {
        "id": "'{where}' tidak ditemukan atau bukan berkas; tidak ada yang dicatat.",
        "en": "'{where}' was not found or is not a file; nothing was recorded.",
    },
    "reconcile_not_loket": {
        "id": "'{where}' bukan basis data Loket (atau rusak); tidak ada yang dicatat.",
        "en": "'{where}' is not a Loket database (or it is damaged); nothing was recorded.",
    },
    "reconcile_not_journal": {
        "id": "'{where}' bukan jurnal penyerahan Loket (tidak ada satu baris pun yang "
        "berisi penyerahan); tidak ada yang dicatat.",
        "en": "'{where}' is not a Loket handover journal (no line in it is a handover); "
        "nothing was recorded.",
    },
    "reconcile_schema_differs": {
        "id": "'{where}' dibuat oleh versi Loket lain (skema {found}, di sini {expected}); "
        "tidak ada yang dicatat. Jalankan Loket versi yang sama dengan basis data itu "
        "satu kali supaya diperbarui, lalu ulangi.",
        "en": "'{where}' was made by another Loket version (schema {found}, here "
        "{expected}); nothing was recorded. Open it once with this Loket version to "
        "bring it up to date, then try again.",
    },
    "reconcile_login_too_narrow": {
        "id": "Login basis data PC ini tidak boleh membaca log audit, padahal itu perlu "
        "untuk mencatat penyerahan susulan; tidak ada yang dicatat. Jalankan perintah ini "
        "di PC supervisor (salin dulu berkas jurnal PC ini ke sana, lalu --journal "
        "BERKAS), atau dengan --db memakai login PC supervisor.",
        "en": "This PC's database login may not read the audit log, which recording "
        "handovers afterwards needs; nothing was recorded. Run this command on the "
        "supervisor's PC (copy this PC's journal file there first, then --journal FILE), "
        "or with --db using the supervisor PC's login.",
    },
    "reconcile_recorded": {
        "id": "{application}: dicatat sudah diambil {time} di loket {counter} oleh "
        "{officer}.",
        "en": "{application}: recorded as collected {time} at counter {counter} by "
        "{officer}.",
    },
    "reconcile_would_record": {
        "id": "{application}: akan dicatat sudah diambil {time} di loket {counter} oleh "
        "{officer}.",
        "en": "{application}: would be recorded as collected {time} at counter {counter} "
        "by {officer}.",
    },
    "reconcile_unknown_officer": {
        "id": "Petugas '{officer}' tidak dikenal di sini: dicatat tanpa petugas.",
        "en": "Officer '{officer}' is not known here: recorded without an officer.",
    },
    "reconcile_unknown_counter": {
        "id": "Loket {counter} tidak dikenal di sini: dicatat tanpa loket.",
        "en": "Counter {counter} is not known here: recorded without a counter.",
    },
    "reconcile_conflict_collected_otherwise": {
        "id": "{application}: TIDAK dicatat: di sini sudah diambil {database_time} di loket "
        "{database_counter}, di sumber {time} di loket {counter}. Periksa buku "
        "penyerahan.",
        "en": "{application}: NOT recorded: here it was collected {database_time} at "
        "counter {database_counter}, in the source {time} at counter {counter}. Check "
        "the handover book.",
    },
    "reconcile_conflict_cancelled": {
        "id": "{application}: TIDAK dicatat: di sini paspor ini sudah dibatalkan, di sumber "
        "diambil {time} di loket {counter}. Periksa rak dan buku penyerahan.",
        "en": "{application}: NOT recorded: here this passport is cancelled, in the "
        "source collected {time} at counter {counter}. Check the shelf and the handover "
        "book.",
    },
    "reconcile_conflict_not_ready": {
        "id": "{application}: TIDAK dicatat: di sini paspor ini belum siap, di sumber "
        "diambil {time} di loket {counter}. Periksa rak dan buku penyerahan.",
        "en": "{application}: NOT recorded: here this passport is not ready, in the "
        "source collected {time} at counter {counter}. Check the shelf and the handover "
        "book.",
    },
    "reconcile_conflict_undone": {
        "id": "{application}: TIDAK dicatat: penyerahan {time} di loket {counter} sudah "
        "dibatalkan oleh supervisor di sini.",
        "en": "{application}: NOT recorded: the handover {time} at counter {counter} was "
        "undone by a supervisor here.",
    },
    "reconcile_unknown_application": {
        "id": "{application}: tidak ada di basis data ini (diambil {time} di loket "
        "{counter}); tidak dicatat.",
        "en": "{application}: not in this database (collected {time} at counter "
        "{counter}); not recorded.",
    },
    "reconcile_other_database": {
        "id": "{application}: dari basis data lain (diambil {time} di loket {counter}); "
        "dilewati.",
        "en": "{application}: from another database (collected {time} at counter "
        "{counter}); skipped.",
    },
    "reconcile_other_database_hint": {
        "id": "Bila itu memang basis data kantor ini (server dibuat ulang, bukan "
        "dipulihkan), ulangi dengan --any-database.",
        "en": "If that is this office's database all the same (a server made anew, not "
        "restored), run again with --any-database.",
    },
    "reconcile_total": {
        "id": "Jumlah {total}: {recorded} dicatat, {already_recorded} sudah tercatat, "
        "{conflict} bentrok, {unknown_application} tidak dikenal, {other_database} dari "
        "basis data lain.",
        "en": "Total {total}: {recorded} recorded, {already_recorded} already recorded, "
        "{conflict} in conflict, {unknown_application} unknown, {other_database} from "
        "another database.",
    },
}
