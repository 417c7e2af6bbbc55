"""The supervisor's "Booking hari ini" page on a real database: today's bookings in slot
order with their state, ticket and punctuality, in English and Indonesian."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.office import officers
from app.queue import bookings, engine
from tests.helpers import WAIT, jakarta
from ui.admin.pages.bookings import BookingsPage
from ui.kit.i18n import install_language
from ui.kit.worker import DbWorker

Travel = Callable[[dt.datetime], None]


@pytest.fixture
def day(office: str, english: str, travel: Travel) -> officers.OfficerView:
    travel(jakarta(7))
    sup = officers.add_officer("kepala", "super123!", role="supervisor", full_name="Kepala")
    bookings.import_bookings(b"kode_booking;nama;layanan;tanggal;jam\n"
                             b"MP-0003;Dewi Sartika;W;01/07/2024;14:00\n"
                             b"MP-0001;Budi Santoso;A;01/07/2024;08:00\n"
                             b"MP-0002;Siti Aminah;A;01/07/2024;09:30\n", officer=sup.id)
    travel(jakarta(7, 50))
    bookings.check_in("MP-0001")  # on time
    travel(jakarta(10, 5))  # MP-0002 (09:30) is past its window now
    return sup


@pytest.fixture
def page(day: officers.OfficerView, qtbot: QtBot) -> Iterator[BookingsPage]:
    worker = DbWorker()
    shown = BookingsPage(worker, day)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    yield shown
    worker.shutdown()


def _cells(page: BookingsPage) -> list[list[str]]:
    table = page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_todays_bookings_are_listed_in_slot_order_with_their_state(
        qtbot: QtBot, page: BookingsPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.refresh()
    assert page.title() == "Bookings today"
    assert _cells(page) == [
        ["08:00", "MP-0001", "Budi Santoso", "A", "checked in (on time)",
         "A001 · waiting", "07:50"],
        ["09:30", "MP-0002", "Siti Aminah", "A", "missed", "–", "–"],
        ["14:00", "MP-0003", "Dewi Sartika", "W", "expected", "–", "–"]]
    assert page.summary.text() == ("3 bookings · 1 checked in (1 on time, 0 early, 0 late) "
                                   "· 1 expected · 1 missed")
    engine.call_next(1)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.reload_button, Qt.MouseButton.LeftButton)
    assert _cells(page)[0][5] == "A001 · called"
    install_language("id")
    try:
        assert page.title() == "Booking hari ini"
        assert _cells(page)[1][4] == "terlewat"
    finally:
        install_language("en")
