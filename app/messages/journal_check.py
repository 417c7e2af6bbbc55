"""Sentences of the journal check: handovers in a counter PC's journal that the
database lacks (``loket pickup journal``, and the counter's notice).

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "journal_check_notice": {
        "id": "{count} penyerahan di PC ini belum ada di basis data (terakhir {time}).\n"
        "Minta supervisor mencatatnya dari jurnal PC ini (halaman Penyerahan susulan, "
        "atau loket pickup reconcile --journal).",
        "en": "{count} handover(s) made on this PC are not in the database (last at "
        "{time}).\nAsk a supervisor to record them from this PC's journal (the Late "
        "handovers page, or loket pickup reconcile --journal).",
    },
    "journal_check_missing": {
        "id": "{application}: diserahkan {time} di loket {counter} oleh {officer}, belum "
        "ada di basis data.",
        "en": "{application}: handed over {time} at counter {counter} by {officer}, not "
        "in the database.",
    },
    "journal_check_total": {
        "id": "{checked} baris jurnal diperiksa; {missing} penyerahan belum ada di basis "
        "data.",
        "en": "{checked} journal line(s) checked; {missing} handover(s) not in the "
        "database.",
    },
    "journal_check_other_database": {
        "id": "{count} baris dari basis data lain dilewati.",
        "en": "{count} line(s) of another database skipped.",
    },
    "journal_check_hint": {
        "id": "Minta supervisor menjalankan: loket pickup reconcile --journal {path}",
        "en": "Ask a supervisor to run: loket pickup reconcile --journal {path}",
    },
}
