"""Time in the office's terms.

Timestamps are stored as naive UTC. The *service day* is the office's local
date (``Asia/Jakarta`` by default), never the server's zone and never UTC:
Jakarta is UTC+7, so a UTC date would put every ticket issued before 07:00 on
the previous day, and a server in another zone would roll the queue over in
the middle of office hours.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Jakarta"


def utcnow() -> dt.datetime:
    """Now, as naive UTC (how every timestamp is stored)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def zone(name: str) -> ZoneInfo:
    """The zone called ``name``; the office default if the name is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def is_known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def day_start_utc(day: dt.date, tz_name: str) -> dt.datetime:
    """The moment the office's local ``day`` begins, as naive UTC (how times are stored)."""
    local = dt.datetime.combine(day, dt.time(), tzinfo=zone(tz_name))
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def local_time(at_utc: dt.datetime, tz_name: str) -> dt.datetime:
    """A stored (naive UTC) moment as the office's local wall-clock time (naive)."""
    return at_utc.replace(tzinfo=dt.UTC).astimezone(zone(tz_name)).replace(tzinfo=None)


def service_day(tz_name: str, at_utc: dt.datetime | None = None) -> dt.date:
    """The office's local date at ``at_utc`` (default now)."""
    at = (at_utc or utcnow()).replace(tzinfo=dt.UTC)
    return at.astimezone(zone(tz_name)).date()


def as_date(value: Any) -> dt.date | None:
    """A date column's value as a date, whatever the driver returned (a date, a
    datetime, or ISO text as SQLite and raw rows give it); None stays None."""
    return None if value is None else as_day(value)


def as_day(value: Any) -> dt.date:
    """:func:`as_date` of a value that is never NULL (a grouped-by date column)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> dt.datetime:
    """A datetime column's value as a naive datetime, whatever the driver returned (a
    datetime, or ISO text as SQLite gives it)."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
