"""When a backlog batch will be cleared, at the recent daily pickup rate.

The rate is the passports of the batch collected over the last :data:`RATE_DAYS`
complete days (today, half over, is left out), divided by those days — calendar days,
so a Sunday the office is closed counts as a day with none, as it will in the weeks
ahead. A batch imported fewer days ago uses the complete days since its first import.
The passports still to collect are those printing and those ready within their
collect-by date (overdue ones will be cancelled, not collected). Collected at that
rate from today on, they are all gone by the end of :func:`clear_date`.

None when there is no rate yet (no complete day, or nothing collected in the window)
or nothing left to collect.

:func:`clear_date` is pure; :func:`forecasts` reads what it needs for
``loket backlog batches`` and :func:`burndown_clear_date` takes it from a burn-down
already read for the supervisor's chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Final, cast

import peewee as pw

from app import clock
from app.office.reports import BurnDown
from app.office.settings import get_settings
from app.pickup.service import BatchProgress
from app.storage.models import COLLECTED, PickupRecord
from app.storage.transactions import read

RATE_DAYS: Final = 7


def clear_date(today: dt.date, remaining: int, collected_on: Mapping[dt.date, int],
               first_day: dt.date, window: int = RATE_DAYS) -> dt.date | None:
    """The day the last of ``remaining`` passports is collected at the rate of
    ``collected_on`` (passports collected per local day) over the ``window`` complete
    days before ``today`` (fewer if the batch's ``first_day`` is more recent)."""
    days = min(window, (today - first_day).days)
    if remaining <= 0 or days <= 0:
        return None
    since = today - dt.timedelta(days=days)
    collected = sum(n for day, n in collected_on.items() if since <= day < today)
    if collected <= 0:
        return None
    # remaining / (collected / days) days, rounded up; today is the first of them.
    needed = -(-remaining * days // collected)
    return today + dt.timedelta(days=needed - 1)


def remaining(progress: BatchProgress) -> int:
    """Passports of a batch that are still to be collected: printing, or ready and
    within their collect-by date."""
    return progress.printing + progress.ready - progress.overdue


def burndown_clear_date(bd: BurnDown, window: int = RATE_DAYS) -> dt.date | None:
    """:func:`clear_date` of a burn-down whose last day is today."""
    if not bd.days or bd.first_day is None:
        return None
    per_day = {}
    before = 0
    for day in bd.days:
        per_day[day.day] = day.collected - before
        before = day.collected
    last = bd.days[-1]
    return clear_date(last.day, last.waiting, per_day, bd.first_day, window)


def _tuples(query: pw.BaseQuery) -> list[tuple[Any, ...]]:
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def forecasts(batches: Iterable[BatchProgress],
              today: dt.date | None = None) -> dict[str, dt.date | None]:
    """Batch name → its clear date, for batches as :func:`app.pickup.service.batches`
    counts them (two queries)."""
    zone = get_settings().timezone
    day = today or clock.service_day(zone)
    since = clock.day_start_utc(day - dt.timedelta(days=RATE_DAYS), zone)

    def work() -> tuple[dict[str, dt.datetime], list[tuple[Any, ...]]]:
        first = {str(b): clock.as_datetime(at) for b, at in _tuples(
            PickupRecord.select(PickupRecord.batch, pw.fn.MIN(PickupRecord.imported_at))
            .group_by(PickupRecord.batch))}
        rows = _tuples(PickupRecord.select(PickupRecord.batch, PickupRecord.collected_at)
                       .where((PickupRecord.status == COLLECTED)
                              & (PickupRecord.collected_at >= since)))
        return first, rows

    first, rows = read(work)
    collected: dict[str, dict[dt.date, int]] = {}
    for batch, at in rows:
        local = clock.local_time(clock.as_datetime(at), zone).date()
        per_day = collected.setdefault(str(batch), {})
        per_day[local] = per_day.get(local, 0) + 1
    out: dict[str, dt.date | None] = {}
    for progress in batches:
        imported = first.get(progress.batch)
        out[progress.batch] = None if imported is None else clear_date(
            day, remaining(progress), collected.get(progress.batch, {}),
            clock.local_time(imported, zone).date())
    return out
