"""A read-only window with the office's status: waiting per queue, each counter's ticket.

The data comes from a ``fetch`` callable (in the program,
:func:`fetch_office_status`). It runs on a worker thread, never on the GUI
thread, so a slow or unreachable database does not freeze the window; the
result comes back by a queued signal, one fetch at a time (:class:`Refresher`).
When the database is unavailable the one :class:`DatabaseBanner` says so and the last
good data stays on screen; a bug's failure gets a calm sentence on the message line
below the tables (the details go to the log).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DatabaseUnavailable
from app.messages import STATUS_WORDS, current_language
from app.messages.formats import date_text, duration_text
from app.queue import status
from app.queue.status import CounterStatus, OfficeStatus, QueueStatus
from ui.kit.banner import DatabaseBanner
from ui.kit.operation import Refresher, error_sentence
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

Fetch = Callable[[], OfficeStatus]

REFRESH_MS = 2000
MESSAGE_STYLE = "QLabel { background: #fff3cd; color: #5c4400; padding: 6px; }"


def fetch_office_status() -> OfficeStatus:
    """The program's ``fetch``: :func:`app.queue.status.office_status`, on the worker's thread
    (``app.storage.db.read`` opens that thread's connection, and opens it again after an outage)."""
    return status.office_status()


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class StatusWindow(QMainWindow):
    """Waiting count per queue and what each counter is serving, refreshed every 2 s.

    ``refreshed`` is emitted after every fetch outcome has been shown, good or bad.
    """

    refreshed = Signal()

    def __init__(self, fetch: Fetch, *, interval_ms: int = REFRESH_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = current_language()
        # Its own database worker: fetches never overlap and reuse one connection.
        self._worker = DbWorker(self)
        self._reader: Refresher[OfficeStatus] = Refresher(
            self._worker, lambda: fetch, self._show_status, self._show_failure)
        self.setWindowTitle(self.tr("Office status"))
        self._banner = DatabaseBanner(self._worker, self)
        self._message = PlainLabel(self)
        self._message.setObjectName("message")
        self._message.setStyleSheet(MESSAGE_STYLE)
        self._message.setWordWrap(True)
        self._message.hide()
        self._updated = PlainLabel(self.tr("Loading…"), self)
        self._updated.setObjectName("updated")
        self._queues = self._table("queues", [
            self.tr("Queue"), self.tr("Waiting"), self.tr("Issued today"),
            self.tr("Longest wait")])
        self._counters = self._table("counters", [
            self.tr("Counter"), self.tr("Queues"), self.tr("Ticket"), self.tr("State")])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self._banner)
        layout.addWidget(self._updated)
        layout.addWidget(PlainLabel(self.tr("Queues"), central))
        layout.addWidget(self._queues)
        layout.addWidget(PlainLabel(self.tr("Counters"), central))
        layout.addWidget(self._counters)
        layout.addWidget(self._message)
        self.setCentralWidget(central)
        self.resize(640, 520)

        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    @property
    def banner(self) -> str:
        """The database banner's text while it shows, ``""`` while hidden."""
        return self._banner.text_shown

    @property
    def message(self) -> str:
        """The message line's text while it shows, ``""`` while hidden."""
        return self._message.text() if not self._message.isHidden() else ""

    @Slot()
    def refresh(self) -> None:
        """Fetch on the worker thread (once more after the fetch on its way, if one is)."""
        self._reader.request()

    @Slot(object)
    def _show_status(self, status: OfficeStatus) -> None:
        self._message.hide()
        self._fill_queues(status.queues)
        self._fill_counters(status.counters)
        self._updated.setText(self.tr("Service day {day} · updated {time}").format(
            day=date_text(status.service_day), time=dt.datetime.now().strftime("%H:%M:%S")))
        self.refreshed.emit()

    @Slot(object)
    def _show_failure(self, exc: Exception) -> None:
        if isinstance(exc, DatabaseUnavailable):
            # The banner says so (the worker has logged it); nothing else to show.
            self._message.hide()
        else:  # a bug: the worker has logged its traceback; the screen gets a sentence
            self._message.setText(error_sentence(exc, act=False))
            self._message.show()
        self.refreshed.emit()

    def _fill_queues(self, queues: list[QueueStatus]) -> None:
        self._queues.setRowCount(len(queues))
        for row, q in enumerate(queues):
            name = q.name_en if self._lang == "en" else q.name_id
            label = f"{q.prefix} · {name}"
            if not q.active:
                label = self.tr("{queue} (closed)").format(queue=label)
            self._queues.setItem(row, 0, _item(label))
            self._queues.setItem(row, 1, _item(str(q.waiting), align_right=True))
            self._queues.setItem(row, 2, _item(str(q.issued_today), align_right=True))
            self._queues.setItem(row, 3, _item(duration_text(q.longest_wait_s), align_right=True))

    def _fill_counters(self, counters: list[CounterStatus]) -> None:
        self._counters.setRowCount(len(counters))
        for row, c in enumerate(counters):
            if c.ticket is not None:
                number = c.ticket.number
                words = STATUS_WORDS.get(c.ticket.status, {})
                state = words.get(self._lang, c.ticket.status)
            else:
                number = "–"
                state = self.tr("free") if c.active else self.tr("closed")
            self._counters.setItem(row, 0, _item(f"{c.number} · {c.name}"))
            self._counters.setItem(row, 1, _item(", ".join(c.queues)))
            self._counters.setItem(row, 2, _item(number))
            self._counters.setItem(row, 3, _item(state))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._timer.stop()
        self._worker.shutdown()
        super().closeEvent(event)


def open_window(pc: object, *, windowed: bool = False) -> StatusWindow:
    """``loket monitor``: the office status in a normal window."""
    del pc, windowed  # the monitor has no per-PC settings and is never full-screen
    window = StatusWindow(fetch_office_status)
    window.show()
    return window
