"""Worker processes for the concurrency tests (module level, so ``spawn`` can import them)."""

from __future__ import annotations

import multiprocessing.synchronize
import time

from app.errors import Refused
from app.queue import engine
from app.storage import db


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


def hand_over_all(url: str, scans: list[str], counter: int, officer: str,
                  start: multiprocessing.synchronize.Event,
                  out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Try to hand over every passport; report which ones this counter won."""
    from app.pickup import service as pickup

    db.connect(url)
    start.wait()
    won, refused = [], []
    for scan in scans:
        try:
            pickup.hand_over(scan, counter, officer, "self", id_checked=True)
            won.append(scan)
        except Refused as exc:
            refused.append((scan, exc.code))
    out.put((counter, won, refused))


def check_in_all(url: str, scans: list[str], start: multiprocessing.synchronize.Event,
                 out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from app.pickup import service as pickup

    db.connect(url)
    start.wait()
    out.put([(scan, pickup.check_in(scan).ticket.id) for scan in scans])


def issue_and_serve(url: str, counter: int, start: multiprocessing.synchronize.Event,
                    stop: multiprocessing.synchronize.Event,
                    out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """A kiosk and a counter in one: issue, call, finish, until told to stop.

    Reports every ticket it issued with the wall-clock time just after its commit, so a
    test can tell which tickets a backup started at a given moment must hold.
    """
    db.connect(url)
    start.wait()
    committed: list[tuple[int, float]] = []
    while not stop.is_set():
        ticket = engine.issue_ticket("A")
        committed.append((ticket.id, time.time()))
        try:
            called = engine.call_next(counter)
        except Refused:
            continue
        engine.finish(called.id, counter)
    out.put(committed)
