"""The supervisor's "Booking hari ini" page on a real database: today's bookings in slot
order with their state, ticket and punctuality, in English and Indonesian."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.office import officers
from app.queue import bookings, engine
from app.storage.models import Booking
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


def _codes() -> list[str]:
    return sorted(b.code for b in Booking.select(Booking.code))


def test_a_good_list_file_is_imported_from_the_page(
        qtbot: QtBot, page: BookingsPage, tmp_path: Path) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.refresh()
    assert page.import_button.text() == "Import list…"
    assert page.import_button.isEnabled()
    good = tmp_path / "mpaspor.csv"
    good.write_bytes(b"kode_booking;nama;layanan;tanggal;jam\n"
                     b"MP-0001;Budi Santoso;A;01/07/2024;08:00\n"  # already there
                     b"MP-0010;Rina Wati;A;01/07/2024;15:00\n")
    got: list[bookings.BookingImport] = []
    page.imported.connect(got.append)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):  # the list read after the import
        page.import_file(str(good))
    [summary] = got
    assert (summary.rows, summary.created, summary.unchanged) == (2, 1, 1)
    assert page.message.text() == "2 bookings: 1 new, 1 already there."
    assert not page.message.refused
    assert page.problems.isHidden()
    assert _codes() == ["MP-0001", "MP-0002", "MP-0003", "MP-0010"]
    assert [row[1] for row in _cells(page)][-1] == "MP-0010"
    assert page.import_button.isEnabled()


def test_a_broken_list_file_imports_nothing_and_says_why_line_by_line(
        qtbot: QtBot, page: BookingsPage, tmp_path: Path, indonesian: str) -> None:
    broken = tmp_path / "rusak.csv"
    broken.write_bytes(b"kode_booking;nama;layanan;tanggal;jam\n"
                       b"MP-0020;Ayu Lestari;A;01/07/2024;10:00\n"  # good, not imported
                       b"MP-0021;Joko;A;01/07/2024;25:00\n"
                       b"MP-0022;Tono;Z;01/07/2024;11:00\n")
    with qtbot.waitSignal(page.import_failed, timeout=WAIT) as failed:
        page.import_file(str(broken))
    assert failed.args[0] == "2 baris bermasalah; tidak ada data yang diimpor."
    assert page.message.refused and page.message.text() == failed.args[0]
    assert page.problems.isVisible()
    assert [page.problems.item(i).text() for i in range(page.problems.count())] == [
        "baris 3: jam '25:00' tidak berlaku (tulis misalnya 09:30)",
        "baris 4: layanan 'Z' tidak dikenal (tulis kode atau huruf antrian, misalnya A)"]
    assert _codes() == ["MP-0001", "MP-0002", "MP-0003"]
    assert page.import_button.isEnabled()


def test_the_import_button_opens_a_file_dialog_of_qt_s_own(
        qtbot: QtBot, page: BookingsPage, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    asked: list[str] = []

    def choose(_parent: object, caption: str, *_args: object) -> tuple[str, str]:
        asked.append(caption)
        return "", ""  # the person closed the dialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert asked == ["Choose the booking list from M-Paspor"]
    assert page.message.isHidden()


def test_only_a_supervisor_may_import(qtbot: QtBot, day: officers.OfficerView) -> None:
    worker = DbWorker()
    try:
        clerk = officers.OfficerView(day.id, "petugas", "Petugas", "officer", True)
        shown = BookingsPage(worker, clerk)
        qtbot.addWidget(shown)
        assert not shown.import_button.isEnabled()
    finally:
        worker.shutdown()
