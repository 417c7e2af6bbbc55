"""The reports page's "Bookings" tab: the period's M-Paspor bookings against walk-ins and
how punctual the booked applicants were, a row a day and the total.

The figures are :func:`app.office.booking_report.booking_days`' (those of ``loket booking
report``), read with the rest of the report; this tab shows them and gives them to the
PDF and the CSV export.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QVBoxLayout, QWidget

from app.messages.formats import date_text
from app.office import booking_report, reports
from app.office.booking_report import BookingDay
from ui.admin.page import report_table
from ui.kit.plain import PlainLabel


class BookingFigures(QWidget):
    """A table: the days of the period, then their total; a note under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("booking_tab")
        self.days: list[BookingDay] = []
        self.table = report_table(self, "booking_figures")
        self._note = PlainLabel(self)
        self._note.setWordWrap(True)
        self._note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._note)
        self.retranslate()

    def note(self) -> str:
        return self.tr("Booked and walk-in count the tickets of the service queues; on "
                       "time, early and late the bookings checked in; missed those never "
                       "checked in and past their check-in window.")

    def columns(self) -> list[str]:
        return [self.tr("Day"), self.tr("Booked"), self.tr("Walk-in"), self.tr("On time"),
                self.tr("Early"), self.tr("Late"), self.tr("Missed")]

    def rows(self) -> list[list[str]]:
        """The table's lines as text: a line a day, then the total."""
        if not self.days:
            return []
        lines = [[date_text(dt.date.fromisoformat(d.day)),
                  *map(str, booking_report.figures(d))] for d in self.days]
        return [*lines, [self.tr("Total"),
                         *map(str, booking_report.figures(booking_report.total(self.days)))]]

    def show_days(self, days: list[BookingDay]) -> None:
        self.days = days
        self._fill()

    def _fill(self) -> None:
        table, rows = self.table, self.rows()
        table.clear()
        table.setColumnCount(len(self.columns()))
        table.setHorizontalHeaderLabels(self.columns())
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def html(self) -> str:
        """The figures as a heading and a table of the printed report."""
        esc = html.escape
        title = self.tr("Bookings (M-Paspor) and walk-ins")
        note = self.note()
        head = "".join(f"<th>{esc(c)}</th>" for c in self.columns())
        body = "".join("<tr>" + "".join(f"<td{' class=n' if i else ''}>{esc(t)}</td>"
                                        for i, t in enumerate(cells)) + "</tr>"
                       for cells in self.rows())
        return (f"<h2>{esc(title)}</h2><p>{esc(note)}</p>"
                f"<table width='100%' cellspacing='0'><tr>{head}</tr>{body}</table>")

    @staticmethod
    def csv_path(path: str | Path) -> Path:
        """Where the CSV export puts the booking figures: beside the report's file."""
        target = Path(path)
        return target.with_name(f"{target.stem}-booking{target.suffix or '.csv'}")

    def save_csv(self, path: str | Path, lang: str) -> Path:
        """Write the figures beside the report's CSV ``path``; refused in words when the
        file cannot be written."""
        return reports.save(booking_report.to_csv(self.days, lang), self.csv_path(path))

    def retranslate(self) -> None:
        self._note.setText(self.note())
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
