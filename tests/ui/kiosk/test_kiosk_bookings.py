"""The kiosk checks an M-Paspor booking in: typed on the booking page or scanned on any
page, once; too early or too late, the applicant is told what to do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.office import officers
from app.queue import bookings
from app.setup.pc_settings import PcSettings
from app.storage.models import Ticket
from tests.helpers import WAIT, jakarta
from tests.ui.kiosk.conftest import shown_kiosk
from ui.kiosk.window import KioskWindow

Travel = Callable[[dt.datetime], None]


@pytest.fixture
def kiosk_window(office: str, qtbot: QtBot, pc: PcSettings, english: str, tmp_path: Path,
                 travel: Travel) -> KioskWindow:
    travel(jakarta(9, 10))
    sup = officers.add_officer("kepala", "super123!", role="supervisor").id
    bookings.import_bookings(b"kode_booking;nama;layanan;tanggal;jam\n"
                             b"MP-0001;Budi Santoso;A;01/07/2024;09:30\n"
                             b"MP-0002;Siti Aminah;A;01/07/2024;13:00\n", officer=sup)
    printed = tmp_path / "printed"
    printed.mkdir()
    return shown_kiosk(qtbot, pc, printed)


def _button(window: KioskWindow, name: str) -> QPushButton:
    button = window.findChild(QPushButton, name)
    assert button is not None
    return button


def _text(window: KioskWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None
    return label.text()


def _tap(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_booking_code_typed_on_the_booking_page_checks_in_once(
        kiosk_window: KioskWindow, qtbot: QtBot) -> None:
    window = kiosk_window
    assert _button(window, "booking").isVisible()
    _tap(qtbot, _button(window, "booking"))
    assert window.page == "booking"
    assert "M-Paspor booking" in [label.text() for label in window.findChildren(QLabel)]
    for key in "MP-0001":
        _tap(qtbot, _button(window, f"key_{key}"))
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _tap(qtbot, _button(window, "key_ok"))
    ticket = printed.args[0]
    assert (ticket.number, ticket.booking_slot, ticket.again) == ("A001", "09:30", False)
    assert window.page == "ticket" and "Booking 09:30" in _text(window, "ticket_text")
    window.go_home()
    # A scan on the start page: the same booking, the same number.
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        qtbot.keyClicks(window, "MP-0001")
        qtbot.keyClick(window, Qt.Key.Key_Return)
    assert (printed.args[0].number, printed.args[0].again) == ("A001", True)
    assert Ticket.select().count() == 1


def test_too_early_the_applicant_is_told_when_to_come_back(
        kiosk_window: KioskWindow, qtbot: QtBot) -> None:
    window = kiosk_window
    _tap(qtbot, _button(window, "booking"))
    for key in "MP-0002":
        _tap(qtbot, _button(window, f"key_{key}"))
    with qtbot.waitSignal(window.refused, timeout=WAIT) as refused:
        _tap(qtbot, _button(window, "key_ok"))
    assert refused.args == ["booking_too_early"]
    assert window.page == "message"
    assert _text(window, "message_title") == "Too early for your booking"
    assert "come back at 12:00" in _text(window, "message_body")
    assert Ticket.select().count() == 0
