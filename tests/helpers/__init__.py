"""What several test files share: the office's moment, how long a window test waits.

Fixtures and helpers for one area live beside its tests; what two areas need lives
here (``tests.helpers.reports``: a constructed day of tickets; ``tests.helpers.databases``:
putting a database back into an earlier state; ``tests.helpers.logfail``: unexpected log
records fail a test; ``tests.helpers.gui_thread``: no query on a window's GUI thread).
"""

from __future__ import annotations

import datetime as dt

NOW = dt.datetime(2024, 7, 1, 3, 0)  # Monday 1 July 2024, 10:00 in Jakarta (UTC+7)

# How long a window test waits for something that happens at once on a quiet machine
# (ms). Generous: a shared CI machine may be busy; a wait ends as soon as it is met.
WAIT = 10_000


def jakarta(hour: int, minute: int = 0, day: dt.date | None = None) -> dt.datetime:
    """The office's local time (Jakarta, UTC+7) on ``day`` (default: NOW's) as the naive
    UTC the clock gives."""
    on = day or NOW.date()
    return dt.datetime.combine(on, dt.time(hour, minute)) - dt.timedelta(hours=7)
