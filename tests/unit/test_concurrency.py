"""Many counters at once on one database: numbers unique and gap-free, each ticket
called exactly once, nothing lost. Real processes, real databases."""

from __future__ import annotations

import multiprocessing
from collections import Counter as Tally

import pytest

from app import engine
from app.models import Counter, CounterQueue, Event, Queue, Ticket
from tests import workers

ISSUERS = 8
CALLERS = 8
PER_ISSUER = 50  # 400 tickets


@pytest.mark.slow
def test_eight_issuers_and_eight_callers(office: str) -> None:
    paspor = Queue.get(Queue.code == "paspor")
    counters = []
    for number in range(11, 11 + CALLERS):
        counter = Counter.create(number=number, name=f"Loket {number}")
        CounterQueue.create(counter=counter, queue=paspor, position=0)
        counters.append(number)

    ctx = multiprocessing.get_context("spawn")
    start, issuers_done = ctx.Event(), ctx.Event()
    out = ctx.Queue()
    issuers = [ctx.Process(target=workers.issue_many, args=(office, "A", PER_ISSUER, start, out))
               for _ in range(ISSUERS)]
    callers = [ctx.Process(target=workers.call_until_drained,
                           args=(office, n, start, issuers_done, out)) for n in counters]
    for p in issuers + callers:
        p.start()
    start.set()
    results: list[tuple[str, list]] = []  # type: ignore[type-arg]
    for _ in issuers:
        results.append(out.get(timeout=240))
    issuers_done.set()
    for _ in callers:
        results.append(out.get(timeout=240))
    for p in issuers + callers:
        p.join(timeout=30)
        assert p.exitcode == 0

    issued = [n for kind, ns in results if kind == "issued" for n in ns]
    called = [c for kind, cs in results if kind == "called" for c in cs]
    total = ISSUERS * PER_ISSUER
    assert len(issued) == total
    assert sorted(issued) == [f"A{i:03d}" for i in range(1, total + 1)]  # unique, no gap
    called_ids = [tid for tid, _ in called]
    duplicates = [tid for tid, n in Tally(called_ids).items() if n > 1]
    assert duplicates == []
    assert len(called_ids) == total  # none lost
    assert Ticket.select().where(Ticket.status != "done").count() == 0
    per_ticket_calls = Tally(e.ticket for e in Event.select().where(Event.kind == "called"))
    assert set(per_ticket_calls.values()) == {1}
    assert engine.office_status().queues[0].issued_today == total
