"""Small parts the supervisor's window's pages share.

Composed into a page rather than inherited: Qt looks a ``self.tr`` string up under
the class of the object at run time, so a string written in a base class would go
untranslated in every subclass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DatabaseUnavailable
from ui.kit import operation
from ui.kit.operation import Operation, Refresher
from ui.kit.worker import DbWorker

DONE_STYLE = "QLabel { background: #e3f2fd; color: #0d3c61; font-size: 12pt; padding: 6px; }"
REFUSED_STYLE = "QLabel { background: #fff3cd; color: #5c4400; font-size: 12pt; padding: 6px; }"


def error_sentence(exc: Exception) -> str:
    """What a page says when its database work failed: :func:`ui.kit.operation.error_sentence`
    with the one documented exception, an outage during an act. The supervisor's acts
    carry no request id (the core's office acts take none: what they write is a setting
    or a record a second try finds), so the page cannot promise "will not be done
    twice"; it says that what was typed is kept."""
    if isinstance(exc, DatabaseUnavailable):
        return QCoreApplication.translate(
            "PageMessage", "The database could not be reached. Nothing you typed is lost; "
            "try again when the connection is back.")
    return operation.error_sentence(exc)


def py_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(parent: QWidget, name: str, day: dt.date | None = None) -> QDateEdit:
    """A day of a report's range: dd/MM/yyyy with a calendar (default: today)."""
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(qdate(day) if day is not None else QDate.currentDate())
    return edit


def report_table(parent: QWidget, name: str) -> QTableWidget:
    """A read-only table of a report, whole rows selected, rows in alternating colours."""
    table = QTableWidget(parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    return table


class PageMessage(QLabel):
    """A page's answer line: what was done, or why not in the core's own sentence."""

    shown = Signal(str, bool)  # text, refused

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_message")
        self.setWordWrap(True)
        self._refused = False
        self.hide()

    def show_done(self, text: str) -> None:
        self._show(text, refused=False)

    def show_error(self, exc: Exception) -> None:
        self._show(self.text_for(exc), refused=True)

    def show_refusal(self, text: str) -> None:
        self._show(text, refused=True)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    @property
    def refused(self) -> bool:
        """Whether the sentence shown says why something was not done."""
        return self._refused

    def text_for(self, exc: Exception) -> str:
        return error_sentence(exc)

    def _show(self, text: str, *, refused: bool) -> None:
        self._refused = refused
        self.setStyleSheet(REFUSED_STYLE if refused else DONE_STYLE)
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            self.shown.emit(text, refused)


def enable_choice(combo: QComboBox, index: int, enabled: bool) -> None:
    """Grey out one entry of a combo box (an admin-only role for a supervisor)."""
    model = combo.model()
    item = getattr(model, "item", None)
    if item is not None and item(index) is not None:
        item(index).setEnabled(enabled)


Row = TypeVar("Row")

_UNFILLED = object()


class RecordTable(Generic[Row]):
    """A table of records beside the form that edits the chosen one, and the form's acts.

    Owns the rows, the chosen record's key (``None``: the form makes a new record) and
    which record's values the form holds. A reload keeps the chosen row, drops the
    choice when its row is gone, and refills the form only when it now shows another
    record or was just saved, so that what was typed (say, during an outage) stays.
    The page says how a row looks and fills and shows its form; every word on screen
    is the page's.
    """

    def __init__(self, page: QWidget, name: str, columns: int, *, worker: DbWorker,
                 message: PageMessage, read: Callable[[], Any],
                 shown: Callable[[Any], None],
                 key: Callable[[Row], Hashable],
                 cells: Callable[[Row], Sequence[str]],
                 fill_form: Callable[[Row | None], None],
                 show_form: Callable[[], None],
                 style: Callable[[Row, QTableWidgetItem], None] | None = None,
                 stretch: int | None = None) -> None:
        """``read`` reads the rows on the worker (one read at a time: a :class:`Refresher`)
        and ``shown`` gets its answer (handing the rows to :meth:`load`); ``fill_form``
        puts a record's values (or a new one's) in the form; ``show_form`` sets what the
        form offers; ``stretch``: the one column that takes the room left (else all
        columns share it)."""
        self._page, self._worker, self._message = page, worker, message
        self._reader: Refresher[Any] = Refresher(worker, lambda: read, shown,
                                                 message.show_error)
        self._key, self._cells, self._style = key, cells, style
        self._fill_form, self._show_form = fill_form, show_form
        self._rows: list[Row] = []
        self._selected: Hashable | None = None
        self._filled_for: object = _UNFILLED  # whose values the form holds
        self._busy = False

        self.table = QTableWidget(0, columns, page)
        self.table.setObjectName(name)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        if stretch is None:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def lay_out(self, form: QWidget) -> None:
        """The page's layout: the table, the form beside it, the message line below."""
        row = QHBoxLayout()
        # The table takes the room; the form keeps a width its fields read well at.
        form.setMaximumWidth(360)
        row.addWidget(self.table, 1)
        row.addWidget(form, 0)
        layout = QVBoxLayout(self._page)
        layout.addLayout(row, 1)
        layout.addWidget(self._message)

    def reload(self) -> None:
        """Read the rows again (once more after the read on its way, if one is)."""
        self._reader.request()

    @property
    def busy(self) -> bool:
        """An act is under way; the form's buttons wait for it."""
        return self._busy

    def selected(self) -> Row | None:
        """The chosen record; ``None`` while the form makes a new one."""
        return next((r for r in self._rows if self._key(r) == self._selected), None)

    # --- showing -------------------------------------------------------------------------

    def load(self, rows: list[Row]) -> None:
        """Show freshly read rows and bring the form in line with them."""
        keep = self._selected
        self.redraw(rows)
        if keep is not None and self.selected() is None:
            self._selected = None  # its row is gone
        # What was typed stays (a reload after an outage loses nothing) unless the
        # form shows another record now, or was just saved.
        if self._filled_for != self._selected:
            self._fill()
        else:
            self._show_form()

    def redraw(self, rows: list[Row] | None = None) -> None:
        """Write the rows (the same ones again: for another language) keeping the choice."""
        if rows is not None:
            self._rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            ident = self._key(row)
            for col, text in enumerate(self._cells(row)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, ident)
                if self._style is not None:
                    self._style(row, item)
                self.table.setItem(index, col, item)
        self.table.clearSelection()
        if self._selected is not None:
            for index, row in enumerate(self._rows):
                if self._key(row) == self._selected:
                    self.table.selectRow(index)
        self.table.blockSignals(False)

    def select(self, match: Callable[[Row], bool]) -> None:
        """Choose the row ``match`` picks (as a click on it does)."""
        for index, row in enumerate(self._rows):
            if match(row):
                self.table.selectRow(index)

    def start_new(self) -> None:
        """Choose no row: the form makes a new record."""
        self.table.clearSelection()
        self._selected = None
        self._fill()

    def _fill(self) -> None:
        self._filled_for = self._selected
        self._fill_form(self.selected())
        self._show_form()

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        chosen = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        if chosen != self._selected:
            self._selected = chosen
            self._message.clear_message()
            self._fill()

    # --- acts ----------------------------------------------------------------------------

    def run(self, op: Callable[[], Any], done_text: Callable[[Any], str], *,
            new_key: Callable[[Any], Hashable] | None = None,
            after: Callable[[], None] | None = None) -> None:
        """Do ``op`` on the worker. Done: ``after()``, say ``done_text(result)`` and read
        the rows again, the form showing what was saved (``new_key``: the key of the
        record ``op`` made). Refused: the core's sentence, the form left as typed."""
        self._busy = True
        self._show_form()

        def done(result: Any) -> None:
            self._busy = False
            if after is not None:
                after()
            if new_key is not None:
                self._selected = new_key(result)
            self._filled_for = _UNFILLED  # show what was saved
            self._message.show_done(done_text(result))
            self._show_form()
            self.reload()

        def failed(exc: Exception) -> None:
            self._busy = False
            self._message.show_error(exc)
            self._show_form()

        Operation(self._worker, lambda _ctx: op()).success(done).failure(failed).run()
