"""The ticket engine as a state machine: random issues, calls and state changes,
each checked against a plain Python model of the office.

Hypothesis drives :mod:`app.queue.engine` with random steps (right and wrong
counters, known and unknown tickets, queues and counters, retried request
ids) in the demo office, plus a daily quota on ``W`` and a counter 7 that lists
the priority queue last (the law still puts it first). Before each step the
model predicts the outcome: the ticket that changes and how, or the refusal
code. After each step the database is compared with the model:

* numbers per queue are unique, gap-free and follow the issue order, and the
  day's sequence row agrees with them;
* a counter holds at most one ticket; held tickets have a counter, waiting
  ones have none; timestamps fit the status;
* a refused action changes no row and writes no event, audit entry or request
  id; a successful one changes exactly one ticket and writes exactly one event
  of the right kind;
* a ticket that reached ``done``, ``no_show`` or ``cancelled`` never changes
  again; transfer keeps the number and the issue time.

Anything other than :class:`~app.errors.Refused` raised by the engine fails
the test. The full run is on SQLite (a new file per example); a shorter run
covers PostgreSQL and MariaDB.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import peewee as pw
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app import clock, feed
from app.errors import NotFound, Refused
from app.office import settings as office_settings
from app.queue import engine
from app.setup.schema import DEMO_COUNTERS, DEMO_QUEUES, init_database, seed_demo
from app.storage import db as dbmod
from app.storage.models import (
    ALL_MODELS,
    AuditEntry,
    Counter,
    CounterQueue,
    DailySequence,
    Event,
    Queue,
    RequestLog,
    Ticket,
)
from tests import backends
from tests.conftest import server_url_or_skip

# --- the office as the model sees it -----------------------------------------------

WAITING, CALLED, SERVING = "waiting", "called", "serving"
DONE, NO_SHOW, CANCELLED = "done", "no_show", "cancelled"
HELD = (CALLED, SERVING)
OPEN = (WAITING, CALLED, SERVING)
TERMINAL = (DONE, NO_SHOW, CANCELLED)

SPECS = {spec.code: spec for spec in DEMO_QUEUES}
# In the demo office priority and each counter's own order never disagree, so one
# extra counter lists priority last: the law must still put it first.
EXTRA_COUNTER, EXTRA_QUEUES = 7, ["wna", "paspor", "prioritas"]
COUNTER_QUEUES = {number: codes for number, (_, codes) in DEMO_COUNTERS.items()}
COUNTER_QUEUES[EXTRA_COUNTER] = EXTRA_QUEUES
COUNTERS = sorted(COUNTER_QUEUES)
UNKNOWN_COUNTER = max(COUNTERS) + 1
# The demo office has no quota; one small quota makes "refused issue, no gap" happen.
QUOTA_QUEUE, QUOTA = "wna", 4

START = dt.datetime(2026, 3, 2, 1, 0)  # 08:00 in Jakarta: a whole service day ahead


def queue_code(ref: str) -> str | None:
    """The queue a reference names, as the engine resolves it (code or prefix)."""
    ref = ref.strip()
    for spec in DEMO_QUEUES:
        if spec.code.lower() == ref.lower() or spec.prefix.upper() == ref.upper():
            return spec.code
    return None


def ranks_of(counter: int) -> dict[str, int]:
    """Queue code → rank at a counter: priority first, then the counter's own order."""
    codes = COUNTER_QUEUES[counter]
    ordered = sorted(codes, key=lambda code: (-SPECS[code].priority, codes.index(code)))
    return {code: rank for rank, code in enumerate(ordered)}


def call_order(ticket: ModelTicket, counter: int) -> tuple[bool, int, int, int]:
    """Where a waiting ticket stands at ``counter``, lowest first: tickets sent to this
    very counter, then queue priority and the counter's own queue order (a queue the
    counter does not serve last), then issue order, then id.

    The rank applies among the tickets sent to the counter too: a priority
    applicant sent to counter 4 goes before an ordinary one sent there earlier.
    """
    ranks = ranks_of(counter)
    return (ticket.target != counter, ranks.get(ticket.service_queue, len(ranks)),
            ticket.order, ticket.id)


class Refusal(Exception):
    """The model says the engine must refuse, with one of ``codes``.

    Only when a call names several things that do not exist is there more than
    one right answer: which lookup comes first is the engine's business.
    """

    def __init__(self, *codes: str) -> None:
        super().__init__(" or ".join(codes))
        self.codes = frozenset(codes)


@dataclass(frozen=True)
class ModelTicket:
    id: int  # 0 until the database gives one (a prediction of issue)
    number: str
    queue: str
    seq: int
    order: int  # position in the issue order of the day
    service_queue: str
    status: str = WAITING
    counter: int | None = None
    target: int | None = None
    recall_count: int = 0
    transfer_count: int = 0


@dataclass(frozen=True)
class Outcome:
    ticket: ModelTicket  # the ticket as it must be afterwards
    kind: str  # the one event the action writes


class OfficeModel:
    """What must be true, in plain Python: tickets and the day's last numbers."""

    def __init__(self) -> None:
        self.tickets: dict[int, ModelTicket] = {}
        self.last_seq: dict[str, int] = {}

    def predict(self, op: str, **kwargs: Any) -> Outcome:
        """The outcome of ``op``; raises :class:`Refusal` when the engine must say no."""
        return getattr(self, f"_{op}")(**kwargs)  # type: ignore[no-any-return]

    def apply(self, outcome: Outcome, ticket_id: int) -> ModelTicket:
        ticket = replace(outcome.ticket, id=ticket_id)
        if outcome.kind == "issued":
            self.last_seq[ticket.queue] = ticket.seq
        self.tickets[ticket_id] = ticket
        return ticket

    def held_by(self, counter: int) -> ModelTicket | None:
        held = [t for t in self.tickets.values() if t.status in HELD and t.counter == counter]
        return held[0] if held else None

    # lookups and holder checks

    @staticmethod
    def _counter(number: int) -> None:
        if number not in COUNTER_QUEUES:
            raise Refusal("counter_unknown")

    def _find(self, ref: str | int, *counters: int | None) -> ModelTicket:
        """The ticket ``ref`` names, once it and the counters named all exist."""
        if isinstance(ref, int):
            found = self.tickets.get(ref)
        else:
            found = next((t for t in self.tickets.values()
                          if t.number == ref.strip().upper()), None)
        missing = ["counter_unknown" for c in counters
                   if c is not None and c not in COUNTER_QUEUES]
        if found is None:
            missing.append("ticket_unknown")
        if missing:
            raise Refusal(*missing)
        assert found is not None
        return found

    @staticmethod
    def _holder(ticket: ModelTicket, counter: int) -> None:
        if ticket.status not in HELD:
            raise Refusal("ticket_bad_state")
        if ticket.counter != counter:
            raise Refusal("ticket_held_elsewhere")

    # the operations

    def _issue(self, queue_ref: str) -> Outcome:
        code = queue_code(queue_ref)
        if code is None:
            raise Refusal("queue_unknown")
        seq = self.last_seq.get(code, 0) + 1
        if code == QUOTA_QUEUE and seq > QUOTA:
            raise Refusal("quota_full")
        ticket = ModelTicket(id=0, number=engine.display_number(SPECS[code].prefix, seq),
                             queue=code, seq=seq, order=len(self.tickets), service_queue=code)
        return Outcome(ticket, "issued")

    def _call_next(self, counter_number: int) -> Outcome:
        self._counter(counter_number)
        if self.held_by(counter_number) is not None:
            raise Refusal("counter_busy")
        served = COUNTER_QUEUES[counter_number]
        candidates = [t for t in self.tickets.values() if t.status == WAITING and (
            t.target == counter_number or (t.target is None and t.service_queue in served))]
        if not candidates:
            raise Refusal("nothing_waiting")
        chosen = min(candidates, key=lambda t: call_order(t, counter_number))
        return Outcome(replace(chosen, status=CALLED, counter=counter_number, target=None),
                       "called")

    def _call(self, ref: str | int, counter_number: int) -> Outcome:
        ticket = self._find(ref, counter_number)
        if ticket.status != WAITING:
            raise Refusal("ticket_bad_state")
        if ticket.target not in (None, counter_number) or (
                ticket.target is None
                and ticket.service_queue not in COUNTER_QUEUES[counter_number]):
            raise Refusal("ticket_not_served_here")
        if self.held_by(counter_number) is not None:
            raise Refusal("counter_busy")
        return Outcome(replace(ticket, status=CALLED, counter=counter_number, target=None),
                       "called")

    def _held_and_called(self, ref: str | int, counter_number: int) -> ModelTicket:
        ticket = self._find(ref, counter_number)
        self._holder(ticket, counter_number)
        if ticket.status != CALLED:
            raise Refusal("ticket_bad_state")
        return ticket

    def _recall(self, ref: str | int, counter_number: int) -> Outcome:
        ticket = self._held_and_called(ref, counter_number)
        return Outcome(replace(ticket, recall_count=ticket.recall_count + 1), "recalled")

    def _start(self, ref: str | int, counter_number: int) -> Outcome:
        ticket = self._held_and_called(ref, counter_number)
        return Outcome(replace(ticket, status=SERVING), "serving")

    def _finish(self, ref: str | int, counter_number: int) -> Outcome:
        ticket = self._find(ref, counter_number)
        self._holder(ticket, counter_number)
        return Outcome(replace(ticket, status=DONE), "finished")

    def _no_show(self, ref: str | int, counter_number: int) -> Outcome:
        ticket = self._held_and_called(ref, counter_number)
        return Outcome(replace(ticket, status=NO_SHOW), "no_show")

    def _cancel(self, ref: str | int, counter_number: int | None) -> Outcome:
        ticket = self._find(ref, counter_number)
        if ticket.status not in OPEN:
            raise Refusal("ticket_bad_state")
        if counter_number is not None and ticket.status in HELD:
            self._holder(ticket, counter_number)
        return Outcome(replace(ticket, status=CANCELLED), "cancelled")

    def _transfer(self, ref: str | int, counter_number: int | None, to_queue: str | None,
                  to_counter: int | None) -> Outcome:
        if to_queue is None and to_counter is None:
            raise Refusal("transfer_no_target")
        ticket = self._find(ref, counter_number)
        if ticket.status not in OPEN:
            raise Refusal("ticket_bad_state")
        if counter_number is not None and ticket.status in HELD:
            self._holder(ticket, counter_number)
        code = queue_code(to_queue) if to_queue is not None else None
        missing = (["queue_unknown"] if to_queue is not None and code is None else []) + (
            ["counter_unknown"] if to_counter is not None and to_counter not in COUNTER_QUEUES
            else [])
        if missing:
            raise Refusal(*missing)
        new_queue = code or ticket.service_queue
        if (ticket.status == WAITING and new_queue == ticket.service_queue
                and to_counter == ticket.target):
            raise Refusal("transfer_same_place")
        return Outcome(replace(ticket, status=WAITING, service_queue=new_queue,
                               target=to_counter, counter=None,
                               transfer_count=ticket.transfer_count + 1), "transferred")


def _call_engine(op: str, kwargs: dict[str, Any], request_id: str | None) -> engine.TicketView:
    """Run one engine operation by the model's name for it."""
    k = kwargs
    if op == "issue":
        return engine.issue_ticket(k["queue_ref"], request_id=request_id)
    if op == "call_next":
        return engine.call_next(k["counter_number"], request_id=request_id)
    if op == "cancel":
        return engine.cancel(k["ref"], k["counter_number"], reason="test",
                             request_id=request_id)
    if op == "transfer":
        return engine.transfer(k["ref"], k["counter_number"], to_queue=k["to_queue"],
                               to_counter=k["to_counter"], request_id=request_id)
    held_ops: dict[str, Callable[..., engine.TicketView]] = {
        "call": engine.call_ticket, "recall": engine.recall, "start": engine.start_serving,
        "finish": engine.finish, "no_show": engine.no_show,
    }
    return held_ops[op](k["ref"], k["counter_number"], request_id=request_id)


# --- the database side ---------------------------------------------------------------


class FakeClock:
    """``clock.utcnow`` that moves one second per call: every timestamp is distinct
    and increasing, so "oldest first" is the issue order on every backend."""

    def __init__(self) -> None:
        self.ticks = 0

    def reset(self) -> None:
        self.ticks = 0

    def __call__(self) -> dt.datetime:
        self.ticks += 1
        return START + dt.timedelta(seconds=self.ticks)


def _seed(db: pw.Database) -> None:
    init_database(db)
    seed_demo(with_officers=False, with_passports=False)
    Queue.update(daily_quota=QUOTA).where(Queue.code == QUOTA_QUEUE).execute()
    extra = Counter.create(number=EXTRA_COUNTER, name=f"Loket {EXTRA_COUNTER}")
    for position, code in enumerate(EXTRA_QUEUES):
        CounterQueue.create(counter=extra, queue=Queue.get(Queue.code == code),
                            position=position)
    office_settings.invalidate_cache()


def sqlite_office(folder: Path) -> Callable[[], Callable[[], None]]:
    """Opens a new SQLite file with the demo office per call; returns its closer."""
    numbers = itertools.count(1)

    def open_office() -> Callable[[], None]:
        office_settings.invalidate_cache()
        path = folder / f"example{next(numbers)}.sqlite3"
        db = dbmod.connect(f"sqlite:///{path}")
        _seed(db)

        def close() -> None:
            db.close()
            for leftover in folder.glob(f"{path.name}*"):
                leftover.unlink()

        return close

    return open_office


def server_office(url: str) -> Callable[[], Callable[[], None]]:
    """Empties the server database and seeds the demo office per call."""
    tables = [m._meta.table_name for m in ALL_MODELS if m._meta.table_name != "schema_version"]

    def open_office() -> Callable[[], None]:
        office_settings.invalidate_cache()
        db = dbmod.connect(url)
        backends.wipe(db, tables)
        _seed(db)
        return db.close

    return open_office


@dataclass(frozen=True)
class Snapshot:
    tickets: dict[int, dict[str, Any]]
    sequences: dict[int, int]
    events: int
    last_event: int
    audit: int
    requests: int


def snapshot() -> Snapshot:
    return Snapshot(
        tickets={row["id"]: row for row in Ticket.select().order_by(Ticket.id).dicts()},
        sequences={q: last for q, _, last in DailySequence.select(
            DailySequence.queue, DailySequence.service_day, DailySequence.last).tuples()},
        events=Event.select().count(),
        last_event=feed.last_event_id(),
        audit=AuditEntry.select().count(),
        requests=RequestLog.select().count(),
    )


# --- the machine ---------------------------------------------------------------------

QUEUE_REFS = st.sampled_from(["A", "P", "B", "C", "W", "paspor", "prioritas", "b", "ambil",
                              "wna", "Z"])
TARGET_QUEUES = st.sampled_from(["A", "P", "B", "C", "W", "paspor", "wna"])
COUNTER_NUMBERS = st.sampled_from(COUNTERS)
# "right": the counter holding the ticket, else the one it was sent to, else one serving it.
AT = st.one_of(st.just("right"), COUNTER_NUMBERS)
REF_FORMS = st.sampled_from(["id", "number", "typed"])
WITH_REQUEST_ID = st.booleans()
HELD_OPS = st.sampled_from(["recall", "start", "finish", "no_show"])
ALL_OPS = ["issue", "call_next", "call", "recall", "start", "finish", "no_show", "cancel",
           "transfer"]


class TicketMachine(RuleBasedStateMachine):
    tickets = Bundle("tickets")

    def __init__(self, open_office: Callable[[], Callable[[], None]], fake: FakeClock) -> None:
        super().__init__()
        fake.reset()
        self.close = open_office()
        self.model = OfficeModel()
        self.queue_ids = {q.code: q.id for q in Queue.select()}
        self.queue_codes = {qid: code for code, qid in self.queue_ids.items()}
        self.counter_numbers = {c.id: c.number for c in Counter.select()}
        self.issued_at: dict[int, dt.datetime] = {}
        self.frozen: dict[int, dict[str, Any]] = {}  # terminal tickets' rows
        self.requests: list[tuple[str, str, dict[str, Any], engine.TicketView]] = []
        self.request_numbers = itertools.count(1)

    def teardown(self) -> None:
        self.close()
        office_settings.invalidate_cache()

    # --- helpers -------------------------------------------------------------------

    def ref(self, ticket_id: int, form: str) -> str | int:
        number = self.model.tickets[ticket_id].number
        return {"id": ticket_id, "number": number, "typed": f" {number.lower()} "}[form]

    def counter_for(self, ticket_id: int, at: str | int) -> int:
        if isinstance(at, int):
            return at
        t = self.model.tickets[ticket_id]
        if t.counter is not None:
            return t.counter
        if t.target is not None:
            return t.target
        return next((n for n in COUNTERS if t.service_queue in COUNTER_QUEUES[n]), 1)

    def act(self, op: str, with_request_id: bool = False,
            **kwargs: Any) -> engine.TicketView | None:
        """Run ``op`` on the engine and hold it to the model's prediction."""
        try:
            expected: Outcome | Refusal = self.model.predict(op, **kwargs)
        except Refusal as refusal:
            expected = refusal
        request_id = f"req-{next(self.request_numbers)}" if with_request_id else None
        before = snapshot()
        try:
            view = _call_engine(op, kwargs, request_id)
        except Refused as exc:
            assert isinstance(expected, Refusal), (
                f"{op}({kwargs}) refused with {exc.code} ({exc}); the model expected "
                f"{expected.kind} of {expected.ticket}")
            assert exc.code in expected.codes, (
                f"{op}({kwargs}) refused with {exc.code} ({exc}), expected {expected}")
            assert isinstance(exc, NotFound) == exc.code.endswith("_unknown"), exc.code
            assert snapshot() == before, f"refused {op}({kwargs}) changed the database"
            return None
        assert isinstance(expected, Outcome), (
            f"{op}({kwargs}) succeeded with {view}; the model expected refusal {expected}")
        after = snapshot()
        self.check_success(op, kwargs, expected, view, before, after, request_id)
        ticket = self.model.apply(expected, view.id)
        if op == "issue":
            self.issued_at[view.id] = after.tickets[view.id]["issued_at"]
        if ticket.status in TERMINAL:
            self.frozen[view.id] = after.tickets[view.id]
        if request_id is not None:
            self.requests.append((request_id, op, kwargs, view))
        return view

    def check_success(self, op: str, kwargs: dict[str, Any], expected: Outcome,
                      view: engine.TicketView, before: Snapshot, after: Snapshot,
                      request_id: str | None) -> None:
        want = expected.ticket
        if op == "issue":
            assert view.id not in before.tickets
        else:
            assert view.id == want.id, f"{op}({kwargs}) acted on {view.number}, not {want.number}"
        assert (view.number, view.queue, view.service_queue, view.status, view.counter,
                view.target_counter, view.recall_count, view.transfer_count) == (
            want.number, want.queue, want.service_queue, want.status, want.counter,
            want.target, want.recall_count, want.transfer_count), f"{op}({kwargs}): {view}"

        changed = {tid for tid, row in after.tickets.items() if before.tickets.get(tid) != row}
        assert changed == {view.id}, f"{op}({kwargs}) changed tickets {changed}"
        assert set(before.tickets) <= set(after.tickets)
        row = after.tickets[view.id]
        if op != "issue":
            old = before.tickets[view.id]
            for key in ("number", "queue", "seq", "service_day", "issued_at"):
                assert row[key] == old[key], f"{op} changed {key}: {old[key]} → {row[key]}"
            if op == "finish" and old["status"] == CALLED:
                assert row["started_at"] == row["called_at"]
        assert row["issued_at"].isoformat() == view.issued_at

        events = feed.changes_since(before.last_event)
        assert after.events == before.events + 1 and len(events) == 1, (
            f"{op}({kwargs}) wrote {[e.kind for e in events]}")
        event = events[0]
        assert (event.kind, event.ticket, event.number, event.queue, event.counter) == (
            expected.kind, view.id, want.number, self.queue_ids[want.service_queue],
            kwargs.get("counter_number")), f"{op}({kwargs}) wrote {event}"
        if op == "recall":
            assert event.data["recall_count"] == want.recall_count
        if op == "transfer":
            to_queue = kwargs["to_queue"]
            assert event.data["to_queue"] == (queue_code(to_queue) if to_queue else None)
            assert event.data["to_counter"] == kwargs["to_counter"]

        assert after.audit == before.audit + (1 if op == "cancel" else 0)
        assert after.requests == before.requests + (1 if request_id else 0)
        sequences = dict(before.sequences)
        if op == "issue":
            sequences[self.queue_ids[want.queue]] = want.seq
        assert after.sequences == sequences

    # --- rules -----------------------------------------------------------------------

    @rule(target=tickets, queue_ref=QUEUE_REFS, with_request_id=WITH_REQUEST_ID)
    def issue(self, queue_ref: str, with_request_id: bool) -> Any:
        view = self.act("issue", with_request_id, queue_ref=queue_ref)
        return view.id if view else multiple()

    @rule(target=tickets, queue_refs=st.lists(QUEUE_REFS, min_size=2, max_size=4))
    def issue_several(self, queue_refs: list[str]) -> Any:
        views = [self.act("issue", queue_ref=ref) for ref in queue_refs]
        return multiple(*(v.id for v in views if v is not None))

    @rule(counter=COUNTER_NUMBERS, with_request_id=WITH_REQUEST_ID)
    def call_next(self, counter: int, with_request_id: bool) -> None:
        self.act("call_next", with_request_id, counter_number=counter)

    @rule(ticket=tickets, form=REF_FORMS, at=AT, with_request_id=WITH_REQUEST_ID)
    def call_ticket(self, ticket: int, form: str, at: str | int,
                    with_request_id: bool) -> None:
        self.act("call", with_request_id, ref=self.ref(ticket, form),
                 counter_number=self.counter_for(ticket, at))

    @rule(op=HELD_OPS, ticket=tickets, form=REF_FORMS, at=AT,
          with_request_id=WITH_REQUEST_ID)
    def at_the_counter(self, op: str, ticket: int, form: str, at: str | int,
                       with_request_id: bool) -> None:
        """recall / start_serving / finish / no_show, at the right or a wrong counter."""
        self.act(op, with_request_id, ref=self.ref(ticket, form),
                 counter_number=self.counter_for(ticket, at))

    # Random tickets are mostly in the wrong state; these pick one in the right state.

    def _with_status(self, *statuses: str) -> list[int]:
        return sorted(t.id for t in self.model.tickets.values() if t.status in statuses)

    @precondition(lambda self: self._with_status(WAITING))
    @rule(data=st.data(), form=REF_FORMS, with_request_id=WITH_REQUEST_ID)
    def call_a_waiting_ticket(self, data: st.DataObject, form: str,
                              with_request_id: bool) -> None:
        ticket = data.draw(st.sampled_from(self._with_status(WAITING)), label="waiting")
        self.act("call", with_request_id, ref=self.ref(ticket, form),
                 counter_number=self.counter_for(ticket, "right"))

    @precondition(lambda self: self._with_status(*HELD))
    @rule(data=st.data(), op=HELD_OPS, form=REF_FORMS, with_request_id=WITH_REQUEST_ID)
    def serve_a_held_ticket(self, data: st.DataObject, op: str, form: str,
                            with_request_id: bool) -> None:
        ticket = data.draw(st.sampled_from(self._with_status(*HELD)), label="held")
        self.act(op, with_request_id, ref=self.ref(ticket, form),
                 counter_number=self.counter_for(ticket, "right"))

    @rule(ticket=tickets, form=REF_FORMS, at=st.one_of(st.none(), AT),
          with_request_id=WITH_REQUEST_ID)
    def cancel(self, ticket: int, form: str, at: str | int | None,
               with_request_id: bool) -> None:
        self.act("cancel", with_request_id, ref=self.ref(ticket, form),
                 counter_number=None if at is None else self.counter_for(ticket, at))

    @rule(ticket=tickets, form=REF_FORMS, at=st.one_of(st.none(), AT),
          to_queue=st.one_of(st.none(), TARGET_QUEUES),
          to_counter=st.one_of(st.none(), COUNTER_NUMBERS), with_request_id=WITH_REQUEST_ID)
    def transfer(self, ticket: int, form: str, at: str | int | None, to_queue: str | None,
                 to_counter: int | None, with_request_id: bool) -> None:
        self.act("transfer", with_request_id, ref=self.ref(ticket, form),
                 counter_number=None if at is None else self.counter_for(ticket, at),
                 to_queue=to_queue, to_counter=to_counter)

    @precondition(lambda self: self._with_status(*OPEN))
    @rule(data=st.data(), to_counter=st.sampled_from([4, EXTRA_COUNTER, 5]),
          to_queue=st.one_of(st.none(), TARGET_QUEUES))
    def send_to_one_counter(self, data: st.DataObject, to_counter: int,
                            to_queue: str | None) -> None:
        """The supervisor sends a few open tickets to one counter with several queues,
        so that tickets of different queues wait for the same counter."""
        chosen = data.draw(st.lists(st.sampled_from(self._with_status(*OPEN)), min_size=1,
                                    max_size=3, unique=True), label="open tickets")
        for ticket in chosen:
            self.act("transfer", ref=ticket, counter_number=None, to_queue=to_queue,
                     to_counter=to_counter)

    def _targets(self) -> list[int]:
        return sorted({t.target for t in self.model.tickets.values()
                       if t.status == WAITING and t.target is not None})

    @precondition(lambda self: self._targets())
    @rule(data=st.data())
    def call_next_where_sent(self, data: st.DataObject) -> None:
        """call_next at a counter that tickets were sent to: they come first."""
        counter = data.draw(st.sampled_from(self._targets()), label="counter")
        self.act("call_next", counter_number=counter)

    @rule(op=st.sampled_from(ALL_OPS),
          unknown=st.sampled_from(["counter", "ticket number", "ticket id", "queue",
                                   "target counter"]))
    def refer_to_unknown(self, op: str, unknown: str) -> None:
        """Any operation naming one thing that does not exist, where it names one
        (NotFound, or whatever the model says comes first)."""
        known = max(self.model.tickets, default=None)
        ref: str | int = known if known is not None else "A001"
        if unknown == "ticket number":
            ref = "Z001"
        elif unknown == "ticket id":
            ref = 10**6
        counter = UNKNOWN_COUNTER if unknown == "counter" else 1
        queue = "Z" if unknown == "queue" else "W"
        kwargs: dict[str, Any] = {
            "issue": {"queue_ref": queue},
            "call_next": {"counter_number": counter},
            "cancel": {"ref": ref, "counter_number": counter},
            "transfer": {"ref": ref, "counter_number": counter, "to_queue": queue,
                         "to_counter": UNKNOWN_COUNTER if unknown == "target counter" else 2},
        }.get(op, {"ref": ref, "counter_number": counter})
        self.act(op, **kwargs)

    @precondition(lambda self: self.requests)
    @rule(data=st.data(), same_operation=st.booleans())
    def retry_request(self, data: st.DataObject, same_operation: bool) -> None:
        """A retried request id returns the first result and changes nothing; one
        reused for another operation is refused."""
        index = data.draw(st.integers(0, len(self.requests) - 1), label="request")
        request_id, op, kwargs, first = self.requests[index]
        before = snapshot()
        if same_operation:
            assert _call_engine(op, kwargs, request_id) == first
        else:
            other, other_kwargs = (("call_next", {"counter_number": 1}) if op == "issue"
                                   else ("issue", {"queue_ref": "A"}))
            with pytest.raises(Refused) as err:
                _call_engine(other, other_kwargs, request_id)
            assert err.value.code == "request_reused"
        assert snapshot() == before

    # --- invariants --------------------------------------------------------------------

    @invariant()
    def database_agrees_with_model(self) -> None:
        rows = {row["id"]: row for row in Ticket.select().dicts()}
        model = self.model.tickets
        assert sorted(rows) == sorted(model)

        # Numbers: per queue 1..n in issue order, the sequence row says n.
        per_queue: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for tid in sorted(rows):
            per_queue[rows[tid]["queue"]].append(rows[tid])
        for queue_id, queue_rows in per_queue.items():
            prefix = SPECS[self.queue_codes[queue_id]].prefix
            assert [r["seq"] for r in queue_rows] == list(range(1, len(queue_rows) + 1))
            assert [r["number"] for r in queue_rows] == [
                engine.display_number(prefix, i) for i in range(1, len(queue_rows) + 1)]
        sequences = {q: last for q, last in
                     DailySequence.select(DailySequence.queue, DailySequence.last).tuples()}
        assert sequences == {q: len(rs) for q, rs in per_queue.items()}
        assert len({r["service_day"] for r in rows.values()}) <= 1

        # Issue times: strictly increasing in issue order, never changed.
        in_order = sorted(model.values(), key=lambda t: t.order)
        times = [rows[t.id]["issued_at"] for t in in_order]
        assert times == sorted(set(times))
        assert {tid: rows[tid]["issued_at"] for tid in rows} == self.issued_at

        held: dict[int, list[str]] = defaultdict(list)
        for tid, row in rows.items():
            want = model[tid]
            counter = self.counter_numbers.get(row["counter"]) if row["counter"] else None
            target = (self.counter_numbers.get(row["target_counter"])
                      if row["target_counter"] else None)
            got = (row["number"], self.queue_codes[row["queue"]],
                   self.queue_codes[row["service_queue"]], row["status"], counter, target,
                   row["recall_count"], row["transfer_count"])
            assert got == (want.number, want.queue, want.service_queue, want.status,
                           want.counter, want.target, want.recall_count,
                           want.transfer_count), f"ticket {want.number}: {row}"
            status = row["status"]
            if status in HELD:
                assert counter is not None
                held[counter].append(row["number"])
            stamps = tuple(row[k] is not None for k in ("called_at", "started_at",
                                                        "finished_at"))
            if status == WAITING:
                assert counter is None and stamps == (False, False, False), row
            elif status == CALLED:
                assert stamps == (True, False, False), row
            elif status == SERVING:
                assert stamps == (True, True, False), row
            elif status == DONE:
                assert stamps[1] and stamps[2], row
            else:
                assert stamps[2], row
        assert all(len(numbers) == 1 for numbers in held.values()), dict(held)

        # Terminal tickets stay exactly as they ended.
        for tid, frozen in self.frozen.items():
            assert rows[tid] == frozen, f"terminal ticket {frozen['number']} changed"


# --- the runs --------------------------------------------------------------------------

_CHECKS = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
SQLITE_RUN = settings(max_examples=60, stateful_step_count=30, deadline=None,
                      suppress_health_check=_CHECKS)
SERVER_RUN = settings(max_examples=15, stateful_step_count=30, deadline=None,
                      suppress_health_check=_CHECKS)


def test_engine_state_machine_on_sqlite(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeClock()
    monkeypatch.setattr(clock, "utcnow", fake)
    open_office = sqlite_office(tmp_path)
    run_state_machine_as_test(lambda: TicketMachine(open_office, fake), settings=SQLITE_RUN)


@pytest.mark.parametrize("server", ["postgresql", "mysql"])
def test_engine_state_machine_on_server(server: str, server_urls: dict[str, str | None],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    url = server_url_or_skip(server_urls, server)
    # Start from no tables at all: other tests may have left an older schema behind.
    db = dbmod.connect(url)
    try:
        backends.drop_all_tables(db)
        init_database(db)
    finally:
        db.close()
    fake = FakeClock()
    monkeypatch.setattr(clock, "utcnow", fake)
    open_office = server_office(url)
    run_state_machine_as_test(lambda: TicketMachine(open_office, fake), settings=SERVER_RUN)


def test_tickets_sent_to_one_counter_keep_its_call_order(office: str) -> None:
    """The machine's smallest counter-example (see :func:`call_order`): of two tickets
    sent to the same counter, the priority one is called first, as it would be in
    the counter's own queues, although the other was issued earlier."""
    a1 = engine.issue_ticket("A")
    p1 = engine.issue_ticket("P")
    engine.transfer(a1.number, to_counter=4)
    engine.transfer(p1.number, to_counter=4)
    assert engine.call_next(4).number == p1.number
