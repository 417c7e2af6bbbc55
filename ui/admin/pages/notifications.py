"""The supervisor's window: messages to applicants ("Pemberitahuan").

Sent, pending and failed messages with why a message could not be delivered; a failed
one can be sent again (:func:`app.notify.outbox.retry`, audited). No passport numbers:
the messages hold none. Beside them, each pickup day's invitations and their limit
(:mod:`ui.admin.pages.notify_invitations`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QPushButton,
    QSizePolicy,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import render
from app.notify import outbox
from app.notify.outbox import NotificationView
from app.office.officers import OfficerView
from app.storage.models import NOTIFY_FAILED
from ui.admin.page import PageMessage, RecordTable
from ui.admin.pages.notify_invitations import InvitationsBox
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

_FAILED_BACKGROUND = QColor("#fdecea")


class NotificationsPage(QWidget):
    """``loaded`` after the messages and the invitations per day are on screen."""

    loaded = Signal()

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notifications_page")
        self._officer = officer
        self.message = PageMessage(self)
        self._records: RecordTable[NotificationView] = RecordTable(
            self, "notifications_table", 7, worker=worker, message=self.message,
            read=lambda: outbox.listing(limit=500), shown=self._show_rows,
            key=lambda n: n.id, cells=self._cells, fill_form=lambda _row: None,
            show_form=self._show_form, style=self._style, stretch=6)
        self.table = self._records.table
        self._box = QGroupBox(self)
        self.counts = PlainLabel(self)
        self.counts.setObjectName("notifications_counts")
        self.counts.setWordWrap(True)
        self.chosen = PlainLabel(self)
        self.chosen.setObjectName("notification_text")
        self.chosen.setWordWrap(True)
        # A long message wraps in the column rather than widening it over the messages.
        self.chosen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("notification_retry")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("notifications_refresh")
        inner = QVBoxLayout(self._box)
        for widget in (self.counts, self.chosen, self.retry_button, self.refresh_button):
            inner.addWidget(widget)
        self.invitations = InvitationsBox(worker, officer, self.message, self)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._box)
        column.addWidget(self.invitations, 1)
        self._records.lay_out(side)
        self._waiting: set[str] = set()  # the parts a refresh still waits for
        self._rows: list[NotificationView] = []
        self.retry_button.clicked.connect(self.retry)
        self.refresh_button.clicked.connect(self.refresh)
        self.invitations.loaded.connect(lambda: self._part_loaded("invitations"))
        self.retranslate()
        self._show_form()

    # --- the contract with the window ----------------------------------------------------

    def title(self) -> str:
        return self.tr("Notifications")

    def refresh(self) -> None:
        self._waiting = {"messages", "invitations"}
        self._records.reload()
        self.invitations.refresh()

    def _part_loaded(self, part: str) -> None:
        self._waiting.discard(part)
        if not self._waiting:
            self.loaded.emit()

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("State"), self.tr("Message"), self.tr("To"), self.tr("Application"),
            self.tr("Attempts"), self.tr("When"), self.tr("Why not delivered")])
        self._box.setTitle(self.tr("Chosen message"))
        self.retry_button.setText(self.tr("Send again"))
        self.refresh_button.setText(self.tr("Refresh"))
        self._records.redraw()
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing ----------------------------------------------------------------------------

    def _cells(self, row: NotificationView) -> list[str]:
        return [render(f"notify_state_{row.state}", {}), render(f"notify_kind_{row.kind}", {}),
                row.to, row.application_no or "", str(row.attempts), row.when_text(),
                outbox.reason_text(row.failed_reason)]

    def _style(self, row: NotificationView, item: QTableWidgetItem) -> None:
        if row.state == NOTIFY_FAILED:
            item.setBackground(_FAILED_BACKGROUND)

    def _show_rows(self, rows: list[NotificationView]) -> None:
        self._rows = rows
        self._records.load(rows)
        self._show_counts()
        self._part_loaded("messages")

    def _show_counts(self) -> None:
        by_state = {s: sum(1 for r in self._rows if r.state == s)
                    for s in ("sent", "pending", "failed", "cancelled")}
        self.counts.setText(self.tr("Sent {sent}, waiting {pending}, failed {failed}, "
                                    "cancelled {cancelled}").format(**by_state))

    def _show_form(self) -> None:
        chosen = self._records.selected()
        self.chosen.setText(chosen.text if chosen is not None else "")
        self.retry_button.setEnabled(chosen is not None and chosen.state == NOTIFY_FAILED
                                     and not self._records.busy)

    # --- acts ---------------------------------------------------------------------------------

    def retry(self) -> None:
        chosen = self._records.selected()
        if chosen is None or chosen.state != NOTIFY_FAILED:
            return
        officer, ident = self._officer.id, chosen.id
        self._records.run(lambda: outbox.retry(officer, ident),
                          lambda _view: self.tr("The message will be sent again."))
