"""StatusWindow: shows the office status, fetched off the GUI thread; survives outages."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from app.errors import DatabaseUnavailable
from app.queue import engine
from app.queue.engine import TicketView
from app.queue.status import CounterStatus, OfficeStatus, QueueStatus
from ui.kit.application import create_application
from ui.monitor.window import StatusWindow, fetch_office_status

LONG = 60_000  # ms: no timer refresh during a test unless it asks for one


def _ticket(number: str, counter: int) -> TicketView:
    return TicketView(
        id=1, number=number, queue="paspor", service_queue="paspor", status="serving",
        service_day="2025-03-03", issued_at="2025-03-03T01:00:00+00:00",
        called_at="2025-03-03T01:10:00+00:00", started_at="2025-03-03T01:11:00+00:00",
        finished_at=None, counter=counter, target_counter=None, officer="budi",
        recall_count=0, transfer_count=0)


def _status(waiting_a: int = 4) -> OfficeStatus:
    return OfficeStatus(
        service_day="2025-03-03",
        queues=[
            QueueStatus(code="paspor", prefix="A", name_id="Paspor baru", name_en="New passport",
                        kind="service", active=True, waiting=waiting_a, issued_today=17,
                        longest_wait_s=754),
            QueueStatus(code="ambil", prefix="B", name_id="Pengambilan paspor",
                        name_en="Passport pickup", kind="pickup", active=True, waiting=0,
                        issued_today=3, longest_wait_s=None),
        ],
        counters=[
            CounterStatus(number=1, name="Loket 1", active=True, queues=["paspor"],
                          ticket=_ticket("A013", 1)),
            CounterStatus(number=2, name="Loket 2", active=True, queues=["paspor", "ambil"],
                          ticket=None),
        ])


class FakeFetch:
    """Input data for the window: returns ``result``, or raises it if it is an exception."""

    def __init__(self, result: OfficeStatus | Exception) -> None:
        self.result = result
        self.calls = 0
        self.threads: set[int] = set()

    def __call__(self) -> OfficeStatus:
        self.calls += 1
        self.threads.add(threading.get_ident())
        if isinstance(self.result, Exception):
            raise self.result
        return self.result


def _open(qtbot: QtBot, fetch: FakeFetch, interval_ms: int = LONG) -> StatusWindow:
    window = StatusWindow(fetch, interval_ms=interval_ms)
    qtbot.addWidget(window)
    window.show()
    return window


def _refresh(qtbot: QtBot, window: StatusWindow) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=3000):
        window.refresh()


def _column(window: StatusWindow, table: str, col: int) -> list[str]:
    widget = window.findChild(QTableWidget, table)
    assert widget is not None
    items = [widget.item(row, col) for row in range(widget.rowCount())]
    return [item.text() if item is not None else "" for item in items]


def test_shows_queues_and_counters_fetched_off_the_gui_thread(qtbot: QtBot) -> None:
    fetch = FakeFetch(_status())
    window = _open(qtbot, fetch)
    qtbot.waitUntil(lambda: _column(window, "queues", 1) == ["4", "0"], timeout=3000)

    assert _column(window, "queues", 0) == ["A · Paspor baru", "B · Pengambilan paspor"]
    assert _column(window, "queues", 2) == ["17", "3"]
    assert _column(window, "queues", 3) == ["12 mnt 34 dtk", "–"]  # Indonesian by default
    assert _column(window, "counters", 0) == ["1 · Loket 1", "2 · Loket 2"]
    assert _column(window, "counters", 1) == ["paspor", "paspor, ambil"]
    assert _column(window, "counters", 2) == ["A013", "–"]
    assert _column(window, "counters", 3) == ["sedang dilayani", "free"]
    assert window.banner == "" and window.message == ""
    assert threading.get_ident() not in fetch.threads


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_database_outage_shows_banner_and_keeps_rows_until_it_recovers(
        qtbot: QtBot) -> None:
    fetch = FakeFetch(_status(waiting_a=4))
    window = _open(qtbot, fetch)
    qtbot.waitUntil(lambda: _column(window, "queues", 1) == ["4", "0"], timeout=3000)

    outage = DatabaseUnavailable("database_unreachable", reason="x")
    fetch.result = outage
    _refresh(qtbot, window)
    assert window.banner.startswith("No connection to the database.")
    assert outage.message() in window.banner  # the supervisor's PC: with its reason
    assert window.message == ""
    assert _column(window, "queues", 1) == ["4", "0"]  # the last good data stays
    assert _column(window, "counters", 2) == ["A013", "–"]

    fetch.result = _status(waiting_a=9)
    _refresh(qtbot, window)
    assert window.banner == ""
    assert _column(window, "queues", 1) == ["9", "0"]


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_unexpected_error_shows_a_generic_message_and_is_logged(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    fetch = FakeFetch(_status())
    window = _open(qtbot, fetch)
    qtbot.waitUntil(lambda: _column(window, "queues", 1) == ["4", "0"], timeout=3000)

    fetch.result = ZeroDivisionError("bug")
    _refresh(qtbot, window)
    # A bug is no outage: the banner stays down, the message line says it calmly.
    assert window.banner == ""
    assert window.message.startswith("Something went wrong inside Loket")
    assert "bug" not in window.message
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    assert _column(window, "queues", 1) == ["4", "0"]

    fetch.result = _status(waiting_a=5)
    _refresh(qtbot, window)
    assert window.message == ""


def test_timer_refreshes_without_being_asked(qtbot: QtBot) -> None:
    fetch = FakeFetch(_status())
    window = _open(qtbot, fetch, interval_ms=20)
    qtbot.waitUntil(lambda: fetch.calls >= 3, timeout=3000)
    window.close()
    qtbot.wait(50)  # let a fetch that was already running finish
    calls = fetch.calls
    qtbot.wait(100)
    assert fetch.calls == calls  # a closed window stops polling


def test_create_application_names_the_app_and_loads_the_icon(qapp: QApplication) -> None:
    app = create_application(["loket"])
    assert app is qapp
    assert app.applicationName() == "Loket"
    assert app.organizationName() == "Loket"
    icon = app.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(32, 32).toImage().pixelColor(16, 8).alpha() > 0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_real_engine_status_over_the_worker_threads_own_connection(
        office: str, qtbot: QtBot) -> None:
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    engine.call_next(1)
    window = StatusWindow(fetch_office_status, interval_ms=LONG)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(_column(window, "counters", 2)), timeout=5000)

    queues = dict(zip(_column(window, "queues", 0), _column(window, "queues", 1), strict=True))
    assert [count for name, count in queues.items() if name.startswith("A ·")] == ["1"]
    assert _column(window, "counters", 2)[0] == "A001"
    assert window.banner == ""
