"""A late applicant: a no-show ticket put back in line within the grace period."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from app.errors import NotFound, Refused
from app.office import settings
from app.queue import engine, late
from app.storage.models import AuditEntry, Event
from tests.helpers.people import setup_admin

T0 = dt.datetime(2026, 3, 2, 2, 0)  # 09:00 in Jakarta


def _no_show_at(travel: Callable[[dt.datetime], None], at: dt.datetime,
                counter: int = 2) -> engine.TicketView:
    travel(at)
    called = engine.call_next(counter)
    return engine.no_show(called.number, counter)


def test_a_late_applicant_keeps_the_number_behind_those_waiting(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(T0)
    a1 = engine.issue_ticket("A")
    travel(T0 + dt.timedelta(minutes=1))
    a2 = engine.issue_ticket("A")
    _no_show_at(travel, T0 + dt.timedelta(minutes=5))
    travel(T0 + dt.timedelta(minutes=6))
    a3 = engine.issue_ticket("A")
    travel(T0 + dt.timedelta(minutes=20))
    back = late.requeue(a1.number, 1, request_id="rq-1")
    assert back.number == a1.number and back.status == "waiting"
    assert back.counter is None and back.called_at is None and back.finished_at is None
    assert back.queue == a1.queue and back.service_queue == a1.service_queue
    # It jumps nobody who waited while it was away: A002 and A003 first, then A001.
    assert [engine.call_next(c).number for c in (1, 2)] == [a2.number, a3.number]
    engine.finish(a2.number, 1)
    assert engine.call_next(1).number == a1.number

    entry = AuditEntry.get(AuditEntry.action == "ticket_requeued")
    details = json.loads(entry.details)
    assert entry.subject == a1.number and entry.counter == 1
    assert details["first_issued_at"] == a1.issued_at
    assert details["no_show_counter"] == 2
    assert Event.select().where(Event.kind == "requeued").count() == 1


def test_requeue_is_done_once_per_request_id(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(T0)
    a1 = engine.issue_ticket("A")
    _no_show_at(travel, T0 + dt.timedelta(minutes=1))
    first = late.requeue(a1.number, 2, request_id="rq-once")
    again = late.requeue(a1.number, 2, request_id="rq-once")
    assert first == again
    assert AuditEntry.select().where(AuditEntry.action == "ticket_requeued").count() == 1
    # A new request for the same ticket is a new act, refused: it waits already.
    with pytest.raises(Refused) as err:
        late.requeue(a1.number, 2, request_id="rq-twice")
    assert err.value.code == "requeue_not_no_show"


def test_after_the_grace_period_it_is_refused_with_the_reason(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(T0)
    a1 = engine.issue_ticket("A")
    _no_show_at(travel, T0 + dt.timedelta(minutes=1))
    travel(T0 + dt.timedelta(minutes=31, seconds=1))  # default grace: 30 minutes
    with pytest.raises(Refused) as err:
        late.requeue(a1.number, 2)
    assert err.value.code == "requeue_too_late"
    assert err.value.message("id") == (
        "Nomor A001 ditandai tidak hadir pukul 09:01; batas 30 menit untuk kembali ke "
        "antrian sudah lewat. Silakan ambil nomor baru.")
    assert "the 30 minutes to put it back in line are over" in err.value.message("en")
    assert engine.get_ticket(a1.number).status == "no_show"
    assert not AuditEntry.select().where(AuditEntry.action == "ticket_requeued").exists()
    # Just inside the period it is still taken back.
    travel(T0 + dt.timedelta(minutes=31))
    assert late.requeue(a1.number, 2).status == "waiting"


def test_the_office_sets_the_grace_period_or_turns_it_off(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(T0)
    a1 = engine.issue_ticket("A")
    _no_show_at(travel, T0)
    settings.update_settings(setup_admin(), requeue_grace_min="5")
    travel(T0 + dt.timedelta(minutes=6))
    with pytest.raises(Refused) as err:
        late.requeue(a1.number)
    assert "5 menit" in err.value.message("id")
    settings.update_settings(setup_admin(), requeue_grace_min=0)
    travel(T0 + dt.timedelta(minutes=1))
    with pytest.raises(Refused) as err:
        late.requeue(a1.number)
    assert err.value.code == "requeue_off" and "requeue_grace_min" in err.value.message("en")


@pytest.mark.parametrize("status", ["waiting", "called", "serving", "done", "cancelled"])
def test_only_a_no_show_goes_back_in_line(office: str, status: str) -> None:
    t = engine.issue_ticket("A")
    if status != "waiting":
        engine.call_next(1)
    if status == "serving":
        engine.start_serving(t.number, 1)
    elif status == "done":
        engine.finish(t.number, 1)
    elif status == "cancelled":
        engine.cancel(t.number, 1)
    with pytest.raises(Refused) as err:
        late.requeue(t.number, 1)
    assert err.value.code == "requeue_not_no_show"
    assert "hanya nomor yang ditandai tidak hadir" in err.value.message("id")
    assert "only a ticket marked as no-show" in err.value.message("en")
    assert engine.get_ticket(t.number).status == status


def test_unknown_ticket_is_not_found(office: str) -> None:
    with pytest.raises(NotFound):
        late.requeue("A123")


def test_after_the_allowed_recalls_the_next_recall_marks_no_show(office: str) -> None:
    settings.update_settings(setup_admin(), auto_no_show_after_recalls=2)
    t = engine.issue_ticket("A")
    engine.call_next(1)
    assert engine.recall(t.number, 1).recall_count == 1
    assert engine.recall(t.number, 1).recall_count == 2
    marked = engine.recall(t.number, 1, request_id="third")
    assert (marked.status, marked.recall_count) == ("no_show", 2)
    assert engine.recall(t.number, 1, request_id="third") == marked  # once
    kinds = [e.kind for e in Event.select().where(Event.ticket == t.id).order_by(Event.id)]
    assert kinds[-3:] == ["recalled", "recalled", "no_show"]
    # The late applicant may still go back in line.
    assert late.requeue(t.number, 1).status == "waiting"


def test_recalls_are_unlimited_when_the_setting_is_off(office: str) -> None:
    t = engine.issue_ticket("A")
    engine.call_next(1)
    for n in range(1, 6):
        assert engine.recall(t.number, 1).recall_count == n
    assert engine.get_ticket(t.number).status == "called"
