"""The reports page on a real database: tables, charts, burn-down, CSV and PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QAreaSeries, QBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextTable
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.office import reports
from app.office.officers import OfficerView
from tests.helpers import WAIT
from tests.helpers.reports import BATCH, NOW, D, Hall, at
from ui.admin.pages.reports import ReportsPage
from ui.admin.pages.reports_pdf import page_layout
from ui.kit.worker import DbWorker


@pytest.fixture
def hall(office: str, travel: Callable[[dt.datetime], None]) -> Hall:
    """A day of tickets and handovers, and a backlog batch worked down since 28 June."""
    travel(NOW)  # 2 July, 17:00 in Jakarta
    h = Hall()
    b = h.budi
    h.ticket("A", at(1, 0), "done", called=at(1, 10), started=at(1, 11), finished=at(1, 20),
             counter=1, officer=b)  # 08:00, waits 600, serves 540
    h.ticket("A", at(1, 5), "done", called=at(1, 25), started=at(1, 26),
             finished=at(1, 30, 30), counter=2, officer=h.ani)  # 08:05, waits 1200
    h.ticket("P", at(2, 15), "done", called=at(2, 16, 40), finished=at(2, 26, 40),
             counter=4, officer=b)  # 09:15, waits 100
    h.ticket("W", at(2, 30), "cancelled", finished=at(2, 40))  # 09:30, never called
    # The batch: 4 passports imported 28 June; one collected on 1 July (10:05, counter 5),
    # one cancelled on 2 July, one overdue from 1 July (collect-by 30 June), one waiting.
    first = dt.datetime(2024, 6, 28, 2, 0)
    h.passport(batch=BATCH, status="collected", imported=first,
               collect_by=dt.date(2024, 7, 20), collected=at(3, 5), counter=5, officer=b,
               collector="family")
    h.passport(batch=BATCH, status="cancelled", imported=first,
               collect_by=dt.date(2024, 6, 29), cancelled=at(3, 0, day=1))
    h.passport(batch=BATCH, status="ready", imported=first, collect_by=dt.date(2024, 6, 30))
    h.passport(batch=BATCH, status="printing", imported=first)
    return h


@pytest.fixture
def page(qtbot: QtBot, hall: Hall, english: str) -> Iterator[ReportsPage]:
    worker = DbWorker()
    view = OfficerView(hall.sup, "sup", "Kepala", "supervisor", True)
    shown = ReportsPage(worker, view)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    yield shown
    worker.shutdown()


def load(qtbot: QtBot, page: ReportsPage, kind: str = "custom",
         start: dt.date | None = D, end: dt.date | None = D) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.set_period(kind, start, end)


def cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def pdf_text(path: Path) -> str:
    """The words of a PDF's pages, in reading order, one space between them."""
    pdf = QPdfDocument()
    assert pdf.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(" ".join(pdf.getAllText(i).text().split()) for i in range(pdf.pageCount()))
    pdf.close()
    return text


def test_the_page_shows_the_numbers_of_a_day(qtbot: QtBot, page: ReportsPage) -> None:
    assert page.title() == "Reports"
    load(qtbot, page)
    summary = dict(map(tuple, cells(page.findChild(QTableWidget, "summary_table"))))
    assert summary["Days"] == "01/07/2024"
    assert summary["Tickets issued"] == "4"
    assert summary["Served"] == "3" and summary["Cancelled"] == "1"
    # waits 600 1200 100 → 633.3 → 10 min 33 s; p90 = 3rd = 20 min
    assert summary["Average wait (issue to call)"] == "10 min 33 s"
    assert summary["90th percentile wait"] == "20 min"
    # service 540 270 600 → 470 = 07:50
    assert summary["Average service time"] == "7 min 50 s"
    assert summary["Passports handed over"] == "1" and summary["… to a family member"] == "1"
    queues = cells(page.findChild(QTableWidget, "queue_table"))
    assert queues[0][:4] == ["A · Passport application", "2", "2", "0"]
    assert queues[0][8:11] == ["15 min", "20 min", "6 min 45 s"]
    counters = {row[0]: row for row in cells(page.findChild(QTableWidget, "counter_table"))}
    assert counters["Loket 5 Pengambilan"][12] == "1"  # the handover
    assert counters["(not called to a counter)"][4] == "1"
    hours = cells(page.findChild(QTableWidget, "hour_table"))
    assert [row[0] for row in hours] == ["08:00", "09:00", "10:00"]
    assert [row[1] for row in hours] == ["2", "2", "0"]
    officer_names = [row[0] for row in cells(page.findChild(QTableWidget, "officer_table"))]
    assert officer_names == ["Ani Lestari", "Budi Santoso", "(no officer)"]
    status = page.findChild(type(page._status), "reports_status").text()
    assert "01/07/2024" in status and "Kantor Imigrasi" in status
    assert page._export.isEnabled() and page._pdf.isEnabled() and page._refresh.isEnabled()


def test_the_charts_carry_the_report(qtbot: QtBot, page: ReportsPage) -> None:
    load(qtbot, page)
    chart = page.arrivals_view.chart()
    bars = next(s for s in chart.series() if isinstance(s, QBarSeries))
    assert [bars.barSets()[0].at(i) for i in range(bars.barSets()[0].count())] == [2, 2, 0]
    line = next(s for s in chart.series() if isinstance(s, QLineSeries))
    # 08: waits 600 and 1200 → 15 min; 09: 100 s; 10: no waits (no point)
    assert [(p.x(), round(p.y(), 3)) for p in line.points()] == [(0, 15.0), (1, 1.667)]
    axes = chart.axes()
    assert any(getattr(a, "categories", lambda: [])() == ["08", "09", "10"] for a in axes)

    burn = page.burndown_view.chart()
    areas = {s.objectName(): s for s in burn.series() if isinstance(s, QAreaSeries)}
    assert set(areas) == {"collected", "waiting", "printing", "past"}
    # Days 28 June … 1 July (the report's end): collected 0,0,0,1; ready and waiting
    # 3,3,2,0 (the ready one is overdue from 1 July, the later cancelled one from 30
    # June) with one still printing all along; past 0,0,1,2.
    def heights(name: str) -> list[float]:
        area = areas[name]
        return [u.y() - lo.y() for u, lo in zip(area.upperSeries().points(),
                                                 area.lowerSeries().points(), strict=True)]
    assert heights("collected") == [0, 0, 0, 1]
    assert heights("waiting") == [3, 3, 2, 0]
    assert heights("printing") == [1, 1, 1, 1]
    # Nothing collected before the last day: no rate, no projection.
    assert not any(s.objectName() == "forecast" for s in burn.series())
    assert heights("past") == [0, 0, 1, 2]
    assert page._batch.currentData() == BATCH
    assert "Backlog PDN Juni 2024 (4 passports)" in burn.title()


def test_the_burn_down_projects_the_clearing_date(qtbot: QtBot, page: ReportsPage,
                                                   hall: Hall) -> None:
    # Two more collected on 29 and 30 June: 2 in the 3 complete days since the import;
    # the one still printing is collected at that rate by 2 July.
    for day in (29, 30):
        hall.passport(batch=BATCH, status="collected", imported=dt.datetime(2024, 6, 28, 2),
                      collect_by=dt.date(2024, 7, 20),
                      collected=dt.datetime(2024, 6, day, 3), counter=5,
                      officer=hall.budi, collector="self")
    load(qtbot, page)
    burn = page.burndown_view.chart()
    projection = next(s for s in burn.series() if s.objectName() == "forecast")
    assert isinstance(projection, QLineSeries)
    assert projection.pen().style() == Qt.PenStyle.DashLine
    one_day = 86_400_000
    start, end = projection.points()
    assert (end.x() - start.x(), start.y(), end.y()) == (one_day, 1, 0)
    assert "02/07/2024" in projection.name()


def test_choosing_another_batch_redraws_the_burn_down(qtbot: QtBot, page: ReportsPage,
                                                      hall: Hall) -> None:
    hall.passport(status="ready", imported=dt.datetime(2024, 6, 30, 2, 0),
                  collect_by=dt.date(2024, 7, 30))
    load(qtbot, page)
    assert [page._batch.itemText(i) for i in range(page._batch.count())] == [
        BATCH, "Regular pickups"]
    with qtbot.waitSignal(page.burndown_loaded, timeout=WAIT):
        page.choose_batch("")
    burn = page.burndown_view.chart()
    waiting = next(s for s in burn.series() if s.objectName() == "waiting")
    assert [p.y() for p in waiting.upperSeries().points()] == [1, 1]  # 30 June, 1 July
    assert "Regular pickups (1 passports)" in burn.title()


def test_csv_is_written_and_reads_back(qtbot: QtBot, page: ReportsPage,
                                       tmp_path: Path) -> None:
    load(qtbot, page)
    target = tmp_path / "report.csv"
    assert page.export_csv(target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    total = table[0]
    assert (total["section"], total["issued"], total["served"], total["wait_avg_s"],
            total["wait_avg"], total["handed_family"]) == ("total", "4", "3", "633", "10:33",
                                                           "1")
    assert "Saved" in page._status.text()
    assert not page.export_csv(tmp_path / "missing" / "report.csv")
    assert "cannot be saved" in page._status.text()


def test_pdf_is_written_with_tables_and_charts(qtbot: QtBot, page: ReportsPage,
                                               tmp_path: Path) -> None:
    load(qtbot, page)
    target = tmp_path / "report.pdf"
    assert page.save_pdf(target)
    assert target.stat().st_size > 10_000  # text, tables and two chart images
    pdf = QPdfDocument()
    assert pdf.load(str(target)) == QPdfDocument.Error.None_
    assert pdf.pageCount() >= 1
    size = pdf.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)  # A4 portrait
    pdf.close()
    text = pdf_text(target)
    assert "Kantor Imigrasi" in text and "Report of 01/07/2024" in text
    assert "Per counter" in text and "Loket 5" in text and "Burn-down" not in text  # a chart
    assert "Tickets issued 4" in text and "Average wait (issue to call) 10 min 33 s" in text
    assert not page.save_pdf(tmp_path / "missing" / "report.pdf")


def test_the_pdfs_tables_fill_the_page_and_break_headers_only_between_words(
        qtbot: QtBot, page: ReportsPage, indonesian: str) -> None:
    load(qtbot, page)
    layout = page_layout()
    doc = page.document_for(layout)
    width = doc.pageSize().width()
    # The page's printable width, in the document's units (1/96 inch).
    assert abs(width - layout.paintRect(layout.Unit.Inch).width() * 96) < 1
    tables = [frame for frame in doc.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    # the summary, then per queue, counter, officer and hour, then the bookings
    assert len(tables) == 6
    shape = doc.documentLayout()
    for table in tables[1:]:
        drawn = shape.frameBoundingRect(table).width()
        assert 0.95 * width <= drawn <= width + 1.5, (drawn, width)  # a border's pixel
        for column in range(table.columns()):
            block = table.cellAt(0, column).firstCursorPosition().block()
            text, lines = block.text(), block.layout()
            for n in range(lines.lineCount() - 1):
                line = lines.lineAt(n)
                end = line.textStart() + line.textLength()
                assert text[end - 1] in " -" or text[end] == " ", (text, end)


def test_bad_dates_get_a_sentence_and_change_nothing(qtbot: QtBot, page: ReportsPage) -> None:
    load(qtbot, page)
    before = cells(page.findChild(QTableWidget, "queue_table"))
    with qtbot.waitSignal(page.failed, timeout=WAIT) as failed:
        page.set_period("custom", D, D - dt.timedelta(days=3))
    assert failed.args[0] == ("The last day (28/06/2024) is before the first day "
                              "(01/07/2024); correct the dates.")
    assert page._status.text() == failed.args[0]
    assert cells(page.findChild(QTableWidget, "queue_table")) == before
    assert page._refresh.isEnabled()


def test_today_this_week_and_this_month_follow_the_office_date(qtbot: QtBot,
                                                               page: ReportsPage) -> None:
    load(qtbot, page, "today", None, None)
    assert page._report is not None
    assert (page._report.start, page._report.end) == (dt.date(2024, 7, 2),) * 2
    assert not page._from.isEnabled()
    load(qtbot, page, "month", None, None)
    assert (page._report.start, page._report.end) == (dt.date(2024, 7, 1),
                                                      dt.date(2024, 7, 2))
    assert page._from.date().day() == 1
    assert page._report.total.issued == 4


def test_an_officer_without_the_role_gets_no_report(qtbot: QtBot, hall: Hall,
                                                    english: str) -> None:
    worker = DbWorker()
    try:
        counter_officer = OfficerView(hall.budi, "budi", "Budi", "officer", True)
        shown = ReportsPage(worker, counter_officer)
        qtbot.addWidget(shown)
        with qtbot.waitSignal(shown.failed, timeout=WAIT) as failed:
            shown.refresh()
        assert "supervisor" in failed.args[0]
        assert not worker.busy and shown._report is None
        assert not shown._export.isEnabled()
        # The rule holds in app/ too, whatever the window shows.
        demoted = OfficerView(hall.budi, "budi", "Budi", "supervisor", True)
        page2 = ReportsPage(worker, demoted)
        qtbot.addWidget(page2)
        with qtbot.waitSignal(page2.failed, timeout=WAIT) as failed:
            page2.set_period("custom", D, D)
        assert failed.args[0] == "Only a supervisor or an admin may do this."
    finally:
        worker.shutdown()


def test_names_follow_the_language(qtbot: QtBot, page: ReportsPage, indonesian: str) -> None:
    load(qtbot, page)
    queues = cells(page.findChild(QTableWidget, "queue_table"))
    assert queues[0][0] == "A · Permohonan Paspor"
    counters = cells(page.findChild(QTableWidget, "counter_table"))
    assert counters[-1][0] == "(tidak dipanggil ke loket)"
    rep = page._report
    assert rep is not None and reports.to_csv(rep).decode("utf-8-sig").startswith(
        "dari_tanggal;")


def test_overdue_passports_are_cancelled_beside_the_burn_down_after_asking(
        qtbot: QtBot, page: ReportsPage) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.storage.models import AuditEntry, PickupRecord

    with qtbot.waitSignal(page.overdue_shown, timeout=WAIT) as shown:
        load(qtbot, page)
    assert shown.args == [1]
    assert "1 ready passport(s) are past their collect-by date" in page.overdue_note.text()
    assert page.cancel_overdue_button.isEnabled()

    def ask() -> QMessageBox:
        with qtbot.waitSignal(page.confirm_shown, timeout=WAIT):
            qtbot.mouseClick(page.cancel_overdue_button, Qt.MouseButton.LeftButton)
        box = page.confirm_box
        assert box is not None and "Cancel 1 passport(s)" in box.text()
        return box

    ask().button(QMessageBox.StandardButton.No).click()
    overdue = PickupRecord.select().where((PickupRecord.status == "ready")
                                          & (PickupRecord.collect_by < dt.date(2024, 7, 2)))
    assert overdue.count() == 1  # nothing changed
    number = overdue.get().application_no
    box = ask()
    with qtbot.waitSignal(page.overdue_cancelled, timeout=WAIT) as cancelled, \
            qtbot.waitSignal(page.overdue_shown, timeout=WAIT) as again:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert cancelled.args == [[number]] and again.args == [0]
    assert PickupRecord.get(PickupRecord.application_no == number).status == "cancelled"
    entry = AuditEntry.get(AuditEntry.action == "pickup_overdue_cancelled")
    assert entry.officer_id == page._officer.id
    assert not page.cancel_overdue_button.isEnabled()
    assert "No ready passport is past its collect-by date." in page.overdue_note.text()


def test_days_chosen_while_a_report_loads_show_only_the_newer_report(
        qtbot: QtBot, page: ReportsPage) -> None:
    release = threading.Event()
    page._worker.submit(lambda: release.wait(WAIT / 1000))  # the worker is busy
    shown: list[tuple[dt.date, dt.date]] = []
    page.loaded.connect(lambda: shown.append((page._report.start, page._report.end)))
    page.set_period("custom", D - dt.timedelta(days=1), D - dt.timedelta(days=1))
    page.set_period("today")  # while the first read waits: it runs once more after
    release.set()
    qtbot.waitUntil(lambda: bool(shown) and not page._busy, timeout=WAIT)
    assert shown == [(dt.date(2024, 7, 2),) * 2]  # the older answer was never shown
    assert page._refresh.isEnabled()
