"""Worker processes for the concurrency tests (module level, so ``spawn`` can import them)."""

from __future__ import annotations

import multiprocessing.synchronize
import time

from app import db, engine
from app.errors import Refused


def issue_many(url: str, queue: str, count: int, start: multiprocessing.synchronize.Event,
               out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    db.connect(url)
    start.wait()
    numbers = [engine.issue_ticket(queue).number for _ in range(count)]
    out.put(("issued", numbers))


def call_until_drained(url: str, counter: int, start: multiprocessing.synchronize.Event,
                       issuers_done: multiprocessing.synchronize.Event,
                       out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    db.connect(url)
    start.wait()
    called: list[tuple[int, str]] = []
    while True:
        try:
            ticket = engine.call_next(counter)
        except Refused:
            if issuers_done.is_set():
                try:  # one last look: a ticket may have landed after the refusal
                    ticket = engine.call_next(counter)
                except Refused:
                    break
            else:
                time.sleep(0.005)
                continue
        called.append((ticket.id, ticket.number))
        engine.finish(ticket.id, counter)
    out.put(("called", called))
