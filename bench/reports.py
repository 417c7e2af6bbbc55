"""Report benchmark: the daily and the monthly report on a year of a busy office.

Run it from the project root::

    python -m bench.reports                               # SQLite and PostgreSQL
    python -m bench.reports --backends sqlite,postgresql,mysql --days 365 --per-day 2740
    python -m bench.reports --backends sqlite --days 60 --no-write   # a quick look

For each backend, on a fresh database (a temp SQLite file, or a scratch database on
the local server, dropped at the end) with the demo office's queues and counters,
twelve officers and a supervisor, the bench fills ``--days`` service days ending
today (default 365) with ``--per-day`` tickets a day (default 2,740: about one
million tickets a year — a 250-applications-a-day office, each application passing
several counters, plus priority, foreigners' services and passport pickups):

* tickets issued 07:30–15:30 office time with a morning peak; 88 % served, 6 %
  no-shows, 2 % cancelled before a call, 1 % expired, 3 % transferred; waits
  exponential (mean 15 min), service times log-normal (about 6 min, 2 min for a
  pickup); counters and officers as the demo office's counters serve the queues;
* a passport pickup record for every regular pickup ticket (collected at its finish,
  by the holder, a family member or a proxy), 5 % more never collected (cancelled
  after collect-by, or still waiting when recent);
* a backlog batch of 1,500 passports imported 25 days before the end, collected
  over the following days through the backlog queue, some past collect-by.

Rows go in with the drivers' bulk paths (``executemany`` in one transaction on
SQLite and MariaDB, ``COPY`` on PostgreSQL), a day at a time; the fill time is
reported. PostgreSQL is then ``ANALYZE``\\ d (what autovacuum does on its own); SQLite
is left as a real office file would be.

Timed, ``--runs`` times each after one untimed warm-up (median and max), through
the same calls the supervisor's window makes: :func:`app.office.reports.report` for the last
full day (daily) and for the last full calendar month (monthly), and
:func:`app.office.reports.burndown` of the backlog batch; a 365-day report and the regular
flow's burn-down are timed once, for information. Target: daily and monthly report
under 1 s each on SQLite and PostgreSQL.

The numbers are written between ``<!-- bench:reports:start -->`` and
``<!-- bench:reports:end -->`` in ``docs/benchmarks.md``. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import peewee  # noqa: E402

from app import clock  # noqa: E402
from app.office import (  # noqa: E402
    officers,
    reports,
    settings,  # noqa: E402
)
from app.setup.schema import init_database, seed_demo  # noqa: E402
from app.storage.db import backend_of, connect, server_version  # noqa: E402
from app.storage.models import Counter, Officer, PickupRecord, Queue, Ticket  # noqa: E402
from bench.engine import BACKEND_TITLES, cpu_name, write_section  # noqa: E402
from tests.backends import create_scratch_database, drop_scratch_database  # noqa: E402

MARK_START = "<!-- bench:reports:start -->"
MARK_END = "<!-- bench:reports:end -->"
TARGET_S = 1.0
BACKLOG_BATCH = "Backlog PDN"
BACKLOG_SIZE = 1500
BACKLOG_DAYS_BEFORE_END = 25
BACKLOG_READY_BEFORE_IMPORT = 7
OFFICERS = 12

# Queue code → share of the day's tickets, and the counters that serve it.
MIX = {"paspor": 0.62, "prioritas": 0.10, "wna": 0.18, "ambil": 0.10}
SERVED_AT = {"paspor": (1, 2, 3, 4), "prioritas": (4,), "wna": (1, 3), "ambil": (5, 6),
             "backlog": (5, 6)}

TICKET_COLUMNS = ("queue_id", "service_day", "seq", "number", "service_queue_id", "status",
                  "issued_at", "called_at", "started_at", "finished_at", "transferred_at",
                  "counter_id", "officer_id", "recall_count", "transfer_count", "pickup_id")
RECORD_COLUMNS = ("id", "application_no", "name", "passport_no", "batch", "location",
                  "status", "ready_date", "collect_by", "imported_at", "updated_at",
                  "collected_at", "collected_counter_id", "collected_officer_id", "collector",
                  "collector_name", "id_checked", "verified", "cancelled_at")


# --- the simulated year --------------------------------------------------------------


@dataclass
class Office:
    queue: dict[str, tuple[int, str]]  # code → (id, prefix)
    counter: dict[int, int]  # number → id
    officers: list[int]
    zone: Any
    collect_by_days: int


@dataclass
class DayRows:
    records: list[tuple[Any, ...]] = field(default_factory=list)
    tickets: list[tuple[Any, ...]] = field(default_factory=list)


class Simulation:
    """Tickets and pickup records, one day at a time, reproducibly."""

    def __init__(self, office: Office, days: int, per_day: int, end: dt.date,
                 seed: int = 2024) -> None:
        self.office = office
        self.days = days
        self.per_day = per_day
        self.end = end
        self.first = end - dt.timedelta(days=days - 1)
        self.rng = random.Random(seed)
        self.record_id = 0
        self.backlog_day = end - dt.timedelta(days=BACKLOG_DAYS_BEFORE_END)
        self.backlog: list[int] = []  # ids of backlog records not yet collected
        self.backlog_ready: dt.date | None = None

    def utc(self, day: dt.date, seconds: float) -> dt.datetime:
        local = dt.datetime.combine(day, dt.time.min, tzinfo=self.office.zone)
        moment = local + dt.timedelta(seconds=int(seconds))
        return moment.astimezone(dt.UTC).replace(tzinfo=None)

    def _record(self, rows: DayRows, batch: str, status: str, ready: dt.date,
                imported: dt.datetime, collected: dt.datetime | None = None,
                counter: int | None = None, officer: int | None = None,
                cancelled: dt.datetime | None = None) -> int:
        self.record_id += 1
        rid = self.record_id
        collector = None
        if collected is not None:
            roll = self.rng.random()
            collector = "self" if roll < 0.85 else "family" if roll < 0.95 else "proxy"
        prefix = "TNG" if batch else "REG"
        rows.records.append((
            rid, f"{ready.year}-{prefix}-{rid:07d}", f"Pemohon {rid}", f"X{rid:07d}", batch,
            f"Rak {rid % 200:03d}", status, ready,
            ready + dt.timedelta(days=self.office.collect_by_days), imported,
            collected or cancelled or imported, collected,
            self.office.counter[counter] if counter else None, officer, collector,
            None if collector in (None, "self") else f"Kerabat {rid}",
            collected is not None, collected is not None, cancelled))
        return rid

    def day(self, index: int) -> DayRows:
        rng, office = self.rng, self.office
        day = self.first + dt.timedelta(days=index)
        rows = DayRows()
        # Backlog: 1,500 passports imported (ready) on one day, then called in.
        if day == self.backlog_day:
            imported = self.utc(day, 6 * 3600)
            # Printed during the week after the outage, shelved before the list came.
            self.backlog_ready = day - dt.timedelta(days=BACKLOG_READY_BEFORE_IMPORT)
            for _ in range(BACKLOG_SIZE):
                self.backlog.append(self._record(rows, BACKLOG_BATCH, "ready",
                                                 self.backlog_ready, imported))
        queues: list[str] = []
        for code, share in MIX.items():
            queues += [code] * round(self.per_day * share)
        backlog_today = 0
        if self.backlog and self.backlog_ready is not None and day > self.backlog_day and (
                day <= self.backlog_ready + dt.timedelta(days=self.office.collect_by_days)):
            backlog_today = min(len(self.backlog), max(10, int(len(self.backlog) * 0.12)))
            queues += ["backlog"] * backlog_today
        rng.shuffle(queues)
        on_duty = {n: office.officers[(n + index) % len(office.officers)]
                   for n in office.counter}
        seq: dict[str, int] = {}
        for code in queues:
            qid, prefix = office.queue[code]
            seq[code] = seq.get(code, 0) + 1
            # Arrivals 07:30-15:30, busiest around 09:00.
            issued_s = rng.triangular(7.5 * 3600, 15.5 * 3600, 9 * 3600)
            issued = self.utc(day, issued_s)
            roll = rng.random()
            pickup_id = None
            counter = rng.choice(SERVED_AT[code])
            wait = min(3 * 3600.0, rng.expovariate(1 / 900))
            called = issued + dt.timedelta(seconds=int(wait))
            status, started, finished, transfers, service_queue = "done", None, None, 0, qid
            if roll < 0.02:
                status, called, finished = "cancelled", None, called
            elif roll < 0.03:
                status, called, finished = "expired", None, self.utc(day, 23.9 * 3600)
            elif roll < 0.09:
                status, finished = "no_show", called + dt.timedelta(seconds=90)
            else:
                if roll < 0.12 and code in ("paspor", "prioritas"):
                    transfers, service_queue = 1, office.queue["wna"][0]
                started = called + dt.timedelta(seconds=rng.randint(20, 90))
                mean = 120 if code in ("ambil", "backlog") else 360
                service = min(3600.0, rng.lognormvariate(math.log(mean), 0.5))
                finished = started + dt.timedelta(seconds=int(service))
            handled = called is not None
            officer = on_duty[counter] if handled else None
            if code == "ambil":
                ready = day - dt.timedelta(days=rng.randint(1, 20))
                imported = self.utc(ready - dt.timedelta(days=1), 6 * 3600)
                if status == "done":
                    pickup_id = self._record(rows, "", "collected", ready, imported, finished,
                                             counter, officer)
                else:
                    pickup_id = self._record(rows, "", "ready", ready, imported)
            elif code == "backlog":
                pickup_id = self.backlog.pop()
                if status == "done":
                    rows.records.append(("collect", pickup_id, finished,
                                         office.counter[counter], officer))
                else:
                    self.backlog.insert(0, pickup_id)  # comes back another day
            rows.tickets.append((
                qid, day, seq[code], f"{prefix}{seq[code]:03d}", service_queue, status, issued,
                called, started, finished, issued + dt.timedelta(seconds=int(wait / 2))
                if transfers else None, office.counter[counter] if handled else None,
                officer, 0, transfers, pickup_id))
        # Regular passports never collected: cancelled 31 days after ready, or waiting.
        for _ in range(round(self.per_day * MIX["ambil"] * 0.05)):
            ready = day - dt.timedelta(days=rng.randint(1, 5))
            imported = self.utc(ready - dt.timedelta(days=1), 6 * 3600)
            late = ready + dt.timedelta(days=self.office.collect_by_days + 1)
            if late <= self.end:
                self._record(rows, "", "cancelled", ready, imported,
                             cancelled=self.utc(late, 10 * 3600))
            else:
                self._record(rows, "", "ready", ready, imported)
        # Two days after the backlog's collect-by, the supervisor cancels half of the
        # passports still on the shelf (the rest stays overdue).
        if self.backlog_ready is not None and self.backlog:
            late = self.backlog_ready + dt.timedelta(days=self.office.collect_by_days + 2)
            if day == late:
                when = self.utc(day, 10 * 3600)
                half = len(self.backlog) // 2
                for rid in self.backlog[:half]:
                    rows.records.append(("cancel", rid, when))
                del self.backlog[:half]
        return rows

    def __iter__(self) -> Iterator[DayRows]:
        for index in range(self.days):
            yield self.day(index)


def _split(rows: DayRows) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]],
                                   list[tuple[Any, ...]]]:
    """New records, and the backlog's later handovers / cancellations (updates)."""
    new, collect, cancel = [], [], []
    for row in rows.records:
        if row[0] == "collect":
            collect.append(row[1:])
        elif row[0] == "cancel":
            cancel.append(row[1:])
        else:
            new.append(row)
    return new, collect, cancel


# --- bulk loading --------------------------------------------------------------------


def _sql_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return str(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _copy_text(rows: Sequence[tuple[Any, ...]]) -> io.StringIO:
    out = io.StringIO()
    for row in rows:
        out.write("\t".join("\\N" if v is None else ("t" if v is True else "f")
                            if isinstance(v, bool) else str(v) for v in row))
        out.write("\n")
    out.seek(0)
    return out


def fill(db: peewee.Database, sim: Simulation) -> tuple[int, int]:
    """Load the simulated year; returns (tickets, pickup records)."""
    backend = backend_of(db)
    conn = db.connection()
    cursor = conn.cursor()
    mark = "?" if backend == "sqlite" else "%s"
    ticket_sql = (f"INSERT INTO ticket ({', '.join(TICKET_COLUMNS)}) VALUES "
                  f"({', '.join([mark] * len(TICKET_COLUMNS))})")
    record_sql = (f"INSERT INTO pickup_record ({', '.join(RECORD_COLUMNS)}) VALUES "
                  f"({', '.join([mark] * len(RECORD_COLUMNS))})")
    collect_sql = (f"UPDATE pickup_record SET status = 'collected', collected_at = {mark}, "
                   f"updated_at = {mark}, collected_counter_id = {mark}, "
                   f"collected_officer_id = {mark}, collector = 'self', id_checked = {mark}, "
                   f"verified = {mark} WHERE id = {mark}")
    cancel_sql = (f"UPDATE pickup_record SET status = 'cancelled', cancelled_at = {mark}, "
                  f"updated_at = {mark} WHERE id = {mark}")
    tickets = records = 0
    if backend == "sqlite":
        cursor.execute("BEGIN")
    for day in sim:
        new, collect, cancel = _split(day)
        if backend == "postgresql":
            cursor.copy_expert(f"COPY pickup_record ({', '.join(RECORD_COLUMNS)}) FROM STDIN",
                               _copy_text(new))
            cursor.copy_expert(f"COPY ticket ({', '.join(TICKET_COLUMNS)}) FROM STDIN",
                               _copy_text(day.tickets))
        else:
            convert = _sql_value if backend == "sqlite" else (lambda v: v)
            cursor.executemany(record_sql, [tuple(map(convert, r)) for r in new])
            cursor.executemany(ticket_sql, [tuple(map(convert, r)) for r in day.tickets])
        true: Any = True if backend == "postgresql" else 1
        if collect:
            cursor.executemany(collect_sql, [
                (*(_sql_value(at) if backend == "sqlite" else at,) * 2, counter, officer,
                 true, true, rid) for rid, at, counter, officer in collect])
        if cancel:
            cursor.executemany(cancel_sql, [((_sql_value(at),) * 2 if backend == "sqlite"
                                             else (at, at)) + (rid,) for rid, at in cancel])
        tickets += len(day.tickets)
        records += len(new)
        if backend != "sqlite":
            conn.commit()
    if backend == "sqlite":
        cursor.execute("COMMIT")
    if backend == "postgresql":
        cursor.execute("SELECT setval(pg_get_serial_sequence('pickup_record', 'id'), "
                       "(SELECT MAX(id) FROM pickup_record))")
        conn.commit()
        old = conn.autocommit
        conn.autocommit = True
        cursor.execute("ANALYZE")
        conn.autocommit = old
    return tickets, records


def prepare(url: str, days: int, per_day: int) -> tuple[dict[str, Any], int]:
    """A fresh office database filled with the simulated year; (facts, supervisor id)."""
    db = connect(url)
    settings.invalidate_cache()
    init_database(db)
    seed_demo(with_officers=False, with_passports=False)
    sup = officers.add_officer("kepala", "kepala123!", role="supervisor",
                               full_name="Kepala Seksi").id
    staff = [officers.add_officer(f"petugas{i:02d}", "petugas123",
                                  full_name=f"Petugas {i:02d}").id
             for i in range(1, OFFICERS + 1)]
    office_settings = settings.get_settings(fresh=True)
    office = Office(
        queue={q.code: (q.id, q.prefix) for q in Queue.select()},
        counter={c.number: c.id for c in Counter.select()},
        officers=staff, zone=clock.zone(office_settings.timezone),
        collect_by_days=office_settings.collect_by_days)
    end = clock.service_day(office_settings.timezone)
    sim = Simulation(office, days, per_day, end)
    started = time.perf_counter()
    tickets, records = fill(db, sim)
    fill_s = time.perf_counter() - started
    facts = {"tickets": Ticket.select().count(), "records": PickupRecord.select().count(),
             "officers": Officer.select().count(), "fill_s": fill_s, "end": end,
             "version": ".".join(map(str, server_version(db)[1]))}
    assert facts["tickets"] == tickets and facts["records"] == records, facts
    if backend_of(db) == "sqlite":
        facts["size_mb"] = Path(db.database).stat().st_size / 1e6
    return facts, sup


# --- timing --------------------------------------------------------------------------


@dataclass
class Result:
    backend: str
    facts: dict[str, Any]
    timings: dict[str, list[float]] = field(default_factory=dict)  # seconds
    notes: dict[str, str] = field(default_factory=dict)


def _time(work: Callable[[], Any], runs: int) -> list[float]:
    work()  # warm-up: the first report after start also pays for opening caches
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        out.append(time.perf_counter() - started)
    return out


def measure(backend: str, url: str, days: int, per_day: int, runs: int) -> Result:
    facts, sup = prepare(url, days, per_day)
    result = Result(backend, facts)
    end: dt.date = facts["end"]
    yesterday = end - dt.timedelta(days=1)
    month_end = end.replace(day=1) - dt.timedelta(days=1)
    month_start = month_end.replace(day=1)
    daily = reports.report(yesterday, yesterday, by=sup)
    monthly = reports.report(month_start, month_end, by=sup)
    result.notes["daily report"] = f"{yesterday.isoformat()}: {daily.total.issued:,} tickets"
    result.notes["monthly report"] = (f"{month_start.isoformat()} … {month_end.isoformat()}: "
                               f"{monthly.total.issued:,} tickets")
    result.timings["daily report"] = _time(
        lambda: reports.report(yesterday, yesterday, by=sup), runs)
    result.timings["monthly report"] = _time(
        lambda: reports.report(month_start, month_end, by=sup), runs)
    result.timings["backlog burn-down"] = _time(
        lambda: reports.burndown(BACKLOG_BATCH, by=sup), runs)
    first = max(end - dt.timedelta(days=364), end - dt.timedelta(days=days - 1))
    started = time.perf_counter()
    year = reports.report(first, end, by=sup)
    result.timings["365-day report (once)"] = [time.perf_counter() - started]
    result.notes["365-day report (once)"] = f"{year.total.issued:,} tickets"
    started = time.perf_counter()
    regular = reports.burndown("", by=sup)
    result.timings["regular-flow burn-down (once)"] = [time.perf_counter() - started]
    result.notes["regular-flow burn-down (once)"] = (f"{regular.total:,} passports, "
                                                     f"{len(regular.days)} days")
    backlog = reports.burndown(BACKLOG_BATCH, by=sup)
    last = backlog.days[-1]
    result.notes["backlog burn-down"] = (
        f"{backlog.total:,} passports: {last.collected:,} collected, {last.waiting:,} waiting, "
        f"{last.past_collect_by:,} past collect-by today")
    return result


# --- the section -----------------------------------------------------------------------


def render(results: Sequence[Result], command: str, load: float | None, days: int,
           per_day: int, runs: int) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    servers = ", ".join(f"{BACKEND_TITLES[r.backend]} {r.facts['version']}" for r in results)
    lines = [MARK_START, "## Reports: daily and monthly on a year of tickets", "",
             f"- Date: {now}",
             f"- Machine: {os.cpu_count()} cores ({cpu_name()}), {platform.system()} "
             f"{platform.release()}, Python {platform.python_version()}; {servers}",
             "- Other load: 1-minute load average "
             + (f"{load:.2f}" if load is not None else "unknown") + " just before the run",
             f"- Command: `{command}`",
             f"- Data: {days} service days ending on the run's date, {per_day:,} tickets a "
             "day (a 250-applications-a-day office; 88 % served, 6 % no-shows, 3 % "
             "transferred, 2 % cancelled, 1 % expired), a pickup record per regular pickup "
             f"plus 5 % never collected, and a backlog batch of {BACKLOG_SIZE:,} passports "
             f"imported {BACKLOG_DAYS_BEFORE_END} days before the end; bulk-loaded "
             "(SQLite and MariaDB `executemany` in one transaction, PostgreSQL `COPY` then "
             "`ANALYZE`; SQLite not analysed).",
             f"- Each timed call: {runs} runs after one untimed warm-up, through "
             "`app.office.reports.report` / `app.office.reports.burndown` as the supervisor's "
             "window calls "
             f"them. Target: daily and monthly report under {TARGET_S:.0f} s each on SQLite "
             "and PostgreSQL.",
             ""]
    for r in results:
        f = r.facts
        size = f" ({f['size_mb']:,.0f} MB file)" if "size_mb" in f else ""
        lines += [f"### {BACKEND_TITLES[r.backend]} {f['version']}", "",
                  f"{f['tickets']:,} tickets and {f['records']:,} pickup records{size}, "
                  f"filled in {f['fill_s']:.0f} s.", "",
                  "| call | what | median s | max s |", "|---|---|---:|---:|"]
        for name, values in r.timings.items():
            key = name
            over = (" **over target**" if name in ("daily report", "monthly report")
                    and max(values) > TARGET_S else "")
            lines.append(f"| {name} | {r.notes.get(key, '')} | "
                         f"{statistics.median(values):.3f} | {max(values):.3f}{over} |")
        lines.append("")
    lines.append(MARK_END)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql",
                        help="comma-separated: sqlite, postgresql, mysql")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--per-day", type=int, default=2740)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if args.days < 40:
        parser.error("--days must be at least 40 (a full month and the backlog)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    results = []
    for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
        folder = Path(tempfile.mkdtemp(prefix="loket-reports-bench-"))
        url = (f"sqlite:///{folder}/loket.sqlite3" if backend == "sqlite"
               else create_scratch_database(backend))
        try:
            print(f"{backend}: filling {args.days} days x {args.per_day} tickets ...",
                  flush=True)
            result = measure(backend, url, args.days, args.per_day, args.runs)
            print(f"  filled in {result.facts['fill_s']:.0f} s "
                  f"({result.facts['tickets']:,} tickets)", flush=True)
            for name, values in result.timings.items():
                print(f"  {name}: median {statistics.median(values):.3f} s, "
                      f"max {max(values):.3f} s  {result.notes.get(name, '')}", flush=True)
            results.append(result)
        finally:
            from app.storage.db import database

            if database.obj is not None and not database.obj.is_closed():
                database.obj.close()
            shutil.rmtree(folder, ignore_errors=True)
            if backend != "sqlite":
                drop_scratch_database(backend, url)
    command = "python -m bench.reports " + " ".join(argv if argv is not None else sys.argv[1:])
    section = render(results, command.strip(), load, args.days, args.per_day, args.runs)
    if args.no_write:
        print(section)
    else:
        write_section(args.out, section, MARK_START, MARK_END)
        print(f"written to {args.out}")
    slow = any(max(r.timings[n]) > TARGET_S for r in results
               if r.backend in ("sqlite", "postgresql")
               for n in ("daily report", "monthly report"))
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
