"""The lobby display's board: who is served where, the last calls, who waits.

A board is read in one go (:func:`load_board`, a handful of queries) when the
display starts, after an outage and every little while; between reads the
change feed is folded into it (:func:`apply_events`), so a call reaches the
screen within one poll of the feed. Both are plain data, safe to hand from the
worker thread to the GUI thread.

Walk-in services and passport pickups are separate sections (queue kind
``service`` / ``pickup``), so a person waiting for a passport sees the pickup
line move on its own. A counter appears in the section of each kind of queue it
serves; it shows its ticket in the section of that ticket's queue.

No personal data: a board holds ticket numbers, queue names and counter names
only. It never reads a pickup record (names, passport and application numbers
stay off the lobby screen, UU PDP 27/2022).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, cast

import peewee as pw

from app import clock
from app.feed import EventView
from app.office import days
from app.office.settings import get_settings
from app.queue import waits
from app.storage.models import (
    CALLED,
    HELD_STATUSES,
    SERVING,
    WAITING,
    Counter,
    CounterPause,
    CounterQueue,
    Event,
    Queue,
    Ticket,
)
from app.storage.transactions import read

SERVICE: Final = "service"
PICKUP: Final = "pickup"
SECTIONS: Final = (SERVICE, PICKUP)

# How many recent calls a board keeps (per section).
RECENT_CALLS: Final = 4

CALL_KINDS: Final = ("called", "recalled")
PAUSE_KINDS: Final = ("counter_paused", "counter_resumed")
# Events after which a counter no longer holds the ticket.
RELEASE_KINDS: Final = ("finished", "no_show", "cancelled", "transferred", "expired")


@dataclass(frozen=True)
class QueueLine:
    """One queue and how many wait in it today."""

    id: int
    code: str
    prefix: str
    name_id: str
    name_en: str
    kind: str
    active: bool
    waiting: int
    # The wait a ticket taken now would have, in minutes [low, high] (app.queue.waits);
    # None without enough history or with no counter open for it.
    wait_min: tuple[int, int] | None = None

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id


@dataclass(frozen=True)
class CounterLine:
    """A counter and the kinds of queue it serves (``service``, ``pickup`` or both)."""

    number: int
    name: str
    active: bool
    kinds: tuple[str, ...]
    paused: str | None = None  # the reason of its pause going on now (app.queue.pauses)


@dataclass(frozen=True)
class Serving:
    """The ticket a counter holds: called (walking over) or being served."""

    ticket: int | None
    number: str
    status: str
    kind: str


@dataclass(frozen=True)
class Call:
    """A call (or recall) of a ticket to a counter, as the feed reported it."""

    event: int
    ticket: int | None
    number: str
    counter: int
    kind: str
    recall: bool
    at: str


@dataclass(frozen=True)
class Section:
    """What one half of the screen shows."""

    kind: str
    counters: list[CounterLine]
    queues: list[QueueLine]
    recent: list[Call]


@dataclass(frozen=True)
class Board:
    office_name: str
    notice_text: str
    timezone: str
    service_day: str
    queues: list[QueueLine]
    counters: list[CounterLine]
    serving: dict[int, Serving] = field(default_factory=dict)  # counter number → ticket
    recent: list[Call] = field(default_factory=list)  # newest first, both sections
    profile: str = "default"  # the day's profile (see app.office.days)

    @property
    def sections(self) -> tuple[str, ...]:
        """The sections shown today: those with a queue open (a pickup-only weekend shows
        the pickups alone, on the whole screen); both on a day nothing is open."""
        shown = tuple(k for k in SECTIONS if any(q.kind == k and q.active for q in self.queues))
        return shown or SECTIONS

    def kind_of_queue(self, queue_id: int | None) -> str:
        for q in self.queues:
            if q.id == queue_id:
                return q.kind
        return SERVICE

    def section(self, kind: str, recent_limit: int = RECENT_CALLS) -> Section:
        return Section(
            kind=kind,
            counters=[c for c in self.counters if kind in c.kinds],
            queues=[q for q in self.queues if q.kind == kind and q.active],
            recent=[c for c in self.recent if c.kind == kind][:recent_limit])

    def serving_in(self, counter: int, kind: str) -> Serving | None:
        """The ticket ``counter`` holds, if it belongs to section ``kind``."""
        held = self.serving.get(counter)
        return held if held is not None and held.kind == kind else None


# --- folding the feed in ---------------------------------------------------------------


def calls_in(events: Iterable[EventView], kinds: dict[int, str] | None = None) -> list[Call]:
    """Every call and recall among ``events``, oldest first."""
    found = []
    for e in events:
        if e.kind in CALL_KINDS and e.number and e.counter is not None:
            found.append(Call(event=e.id, ticket=e.ticket, number=e.number, counter=e.counter,
                              kind=(kinds or {}).get(e.queue or 0, SERVICE),
                              recall=e.kind == "recalled", at=e.at))
    return found


def calls_to_announce(events: Sequence[EventView], *, catch_up: bool = False,
                      kinds: dict[int, str] | None = None) -> list[Call]:
    """The calls the display speaks, in order.

    Normally every call and recall, none dropped. In the first batch after the
    display lost the database (``catch_up``), the feed may hold minutes of calls:
    speaking them all would keep fresh calls waiting behind stale ones, so only
    what each counter is calling *now* is spoken: its last call in the batch, if
    the batch does not also show that ticket finished or sent elsewhere.
    """
    calls = calls_in(events, kinds)
    if not catch_up:
        return calls
    released: dict[int, int] = {}  # ticket → id of its last release event
    for e in events:
        if e.kind in RELEASE_KINDS and e.ticket is not None:
            released[e.ticket] = e.id
    latest: dict[int, Call] = {}
    for call in calls:
        latest[call.counter] = call
    return sorted((c for c in latest.values()
                   if c.ticket is None or released.get(c.ticket, -1) < c.event),
                  key=lambda c: c.event)


def fold_recent(recent: Sequence[Call], calls: Iterable[Call],
                limit: int = RECENT_CALLS) -> list[Call]:
    """The recent calls after ``calls`` (oldest first), newest first, each ticket once.

    A recall, or a new call after a transfer, moves the ticket back to the top with
    its counter. At most ``limit`` are kept per section, so a busy service line never
    pushes the pickups off the screen.
    """
    out = list(recent)
    for call in calls:
        out = [c for c in out if not _same_ticket(c, call)]
        out.insert(0, call)
    kept: list[Call] = []
    per_kind: dict[str, int] = {}
    for c in out:
        per_kind[c.kind] = per_kind.get(c.kind, 0) + 1
        if per_kind[c.kind] <= limit:
            kept.append(c)
    return kept


def _same_ticket(a: Call, b: Call) -> bool:
    if a.ticket is not None and b.ticket is not None:
        return a.ticket == b.ticket
    return a.number == b.number


def apply_events(board: Board, events: Sequence[EventView]) -> tuple[Board, list[Call]]:
    """The board after ``events`` (oldest first), and the calls among them."""
    kinds = {q.id: q.kind for q in board.queues}
    serving = dict(board.serving)
    paused = {c.number: c.paused for c in board.counters}
    calls: list[Call] = []
    for e in events:
        counter = e.counter
        if e.kind in PAUSE_KINDS and counter is not None:
            paused[counter] = e.data.get("reason") if e.kind == "counter_paused" else None
        elif e.kind in CALL_KINDS:
            new_calls = calls_in([e], kinds)
            if new_calls:
                call = new_calls[0]
                calls.append(call)
                serving[call.counter] = Serving(ticket=e.ticket, number=call.number,
                                                status=CALLED, kind=call.kind)
        elif e.kind == "serving" and counter is not None and e.number:
            serving[counter] = Serving(ticket=e.ticket, number=e.number, status=SERVING,
                                       kind=kinds.get(e.queue or 0, SERVICE))
        elif e.kind in RELEASE_KINDS:
            if e.kind == "expired":  # tickets of earlier days: nobody holds them now
                serving.clear()
            for number, held in list(serving.items()):
                if (e.ticket is not None and held.ticket == e.ticket) or (
                        e.ticket is None and held.number == e.number
                        and number == counter):
                    del serving[number]
    recent = fold_recent(board.recent, calls)
    counters = [c if paused.get(c.number) == c.paused
                else dataclasses.replace(c, paused=paused.get(c.number))
                for c in board.counters]
    if not calls and serving == board.serving and counters == board.counters:
        return board, calls
    return dataclasses.replace(board, serving=serving, recent=recent, counters=counters), calls


# --- reading it ------------------------------------------------------------------------


def _rows(query: pw.BaseQuery) -> list[tuple[Any, ...]]:
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def load_board(recent_limit: int = RECENT_CALLS) -> Board:
    """Today's board in eight small queries, the waits of the open queues among them
    (settings are cached by :mod:`app.office.settings`)."""
    office = get_settings()

    def work() -> Board:
        today = clock.service_day(office.timezone)
        plan = days.plan_for(today)
        waiting = dict(_rows(
            Ticket.select(Ticket.service_queue, pw.fn.COUNT(Ticket.id))
            .where(Ticket.service_day == today, Ticket.status == WAITING)
            .group_by(Ticket.service_queue)))
        queues = [QueueLine(id=q.id, code=q.code, prefix=q.prefix, name_id=q.name_id,
                            name_en=q.name_en, kind=q.kind,
                            active=plan.queue_open(q.id, bool(q.active)),
                            waiting=int(waiting.get(q.id, 0)))
                  for q in Queue.select().order_by(Queue.prefix)]
        kinds = {q.id: q.kind for q in queues}
        served: dict[int, list[str]] = {}
        links = _rows(CounterQueue.select(CounterQueue.counter, CounterQueue.queue)
                      .order_by(CounterQueue.position))
        for counter_id, queue_id in links:
            kind = kinds.get(queue_id, SERVICE)
            if kind not in served.setdefault(counter_id, []):
                served[counter_id].append(kind)
        counters = []
        numbers = {}
        open_ids = set()
        # A paused counter shows its reason (the join finds its open pause, if any).
        open_pause = (CounterPause.counter == Counter.id) & CounterPause.ended_at.is_null()
        for counter_id, number, name, active, paused in _rows(
                Counter.select(Counter.id, Counter.number, Counter.name, Counter.active,
                               CounterPause.reason)
                .join(CounterPause, pw.JOIN.LEFT_OUTER, on=open_pause)
                .order_by(Counter.number)):
            numbers[counter_id] = number
            if active:
                open_ids.add(counter_id)
            todays = plan.queues_for(counter_id)
            if todays is not None:  # the day's profile says what it serves today
                served[counter_id] = [kinds.get(q, SERVICE) for q in todays]
            counters.append(CounterLine(number=number, name=name, active=bool(active),
                                        kinds=tuple(k for k in SECTIONS
                                                    if k in served.get(counter_id, [])),
                                        paused=paused))
        # The wait a ticket taken now would have, per open queue (one more query).
        open_links = [(c, q) for c, q in links if c in open_ids]
        open_links += [(c, None) for c in open_ids]  # a counter with no standing queue
        told = waits.queue_waits([(q.id, q.waiting) for q in queues if q.active], today,
                                 waits.counters_per_queue(open_links, plan))
        queues = [dataclasses.replace(q, wait_min=told[q.id]) if told.get(q.id) else q
                  for q in queues]
        serving = {}
        for ticket_id, number, status, counter_id, queue_id in _rows(
                Ticket.select(Ticket.id, Ticket.number, Ticket.status, Ticket.counter,
                              Ticket.service_queue)
                .where(Ticket.service_day == today, Ticket.status.in_(HELD_STATUSES))):
            if counter_id in numbers:
                serving[numbers[counter_id]] = Serving(ticket=ticket_id, number=number,
                                                       status=status,
                                                       kind=kinds.get(queue_id, SERVICE))
        # The day's last calls per section: newest first from the feed, folded oldest
        # first (a section's own read, so a busy line never hides the other's calls).
        since = clock.day_start_utc(today, office.timezone)
        events: list[EventView] = []
        for kind in SECTIONS:
            ids = [q.id for q in queues if q.kind == kind]
            if not ids:
                continue
            rows = _rows(Event.select(Event.id, Event.created_at, Event.kind, Event.ticket,
                                      Event.number, Event.queue, Event.counter)
                         .where(Event.kind.in_(CALL_KINDS), Event.queue.in_(ids),
                                Event.created_at >= since)
                         .order_by(Event.id.desc())
                         .limit(recent_limit * 3))
            events.extend(EventView(id=i, at=str(at), kind=k, ticket=t, number=n, queue=q,
                                    counter=c, data={}) for i, at, k, t, n, q, c in rows)
        events.sort(key=lambda e: e.id)
        recent = fold_recent([], calls_in(events, kinds), limit=recent_limit)
        return Board(office_name=office.office_name, notice_text=office.notice_text,
                     timezone=office.timezone, service_day=today.isoformat(), queues=queues,
                     counters=counters, serving=serving, recent=recent, profile=plan.profile)

    return read(work)
