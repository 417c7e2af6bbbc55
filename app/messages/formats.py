"""How a duration and a date are written, the same in every window, report and command.

A duration carries its units (``12 mnt 34 dtk``, ``12 min 34 s``): ``12:34`` was read
as a time of day, and ``mm:ss`` beside ``h:mm`` left the reader guessing. From an
hour on, seconds are left out; under a second is ``< 1 dtk`` (a backup's ``0.01 dtk``
told the reader no more, and no other duration shows decimals). A date is
``dd/mm/yyyy``, as Indonesian forms write it, in both languages. (Spreadsheet exports
keep their own machine-readable columns.)
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from app.messages import current_language

NONE_TEXT: Final = "–"
_UNITS: Final = {"id": ("jam", "mnt", "dtk"), "en": ("h", "min", "s")}


def duration_text(seconds: float | None, lang: str | None = None) -> str:
    """``None`` → ``–``; 0.01 → ``< 1 dtk``; 754 → ``12 mnt 34 dtk``; 3754 →
    ``1 jam 2 mnt`` (Indonesian). Whole seconds, cut (not rounded) below the unit shown."""
    if seconds is None:
        return NONE_TEXT
    hour, minute, second = _UNITS.get(lang or current_language(), _UNITS["id"])
    if 0 < seconds < 1:
        return f"< 1 {second}"
    hours, rest = divmod(max(int(seconds), 0), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        parts = [(hours, hour), (minutes, minute)]
    elif minutes:
        parts = [(minutes, minute), (secs, second)]
    else:
        return f"{secs} {second}"
    return " ".join(f"{value} {unit}" for value, unit in parts if value)


def date_text(day: dt.date | str | None) -> str:
    """``dd/mm/yyyy``; an ISO date string (as the core hands dates out) is read first."""
    if not day:
        return NONE_TEXT
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return day.strftime("%d/%m/%Y")


def date_time_text(moment: dt.datetime | None) -> str:
    """``dd/mm/yyyy hh:mm`` in the moment's own zone (the caller makes it local)."""
    return moment.strftime("%d/%m/%Y %H:%M") if moment is not None else NONE_TEXT
