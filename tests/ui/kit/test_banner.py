"""DatabaseBanner: shown while the worker finds the database away or slow, hidden after."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.errors import DatabaseUnavailable
from app.storage.models import Ticket
from app.storage.transactions import read
from ui.kit.banner import DatabaseBanner
from ui.kit.worker import DbWorker

WAIT = 5000


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[DbWorker]:
    w = DbWorker(slow_after_ms=200)
    yield w
    w.shutdown()


def _fail(reason: str) -> None:
    raise DatabaseUnavailable("database_unreachable", reason=reason)


@pytest.mark.expect_log("loket.ui", "WARNING")  # the outage, on purpose
@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_the_banner_follows_the_database_away_and_back(
        office: str, qtbot: QtBot, worker: DbWorker, english: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = DatabaseBanner(worker, parent)
    public = DatabaseBanner(worker, parent, show_reason=False)
    parent.show()
    assert banner.text_shown == "" and banner.isHidden()

    worker.submit(lambda: _fail("connection refused"))
    qtbot.waitUntil(lambda: banner.text_shown != "", timeout=WAIT)
    assert banner.text_shown.startswith("No connection to the database.")
    # Staff read what to do; the driver's words stay in the log, on no screen.
    assert "Check the network" in banner.text_shown
    assert "connection refused" not in banner.text_shown
    assert "Check the network" not in public.text_shown
    assert public.text_shown.startswith("No connection to the database.")

    worker.submit(lambda: read(Ticket.select().count))  # a real read: the database is back
    qtbot.waitUntil(lambda: banner.text_shown == "", timeout=WAIT)
    assert public.isHidden()


def test_the_banner_says_a_slow_database_is_not_answering(
        qtbot: QtBot, worker: DbWorker, english: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = DatabaseBanner(worker, parent)
    parent.show()
    worker.submit(lambda: time.sleep(0.6))
    qtbot.waitUntil(lambda: banner.text_shown != "", timeout=WAIT)
    assert banner.text_shown == "The database is not answering. Waiting for it…"
    qtbot.waitUntil(lambda: banner.text_shown == "", timeout=WAIT)


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_banner_deleted_before_its_worker_is_forgotten_by_it(
        qtbot: QtBot, worker: DbWorker) -> None:
    banner = DatabaseBanner(worker)
    banner.deleteLater()
    qtbot.wait(20)
    worker.submit(lambda: _fail("gone"))
    qtbot.waitUntil(lambda: not worker.available, timeout=WAIT)
