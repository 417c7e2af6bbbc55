"""The reports page's layout: the days, the buttons, the tables, the charts.

Layout and styling only; :class:`ui.admin.pages.reports.ReportsPage` wires the
widgets, says what they read and decides what happens.
"""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.office import reports
from ui.admin.page import date_edit, report_table
from ui.admin.pages.reports_bookings import BookingFigures
from ui.kit.plain import PlainLabel

CUSTOM = "custom"


class ReportsPageView(QWidget):
    """The period, the date range, Refresh, CSV / PDF / print, and the tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_page")
        self._period_label = PlainLabel(self)
        self._period = QComboBox(self)
        self._period.setObjectName("period")
        for kind in (*reports.PERIODS, CUSTOM):
            self._period.addItem("", kind)
        self._from_label = PlainLabel(self)
        self._from = self._date_edit("date_from")
        self._to_label = PlainLabel(self)
        self._to = self._date_edit("date_to")
        self._from_label.setBuddy(self._from)
        self._to_label.setBuddy(self._to)
        self._period_label.setBuddy(self._period)
        self._refresh = self._button("refresh")
        self._export = self._button("export_csv")
        self._pdf = self._button("save_pdf")
        self._print = self._button("print")
        self._status = PlainLabel(self)
        self._status.setObjectName("reports_status")
        self._status.setWordWrap(True)

        self._tabs = QTabWidget(self)
        self._summary = self._table("summary_table")
        self._queues = self._table("queue_table")
        self._counters = self._table("counter_table")
        self._officers = self._table("officer_table")
        self._hours = self._table("hour_table")
        self.arrivals_view = self._chart_view(self, "arrivals_chart")
        burn_tab = self._burndown_tab()
        self.bookings = BookingFigures(self)
        for widget in (self._summary, self._queues, self._counters, self._officers,
                       self._hours, self.arrivals_view, burn_tab, self.bookings):
            self._tabs.addTab(widget, "")

        top = QHBoxLayout()
        for widget in (self._period_label, self._period, self._from_label, self._from,
                       self._to_label, self._to, self._refresh):
            top.addWidget(widget)
        top.addStretch(1)
        for widget in (self._export, self._pdf, self._print):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._status)
        layout.addWidget(self._tabs, 1)

    def _burndown_tab(self) -> QWidget:
        """The batch to show, its chart, and the passports past their collect-by date."""
        burn_tab = QWidget(self)
        self._batch_label = PlainLabel(burn_tab)
        self._batch = QComboBox(burn_tab)
        self._batch.setObjectName("batch")
        self._batch_label.setBuddy(self._batch)
        self.burndown_view = self._chart_view(burn_tab, "burndown_chart")
        burn_row = QHBoxLayout()
        burn_row.addWidget(self._batch_label)
        burn_row.addWidget(self._batch, 1)
        # Passports past their collect-by date are cancelled by regulation: the place to
        # do it is beside the chart that shows them.
        self.overdue_note = PlainLabel(burn_tab)
        self.overdue_note.setObjectName("overdue_note")
        self.overdue_note.setWordWrap(True)
        self.cancel_overdue_button = QPushButton(burn_tab)
        self.cancel_overdue_button.setObjectName("cancel_overdue")
        self.cancel_overdue_button.setEnabled(False)
        overdue_row = QHBoxLayout()
        overdue_row.addWidget(self.overdue_note, 1)
        overdue_row.addWidget(self.cancel_overdue_button)
        burn_layout = QVBoxLayout(burn_tab)
        burn_layout.addLayout(burn_row)
        burn_layout.addWidget(self.burndown_view, 1)
        burn_layout.addLayout(overdue_row)
        return burn_tab

    def _date_edit(self, name: str) -> QDateEdit:
        return date_edit(self, name)

    def _button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        return button

    @staticmethod
    def _chart_view(parent: QWidget, name: str) -> QChartView:
        view = QChartView(parent)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        return view

    def _table(self, name: str) -> QTableWidget:
        return report_table(self, name)
