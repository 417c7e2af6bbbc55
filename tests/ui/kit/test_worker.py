"""DbWorker: work off the GUI thread in order; health signals; bugs logged, never raised."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from app.errors import DatabaseUnavailable, Refused
from ui.kit.worker import DbWorker


@pytest.fixture
def worker(qtbot: QtBot) -> DbWorker:
    w = DbWorker(slow_after_ms=200)
    yield w
    w.shutdown()


def test_operations_run_in_order_on_one_other_thread(qtbot: QtBot, worker: DbWorker) -> None:
    seen: list[tuple[int, int]] = []
    results: list[int] = []
    for i in range(20):
        worker.submit(lambda i=i: seen.append((i, threading.get_ident())) or i, results.append)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=3000)
    assert results == list(range(20))
    threads = {t for _, t in seen}
    assert len(threads) == 1 and threading.get_ident() not in threads


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_an_unreachable_database_and_its_return_are_signalled(
        qtbot: QtBot, worker: DbWorker, english: str,
        caplog: pytest.LogCaptureFixture) -> None:
    errors: list[Exception] = []
    with qtbot.waitSignal(worker.availability_changed, timeout=3000) as down:
        worker.submit(lambda: (_ for _ in ()).throw(
            DatabaseUnavailable("database_unreachable", reason="refused")), None, errors.append)
    # The window gets one sentence for a person; the log keeps the driver's words.
    assert down.args[0] is False and down.args[1].startswith("The database server cannot")
    assert "refused" not in down.args[1]
    assert any("refused" in record.getMessage() for record in caplog.records)
    assert not worker.available and isinstance(errors[0], DatabaseUnavailable)
    # A refusal is an answer from the database: it is back.
    with qtbot.waitSignal(worker.availability_changed, timeout=3000) as up:
        worker.submit(lambda: (_ for _ in ()).throw(Refused("nothing_waiting", counter=1)),
                      None, errors.append)
    assert up.args == [True, ""] and worker.available


def test_slow_work_is_reported_within_the_threshold_and_cleared(
        qtbot: QtBot, worker: DbWorker) -> None:
    states: list[bool] = []
    worker.slow_changed.connect(states.append)
    release = threading.Event()
    # The job ends only once the window has been told it is slow: reported while the
    # work still runs, not after it (the threshold itself is the worker's own timer).
    with qtbot.waitSignal(worker.slow_changed, timeout=10_000) as slow:
        worker.submit(lambda: release.wait(30))
    assert slow.args == [True]
    release.set()
    qtbot.waitUntil(lambda: states == [True, False], timeout=10_000)


def test_a_bug_is_logged_with_its_traceback_and_handed_to_the_window(
        qtbot: QtBot, worker: DbWorker, caplog: pytest.LogCaptureFixture) -> None:
    errors: list[Exception] = []
    with caplog.at_level(logging.ERROR, logger="loket.ui.worker"):
        worker.submit(lambda: 1 / 0, None, errors.append)
        qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], ZeroDivisionError)
    assert caplog.records and caplog.records[0].exc_info is not None
    assert worker.available  # a bug says nothing about the database


def test_results_after_shutdown_are_dropped(qtbot: QtBot) -> None:
    w = DbWorker()
    results: list[int] = []
    w.submit(lambda: time.sleep(0.1) or 1, results.append)
    w.shutdown()
    w.submit(lambda: 2, results.append)
    qtbot.wait(200)
    assert results == []


def test_every_operation_sees_the_same_thread_state(qtbot: QtBot, worker: DbWorker) -> None:
    """peewee keeps the connection in a thread-local: it must survive between operations
    (a fresh thread state per job would open — and leak — a connection each time)."""
    local = threading.local()
    seen: list[int] = []

    def count() -> int:
        local.n = getattr(local, "n", 0) + 1
        return int(local.n)

    for _ in range(5):
        worker.submit(count, seen.append)
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=3000)
    assert seen == [1, 2, 3, 4, 5]


def test_a_window_keeps_one_connection(qtbot: QtBot, office: str) -> None:
    from app.queue import desk
    from app.storage import db as dbmod

    w = DbWorker()
    try:
        connections: list[int] = []
        for _ in range(10):
            w.submit(lambda: (desk.counter_desk(1), id(dbmod.database.obj.connection()))[1],
                     connections.append)
        qtbot.waitUntil(lambda: len(connections) == 10, timeout=5000)
        assert len(set(connections)) == 1
    finally:
        w.shutdown()
