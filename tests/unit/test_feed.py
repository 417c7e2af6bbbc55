"""The change feed cursor: every event once, even when commits land out of id order."""

from __future__ import annotations

import datetime as dt

from app import clock, feed
from app.feed import FeedCursor
from app.queue import engine
from app.storage.models import Event


def _event(event_id: int) -> None:
    Event.insert(id=event_id, created_at=clock.utcnow(), kind="issued").execute()


def test_cursor_reads_each_event_once(office: str) -> None:
    cursor = FeedCursor()
    assert cursor.poll() == []
    engine.issue_ticket("A")
    engine.issue_ticket("B")
    assert [e.number for e in cursor.poll()] == ["A001", "B001"]
    assert cursor.poll() == []


def test_cursor_picks_up_an_event_committed_late(office: str) -> None:
    base = feed.last_event_id()
    now = [0.0]
    cursor = FeedCursor(base, monotonic=lambda: now[0])
    _event(base + 1)
    _event(base + 3)  # base + 2 is still in flight in another transaction
    assert [e.id for e in cursor.poll()] == [base + 1, base + 3]
    assert cursor.gaps == {base + 2}
    _event(base + 2)
    now[0] = 1.0
    assert [e.id for e in cursor.poll()] == [base + 2]
    assert cursor.gaps == set()
    assert cursor.poll() == []


def test_gap_of_a_rolled_back_insert_ages_out(office: str) -> None:
    base = feed.last_event_id()
    now = [0.0]
    cursor = FeedCursor(base, grace=5.0, monotonic=lambda: now[0])
    _event(base + 2)
    cursor.poll()
    assert cursor.gaps == {base + 1}
    now[0] = 6.0
    assert cursor.poll() == []
    assert cursor.gaps == set()


def test_feed_is_pruned_by_the_first_ticket_of_a_day(
        office: str, travel) -> None:  # type: ignore[no-untyped-def]
    travel(dt.datetime(2026, 3, 2, 2, 0))
    engine.issue_ticket("A")
    travel(dt.datetime(2026, 3, 3, 3, 0))
    engine.issue_ticket("A")
    left = feed.changes_since(0)
    # Yesterday's issue is gone; today's expiry of yesterday's ticket and the issue stay.
    assert [(e.kind, e.number) for e in left] == [("expired", None), ("issued", "A001")]
    assert all(e.at.startswith("2026-03-03") for e in left)


def test_explicit_prune(office: str, travel) -> None:  # type: ignore[no-untyped-def]
    travel(dt.datetime(2026, 3, 2, 2, 0))
    engine.issue_ticket("A", request_id="r-1")
    travel(dt.datetime(2026, 3, 3, 3, 0))
    assert feed.prune() == 2  # one event, one remembered request
    assert feed.changes_since(0) == []
