"""The change feed: what changed, for the windows that follow it.

Every change appends an :class:`~app.storage.models.Event` in the transaction of the
change (:func:`emit`); counters, kiosks and displays poll :func:`changes_since` with
the last id they saw; :func:`prune` keeps the feed to about a day. No personal data
goes into an event.

Following the feed without missing an event: event ids come from an auto-increment,
but on a server two transactions may commit out of id order: a reader may see 102
before 101 is committed. Reading only ``id > last_seen`` would then skip 101 forever.
The cursor remembers such gaps for a short grace period and asks for them again; a
gap left by a rolled back transaction simply ages out.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import peewee as pw

from app import clock
from app.storage import json_text
from app.storage.models import Counter, Event, Ticket
from app.storage.prepared import Param, Prepared
from app.storage.transactions import prune_request_ids, read, run_in_transaction

# How long the change feed and remembered request ids are kept.
FEED_RETENTION = dt.timedelta(days=1)

GAP_GRACE_SECONDS = 10.0
# A jump larger than this is a pruned or restarted feed, not commits in flight.
MAX_TRACKED_GAP = 1000


@dataclass(frozen=True)
class EventView:
    id: int
    at: str
    kind: str
    ticket: int | None
    number: str | None
    queue: int | None
    counter: int | None
    data: dict[str, Any]


_INSERT_EVENT = Prepared(lambda _: Event.insert({
    Event.created_at: Param("at"), Event.kind: Param("kind"), Event.ticket: Param("ticket"),
    Event.number: Param("number"), Event.queue: Param("queue"), Event.counter: Param("counter"),
    Event.data: Param("data")}))


def emit(kind: str, ticket: Ticket | None = None, counter: Counter | None = None,
         **data: Any) -> None:
    """Append one change to the feed (inside the transaction of the change)."""
    _INSERT_EVENT.execute({
        "at": clock.utcnow(), "kind": kind,
        "ticket": ticket.id if ticket else None,
        "number": ticket.number if ticket else None,
        "queue": ticket.service_queue_id if ticket else None,
        "counter": counter.number if counter else None,
        "data": json_text.dumps(data)})


def emit_event(kind: str, counter: Counter | None = None, **data: Any) -> None:
    """A change that is not about one ticket (a handover, an import), for windows that
    follow the feed. Inside the change's transaction; no personal data in ``data``."""
    emit(kind, None, counter, **data)


def changes_since(event_id: int, limit: int = 500) -> list[EventView]:
    """What happened after ``event_id``, oldest first (see :class:`FeedCursor`)."""

    def work() -> list[EventView]:
        rows = (Event.select().where(Event.id > event_id).order_by(Event.id).limit(limit))
        return [EventView(id=e.id, at=e.created_at.isoformat(), kind=e.kind, ticket=e.ticket,
                          number=e.number, queue=e.queue, counter=e.counter,
                          data=json_text.loads(e.data, {})) for e in rows]

    return read(work)


def last_event_id() -> int:
    return int(read(lambda: Event.select(pw.fn.MAX(Event.id)).scalar()) or 0)


def prune_before(cutoff: dt.datetime) -> int:
    """Drop feed rows and request ids from before ``cutoff`` (inside a transaction)."""
    events = Event.delete().where(Event.created_at < cutoff).execute()
    return int(events) + prune_request_ids(cutoff)


def prune(older_than: dt.timedelta = FEED_RETENTION) -> int:
    """Drop change-feed rows and request ids older than ``older_than``.

    Also done by the first ticket of each day, so the feed stays small unattended.
    """
    cutoff = clock.utcnow() - older_than
    return run_in_transaction(lambda: prune_before(cutoff))


class FeedCursor:
    """Reads each event of the feed once, in id order per poll."""

    def __init__(self, after: int | None = None, *, grace: float = GAP_GRACE_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.after = last_event_id() if after is None else after
        self.grace = grace
        self._now = monotonic
        self._gaps: dict[int, float] = {}

    @property
    def gaps(self) -> set[int]:
        return set(self._gaps)

    def poll(self, limit: int = 500) -> list[EventView]:
        now = self._now()
        self._gaps = {i: t for i, t in self._gaps.items() if now - t < self.grace}
        start = min(self._gaps) - 1 if self._gaps else self.after
        fresh = []
        for event in changes_since(start, limit):
            if event.id in self._gaps:
                del self._gaps[event.id]
                fresh.append(event)
            elif event.id > self.after:
                if event.id - self.after <= MAX_TRACKED_GAP:
                    for missing in range(self.after + 1, event.id):
                        self._gaps[missing] = now
                self.after = event.id
                fresh.append(event)
        return fresh
