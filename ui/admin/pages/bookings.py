"""The supervisor's window: "Booking hari ini" — today's M-Paspor bookings and where each
one stands (expected, checked in with its ticket and punctuality, or missed).

The list is :func:`app.queue.bookings.day_list`'s, in slot order; it names applicants,
so it is read only for a supervisor. The list itself comes from M-Paspor: "Import list…"
imports a file with :func:`app.queue.bookings.import_bookings`, as ``loket booking
import`` does (all or nothing: a file with bad lines is refused line by line and adds no
booking).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import STATUS_WORDS, current_language, render
from app.office import permissions
from app.office.officers import OfficerView
from app.pickup.backlog import ImportRejected, read_list_file
from app.queue import bookings
from app.queue.bookings import BookingImport, BookingView
from ui.admin.page import PageMessage, error_sentence
from ui.kit.operation import Operation, Refresher
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

COLUMNS = 7
MISSED_COLOUR = "#b71c1c"
DONE_COLOUR = "#2e7d32"


class BookingsPage(QWidget):
    """``loaded`` fires once the day's list is on screen (tests wait for it);
    ``imported`` and ``import_failed`` once an import has ended."""

    loaded = Signal()
    imported = Signal(object)  # the BookingImport
    import_failed = Signal(str)  # the sentence shown

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookings_page")
        self._worker = worker
        self._officer = officer
        self._importing = False
        self._read_failed = False  # the message says why the list could not be read
        self._rows: list[BookingView] = []
        self._reader: Refresher[list[BookingView]] = Refresher(
            worker, lambda: lambda: bookings.day_list(by=officer.id), self._show,
            self._failed)

        self.summary = PlainLabel(self)
        self.summary.setObjectName("booking_summary")
        self.summary.setStyleSheet("QLabel { font-size: 12pt; }")
        self.reload_button = QPushButton(self)
        self.reload_button.setObjectName("booking_reload")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("booking_import")
        # The bad lines of a refused file, one a row, as the command line lists them.
        self.problems = QListWidget(self)
        self.problems.setObjectName("booking_problems")
        self.problems.setMaximumHeight(160)
        self.problems.hide()
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
        top.addWidget(self.import_button)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._hint)
        layout.addWidget(self.message)
        layout.addWidget(self.problems)
        self.reload_button.clicked.connect(self.refresh)
        self.import_button.clicked.connect(self._ask_for_file)
        self._set_enabled()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Bookings today")

    def refresh(self) -> None:
        self._reader.request()

    # --- language ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.reload_button.setText(self.tr("Refresh"))
        self.import_button.setText(self.tr("Import list…"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Slot"), self.tr("Booking code"), self.tr("Name"), self.tr("Service"),
            self.tr("State"), self.tr("Ticket"), self.tr("Checked in")])
        self._hint.setText(self.tr(
            "The day's list comes from M-Paspor (CSV or XLSX, columns kode_booking, nama, "
            "layanan, tanggal, jam): import it with Import list… or loket booking import. "
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
        if self._read_failed:  # an import's answer stays while the list is read again
            self._read_failed = False
            self.message.clear_message()
        self._redraw()
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self._read_failed = True
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

    # --- importing ---------------------------------------------------------------------

    def _ask_for_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the booking list from M-Paspor"), str(Path.home()),
            self.tr("Lists (*.csv *.txt *.xlsx);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import the booking list at ``path`` on the worker (the file dialog ends here);
        all or nothing, then the day's list is read again."""
        if self._importing:
            return
        who = self._officer.id
        self._importing = True
        self._set_enabled()
        self.problems.clear()
        self.problems.hide()
        self._read_failed = False
        self.message.show_done(self.tr("Importing {file}…").format(file=Path(path).name))
        Operation(self._worker, lambda _ctx: bookings.import_bookings(
            read_list_file(path)[0], officer=who, source=path)) \
            .success(self._imported).failure(self._import_failed).run()

    def _imported(self, summary: BookingImport) -> None:
        self._importing = False
        self._set_enabled()
        self.message.show_done(render("booking_imported", summary.to_dict()))
        self.imported.emit(summary)
        self.refresh()

    def _import_failed(self, exc: Exception) -> None:
        self._importing = False
        self._set_enabled()
        if isinstance(exc, ImportRejected):
            self.problems.addItems(exc.lines())
            self.problems.show()
        text = error_sentence(exc)
        self.message.show_refusal(text)
        self.import_failed.emit(text)

    def _set_enabled(self) -> None:
        self.import_button.setEnabled(
            not self._importing and permissions.allows(self._officer.role, "booking_import"))
