"""Small text helpers shared by the windows (elapsed times, queue names in the chosen
language). Durations and dates are written by :mod:`app.messages.formats`."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from app.messages import current_language


class _Named(Protocol):
    @property
    def name_id(self) -> str: ...

    @property
    def name_en(self) -> str: ...


def local_name(thing: _Named, lang: str | None = None) -> str:
    """A queue's (or service's) name in ``lang`` (default: the language the windows speak
    now)."""
    return thing.name_en if (lang or current_language()) == "en" else thing.name_id


def seconds_since(iso_utc: str | None, now: dt.datetime | None = None) -> int | None:
    """Seconds from an ISO timestamp (as the core hands them out) until now."""
    if not iso_utc:
        return None
    then = dt.datetime.fromisoformat(iso_utc)
    if then.tzinfo is None:
        then = then.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0, int((now - then).total_seconds()))
