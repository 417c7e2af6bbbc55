"""The kiosk's turn-near offer: the ticket page's button and the phone page it opens.

After a ticket the ticket page may offer to tell the applicant by SMS/WhatsApp when
their turn is near (``number_near``, :mod:`app.notify.near`); the button opens
:class:`ui.kiosk.phone_entry.PhoneEntryPage`. Skipping is the default: the button is
only shown, and nothing is kept unless the applicant goes on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget

from app.queue import kiosk
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
        self._places = 0
        button.clicked.connect(self._open)

    def retranslate(self) -> None:
        self._button.setText(self.tr("Tell me by SMS/WhatsApp when my turn is near"))

    def show_for(self, ticket: KioskTicket, board_places: int) -> None:
        """The ticket page shows ``ticket``: offer the notice if it applies."""
        self._ticket = ticket
        self._places = self.places(ticket, board_places)
        self._button.setVisible(self._places > 0)

    @staticmethod
    def places(ticket: KioskTicket, board_places: int) -> int:
        """How near the turn the applicant of this walk-in ticket can be told, if the
        phone page is offered for it (0: not offered): the office sends these notices,
        and more than that many wait before it (else the turn is near already)."""
        walk_in = ticket.kind == kiosk.SERVICE and not ticket.booking_slot and not ticket.again
        return board_places if walk_in and ticket.ahead > board_places else 0

    def _open(self) -> None:
        if self._ticket is None or not self._button.isEnabled():
            return
        self.page.ask(self._ticket, self._places)
        self.opened.emit()
