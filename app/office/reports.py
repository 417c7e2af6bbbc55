"""Reports for the supervisor: what the hall did over a day or a range of days.

A report covers the *service days* ``start`` … ``end`` (inclusive; the office's local
dates, :attr:`Ticket.service_day`) and counts every ticket of those days once, in
the total and in each breakdown:

* **per queue**: the queue that issued the number (:attr:`Ticket.queue`). A
  transferred ticket stays with the queue that issued it; what happened to it after
  the transfer (served, no-show …) is counted there too. ``transferred`` counts the
  tickets transferred at least once.
* **per counter / per officer**: the counter and officer that held the ticket last
  (:attr:`Ticket.counter`, :attr:`Ticket.officer`). A transfer clears both, so a
  transferred ticket belongs to whoever called it after the transfer. Tickets never
  called (still waiting, cancelled at the kiosk, expired unseen) are in a row of
  their own with the key ``""``.
* **per hour**: the local hour (office time zone) in which the ticket was issued; its
  waiting and service times count in that hour too. Handovers count in the local
  hour of the handover.

Outcomes: ``served`` is ``done``; ``no_shows``, ``cancelled`` and ``expired`` their
statuses; ``open`` the tickets still waiting, called or being served (today only:
earlier days' are expired). ``issued`` is their sum.

Times, in whole seconds:

* **waiting time** = ``called_at - issued_at``, for every ticket that was called
  (whatever came after). A transfer puts the ticket back in line with its original
  issue time and clears ``called_at``, so a transferred ticket's wait runs from its
  issue to the call after its last transfer; the time spent at the first counter
  counts as waiting.
* **service time** = ``finished_at - started_at`` for served tickets. A ticket
  finished without a start counts from its call (``called_at``) — the engine itself
  records the call as the start in that case; one with neither is left out of the
  service times (but still counted as served).
* Timestamps come from the PCs' clocks; a negative duration (a PC's clock behind
  another's) counts as 0.
* **average**: the mean of the exact durations, rounded to the nearest second (half
  up). **p90** by the *nearest-rank* method: the ⌈0.9·n⌉-th smallest of the n
  durations (each rounded to the second first; rounding keeps the order, so this is
  the rounded nearest-rank value). 10 durations → the 9th smallest; 11 → the 10th;
  1 → that one.

Pickups **handed over** are the passports whose ``collected_at`` falls in the range's
local days (a handover undone by a supervisor is gone), per counter and officer that
handed them over, per queue of the pickup ticket the handover finished (a passport
handed over without a ticket counts in no queue, only in the total), and by who
collected them: the holder (``self``), a family member (``family``) or a proxy
(``proxy``).

Performance: one range scan of ``ticket`` on an index that starts with
``service_day`` returns the tickets of the range (about 85,000 for a busy month).
The database turns timestamps into numbers (seconds since the epoch, durations; each
backend in its own words, see :func:`_epoch` and :func:`_span`), and Python folds the
rows in one pass into cells (queue, counter, officer, hour), which are then summed
into each breakdown. Percentiles are not portable SQL (SQLite has none), and one scan
is cheaper than a GROUP BY per breakdown plus a fetch of the durations. Handovers are
read by ``collected_at`` (indexed since schema version 3). A month takes well under a
second on SQLite and PostgreSQL (``python -m bench.reports``); the longest range,
:data:`MAX_DAYS`, holds every duration of about a million tickets in memory (roughly
100 MB) for the few seconds it takes.

The **burn-down** of a pickup batch (:func:`burndown`) goes day by day from the day
of its first import: at the end of each local day, how many of the passports
imported by then were collected, were still waiting (printing, or ready and within
their collect-by date) and were past collect-by (ready but overdue, or cancelled).
It is derived from the records' timestamps (``imported_at``, ``collect_by``,
``collected_at``, ``cancelled_at``); for today it gives the same numbers as
:func:`app.pickup.service.batches`.

The CSV export (:func:`to_csv`) is one table with one header row, for Excel in an
Indonesian locale: UTF-8 with a byte-order mark (so Excel reads it as UTF-8),
``;`` between fields (Indonesia's list separator; the comma is its decimal mark),
CRLF line ends (:mod:`app.spreadsheet`, which also keeps a name such as ``=1+1`` from
running as a formula). Every number is a plain integer (no decimal mark to misread); times
are given in seconds and again as ``mm:ss`` (``h:mm:ss`` from an hour on).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter as Tally
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo

from peewee import SQL, Case, fn

from app import clock, spreadsheet
from app.errors import InvalidInput, NotFound
from app.messages import current_language, render
from app.office import permissions
from app.office.settings import get_settings
from app.storage.db import backend_of, database
from app.storage.models import (
    CALLED,
    CANCELLED,
    COLLECTED,
    COLLECTORS,
    DONE,
    EXPIRED,
    NO_SHOW,
    PRINTING,
    SERVING,
    WAITING,
    Counter,
    CounterPause,
    Officer,
    PickupRecord,
    Queue,
    Ticket,
)
from app.storage.transactions import read

# The longest range one report may cover (a leap year).
MAX_DAYS: Final = 366
PERIODS: Final = ("today", "week", "month")
P90: Final = 0.9
_UTC = dt.UTC


# --- what a report holds ------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of a report table: a queue, a counter, an officer, an hour, or the total."""

    key: str
    name_id: str
    name_en: str
    issued: int = 0
    served: int = 0
    no_shows: int = 0
    cancelled: int = 0
    expired: int = 0
    open: int = 0
    transferred: int = 0
    waited: int = 0  # tickets with a waiting time (called at least once)
    wait_avg_s: int | None = None
    wait_p90_s: int | None = None
    timed: int = 0  # served tickets with a service time
    service_avg_s: int | None = None
    service_p90_s: int | None = None
    handed_over: int = 0
    handed_self: int = 0
    handed_family: int = 0
    handed_proxy: int = 0
    # Counter rows only (None elsewhere): how its working time went, in seconds. See
    # :func:`_read_counter_time`.
    serving_s: int | None = None
    paused_s: int | None = None
    idle_s: int | None = None

    def name(self, lang: str | None = None) -> str:
        return self.name_en if (lang or current_language()) == "en" else self.name_id


@dataclass(frozen=True)
class Report:
    start: dt.date
    end: dt.date
    office_name: str
    timezone: str
    generated_at: dt.datetime  # naive UTC
    total: Row
    queues: tuple[Row, ...]
    counters: tuple[Row, ...]
    officers: tuple[Row, ...]
    # Every hour from the first to the last with any activity (gaps filled with zeros).
    hours: tuple[Row, ...]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def generated_local(self) -> dt.datetime:
        return self.generated_at.replace(tzinfo=_UTC).astimezone(clock.zone(self.timezone))


@dataclass(frozen=True)
class BurnDay:
    """A batch at the end of one local day."""

    day: dt.date
    collected: int  # cumulative
    waiting: int  # printing, or ready and not past collect-by
    overdue: int  # ready, past collect-by
    cancelled: int  # cumulative
    printing: int = 0  # of the waiting ones, those still printing (not ready yet)

    @property
    def ready(self) -> int:
        """Waiting on the shelf: ready and within collect-by."""
        return self.waiting - self.printing

    @property
    def past_collect_by(self) -> int:
        return self.overdue + self.cancelled

    @property
    def total(self) -> int:
        return self.collected + self.waiting + self.overdue + self.cancelled


@dataclass(frozen=True)
class BurnDown:
    batch: str
    total: int  # passports in the batch now
    first_day: dt.date | None  # local day of its first import
    days: tuple[BurnDay, ...]


# --- dates ---------------------------------------------------------------------------


def period(kind: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The days of ``today`` / this ``week`` (from Monday) / this ``month``, up to today."""
    if kind == "today":
        return today, today
    if kind == "week":
        return today - dt.timedelta(days=today.weekday()), today
    if kind == "month":
        return today.replace(day=1), today
    raise InvalidInput("reports_period_unknown", period=kind)


def check_range(start: dt.date, end: dt.date) -> None:
    """Refuse a backwards range or one longer than :data:`MAX_DAYS`."""
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        raise InvalidInput("reports_range_invalid")
    if end < start:
        raise InvalidInput("reports_range_backwards", start=start.strftime("%d/%m/%Y"),
                           end=end.strftime("%d/%m/%Y"))
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidInput("reports_range_too_long", max=MAX_DAYS)


class _LocalClock:
    """Seconds since the epoch (UTC) → the office's local hour or date, fast.

    The zone's offset is looked up once per quarter of an hour (UTC), the finest step
    at which real zones change their offset.
    """

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone
        self.offsets: dict[int, int] = {}  # quarter-hour slot → seconds to add

    def offset(self, slot: int) -> int:
        """The zone's offset in the quarter of an hour ``slot`` (epoch // 900)."""
        found = self.offsets.get(slot)
        if found is None:
            moment = dt.datetime.fromtimestamp(slot * 900, _UTC).astimezone(self._zone)
            found = int((moment.utcoffset() or dt.timedelta(0)).total_seconds())
            self.offsets[slot] = found
        return found

    def local(self, epoch: int) -> int:
        """The local wall-clock time as seconds since the epoch."""
        return epoch + self.offset(epoch // 900)

    def hour(self, epoch: int) -> int:
        return self.local(epoch) // 3600 % 24

    def day(self, epoch: int) -> dt.date:
        return _EPOCH_DAY + dt.timedelta(days=self.local(epoch) // 86400)


_EPOCH_DAY: Final = dt.date(1970, 1, 1)


# --- time arithmetic in the database ---------------------------------------------------
# Naive-UTC timestamps become seconds since the epoch, and the difference of two becomes
# a number, in each backend's own words; only numbers travel to Python. (Parsing and
# subtracting datetimes in Python cost more than reading the rows.)


def _epoch(column: Any) -> Any:
    """Whole seconds since 1970 of a naive-UTC timestamp (NULL stays NULL)."""
    backend = backend_of(database)
    if backend == "sqlite":
        return fn.strftime("%s", column).cast("INTEGER")
    if backend == "postgresql":
        return fn.date_part("epoch", column)
    # MariaDB: UNIX_TIMESTAMP would read the value in the session's time zone.
    return fn.TIMESTAMPDIFF(SQL("SECOND"), "1970-01-01 00:00:00", column)


def _span(first: Any, last: Any) -> tuple[Any, int]:
    """``last - first`` as a number, and what to divide it by for seconds."""
    backend = backend_of(database)
    if backend == "sqlite":
        # julianday() keeps milliseconds exactly; ROUND drops the float's noise.
        return fn.ROUND((fn.julianday(last) - fn.julianday(first)) * 86400000.0), 1000
    if backend == "postgresql":
        return fn.date_part("epoch", last - first), 1
    return fn.TIMESTAMPDIFF(SQL("MICROSECOND"), first, last), 1000000


def _raw_rows(query: Any, mysql_index: str | None = None) -> Iterator[tuple[Any, ...]]:
    """Rows straight from the driver: no per-value conversion by peewee.

    ``mysql_index``: on MariaDB, read the table through this index. Its optimizer
    overestimates a month of ``service_day`` about 2.5 times and scans the whole table
    instead (measured: 0.9 s of server time against 0.16 s through the index).
    """
    sql, params = query.sql()
    if mysql_index is not None and backend_of(database) == "mysql":
        table = query.model._meta.table_name
        sql = sql.replace(f"FROM `{table}` AS `t1`",
                          f"FROM `{table}` AS `t1` FORCE INDEX (`{mysql_index}`)", 1)
    cursor = database.execute_sql(sql, params)
    while True:
        chunk = cursor.fetchmany(5000)
        if not chunk:
            return
        yield from chunk


# --- durations ------------------------------------------------------------------------


def _round_half_up(seconds: float) -> int:
    return int(math.floor(seconds + 0.5))


def nearest_rank(values: Sequence[float], q: float = P90) -> float | None:
    """The nearest-rank ``q`` percentile: the ⌈q·n⌉-th smallest value (None if empty)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q * len(ordered))) - 1]


# Positions in a group's counts.
_COUNTS: Final = ("issued", "served", "no_shows", "cancelled", "expired", "open",
                  "transferred", "handed_over", "handed_self", "handed_family",
                  "handed_proxy")
_HANDED = 7  # handed_over; issued is 0, transferred 6
_OUTCOME: Final = {DONE: 1, NO_SHOW: 2, CANCELLED: 3, EXPIRED: 4, WAITING: 5, CALLED: 5,
                   SERVING: 5}
_COLLECTOR: Final = {kind: 8 + i for i, kind in enumerate(COLLECTORS)}


class _Group:
    """What is counted for one row while reading: counts, and every duration."""

    __slots__ = ("counts", "waits", "services")

    def __init__(self) -> None:
        self.counts = [0] * len(_COUNTS)
        self.waits: list[float] = []
        self.services: list[float] = []

    def merge(self, other: _Group) -> None:
        self.counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]
        self.waits.extend(other.waits)
        self.services.extend(other.services)

    @staticmethod
    def _stats(values: list[float]) -> tuple[int | None, int | None]:
        """(average, p90) rounded half up; p90 rounded after ranking (same as before)."""
        if not values:
            return None, None
        p90 = nearest_rank(values)
        assert p90 is not None
        return _round_half_up(math.fsum(values) / len(values)), _round_half_up(p90)

    def row(self, key: str, name_id: str, name_en: str) -> Row:
        counts = dict(zip(_COUNTS, self.counts, strict=True))
        wait_avg, wait_p90 = self._stats(self.waits)
        service_avg, service_p90 = self._stats(self.services)
        return Row(key=key, name_id=name_id, name_en=name_en, **counts,
                   waited=len(self.waits), wait_avg_s=wait_avg, wait_p90_s=wait_p90,
                   timed=len(self.services), service_avg_s=service_avg,
                   service_p90_s=service_p90)


# --- the report -------------------------------------------------------------------------


def report(start: dt.date, end: dt.date, by: int) -> Report:
    """The report of service days ``start`` … ``end`` for officer ``by`` (a supervisor)."""
    check_range(start, end)

    def work() -> Report:
        permissions.require(by, "reports_view")
        office = get_settings()
        return _build(start, end, office.office_name, office.timezone)

    return read(work)


# A cell: (queue id, counter id, officer id, local hour); every row is a sum of cells.
_Cell = tuple[int | None, int | None, int | None, int]


def _read_tickets(start: dt.date, end: dt.date, clock_: _LocalClock,
                  cells: dict[_Cell, _Group]) -> None:
    wait, wait_unit = _span(Ticket.issued_at, Ticket.called_at)
    # Service: from the start, or from the call when there was none.
    service, service_unit = _span(fn.COALESCE(Ticket.started_at, Ticket.called_at),
                                  Ticket.finished_at)
    query = (Ticket.select(Ticket.queue, Ticket.counter, Ticket.officer, Ticket.status,
                           Ticket.transfer_count, _epoch(Ticket.issued_at), wait,
                           Case(None, [(Ticket.status == DONE, service)], None))
             .where((Ticket.service_day >= start) & (Ticket.service_day <= end)))
    outcome, get, offsets, offset_of = _OUTCOME, cells.get, clock_.offsets, clock_.offset
    rows = _raw_rows(query, mysql_index="ticket_service_day_number")
    for queue, counter, officer, status, transfers, issued, waited, served in rows:
        # The local hour, inlined (this loop runs once per ticket of the range).
        issued = int(issued)
        slot = issued // 900
        shift = offsets.get(slot)
        if shift is None:
            shift = offset_of(slot)
        key = (queue, counter, officer, (issued + shift) // 3600 % 24)
        group = get(key)
        if group is None:
            group = cells[key] = _Group()
        counts = group.counts
        counts[0] += 1  # issued
        counts[outcome.get(status, 5)] += 1
        if transfers:
            counts[6] += 1  # transferred
        if waited is not None:
            waited /= wait_unit
            group.waits.append(waited if waited > 0 else 0.0)
        if served is not None:
            served /= service_unit
            group.services.append(served if served > 0 else 0.0)


def _read_handovers(start: dt.date, end: dt.date, zone: ZoneInfo, clock_: _LocalClock,
                    cells: dict[_Cell, _Group]) -> None:
    low = clock.day_start_utc(start, zone.key)
    high = clock.day_start_utc(end + dt.timedelta(days=1), zone.key)
    # The queue of the pickup ticket the handover finished (none when the passport was
    # handed over without a ticket, e.g. by its application number).
    served = Ticket.alias()
    queue = (served.select(served.queue)
             .where((served.pickup == PickupRecord.id) & (served.status == DONE))
             .order_by(served.id.desc()).limit(1))
    query = (PickupRecord.select(queue, PickupRecord.collected_counter,
                                 PickupRecord.collected_officer,
                                 PickupRecord.collector, _epoch(PickupRecord.collected_at))
             # collected_at alone (an undone handover clears it), so the index is used.
             .where((PickupRecord.collected_at >= low) & (PickupRecord.collected_at < high)))
    for queue_id, counter, officer, collector, at in _raw_rows(query):
        key = (queue_id, counter, officer, clock_.hour(int(at)))
        group = cells.get(key)
        if group is None:
            group = cells[key] = _Group()
        group.counts[_HANDED] += 1
        if collector in _COLLECTOR:
            group.counts[_COLLECTOR[collector]] += 1


def _read_counter_time(start: dt.date, end: dt.date, zone: ZoneInfo,
                       local: _LocalClock) -> dict[int, tuple[int, int, int]]:
    """Per counter id: seconds (serving, paused, idle) over the range's local days.

    * **serving**: the service times of the tickets it served (as in the report);
    * **paused**: its pauses (``counter_pause``) within the range, a pause still going
      on counting until now;
    * **idle**: the rest of its working span, day by day: from its first call or pause
      of the day to its last finish, call or pause end, less serving and paused. The
      time a called applicant takes to walk over counts as idle.
    """
    service, unit = _span(fn.COALESCE(Ticket.started_at, Ticket.called_at), Ticket.finished_at)
    query = (Ticket.select(Ticket.counter, Ticket.service_day, fn.MIN(_epoch(Ticket.called_at)),
                           fn.MAX(_epoch(fn.COALESCE(Ticket.finished_at, Ticket.called_at))),
                           fn.SUM(Case(None, [(Ticket.status == DONE, service)], None)))
             .where((Ticket.service_day >= start) & (Ticket.service_day <= end)
                    & Ticket.counter.is_null(False) & Ticket.called_at.is_null(False))
             .group_by(Ticket.counter, Ticket.service_day))
    spans: dict[tuple[int, dt.date], list[float]] = {}  # → [first, last, serving, paused]
    for counter, day, first, last, served in _raw_rows(
            query, mysql_index="ticket_service_day_number"):
        spans[(counter, clock.as_date(day) or start)] = [
            float(first), float(last), max(float(served or 0) / unit, 0.0), 0.0]
    low = clock.day_start_utc(start, zone.key)
    high = min(clock.day_start_utc(end + dt.timedelta(days=1), zone.key), clock.utcnow())
    for counter, began, ended in _raw_rows(
            CounterPause.select(CounterPause.counter, _epoch(CounterPause.started_at),
                                _epoch(CounterPause.ended_at))
            .where((CounterPause.started_at < high)
                   & (CounterPause.ended_at.is_null() | (CounterPause.ended_at > low)))):
        began = max(float(began), low.replace(tzinfo=_UTC).timestamp())
        ended = min(float(ended) if ended is not None else math.inf,
                    high.replace(tzinfo=_UTC).timestamp())
        if ended <= began:
            continue
        span = spans.setdefault((counter, local.day(int(began))), [began, ended, 0.0, 0.0])
        span[0], span[1] = min(span[0], began), max(span[1], ended)
        span[3] += ended - began
    totals: dict[int, tuple[int, int, int]] = {}
    for (counter, _day), (first, last, served, paused) in spans.items():
        idle = max(last - first - served - paused, 0.0)
        before = totals.get(counter, (0, 0, 0))
        totals[counter] = (before[0] + round(served), before[1] + round(paused),
                           before[2] + round(idle))
    return totals


def _both(code: str) -> tuple[str, str]:
    return render(code, {}, "id"), render(code, {}, "en")


def _build(start: dt.date, end: dt.date, office_name: str, timezone: str) -> Report:
    zone = clock.zone(timezone)
    local = _LocalClock(zone)
    cells: dict[_Cell, _Group] = {}
    _read_tickets(start, end, local, cells)
    _read_handovers(start, end, zone, local, cells)

    total = _Group()
    by: list[dict[Any, _Group]] = [{}, {}, {}, {}]
    for key, group in cells.items():
        total.merge(group)
        for dimension, value in enumerate(key):
            if dimension == 0 and value is None:
                continue  # a handover without a ticket has no queue
            by[dimension].setdefault(value, _Group()).merge(group)
    by_queue, by_counter, by_officer, by_hour = by

    queues = [q for q in Queue.select().order_by(Queue.prefix)
              if q.active or q.id in by_queue]
    counters = [c for c in Counter.select().order_by(Counter.number)
                if c.active or c.id in by_counter]
    people = list(Officer.select().where(Officer.id.in_(
        [i for i in by_officer if i is not None] or [0])).order_by(Officer.username))

    queue_rows = [by_queue.get(q.id, _Group()).row(q.code, f"{q.prefix} · {q.name_id}",
                                                   f"{q.prefix} · {q.name_en}")
                  for q in queues]
    times = _read_counter_time(start, end, zone, local)
    counter_rows = []
    for c in counters:
        serving, paused, idle = times.get(c.id, (0, 0, 0))
        counter_rows.append(dataclasses.replace(
            by_counter.get(c.id, _Group()).row(str(c.number), c.name, c.name),
            serving_s=serving, paused_s=paused, idle_s=idle))
    if None in by_counter:
        counter_rows.append(by_counter[None].row("", *_both("reports_no_counter")))
    officer_rows = [by_officer[o.id].row(o.username, o.full_name, o.full_name)
                    for o in people]
    if None in by_officer:
        officer_rows.append(by_officer[None].row("", *_both("reports_no_officer")))
    hour_rows = []
    if by_hour:
        for hour in range(min(by_hour), max(by_hour) + 1):
            label = f"{hour:02d}:00"
            hour_rows.append(by_hour.get(hour, _Group()).row(f"{hour:02d}", label, label))
    total_row = total.row("", *_both("reports_total"))
    return Report(start=start, end=end, office_name=office_name, timezone=timezone,
                  generated_at=clock.utcnow(), total=total_row, queues=tuple(queue_rows),
                  counters=tuple(counter_rows), officers=tuple(officer_rows),
                  hours=tuple(hour_rows))


# --- the burn-down of a pickup batch -----------------------------------------------------


def batch_names(by: int) -> list[str]:
    """The pickup batches, newest first import first; the regular flow (``""``) last."""

    def work() -> list[str]:
        permissions.require(by, "reports_view")
        query = (PickupRecord.select(PickupRecord.batch,
                                     fn.MIN(_epoch(PickupRecord.imported_at)))
                 .group_by(PickupRecord.batch))
        found = sorted(((int(first), str(name)) for name, first in _raw_rows(query)),
                       reverse=True)
        return sorted((name for _, name in found), key=lambda name: name == "")

    return read(work)


def burndown(batch: str, by: int, until: dt.date | None = None) -> BurnDown:
    """Batch ``batch`` day by day from its first import to ``until`` (default and at most
    today, office time)."""

    def work() -> BurnDown:
        permissions.require(by, "reports_view")
        zone = clock.zone(get_settings().timezone)
        today = clock.service_day(get_settings().timezone)
        last = min(until, today) if until is not None else today
        query = (PickupRecord.select(PickupRecord.status, _epoch(PickupRecord.imported_at),
                                     PickupRecord.collect_by,
                                     _epoch(PickupRecord.collected_at),
                                     _epoch(PickupRecord.cancelled_at),
                                     _epoch(PickupRecord.updated_at),
                                     PickupRecord.ready_date)
                 .where(PickupRecord.batch == batch))
        return _burn(batch, list(_raw_rows(query)), _LocalClock(zone), last)

    return read(work)


def _burn(batch: str, rows: list[tuple[Any, ...]], local: _LocalClock,
          last: dt.date) -> BurnDown:
    if not rows:
        raise NotFound("reports_batch_unknown", batch=batch)
    # For each record, the days on which it moves: arrives (waiting), becomes overdue,
    # is collected or cancelled. Counted as changes per day, then summed day by day.
    changes: dict[dt.date, Tally[str]] = {}

    def move(day: dt.date, leave: str | None, enter: str) -> None:
        tally = changes.setdefault(day, Tally())
        if leave is not None:
            tally[leave] -= 1
        tally[enter] += 1

    first: dt.date | None = None
    for status, imported, collect_by, collected, cancelled, updated, ready in rows:
        arrived = local.day(int(imported))
        first = arrived if first is None else min(first, arrived)
        if status == COLLECTED:
            closed_at, closed_as = collected or updated, "collected"
        elif status == CANCELLED:
            closed_at, closed_as = cancelled or updated, "cancelled"
        else:
            closed_at, closed_as = None, ""
        closed = local.day(int(closed_at)) if closed_at is not None else None
        if closed is not None and closed < arrived:
            closed = arrived
        due = clock.as_date(collect_by)
        # Overdue from the day after collect-by (as app.pickup.service: collect_by < today).
        late = due + dt.timedelta(days=1) if due is not None else None
        move(arrived, None, "waiting")
        state = "waiting"
        if late is not None and late > arrived and (closed is None or late < closed):
            move(late, "waiting", "overdue")
            state = "overdue"
        elif late is not None and late <= arrived and (closed is None or closed > arrived):
            move(arrived, "waiting", "overdue")
            state = "overdue"
        if closed is not None:
            move(closed, state, closed_as)
        # Printing from its arrival until the day it is ready (for one still printing:
        # until today, as far as anyone knows), or until it leaves the waiting ones.
        ready_on = None if status == PRINTING else clock.as_date(ready)
        printed = min((d for d in (ready_on, closed, late) if d is not None), default=None)
        if printed is None or printed > arrived:
            move(arrived, None, "printing")
            if printed is not None:
                move(printed, "printing", "printed")
    assert first is not None
    days = []
    running: Tally[str] = Tally()
    day = first
    while day <= last:
        if day in changes:
            running.update(changes[day])
        days.append(BurnDay(day=day, collected=running["collected"],
                            waiting=running["waiting"], overdue=running["overdue"],
                            cancelled=running["cancelled"], printing=running["printing"]))
        day += dt.timedelta(days=1)
    return BurnDown(batch=batch, total=len(rows), first_day=first, days=tuple(days))


# --- CSV --------------------------------------------------------------------------------


def clock_text(seconds: int | None) -> str:
    """``mm:ss`` (``h:mm:ss`` from an hour on); empty when there is no time."""
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


# Column key → the row's value (times get a second, mm:ss column).
_COUNT_COLUMNS: Final = ("issued", "served", "no_shows", "cancelled", "expired", "open",
                         "transferred", "waited")
_HANDOVER_COLUMNS: Final = ("handed_over", "handed_self", "handed_family", "handed_proxy")
CSV_COLUMNS: Final = ("from", "to", "section", "key", "name", *_COUNT_COLUMNS,
                      "wait_avg_s", "wait_avg", "wait_p90_s", "wait_p90", "timed",
                      "service_avg_s", "service_avg", "service_p90_s", "service_p90",
                      *_HANDOVER_COLUMNS, "serving_s", "paused_s", "idle_s")
SECTIONS: Final = ("total", "queue", "counter", "officer", "hour")
CSV_DELIMITER: Final = spreadsheet.DELIMITER


def csv_header(lang: str | None = None) -> list[str]:
    return [render(f"reports_col_{c}", {}, lang) for c in CSV_COLUMNS]


def section_name(section: str, lang: str | None = None) -> str:
    return render(f"reports_section_{section}", {}, lang)


def _csv_values(row: Row) -> list[object]:
    values: list[object] = [getattr(row, c) for c in _COUNT_COLUMNS]
    for base in ("wait_avg", "wait_p90"):
        seconds = getattr(row, f"{base}_s")
        values += ["" if seconds is None else seconds, clock_text(seconds)]
    values.append(row.timed)
    for base in ("service_avg", "service_p90"):
        seconds = getattr(row, f"{base}_s")
        values += ["" if seconds is None else seconds, clock_text(seconds)]
    values += [getattr(row, c) for c in _HANDOVER_COLUMNS]
    # A counter's working time (empty on the other rows).
    values += ["" if v is None else v for v in (row.serving_s, row.paused_s, row.idle_s)]
    return values


def sections(rep: Report) -> list[tuple[str, tuple[Row, ...]]]:
    return [("total", (rep.total,)), ("queue", rep.queues), ("counter", rep.counters),
            ("officer", rep.officers), ("hour", rep.hours)]


def to_csv(rep: Report, lang: str | None = None) -> bytes:
    """The report's tables as one CSV table (see the module's docstring for the format)."""
    lang = lang or current_language()
    first, last = rep.start.isoformat(), rep.end.isoformat()
    table: list[list[object]] = [list(csv_header(lang))]
    for section, rows in sections(rep):
        label = section_name(section, lang)
        table += [[first, last, label, row.key, row.name(lang), *_csv_values(row)]
                  for row in rows]
    return spreadsheet.to_bytes(table)


def burndown_csv(bd: BurnDown, lang: str | None = None) -> bytes:
    """A batch's burn-down, one line a day, in the same CSV dialect as :func:`to_csv`."""
    lang = lang or current_language()
    table: list[list[object]] = [[render(f"reports_burn_{c}", {}, lang) for c in BURN_COLUMNS]]
    table += [[bd.batch, day.day.isoformat(), day.collected, day.waiting,
               day.past_collect_by, day.overdue, day.cancelled] for day in bd.days]
    return spreadsheet.to_bytes(table)


BURN_COLUMNS: Final = ("batch", "day", "collected", "waiting", "past_collect_by", "overdue",
                       "cancelled")


def save(data: bytes, path: str | Path) -> Path:
    """Write an export; a file that cannot be written is refused in plain words."""
    target = Path(path)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise InvalidInput("reports_file_unwritable", path=str(target),
                           reason=exc.strerror or type(exc).__name__) from exc
    return target
