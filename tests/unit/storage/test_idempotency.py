"""A retried request (same client request id) returns its first result, never acts twice."""

from __future__ import annotations

import threading
import uuid

import pytest

from app.errors import Refused
from app.queue import engine
from app.storage import db as dbmod
from app.storage.models import Event, RequestLog, Ticket
from tests.helpers.threads import run_together


def test_repeated_issue_returns_first_ticket(office: str) -> None:
    rid = str(uuid.uuid4())
    first = engine.issue_ticket("A", request_id=rid)
    again = engine.issue_ticket("A", request_id=rid)
    assert again == first
    assert Ticket.select().count() == 1
    assert engine.issue_ticket("A").number == "A002"


def test_repeated_call_next_does_not_call_twice(office: str) -> None:
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    rid = str(uuid.uuid4())
    first = engine.call_next(1, request_id=rid)
    again = engine.call_next(1, request_id=rid)  # the reply was lost; the counter retries
    assert again.number == first.number == "A001"
    assert Ticket.get(Ticket.number == "A002").status == "waiting"
    assert Event.select().where(Event.kind == "called").count() == 1


def test_repeated_finish_after_success_returns_done(office: str) -> None:
    t = engine.issue_ticket("A")
    engine.call_next(1)
    rid = str(uuid.uuid4())
    assert engine.finish(t.number, 1, request_id=rid).status == "done"
    # Without the id the repeat would be refused as "already done".
    assert engine.finish(t.number, 1, request_id=rid).status == "done"
    with pytest.raises(Refused):
        engine.finish(t.number, 1)


def test_refused_request_is_not_remembered(office: str) -> None:
    rid = str(uuid.uuid4())
    with pytest.raises(Refused):
        engine.call_next(1, request_id=rid)
    assert RequestLog.select().count() == 0
    engine.issue_ticket("A")
    assert engine.call_next(1, request_id=rid).number == "A001"


def test_request_id_reused_for_another_action_is_refused(office: str) -> None:
    rid = str(uuid.uuid4())
    engine.issue_ticket("A", request_id=rid)
    with pytest.raises(Refused) as err:
        engine.call_next(1, request_id=rid)
    assert err.value.code == "request_reused"


def test_concurrent_retries_act_once(office: str) -> None:
    """Two threads send the same request at once (a retry racing the original)."""
    rid = str(uuid.uuid4())
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def attempt() -> None:
        try:
            with dbmod.database.obj.connection_context():
                barrier.wait()
                results.append(engine.issue_ticket("A", request_id=rid).number)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    run_together(*[attempt] * 4)
    assert errors == []
    assert results == ["A001"] * 4
    assert Ticket.select().count() == 1
