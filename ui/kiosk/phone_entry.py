"""The kiosk's phone page: after a ticket, an applicant who wants to be told by
SMS/WhatsApp when their turn is near types a mobile number on a phone keypad (a walk-in,
a checked-in booking), or answers yes for the number their passport application gave,
shown by its last 4 digits only (a pickup).

Optional and skipped by default: the ticket page only offers it (when the core says it
applies, :func:`app.notify.near.offer_for`), and leaving this page or letting it go
idle keeps nothing. A typed number is checked by the core
(:func:`app.notify.near.leave_phone`, the same rule as the backlog list's phone column);
a yes is kept by :func:`app.notify.near.use_passport_phone`, which copies the passport's
number inside the database. A refusal is shown here in the window's language and the
typed number stays, to be corrected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.errors import DatabaseUnavailable, LoketError
from app.notify import near
from app.queue.kiosk import KioskTicket
from ui.kit.i18n import WindowText
from ui.kit.keypad import PHONE_ROWS, Keypad
from ui.kit.operation import Operation
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker


class PhoneEntryPage(WindowText, QWidget):
    """Type a phone number for one ticket; ``done`` when the applicant is finished."""

    done = Signal()
    touched = Signal()  # a key was pressed: the kiosk's idle countdown starts again
    stored = Signal(int)  # the ticket's id: its phone was kept
    refused = Signal(str)  # the reason's message id ("" for an outage or a fault)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phone_page")
        self._worker = worker
        self._ticket: KioskTicket | None = None
        self._places = 0
        self._ending = ""  # a pickup's: the passport's number is asked about, not typed
        self._thanked = False
        self._busy = False
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 16, 40, 16)
        column.setSpacing(12)
        self._title = self._label("title")
        self._hint = self._label("subtitle")
        self.entry = QLineEdit(self)
        self.entry.setObjectName("phone_entry")
        self.entry.setMaxLength(20)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._problem = self._label("phone_problem")
        self._problem.hide()  # shown with a problem: its room goes to the keypad otherwise
        self.keypad = Keypad(self, rows=PHONE_ROWS, names="phone_key")
        self.keypad.setObjectName("phone_keypad")
        self.back = self._button("phone_back", "secondary")
        self.yes = self._button("phone_yes", "action")
        for widget in (self._title, self._hint, self.entry, self._problem):
            column.addWidget(widget)
        column.addWidget(self.keypad, 1)
        column.addWidget(self.yes, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        column.addLayout(row)
        self._connect_callbacks()
        self._retranslate()

    def _label(self, name: str) -> PlainLabel:
        label = PlainLabel("", self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _button(self, name: str, kind: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setProperty("kind", kind)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _connect_callbacks(self) -> None:
        self.keypad.typed.connect(lambda key: self._edit(lambda: self.entry.insert(key)))
        self.keypad.backspace.connect(lambda: self._edit(self.entry.backspace))
        self.keypad.cleared.connect(lambda: self._edit(self.entry.clear))
        self.keypad.submitted.connect(self.submit)
        self.entry.returnPressed.connect(self.submit)
        self.entry.textEdited.connect(lambda _text: self.touched.emit())
        self.back.clicked.connect(self.done)
        self.yes.clicked.connect(self.accept)

    def ask(self, ticket: KioskTicket, places: int) -> None:
        """A new applicant's ticket: nothing typed, nothing kept yet. A pickup ticket
        whose passport has a mobile number is asked yes or no for that number."""
        self._ticket, self._places, self._thanked = ticket, places, False
        self._ending = ticket.near_phone_ending
        self.entry.clear()
        self._say_problem("")
        self._retranslate()

    @property
    def thanked(self) -> bool:
        return self._thanked

    def _edit(self, change: Callable[[], object]) -> None:
        self.touched.emit()
        self._say_problem("")
        change()

    def submit(self) -> None:
        """OK on the keypad: keep the typed number."""
        ticket, text = self._ticket, self.entry.text()
        if ticket is not None and not self._ending:
            self._keep(lambda: near.leave_phone(ticket.id, text))

    def accept(self) -> None:
        """Yes: keep the passport's own number for this pickup ticket."""
        ticket = self._ticket
        if ticket is not None and self._ending:
            self._keep(lambda: near.use_passport_phone(ticket.id))

    def _keep(self, work: Callable[[], object]) -> None:
        ticket = self._ticket
        if ticket is None or self._busy or self._thanked:
            return
        self.touched.emit()
        self._set_busy(True)
        Operation(self._worker, lambda _ctx: work()) \
            .success(lambda _none: self._kept(ticket.id)).failure(self._not_kept).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.keypad, self.entry, self.back, self.yes):
            widget.setEnabled(not busy)

    def _kept(self, ticket_id: int) -> None:
        self._set_busy(False)
        self._thanked = True
        self._retranslate()
        self.stored.emit(ticket_id)

    def _say_problem(self, text: str) -> None:
        self._problem.setText(text)
        self._problem.setVisible(bool(text))

    def _not_kept(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, DatabaseUnavailable):
            self._say_problem(self.tr("The queue system cannot be reached. Your number "
                                          "is still valid; please try again in a moment."))
        elif isinstance(exc, LoketError):
            self._say_problem(exc.message(self.language))
        else:
            self._say_problem(self.tr("Sorry, something went wrong. Your number is "
                                          "still valid."))
        self.refused.emit(exc.code if isinstance(exc, LoketError) else "")

    def _retranslate(self) -> None:
        number = self._ticket.number if self._ticket is not None else ""
        typed = not self._thanked and not self._ending
        self.keypad.setVisible(typed)
        self.entry.setVisible(typed)
        self.yes.setVisible(not self._thanked and bool(self._ending))
        if self._thanked:
            self._title.setText(self.tr("Thank you"))
            self._hint.setText(self._thanks(number))
            self.back.setText(self.tr("Done"))
            return
        self.back.setText(self.tr("No, thank you"))
        if self._ending:
            # Only the last digits: the kiosk's screen is read by anyone in the hall.
            self._title.setText(self.tr(
                "Send an SMS to the number ending in …{last} when your turn is "
                "near?").format(last=self._ending))
            self._hint.setText(self.tr(
                "The mobile number of your passport application. We send one SMS/WhatsApp "
                "message when about {places} numbers are before {number}.").format(
                    places=self._places, number=number))
            self.yes.setText(self.tr("Yes, send it"))
            return
        self._title.setText(self.tr("Tell me when my turn is near"))
        self._hint.setText(self.tr(
            "Type your mobile number (08… or +62…) and press OK: we send one SMS/WhatsApp "
            "message when about {places} numbers are before {number}. It is only used for "
            "this ticket today.").format(places=self._places, number=number))
        self.entry.setPlaceholderText(self.tr("Mobile number"))

    def _thanks(self, number: str) -> str:
        if self._ending:  # the passport's number: it stays with the passport
            return self.tr(
                "We will send a message to the number ending in …{last} when about {places} "
                "numbers are before {number}.").format(last=self._ending,
                                                       places=self._places, number=number)
        return self.tr(
            "We will send a message to the number ending in {last} when about {places} "
            "numbers are before {number}. The number is deleted at the end of the "
            "day.").format(last=self.entry.text()[-4:], places=self._places, number=number)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
