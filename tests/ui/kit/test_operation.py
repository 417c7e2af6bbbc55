"""Operation, Intents and Refresher on a real DbWorker and a real SQLite office."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.errors import DatabaseUnavailable, Refused
from app.queue import engine
from app.storage.models import Ticket
from app.storage.transactions import read
from ui.kit.operation import Intents, OpContext, Operation, Refresher, error_sentence
from ui.kit.worker import DbWorker

WAIT = 5000


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[DbWorker]:
    w = DbWorker()
    yield w
    w.shutdown()


class LostReplies:
    """The work goes through, then its reply is lost ``times`` times."""

    def __init__(self, times: int) -> None:
        self.times = times
        self.ids: list[str | None] = []

    def issue(self, ctx: OpContext) -> engine.TicketView:
        self.ids.append(ctx.request_id)
        ticket = engine.issue_ticket("A", ctx.request_id)
        if self.times:
            self.times -= 1
            raise DatabaseUnavailable("database_unreachable", reason="reply lost")
        return ticket


def _run(qtbot: QtBot, op: Operation[Any]) -> tuple[list[Any], list[Exception]]:
    results: list[Any] = []
    errors: list[Exception] = []
    op.success(results.append).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(results or errors), timeout=WAIT)
    return results, errors


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_the_same_intent_retried_after_a_lost_reply_reuses_its_id_and_acts_once(
        office: str, qtbot: QtBot, worker: DbWorker) -> None:
    intents = Intents()
    lost = LostReplies(1)
    _, errors = _run(qtbot, Operation(worker, lost.issue, intents=intents, key=("take", "A")))
    assert isinstance(errors[0], DatabaseUnavailable)
    assert intents.key == ("take", "A")  # the outcome is unknown: the id is kept
    results, _ = _run(qtbot, Operation(worker, lost.issue, intents=intents, key=("take", "A")))
    assert results[0].number == "A001" and lost.ids[0] == lost.ids[1]
    assert Ticket.select().count() == 1
    assert intents.key is None  # answered: used up


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_another_intent_or_moving_on_never_inherits_an_unanswered_id(
        office: str, qtbot: QtBot, worker: DbWorker) -> None:
    intents = Intents()
    lost = LostReplies(1)
    _run(qtbot, Operation(worker, lost.issue, intents=intents, key=("take", "A")))
    intents.drop()  # e.g. the kiosk went back to its start page
    results, _ = _run(qtbot, Operation(worker, lost.issue, intents=intents, key=("take", "A")))
    assert results[0].number == "A002" and lost.ids[0] != lost.ids[1]
    other = intents.request_id(("take", "A"))
    assert intents.request_id(("finish", 7)) != other and intents.key == ("finish", 7)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_refusal_is_a_definite_answer_and_ends_the_intent(
        office: str, qtbot: QtBot, worker: DbWorker) -> None:
    intents = Intents()

    def refuse(_ctx: OpContext) -> None:
        raise Refused("nothing_waiting", counter=1)

    _, errors = _run(qtbot, Operation(worker, refuse, intents=intents, key=("call_next",)))
    assert isinstance(errors[0], Refused) and intents.key is None


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_self_retrying_act_tries_again_with_the_same_id_then_gives_up_and_forgets(
        office: str, qtbot: QtBot, worker: DbWorker) -> None:
    intents = Intents()
    lost = LostReplies(2)
    results, _ = _run(qtbot, Operation(worker, lost.issue, intents=intents, key=("take", "A"),
                                       retry_for_ms=3000, retry_every_ms=20))
    assert results[0].number == "A001" and len(set(lost.ids)) == 1 and len(lost.ids) == 3
    assert Ticket.select().count() == 1

    never = LostReplies(10_000)
    _, errors = _run(qtbot, Operation(worker, never.issue, intents=intents, key=("take", "A"),
                                      retry_for_ms=200, retry_every_ms=20))
    assert isinstance(errors[0], DatabaseUnavailable)
    assert len(never.ids) >= 2 and intents.key is None  # the next tap is a new request


@pytest.mark.parametrize("backend", ["sqlite"])
def test_progress_reaches_the_gui_thread_and_work_runs_off_it(
        office: str, qtbot: QtBot, worker: DbWorker) -> None:
    seen: list[tuple[int, int, str, bool]] = []
    threads: list[int] = []

    def long_work(ctx: OpContext) -> int:
        threads.append(threading.get_ident())
        for i in range(3):
            ctx.report(i + 1, 3, f"step {i + 1}")
        return engine.issue_ticket("A").id

    def shown(done: int, total: int, text: str) -> None:
        seen.append((done, total, text, threading.current_thread() is threading.main_thread()))

    results, _ = _run(qtbot, Operation(worker, long_work).progress(shown))
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=WAIT)
    assert [s[0] for s in seen] == [1, 2, 3] and all(s[3] for s in seen)
    assert threads[0] != threading.get_ident() and results


def test_the_default_sentences(qapp: Any, english: str) -> None:
    outage = DatabaseUnavailable("database_unreachable", reason="x")
    assert error_sentence(outage).startswith("Not confirmed: the database could not be")
    assert "Not confirmed" not in error_sentence(outage, act=False)
    refusal = Refused("nothing_waiting", counter=1)
    assert error_sentence(refusal) == refusal.message()
    assert error_sentence(ZeroDivisionError("bug")).startswith(
        "Something went wrong inside Loket; nothing was changed")


def test_a_bug_in_an_operation_is_logged_with_its_traceback(
        qtbot: QtBot, worker: DbWorker, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    _, errors = _run(qtbot, Operation(worker, lambda _ctx: 1 // 0))
    assert isinstance(errors[0], ZeroDivisionError)
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_refresher_reads_one_at_a_time_and_once_more_if_asked_meanwhile(
        office: str, qtbot: QtBot, worker: DbWorker) -> None:
    gate = threading.Event()
    reads: list[int] = []
    shown: list[int] = []

    def prepare() -> Any:
        def count() -> int:
            gate.wait(5)
            reads.append(read(Ticket.select().count))
            return reads[-1]
        return count

    refresher = Refresher(worker, prepare, shown.append)
    refresher.request()
    for _ in range(5):
        refresher.request()  # all folded into one more read
    engine.issue_ticket("A")
    gate.set()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=WAIT)
    qtbot.wait(50)
    assert len(reads) == 2 and shown[-1] == 1

    refresher.hold()  # an act is under way: reads wait for it
    refresher.request()
    qtbot.wait(50)
    assert len(reads) == 2
    refresher.release()
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=WAIT)
