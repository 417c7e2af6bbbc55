"""A busy hour across a failover: the hall's work, the primary killed mid-run, the audit.

An issuing loop (the kiosk), counters calling and finishing tickets and a pickup desk
handing over passports all run through the engine with a request id per intent, as
the windows do: an intent that gets no answer is tried again with the same id until
it gets one. Meanwhile the primary is killed; the run goes on until every actor has
worked on the new primary. :func:`audit` then reads the database as it is on the new
primary. Used by the slow test (tests/unit/storage/test_failover.py) and by
``bench/failover.py``; no pytest here.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import peewee

from app.errors import DatabaseUnavailable, Refused
from app.pickup import service as pickup
from app.queue import engine
from app.setup.schema import init_database, seed_demo
from app.storage import db as dbmod
from app.storage.models import AuditEntry, PickupRecord, Ticket
from app.storage.transactions import read

T = TypeVar("T")

QUEUE = "A"  # walk-in passport applications
CALLING_COUNTERS = (1, 2, 3)
PICKUP_DESK = 6
OFFICER = "petugas1"


@dataclass
class Tally:
    attempted: int = 0
    succeeded: int = 0
    refused: int = 0  # a definite "no" (nothing waiting, nothing left to hand over)
    reported: int = 0  # failed and said so (DatabaseUnavailable)
    unanswered: int = 0  # intents still without an answer when the run stopped
    first_success_after_kill: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, **counts: int) -> None:
        with self.lock:
            for key, value in counts.items():
                setattr(self, key, getattr(self, key) + value)


@dataclass
class Acknowledged:
    """What the people in the hall were told happened."""

    tickets: list[tuple[int, str]] = field(default_factory=list)  # (id, number)
    calls: list[tuple[int, int]] = field(default_factory=list)  # (ticket id, counter)
    finished: list[int] = field(default_factory=list)
    handovers: list[int] = field(default_factory=list)  # pickup record ids
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class Run:
    tally: Tally
    acknowledged: Acknowledged
    killed_at: float | None
    seconds_to_first_success: float | None
    duration_s: float


def prepare_office(url: str) -> peewee.Database:
    """Bind to ``url`` and set up the demo office with passports waiting."""
    db = dbmod.connect(url)
    init_database(db, demo=False)
    seed_demo(with_officers=True, with_passports=True)  # petugas1; passports on the shelf
    return db


def _ready_codes() -> list[str]:
    applications = read(lambda: [r.application_no for r in PickupRecord.select()
                                 .where(PickupRecord.status == "ready")
                                 .order_by(PickupRecord.id)])
    return [pickup.code_for(a) for a in applications]


class Hall:
    """The actors, each on a thread with its own connection, until :meth:`stop`."""

    def __init__(self) -> None:
        self.tally = Tally()
        self.acknowledged = Acknowledged()
        self.killed_at: float | None = None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._active: set[str] = set()
        self.worked_after_kill: set[str] = set()

    # -- one intent, tried until it gets a definite answer --------------------------------

    def _answer(self, actor: str, intent: Callable[[str], T]) -> T | None:
        request_id = uuid.uuid4().hex
        while not self._stop.is_set():
            self.tally.add(attempted=1)
            try:
                result = intent(request_id)
            except DatabaseUnavailable:
                self.tally.add(reported=1)
                time.sleep(0.25)
                continue
            except Refused:
                self.tally.add(refused=1)
                self._note_success(actor)
                return None
            self.tally.add(succeeded=1)
            self._note_success(actor)
            return result
        self.tally.add(unanswered=1)
        return None

    def _note_success(self, actor: str) -> None:
        killed = self.killed_at
        if killed is None:
            return
        now = time.monotonic()
        with self.tally.lock:
            if self.tally.first_success_after_kill is None:
                self.tally.first_success_after_kill = now - killed
            self.worked_after_kill.add(actor)

    # -- the actors --------------------------------------------------------------------------

    def _kiosk(self) -> None:
        while not self._stop.is_set():
            view = self._answer("kiosk", lambda rid: engine.issue_ticket(QUEUE, request_id=rid))
            if view is not None:
                with self.acknowledged.lock:
                    self.acknowledged.tickets.append((view.id, view.number))
            time.sleep(0.05)

    def _counter(self, number: int) -> None:
        actor = f"counter {number}"
        while not self._stop.is_set():
            called = self._answer(actor, lambda rid: engine.call_next(number, request_id=rid))
            if called is None:
                time.sleep(0.1)
                continue
            with self.acknowledged.lock:
                self.acknowledged.calls.append((called.id, number))
            done = self._answer(actor, lambda rid, t=called.id: engine.finish(
                t, number, request_id=rid))
            if done is not None:
                with self.acknowledged.lock:
                    self.acknowledged.finished.append(done.id)

    def _pickup_desk(self, codes: list[str]) -> None:
        for code in codes:
            if self._stop.is_set():
                return
            handed = self._answer("pickup desk", lambda rid, c=code: pickup.hand_over(
                c, PICKUP_DESK, OFFICER, "self", id_checked=True, request_id=rid))
            if handed is not None:
                with self.acknowledged.lock:
                    self.acknowledged.handovers.append(handed.record.id)
            time.sleep(0.2)

    def _run(self, name: str, target: Callable[[], None]) -> None:
        try:
            target()
        finally:
            with contextlib.suppress(peewee.PeeweeException):
                dbmod.database.obj.close()

    def start(self) -> None:
        codes = _ready_codes()
        actors: dict[str, Callable[[], None]] = {"kiosk": self._kiosk,
                                                  "pickup desk": lambda: self._pickup_desk(codes)}
        for number in CALLING_COUNTERS:
            actors[f"counter {number}"] = lambda n=number: self._counter(n)
        for name, target in actors.items():
            thread = threading.Thread(target=self._run, args=(name, target), name=name,
                                      daemon=True)
            self._threads.append(thread)
            thread.start()
        self._active = set(actors) - {"pickup desk"}  # the desk may run out of passports

    def everyone_worked_after_kill(self) -> bool:
        with self.tally.lock:
            return self._active <= self.worked_after_kill

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)


def run_through_failover(kill: Callable[[], None], *, warm_up_s: float = 3.0,
                         after_s: float = 3.0, deadline_s: float = 180.0) -> Run:
    """Run the hall, call ``kill`` mid-run, go on until every actor worked again."""
    hall = Hall()
    started = time.monotonic()
    hall.start()
    try:
        time.sleep(warm_up_s)
        kill()
        hall.killed_at = time.monotonic()
        end = hall.killed_at + deadline_s
        while not hall.everyone_worked_after_kill() and time.monotonic() < end:
            time.sleep(0.2)
        time.sleep(after_s)
    finally:
        hall.stop()
    return Run(hall.tally, hall.acknowledged, hall.killed_at,
               hall.tally.first_success_after_kill, time.monotonic() - started)


@dataclass(frozen=True)
class Audit:
    lost_tickets: int
    duplicate_numbers: int
    gaps: int
    double_calls: int
    lost_calls: int
    double_handovers: int
    lost_handovers: int
    tickets_in_database: int

    def clean(self) -> bool:
        return not (self.lost_tickets or self.duplicate_numbers or self.gaps
                    or self.double_calls or self.lost_calls or self.double_handovers
                    or self.lost_handovers)


def audit(acknowledged: Acknowledged) -> Audit:
    """Compare what people were told with what the (new) primary holds."""

    def work() -> dict[str, Any]:
        rows = list(Ticket.select(Ticket.id, Ticket.number, Ticket.seq, Ticket.counter,
                                  Ticket.status, Ticket.queue, Ticket.service_day).tuples())
        collected = {r.id for r in PickupRecord.select(PickupRecord.id)
                     .where(PickupRecord.status == "collected")}
        handover_entries = list(AuditEntry.select(AuditEntry.subject)
                                .where(AuditEntry.action == "pickup_handed_over").tuples())
        return {"rows": rows, "collected": collected, "handover_entries": handover_entries}

    found = read(work)
    by_id = {row[0]: row for row in found["rows"]}
    lost = sum(1 for ticket_id, number in acknowledged.tickets
               if ticket_id not in by_id or by_id[ticket_id][1] != number)
    keys = [(row[5], row[6], row[2]) for row in found["rows"]]
    duplicates = len(keys) - len(set(keys))
    gaps = 0
    per_queue: dict[tuple[Any, Any], list[int]] = {}
    for queue, day, seq in keys:
        per_queue.setdefault((queue, day), []).append(seq)
    for seqs in per_queue.values():
        gaps += max(seqs) - len(set(seqs))
    called = [ticket_id for ticket_id, _counter in acknowledged.calls]
    double_calls = len(called) - len(set(called))
    # A call the counter was told of is on the ticket, at that counter.
    lost_calls = sum(1 for ticket_id, counter in acknowledged.calls
                     if ticket_id not in by_id or by_id[ticket_id][3] is None)
    handed = acknowledged.handovers
    entries = [str(target) for (target,) in found["handover_entries"]]
    double_handovers = (len(handed) - len(set(handed))) + (len(entries) - len(set(entries)))
    lost_handovers = sum(1 for record in handed if record not in found["collected"])
    return Audit(lost, duplicates, gaps, double_calls, lost_calls, double_handovers,
                 lost_handovers, len(found["rows"]))
