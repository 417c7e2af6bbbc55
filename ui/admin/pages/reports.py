"""The supervisor's reports: tables, charts, the backlog burn-down, CSV and PDF.

Every number comes from :mod:`app.office.reports` on the window's database worker; this
page only shows them, draws the charts and writes the files a person asks for (the
printed report's layout: :mod:`ui.admin.pages.reports_pdf`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPageLayout, QPen, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.errors import LoketError
from app.messages import current_language
from app.messages.formats import date_text, date_time_text, duration_text
from app.office import booking_report, permissions, reports
from app.office.booking_report import BookingDay
from app.office.officers import OfficerView
from app.office.reports import BurnDown, Report, Row
from app.office.settings import office_today
from app.pickup import forecast
from app.pickup import service as pickup
from ui.admin.page import error_sentence, py_date, qdate
from ui.admin.pages import reports_pdf
from ui.admin.pages.reports_view import CUSTOM, ReportsPageView
from ui.kit import operation
from ui.kit.operation import Operation, Refresher, run_read
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.reports")

REPORT, BURNDOWN = "report", "burndown"  # the page's two reads

COLLECTED_COLOR = QColor("#2e7d32")
WAITING_COLOR = QColor("#1565c0")
PRINTING_COLOR = QColor("#90a4ae")
FORECAST_COLOR = QColor("#37474f")
PAST_COLOR = QColor("#c62828")
ARRIVALS_COLOR = QColor("#5c6bc0")
WAIT_COLOR = QColor("#ef6c00")


def _msecs(day: dt.date) -> float:
    """Noon of ``day`` on this PC's clock: the axis shows that date whatever the zone."""
    return float(QDateTime(qdate(day), QTime(12, 0)).toMSecsSinceEpoch())


def _count_axis(axis: QValueAxis, top: int) -> None:
    """An axis of whole numbers from 0: a tick per unit when few, nice steps when many."""
    axis.setLabelFormat("%d")
    if top <= 10:
        axis.setRange(0, max(top, 1))
        axis.setTickCount(max(top, 1) + 1)
    else:
        axis.setRange(0, top)
        axis.applyNiceNumbers()


class ReportsPage(ReportsPageView):
    """Reports of a day or a range of days, with charts, CSV, PDF and printing."""

    loaded = Signal()  # a report (and its burn-down) is on screen
    burndown_loaded = Signal()
    failed = Signal(str)  # a sentence shown to the person
    overdue_shown = Signal(int)  # how many ready passports are past their collect-by date
    confirm_shown = Signal()
    overdue_cancelled = Signal(list)  # the application numbers cancelled

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._officer = officer
        self._report: Report | None = None
        self._burndown: BurnDown | None = None
        self._batches: list[str] = []
        self._overdue: int | None = None
        self.confirm_box: QMessageBox | None = None
        self._busy = False
        # One read at a time: the report (and its burn-down), or a batch's burn-down.
        self._wanted: str | None = None  # REPORT or BURNDOWN: the read to run next
        self._reads: Refresher[tuple[str, Any]] = Refresher(
            worker, self._prepare_read, self._read_done, self._read_failed)

        self._connect_callbacks()
        self._set_period_controls()
        self._set_busy(False)
        self.retranslate()

    def _connect_callbacks(self) -> None:
        self._refresh.clicked.connect(self.refresh)
        self._period.activated.connect(self._period_chosen)
        self._batch.activated.connect(self._batch_chosen)
        self._export.clicked.connect(self._ask_csv)
        self._pdf.clicked.connect(self._ask_pdf)
        self._print.clicked.connect(self._ask_print)
        self.cancel_overdue_button.clicked.connect(self.ask_cancel_overdue)

    # --- the page contract --------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Reports")

    def refresh(self) -> None:
        """Load the report of the chosen days (and the chosen batch's burn-down)."""
        if not permissions.allows(self._officer.role, "reports_view"):
            self._show_error(self.tr("Only a supervisor or an admin may see reports."))
            return
        self._want(REPORT)

    # --- choosing ---------------------------------------------------------------------

    def set_period(self, kind: str, start: dt.date | None = None,
                   end: dt.date | None = None) -> None:
        """Choose ``today`` / ``week`` / ``month``, or ``custom`` days, and load them."""
        self._period.setCurrentIndex(max(0, self._period.findData(kind)))
        if start is not None:
            self._from.setDate(qdate(start))
        if end is not None:
            self._to.setDate(qdate(end))
        self._set_period_controls()
        self.refresh()

    def _period_chosen(self, _index: int) -> None:
        self._set_period_controls()
        if self._period.currentData() != CUSTOM:
            self.refresh()

    def _set_period_controls(self) -> None:
        custom = self._period.currentData() == CUSTOM
        self._from.setEnabled(custom)
        self._to.setEnabled(custom)

    def choose_batch(self, batch: str) -> None:
        index = self._batch.findData(batch)
        if index < 0:
            return
        self._batch.setCurrentIndex(index)
        self._batch_chosen(index)

    def _batch_chosen(self, index: int) -> None:
        if self._report is None or index < 0:
            return
        self._want(BURNDOWN)

    # --- the worker -------------------------------------------------------------------

    def _want(self, kind: str) -> None:
        """Read ``kind`` next (a whole report covers a burn-down asked for meanwhile)."""
        if self._wanted != REPORT:
            self._wanted = kind
        self._reads.request()

    def _prepare_read(self) -> Callable[[], tuple[str, Any]] | None:
        """On the GUI thread as a read starts: what it reads, as the page shows it now."""
        kind, self._wanted = self._wanted, None
        if kind is None:
            return None
        self._set_busy(True)
        self._status.setStyleSheet("")
        by = self._officer.id
        if kind == BURNDOWN and self._report is not None:
            self._status.setText(self.tr("Loading the burn-down…"))
            batch, until = str(self._batch.currentData()), self._report.end
            return lambda: (BURNDOWN, reports.burndown(batch, by=by, until=until))
        self._status.setText(self.tr("Loading the report…"))
        period = str(self._period.currentData())
        start, end = py_date(self._from.date()), py_date(self._to.date())
        chosen = self._batch.currentData() if self._batch.count() else None

        def read() -> tuple[str, tuple[Report, list[str], BurnDown | None,
                                       list[BookingDay]]]:
            first, last = (start, end) if period == CUSTOM else reports.period(
                period, office_today())
            rep = reports.report(first, last, by=by)
            names = reports.batch_names(by=by)
            batch = chosen if chosen in names else (names[0] if names else None)
            burn = reports.burndown(batch, by=by, until=last) if batch is not None else None
            return REPORT, (rep, names, burn, booking_report.booking_days(first, last, by=by))

        return read

    def _read_done(self, result: tuple[str, Any]) -> None:
        if self._wanted is not None:
            return  # asked for again meanwhile: the next read's answer is the one to show
        self._set_busy(False)
        kind, value = result
        if kind == REPORT:
            self._report_loaded(value)
        else:
            self._burndown_loaded(value)

    def _read_failed(self, exc: Exception) -> None:
        if self._wanted is None:
            self._set_busy(False)
            self._show_error(operation.error_sentence(exc, act=False))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh.setEnabled(not busy)
        has = self._report is not None and not busy
        for button in (self._export, self._pdf, self._print):
            button.setEnabled(has)

    def _show_error(self, text: str) -> None:
        self._status.setStyleSheet("color: #b71c1c;")
        self._status.setText(text)
        self.failed.emit(text)

    def _report_loaded(self, result: tuple[Report, list[str], BurnDown | None,
                                           list[BookingDay]]) -> None:
        rep, names, burn, booked = result
        self.bookings.show_days(booked)
        self._report, self._batches, self._burndown = rep, names, burn
        for edit, day in ((self._from, rep.start), (self._to, rep.end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self._fill_batches()
        self._show_report()
        self._show_burndown()
        self._set_busy(False)
        self._load_overdue()
        self.loaded.emit()

    def _burndown_loaded(self, burn: BurnDown) -> None:
        self._burndown = burn
        self._show_burndown()
        self._show_status()
        self.burndown_loaded.emit()

    # --- passports past their collect-by date --------------------------------------------

    def _load_overdue(self) -> None:
        run_read(self._worker, pickup.overdue_count, self._show_overdue,
                 lambda exc: log.info("overdue passports not counted: %s", exc))

    def _show_overdue(self, count: int) -> None:
        self._overdue = count
        self._show_overdue_note()
        self.cancel_overdue_button.setEnabled(count > 0)
        self.overdue_shown.emit(count)

    def _show_overdue_note(self) -> None:
        if self._overdue is None:
            self.overdue_note.clear()
        elif self._overdue == 0:
            self.overdue_note.setText(self.tr(
                "No ready passport is past its collect-by date."))
        else:
            self.overdue_note.setText(self.tr(
                "{count} ready passport(s) are past their collect-by date and still on the "
                "shelf. By regulation they are to be cancelled.").format(count=self._overdue))

    def ask_cancel_overdue(self) -> None:
        """Ask before cancelling every overdue passport (a supervisor's act, audited)."""
        if not self._overdue:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cancel overdue passports"),
                          self.tr("Cancel {count} passport(s) past their collect-by date? "
                                  "Their holders will have to apply again. This is written "
                                  "to the audit log.").format(count=self._overdue),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setObjectName("cancel_overdue_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(lambda button: self._cancel_answered(box, button))
        self.confirm_box = box
        box.open()
        self.confirm_shown.emit()

    def _cancel_answered(self, box: QMessageBox, button: QAbstractButton) -> None:
        self.confirm_box = None
        box.deleteLater()
        if box.standardButton(button) != QMessageBox.StandardButton.Yes:
            return
        who = self._officer.id
        Operation(self._worker, lambda _ctx: pickup.cancel_overdue(who)).success(
            self._cancelled).failure(lambda exc: self._show_error(error_sentence(exc))).run()

    def _cancelled(self, numbers: list[str]) -> None:
        self._status.setStyleSheet("")
        self._status.setText(self.tr("{count} overdue passport(s) cancelled.").format(
            count=len(numbers)))
        self.overdue_cancelled.emit(numbers)
        self.refresh()

    # --- showing ----------------------------------------------------------------------

    def _batch_name(self, batch: str) -> str:
        return batch or self.tr("Regular pickups")

    def _fill_batches(self) -> None:
        chosen = self._burndown.batch if self._burndown is not None else None
        self._batch.clear()
        for name in self._batches:
            self._batch.addItem(self._batch_name(name), name)
        if chosen is not None:
            self._batch.setCurrentIndex(self._batch.findData(chosen))

    def _range_text(self, rep: Report) -> str:
        first, last = date_text(rep.start), date_text(rep.end)
        if rep.start == rep.end:
            return first
        return self.tr("{first} to {last} ({days} days)").format(first=first, last=last,
                                                                 days=rep.days)

    def _generated_text(self, rep: Report) -> str:
        return self.tr("generated {when}").format(
            when=date_time_text(rep.generated_local()))

    def _show_status(self) -> None:
        if self._report is None:
            self._status.setText(self.tr("Choose the days and press Refresh."))
            return
        self._status.setStyleSheet("")
        self._status.setText(self.tr("{office} · report of {range}, {generated}").format(
            office=self._report.office_name, range=self._range_text(self._report),
            generated=self._generated_text(self._report)))

    def _columns(self) -> list[str]:
        return [self.tr("Name"), self.tr("Issued"), self.tr("Served"), self.tr("No-shows"),
                self.tr("Cancelled"), self.tr("Expired"), self.tr("Open"),
                self.tr("Transferred"), self.tr("Avg wait"), self.tr("P90 wait"),
                self.tr("Avg service"), self.tr("P90 service"), self.tr("Handed over")]

    @staticmethod
    def _cells(row: Row, lang: str) -> list[str]:
        return [row.name(lang), *(str(v) for v in (
            row.issued, row.served, row.no_shows, row.cancelled, row.expired, row.open,
            row.transferred)), duration_text(row.wait_avg_s), duration_text(row.wait_p90_s),
            duration_text(row.service_avg_s), duration_text(row.service_p90_s),
            str(row.handed_over)]

    def _summary_lines(self, rep: Report) -> list[tuple[str, str]]:
        t = rep.total
        return [
            (self.tr("Days"), self._range_text(rep)),
            (self.tr("Tickets issued"), str(t.issued)),
            (self.tr("Served"), str(t.served)),
            (self.tr("No-shows"), str(t.no_shows)),
            (self.tr("Cancelled"), str(t.cancelled)),
            (self.tr("Expired (left open at the day's end)"), str(t.expired)),
            (self.tr("Still open"), str(t.open)),
            (self.tr("Transferred"), str(t.transferred)),
            (self.tr("Average wait (issue to call)"), duration_text(t.wait_avg_s)),
            (self.tr("90th percentile wait"), duration_text(t.wait_p90_s)),
            (self.tr("Average service time"), duration_text(t.service_avg_s)),
            (self.tr("90th percentile service time"), duration_text(t.service_p90_s)),
            (self.tr("Passports handed over"), str(t.handed_over)),
            (self.tr("… to the holder"), str(t.handed_self)),
            (self.tr("… to a family member"), str(t.handed_family)),
            (self.tr("… to a proxy"), str(t.handed_proxy)),
        ]

    def _show_report(self) -> None:
        rep = self._report
        if rep is None:
            return
        lang = current_language()
        self._show_status()
        lines = self._summary_lines(rep)
        self._summary.clear()
        self._summary.setColumnCount(2)
        self._summary.setHorizontalHeaderLabels([self.tr("Measure"), self.tr("Value")])
        self._summary.setRowCount(len(lines))
        for r, (label, value) in enumerate(lines):
            self._summary.setItem(r, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._summary.setItem(r, 1, item)
        self._summary.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        for table, rows in ((self._queues, rep.queues), (self._counters, rep.counters),
                            (self._officers, rep.officers), (self._hours, rep.hours)):
            self._fill_table(table, rows, lang)
        self.arrivals_view.setChart(self.arrivals_chart(rep))

    def _table_texts(self, rows: Sequence[Row], lang: str,
                     times: bool) -> tuple[list[str], list[list[str]]]:
        """A table's column names and cells, on screen and on paper alike; with ``times``
        (the counters) also how their working time went: serving, paused, idle."""
        columns = self._columns()
        cells = [self._cells(row, lang) for row in rows]
        if times:
            columns += [self.tr("Serving"), self.tr("Paused"), self.tr("Idle")]
            for line, row in zip(cells, rows, strict=True):
                line += [duration_text(row.serving_s), duration_text(row.paused_s),
                         duration_text(row.idle_s)]
        return columns, cells

    def _fill_table(self, table: QTableWidget, rows: Sequence[Row], lang: str) -> None:
        columns, lines = self._table_texts(rows, lang, times=table is self._counters)
        table.clear()
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(columns)
        table.setRowCount(len(lines))
        for r, cells in enumerate(lines):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _show_burndown(self) -> None:
        if self._burndown is None:
            self.burndown_view.setChart(self._empty_chart(self.tr("No pickup batches yet.")))
            return
        self.burndown_view.setChart(self.burndown_chart(self._burndown))

    # --- charts -------------------------------------------------------------------------

    def _empty_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        return chart

    def arrivals_chart(self, rep: Report) -> QChart:
        """Tickets issued per hour (bars) and the average wait in minutes (line, right)."""
        chart = QChart()
        chart.setTitle(self.tr("Arrivals and average wait by hour"))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        bars = QBarSet(self.tr("Tickets issued"))
        bars.setColor(ARRIVALS_COLOR)
        bars.append([float(r.issued) for r in rep.hours])
        series = QBarSeries()
        series.setObjectName("arrivals")
        series.append(bars)
        chart.addSeries(series)
        line = QLineSeries()
        line.setObjectName("average_wait")
        line.setName(self.tr("Average wait (minutes)"))
        line.setColor(WAIT_COLOR)
        line.setPointsVisible(True)
        for index, r in enumerate(rep.hours):
            if r.wait_avg_s is not None:
                line.append(float(index), r.wait_avg_s / 60)
        chart.addSeries(line)
        hours = QBarCategoryAxis()
        hours.append([r.key for r in rep.hours] or ["–"])
        hours.setTitleText(self.tr("Hour (office time)"))
        count = QValueAxis()
        count.setTitleText(self.tr("Tickets"))
        _count_axis(count, max([r.issued for r in rep.hours], default=0))
        minutes = QValueAxis()
        minutes.setTitleText(self.tr("Minutes"))
        minutes.setRange(0, max([(r.wait_avg_s or 0) / 60 for r in rep.hours], default=0)
                         or 1)
        minutes.applyNiceNumbers()
        chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(count, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(minutes, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(hours)
        series.attachAxis(count)
        line.attachAxis(hours)
        line.attachAxis(minutes)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def burndown_chart(self, burn: BurnDown) -> QChart:
        """Collected / ready / still printing / past collect-by, stacked, day by day; and
        the passports still to collect projected, dashed, to the day the batch is cleared
        at the recent pickup rate (:mod:`app.pickup.forecast`)."""
        chart = QChart()
        chart.setTitle(self.tr("Burn-down: {batch} ({total} passports)").format(
            batch=self._batch_name(burn.batch), total=burn.total))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        bands = ((self.tr("Collected"), "collected", COLLECTED_COLOR,
                  lambda d: d.collected),
                 (self.tr("Ready, waiting"), "waiting", WAITING_COLOR, lambda d: d.ready),
                 (self.tr("Still printing"), "printing", PRINTING_COLOR,
                  lambda d: d.printing),
                 (self.tr("Past collect-by (overdue or cancelled)"), "past", PAST_COLOR,
                  lambda d: d.past_collect_by))
        days = list(burn.days)
        if len(days) == 1:  # an area needs two points: the day's start and its end
            days = days * 2
        xs = [_msecs(d.day) for d in days]
        if len(burn.days) == 1:
            xs = [xs[0] - 43_200_000, xs[0] + 43_200_000]
        below = [0.0] * len(days)
        axis_x = QDateTimeAxis()
        axis_x.setFormat("dd/MM")
        axis_x.setTitleText(self.tr("Day"))
        axis_y = QValueAxis()
        axis_y.setTitleText(self.tr("Passports"))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for name, key, color, value in bands:
            # Parented to the chart: the area series does not own its boundary lines, and
            # Python would otherwise free them under it.
            lower, upper = QLineSeries(chart), QLineSeries(chart)
            above = [b + value(d) for b, d in zip(below, days, strict=True)]
            for x, low, high in zip(xs, below, above, strict=True):
                lower.append(x, low)
                upper.append(x, high)
            area = QAreaSeries(upper, lower)
            area.setObjectName(key)
            area.setName(name)
            area.setColor(color)
            area.setBorderColor(color.darker(120))
            chart.addSeries(area)
            area.attachAxis(axis_x)
            area.attachAxis(axis_y)
            below = above
        clear = forecast.burndown_clear_date(burn)
        if clear is not None and burn.days:
            last = burn.days[-1]
            projection = QLineSeries(chart)
            projection.setObjectName("forecast")
            projection.setName(self.tr("Still to collect, expected cleared {date}").format(
                date=date_text(clear)))
            projection.append(_msecs(last.day), last.waiting)
            projection.append(_msecs(clear), 0)  # at the end of that day, as a burn-down day
            pen = QPen(FORECAST_COLOR, 2, Qt.PenStyle.DashLine)
            projection.setPen(pen)
            chart.addSeries(projection)
            projection.attachAxis(axis_x)
            projection.attachAxis(axis_y)
            xs.append(_msecs(clear))
        if xs:
            axis_x.setRange(QDateTime.fromMSecsSinceEpoch(int(xs[0])),
                            QDateTime.fromMSecsSinceEpoch(int(xs[-1])))
            axis_x.setTickCount(min(len(xs), 8) if len(xs) > 1 else 2)
        _count_axis(axis_y, int(max(below, default=0)))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    # --- files --------------------------------------------------------------------------

    def _default_name(self, suffix: str) -> str:
        rep = self._report
        assert rep is not None
        span = rep.start.isoformat() if rep.start == rep.end else (
            f"{rep.start.isoformat()}_{rep.end.isoformat()}")
        word = self.tr("report")
        return f"{word}-{span}.{suffix}"

    def _ask_csv(self) -> None:
        if self._report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report as CSV"),
                                              self._default_name("csv"),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def _ask_pdf(self) -> None:
        if self._report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as PDF"),
                                              self._default_name("pdf"),
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.save_pdf(path)

    def _ask_print(self) -> None:
        if self._report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(reports_pdf.page_layout())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document_for(printer.pageLayout()).print_(printer)
            self._status.setText(self.tr("The report was sent to the printer."))

    def export_csv(self, path: str | Path) -> bool:
        """Write the report's tables as CSV (see :func:`app.office.reports.to_csv`), and
        the booking figures beside it (:meth:`BookingFigures.csv_path`)."""
        if self._report is None:
            return False
        try:
            reports.save(reports.to_csv(self._report, current_language()), path)
            booked = self.bookings.save_csv(path, current_language())
        except LoketError as exc:
            self._show_error(exc.message())
            return False
        self._status.setStyleSheet("")
        self._status.setText(self.tr("Saved {path}.").format(path=f"{path}, {booked}"))
        return True

    def save_pdf(self, path: str | Path) -> bool:
        """Write the report (tables and charts) as an A4 portrait PDF."""
        if self._report is None:
            return False
        try:
            reports.save(b"", path)  # a folder that cannot be written says so in words
        except LoketError as exc:
            self._show_error(exc.message())
            return False
        title = self.tr("Report of {range}").format(range=self._range_text(self._report))
        if not reports_pdf.write_pdf(self.document_for, path, title):
            self._show_error(self.tr("The file {path} could not be written.").format(
                path=str(path)))
            return False
        self._status.setStyleSheet("")
        self._status.setText(self.tr("Saved {path}.").format(path=str(path)))
        return True

    def document_for(self, layout: QPageLayout) -> QTextDocument:
        """The printed report (:mod:`ui.admin.pages.reports_pdf`) laid out on ``layout``'s
        printable area: what the page shows, then the charts."""
        rep = self._report
        assert rep is not None
        lang = current_language()
        tables = [reports_pdf.PrintedTable(title, *self._table_texts(rows, lang, times))
                  for title, rows, times in (
                      (self.tr("Per queue"), rep.queues, False),
                      (self.tr("Per counter"), rep.counters, True),
                      (self.tr("Per officer"), rep.officers, False),
                      (self.tr("Per hour (office time)"), rep.hours, False))]
        charts = [("chart-arrivals", self.arrivals_chart(rep))]
        if self._burndown is not None:
            charts.append(("chart-burndown", self.burndown_chart(self._burndown)))
        return reports_pdf.ReportDocument().document(
            layout, office=rep.office_name,
            title=self.tr("Report of {range}").format(range=self._range_text(rep)),
            generated=self._generated_text(rep), zone=rep.timezone,
            summary=self._summary_lines(rep), tables=tables,
            after_tables=self.bookings.html(), charts=charts)

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self._period_label.setText(self.tr("&Period:"))
        for index, text in enumerate((self.tr("Today"), self.tr("This week"),
                                      self.tr("This month"), self.tr("Custom dates"))):
            self._period.setItemText(index, text)
        self._from_label.setText(self.tr("&From:"))
        self._to_label.setText(self.tr("&To:"))
        self._refresh.setText(self.tr("&Refresh"))
        self._export.setText(self.tr("Export &CSV…"))
        self._pdf.setText(self.tr("Save P&DF…"))
        self._print.setText(self.tr("&Print…"))
        self._batch_label.setText(self.tr("&Batch:"))
        self.cancel_overdue_button.setText(self.tr("Cancel &overdue passports…"))
        self._show_overdue_note()
        for index, text in enumerate((self.tr("Summary"), self.tr("Per queue"),
                                      self.tr("Per counter"), self.tr("Per officer"),
                                      self.tr("Per hour"), self.tr("Arrivals chart"),
                                      self.tr("Burn-down"))):
            self._tabs.setTabText(index, text)
        self._tabs.setTabText(self._tabs.indexOf(self.bookings), self.tr("Bookings"))
        for index in range(self._batch.count()):
            self._batch.setItemText(index, self._batch_name(str(self._batch.itemData(index))))
        if self._report is not None:
            self._show_report()
            self._show_burndown()
        else:
            self._show_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
