"""Ticket engine benchmark: ``issue_ticket`` and ``call_next`` against a hand-written floor.

Run it from the project root (it takes about two minutes for all three backends
on a 2-core machine)::

    python bench/engine.py
    python bench/engine.py --backends sqlite,postgresql --ops 400 \\
        --workers 1,4,16 --out docs/benchmarks.md

PostgreSQL and MariaDB are reached with the test suite's server URLs
(``LOKET_TEST_POSTGRES`` / ``LOKET_TEST_MYSQL``, default the local servers); the run
makes its own scratch database on each and drops it at the end. SQLite uses files
in a temporary directory.

What it measures, per backend, per operation and per number of concurrent worker
**processes** (spawned; each opens the database by URL with :func:`app.storage.db.connect`):

* **engine**: :func:`app.queue.engine.issue_ticket` into queue ``paspor``, or
  :func:`app.queue.engine.call_next` on a counter of the worker's own that serves only
  ``paspor`` (bench counters 7 and up, added next to the demo's 1-6). After each
  call the worker finishes the ticket with :func:`app.queue.engine.finish`, outside the
  timed region, so the "counter busy" rule never refuses. Only the engine call is
  timed.
* **floor**: the same work with the fewest hand-written statements straight
  through the driver (sqlite3, psycopg2, PyMySQL), on the same tables: for issue
  one transaction with the sequence upsert, the ticket row and its change-feed
  event; for call-next one transaction that claims the oldest waiting ticket
  (``FOR UPDATE SKIP LOCKED`` + ``UPDATE`` on the servers, ``BEGIN IMMEDIATE`` +
  ``UPDATE ... WHERE id = (SELECT ...) RETURNING`` on SQLite) and writes its event.
  The floor finishes its tickets between calls too (untimed), so both sides put
  the same kind of load on the database.

Every measurement starts from a freshly reset database (schema, settings, demo
queues and counters via :func:`app.setup.schema.init_database` and
:func:`app.setup.schema.seed_demo`). Workers do a few untimed warm-up operations, wait on
a barrier, then run their share of ``--ops``. Throughput is the number of
successful timed calls divided by the wall clock from the barrier to the last
worker done, scaled by the share of the workers' time spent inside timed calls
(so call_next's untimed finish does not count; for issue the share is ~1 and this
is plain wall-clock throughput). p50/p99 are over every successful timed call.
Refusals (e.g. "nothing waiting" while tickets wait) and database errors that
survive the engine's retries are counted and reported, not hidden. After each run
the database is checked: no duplicate number per (queue, day), numbers gap-free
and matching the sequence row, one change-feed event per ticket issued, no ticket
called twice, one event per call and per finish.

The floor's claim reads the counter's queue in index order, ``LIMIT 1`` (see
:meth:`Floor.call_next`); on MariaDB a locking read whose ORDER BY needs a
filesort would lock every row it reads and hide all waiting tickets from
concurrent callers.

Finally the statements each operation sends are counted (peewee's query log for
the engine, the driver cursor for the floor), and ``docs/benchmarks.md`` gets its
"Ticket engine" section rewritten between ``<!-- engine-bench:start -->`` and
``<!-- engine-bench:end -->``; the rest of the file is left alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import math
import multiprocessing as mp
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections import Counter as Tally
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast
from urllib.parse import unquote, urlparse

import peewee
import psycopg2
import pymysql

from app import clock
from app.errors import LoketError
from app.office.settings import get_settings
from app.queue import engine
from app.setup.schema import init_database, seed_demo
from app.storage.db import backend_of, connect, is_retryable
from app.storage.models import (
    CALLED,
    DONE,
    WAITING,
    Counter,
    CounterQueue,
    DailySequence,
    Queue,
    Ticket,
)
from app.storage.transactions import run_in_transaction

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the test helpers importable
    sys.path.insert(0, str(ROOT))

from tests.backends import (  # noqa: E402
    create_scratch_database,
    drop_all_tables,
    drop_scratch_database,
)

T = TypeVar("T")

ALL_BACKENDS = ("sqlite", "postgresql", "mysql")
BACKEND_TITLES = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "mysql": "MariaDB"}
OPERATIONS = ("issue", "call_next")
IMPLS = ("engine", "floor")
QUEUE_CODE = "paspor"
FIRST_BENCH_COUNTER = 7  # the demo office has counters 1-6
WARMUP_OPS = 3  # per worker, untimed, before the barrier
TARGET_RATIO = 0.5
BARRIER_TIMEOUT_S = 180.0
RESULT_TIMEOUT_S = 600.0
PROFILE_OPS = 5
MARK_START = "<!-- engine-bench:start -->"
MARK_END = "<!-- engine-bench:end -->"


# --- what a run is and what it found ---------------------------------------------


@dataclass(frozen=True)
class Job:
    """One worker's orders (pickled to a spawned process)."""

    backend: str
    url: str
    impl: str
    operation: str
    index: int
    ops: int
    warmup: int
    counter: int
    counter_id: int
    queue_id: int
    prefix: str
    day: str


@dataclass
class WorkerResult:
    index: int
    latencies: list[float] = field(default_factory=list)
    tickets: list[int] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    retries: int = 0
    refused_time: float = 0.0  # inside timed calls that were refused or failed
    started: float = 0.0
    ended: float = 0.0
    failure: str | None = None


@dataclass
class Checks:
    duplicates: int = 0
    gaps: int = 0
    called_twice: int = 0
    problems: list[str] = field(default_factory=list)  # integrity: the run is wrong
    notes: list[str] = field(default_factory=list)  # availability: work left undone

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Measurement:
    backend: str
    operation: str
    impl: str
    workers: int
    ops: int
    throughput: float
    wall_throughput: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: dict[str, int]
    retries: int
    checks: Checks


@dataclass(frozen=True)
class Setup:
    url: str
    day: str
    queue_id: int
    prefix: str
    counters: dict[int, int]  # number -> id


# --- the floor: the same work with hand-written SQL --------------------------------


class Floor:
    """Issue and call-next with the fewest statements, straight through the driver."""

    def __init__(self, backend: str, url: str) -> None:
        self.backend = backend
        self.statements = 0
        self.retries = 0
        self.conn: Any
        if backend == "sqlite":
            self.conn = sqlite3.connect(_sqlite_path(url), isolation_level=None, timeout=10.0)
            # The same settings app.storage.db.open_database gives the engine's connection.
            for pragma in ("journal_mode = wal", "synchronous = normal", "foreign_keys = 1",
                           "busy_timeout = 10000"):
                self.conn.execute(f"PRAGMA {pragma}")
        elif backend == "postgresql":
            self.conn = psycopg2.connect(url, connect_timeout=5)
        else:
            parsed = urlparse(url)
            self.conn = pymysql.connect(
                host=parsed.hostname or "127.0.0.1", port=parsed.port or 3306,
                user=unquote(parsed.username or "root"),
                password=unquote(parsed.password or ""), database=parsed.path.lstrip("/"),
                charset="utf8mb4", autocommit=False, connect_timeout=5)
        self.cur = self.conn.cursor()

    # plumbing

    def _sql(self, text: str) -> str:
        """Statements are written with ``%s`` and double-quoted names."""
        if self.backend == "sqlite":
            return text.replace("%s", "?")
        if self.backend == "mysql":
            return text.replace('"', "`")
        return text

    def _exec(self, text: str, params: Sequence[object] = ()) -> Any:
        self.statements += 1
        self.cur.execute(self._sql(text), tuple(params))
        return self.cur

    def _value(self, value: dt.date | dt.datetime) -> object:
        # peewee stores dates and times on SQLite as ISO text; the servers take objects.
        return str(value) if self.backend == "sqlite" else value

    def _transaction(self, work: Callable[[], T]) -> T:
        for attempt in range(1, 9):
            try:
                if self.backend == "sqlite":
                    self.cur.execute("BEGIN IMMEDIATE")
                result = work()
                if self.backend == "sqlite":
                    self.cur.execute("COMMIT")
                else:
                    self.conn.commit()
                return result
            except (sqlite3.Error, psycopg2.Error, pymysql.MySQLError) as exc:
                self._rollback()
                if attempt < 8 and is_retryable(exc):
                    self.retries += 1
                    time.sleep(min(0.2, 0.005 * 2**attempt) * (0.5 + random.random()))
                    continue
                raise
        raise AssertionError("unreachable")

    def _rollback(self) -> None:
        if self.backend == "sqlite":
            if self.conn.in_transaction:
                self.cur.execute("ROLLBACK")
        else:
            self.conn.rollback()

    def _event(self, kind: str, ticket: int, number: str, queue: int,
               counter: int | None) -> None:
        self._exec('INSERT INTO "event" (created_at, kind, ticket, number, queue, counter, data) '
                   "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                   (self._value(clock.utcnow()), kind, ticket, number, queue, counter, "{}"))

    # the operations

    def issue(self, queue_id: int, prefix: str, day: dt.date) -> int:
        """Next number in a queue: sequence upsert, ticket row, event row; one transaction."""

        def work() -> int:
            if self.backend == "mysql":
                self._exec('INSERT INTO "daily_sequence" (queue_id, service_day, last) '
                           "VALUES (%s, %s, LAST_INSERT_ID(1)) "
                           "ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
                           (queue_id, day))
                seq = int(self._exec("SELECT LAST_INSERT_ID()").fetchone()[0])
            else:
                seq = int(self._exec(
                    'INSERT INTO "daily_sequence" (queue_id, service_day, last) '
                    "VALUES (%s, %s, 1) ON CONFLICT (queue_id, service_day) "
                    'DO UPDATE SET last = "daily_sequence".last + 1 RETURNING last',
                    (queue_id, self._value(day))).fetchone()[0])
            number = engine.display_number(prefix, seq)
            insert = ('INSERT INTO "ticket" (queue_id, service_day, seq, number, '
                      "service_queue_id, status, issued_at, recall_count, transfer_count) "
                      "VALUES (%s, %s, %s, %s, %s, %s, %s, 0, 0)")
            params = (queue_id, self._value(day), seq, number, queue_id, WAITING,
                      self._value(clock.utcnow()))
            if self.backend == "postgresql":
                ticket = int(self._exec(insert + " RETURNING id", params).fetchone()[0])
            else:
                ticket = int(self._exec(insert, params).lastrowid)
            self._event("issued", ticket, number, queue_id, None)
            return ticket

        return self._transaction(work)

    def call_next(self, counter: int, counter_id: int, queue_id: int,
                  day: dt.date) -> int | None:
        """Claim the oldest waiting ticket of the counter's queue, and log it.

        The candidate is read in index order (``ORDER BY issued_at, id`` along
        ``ticket(service_day, status, service_queue_id, issued_at, id)``), ``LIMIT 1``:
        on the servers a locking read that touches only the row it returns. (On
        MariaDB a locking read whose ORDER BY needs a filesort locks every row it
        reads, which would hide all waiting tickets from the other callers.) For a
        counter serving one queue with nothing transferred to it, which is what the
        benchmark sets up, this is the engine's call order.
        """
        where = ('"service_day" = %s AND status = %s AND target_counter_id IS NULL '
                 "AND service_queue_id = %s ORDER BY issued_at, id LIMIT 1")
        params = (self._value(day), WAITING, queue_id)
        now = self._value(clock.utcnow())

        def work() -> int | None:
            if self.backend == "sqlite":
                row = self._exec(
                    'UPDATE "ticket" SET status = %s, counter_id = %s, called_at = %s '
                    f'WHERE id = (SELECT id FROM "ticket" WHERE {where}) '
                    "RETURNING id, number, service_queue_id",
                    (CALLED, counter_id, now, *params)).fetchone()
                if row is None:
                    return None
            else:
                row = self._exec(
                    f'SELECT id, number, service_queue_id FROM "ticket" WHERE {where} '
                    "FOR UPDATE SKIP LOCKED", params).fetchone()
                if row is None:
                    return None
                self._exec('UPDATE "ticket" SET status = %s, counter_id = %s, called_at = %s '
                           "WHERE id = %s", (CALLED, counter_id, now, row[0]))
            self._event("called", int(row[0]), str(row[1]), int(row[2]), counter)
            return int(row[0])

        return self._transaction(work)

    def finish(self, ticket: int, counter: int) -> None:
        """Close a called ticket (not timed; keeps the load shaped like the engine's)."""

        def work() -> None:
            self._exec('UPDATE "ticket" SET status = %s, started_at = called_at, '
                       "finished_at = %s WHERE id = %s AND status = %s",
                       (DONE, self._value(clock.utcnow()), ticket, CALLED))
            row = self._exec('SELECT number, service_queue_id FROM "ticket" WHERE id = %s',
                             (ticket,)).fetchone()
            self._event("finished", ticket, str(row[0]), int(row[1]), counter)

        self._transaction(work)

    def close(self) -> None:
        self.conn.close()


def _sqlite_path(url: str) -> str:
    return url[len("sqlite:///"):]


# --- what a worker runs --------------------------------------------------------------


class Session(Protocol):
    @property
    def retries(self) -> int: ...

    def timed(self) -> int | None: ...

    def after(self, ticket: int) -> None: ...

    def close(self) -> None: ...


class _RetryCounter(logging.Handler):
    """Counts the engine's transient-conflict retries (app.storage.db logs each at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("transient conflict"):
            self.count += 1


class EngineSession:
    def __init__(self, job: Job) -> None:
        self.job = job
        self.db = connect(job.url)
        self._retry_log = _RetryCounter()
        logger = logging.getLogger("app.storage.db")
        logger.setLevel(logging.DEBUG)
        logger.addHandler(self._retry_log)
        self._numbers: dict[int, str] = {}

    @property
    def retries(self) -> int:
        return self._retry_log.count

    def timed(self) -> int | None:
        if self.job.operation == "issue":
            return engine.issue_ticket(QUEUE_CODE).id
        view = engine.call_next(self.job.counter)
        self._numbers[view.id] = view.number
        return view.id

    def after(self, ticket: int) -> None:
        if self.job.operation == "call_next":
            engine.finish(self._numbers[ticket], self.job.counter)
            del self._numbers[ticket]

    def close(self) -> None:
        self.db.close()


class FloorSession:
    def __init__(self, job: Job) -> None:
        self.job = job
        self.day = dt.date.fromisoformat(job.day)
        self.floor = Floor(job.backend, job.url)

    @property
    def retries(self) -> int:
        return self.floor.retries

    def timed(self) -> int | None:
        if self.job.operation == "issue":
            return self.floor.issue(self.job.queue_id, self.job.prefix, self.day)
        return self.floor.call_next(self.job.counter, self.job.counter_id, self.job.queue_id,
                                    self.day)

    def after(self, ticket: int) -> None:
        if self.job.operation == "call_next":
            self.floor.finish(ticket, self.job.counter)

    def close(self) -> None:
        self.floor.close()


FAILURES = (LoketError, peewee.DatabaseError, sqlite3.Error, psycopg2.Error, pymysql.MySQLError)
FINISH_ATTEMPTS = 5


def _error_name(exc: BaseException) -> str:
    """``nothing_waiting`` for a refusal; what went wrong in a few words otherwise."""
    if isinstance(exc, LoketError):
        return exc.code
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    for words in ("deadlock", "lock wait timeout", "database is locked"):
        if words in text.lower():
            return f"{words} ({type(exc).__name__} after retries)"
    return f"{type(exc).__name__} {text[:60]}".strip()


def _attempt(session: Session, errors: Tally[str], label: str = "") -> tuple[int | None, float]:
    """One timed call: (ticket or None if it was refused or failed, seconds)."""
    start = time.perf_counter()
    try:
        ticket = session.timed()
    except FAILURES as exc:
        errors[_error_name(exc) + label] += 1
        return None, time.perf_counter() - start
    elapsed = time.perf_counter() - start
    if ticket is None:
        errors["nothing_waiting" + label] += 1
    return ticket, elapsed


def _follow_up(session: Session, ticket: int, errors: Tally[str]) -> None:
    """The untimed finish after a call; retried, since a held ticket blocks the counter."""
    for _ in range(FINISH_ATTEMPTS):
        try:
            session.after(ticket)
            return
        except FAILURES as exc:
            errors[f"finish failed: {_error_name(exc)}"] += 1


def _worker(job: Job, ready: Any, out: Any) -> None:
    """Process entry point: warm up, wait for the others, run and time ``job.ops`` calls."""
    result = WorkerResult(index=job.index)
    try:
        session: Session = EngineSession(job) if job.impl == "engine" else FloorSession(job)
        try:
            errors: Tally[str] = Tally()
            for _ in range(job.warmup):
                ticket, _elapsed = _attempt(session, errors, " (warm-up)")
                if ticket is not None:
                    result.tickets.append(ticket)
                    _follow_up(session, ticket, errors)
            ready.wait(timeout=BARRIER_TIMEOUT_S)
            result.started = time.perf_counter()
            for _ in range(job.ops):
                ticket, elapsed = _attempt(session, errors)
                if ticket is None:
                    result.refused_time += elapsed
                    continue
                result.latencies.append(elapsed)
                result.tickets.append(ticket)
                _follow_up(session, ticket, errors)
            result.ended = time.perf_counter()
            result.errors = dict(errors)
            result.retries = session.retries
        finally:
            session.close()
    except BaseException:  # report anything to the parent rather than hang it
        result.failure = traceback.format_exc()
        ready.abort()
    out.put(result)


# --- the parent: reset, run, check --------------------------------------------------


class Target:
    """Where a backend's measurements run; ``fresh()`` gives an empty database's URL."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self._tmp: Path | None = None
        self._url: str | None = None
        self._count = 0
        if backend == "sqlite":
            self._tmp = Path(tempfile.mkdtemp(prefix="loket-bench-"))
        else:
            self._url = create_scratch_database(backend)

    def fresh(self) -> str:
        self._count += 1
        if self._tmp is not None:
            return f"sqlite:///{self._tmp / f'bench{self._count}.sqlite3'}"
        assert self._url is not None
        db = connect(self._url)
        try:
            drop_all_tables(db)
        finally:
            db.close()
        return self._url

    def server_version(self) -> str:
        if self.backend == "sqlite":
            return sqlite3.sqlite_version
        assert self._url is not None
        db = connect(self._url)
        try:
            text = str(cast(Any, db).execute_sql("SELECT version()").fetchone()[0])
        finally:
            db.close()
        if self.backend == "postgresql":
            return text.split(" ")[1]
        return text.split("-")[0]

    def close(self) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
        elif self._url is not None:
            drop_scratch_database(self.backend, self._url)


def prepare(url: str, operation: str, workers: int, waiting: int) -> Setup:
    """Schema, settings, demo office, one bench counter per worker; ``waiting`` tickets."""
    db = connect(url)
    try:
        init_database(db)
        seed_demo(with_officers=False, with_passports=False)

        def add_counters() -> dict[int, int]:
            queue: Any = Queue.get(Queue.code == QUEUE_CODE)
            made = {}
            for number in range(FIRST_BENCH_COUNTER, FIRST_BENCH_COUNTER + workers):
                counter: Any = Counter.create(number=number, name=f"Bench {number}")
                CounterQueue.create(counter=counter, queue=queue, position=0)
                made[number] = counter.id
            return made

        counters = run_in_transaction(add_counters)
        queue: Any = Queue.get(Queue.code == QUEUE_CODE)
        day = clock.service_day(get_settings(fresh=True).timezone)
        if operation == "call_next" and waiting:
            _preissue(queue, day, waiting)
        return Setup(url=url, day=day.isoformat(), queue_id=queue.id, prefix=queue.prefix,
                     counters=counters)
    finally:
        db.close()


def _preissue(queue: Any, day: dt.date, count: int) -> None:
    """``count`` waiting tickets numbered 1..count, one millisecond apart, oldest first."""
    base = clock.utcnow() - dt.timedelta(hours=1)
    rows = [{"queue": queue.id, "service_day": day, "seq": seq,
             "number": engine.display_number(queue.prefix, seq), "service_queue": queue.id,
             "status": WAITING, "issued_at": base + dt.timedelta(milliseconds=seq),
             "recall_count": 0, "transfer_count": 0} for seq in range(1, count + 1)]

    def work() -> None:
        for batch in peewee.chunked(rows, 200):
            Ticket.insert_many(batch).execute()
        DailySequence.insert(queue=queue.id, service_day=day, last=count).execute()

    run_in_transaction(work)


def _percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not sorted_values:
        return math.nan
    pos = (len(sorted_values) - 1) * q
    low, high = math.floor(pos), math.ceil(pos)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (pos - low)


def _shares(total: int, workers: int) -> list[int]:
    return [total // workers + (1 if i < total % workers else 0) for i in range(workers)]


def run_once(target: Target, operation: str, impl: str, workers: int, ops: int) -> Measurement:
    """One configuration on a fresh database: spawn, time, collect, check."""
    waiting = ops + workers * WARMUP_OPS
    setup = prepare(target.fresh(), operation, workers, waiting)
    ctx = mp.get_context("spawn")
    ready = ctx.Barrier(workers)
    out = ctx.Queue()
    counters = sorted(setup.counters)
    processes = []
    for index, share in enumerate(_shares(ops, workers)):
        job = Job(backend=target.backend, url=setup.url, impl=impl, operation=operation,
                  index=index, ops=share, warmup=WARMUP_OPS, counter=counters[index],
                  counter_id=setup.counters[counters[index]], queue_id=setup.queue_id,
                  prefix=setup.prefix, day=setup.day)
        process = ctx.Process(target=_worker, args=(job, ready, out), daemon=True)
        process.start()
        processes.append(process)
    results: list[WorkerResult] = [out.get(timeout=RESULT_TIMEOUT_S) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    failures = [r.failure for r in results if r.failure]
    if failures:
        raise RuntimeError(f"{target.backend} {impl} {operation} x{workers} failed:\n"
                           + "\n".join(failures))
    latencies = sorted(x for r in results for x in r.latencies)
    done = len(latencies)
    # Wall clock from the barrier to the last worker done, less the share of the
    # workers' time spent outside the timed call (call_next's untimed finish).
    span = max(r.ended for r in results) - min(r.started for r in results)
    inside = ((sum(latencies) + sum(r.refused_time for r in results))
              / sum(r.ended - r.started for r in results))
    throughput = done / (span * inside) if span > 0 and inside > 0 else math.nan
    errors: Tally[str] = Tally()
    for r in results:
        errors.update(r.errors)
    claimed = sum(len(r.tickets) for r in results)
    checks = verify(setup, operation, results,
                    expected_tickets=waiting if operation == "call_next" else claimed)
    return Measurement(backend=target.backend, operation=operation, impl=impl, workers=workers,
                       ops=done, throughput=throughput,
                       wall_throughput=done / span if span > 0 else math.nan,
                       p50_ms=_percentile(latencies, 0.5) * 1000,
                       p99_ms=_percentile(latencies, 0.99) * 1000,
                       max_ms=latencies[-1] * 1000 if latencies else math.nan,
                       errors=dict(errors),
                       retries=sum(r.retries for r in results), checks=checks)


def verify(setup: Setup, operation: str, results: Sequence[WorkerResult],
           expected_tickets: int) -> Checks:
    """Numbers unique and gap-free, an event per change, no ticket called twice."""
    checks = Checks()
    seen = [t for r in results for t in r.tickets]
    db = connect(setup.url)

    def rows(sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        if backend_of(db) == "mysql":
            sql = sql.replace('"', "`")
        else:
            sql = sql.replace("%s", "?") if backend_of(db) == "sqlite" else sql
        return [tuple(row) for row in cast(Any, db).execute_sql(sql, params).fetchall()]

    try:
        numbering = rows('SELECT t.queue_id, t.service_day, COUNT(*), COUNT(DISTINCT t.seq), '
                         "COUNT(DISTINCT t.number), MIN(t.seq), MAX(t.seq), MAX(s.last) "
                         'FROM "ticket" t LEFT JOIN "daily_sequence" s '
                         "ON s.queue_id = t.queue_id AND s.service_day = t.service_day "
                         "GROUP BY t.queue_id, t.service_day")
        total = 0
        for queue, day, count, seqs, numbers, low, high, last in numbering:
            total += count
            checks.duplicates += count - min(seqs, numbers)
            checks.gaps += (high - seqs) + (low - 1)
            if last != high:
                checks.problems.append(f"queue {queue} {day}: sequence row says {last}, "
                                       f"highest ticket is {high}")
        if total != expected_tickets:
            checks.problems.append(f"{total} tickets in the database, expected "
                                   f"{expected_tickets}")
        events = dict(rows('SELECT kind, COUNT(*) FROM "event" GROUP BY kind'))
        if operation == "issue":
            checks.duplicates += len(seen) - len(set(seen))
            if events.get("issued", 0) != total:
                checks.problems.append(f"{events.get('issued', 0)} 'issued' events for "
                                       f"{total} tickets")
        else:
            claimed = set(seen)
            checks.called_twice = len(seen) - len(claimed)
            per_ticket = rows('SELECT ticket, COUNT(*) FROM "event" WHERE kind = %s '
                              "GROUP BY ticket", ("called",))
            checks.called_twice += sum(n - 1 for _, n in per_ticket if n > 1)
            if {t for t, _ in per_ticket} != claimed:
                checks.problems.append(f"{len(per_ticket)} tickets have a 'called' event, "
                                       f"workers claimed {len(claimed)}")
            status = dict(rows('SELECT status, COUNT(*) FROM "ticket" GROUP BY status'))
            if events.get("finished", 0) != status.get(DONE, 0):
                checks.problems.append(f"{events.get('finished', 0)} 'finished' events for "
                                       f"{status.get(DONE, 0)} finished tickets")
            if status.get(DONE, 0) != len(claimed):
                checks.notes.append(f"{len(claimed) - status.get(DONE, 0)} called tickets "
                                    "left unfinished")
            if status.get(WAITING, 0) != expected_tickets - len(claimed):
                checks.problems.append(f"{status.get(WAITING, 0)} tickets still waiting")
    finally:
        db.close()
    if checks.duplicates:
        checks.problems.append(f"{checks.duplicates} duplicate numbers")
    if checks.gaps:
        checks.problems.append(f"{checks.gaps} missing numbers")
    if checks.called_twice:
        checks.problems.append(f"{checks.called_twice} tickets called twice")
    return checks


def measure(target: Target, operation: str, impl: str, workers: int, ops: int,
            repeat: int = 1) -> Measurement:
    """Best of ``repeat`` runs (a run that failed its checks wins, so none is hidden).

    A run during which the office's service day rolled over is measured again.
    """
    runs: list[Measurement] = []
    while len(runs) < repeat:
        day = clock.service_day(clock.DEFAULT_TIMEZONE)
        result = run_once(target, operation, impl, workers, ops)
        if clock.service_day(clock.DEFAULT_TIMEZONE) != day:
            print("  (service day rolled over during the run; measuring again)", flush=True)
            continue
        runs.append(result)
    failed = [m for m in runs if not m.checks.ok]
    return failed[0] if failed else max(runs, key=lambda m: m.throughput)


# --- statements per operation --------------------------------------------------------


class _QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def count_statements(target: Target) -> dict[tuple[str, str], float]:
    """SQL statements per operation (BEGIN/COMMIT not counted), engine and floor."""
    setup = prepare(target.fresh(), "call_next", 1, 4 * PROFILE_OPS)
    counter = min(setup.counters)
    day = dt.date.fromisoformat(setup.day)
    found: dict[tuple[str, str], float] = {}
    db = connect(setup.url)
    logger = logging.getLogger("peewee")
    handler = _QueryCounter()
    level, propagate = logger.level, logger.propagate
    try:
        # Warm the settings cache and statements prepared once per connection.
        engine.issue_ticket(QUEUE_CODE)
        view = engine.call_next(counter)
        engine.finish(view.number, counter)
        logger.setLevel(logging.DEBUG)
        logger.propagate = False
        logger.addHandler(handler)
        for _ in range(PROFILE_OPS):
            engine.issue_ticket(QUEUE_CODE)
        found[("engine", "issue")] = handler.count / PROFILE_OPS
        handler.count = 0
        for _ in range(PROFILE_OPS):
            view = engine.call_next(counter)
            logger.removeHandler(handler)
            engine.finish(view.number, counter)
            logger.addHandler(handler)
        found[("engine", "call_next")] = handler.count / PROFILE_OPS
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
        db.close()
    floor = Floor(target.backend, setup.url)
    try:
        floor.statements = 0
        for _ in range(PROFILE_OPS):
            floor.issue(setup.queue_id, setup.prefix, day)
        found[("floor", "issue")] = floor.statements / PROFILE_OPS
        calls = 0
        for _ in range(PROFILE_OPS):
            before = floor.statements
            ticket = floor.call_next(counter, setup.counters[counter], setup.queue_id, day)
            calls += floor.statements - before
            if ticket is not None:
                floor.finish(ticket, counter)
        found[("floor", "call_next")] = calls / PROFILE_OPS
    finally:
        floor.close()
    return found


# --- the report ---------------------------------------------------------------------


@dataclass
class BackendReport:
    backend: str
    version: str
    rows: list[tuple[Measurement, Measurement]]  # (engine, floor)
    statements: dict[tuple[str, str], float]


def _ratio(pair: tuple[Measurement, Measurement]) -> float:
    eng, flo = pair
    return eng.throughput / flo.throughput if flo.throughput else math.nan


def _fmt_ratio(value: float) -> str:
    """Two decimals, three next to the target so that 0.498 does not print as 0.50."""
    return f"{value:.3f}" if abs(value - TARGET_RATIO) < 0.005 else f"{value:.2f}"


def _fmt_count(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _check_line(m: Measurement) -> str:
    parts = [f"slowest call {m.max_ms:,.1f} ms"]
    if m.operation == "issue":
        parts.append(f"{m.checks.duplicates} duplicate, {m.checks.gaps} missing numbers")
    else:
        parts.append(f"{m.checks.called_twice} called twice")
    if m.errors:
        parts.append("refused or failed: "
                     + ", ".join(f"{k} x{v}" for k, v in sorted(m.errors.items())))
    if m.retries:
        parts.append(f"{m.retries} retried transactions")
    extra = [p for p in m.checks.problems if "duplicate" not in p and "missing" not in p
             and "called twice" not in p]
    parts.extend(extra)
    parts.extend(m.checks.notes)
    return "; ".join(parts)


def backend_section(report: BackendReport) -> list[str]:
    title = BACKEND_TITLES[report.backend]
    lines = [f"### {title} {report.version}", "",
             "| operation | workers | engine ops/s | engine p50 ms | engine p99 ms "
             "| floor ops/s | engine/floor | duplicates |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for pair in report.rows:
        eng, flo = pair
        ratio = _ratio(pair)
        flag = "" if ratio >= TARGET_RATIO else " **below target**"
        dups = eng.checks.duplicates + eng.checks.called_twice
        mark = " †" if eng.errors else ""
        lines.append(f"| {eng.operation} | {eng.workers} | {eng.throughput:,.0f}{mark} "
                     f"| {eng.p50_ms:.2f} | {eng.p99_ms:.2f} | {flo.throughput:,.0f} "
                     f"| {_fmt_ratio(ratio)}{flag} | {dups} |")
    if any(eng.errors for eng, _ in report.rows):
        lines += ["", "† some engine calls were refused or failed although tickets were "
                  "waiting (counted below); ops/s counts successful calls only."]
    lines += ["", "Checks after each run, with the slowest timed call (p99 hides a "
              "single long stall per worker):", ""]
    for eng, flo in report.rows:
        verdict = "ok" if eng.checks.ok and flo.checks.ok else "FAILED"
        lines.append(f"- {eng.operation} x{eng.workers}: {verdict}. "
                     f"engine: {_check_line(eng)}; floor: {_check_line(flo)}.")
    st = report.statements
    lines += ["", "Statements per operation (excluding BEGIN/COMMIT): issue "
              f"{_fmt_count(st[('engine', 'issue')])} engine / "
              f"{_fmt_count(st[('floor', 'issue')])} floor; call_next "
              f"{_fmt_count(st[('engine', 'call_next')])} engine / "
              f"{_fmt_count(st[('floor', 'call_next')])} floor.", ""]
    return lines


def reading(reports: Sequence[BackendReport]) -> str:
    """A factual paragraph generated from the numbers."""
    pairs = [(r, p) for r in reports for p in r.rows]
    missed = [(r, p) for r, p in pairs if _ratio(p) < TARGET_RATIO]
    dirty = [(r, m) for r, p in pairs for m in p if not m.checks.ok]
    refused = [(r, m) for r, p in pairs for m in p if m.errors]
    text = []
    if missed:
        worst = min(missed, key=lambda rp: _ratio(rp[1]))
        names = ", ".join(f"{BACKEND_TITLES[r.backend]} {p[0].operation} x{p[0].workers} "
                          f"({_fmt_ratio(_ratio(p))})" for r, p in missed)
        text.append(f"The target (engine at least {TARGET_RATIO:.0%} of the floor's "
                    f"throughput) is missed in {len(missed)} of {len(pairs)} configurations: "
                    f"{names}; the worst is {BACKEND_TITLES[worst[0].backend]} "
                    f"{worst[1][0].operation} with {worst[1][0].workers} workers.")
        near = [(r, p) for r, p in missed if _ratio(p) >= TARGET_RATIO - 0.05]
        if near:
            text.append(f"{len(near)} of these miss by less than 0.05, within the run-to-run "
                        "variation seen on this machine.")
    else:
        text.append(f"The engine reaches at least {TARGET_RATIO:.0%} of the floor's "
                    f"throughput in all {len(pairs)} configurations.")
    if dirty:
        text.append("Correctness checks FAILED in: " + ", ".join(
            f"{BACKEND_TITLES[r.backend]} {m.impl} {m.operation} x{m.workers}"
            for r, m in dirty) + " (see the check lines above).")
    else:
        text.append("Every run passed the checks: no duplicate or missing number, no "
                    "ticket called twice, one change-feed event per change.")
    if refused:
        text.append("Some calls were refused although tickets were waiting: " + ", ".join(
            f"{BACKEND_TITLES[r.backend]} {m.impl} {m.operation} x{m.workers} "
            f"({sum(m.errors.values())})" for r, m in refused) + ".")
    st = {r.backend: r.statements for r in reports}
    text.append("Per operation the engine sends " + "; ".join(
        f"{BACKEND_TITLES[b]} {_fmt_count(s[('engine', 'issue')])} statements to issue "
        f"(floor {_fmt_count(s[('floor', 'issue')])}) and "
        f"{_fmt_count(s[('engine', 'call_next')])} to call "
        f"(floor {_fmt_count(s[('floor', 'call_next')])})" for b, s in st.items())
        + ". Each extra statement is work (on the servers, a network round trip) done "
          "inside the transaction that holds the lock serialising issuers (the sequence "
          "row) or callers.")
    return " ".join(text)


def cpu_name() -> str:
    """The processor's model name (Linux), else what the platform module says."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine_line(reports: Sequence[BackendReport]) -> str:
    cpu = cpu_name()
    servers = ", ".join(f"{BACKEND_TITLES[r.backend]} {r.version}" for r in reports)
    libs = ", ".join(f"{name} {package_version(name)}" for name in
                     ("peewee", "psycopg2-binary", "PyMySQL"))
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; {servers}; {libs}")


def render(reports: Sequence[BackendReport], ops: int, workers: Sequence[int],
           repeat: int, command: str, load: float | None) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [MARK_START, "## Ticket engine", "",
             f"- Date: {now}",
             f"- Machine: {machine_line(reports)}",
             "- Other load: 1-minute load average "
             + (f"{load:.2f}" if load is not None else "unknown") + " just before the run",
             f"- Command: `{command}`",
             f"- {ops} timed operations per configuration, split over "
             f"{', '.join(map(str, workers))} worker processes (spawned, one connection "
             f"each), after {WARMUP_OPS} untimed warm-up operations per worker; every "
             "configuration on a freshly reset database"
             + (f"; each configuration run {repeat} times, the fastest run kept."
                if repeat > 1 else "."),
             "",
             "*engine*: `app.queue.engine.issue_ticket('paspor')` / "
             "`app.queue.engine.call_next(counter)` "
             "(each worker has its own counter serving `paspor`; the ticket is finished "
             "with `app.queue.engine.finish` outside the timed region). *floor*: the same work in "
             "one hand-written transaction through the driver (sequence upsert + ticket + "
             "event; claim with `FOR UPDATE SKIP LOCKED` or `BEGIN IMMEDIATE` + "
             "`UPDATE ... RETURNING`, + event), finishing its tickets between calls too; "
             "its claim reads the counter's queue in index order (`ORDER BY issued_at, id "
             "LIMIT 1`), the engine's call order for a counter that serves one queue. "
             "ops/s = timed calls / (wall clock x share of the workers' time spent inside "
             "timed calls), so call_next's untimed finish is left out; for issue this is "
             "plain wall-clock throughput. p50/p99 over every successful timed call. "
             "*duplicates*: duplicate numbers (issue) or tickets called twice (call_next) "
             "in the engine's run. Target: engine/floor "
             f">= {TARGET_RATIO} with zero duplicates.",
             ""]
    for report in reports:
        lines += backend_section(report)
    lines += ["### Reading", "", reading(reports), "", MARK_END]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str, mark_start: str = MARK_START,
                  mark_end: str = MARK_END) -> None:
    """Replace the text between the markers, or append the section."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start, end = text.find(mark_start), text.find(mark_end)
    if start != -1 and end > start:
        text = text[:start] + section.rstrip("\n") + text[end + len(mark_end):]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


# --- main ---------------------------------------------------------------------------


def _csv(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--backends", default=",".join(ALL_BACKENDS),
                        help="comma-separated: sqlite, postgresql, mysql (default: all)")
    parser.add_argument("--ops", type=int, default=400,
                        help="timed operations per configuration (default: 400)")
    parser.add_argument("--workers", default="1,4,16",
                        help="comma-separated numbers of worker processes (default: 1,4,16)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure each configuration N times and keep the fastest run "
                             "(steadier on a shared machine; default: 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md",
                        help="Markdown file whose engine section is rewritten")
    args = parser.parse_args(argv)
    args.backends = _csv(args.backends)
    unknown = [b for b in args.backends if b not in ALL_BACKENDS]
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(unknown)}")
    args.workers = [int(w) for w in _csv(args.workers)]
    if not args.workers or min(args.workers) < 1:
        parser.error("--workers needs positive numbers")
    if args.ops < max(args.workers):
        parser.error("--ops must be at least the largest number of workers")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def bench_backend(backend: str, ops: int, workers: Sequence[int],
                  repeat: int) -> BackendReport:
    target = Target(backend)
    try:
        version = target.server_version()
        rows = []
        for operation in OPERATIONS:
            for n in workers:
                pair = []
                for impl in IMPLS:
                    started = time.monotonic()
                    m = measure(target, operation, impl, n, ops, repeat)
                    pair.append(m)
                    print(f"  {operation:9} x{n:<2} {impl:6} {m.throughput:8,.0f} ops/s "
                          f"(wall {m.wall_throughput:8,.0f})  p50 {m.p50_ms:6.2f} ms  "
                          f"p99 {m.p99_ms:7.2f} ms  checks: {_check_line(m)}"
                          f"{'' if m.checks.ok else '  FAILED'}  "
                          f"[{time.monotonic() - started:.1f}s]", flush=True)
                rows.append((pair[0], pair[1]))
        statements = count_statements(target)
        print("  statements per op: " + ", ".join(
            f"{impl} {op} {_fmt_count(n)}" for (impl, op), n in statements.items()),
            flush=True)
        return BackendReport(backend=backend, version=version, rows=rows,
                             statements=statements)
    finally:
        target.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python bench/engine.py " + " ".join(
        [f"--backends {','.join(args.backends)}", f"--ops {args.ops}",
         f"--workers {','.join(map(str, args.workers))}", f"--repeat {args.repeat}"])
    reports = []
    started = time.monotonic()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    for backend in args.backends:
        print(f"{BACKEND_TITLES[backend]}:", flush=True)
        try:
            reports.append(bench_backend(backend, args.ops, args.workers, args.repeat))
        except (peewee.OperationalError, LoketError) as exc:
            print(f"  skipped: {exc}", flush=True)
    if not reports:
        print("no backend could be measured", file=sys.stderr)
        return 1
    section = render(reports, args.ops, args.workers, args.repeat, command, load_before)
    write_section(args.out, section)
    print(f"\n{reading(reports)}\n\nwrote {args.out} in {time.monotonic() - started:.0f}s")
    failed = any(not m.checks.ok for r in reports for p in r.rows for m in p)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
