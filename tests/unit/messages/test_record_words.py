"""Every audit action, change in the feed and office setting the core writes has words in
both languages, so no reader (window, command line, export) falls back to its code."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from app.messages import LANGUAGES
from app.messages.record_words import (
    AUDIT_ACTION_WORDS,
    DETAIL_WORDS,
    EVENT_WORDS,
    SETTING_WORDS,
    TABLE_WORDS,
    VALUE_WORDS,
    action_name,
    detail_value,
    details_words,
    event_name,
)
from app.office.settings import SECRET_KEYS, OfficeSettings
from app.storage import models

APP = Path(__file__).resolve().parents[3] / "app"
CONSTANTS = {"PAUSED": "counter_paused", "RESUMED": "counter_resumed",
             "SETTINGS_CHANGED": "settings_changed"}


def _codes(pattern: str) -> set[str]:
    """The first argument of every call matching ``pattern`` in the core's sources."""
    found = set()
    for path in APP.rglob("*.py"):
        for code in re.findall(pattern, path.read_text(encoding="utf-8")):
            found.add(CONSTANTS.get(code, code))
    return found


def test_every_audit_action_the_core_records_has_words() -> None:
    written = _codes(r"(?:\brecord|audit_outbox\.keep)\(\s*\"([a-z_]+)\"")
    written |= _codes(r"\b_announce\(\s*\w+,\s*\"([a-z_]+)\"")  # a day profile's
    written |= _codes(r"\brecord\(\s*([A-Z_]+)\b")
    written |= {"restore_made", "officer_deactivated", "counter_closed", "login_failed"}
    assert "pickup_handed_over" in written and "day_profile_set" in written
    assert written <= AUDIT_ACTION_WORDS.keys(), sorted(written - AUDIT_ACTION_WORDS.keys())


def test_every_change_in_the_feed_has_words() -> None:
    kinds = _codes(r"\bemit(?:_event)?\(\s*\"([a-z_]+)\"")
    kinds |= _codes(r"\bemit(?:_event)?\(\s*([A-Z_]+)\b")
    kinds |= {"recalled", "serving", "finished", "no_show"}  # a counter's steps
    assert "issued" in kinds and "counter_paused" in kinds
    assert kinds <= EVENT_WORDS.keys(), sorted(kinds - EVENT_WORDS.keys())


def test_every_setting_a_person_reads_has_words() -> None:
    shown = {f.name for f in dataclasses.fields(OfficeSettings)} - SECRET_KEYS
    assert shown <= SETTING_WORDS.keys(), sorted(shown - SETTING_WORDS.keys())


def test_every_table_a_backup_counts_has_words() -> None:
    tables = {model._meta.table_name for model in models.BaseModel.__subclasses__()}
    named = tables - {"counter", "officer", "queue", "schema_version"}  # as details say
    assert named <= TABLE_WORDS.keys(), sorted(named - TABLE_WORDS.keys())
    assert {"counter", "officer", "queue", "schema_version"} <= DETAIL_WORDS.keys()


def test_each_table_has_both_languages() -> None:
    for table in (AUDIT_ACTION_WORDS, EVENT_WORDS, SETTING_WORDS, DETAIL_WORDS, VALUE_WORDS,
                  TABLE_WORDS):
        for key, words in table.items():
            assert set(words) == set(LANGUAGES) and all(words.values()), key


def test_unknown_codes_stay_readable_and_values_read_as_words() -> None:
    assert action_name("something_new", "id") == "something new"
    assert event_name("counter_paused", "en") == "counter paused"
    assert detail_value(["self", "proxy"], "id") == "pemilik paspor, penerima kuasa"
    assert detail_value("2024-07-01T03:04:05", "en") == "01/07/2024 03:04"
    assert detail_value({"active": False}, "id") == "{aktif: tidak}"
    assert details_words({"reason": "break", "paused_s": 754}, "id") == \
        "alasan: istirahat; lama jeda: 12 mnt 34 dtk"
    assert details_words({"seconds": 2.5}, "en") == "took: 2 s"
