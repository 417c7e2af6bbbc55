"""What a counter officer's screen shows: the desk of one counter, read at once.

One call gives the ticket the counter holds (and the passport behind it, for a
pickup ticket), the queues it serves with their waiting count and longest wait,
the tickets it may call (in the order call-next would take them), the transfer
targets, and today's tally. The window refreshes it after every action and
every change in the feed, so it is read in a handful of queries however long
the day has been.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from app import clock
from app.errors import NotFound
from app.office import days
from app.office.settings import get_settings
from app.pickup import service as pickup
from app.pickup.service import CounterCheck
from app.queue import bookings, engine, late, pauses
from app.queue.engine import TicketView
from app.queue.pauses import PauseView
from app.storage.models import (
    CALLED,
    DONE,
    HELD_STATUSES,
    NO_SHOW,
    READY,
    SERVING,
    WAITING,
    Counter,
    CounterPause,
    CounterQueue,
    Queue,
    Ticket,
)
from app.storage.transactions import read

WAITING_LIST_LIMIT = 200


@dataclass(frozen=True)
class QueueLoad:
    """One queue this counter serves, as the officer sees it."""

    code: str
    prefix: str
    name_id: str
    name_en: str
    kind: str
    active: bool
    waiting: int
    longest_wait_s: int | None


@dataclass(frozen=True)
class WaitingTicket:
    id: int
    number: str
    queue: str  # code of the queue it waits in
    wait_s: int
    sent_here: bool  # transferred to this very counter
    pickup: bool


@dataclass(frozen=True)
class Tally:
    """Today at this counter: finished tickets, no-shows, average service time."""

    served: int
    no_shows: int
    avg_service_s: int | None


@dataclass(frozen=True)
class Target:
    """Somewhere a ticket can be transferred to."""

    kind: str  # "queue" or "counter"
    ref: str  # queue code, or counter number as text
    label_id: str
    label_en: str
    queue_kind: str = ""  # a queue's kind ("service" or "pickup"); "" for a counter


@dataclass(frozen=True)
class Desk:
    counter: int
    counter_name: str
    active: bool
    service_day: str
    ticket: TicketView | None
    # The pickup panel: the scanned slip, else the passport behind a held pickup ticket.
    pickup: CounterCheck | None
    # The scanned slip names another passport than the held ticket's (or it has none).
    pickup_mismatch: bool
    queues: list[QueueLoad]
    waiting: list[WaitingTicket]
    waiting_total: int
    tally: Tally
    targets: list[Target] = field(default_factory=list)
    # This counter's last no-show of today while it may still be put back in line
    # (the applicant came late; see late.requeue).
    late: TicketView | None = None
    # The counter's pause going on now (a break, prayer, a system fault): it calls nobody.
    pause: PauseView | None = None
    # The held ticket is an M-Paspor booking's: its slot, office time ("09:30").
    booked_slot: str | None = None


def _seconds(now: dt.datetime, then: Any) -> int:
    if isinstance(then, str):  # SQLite hands back aggregates as text
        then = dt.datetime.fromisoformat(then)
    return max(0, int((now - then).total_seconds()))


def counter_desk(counter_number: int, scan: str | None = None,
                 limit: int = WAITING_LIST_LIMIT) -> Desk:
    """Everything the officer at ``counter_number`` sees, for the office's service day.

    ``scan``: the pickup slip (or application number) the officer scanned last, shown
    in the pickup panel instead of the held ticket's passport.
    """

    def work() -> Desk:
        counter = Counter.get_or_none(Counter.number == counter_number)
        if counter is None:
            raise NotFound("counter_unknown", counter=counter_number)
        today = clock.service_day(get_settings().timezone)
        now = clock.utcnow()
        plan = days.plan_for(today)
        todays = plan.queues_for(counter.id)
        if todays is None:
            served_queues = list(
                Queue.select(Queue, CounterQueue.position)
                .join(CounterQueue).where(CounterQueue.counter == counter.id)
                .order_by(Queue.priority.desc(), CounterQueue.position))
        else:  # the day's profile says what this counter serves today (as call-next does)
            by_id = {q.id: q for q in Queue.select().where(Queue.id.in_(list(todays) or [0]))}
            served_queues = sorted((by_id[q] for q in todays if q in by_id),
                                   key=lambda q: (-q.priority, todays.index(q.id)))
        # A closed queue's waiting tickets are still called (see engine._counter_plan).
        rank = {q.id: i for i, q in enumerate(served_queues)}
        waiting_rows = cast(list[tuple[Any, ...]], list(
            Ticket.select(Ticket.id, Ticket.number, Ticket.service_queue, Ticket.issued_at,
                          Ticket.target_counter, Ticket.pickup, Ticket.line_at)
            .where(Ticket.service_day == today, Ticket.status == WAITING,
                   (Ticket.target_counter == counter.id)
                   | (Ticket.target_counter.is_null()
                      & Ticket.service_queue.in_(list(rank) or [0])))
            .tuples()))
        codes = {q.id: q.code for q in served_queues}
        loads = []
        for q in served_queues:
            mine = [row for row in waiting_rows if row[2] == q.id and row[4] is None]
            oldest = min((row[3] for row in mine), default=None)
            loads.append(QueueLoad(code=q.code, prefix=q.prefix, name_id=q.name_id,
                                   name_en=q.name_en, kind=q.kind,
                                   active=plan.queue_open(q.id, bool(q.active)),
                                   waiting=len(mine),
                                   longest_wait_s=_seconds(now, oldest) if oldest else None))
        # The order call-next takes them in: sent here first, then rank, then place in
        # line (a walk-in's issue time, a booking's slot).
        ordered = sorted(waiting_rows, key=lambda r: (r[4] is None, rank.get(r[2], len(rank)),
                                                      clock.as_datetime(r[6]), r[0]))
        missing = {r[2] for r in ordered if r[2] not in codes}
        if missing:
            codes.update(dict(cast(list[tuple[int, str]], list(
                Queue.select(Queue.id, Queue.code).where(Queue.id.in_(missing)).tuples()))))
        waiting = [WaitingTicket(id=r[0], number=r[1], queue=codes[r[2]],
                                 wait_s=_seconds(now, r[3]), sent_here=r[4] is not None,
                                 pickup=r[5] is not None)
                   for r in ordered[:limit]]
        held = (Ticket.select().where(Ticket.counter == counter.id, Ticket.service_day == today,
                                      Ticket.status.in_(HELD_STATUSES)).first())
        ticket = engine.ticket_view(held) if held is not None else None
        check = None
        if scan:
            check = pickup.inspect(scan)
        elif held is not None and held.pickup_id:
            check = pickup.inspect_record(held.pickup_id,
                                          verified=bool(held.pickup_verified))
        # Held for anything but this passport (a walk-in, another slip): no handover here.
        mismatch = (check is not None and held is not None
                    and check.record.id != held.pickup_id)
        return Desk(counter=counter.number, counter_name=counter.name,
                    active=bool(counter.active), service_day=today.isoformat(),
                    ticket=ticket, pickup=check, pickup_mismatch=mismatch, queues=loads,
                    waiting=waiting,
                    waiting_total=len(waiting_rows), tally=_tally(counter.id, today),
                    targets=_targets(counter.id), late=_late(counter.id, today, now),
                    pause=_pause(counter),
                    booked_slot=bookings.slot_text(ticket.booked_slot) if ticket else None)

    return read(work)


def _tally(counter_id: int, today: dt.date) -> Tally:
    rows = cast(list[tuple[Any, ...]], list(
        Ticket.select(Ticket.status, Ticket.started_at, Ticket.finished_at)
        .where(Ticket.counter == counter_id, Ticket.service_day == today,
               Ticket.status.in_([DONE, NO_SHOW]))
        .tuples()))
    durations = [_seconds(finished, started) for status, started, finished in rows
                 if status == DONE and started is not None and finished is not None]
    served = sum(1 for status, *_ in rows if status == DONE)
    return Tally(served=served, no_shows=sum(1 for status, *_ in rows if status == NO_SHOW),
                 avg_service_s=round(sum(durations) / len(durations)) if durations else None)


def _pause(counter: Counter) -> PauseView | None:
    row = pauses.open_pause(counter.id)
    return pauses.view_of(row, counter.number) if row is not None else None


def _late(counter_id: int, today: dt.date, now: dt.datetime) -> TicketView | None:
    """The ticket this counter marked no-show last today, while it may go back in line."""
    last = (Ticket.select().where(Ticket.counter == counter_id, Ticket.service_day == today,
                                  Ticket.status == NO_SHOW)
            .order_by(Ticket.finished_at.desc(), Ticket.id.desc()).first())
    if last is None:
        return None
    deadline = late.requeue_deadline(last, get_settings().requeue_grace_min)
    return engine.ticket_view(last) if deadline is not None and now <= deadline else None


def _targets(counter_id: int) -> list[Target]:
    queues = [Target("queue", q.code, f"{q.prefix} · {q.name_id}", f"{q.prefix} · {q.name_en}",
                     q.kind)
              for q in Queue.select().where(Queue.active == True)  # noqa: E712 (SQL)
              .order_by(Queue.prefix)]
    # A paused counter receives no transfer (engine.transfer refuses it): not offered.
    paused = CounterPause.select(CounterPause.counter).where(CounterPause.ended_at.is_null())
    counters = [Target("counter", str(c.number), c.name, c.name)
                for c in Counter.select().where(Counter.active == True,  # noqa: E712
                                                Counter.id != counter_id,
                                                Counter.id.not_in(paused))
                .order_by(Counter.number)]
    return queues + counters


def suggested_target(desk: Desk) -> int | None:
    """Which transfer target to pre-select for the held ticket: another queue of the
    ticket's own kind (a pickup stays a pickup); None when there is none, so Enter does
    nothing until the officer chooses."""
    ticket = desk.ticket
    if ticket is None:
        return None
    kind = next((t.queue_kind for t in desk.targets
                 if t.kind == "queue" and t.ref == ticket.service_queue), None)
    if kind is None:
        kind = next((q.kind for q in desk.queues if q.code == ticket.service_queue), None)
    return next((i for i, t in enumerate(desk.targets)
                 if kind and t.kind == "queue" and t.queue_kind == kind
                 and t.ref != ticket.service_queue), None)


def active_counters() -> list[tuple[int, str]]:
    """(number, name) of every active counter: what a PC may be set up as."""
    return read(lambda: [(c.number, c.name) for c in
                         Counter.select().where(Counter.active == True)  # noqa: E712
                         .order_by(Counter.number)])



# --- what the officer may do now --------------------------------------------------

ACTIONS = ("call_next", "call_number", "recall", "start", "finish", "no_show", "transfer",
           "hand_over", "requeue", "pause")


def allowed_actions(desk: Desk) -> frozenset[str]:
    """The actions that make sense at this counter now (the others are disabled).

    The same rules the engine enforces, asked before clicking: a counter holds
    one ticket at a time; recall, start and no-show only while called; a
    passport may be handed over when the panel shows one that may leave the shelf; the
    last no-show goes back in line while the grace period lasts. A paused counter calls
    nobody; ``pause`` pauses a free counter, or resumes a paused one.
    """
    allowed: set[str] = set()
    status = desk.ticket.status if desk.ticket is not None else None
    if desk.pause is not None:
        allowed.add("pause")
    elif desk.active and status is None:
        allowed.update(("call_number", "pause"))
        if desk.waiting_total:
            allowed.add("call_next")
    if status == CALLED:
        allowed.update(("recall", "start", "no_show"))
    if status in (CALLED, SERVING):
        allowed.update(("finish", "transfer"))
    if desk.late is not None:
        allowed.add("requeue")
    check = desk.pickup
    if (check is not None and check.refusal is None and check.record.status == READY
            and not desk.pickup_mismatch):
        allowed.add("hand_over")
    return frozenset(allowed)


@dataclass(frozen=True)
class ScanOutcome:
    """Where a counter scan went: a ticket called, or a pickup to show."""

    kind: str  # "ticket" or "pickup"
    ticket: TicketView | None = None
    check: CounterCheck | None = None


def handle_scan(raw: str | bytes, counter_number: int, officer: int | None,
                request_id: str | None = None) -> ScanOutcome:
    """Route a scan at a counter: a ticket QR calls that ticket (if this counter may),
    a pickup slip or an application number opens the pickup panel. Junk is refused
    with the reason and changes nothing."""
    scanned = pickup.classify(raw)
    if scanned.kind == "ticket":
        return ScanOutcome("ticket", ticket=engine.call_scanned(
            scanned.text, counter_number, officer, request_id=request_id))
    return ScanOutcome("pickup", check=pickup.inspect(scanned.text or raw))
