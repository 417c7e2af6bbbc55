"""The supervisor's window: "Booking hari ini" — today's M-Paspor bookings and where each
one stands (expected, checked in with its ticket and punctuality, or missed).

The list is :func:`app.queue.bookings.day_list`'s, in slot order; it names applicants,
so it is read only for a supervisor. The list itself is imported with ``loket booking
import`` (see the README).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import STATUS_WORDS, current_language
from app.office.officers import OfficerView
from app.queue import bookings
from app.queue.bookings import BookingView
from ui.admin.page import PageMessage
from ui.kit.operation import Refresher
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

COLUMNS = 7
MISSED_COLOUR = "#b71c1c"
DONE_COLOUR = "#2e7d32"


class BookingsPage(QWidget):
    """``loaded`` fires once the day's list is on screen (tests wait for it)."""

    loaded = Signal()

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookings_page")
        self._officer = officer
        self._rows: list[BookingView] = []
        self._reader: Refresher[list[BookingView]] = Refresher(
            worker, lambda: lambda: bookings.day_list(by=officer.id), self._show,
            self._failed)

        self.summary = PlainLabel(self)
        self.summary.setObjectName("booking_summary")
        self.summary.setStyleSheet("QLabel { font-size: 12pt; }")
        self.reload_button = QPushButton(self)
        self.reload_button.setObjectName("booking_reload")
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("booking_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._hint = PlainLabel(self)
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: #555;")
        self.message = PageMessage(self)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._hint)
        layout.addWidget(self.message)
        self.reload_button.clicked.connect(self.refresh)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Bookings today")

    def refresh(self) -> None:
        self._reader.request()

    # --- language ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.reload_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Slot"), self.tr("Booking code"), self.tr("Name"), self.tr("Service"),
            self.tr("State"), self.tr("Ticket"), self.tr("Checked in")])
        self._hint.setText(self.tr(
            "The day's list comes from M-Paspor: import it with loket booking import FILE. "
            "A booking checks in at the kiosk around its slot (the settings "
            "booking_early_min and booking_late_min say how long before and after) and is "
            "called at its slot, ahead of walk-ins who came later."))
        self._redraw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _state_text(self, row: BookingView) -> str:
        if row.state == bookings.MISSED:
            return self.tr("missed")
        if row.state == bookings.EXPECTED:
            return self.tr("expected")
        punctual = {"on_time": self.tr("on time"), "early": self.tr("early"),
                    "late": self.tr("late")}.get(row.punctuality or "", "")
        return self.tr("checked in ({punctuality})").format(punctuality=punctual)

    def _ticket_text(self, row: BookingView) -> str:
        if row.ticket is None:
            return "–"
        words = STATUS_WORDS.get(row.ticket_status or "", {})
        return f"{row.ticket} · {words.get(current_language(), row.ticket_status or '')}"

    # --- showing -----------------------------------------------------------------------

    def _show(self, rows: list[BookingView]) -> None:
        self._rows = rows
        self.message.clear_message()
        self._redraw()
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self.message.show_error(exc)
        self.loaded.emit()

    def _redraw(self) -> None:
        rows = self._rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = [row.slot_local, row.code, row.name, row.prefix, self._state_text(row),
                     self._ticket_text(row), row.checked_in_local or "–"]
            colour = (MISSED_COLOUR if row.state == bookings.MISSED
                      else DONE_COLOUR if row.state == bookings.CHECKED_IN else None)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if colour is not None and col == 4:
                    item.setForeground(QBrush(QColor(colour)))
                self.table.setItem(index, col, item)
        checked = [r for r in rows if r.state == bookings.CHECKED_IN]
        self.summary.setText(self.tr(
            "{total} bookings · {checked} checked in ({on_time} on time, {early} early, "
            "{late} late) · {expected} expected · {missed} missed").format(
                total=len(rows), checked=len(checked),
                on_time=sum(r.punctuality == "on_time" for r in checked),
                early=sum(r.punctuality == "early" for r in checked),
                late=sum(r.punctuality == "late" for r in checked),
                expected=sum(r.state == bookings.EXPECTED for r in rows),
                missed=sum(r.state == bookings.MISSED for r in rows)))
