"""The ticket engine: numbers, calls and every state change of a ticket.

Rules that must hold with many counters acting at once are enforced by the
database, not by hope:

* numbers come from one sequence row per (queue, service day), incremented by a
  single upsert inside the issuing transaction, plus a unique index on
  (queue, day, seq); a refused issue (full quota) rolls the increment back, so
  numbers are gap-free;
* call-next claims exactly one ticket: ``FOR UPDATE SKIP LOCKED`` on the
  servers, ``BEGIN IMMEDIATE`` on SQLite, and a compare-and-set update
  (``WHERE id = ? AND status = 'waiting'``) everywhere;
* every mutation may carry a client-made request id, stored under a unique key
  in the same transaction, so a retry returns the first result;
* every change appends an :class:`~app.storage.models.Event` in the same transaction.

A ticket moves ``waiting → called → serving → done``, or ends as ``no_show``,
``cancelled`` or (left over from an earlier day) ``expired``. Recall keeps it
``called``; transfer puts it back to ``waiting`` elsewhere with its original
issue time, so it is not sent to the back of the line.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import peewee as pw

from app import clock, codes, feed
from app.errors import InvalidInput, NotFound, Refused
from app.messages import ACTION_WORDS, STATUS_WORDS
from app.office import days, officers
from app.office.audit import note, record
from app.office.settings import get_settings, office_today, parse_code, signing_keys
from app.queue import pauses
from app.storage.db import backend_of, database
from app.storage.models import (
    CALLED,
    CANCELLED,
    DONE,
    EXPIRED,
    HELD_STATUSES,
    NO_SHOW,
    OPEN_STATUSES,
    SERVING,
    WAITING,
    Counter,
    CounterPause,
    CounterQueue,
    DailySequence,
    Officer,
    Queue,
    Ticket,
)
from app.storage.prepared import Param, Prepared, model_from_row
from app.storage.transactions import idempotent, read, rows, run_in_transaction

TicketRef = str | int



# --- what callers get back ---------------------------------------------------


@dataclass(frozen=True)
class TicketView:
    """A ticket as callers see it: plain values, safe to pass between threads."""

    id: int
    number: str
    queue: str
    service_queue: str
    status: str
    service_day: str
    issued_at: str
    called_at: str | None
    started_at: str | None
    finished_at: str | None
    counter: int | None
    target_counter: int | None
    officer: str | None
    recall_count: int
    transfer_count: int
    pickup: int | None = None  # the pickup record of a pickup ticket
    # Issued for an M-Paspor booking: its slot (ISO, naive UTC), which places it in line.
    booked_slot: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TicketView:
        return cls(**data)


# --- helpers -------------------------------------------------------------------


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def display_number(prefix: str, seq: int) -> str:
    """``A`` and 17 → ``A017``; beyond 999 the number simply grows (``A1000``)."""
    return f"{prefix}{seq:03d}"


def view_of(ticket: Ticket, queue_codes: dict[int, str] | None = None,
          counter_numbers: dict[int, int] | None = None,
          officer_names: dict[int, str] | None = None) -> TicketView:
    """The view of ``ticket``; names already known to the caller save a lookup."""
    codes = dict(queue_codes or {})
    missing_queues = {ticket.queue_id, ticket.service_queue_id} - codes.keys()
    if missing_queues:
        codes.update(_queue_codes(missing_queues))
    numbers = dict(counter_numbers or {})
    missing_counters = {c for c in (ticket.counter_id, ticket.target_counter_id)
                        if c and c not in numbers}
    if missing_counters:
        numbers.update(_counter_numbers(missing_counters))
    officer = None
    if ticket.officer_id:
        officer = (officer_names or {}).get(ticket.officer_id) or Officer.select(
            Officer.username).where(Officer.id == ticket.officer_id).scalar()
    return TicketView(
        id=ticket.id,
        number=ticket.number,
        queue=codes[ticket.queue_id],
        service_queue=codes[ticket.service_queue_id],
        status=ticket.status,
        service_day=str(_iso(ticket.service_day)),
        issued_at=str(_iso(ticket.issued_at)),
        called_at=_iso(ticket.called_at),
        started_at=_iso(ticket.started_at),
        finished_at=_iso(ticket.finished_at),
        counter=numbers.get(ticket.counter_id) if ticket.counter_id else None,
        target_counter=numbers.get(ticket.target_counter_id) if ticket.target_counter_id
        else None,
        officer=officer,
        recall_count=ticket.recall_count,
        transfer_count=ticket.transfer_count,
        pickup=ticket.pickup_id,
        booked_slot=_iso(ticket.line_at) if ticket.booked else None,
    )


_ALL_QUEUE_CODES = Prepared(lambda _: Queue.select(Queue.id, Queue.code))


def _queue_codes(ids: set[int]) -> dict[int, str]:
    """Codes of queues by id (an office has a handful: one small read of them all)."""
    return {qid: code for qid, code in _ALL_QUEUE_CODES.execute({}).fetchall() if qid in ids}


def _counter_numbers(ids: set[int]) -> dict[int, int]:
    if not ids:
        return {}
    return {c.id: c.number for c in
            Counter.select(Counter.id, Counter.number).where(Counter.id.in_(ids))}


def _refuse_state(ticket: Ticket, action: str) -> Refused:
    words = STATUS_WORDS[ticket.status]
    act = ACTION_WORDS[action]
    return Refused("ticket_bad_state", number=ticket.number, status_id=words["id"],
                   status_en=words["en"], action_id=act["id"], action_en=act["en"])


_QUEUE_BY_REF = Prepared(lambda _: (
    Queue.select(Queue.id, Queue.code, Queue.prefix, Queue.active, Queue.daily_quota)
    .where((Queue.code == Param("code")) | (Queue.prefix == Param("prefix")))
    .order_by(Queue.id).limit(1)))


def _find_queue(ref: str) -> Queue:
    """A queue by code (stored lower case) or prefix (stored upper case)."""
    ref = ref.strip()
    row = _QUEUE_BY_REF.execute({"code": ref.lower(), "prefix": ref.upper()}).fetchone()
    if row is None:
        raise NotFound("queue_unknown", queue=ref)
    queue_id, code, prefix, active, quota = row
    return Queue(id=queue_id, code=code, prefix=prefix, active=bool(active), daily_quota=quota)


_COUNTER_BY_NUMBER = Prepared(lambda _: (
    Counter.select(Counter.id, Counter.name, Counter.active)
    .where(Counter.number == Param("number"))))


def _find_counter(number: int, must_be_active: bool = True) -> Counter:
    row = _COUNTER_BY_NUMBER.execute({"number": number}).fetchone()
    if row is None:
        raise NotFound("counter_unknown", counter=number)
    counter = Counter(id=row[0], number=number, name=row[1], active=bool(row[2]))
    if must_be_active and not counter.active:
        raise Refused("counter_inactive", counter=number)
    return counter


def _build_find_ticket(variant: tuple[str, bool]) -> pw.BaseQuery:
    by, lock = variant
    query = Ticket.select()
    if by == "id":
        query = query.where(Ticket.id == Param("id"))
    else:
        # A ticket merged from another database may carry today's printed number
        # too; it is finished history, never the one a counter acts on.
        query = (query.where((Ticket.number == Param("number"))
                             & (Ticket.service_day == Param("day"))
                             & Ticket.origin.is_null())
                 .order_by(Ticket.id.desc()))
    query = query.limit(1)
    return query.for_update() if lock else query


_FIND_TICKET = Prepared(_build_find_ticket)


def _find_ticket(ref: TicketRef, lock: bool = False) -> Ticket:
    """Today's ticket by display number (``A017``) or by id; row-locked if ``lock``."""
    lock = lock and backend_of(database) != "sqlite"
    if isinstance(ref, int):
        cursor = _FIND_TICKET.execute({"id": ref}, variant=("id", lock))
    else:
        cursor = _FIND_TICKET.execute({"number": ref.strip().upper(), "day": office_today()},
                                      variant=("number", lock))
    row = cursor.fetchone()
    if row is None:
        raise NotFound("ticket_unknown", number=str(ref))
    return model_from_row(Ticket, row)


def _require_holder(ticket: Ticket, counter: Counter, action: str) -> None:
    if ticket.status not in HELD_STATUSES:
        raise _refuse_state(ticket, action)
    if ticket.counter_id != counter.id:
        held_by = ticket.counter_id or 0
        holder = _counter_numbers({held_by}).get(held_by, "?")
        raise Refused("ticket_held_elsewhere", number=ticket.number, holder=holder,
                      counter=counter.number)


def _build_compare_and_set(columns: tuple[str, ...]) -> pw.BaseQuery:
    return (Ticket.update({getattr(Ticket, c): Param(c) for c in columns})
            .where((Ticket.id == Param("_id")) & (Ticket.status == Param("_expected"))))


_COMPARE_AND_SET = Prepared(_build_compare_and_set)


def _compare_and_set(ticket: Ticket, expected: str, **changes: Any) -> bool:
    """Apply ``changes`` only if the ticket is still in ``expected``; refresh ``ticket``."""
    columns = tuple(sorted(changes))
    cursor = _COMPARE_AND_SET.execute({**changes, "_id": ticket.id, "_expected": expected},
                                      variant=columns)
    if cursor.rowcount != 1:
        return False
    for key, value in changes.items():
        setattr(ticket, key, value)
    return True


def _idempotent(operation: str, request_id: str | None,
                work: Callable[[], TicketView]) -> TicketView:
    return idempotent(operation, request_id, work, TicketView.to_dict, TicketView.from_dict)


# --- numbering -------------------------------------------------------------------


def next_sequence(queue_id: int, day: dt.date) -> int:
    """Increment and return the day's counter for a queue, in one locked statement."""
    db = database.obj
    table = DailySequence._meta.table_name
    backend = backend_of(db)
    if backend == "mysql":
        # One statement, no read-then-create: creating the row in the same
        # transaction as a separate update deadlocks under concurrency.
        cursor = db.execute_sql(
            f"INSERT INTO `{table}` (queue_id, service_day, last) "
            "VALUES (%s, %s, LAST_INSERT_ID(1)) "
            "ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
            (queue_id, day),
        )
        # The server reports LAST_INSERT_ID(expr) in the statement's reply; ask
        # separately only if a driver does not pass it on.
        if cursor.lastrowid:
            return int(cursor.lastrowid)
        return int(db.execute_sql("SELECT LAST_INSERT_ID()").fetchone()[0])
    param = "?" if backend == "sqlite" else "%s"
    day_value: object = day.isoformat() if backend == "sqlite" else day
    cursor = db.execute_sql(
        f'INSERT INTO "{table}" (queue_id, service_day, last) VALUES ({param}, {param}, 1) '
        f'ON CONFLICT (queue_id, service_day) DO UPDATE SET last = "{table}".last + 1 '
        "RETURNING last",
        (queue_id, day_value),
    )
    return int(cursor.fetchone()[0])


# --- the operations ----------------------------------------------------------------


def _build_insert_ticket(_: object) -> pw.BaseQuery:
    query = Ticket.insert({
        Ticket.queue: Param("queue"), Ticket.service_day: Param("day"), Ticket.seq: Param("seq"),
        Ticket.number: Param("number"), Ticket.service_queue: Param("queue"),
        Ticket.status: WAITING, Ticket.issued_at: Param("at"), Ticket.recall_count: 0,
        Ticket.transfer_count: 0, Ticket.pickup: Param("pickup"),
        Ticket.line_at: Param("line_at"), Ticket.booked: Param("booked")})
    return query.returning(Ticket.id) if backend_of(database) == "postgresql" else query


_INSERT_TICKET = Prepared(_build_insert_ticket)


def issue_ticket(queue_ref: str, request_id: str | None = None) -> TicketView:
    """Take the next number of the day in a queue (``A`` or its code)."""
    return _idempotent("issue", request_id, lambda: issue_in_transaction(queue_ref))


def issue_in_transaction(queue_ref: str, pickup: int | None = None,
                         slot: dt.datetime | None = None) -> TicketView:
    """The work of :func:`issue_ticket`, for a caller already inside a write transaction
    (a pickup check-in issues its ticket in the same transaction as its checks).

    ``slot``: a booking's slot (naive UTC), which places the ticket in line instead of
    its issue time; a booked applicant is not refused by the walk-in quota."""
    queue = _find_queue(queue_ref)
    # Closed for good, closed today by the day's profile, or outside its hours.
    days.check_issue(queue.id, queue.prefix, bool(queue.active))
    today = office_today()
    seq = next_sequence(queue.id, today)
    if slot is None and queue.daily_quota is not None and seq > queue.daily_quota:
        raise Refused("quota_full", queue=queue.prefix, quota=queue.daily_quota)
    if seq == 1:  # the day's first ticket in this queue: tidy up after earlier days
        _expire_before(today)
        feed.prune_before(clock.utcnow() - feed.FEED_RETENTION)
    now = clock.utcnow()
    ticket = Ticket(queue=queue.id, service_day=today, seq=seq,
                    number=display_number(queue.prefix, seq), service_queue=queue.id,
                    status=WAITING, issued_at=now, recall_count=0,
                    transfer_count=0, pickup=pickup, line_at=slot or now,
                    booked=slot is not None)
    cursor = _INSERT_TICKET.execute({"queue": queue.id, "day": today, "seq": seq,
                                     "number": ticket.number, "at": ticket.issued_at,
                                     "pickup": pickup, "line_at": ticket.line_at,
                                     "booked": ticket.booked})
    ticket.id = (cursor.fetchone()[0] if backend_of(database) == "postgresql"
                 else cursor.lastrowid)
    feed.emit("issued", ticket)
    return view_of(ticket, queue_codes={queue.id: queue.code})


@dataclass(frozen=True)
class _CounterPlan:
    """What call-next needs to know about a counter, read in one statement."""

    counter: Counter
    # (queue id, code) of its queues, in call order. A closed queue issues no more
    # numbers, but the tickets already waiting in it are still called.
    queues: list[tuple[int, str]]
    holding: str | None  # the number it holds today, if any
    sent_here: bool  # tickets were transferred to this very counter and wait
    pause: int | None = None  # the id of its pause going on now, if any

    def refuse_if_paused(self) -> None:
        """A paused counter calls nobody: say why and since when."""
        if self.pause is not None:
            raise pauses.paused_refusal("counter_paused", self.counter.number,
                                        CounterPause.get_by_id(self.pause))


def _build_counter_plan(_: object) -> pw.BaseQuery:
    held = (Ticket.select(Ticket.number)
            .where(Ticket.counter == Counter.id, Ticket.service_day == Param("day"),
                   Ticket.status.in_(HELD_STATUSES))
            .limit(1))
    sent_here = pw.fn.EXISTS(
        Ticket.select(Ticket.id)
        .where(Ticket.target_counter == Counter.id, Ticket.service_day == Param("day"),
               Ticket.status == WAITING))
    paused = (CounterPause.select(CounterPause.id)
              .where((CounterPause.counter == Counter.id) & CounterPause.ended_at.is_null())
              .limit(1))
    query = (Counter.select(Counter.id, Counter.active, held, sent_here, paused,
                            CounterQueue.queue, Queue.code, Queue.active)
             .join(CounterQueue, pw.JOIN.LEFT_OUTER)
             .join(Queue, pw.JOIN.LEFT_OUTER)
             .where(Counter.number == Param("number"))
             .order_by(Queue.priority.desc(), CounterQueue.position))
    return query


_COUNTER_PLAN = Prepared(_build_counter_plan)
_LOCK_COUNTER = Prepared(lambda _: (
    Counter.select(Counter.id).where(Counter.number == Param("number")).for_update()))


def _counter_plan(counter_number: int, today: dt.date) -> _CounterPlan:
    """The counter, its queues in call order and what it holds, in one round trip.

    The counter's row stays locked until the transaction ends (on SQLite the write
    transaction does the same), so two calls at one counter — a double click on
    two PCs, a retry racing the original — take turns, and the second sees that the
    counter already holds a ticket.

    Call order: priority service first by law; among equal priority the counter's
    own order (a pickup counter set to "backlog first").
    """
    if backend_of(database) != "sqlite":
        # Its own statement, so the plan below reads after the lock is granted
        # (a lock taken by the plan query itself would leave its subqueries reading
        # the snapshot from before the wait).
        _LOCK_COUNTER.execute({"number": counter_number})
    rows = _COUNTER_PLAN.execute({"day": today, "number": counter_number}).fetchall()
    if not rows:
        raise NotFound("counter_unknown", counter=counter_number)
    counter_id, active, holding, sent_here, pause = rows[0][:5]
    if not active:
        raise Refused("counter_inactive", counter=counter_number)
    counter = Counter(id=counter_id, number=counter_number, active=active)
    queues = [(qid, code) for *_, qid, code, _q_active in rows if qid]
    todays = days.plan_for(today).queues_for(counter_id)
    if todays is not None:  # the day's profile says what this counter serves today
        queues = profile_queues(todays)
    return _CounterPlan(counter, queues, holding, bool(sent_here), pause)


def profile_queues(queue_ids: tuple[int, ...]) -> list[tuple[int, str]]:
    """(id, code) of a day profile's queues for one counter, in call order: priority
    service first, as always, then the profile's order."""
    if not queue_ids:
        return []
    found = {qid: (code, priority) for qid, code, priority in rows(
        Queue.select(Queue.id, Queue.code, Queue.priority).where(Queue.id.in_(queue_ids)))}
    ordered = sorted((q for q in queue_ids if q in found),
                     key=lambda q: (-found[q][1], queue_ids.index(q)))
    return [(q, found[q][0]) for q in ordered]


def _build_candidate_at(place: str) -> pw.BaseQuery:
    waiting = (Ticket.service_day == Param("day")) & (Ticket.status == WAITING)
    if place == "counter":  # all of them (few): they are ranked in Python
        query = Ticket.select().where(waiting & (Ticket.target_counter == Param("counter")))
    else:
        query = (Ticket.select()
                 .where(waiting & Ticket.target_counter.is_null()
                        & (Ticket.service_queue == Param("queue")))
                 .order_by(Ticket.line_at, Ticket.id).limit(1))
    if backend_of(database) != "sqlite":
        query = query.for_update(skip_locked=True)
    return query


_CANDIDATE_AT = Prepared(_build_candidate_at)


def _next_candidate(plan: _CounterPlan, today: dt.date) -> Ticket | None:
    """The ticket this counter should call next, locked (SKIP LOCKED) on a server.

    Tickets sent to this very counter come first, ranked like the rest. Then each
    queue in the call order is read with its own query in the order of one index, ``LIMIT 1``: cheap
    however long the line, and a locking read that touches only the row it
    returns. (One query sorted by a computed rank would have to sort every
    waiting ticket, and on MariaDB it locks every row it sorts, hiding all
    waiting tickets from the other counters.)
    """
    if plan.sent_here:
        rows = _CANDIDATE_AT.execute({"counter": plan.counter.id, "day": today},
                                     variant="counter").fetchall()
        if rows:
            # Sent here: still priority and this counter's queue order first, then oldest.
            rank = {qid: i for i, (qid, _) in enumerate(plan.queues)}
            sent = [model_from_row(Ticket, row) for row in rows]
            return min(sent, key=lambda t: (rank.get(t.service_queue_id, len(rank)),
                                            t.line_at, t.id))
    for qid, _ in plan.queues:
        row = _CANDIDATE_AT.execute({"queue": qid, "day": today}, variant="queue").fetchone()
        if row is not None:
            return model_from_row(Ticket, row)
    return None


# How long call-next looks again when its locking read found nothing but a plain read
# still sees a ticket waiting (see call_next): about 0.15 s in all.
_EMPTY_RETRY_DELAYS = (0.005, 0.01, 0.02, 0.04, 0.08)


def _seems_waiting(plan: _CounterPlan, today: dt.date) -> bool:
    """Whether a plain (non-locking) read sees a ticket this counter could call."""
    if not plan.queues and not plan.sent_here:
        return False
    here = Ticket.target_counter == plan.counter.id
    if plan.queues:
        here |= (Ticket.target_counter.is_null()
                 & Ticket.service_queue.in_([qid for qid, _ in plan.queues]))
    return bool(Ticket.select(Ticket.id).where(
        (Ticket.service_day == today) & (Ticket.status == WAITING) & here).exists())


_CLAIM = Prepared(lambda _: (
    Ticket.update({Ticket.status: CALLED, Ticket.counter: Param("counter"),
                   Ticket.officer: Param("officer"), Ticket.called_at: Param("at"),
                   Ticket.target_counter: None})
    .where((Ticket.id == Param("id")) & (Ticket.status == WAITING))))


def _claim(ticket: Ticket, counter: Counter, officer: int | None) -> bool:
    """Compare-and-set ``waiting → called`` for this counter; False if someone was first."""
    now = clock.utcnow()
    cursor = _CLAIM.execute({"counter": counter.id, "officer": officer, "at": now,
                             "id": ticket.id})
    if cursor.rowcount != 1:
        return False
    ticket.status, ticket.called_at, ticket.target_counter = CALLED, now, None
    ticket.counter_id, ticket.officer_id = counter.id, officer
    return True


def call_next(counter_number: int, officer: int | None = None,
              request_id: str | None = None) -> TicketView:
    """Call the next waiting ticket for a counter.

    Order: tickets transferred to this very counter, then by queue priority
    and the counter's queue order, then by place in line: a walk-in's issue time, a
    checked-in booking's slot (so a booking comes before walk-ins issued after it).
    """

    def work() -> TicketView:
        officers.require_active(officer)
        today = office_today()
        plan = _counter_plan(counter_number, today)
        if plan.holding is not None:
            raise Refused("counter_busy", counter=counter_number, number=plan.holding)
        plan.refuse_if_paused()
        empty_retries = iter(_EMPTY_RETRY_DELAYS if backend_of(database) != "sqlite" else ())
        for _ in range(20):
            ticket = _next_candidate(plan, today)
            if ticket is None:
                # MariaDB's SKIP LOCKED sometimes skips more than the row another
                # counter's call has just locked (seen: two waiting, two counters calling
                # at once, one told "nobody waits" about one time in ten). If a plain read
                # still sees someone waiting, the other call is about to commit: look again.
                delay = next(empty_retries, None)
                if delay is not None and _seems_waiting(plan, today):
                    time.sleep(delay)
                    continue
                break
            if _claim(ticket, plan.counter, officer):
                feed.emit("called", ticket, plan.counter)
                return view_of(ticket, queue_codes=dict(plan.queues),
                             counter_numbers={plan.counter.id: counter_number})
        raise Refused("nothing_waiting", counter=counter_number)

    return _idempotent("call_next", request_id, work)


def call_ticket(ref: TicketRef, counter_number: int, officer: int | None = None,
                request_id: str | None = None) -> TicketView:
    """Call one waiting ticket out of order (the officer chose it, or scanned it)."""

    def work() -> TicketView:
        officers.require_active(officer)
        ticket = _find_ticket(ref, lock=True)
        today = office_today()
        if ticket.service_day != today:  # by id (a scanned QR): only today's tickets
            raise NotFound("ticket_unknown", number=ticket.number)
        plan = _counter_plan(counter_number, today)
        if ticket.status != WAITING:
            raise _refuse_state(ticket, "call")
        served = {qid for qid, _ in plan.queues}
        if ticket.target_counter_id not in (None, plan.counter.id) or (
                ticket.target_counter_id is None and ticket.service_queue_id not in served):
            raise Refused("ticket_not_served_here", number=ticket.number, counter=counter_number)
        if plan.holding is not None:
            raise Refused("counter_busy", counter=counter_number, number=plan.holding)
        plan.refuse_if_paused()
        if not _claim(ticket, plan.counter, officer):
            raise _refuse_state(Ticket.get_by_id(ticket.id), "call")
        feed.emit("called", ticket, plan.counter)
        return view_of(ticket, queue_codes=dict(plan.queues),
                     counter_numbers={plan.counter.id: counter_number})

    return _idempotent("call", request_id, work)


def _act_as_holder(ref: TicketRef, counter_number: int, request_id: str | None, *,
                   action: str, event: str, from_status: tuple[str, ...],
                   changes: Callable[[Ticket], dict[str, Any]],
                   counter_must_be_active: bool = True) -> TicketView:
    """One step by the counter that holds the ticket: check, compare-and-set, feed."""

    def work() -> TicketView:
        counter = _find_counter(counter_number, counter_must_be_active)
        ticket = _find_ticket(ref, lock=True)
        _require_holder(ticket, counter, action)
        if ticket.status not in from_status:
            raise _refuse_state(ticket, action)
        change = changes(ticket)
        if not _compare_and_set(ticket, ticket.status, **change):
            raise _refuse_state(Ticket.get_by_id(ticket.id), action)
        kind = "no_show" if change.get("status") == NO_SHOW else event
        extra = {"recall_count": ticket.recall_count} if kind == "recalled" else {}
        feed.emit(kind, ticket, counter, **extra)
        return view_of(ticket, counter_numbers={counter.id: counter.number})

    return _idempotent(action, request_id, work)


def _recall_changes(ticket: Ticket) -> dict[str, Any]:
    """A recall, counted; or, once the office's ``auto_no_show_after_recalls`` recalls
    went unanswered, the no-show the officer would mark next (0: never by itself)."""
    limit = get_settings().auto_no_show_after_recalls
    if limit and ticket.recall_count >= limit:
        return {"status": NO_SHOW, "finished_at": clock.utcnow()}
    return {"recall_count": ticket.recall_count + 1}


def recall(ref: TicketRef, counter_number: int, request_id: str | None = None) -> TicketView:
    """Call the same ticket again (the lobby display repeats it); counted. After
    ``auto_no_show_after_recalls`` recalls the next one marks it no-show instead (the
    returned ticket says so by its status); it may still go back in line (requeue)."""
    return _act_as_holder(ref, counter_number, request_id, action="recall", event="recalled",
                          from_status=(CALLED,), changes=_recall_changes)


def start_serving(ref: TicketRef, counter_number: int,
                  request_id: str | None = None) -> TicketView:
    """The applicant arrived at the counter."""
    return _act_as_holder(ref, counter_number, request_id, action="start", event="serving",
                          from_status=(CALLED,),
                          changes=lambda t: {"status": SERVING, "started_at": clock.utcnow()})


def _finish_changes(ticket: Ticket) -> dict[str, Any]:
    """Finishing straight from ``called`` counts the call as the start."""
    now = clock.utcnow()
    done: dict[str, Any] = {"status": DONE, "finished_at": now}
    if ticket.started_at is None:
        done["started_at"] = ticket.called_at or now
    return done


def finish(ref: TicketRef, counter_number: int, request_id: str | None = None) -> TicketView:
    """Service done. A closed counter may still finish what it holds."""
    return _act_as_holder(ref, counter_number, request_id, action="finish", event="finished",
                          from_status=(CALLED, SERVING), changes=_finish_changes,
                          counter_must_be_active=False)


def find_counter(number: int, must_be_active: bool = True) -> Counter:
    """A counter by number; NotFound, or Refused when it is closed and must be open."""
    return _find_counter(number, must_be_active)


def ticket_code(ref: TicketRef) -> str:
    """The signed code printed as a QR on a ticket (``LK1.T.<id>.<mac>``)."""
    ticket = read(lambda: _find_ticket(ref))
    return codes.sign(codes.TICKET, ticket.id, signing_keys()[0])


def call_scanned(raw: str | bytes, counter_number: int, officer: int | None = None,
                 request_id: str | None = None) -> TicketView:
    """Call the ticket whose QR was scanned at a counter (if this counter may call it)."""
    scan = parse_code(raw)
    if scan.kind == "pickup":
        raise Refused("scan_is_pickup")
    if scan.kind != "ticket" or scan.ident is None:
        raise InvalidInput(scan.reason or codes.NOT_UNDERSTOOD)
    return call_ticket(scan.ident, counter_number, officer, request_id=request_id)


def no_show(ref: TicketRef, counter_number: int, request_id: str | None = None) -> TicketView:
    """Called, and nobody came."""
    return _act_as_holder(ref, counter_number, request_id, action="no_show", event="no_show",
                          from_status=(CALLED,),
                          changes=lambda t: {"status": NO_SHOW, "finished_at": clock.utcnow()},
                          counter_must_be_active=False)


def _open_ticket_for(ref: TicketRef, counter_number: int | None,
                     action: str) -> tuple[Counter | None, Ticket]:
    """The open ticket an action may touch: a waiting one from anywhere, a held one only
    from its counter (or with no counter given: the supervisor's path)."""
    counter = _find_counter(counter_number, False) if counter_number is not None else None
    ticket = _find_ticket(ref, lock=True)
    if ticket.status not in OPEN_STATUSES:
        raise _refuse_state(ticket, action)
    if counter is not None and ticket.status in HELD_STATUSES:
        _require_holder(ticket, counter, action)
    return counter, ticket


def cancel(ref: TicketRef, counter_number: int | None = None, officer: int | None = None,
           reason: str = "", request_id: str | None = None,
           waiting_only: bool = False) -> TicketView:
    """Void a ticket. A waiting one may be voided from anywhere; a held one only by
    its counter (or with no counter given: the supervisor's path). Audited.

    ``waiting_only``: refuse a ticket already called (the kiosk voiding a number its
    applicant never got must not void one a counter is serving)."""

    def work() -> TicketView:
        officers.require_active(officer)
        counter, ticket = _open_ticket_for(ref, counter_number, "cancel")
        if waiting_only and ticket.status != WAITING:
            raise _refuse_state(ticket, "cancel")
        if not _compare_and_set(ticket, ticket.status, status=CANCELLED,
                                finished_at=clock.utcnow()):
            raise _refuse_state(Ticket.get_by_id(ticket.id), "cancel")
        # The reason is free text that may name someone: it goes to an audit note the
        # purge erases, never into the feed.
        feed.emit("cancelled", ticket, counter)
        record("ticket_cancelled", officer=officer,
               counter=counter.number if counter else None, subject=ticket.number,
               details={"ticket": ticket.id, "reason_note": note("reason", reason)})
        return view_of(ticket)

    return _idempotent("cancel", request_id, work)


def transfer(ref: TicketRef, counter_number: int | None = None, *,
             to_queue: str | None = None, to_counter: int | None = None,
             officer: int | None = None, request_id: str | None = None) -> TicketView:
    """Send a ticket to another queue and/or one counter; it keeps its number and
    its original issue time, so it is not sent to the back of the line."""
    if to_queue is None and to_counter is None:
        raise Refused("transfer_no_target")

    def work() -> TicketView:
        officers.require_active(officer)
        counter, ticket = _open_ticket_for(ref, counter_number, "transfer")
        queue = _find_queue(to_queue) if to_queue is not None else None
        if queue is not None and not queue.active:
            raise Refused("queue_inactive", queue=queue.prefix)
        target = _find_counter(to_counter) if to_counter is not None else None
        paused = pauses.open_pause(target.id) if target is not None else None
        if target is not None and paused is not None:
            raise pauses.paused_refusal("transfer_to_paused_counter", target.number, paused)
        new_queue_id = queue.id if queue is not None else ticket.service_queue_id
        new_target = target.id if target is not None else None
        if (ticket.status == WAITING and new_queue_id == ticket.service_queue_id
                and new_target == ticket.target_counter_id):
            raise Refused("transfer_same_place", number=ticket.number)
        if not _compare_and_set(ticket, ticket.status, status=WAITING,
                                service_queue=new_queue_id, target_counter=new_target,
                                counter=None, officer=None, called_at=None, started_at=None,
                                transferred_at=clock.utcnow(),
                                transfer_count=ticket.transfer_count + 1):
            raise _refuse_state(Ticket.get_by_id(ticket.id), "transfer")
        feed.emit("transferred", ticket, counter,
              to_queue=queue.code if queue else None,
              to_counter=target.number if target else None, by_officer=officer)
        return view_of(ticket, queue_codes={queue.id: queue.code} if queue else None,
                     counter_numbers={target.id: target.number} if target else None)

    return _idempotent("transfer", request_id, work)


def _expire_before(today: dt.date) -> int:
    """Close tickets left open from earlier days (never carried over silently)."""
    stale = (Ticket.update(status=EXPIRED, finished_at=clock.utcnow())
             .where(Ticket.service_day < today, Ticket.status.in_(OPEN_STATUSES))
             .execute())
    if stale:
        feed.emit("expired", None, None, count=stale, before=today.isoformat())
    return int(stale)


def close_previous_days() -> int:
    """Expire every ticket left open from earlier days; returns how many."""
    return run_in_transaction(lambda: _expire_before(office_today()))


# --- reading -----------------------------------------------------------------------


def get_ticket(ref: TicketRef) -> TicketView:
    return read(lambda: view_of(_find_ticket(ref)))


def ticket_view(ticket: Ticket) -> TicketView:
    """The view of a ticket row the caller has already read (no second read of it)."""
    return view_of(ticket)
