"""``loket kiosk``: the touch-screen ticket kiosk with its ticket printer.

Pages, one at a time:

* **start**: one big button per active service with its waiting count (disabled,
  "full for today", when the day's quota is used up), a passport pickup button,
  and a language switch (Bahasa Indonesia / English);
* **pickup**: scan the pickup slip's QR (a keyboard-wedge scanner works on any
  page) or type the application number on the on-screen keypad;
* **booking**: the same entry for an M-Paspor booking: scan its code or type it; the
  ticket is placed in line at the booking's slot (:mod:`app.queue.bookings`). Any
  scan that is a booking's code checks the booking in, on whatever page;
* **ticket**: the number, the service, how many wait ahead, and the ticket as
  printed (the preview when no printer is set up);
* **message**: why no ticket was given, in the core's words, kindly;
* **phone**: after a ticket, optionally, to be told by SMS/WhatsApp when the turn is
  near: a mobile number typed (a walk-in, a booking) or a yes for the passport's own
  (a pickup) (:mod:`ui.kiosk.near_offer`; offered only when the office sends these
  notices);
* **survey**: a queue ticket's QR scanned after its service opens the satisfaction
  survey for that ticket (:class:`ui.survey.panel.SurveyPanel`, the same questions as
  the counter's survey screen); it returns to the start by itself;
* **not printed**: the ticket was issued but the printer failed: print again,
  or cancel the number (leaving the screen alone cancels it too), so no ghost
  number waits in the queue.

Every database call runs on the window's :class:`~ui.kit.worker.DbWorker`; the ticket
image is rendered there too, by :mod:`app.queue.ticket_image`. A tap disables every button
until its ticket is printed, and carries the request id of that one tap: a lost
reply is tried again by itself for a few seconds with the same id (one ticket,
never two), then the applicant is told and the id is forgotten, so no later tap
inherits it (:mod:`ui.kit.operation`). A ticket is printed only within those few
seconds of the tap: an answer that comes later (a hung server) is not printed, the
applicant is asked to tap again, and what that tap issued is voided once
(:func:`app.queue.kiosk.withdraw_tap`), as is whatever a tap that was given up on
may have issued, as soon as the database answers again. The layout is :mod:`ui.kiosk.view`.
An idle screen goes back to the start, in the PC's language.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from app import codes
from app.errors import DatabaseUnavailable, InvalidInput, LoketError
from app.office import days
from app.queue import kiosk
from app.queue import ticket_image as tickets
from app.queue.engine import TicketView
from app.queue.kiosk import KioskBoard, KioskTicket
from app.setup.pc_settings import PcSettings
from ui.kiosk.near_offer import NearOffer
from ui.kiosk.ticket_printer import TicketPrinter, to_qimage
from ui.kiosk.view import STYLE, KioskLayout, ServiceButton, scaled_style
from ui.kit.feed_watcher import FeedWatcher
from ui.kit.full_screen import show_public
from ui.kit.i18n import WindowText, set_window_language
from ui.kit.operation import KIOSK_RETRY_MS, Intents, OpContext, Operation, Refresher
from ui.kit.scan_filter import ScanFilter
from ui.kit.worker import DbWorker
from ui.survey.panel import SurveyPanel

__all__ = ["KioskWindow", "ServiceButton", "open_window", "scaled_style"]

log = logging.getLogger("loket.ui.kiosk")

PICKUP = "pickup"  # what the typed entry page takes: an application number
BOOKING = "booking"  # or a booking's code
TICKET_CODE = f"{codes.PREFIX}.{codes.TICKET}."  # a queue ticket's signed QR
IDLE_MS = 30_000  # a page nobody touches goes back to the start
TICKET_MS = 10_000  # the ticket page, once the ticket is out
BOARD_REFRESH_MS = 60_000  # besides the change feed (a new day, a changed quota)
PREVIEW_HEIGHT = 460

# The title over a refusal, by the core's reason.
_NOT_READY = ("pickup_not_ready", "pickup_not_ready_undated")
_NOT_FOUND = ("pickup_unknown", "pickup_unknown_application")
# The day's profile: a queue closed today, or outside its hours (see app.office.days).
_CLOSED_TODAY = ("day_queue_closed", "day_queue_closed_no_next", "day_before_hours",
                 "day_after_hours")


class KioskWindow(WindowText, KioskLayout):
    """The kiosk. ``printer`` defaults to this PC's ticket printer setting.

    Its language button changes this window's language only (:attr:`language`),
    until the screen goes idle: then it speaks the PC's language again.
    """

    ticket_printed = Signal(object, float)  # KioskTicket, ms from the tap to the print job
    print_failed = Signal(object)  # KioskTicket
    ticket_cancelled = Signal(object)  # TicketView of a ticket voided after a failed print
    tap_withdrawn = Signal(object)  # TicketView | None: what a too-late tap had issued
    refused = Signal(str)  # the reason's message id
    board_changed = Signal()
    went_idle = Signal()

    def __init__(self, pc: PcSettings, *, printer: TicketPrinter | None = None,
                 idle_ms: int = IDLE_MS, ticket_ms: int = TICKET_MS,
                 retry_ms: int = KIOSK_RETRY_MS,
                 monotonic: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pc = pc
        self._paper_mm = pc.paper_width_mm
        self._printer = printer or TicketPrinter(pc.printer, self._paper_mm, parent=self)
        self._idle_ms = idle_ms
        self._ticket_ms = ticket_ms
        self._worker = DbWorker(self)
        self._busy = False
        self._board: KioskBoard | None = None
        self._board_reader: Refresher[KioskBoard] = Refresher(
            self._worker, lambda: kiosk.board, self._board_loaded, self._board_failed)
        self._service_buttons: dict[str, ServiceButton] = {}
        self._intents = Intents()  # the one tap waiting for its ticket
        self._retry_ms = retry_ms
        self._monotonic = monotonic  # when a tap was made, and how long ago
        self._withdrawals: set[str] = set()  # taps given up on, to withdraw when reachable
        self._withdrawing: set[str] = set()
        self._ticket: KioskTicket | None = None
        self._image: QImage | None = None
        self._message: tuple[str, Any] = ("", None)
        self._entry_mode = PICKUP  # what the typed entry page takes
        self._priority_offered = False  # the office runs a priority pickup queue today
        self.last_print_ms: float | None = None
        self.setObjectName("kiosk")
        self._scale = 1.0
        self.setStyleSheet(STYLE)

        self._build(self._worker)
        # A finished ticket's QR scanned here opens its satisfaction survey.
        self.survey = SurveyPanel(self._worker, self._pages)
        self.survey.setObjectName("survey_page")
        self._pages.addWidget(self.survey)
        self.near = NearOffer(self._worker, self._pages, self._near_offer, self)
        self.phone = self.near.page
        self._connect_callbacks()
        self._retranslate()

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        self._refresh = QTimer(self)
        self._refresh.setInterval(BOARD_REFRESH_MS)
        self._refresh.timeout.connect(self.reload_board)
        self._refresh.start()
        self._feed = FeedWatcher(self._worker, self)
        self._feed.changed.connect(lambda _events: self.reload_board())
        self._feed.reconnected.connect(self.reload_board)
        self._feed.start()
        self._scanner = ScanFilter(self)
        self._scanner.scanned.connect(self._on_scan)
        self._scanner.attach()
        self.reload_board()

    # --- layout ------------------------------------------------------------------

    def _connect_callbacks(self) -> None:
        self._language.clicked.connect(self._toggle_language)
        self._pickup_button.clicked.connect(self._open_pickup)
        self._booking_button.clicked.connect(self._open_booking)
        self._pickup_back.clicked.connect(self.go_home)
        self._pickup_priority.toggled.connect(self._priority_toggled)
        self._keypad.typed.connect(self._type)
        self._keypad.backspace.connect(self._backspace)
        self._keypad.cleared.connect(self._clear_entry)
        self._keypad.submitted.connect(self._submit_entry)
        self._entry.returnPressed.connect(self._submit_entry)
        self._entry.textEdited.connect(lambda _text: self._touch())
        self._ticket_done.clicked.connect(self.go_home)
        self._message_back.clicked.connect(self.go_home)
        self._reprint.clicked.connect(self._print_again)
        self._cancel.clicked.connect(lambda: self._cancel_unprinted(then_home=False))
        self.survey.done.connect(self.go_home)
        self.near.opened.connect(lambda: self._show_page(self.phone, self._idle_ms))
        self.phone.done.connect(self.go_home)
        self.phone.touched.connect(self._touch)

    # --- texts -------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loket kiosk"))
        self._language.setText("English" if self.language == "id"
                               else "Bahasa Indonesia")
        self._start_title.setText(self.tr("Welcome! Please take a number"))
        self._booking_button.setText(self.tr("I have an M-Paspor booking"))
        if self._entry_mode == BOOKING:
            self._pickup_title.setText(self.tr("M-Paspor booking"))
            self._pickup_hint.setText(self.tr(
                "Hold the QR code of your booking under the scanner, or type your booking "
                "code and press OK."))
            self._entry.setPlaceholderText(self.tr("Booking code"))
        else:
            self._pickup_title.setText(self.tr("Passport pickup"))
            self._pickup_hint.setText(self.tr(
                "Hold the QR code on your pickup slip under the scanner, or type your "
                "application number and press OK."))
            self._entry.setPlaceholderText(self.tr("Application number"))
        self._pickup_back.setText(self.tr("Back"))
        self._show_priority_choice()
        self._ticket_done.setText(self.tr("Done"))
        self.near.retranslate()
        self._message_back.setText(self.tr("Back to start"))
        self._reprint.setText(self.tr("Print again"))
        self._cancel.setText(self.tr("Cancel my number"))
        self._show_board()
        if self._ticket is not None:
            self._show_ticket_texts(self._ticket)
            self._show_unprinted_texts(self._ticket)
        if self._message[0]:
            self._show_message_texts()
        if self._busy:
            self._status.setText(self.tr("Printing your ticket…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _toggle_language(self) -> None:
        self._touch()
        # This window only: a display or counter in the same process keeps its language.
        set_window_language(self, "en" if self.language == "id" else "id")

    # --- the board -----------------------------------------------------------------

    def reload_board(self) -> None:
        """Read the services and their waiting counts again (one at a time)."""
        self._board_reader.request()

    def _board_loaded(self, board: KioskBoard) -> None:
        self._withdraw_pending()  # the database answers: void what given-up taps issued
        self._board = board
        self._show_board()
        self.board_changed.emit()

    def _board_failed(self, exc: Exception) -> None:
        log.info("kiosk board not loaded: %s", exc)

    def _show_board(self) -> None:
        board = self._board
        if board is None:
            self._office.setText(self.tr("Loading…"))
            self._pickup_button.setText(self.tr("Passport pickup"))
            self._pickup_button.hide()
            return
        self._office.setText(board.office_name)
        self._start_subtitle.setText(self._start_sentence(board))
        codes = [s.code for s in board.services]
        if codes != list(self._service_buttons):
            for button in self._service_buttons.values():
                self._services.removeWidget(button)
                button.deleteLater()
            self._service_buttons = {}
            columns = 1 if len(codes) <= 2 else 2
            for index, service in enumerate(board.services):
                button = ServiceButton(service, self._start)
                button.clicked.connect(lambda _=False, code=service.code: self.take(code))
                self._services.addWidget(button, *divmod(index, columns))
                self._service_buttons[service.code] = button
            self.scale_layouts(self._scale)
        for service in board.services:
            self._service_buttons[service.code].show_service(service)
        self._pickup_button.setVisible(board.pickup_open)
        self._booking_button.setVisible(bool(board.services))
        self._priority_offered = board.priority_pickup
        self._pickup_priority.setVisible(board.priority_pickup and self._entry_mode == PICKUP)
        if not board.priority_pickup:
            self._pickup_priority.setChecked(False)
        self._pickup_button.setText(self.tr("Passport pickup  ·  {count} waiting").format(
            count=board.pickup_waiting))
        self._enable_actions()

    def _start_sentence(self, board: KioskBoard) -> str:
        """What the start screen says under its title: outside the day's hours (or on a
        day nothing is open), kindly when numbers are given out again."""
        if board.issuing:
            return self.tr("Touch the service you need.")
        if board.next_opening is None:
            return self.tr("Sorry, no numbers are given out today.")
        when = days.when_words(dt.datetime.fromisoformat(board.next_opening),
                               self.language)
        return self.tr("Sorry, no numbers are given out now. We open again {when}. "
                       "Thank you for coming.").format(when=when)

    def service_button(self, code: str) -> ServiceButton:
        return self._service_buttons[code]

    # --- taking a ticket ------------------------------------------------------------

    def take(self, queue_code: str) -> None:
        """A tap on a service's button."""
        if self._busy:
            return
        self._touch()
        self._issue(lambda rid: kiosk.take_ticket(queue_code, rid), ("issue", queue_code))

    def check_in(self, raw: str) -> None:
        """A scanned pickup slip or booking code, or a typed application number."""
        raw = raw.strip()
        if self._busy or not raw:
            return
        self._touch()
        priority = self.priority_chosen
        self._issue(lambda rid: kiosk.check_in_scanned(raw, rid, priority=priority),
                    ("check_in_priority" if priority else "check_in", raw.upper()))

    def check_in_booking(self, raw: str) -> None:
        """A booking code typed on the booking page."""
        raw = raw.strip()
        if self._busy or not raw:
            return
        self._touch()
        self._issue(lambda rid: kiosk.check_in_booking(raw, rid), ("booking", raw.upper()))

    def _priority_toggled(self) -> None:
        self._touch()
        self._show_priority_choice()

    def _show_priority_choice(self) -> None:
        """The priority button says it is chosen with a tick, not by its colour alone."""
        text = self.tr("Priority: elderly, disabled, pregnant")
        self._pickup_priority.setText(f"✓  {text}" if self._pickup_priority.isChecked()
                                      else text)

    @property
    def priority_chosen(self) -> bool:
        """The applicant asked for the priority pickup route (and it is offered)."""
        return (self._pickup_priority.isChecked() and not self._pickup_priority.isHidden()
                and self._entry_mode == PICKUP)

    def _issue(self, op: Callable[[str | None], KioskTicket], key: tuple[str, str]) -> None:
        """One tap: tried again by itself with the same id while the database is away,
        for a few seconds; then the applicant is told and the tap is over."""
        self._set_busy(True)
        started = time.perf_counter()
        tapped = self._monotonic()
        paper_mm = self._paper_mm

        def work(ctx: OpContext) -> tuple[KioskTicket, Any]:  # on the worker thread
            ticket = op(ctx.request_id)
            return ticket, tickets.render_ticket(ticket, paper_mm)

        tap: Operation[tuple[KioskTicket, Any]] = Operation(
            self._worker, work, intents=self._intents, key=key, retry_for_ms=self._retry_ms)
        tap.success(lambda result: self._answered(result, started, tapped, tap.request_id)) \
            .failure(lambda exc: self._not_issued(exc, tap.request_id)).run()

    def _answered(self, result: tuple[KioskTicket, Any], started: float, tapped: float,
                  request_id: str | None) -> None:
        """A ticket for a tap: printed while its applicant is still there, else withdrawn."""
        if self._monotonic() - tapped <= self._retry_ms / 1000 or request_id is None:
            self._issued(result, started)
            return
        log.info("kiosk: ticket %s came %.1f s after its tap; not printed, withdrawn",
                 result[0].number, self._monotonic() - tapped)
        self._set_busy(False)
        self.reload_board()
        self._show_message("too_late", None)
        self._withdrawals.add(request_id)
        self._withdraw_pending()

    def _withdraw_pending(self) -> None:
        for request_id in self._withdrawals - self._withdrawing:
            self._withdrawing.add(request_id)

            def done(view: TicketView | None, request_id: str = request_id) -> None:
                self._withdrawing.discard(request_id)
                self._withdrawals.discard(request_id)
                self.tap_withdrawn.emit(view)
                self.reload_board()

            def failed(exc: Exception, request_id: str = request_id) -> None:
                # Kept: the next read that reaches the database tries again, with the
                # same derived request id, so it is voided once.
                self._withdrawing.discard(request_id)
                log.info("kiosk: a withdrawn tap not voided yet: %s", exc)

            # Not the applicant's intent (the tap is over): no Intents, so the next
            # tap keeps its own id; the core derives this one's from the tap's.
            def withdraw(_ctx: OpContext, request_id: str = request_id) -> TicketView | None:
                return kiosk.withdraw_tap(request_id)

            Operation(self._worker, withdraw).success(done).failure(failed).run()

    def _issued(self, result: tuple[KioskTicket, Any], started: float) -> None:
        ticket, picture = result
        self._ticket = ticket
        self._image = to_qimage(picture)
        self._reset_pickup()
        outcome = self._printer.print_image(self._image, ticket.number)
        elapsed_ms = (time.perf_counter() - started) * 1000
        self._set_busy(False)
        self.reload_board()
        if outcome.ok:
            self.last_print_ms = elapsed_ms
            self._show_printed(ticket)
            self.ticket_printed.emit(ticket, elapsed_ms)
        else:
            self._show_unprinted(ticket)
            self.print_failed.emit(ticket)

    def _not_issued(self, exc: Exception, request_id: str | None = None) -> None:
        self._set_busy(False)
        if isinstance(exc, DatabaseUnavailable) and request_id is not None:
            # The applicant is told no number was given: one of the attempts may have
            # committed all the same, so that number is voided when the database answers.
            self._withdrawals.add(request_id)
        if isinstance(exc, LoketError) and exc.code in codes.UNREADABLE:
            # The applicant is told only where to go; the precise reason is for staff.
            log.info("kiosk: a scan was refused: %s", exc.for_log())
        self._show_message("refused", exc)
        self.refused.emit(exc.code if isinstance(exc, LoketError) else "internal_error")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._status.setText(self.tr("Printing your ticket…") if busy else "")
        self._enable_actions()

    def _enable_actions(self) -> None:
        free = not self._busy
        issuing = self._board is None or self._board.issuing
        for button in self._service_buttons.values():
            button.setEnabled(free and issuing and not button.service.full)
        self._pickup_button.setEnabled(free and issuing)
        self._booking_button.setEnabled(free and issuing)
        for widget in (self._keypad, self._entry, self._reprint,
                       self._cancel, self._ticket_done, self._message_back,
                       self._pickup_back, self._pickup_priority, self._language,
                       self._near_offer):
            widget.setEnabled(free)

    @property
    def printer_destination(self) -> str:
        """Where tickets go: "printer", "pdf" or "preview" (none set up)."""
        return self._printer.destination

    # --- after the print -----------------------------------------------------------

    def _show_printed(self, ticket: KioskTicket) -> None:
        self._show_ticket_texts(ticket)
        if self._image is not None:
            pixmap = QPixmap.fromImage(self._image)
            self._preview.setPixmap(pixmap.scaledToHeight(
                min(PREVIEW_HEIGHT, pixmap.height()),
                Qt.TransformationMode.SmoothTransformation))
        self._show_page(self._ticket_page, self._ticket_ms)

    def _show_ticket_texts(self, ticket: KioskTicket) -> None:
        self._ticket_title.setText(self.tr("Your number"))
        self._number.setText(ticket.number)
        service = ticket.name(self.language)
        if ticket.booking_slot:
            service = self.tr("{service}  ·  Booking {slot}").format(
                service=service, slot=ticket.booking_slot)
        self._ticket_service.setText(service)
        if ticket.ahead == 0:
            ahead = self.tr("You are next.")
        else:
            ahead = self.tr("{count} ahead of you.").format(count=ticket.ahead)
        if ticket.estimate_min is not None:
            low, high = ticket.estimate_min
            ahead += " " + self.tr("Estimated wait: {low}–{high} minutes.").format(
                low=low, high=high)
        self._ticket_ahead.setText(ahead)
        if ticket.again:
            hint = self.tr("You already checked in today: this is your number again.")
        elif self._printer.destination == "preview":
            # Not the applicant's concern: the set-up fault is logged when the kiosk opens.
            hint = self.tr("Please note your number and wait until it is called.")
        else:
            hint = self.tr("Please take your ticket and wait until your number is called.")
        self._ticket_hint.setText(hint)
        self.near.show_for(ticket)

    def _show_unprinted(self, ticket: KioskTicket) -> None:
        self._show_unprinted_texts(ticket)
        self._show_page(self._unprinted, self._idle_ms)

    def _show_unprinted_texts(self, ticket: KioskTicket) -> None:
        self._unprinted_title.setText(self.tr("Your ticket could not be printed"))
        self._unprinted_body.setText(self.tr(
            "Number {number} is kept for you while you choose: print it again, or cancel "
            "it. If you leave, it is cancelled.").format(number=ticket.number))

    def _print_again(self) -> None:
        if self._busy or self._ticket is None or self._image is None:
            return
        self._touch()
        started = time.perf_counter()
        outcome = self._printer.print_image(self._image, self._ticket.number)
        if outcome.ok:
            self._show_printed(self._ticket)
            self.ticket_printed.emit(self._ticket, (time.perf_counter() - started) * 1000)
        else:
            self._unprinted_body.setText(self.tr(
                "Number {number} could still not be printed. Cancel it and please ask "
                "staff for help.").format(number=self._ticket.number))
            self.print_failed.emit(self._ticket)

    def _cancel_unprinted(self, *, then_home: bool) -> None:
        """Void the ticket that did not print, so nobody waits for a ghost number."""
        ticket = self._ticket
        if ticket is None or self._busy:
            return
        self._set_busy(True)

        def done(view: TicketView) -> None:
            self._set_busy(False)
            self._ticket = None
            self.reload_board()
            self.ticket_cancelled.emit(view)
            if then_home:
                self.go_home()
            else:
                self._show_message("cancelled", ticket)

        def failed(exc: Exception) -> None:
            log.warning("unprinted ticket %s not cancelled: %s", ticket.number, exc)
            self._set_busy(False)
            self._show_message("not_cancelled", ticket)

        # Its own intent: a second try of this cancel (after a lost reply) is the same
        # request; anything the applicant does next is another.
        Operation(self._worker, lambda ctx: kiosk.cancel_unprinted(ticket.id, ctx.request_id),
                  intents=self._intents, key=("cancel_unprinted", ticket.id)) \
            .success(done).failure(failed).run()

    # --- messages ------------------------------------------------------------------

    def _show_message(self, kind: str, payload: Any) -> None:
        self._message = (kind, payload)
        self._show_message_texts()
        self._show_page(self._message_page, self._idle_ms)

    def _show_message_texts(self) -> None:
        kind, payload = self._message
        hint = self.tr("Need help? Please ask at the information desk.")
        if kind == "too_late":
            title = self.tr("Please touch your service again")
            body = self.tr("The queue system answered too slowly, so no number was "
                           "printed. Please touch your service again.")
        elif kind == "cancelled":
            title = self.tr("Number cancelled")
            body = self.tr("Number {number} was not printed and has been cancelled. You "
                           "can take a new number.").format(number=payload.number)
        elif kind == "not_cancelled":
            title = self.tr("Your ticket could not be printed")
            body = self.tr("Number {number} could not be printed. Please show this screen "
                           "to staff.").format(number=payload.number)
        else:
            title, body, extra = self._refusal_texts(payload)
            hint = hint if extra == "" else extra or ""
        self._message_title.setText(title)
        self._message_body.setText(body)
        self._message_hint.setText(hint)

    def _refusal_texts(self, exc: Exception) -> tuple[str, str, str | None]:
        """(title, the core's sentence, what to do) for a refusal; "" for the usual
        "ask at the information desk", None when the sentence already says it."""
        if isinstance(exc, DatabaseUnavailable):
            return (self.tr("The queue system cannot be reached"),
                    self.tr("No number was given. Please try again in a moment."), "")
        if not isinstance(exc, LoketError):
            return (self.tr("Sorry, something went wrong"),
                    self.tr("No number was given."), "")
        code, message = exc.code, exc.message(self.language)
        if code in codes.UNREADABLE:
            # The precise reason (damaged, from another office …) is for staff, who can
            # look at the slip; the applicant only needs to know where to go.
            return (self.tr("We could not read this code"),
                    self.tr("Please ask at the information desk: staff will help you."), None)
        if code in _NOT_READY:
            return (self.tr("Your passport is not ready yet"), message,
                    self.tr("You do not need to queue today. Please come back when it is "
                            "ready."))
        if code == "pickup_overdue":
            return (self.tr("The pickup period has ended"), message,
                    self.tr("Please go to the information desk; a supervisor will help you."))
        if code == "kiosk_pickup_collected":
            return self.tr("This passport has already been collected"), message, ""
        if code == "pickup_cancelled":
            return self.tr("This passport has been cancelled"), message, ""
        if code in _NOT_FOUND:
            return (self.tr("We could not find this passport"), message,
                    self.tr("Check the number on your slip and try again, or ask at the "
                            "information desk."))
        if code == "booking_too_early":
            return self.tr("Too early for your booking"), message, None
        if code == "booking_too_late":
            return self.tr("Your booking time has passed"), message, None
        if code == "booking_other_day":
            return self.tr("Your booking is for another day"), message, None
        if code == "booking_unknown":
            return self.tr("We could not find this booking"), message, None
        if code == "quota_full":
            return (self.tr("No more numbers for today"), message,
                    self.tr("Please come back on the next working day."))
        if code == "queue_inactive":
            return self.tr("This service is closed"), message, ""
        if code in _CLOSED_TODAY:
            return self.tr("This service is closed now"), message, ""
        if isinstance(exc, InvalidInput) or code in ("scan_is_ticket",
                                                     "kiosk_pickup_needs_slip"):
            return (self.tr("We could not read this code"), message,
                    self.tr("Scan the QR code on your passport pickup slip, or type your "
                            "application number."))
        return self.tr("No number was given"), message, ""

    # --- pickup entry --------------------------------------------------------------

    def _open_pickup(self) -> None:
        self._open_entry(PICKUP)

    def _open_booking(self) -> None:
        self._open_entry(BOOKING)

    def _open_entry(self, mode: str) -> None:
        self._touch()
        self._reset_pickup()
        self._entry_mode = mode
        self._pickup_priority.setVisible(self._priority_offered and mode == PICKUP)
        self._retranslate()
        self._show_page(self._pickup, self._idle_ms)

    def _type(self, key: str) -> None:
        self._touch()
        self._entry.insert(key)

    def _backspace(self) -> None:
        self._touch()
        self._entry.backspace()

    def _clear_entry(self) -> None:
        self._entry.clear()

    def _reset_pickup(self) -> None:
        """A visit ends or starts: no code typed, the priority route not chosen."""
        self._clear_entry()
        self._pickup_priority.setChecked(False)

    def _submit_entry(self) -> None:
        if self._entry_mode == BOOKING:
            self.check_in_booking(self._entry.text())
        else:
            self.check_in(self._entry.text())

    def _on_scan(self, text: str) -> None:
        """A keyboard-wedge scanner read a code, on whatever page is showing."""
        if self._busy:
            return
        if text.strip().upper().startswith(TICKET_CODE):
            self.open_survey(text)
            return
        self._entry.setText(text.strip())
        self.check_in(text)

    def open_survey(self, raw: str) -> None:
        """A ticket's QR: its survey (the panel shows the questions, or why not, and
        ends by itself)."""
        self._idle.stop()
        self._intents.drop()
        self._pages.setCurrentWidget(self.survey)
        self.survey.ask_code(raw)

    # --- pages, idleness -----------------------------------------------------------

    @property
    def page(self) -> str:
        """The page showing: start, pickup, booking, ticket, message or unprinted."""
        current = self._pages.currentWidget()
        if current is self._pickup and self._entry_mode == BOOKING:
            return BOOKING
        return current.objectName().removesuffix("_page") if current is not None else ""

    def _show_page(self, page: QWidget, timeout_ms: int) -> None:
        self._pages.setCurrentWidget(page)
        self._idle.start(timeout_ms)

    def _touch(self) -> None:
        """Someone is using the kiosk: the idle countdown starts again."""
        on_ticket = self._pages.currentWidget() is self._ticket_page
        self._idle.start(self._ticket_ms if on_ticket else self._idle_ms)

    def go_home(self) -> None:
        """Back to the start page (a finished or abandoned visit)."""
        self._intents.drop()
        self._reset_pickup()
        self._message = ("", None)
        self._pages.setCurrentWidget(self._start)
        self._idle.start(self._idle_ms)  # to restore the PC's language if it was changed
        self.reload_board()

    def _on_idle(self) -> None:
        if self._pages.currentWidget() is self.survey:
            return  # the survey ends by itself
        if self._busy:
            self._idle.start(self._idle_ms)
            return
        if self._pages.currentWidget() is self._unprinted:
            self._cancel_unprinted(then_home=True)
        else:
            self._reset_pickup()
            self._message = ("", None)
            self._pages.setCurrentWidget(self._start)
        self._intents.drop()  # the next applicant starts afresh
        if getattr(self, "window_lang", None) is not None:
            set_window_language(self, None)  # the next applicant: the PC's language
        self.went_idle.emit()

    # --- the screen -----------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Sizes follow the screen: designed for 1280×800, readable from 960×540 (the
        hall demo) to a 1920×1080 kiosk."""
        size = event.size()
        scale = max(0.4, min(2.5, size.width() / 1280, size.height() / 800))
        if abs(scale - self._scale) > 0.02:
            self._scale = scale
            self.setStyleSheet(scaled_style(STYLE, scale))
            self.scale_layouts(scale)
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._idle.stop()
        self._refresh.stop()
        self._feed.stop()
        self._scanner.detach()
        self._worker.shutdown()
        super().closeEvent(event)


def open_window(pc: PcSettings, *, windowed: bool = False) -> KioskWindow:
    """``loket kiosk``: full screen on the kiosk's touch screen (``windowed``: a window)."""
    window = KioskWindow(pc)
    if window.printer_destination == "preview":
        log.warning("no ticket printer is set up on this kiosk: tickets are only shown on "
                    "the screen (set one with 'loket setup')")
    show_public(window, windowed=windowed, width=1280, height=800)
    # The scanner types into the active window: take the keyboard from the start.
    window.raise_()
    window.activateWindow()
    return window
