"""Waits told: how many are ahead, and an honest range in minutes, on every ticket."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from app import cli
from app.queue import board, engine, kiosk, ticket_image, waits
from app.storage import db as dbmod
from app.storage.models import Counter, Queue
from tests.helpers import NOW

FIVE_MINUTES = [300.0] * 30


# --- the estimate itself (pure) --------------------------------------------------------


def test_no_range_without_enough_history_or_without_an_open_counter() -> None:
    assert waits.estimate(3, 2, [300.0] * (waits.MIN_SAMPLES - 1)) is None
    assert waits.estimate(3, 0, FIVE_MINUTES) is None
    assert waits.estimate(3, 2, FIVE_MINUTES) is not None


def test_one_counter_with_fixed_services_gives_the_hand_computed_range() -> None:
    # Two tickets ahead of 5 minutes each, and a random part (0-5 min) of the one being
    # served: the wait lies between 10 and 15 minutes, whatever the draw.
    low, high = waits.estimate(2, 1, FIVE_MINUTES) or (-1, -1)
    assert 10 <= low < high <= 15
    # Nobody ahead: only what is left of the service at the counter.
    assert waits.estimate(0, 1, FIVE_MINUTES) == (0, 5)


def test_the_range_grows_with_the_line_and_shrinks_with_counters() -> None:
    mixed = [float(s) for s in range(240, 900, 20)]
    short, long_ = waits.estimate(2, 2, mixed), waits.estimate(20, 2, mixed)
    more_counters = waits.estimate(20, 4, mixed)
    assert short and long_ and more_counters
    assert long_[0] > short[1]
    assert more_counters[1] < long_[1]
    # Seeded: the same history and line always give the same range.
    assert waits.estimate(20, 2, mixed) == long_


# --- what the office knows now (every backend) -----------------------------------------


def _serve(queue: str, count: int, travel: Callable[[dt.datetime], None],
           minutes: int = 5) -> dt.datetime:
    """``count`` tickets of ``queue`` served one after another at counter 1, each
    ``minutes`` long; the time after the last."""
    at = NOW
    for _ in range(count):
        travel(at)
        ticket = engine.issue_ticket(queue)
        engine.call_ticket(ticket.number, 1)
        at += dt.timedelta(minutes=minutes)
        travel(at)
        engine.finish(ticket.number, 1)
    return at


def test_a_ticket_tells_how_many_are_ahead_and_the_range(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    at = _serve("W", waits.MIN_SAMPLES, travel)
    wna = Queue.get(Queue.code == "wna").id
    assert waits.service_times(wna) == [300.0] * waits.MIN_SAMPLES
    assert waits.open_counters()[wna] == 2  # counters 1 and 3 serve W
    travel(at)
    for _ in range(3):
        engine.issue_ticket("W")
    ticket = kiosk.take_ticket("W")
    assert ticket.ahead == 3
    assert ticket.estimate_min == waits.estimate(3, 2, [300.0] * waits.MIN_SAMPLES)
    # Stored for a retried tap as JSON, and read back the same.
    assert kiosk.KioskTicket.from_dict(json.loads(json.dumps(ticket.to_dict()))) == ticket
    assert waits.told_for(ticket.id) == waits.Told(3, ticket.estimate_min)
    low, high = ticket.estimate_min or (0, 0)
    assert ticket_image.wait_line(ticket.estimate_min) == (
        f"Perkiraan tunggu / Estimated wait: {low}–{high} menit/min")
    # The lobby board tells the wait a ticket taken now would have: four ahead.
    line = next(q for q in board.load_board().queues if q.code == "wna")
    assert line.waiting == 4
    assert line.wait_min == waits.estimate(4, 2, [300.0] * waits.MIN_SAMPLES)


def test_no_range_without_history_or_with_the_counters_closed(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW)
    fresh = kiosk.take_ticket("A")
    assert (fresh.ahead, fresh.estimate_min) == (0, None)
    assert "belum ada" in ticket_image.wait_line(None)
    at = _serve("W", waits.MIN_SAMPLES, travel)
    travel(at)
    Counter.update(active=False).where(Counter.number.in_([1, 3])).execute()
    assert kiosk.take_ticket("W").estimate_min is None
    assert next(q for q in board.load_board().queues if q.code == "wna").wait_min is None


def test_ticket_issue_json_says_ahead_and_the_range(
        office: str, travel: Callable[[dt.datetime], None],
        capsys: pytest.CaptureFixture[str]) -> None:
    at = _serve("W", waits.MIN_SAMPLES, travel)
    travel(at)
    engine.issue_ticket("W")
    assert cli.main(["--db", office, "--json", "ticket", "issue", "W"]) == 0
    out = json.loads(capsys.readouterr().out)
    dbmod.connect(office)
    assert out["number"] == f"W{waits.MIN_SAMPLES + 2:03d}" and out["ahead"] == 1
    assert out["estimate_min"] == list(waits.estimate(1, 2, [300.0] * waits.MIN_SAMPLES) or ())
    assert cli.main(["--db", office, "--json", "ticket", "issue", "A"]) == 0
    fresh = json.loads(capsys.readouterr().out)
    assert (fresh["ahead"], fresh["estimate_min"]) == (0, None)
    assert cli.main(["--db", office, "--lang", "en", "ticket", "issue", "A"]) == 0
    assert "Ahead of you: 1 · Estimated wait: not known yet" in capsys.readouterr().out
    dbmod.connect(office)
