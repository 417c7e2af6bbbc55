"""The office at a glance: waiting per queue and what each counter holds, today.

A read model for ``loket status``, the monitor window and the supervisor's settings;
it changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from app import clock
from app.office import days
from app.office.settings import office_today
from app.queue import engine
from app.queue.engine import TicketView
from app.storage.models import (
    HELD_STATUSES,
    WAITING,
    Counter,
    CounterQueue,
    DailySequence,
    Officer,
    Queue,
    Ticket,
)
from app.storage.transactions import read, rows


@dataclass(frozen=True)
class QueueStatus:
    code: str
    prefix: str
    name_id: str
    name_en: str
    kind: str
    active: bool
    waiting: int
    issued_today: int
    longest_wait_s: int | None


@dataclass(frozen=True)
class CounterStatus:
    number: int
    name: str
    active: bool
    queues: list[str]
    ticket: TicketView | None


@dataclass(frozen=True)
class OfficeStatus:
    service_day: str
    queues: list[QueueStatus]
    counters: list[CounterStatus]
    profile: str = "default"  # the day's profile (see app.office.days)


def office_status() -> OfficeStatus:
    """Waiting count per queue and what each counter holds, for today."""

    def work() -> OfficeStatus:
        today = office_today()
        plan = days.plan_for(today)
        now = clock.utcnow()
        waiting: dict[int, tuple[int, Any]] = {
            queue_id: (n, oldest) for queue_id, n, oldest in
            rows(Ticket.select(Ticket.service_queue, pw.fn.COUNT(Ticket.id),
                                pw.fn.MIN(Ticket.issued_at))
                  .where(Ticket.service_day == today, Ticket.status == WAITING)
                  .group_by(Ticket.service_queue))}
        issued: dict[int, int] = {
            queue_id: last for queue_id, last in
            rows(DailySequence.select(DailySequence.queue, DailySequence.last)
                  .where(DailySequence.service_day == today))}
        queues = []
        all_queues = list(Queue.select().order_by(Queue.prefix))
        for q in all_queues:
            n, oldest = waiting.get(q.id, (0, None))
            if isinstance(oldest, str):  # SQLite returns aggregates untyped
                oldest = dt.datetime.fromisoformat(oldest)
            queues.append(QueueStatus(
                code=q.code, prefix=q.prefix, name_id=q.name_id, name_en=q.name_en,
                kind=q.kind, active=plan.queue_open(q.id, bool(q.active)), waiting=int(n),
                issued_today=int(issued.get(q.id, 0)),
                longest_wait_s=int((now - oldest).total_seconds()) if oldest else None))
        codes = {q.id: q.code for q in all_queues}
        links: dict[int, list[str]] = {}
        for counter_id, queue_id in rows(CounterQueue.select(CounterQueue.counter,
                                                              CounterQueue.queue)
                                          .order_by(CounterQueue.counter,
                                                    CounterQueue.position)):
            links.setdefault(counter_id, []).append(codes[queue_id])
        held = {t.counter_id: t for t in Ticket.select()
                .where(Ticket.service_day == today, Ticket.status.in_(HELD_STATUSES))}
        officer_ids = {t.officer_id for t in held.values() if t.officer_id}
        names = dict(rows(Officer.select(Officer.id, Officer.username)
                           .where(Officer.id.in_(officer_ids)))) if officer_ids else {}
        all_counters = list(Counter.select().order_by(Counter.number))
        for c in all_counters:
            todays = plan.queues_for(c.id)
            if todays is not None:  # the day's profile says what it serves today
                links[c.id] = [codes[q] for q in todays if q in codes]
        numbers = {c.id: c.number for c in all_counters}
        counters = [CounterStatus(number=c.number, name=c.name, active=bool(c.active),
                                  queues=links.get(c.id, []),
                                  ticket=engine.view_of(held[c.id], codes, numbers, names)
                                  if c.id in held else None)
                    for c in all_counters]
        return OfficeStatus(service_day=today.isoformat(), queues=queues, counters=counters,
                            profile=plan.profile)

    return read(work)
