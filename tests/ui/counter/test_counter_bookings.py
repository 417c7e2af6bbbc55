"""The counter shows a booked applicant's slot next to the ticket it calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.office import officers
from app.queue import bookings, engine
from app.setup.pc_settings import PcSettings
from tests.helpers import NOW, WAIT
from ui.counter.window import CounterWindow


@pytest.fixture
def window(office: str, travel: Callable[[dt.datetime], None], english: str, qtbot: QtBot,
           pc: PcSettings) -> Iterator[CounterWindow]:
    travel(NOW)  # 10:00 in Jakarta
    sup = officers.add_officer("kepala", "super123!", role="supervisor").id
    bookings.import_bookings(b"kode_booking;nama;layanan;tanggal;jam\n"
                             b"MP-0001;Budi Santoso;A;01/07/2024;10:15\n", officer=sup)
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    shown = CounterWindow(pc, poll_ms=100)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitUntil(lambda: shown.login._counter.count() > 0, timeout=WAIT)
    page = shown.login
    page._username.setText("petugas1")
    page._password.setText("petugas123")
    page._counter.setCurrentIndex(page._counter.findData(2))
    with qtbot.waitSignal(shown.signed_in, timeout=WAIT):
        qtbot.mouseClick(page._sign_in, Qt.MouseButton.LeftButton)
    yield shown
    shown.close()


def _call_next(qtbot: QtBot, window: CounterWindow) -> None:
    call = window.findChild(QPushButton, "call_next")
    assert call is not None
    qtbot.waitUntil(call.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(window.desk_shown, timeout=WAIT):
        qtbot.mouseClick(call, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=WAIT)


def test_a_booked_ticket_shows_its_slot_and_a_walk_in_does_not(
        qtbot: QtBot, window: CounterWindow) -> None:
    engine.issue_ticket("A")  # 10:00, before the 10:15 slot: called first
    bookings.check_in("MP-0001")
    _call_next(qtbot, window)
    desk = window.view.desk
    assert desk is not None and desk.ticket is not None
    assert (desk.ticket.number, desk.booked_slot) == ("A001", None)
    assert "Booking" not in window.view._queue_name.text()
    engine.finish("A001", 2)
    qtbot.waitUntil(lambda: window.view.desk is not None and window.view.desk.ticket is None,
                    timeout=WAIT)
    _call_next(qtbot, window)
    assert window.view._queue_name.text() == "Passport application  ·  Booking 10:15"
