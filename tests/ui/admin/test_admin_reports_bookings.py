"""The reports page's "Bookings" tab on a real database: the period's M-Paspor bookings
against walk-ins and their punctuality (the figures of ``loket booking report``), in the
table, the CSV export and the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import spreadsheet
from app.office import booking_report, officers
from app.office.officers import OfficerView
from app.queue import bookings, engine
from tests.helpers import WAIT, jakarta
from ui.admin.pages.reports import ReportsPage
from ui.admin.pages.reports_pdf import page_layout
from ui.kit.i18n import install_language
from ui.kit.worker import DbWorker

DAY = dt.date(2024, 7, 1)


@pytest.fixture
def sup(office: str, travel: Callable[[dt.datetime], None]) -> OfficerView:
    """1 July: four bookings (one early, one on time, one late, one never came) and two
    walk-ins; the report is read that evening."""
    travel(jakarta(7))
    sup = officers.add_officer("kepala", "super123!", role="supervisor", full_name="Kepala")
    bookings.import_bookings(b"kode_booking;nama;layanan;tanggal;jam\n"
                             b"MP-0001;Budi Santoso;A;01/07/2024;08:00\n"
                             b"MP-0002;Siti Aminah;A;01/07/2024;09:00\n"
                             b"MP-0003;Dewi Sartika;W;01/07/2024;10:00\n"
                             b"MP-0004;Rudi Hartono;A;01/07/2024;11:00\n", officer=sup.id)
    travel(jakarta(7, 50))
    bookings.check_in("MP-0001")  # 10 minutes before: on time
    engine.issue_ticket("A")  # a walk-in
    travel(jakarta(8, 20))
    bookings.check_in("MP-0002")  # 40 minutes before: early
    travel(jakarta(10, 20))
    bookings.check_in("MP-0003")  # 20 minutes after: late
    engine.issue_ticket("W")  # a walk-in
    travel(jakarta(17))  # MP-0004 (11:00) never came
    return sup


@pytest.fixture
def page(qtbot: QtBot, sup: OfficerView, english: str) -> Iterator[ReportsPage]:
    worker = DbWorker()
    shown = ReportsPage(worker, sup)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    yield shown
    worker.shutdown()


def _load(qtbot: QtBot, page: ReportsPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.set_period("custom", DAY - dt.timedelta(days=1), DAY)


def _cells(page: ReportsPage) -> list[list[str]]:
    table = page.bookings.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_the_bookings_tab_shows_the_booking_report_of_the_period(
        qtbot: QtBot, page: ReportsPage, sup: OfficerView) -> None:
    _load(qtbot, page)
    tabs = page._tabs
    assert tabs.tabText(tabs.indexOf(page.bookings)) == "Bookings"
    table = page.bookings.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Day", "Booked", "Walk-in", "On time", "Early", "Late", "Missed"]
    assert _cells(page) == [
        ["30/06/2024", "0", "0", "0", "0", "0", "0"],
        ["01/07/2024", "3", "2", "1", "1", "1", "1"],
        ["Total", "3", "2", "1", "1", "1", "1"]]
    # The same figures as loket booking report's.
    core = booking_report.booking_days(DAY - dt.timedelta(days=1), DAY, by=sup.id)
    assert [list(map(int, row[1:])) for row in _cells(page)[:-1]] == [
        booking_report.figures(d) for d in core]
    install_language("id")
    try:
        assert tabs.tabText(tabs.indexOf(page.bookings)) == "Booking"
        assert _cells(page)[-1][0] == "Jumlah"
        assert page.bookings.table.horizontalHeaderItem(2).text() == "Datang langsung"
    finally:
        install_language("en")


def test_the_csv_export_writes_the_booking_figures_beside_the_report(
        qtbot: QtBot, page: ReportsPage, tmp_path: Path) -> None:
    _load(qtbot, page)
    target = tmp_path / "report.csv"
    assert page.export_csv(target)
    beside = tmp_path / "report-booking.csv"
    assert str(beside) in page._status.text()
    assert spreadsheet.read_back(beside.read_bytes()) == [
        ["day", "booked", "walk-in", "on time", "early", "late", "missed"],
        ["2024-06-30", "0", "0", "0", "0", "0", "0"],
        ["2024-07-01", "3", "2", "1", "1", "1", "1"]]
    assert target.exists()


def test_the_printed_report_has_the_booking_figures(
        qtbot: QtBot, page: ReportsPage) -> None:
    _load(qtbot, page)
    text = page.document_for(page_layout()).toPlainText()
    assert "Bookings (M-Paspor) and walk-ins" in text
    start = text.index("Bookings (M-Paspor) and walk-ins")
    assert "Total" in text[start:]
