"""Every rule and transition of the ticket engine, on each backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app import feed
from app.errors import NotFound, Refused
from app.queue import engine
from app.queue.status import office_status
from app.storage.models import Counter, CounterQueue, Queue, Ticket


def test_numbers_per_queue_are_separate_and_padded(office: str) -> None:
    numbers = [engine.issue_ticket(q).number for q in ("A", "A", "B", "paspor", "b", "P")]
    assert numbers == ["A001", "A002", "B001", "A003", "B002", "P001"]


def test_number_beyond_999_grows() -> None:
    assert engine.display_number("A", 7) == "A007"
    assert engine.display_number("B", 1000) == "B1000"


def test_unknown_and_closed_queue_are_refused(office: str) -> None:
    with pytest.raises(NotFound) as err:
        engine.issue_ticket("Z")
    assert "Z" in err.value.message("id") and "tidak dikenal" in err.value.message("id")
    Queue.update(active=False).where(Queue.prefix == "W").execute()
    with pytest.raises(Refused, match="closed"):
        engine.issue_ticket("W")
    assert Ticket.select().count() == 0


def test_quota_refuses_and_leaves_no_gap(office: str) -> None:
    Queue.update(daily_quota=2).where(Queue.prefix == "A").execute()
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    with pytest.raises(Refused) as err:
        engine.issue_ticket("A")
    assert err.value.code == "quota_full"
    assert "Kuota antrian A" in err.value.message("id")
    # Raising the quota continues the numbering without a hole.
    Queue.update(daily_quota=3).where(Queue.prefix == "A").execute()
    assert engine.issue_ticket("A").number == "A003"


def test_call_next_priority_then_counter_order_then_oldest(office: str) -> None:
    a1 = engine.issue_ticket("A")
    engine.issue_ticket("A")
    p1 = engine.issue_ticket("P")
    # Counter 4 serves priority first, then applications.
    assert engine.call_next(4).number == p1.number
    engine.finish(p1.number, 4)
    assert engine.call_next(4).number == a1.number


def test_pickup_counter_serves_backlog_first(office: str) -> None:
    c1 = engine.issue_ticket("C")
    b1 = engine.issue_ticket("B")
    assert engine.call_next(5).number == b1.number  # 5: backlog, then regular
    assert engine.call_next(6).number == c1.number  # 6: regular, then backlog


def test_call_next_empty_queue_is_refused(office: str) -> None:
    engine.issue_ticket("B")  # not served by counter 2
    with pytest.raises(Refused) as err:
        engine.call_next(2)
    assert err.value.code == "nothing_waiting"


def test_counter_holding_a_ticket_cannot_call_another(office: str) -> None:
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    engine.call_next(1)
    with pytest.raises(Refused) as err:
        engine.call_next(1)
    assert err.value.code == "counter_busy"
    assert "A001" in err.value.message("en")


def test_full_life_of_a_ticket(office: str) -> None:
    t = engine.issue_ticket("A")
    called = engine.call_next(2, officer=None)
    assert called.status == "called" and called.counter == 2 and called.called_at
    recalled = engine.recall(t.number, 2)
    assert recalled.recall_count == 1 and recalled.status == "called"
    assert engine.recall(t.number, 2).recall_count == 2
    serving = engine.start_serving(t.number, 2)
    assert serving.status == "serving" and serving.started_at
    done = engine.finish(t.number, 2)
    assert done.status == "done" and done.finished_at
    for action in (engine.recall, engine.start_serving, engine.finish, engine.no_show):
        with pytest.raises(Refused) as err:
            action(t.number, 2)
        assert err.value.code == "ticket_bad_state"
    with pytest.raises(Refused) as err:
        engine.call_ticket(t.number, 2)
    assert "selesai" in err.value.message("id") and "done" in err.value.message("en")


def test_finish_straight_from_called_counts_call_as_start(office: str) -> None:
    t = engine.issue_ticket("A")
    engine.call_next(1)
    done = engine.finish(t.number, 1)
    assert done.started_at == done.called_at


def test_only_the_holding_counter_may_act(office: str) -> None:
    t = engine.issue_ticket("A")
    engine.call_next(1)
    for action in (engine.recall, engine.start_serving, engine.finish, engine.no_show):
        with pytest.raises(Refused) as err:
            action(t.number, 2)
        assert err.value.code == "ticket_held_elsewhere"
        assert "loket 1" in err.value.message("id")
    with pytest.raises(Refused):
        engine.cancel(t.number, 2)
    assert engine.get_ticket(t.number).status == "called"


def test_no_show_only_from_called(office: str) -> None:
    t = engine.issue_ticket("A")
    engine.call_next(1)
    engine.start_serving(t.number, 1)
    with pytest.raises(Refused):
        engine.no_show(t.number, 1)
    t2 = engine.issue_ticket("A")
    engine.call_next(2)
    assert engine.no_show(t2.number, 2).status == "no_show"
    with pytest.raises(Refused):
        engine.call_ticket(t2.number, 2)


def test_call_specific_ticket_out_of_order(office: str) -> None:
    engine.issue_ticket("A")
    a2 = engine.issue_ticket("A")
    assert engine.call_ticket("a002", 1).number == a2.number
    engine.finish(a2.number, 1)
    b = engine.issue_ticket("B")
    with pytest.raises(Refused) as err:
        engine.call_ticket(b.number, 1)
    assert err.value.code == "ticket_not_served_here"
    with pytest.raises(NotFound):
        engine.call_ticket("A999", 1)


def test_unknown_or_closed_counter(office: str) -> None:
    engine.issue_ticket("A")
    with pytest.raises(NotFound):
        engine.call_next(42)
    Counter.update(active=False).where(Counter.number == 3).execute()
    with pytest.raises(Refused) as err:
        engine.call_next(3)
    assert err.value.code == "counter_inactive"


def test_cancel_waiting_from_anywhere_and_audited(office: str) -> None:
    import json

    from app.storage.models import AuditEntry, AuditNote

    t = engine.issue_ticket("A")
    assert engine.cancel(t.number, reason="left the hall").status == "cancelled"
    entry = AuditEntry.get(AuditEntry.action == "ticket_cancelled")
    # The free-text reason is a purgeable note the entry points to, not in the log itself.
    assert entry.subject == t.number and "left the hall" not in entry.details
    assert AuditNote.get_by_id(json.loads(entry.details)["reason_note"]).text == "left the hall"
    with pytest.raises(Refused):
        engine.cancel(t.number)
    with pytest.raises(Refused):
        engine.call_next(1)


def test_transfer_to_queue_keeps_number_and_place(office: str, travel: Callable[[dt.datetime],
                                                                                None]) -> None:
    t0 = dt.datetime(2026, 3, 2, 2, 0)  # 09:00 in Jakarta
    travel(t0)
    a1 = engine.issue_ticket("A")
    travel(t0 + dt.timedelta(minutes=5))
    w1 = engine.issue_ticket("W")
    travel(t0 + dt.timedelta(minutes=10))
    engine.call_next(2)
    moved = engine.transfer(a1.number, 2, to_queue="W")
    assert moved.number == a1.number and moved.service_queue == "wna"
    assert moved.status == "waiting" and moved.counter is None and moved.transfer_count == 1
    assert moved.issued_at == a1.issued_at
    # Counter 1 serves A and W; the transferred A001 was issued before W001.
    assert engine.call_next(1).number == a1.number
    engine.finish(a1.number, 1)
    assert engine.call_next(1).number == w1.number


def test_transfer_to_counter_only_that_counter_calls_it(office: str) -> None:
    a1 = engine.issue_ticket("A")
    engine.issue_ticket("A")
    engine.call_next(1)
    engine.transfer(a1.number, 1, to_counter=5)  # pickup counter, does not serve A
    assert engine.call_next(2).number == "A002"
    engine.issue_ticket("B")
    assert engine.call_next(5).number == a1.number  # sent to counter 5: first there
    with pytest.raises(Refused):
        engine.transfer(a1.number, 5)  # no target given


def test_transfer_refusals(office: str) -> None:
    a1 = engine.issue_ticket("A")
    with pytest.raises(Refused) as err:
        engine.transfer(a1.number, to_queue="A")
    assert err.value.code == "transfer_same_place"
    with pytest.raises(NotFound):
        engine.transfer(a1.number, to_queue="nope")
    engine.call_next(1)
    with pytest.raises(Refused):
        engine.transfer(a1.number, 2, to_queue="W")  # held by counter 1
    engine.finish(a1.number, 1)
    with pytest.raises(Refused):
        engine.transfer(a1.number, 1, to_queue="W")


def test_service_day_is_office_local_date(office: str,
                                          travel: Callable[[dt.datetime], None]) -> None:
    # 23:30 UTC on 1 March is 06:30 on 2 March in Jakarta.
    travel(dt.datetime(2026, 3, 1, 23, 30))
    t = engine.issue_ticket("A")
    assert t.service_day == "2026-03-02"
    # 17:30 Jakarta (10:30 UTC) is still the same day: no rollover after 5 pm.
    travel(dt.datetime(2026, 3, 2, 10, 30))
    assert engine.issue_ticket("A").number == "A002"
    # 00:10 the next local day (17:10 UTC): numbering restarts.
    travel(dt.datetime(2026, 3, 2, 17, 10))
    nxt = engine.issue_ticket("A")
    assert nxt.number == "A001" and nxt.service_day == "2026-03-03"


def test_new_day_expires_yesterdays_open_tickets(office: str,
                                                 travel: Callable[[dt.datetime], None]) -> None:
    travel(dt.datetime(2026, 3, 2, 3, 0))
    waiting = engine.issue_ticket("A")
    called = engine.issue_ticket("A")
    done = engine.issue_ticket("A")
    engine.call_ticket(called.number, 1)
    engine.call_ticket(done.number, 2)
    engine.finish(done.number, 2)
    travel(dt.datetime(2026, 3, 3, 3, 0))
    # Yesterday's tickets are neither callable nor holding counter 1.
    with pytest.raises(Refused):
        engine.call_next(1)
    engine.issue_ticket("B")  # first ticket of the day closes yesterday
    statuses = {t.id: t.status for t in Ticket.select()}
    assert statuses[waiting.id] == "expired"
    assert statuses[called.id] == "expired"
    assert statuses[done.id] == "done"
    assert engine.close_previous_days() == 0


def test_status_counts_waiting_and_holding(office: str,
                                           travel: Callable[[dt.datetime], None]) -> None:
    t0 = dt.datetime(2026, 3, 2, 2, 0)
    travel(t0)
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    engine.issue_ticket("B")
    travel(t0 + dt.timedelta(minutes=7))
    engine.call_next(1)
    status = office_status()
    by_prefix = {q.prefix: q for q in status.queues}
    assert by_prefix["A"].waiting == 1 and by_prefix["A"].issued_today == 2
    assert by_prefix["B"].longest_wait_s == 7 * 60
    assert by_prefix["P"].waiting == 0 and by_prefix["P"].longest_wait_s is None
    counters = {c.number: c for c in status.counters}
    assert counters[1].ticket is not None and counters[1].ticket.number == "A001"
    assert counters[2].ticket is None
    assert counters[5].queues == ["backlog", "ambil"]


def test_every_change_is_in_the_feed_in_order(office: str) -> None:
    start = feed.last_event_id()
    t = engine.issue_ticket("A")
    engine.call_next(3)
    engine.recall(t.number, 3)
    engine.start_serving(t.number, 3)
    engine.finish(t.number, 3)
    events = feed.changes_since(start)
    assert [e.kind for e in events] == ["issued", "called", "recalled", "serving", "finished"]
    assert all(e.number == "A001" for e in events)
    assert events[1].counter == 3
    assert feed.changes_since(events[-1].id) == []


def test_refused_action_writes_no_event(office: str) -> None:
    start = feed.last_event_id()
    with pytest.raises(Refused):
        engine.call_next(1)
    assert feed.changes_since(start) == []


def test_queue_removed_from_counter_is_not_called_there(office: str) -> None:
    engine.issue_ticket("W")
    counter = Counter.get(Counter.number == 1)
    CounterQueue.delete().where(CounterQueue.counter == counter).execute()
    with pytest.raises(Refused):
        engine.call_next(1)
    assert engine.call_next(3).number == "W001"
