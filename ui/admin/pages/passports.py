"""The supervisor's window: "where is my passport?" — find a passport, see its whole
record, undo a handover recorded by mistake.

The search line takes an application number (or its beginning), a passport number,
part of the holder's name, or a scanned pickup slip: a USB scanner types the code and
Enter, so a scanned slip is simply searched for, and a forged or damaged one gets the
counter's refusal. What matches is :func:`app.pickup.service.find`'s, in its order. Undoing a
handover asks for a written reason and goes through :func:`app.pickup.service.undo_hand_over`
(supervisors only, audited); the core refuses an empty reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages.formats import date_text
from app.office.officers import OfficerView
from app.pickup import service as pickup
from app.pickup.service import PickupView
from app.storage.models import CANCELLED, COLLECTED, PRINTING, READY
from ui.admin.page import PageMessage
from ui.kit.operation import Operation, Refresher
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

Found = tuple[list[PickupView], dict[int, str]]  # the records, their handover times

ALERT_COLOR = "#b71c1c"
ALERT_STYLE = f"QLabel {{ color: {ALERT_COLOR}; font-size: 12pt; }}"
# Collected is done, not a problem: a calm green, the burn-down's "collected".
DONE_COLOR = "#2e7d32"
DONE_STYLE = f"QLabel {{ color: {DONE_COLOR}; font-size: 12pt; }}"
PLAIN_STYLE = "QLabel { font-size: 12pt; }"
RESULT_LIMIT = 50
COLUMNS = 11


def _date(iso: str | None) -> str:
    """An ISO date as the office writes it (dd/mm/yyyy)."""
    return date_text(iso)


def _colour(view: PickupView) -> str | None:
    """Red when something is wrong (past its collect-by date); green when collected."""
    if view.status == COLLECTED:
        return DONE_COLOR
    return ALERT_COLOR if view.overdue else None


class PassportsPage(QWidget):
    """Signals fire once the answer is on screen (tests wait for them)."""

    found = Signal()  # the results of a search (or its refusal) are shown
    confirm_shown = Signal()  # the undo dialog is open (``confirm_box``)
    undone = Signal(object)  # PickupView, ready again

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passports_page")
        self._worker = worker
        self._officer = officer
        self._rows: list[PickupView] = []
        self._times: dict[int, str] = {}  # handover time in office time, by record id
        self._selected: int | None = None
        self._searched: str | None = None  # the text of the search on screen
        # The search asked for last (text, keep the message) and the one being read:
        # one read at a time, and only the latest one's answer is shown.
        self._wanted: tuple[str, bool] = ("", False)
        self._reading: tuple[str, bool] = ("", False)
        self._searches: Refresher[Found] = Refresher(
            worker, self._prepare_search, self._found, self._refused)
        self._undoing = False
        self.confirm_box: QInputDialog | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("passport_search")
        self.search.setMaxLength(pickup.LOOKUP_MAX)
        self.search.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("passport_search_button")
        self._hint = PlainLabel(self)
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: #555;")
        self.summary = PlainLabel(self)
        self.summary.setObjectName("passport_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # repeats what was searched

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("passport_results")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self._detail_box = QGroupBox(self)
        self.details = PlainLabel(self)
        self.details.setObjectName("passport_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undo_handover")
        detail_row = QHBoxLayout(self._detail_box)
        detail_row.addWidget(self.details, 1)
        detail_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)

        self.message = PageMessage(self)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self._hint)
        layout.addWidget(self.summary)
        # The chosen record gets room for all its lines (a wrapped label in a group box
        # is otherwise squeezed to one).
        layout.addWidget(self.table, 3)
        layout.addWidget(self._detail_box, 2)
        layout.addWidget(self.message)

        self._connect_callbacks()
        self.retranslate()
        self._show_details()

    def _connect_callbacks(self) -> None:
        # A scanner types the code and Enter: the slip is searched for at once.
        self.search.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.undo_button.clicked.connect(self.ask_undo)

    # --- the contract with the window ------------------------------------------------------

    def title(self) -> str:
        return self.tr("Passports")

    def refresh(self) -> None:
        """Read the search on screen again (a passport may have been handed over since)."""
        if self._searched is not None:
            self._search_for(self._searched, keep_message=True)

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr(
            "Application number, passport number, part of the name, or scan the slip"))
        self.search_button.setText(self.tr("&Search"))
        self._hint.setText(self.tr(
            "A scanned pickup slip is searched for at once. Names need at least 3 letters."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Application no."), self.tr("Name"), self.tr("Passport no."),
            self.tr("Batch"), self.tr("Shelf"), self.tr("Status"), self.tr("Collect by"),
            self.tr("Collected at"), self.tr("Counter"), self.tr("Officer"),
            self.tr("Collected by")])
        self._detail_box.setTitle(self.tr("Chosen passport"))
        self.undo_button.setText(self.tr("&Undo handover…"))
        self.undo_button.setToolTip(self.tr(
            "For a handover recorded by mistake: the passport goes back to ready on the "
            "shelf. A written reason is required and kept in the audit log."))
        self._show_results(keep_message=True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- words -----------------------------------------------------------------------------

    def status_text(self, view: PickupView) -> str:
        if view.overdue:
            return self.tr("ready, collect-by date passed")
        return {READY: self.tr("ready on the shelf"), PRINTING: self.tr("still printing"),
                COLLECTED: self.tr("collected"),
                CANCELLED: self.tr("cancelled")}.get(view.status, view.status)

    def collector_text(self, view: PickupView) -> str:
        if view.status != COLLECTED or not view.collector:
            return ""
        name = view.collector_name or ""
        return {"self": self.tr("the holder"),
                "family": self.tr("family: {name}").format(name=name),
                "proxy": self.tr("proxy: {name}").format(name=name)}.get(view.collector, name)

    def _officer_text(self, view: PickupView) -> str:
        if not view.collected_by:
            return ""
        if view.collected_by_name and view.collected_by_name != view.collected_by:
            return f"{view.collected_by_name} ({view.collected_by})"
        return view.collected_by

    def cells(self, view: PickupView) -> list[str]:
        collected = view.status == COLLECTED
        return [view.application_no, view.name, view.passport_no or "–", view.batch or "–",
                view.location or "–", self.status_text(view), _date(view.collect_by),
                self._times.get(view.id, "") if collected else "",
                str(view.collected_counter or "") if collected else "",
                self._officer_text(view), self.collector_text(view)]

    # --- searching -------------------------------------------------------------------------

    def run_search(self) -> None:
        """Search for what is typed (or was just scanned)."""
        text = self.search.text()
        # The next scan replaces this one instead of being typed after it.
        self.search.selectAll()
        self._search_for(text)

    def _search_for(self, text: str, keep_message: bool = False) -> None:
        self._wanted = (text, keep_message)
        self._searches.request()

    def _prepare_search(self) -> Callable[[], Found]:
        self._reading = self._wanted
        text, who = self._wanted[0], self._officer.id

        def op() -> Found:
            views = pickup.find(text, who, limit=RESULT_LIMIT)
            return views, {v.id: pickup.local_time(v.collected_at) for v in views
                           if v.collected_at}

        return op

    def _found(self, result: Found) -> None:
        if self._reading != self._wanted:
            return  # a newer search is on its way
        text, keep_message = self._reading
        self._rows, self._times = result
        self._searched = text
        ids = [v.id for v in self._rows]
        if len(ids) == 1:
            self._selected = ids[0]
        elif self._selected not in ids:
            self._selected = None
        self._show_results(keep_message)
        self.found.emit()

    def _refused(self, exc: Exception) -> None:
        if self._reading != self._wanted:
            return
        # Nothing of an earlier search stays: a refused slip must not seem to show it.
        self._rows, self._times, self._selected, self._searched = [], {}, None, None
        self._show_results()
        self.message.show_error(exc)
        self.found.emit()

    def _show_results(self, keep_message: bool = False) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self._rows))
        for row, view in enumerate(self._rows):
            colour = _colour(view)
            for col, text in enumerate(self.cells(view)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, view.id)
                if colour is not None:
                    item.setForeground(QBrush(QColor(colour)))
                self.table.setItem(row, col, item)
            if view.id == self._selected:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        if self._searched is None:
            self.summary.setText("")
        elif not self._rows:
            self.summary.setText(self.tr("No passport matches “{text}”.").format(
                text=self._searched.strip()))
        elif len(self._rows) >= RESULT_LIMIT:
            self.summary.setText(self.tr(
                "The first {count} matches; type more to narrow the search.").format(
                count=len(self._rows)))
        else:
            self.summary.setText(self.tr("{count} passport(s) found.").format(
                count=len(self._rows)))
        if not keep_message:
            self.message.clear_message()
        self._show_details()

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        self._selected = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        self._show_details()

    def select(self, application_no: str) -> None:
        """Choose the row of ``application_no`` (as a click on it does)."""
        for row, view in enumerate(self._rows):
            if view.application_no == application_no:
                self.table.selectRow(row)

    def chosen(self) -> PickupView | None:
        return next((v for v in self._rows if v.id == self._selected), None)

    # --- the chosen record ------------------------------------------------------------------

    def detail_lines(self, view: PickupView) -> list[str]:
        lines = [
            self.tr("{name} — application no. {application_no}, passport no. {passport_no}")
            .format(name=view.name, application_no=view.application_no,
                    passport_no=view.passport_no or "–"),
            self.tr("Batch: {batch} · Shelf: {shelf}").format(batch=view.batch or "–",
                                                              shelf=view.location or "–"),
            self.tr("Status: {status}").format(status=self.status_text(view)),
        ]
        if view.status == PRINTING:
            lines.append(self.tr("Expected ready: {date}").format(date=_date(view.ready_date)))
        else:
            lines.append(self.tr("Ready since: {ready} · Collect by: {collect_by}").format(
                ready=_date(view.ready_date), collect_by=_date(view.collect_by)))
        if view.overdue:
            lines.append(self.tr("The collect-by date has passed: the passport is due to be "
                                 "cancelled, as the regulation says."))
        if view.status == COLLECTED:
            lines.append(self.tr(
                "Collected on {when} at counter {counter}, handed over by {officer} to "
                "{collector}.").format(
                when=self._times.get(view.id, "–"), counter=view.collected_counter or "?",
                officer=self._officer_text(view) or "?",
                collector=self.collector_text(view)))
            lines.append(self.tr("ID checked: {checked} · Scan: {scan}").format(
                checked=self.tr("yes") if view.id_checked else self.tr("no"),
                scan=self.tr("signed slip") if view.verified
                else self.tr("application number, not verified")))
        return lines

    def _show_details(self) -> None:
        view = self.chosen()
        if view is None:
            self.details.setText(self.tr("Search, then choose a passport in the list."))
            self.details.setStyleSheet(PLAIN_STYLE)
        else:
            self.details.setText("\n".join(self.detail_lines(view)))
            self.details.setStyleSheet({ALERT_COLOR: ALERT_STYLE, DONE_COLOR: DONE_STYLE}.get(
                _colour(view) or "", PLAIN_STYLE))
        self.undo_button.setEnabled(view is not None and view.status == COLLECTED
                                    and not self._undoing)

    # --- undoing a handover -----------------------------------------------------------------

    def ask_undo(self) -> None:
        """Ask for the reason (non-modal: the window keeps working meanwhile)."""
        view = self.chosen()
        if view is None or view.status != COLLECTED or self._undoing:
            return
        self.message.clear_message()
        box = QInputDialog(self)
        box.setObjectName("undo_confirm")
        box.setInputMode(QInputDialog.InputMode.TextInput)
        box.setWindowTitle(self.tr("Undo handover"))
        box.setLabelText(self.tr(
            "Passport {application_no} ({name}) was recorded as collected on {when} at "
            "counter {counter}. Undo this handover? The passport goes back to ready on the "
            "shelf.\n\nWhy? (required; kept in the audit log)").format(
            application_no=view.application_no, name=view.name,
            when=self._times.get(view.id, "–"), counter=view.collected_counter or "?"))
        box.setOkButtonText(self.tr("Undo handover"))
        box.setCancelButtonText(self.tr("Cancel"))
        box.textValueSelected.connect(
            lambda reason: self._undo(view.id, view.application_no, reason))
        box.finished.connect(lambda _result: self._undo_asked(box))
        self.confirm_box = box
        box.open()
        self.confirm_shown.emit()

    def _undo_asked(self, box: QInputDialog) -> None:
        if self.confirm_box is box:
            self.confirm_box = None
        box.deleteLater()

    def _undo(self, record_id: int, application_no: str, reason: str) -> None:
        self._undoing = True
        self._show_details()
        who = self._officer.id
        # Named by its signed code, not by the number: a number without enough digits
        # for a receipt barcode is still a record's number.
        Operation(self._worker, lambda _ctx: pickup.undo_hand_over(
            pickup.code_for(application_no), who, reason)) \
            .success(self._undo_done).failure(self._undo_failed).run()

    def _undo_done(self, view: PickupView) -> None:
        self._undoing = False
        self._rows = [view if v.id == view.id else v for v in self._rows]
        self._times.pop(view.id, None)
        self._show_results()
        self.message.show_done(self.tr(
            "The handover of passport {application_no} is undone: it is ready on the shelf "
            "again.").format(application_no=view.application_no))
        self.undone.emit(view)
        self.refresh()  # the rest of the list as it is now

    def _undo_failed(self, exc: Exception) -> None:
        self._undoing = False
        self._show_details()
        self.message.show_error(exc)

    # --- for tests --------------------------------------------------------------------------

    def rows(self) -> list[PickupView]:
        return list(self._rows)

    def table_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
