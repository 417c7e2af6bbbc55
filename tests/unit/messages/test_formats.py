"""One way to write a duration and a date, in every window, report and command."""

from __future__ import annotations

import datetime as dt
import re

from app.messages import render
from app.messages.formats import date_text, date_time_text, duration_text


def test_durations_carry_their_units_in_each_language() -> None:
    cases = {None: ("–", "–"), 0: ("0 dtk", "0 s"), 45: ("45 dtk", "45 s"),
             60: ("1 mnt", "1 min"), 754: ("12 mnt 34 dtk", "12 min 34 s"),
             3600: ("1 jam", "1 h"), 3754: ("1 jam 2 mnt", "1 h 2 min"),
             -5: ("0 dtk", "0 s"), 0.01: ("< 1 dtk", "< 1 s"), 0.999: ("< 1 dtk", "< 1 s"),
             1.75: ("1 dtk", "1 s"), 3754.9: ("1 jam 2 mnt", "1 h 2 min")}
    for seconds, (indonesian, english) in cases.items():
        assert duration_text(seconds, "id") == indonesian, seconds
        assert duration_text(seconds, "en") == english, seconds


def test_no_message_shows_seconds_with_decimals() -> None:
    """The commands' sentences take a duration already written by :func:`duration_text`."""
    from app.messages import MESSAGES

    decimals = re.compile(r"\{[a-z_]+:\.\d+f\}")
    assert [code for code, texts in MESSAGES.items()
            if any(decimals.search(text) for text in texts.values())] == []
    assert render("cli_out_backup_written", {
        "path": "a.sqlite3", "size": "2 KB", "rows": 5, "version": 14,
        "duration": duration_text(0.01, "id")}, "id").endswith("skema versi 14, < 1 dtk")


def test_dates_are_day_month_year() -> None:
    assert date_text(dt.date(2024, 7, 1)) == "01/07/2024"
    assert date_text("2024-07-01") == "01/07/2024"
    assert date_text(None) == "–"
    assert date_time_text(dt.datetime(2024, 7, 1, 9, 5)) == "01/07/2024 09:05"
