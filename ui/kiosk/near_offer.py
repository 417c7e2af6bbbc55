"""The kiosk's turn-near offer: the ticket page's button and the phone page it opens.

After a ticket — a walk-in's, a checked-in booking's, a pickup's — the ticket page may
offer to tell the applicant by SMS/WhatsApp when their turn is near (``number_near``,
:mod:`app.notify.near`; the core decides, :attr:`app.queue.kiosk.KioskTicket.near_places`);
the button opens :class:`ui.kiosk.phone_entry.PhoneEntryPage`, where a pickup is asked
yes or no for its passport's number. Skipping is the default: the button is only shown,
and nothing is kept unless the applicant goes on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget

from app.queue.kiosk import KioskTicket
from ui.kiosk.phone_entry import PhoneEntryPage
from ui.kit.i18n import WindowText
from ui.kit.worker import DbWorker


class NearOffer(WindowText, QObject):
    """Shows ``button`` for a ticket the offer applies to; a tap fills the phone page,
    added to ``pages``, and emits ``opened`` for the kiosk to show it."""

    opened = Signal()

    def __init__(self, worker: DbWorker, pages: QStackedWidget, button: QPushButton,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.page = PhoneEntryPage(worker, pages)
        pages.addWidget(self.page)
        self._button = button
        self._ticket: KioskTicket | None = None
        button.clicked.connect(self._open)

    def retranslate(self) -> None:
        self._button.setText(self.tr("Tell me by SMS/WhatsApp when my turn is near"))

    def show_for(self, ticket: KioskTicket) -> None:
        """The ticket page shows ``ticket``: offer the notice if the core says it
        applies (:func:`app.notify.near.offer_for`)."""
        self._ticket = ticket
        self._button.setVisible(ticket.near_places > 0)

    def _open(self) -> None:
        if self._ticket is None or not self._button.isEnabled():
            return
        self.page.ask(self._ticket, self._ticket.near_places)
        self.opened.emit()
