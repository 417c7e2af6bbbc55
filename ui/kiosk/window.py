"""``loket kiosk``: the touch-screen ticket kiosk with its ticket printer.

Pages, one at a time:

* **start**: one big button per active service with its waiting count (disabled,
  "full for today", when the day's quota is used up), a passport pickup button,
  and a language switch (Bahasa Indonesia / English);
* **pickup**: scan the pickup slip's QR (a keyboard-wedge scanner works on any
  page) or type the application number on the on-screen keypad;
* **ticket**: the number, the service, how many wait ahead, and the ticket as
  printed (the preview when no printer is set up);
* **message**: why no ticket was given, in the core's words, kindly;
* **not printed**: the ticket was issued but the printer failed: print again,
  or cancel the number (leaving the screen alone cancels it too), so no ghost
  number waits in the queue.

Every database call runs on the window's :class:`~ui.kit.worker.DbWorker`; the ticket
image is rendered there too, by :mod:`app.queue.ticket_image`. A tap disables every button
until its ticket is printed, and carries a request id, kept until an answer
comes back, so a double tap or a retry after a lost connection issues one ticket.
An idle screen goes back to the start, in the PC's language.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DatabaseUnavailable, InvalidInput, LoketError
from app.messages import current_language
from app.queue import kiosk
from app.queue import ticket_image as tickets
from app.queue.engine import TicketView
from app.queue.kiosk import KioskBoard, KioskService, KioskTicket
from app.setup.pc_settings import PcSettings
from ui.kiosk.ticket_printer import TicketPrinter, to_qimage
from ui.kit.feed_watcher import FeedWatcher
from ui.kit.i18n import install_language
from ui.kit.keypad import Keypad
from ui.kit.scan_filter import ScanFilter
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.kiosk")

IDLE_MS = 30_000  # a page nobody touches goes back to the start
TICKET_MS = 10_000  # the ticket page, once the ticket is out
BOARD_REFRESH_MS = 60_000  # besides the change feed (a new day, a changed quota)
PREVIEW_HEIGHT = 460

STYLE = """
KioskWindow { background: #eef2f7; }
QLabel { color: #1a2433; }
QWidget#header { background: #0d47a1; }
QLabel#office { color: white; font-size: 26px; font-weight: bold; }
QPushButton#language { background: white; color: #0d47a1; border-radius: 10px;
    font-size: 20px; font-weight: bold; padding: 10px 22px; }
QLabel#title { font-size: 34px; font-weight: bold; }
QLabel#subtitle { font-size: 20px; color: #37474f; }
QPushButton[kind="service"] { background: #1565c0; border: none; border-radius: 16px; }
QPushButton[kind="service"]:pressed { background: #0d47a1; }
QPushButton[kind="service"]:disabled { background: #b0bec5; }
QPushButton[kind="service"] QLabel { color: white; background: transparent; }
QLabel#prefix { font-size: 54px; font-weight: bold; min-width: 80px; }
QLabel#service_name { font-size: 28px; font-weight: bold; }
QLabel#service_detail { font-size: 20px; }
QPushButton#pickup { background: #2e7d32; color: white; border: none; border-radius: 16px;
    font-size: 30px; font-weight: bold; padding: 24px; }
QPushButton#pickup:pressed { background: #1b5e20; }
QPushButton#pickup:disabled { background: #b0bec5; }
QPushButton[kind="action"] { background: #1565c0; color: white; border: none;
    border-radius: 12px; font-size: 24px; font-weight: bold; padding: 18px 36px; }
QPushButton[kind="action"]:disabled { background: #b0bec5; }
QPushButton[kind="secondary"] { background: white; color: #1565c0; border: 2px solid #1565c0;
    border-radius: 12px; font-size: 24px; font-weight: bold; padding: 16px 36px; }
Keypad QPushButton { background: white; border: 1px solid #90a4ae; border-radius: 10px;
    font-size: 26px; font-weight: bold; color: #1a2433; min-height: 64px; }
Keypad QPushButton:pressed { background: #bbdefb; }
Keypad QPushButton#key_ok { background: #2e7d32; color: white; border: none; }
Keypad QPushButton:disabled { color: #90a4ae; }
QLineEdit#entry { font-size: 36px; font-weight: bold; padding: 10px; border: 2px solid #1565c0;
    border-radius: 10px; background: white; letter-spacing: 2px; }
QLabel#number { font-size: 150px; font-weight: bold; color: #0d47a1; }
QLabel#ticket_text { font-size: 26px; }
QLabel#message_title, QLabel#unprinted_title { font-size: 40px; font-weight: bold;
    color: #0d47a1; }
QLabel#unprinted_title { color: #b71c1c; }
QLabel#message_body, QLabel#unprinted_body { font-size: 28px; }
QLabel#message_hint { font-size: 22px; color: #37474f; }
QLabel#preview { background: white; border: 1px solid #cfd8dc; }
QLabel#status { font-size: 20px; color: #37474f; }
QLabel#banner { background: #c62828; color: white; font-size: 22px; font-weight: bold;
    padding: 10px; }
QPushButton[kind="service"] { min-height: 120px; }
QPushButton#pickup { min-height: 110px; }
"""

# The title over a refusal, by the core's reason.
_NOT_READY = ("pickup_not_ready", "pickup_not_ready_undated")
_NOT_FOUND = ("pickup_unknown", "pickup_unknown_application")


def _label(text: str, name: str, parent: QWidget, *, wrap: bool = False,
           centre: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    if centre:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _button(name: str, kind: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setProperty("kind", kind)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def scaled_style(style: str, scale: float) -> str:
    """``style`` with every pixel size multiplied by ``scale``."""
    return re.sub(r"(\d+)px", lambda m: f"{max(1, round(int(m.group(1)) * scale))}px", style)


class ServiceButton(QPushButton):
    """One service: its letter, its name in the chosen language, and how busy it is."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"service_{service.code}")
        self.setProperty("kind", "service")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(20)
        self._prefix = _label("", "prefix", self)
        self._name = _label("", "service_name", self, wrap=True)
        self._detail = _label("", "service_detail", self)
        texts = QVBoxLayout()
        texts.addStretch(1)
        texts.addWidget(self._name)
        texts.addWidget(self._detail)
        texts.addStretch(1)
        row.addWidget(self._prefix)
        row.addLayout(texts, 1)
        for label in (self._prefix, self._name, self._detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.service = service
        self.show_service(service)

    def show_service(self, service: KioskService) -> None:
        self.service = service
        self._prefix.setText(service.prefix)
        self._name.setText(service.name(current_language()))
        if service.full:
            self._detail.setText(self.tr("Full for today"))
        else:
            self._detail.setText(self.tr("{count} waiting").format(count=service.waiting))
        self.setAccessibleName(f"{self._name.text()}: {self._detail.text()}")

    @property
    def detail(self) -> str:
        return self._detail.text()

    @property
    def name_text(self) -> str:
        return self._name.text()


class KioskWindow(QWidget):
    """The kiosk. ``printer`` defaults to this PC's ticket printer setting."""

    ticket_printed = Signal(object, float)  # KioskTicket, ms from the tap to the print job
    print_failed = Signal(object)  # KioskTicket
    ticket_cancelled = Signal(object)  # TicketView of a ticket voided after a failed print
    refused = Signal(str)  # the reason's message id
    board_changed = Signal()
    went_idle = Signal()

    def __init__(self, pc: PcSettings, *, printer: TicketPrinter | None = None,
                 idle_ms: int = IDLE_MS, ticket_ms: int = TICKET_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pc = pc
        self._home_language = current_language()
        self._paper_mm = pc.paper_width_mm
        self._printer = printer or TicketPrinter(pc.printer, self._paper_mm, parent=self)
        self._idle_ms = idle_ms
        self._ticket_ms = ticket_ms
        self._worker = DbWorker(self)
        self._busy = False
        self._board: KioskBoard | None = None
        self._board_loading = False
        self._board_stale = False
        self._service_buttons: dict[str, ServiceButton] = {}
        self._request_ids: dict[tuple[str, str], str] = {}
        self._ticket: KioskTicket | None = None
        self._image: QImage | None = None
        self._message: tuple[str, Any] = ("", None)
        self.last_print_ms: float | None = None
        self.setObjectName("kiosk")
        self._scale = 1.0
        self.setStyleSheet(STYLE)

        self._build()
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

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # The screen decides the size, not the pages' minimums: sizes scale with it
        # (resizeEvent), so a small screen gets smaller type rather than a window
        # taller than the screen.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        header = QWidget(self)
        header.setObjectName("header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        bar = QHBoxLayout(header)
        bar.setContentsMargins(28, 14, 28, 14)
        self._office = _label("", "office", header)
        self._language = _button("language", "language", header)
        bar.addWidget(self._office, 1)
        bar.addWidget(self._language)
        outer.addWidget(header)

        self._banner = _label("", "banner", self, wrap=True, centre=True)
        self._banner.hide()
        outer.addWidget(self._banner)

        self._pages = QStackedWidget(self)
        self._start = self._build_start()
        self._pickup = self._build_pickup()
        self._ticket_page = self._build_ticket()
        self._message_page = self._build_message()
        self._unprinted = self._build_unprinted()
        for page in (self._start, self._pickup, self._ticket_page, self._message_page,
                     self._unprinted):
            self._pages.addWidget(page)
        outer.addWidget(self._pages, 1)

        self._status = _label("", "status", self, centre=True)
        self._status.setContentsMargins(0, 6, 0, 12)
        outer.addWidget(self._status)

    def _page(self, name: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self)
        page.setObjectName(name)
        column = QVBoxLayout(page)
        column.setContentsMargins(40, 24, 40, 16)
        column.setSpacing(18)
        return page, column

    def _build_start(self) -> QWidget:
        page, column = self._page("start_page")
        self._start_title = _label("", "title", page, centre=True)
        self._start_subtitle = _label("", "subtitle", page, centre=True)
        column.addWidget(self._start_title)
        column.addWidget(self._start_subtitle)
        self._services = QGridLayout()
        self._services.setSpacing(18)
        column.addLayout(self._services, 1)
        self._pickup_button = _button("pickup", "pickup", page)
        column.addWidget(self._pickup_button)
        return page

    def _build_pickup(self) -> QWidget:
        page, column = self._page("pickup_page")
        self._pickup_title = _label("", "title", page, centre=True)
        self._pickup_hint = _label("", "subtitle", page, wrap=True, centre=True)
        self._entry = QLineEdit(page)
        self._entry.setObjectName("entry")
        self._entry.setMaxLength(32)
        self._entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._keypad = Keypad(page)
        self._pickup_back = _button("pickup_back", "secondary", page)
        column.addWidget(self._pickup_title)
        column.addWidget(self._pickup_hint)
        column.addWidget(self._entry)
        column.addWidget(self._keypad, 1)
        row = QHBoxLayout()
        row.addWidget(self._pickup_back)
        row.addStretch(1)
        column.addLayout(row)
        return page

    def _build_ticket(self) -> QWidget:
        page, column = self._page("ticket_page")
        row = QHBoxLayout()
        texts = QVBoxLayout()
        self._ticket_title = _label("", "title", page, centre=True)
        self._number = _label("", "number", page, centre=True)
        self._ticket_service = _label("", "ticket_text", page, wrap=True, centre=True)
        self._ticket_ahead = _label("", "ticket_text", page, wrap=True, centre=True)
        self._ticket_hint = _label("", "subtitle", page, wrap=True, centre=True)
        self._ticket_done = _button("ticket_done", "action", page)
        texts.addStretch(1)
        for widget in (self._ticket_title, self._number, self._ticket_service,
                       self._ticket_ahead, self._ticket_hint):
            texts.addWidget(widget)
        texts.addSpacing(16)
        texts.addWidget(self._ticket_done, 0, Qt.AlignmentFlag.AlignHCenter)
        texts.addStretch(1)
        self._preview = _label("", "preview", page, centre=True)
        row.addLayout(texts, 3)
        row.addWidget(self._preview, 2, Qt.AlignmentFlag.AlignCenter)
        column.addLayout(row, 1)
        return page

    def _build_message(self) -> QWidget:
        page, column = self._page("message_page")
        self._message_title = _label("", "message_title", page, wrap=True, centre=True)
        self._message_body = _label("", "message_body", page, wrap=True, centre=True)
        self._message_hint = _label("", "message_hint", page, wrap=True, centre=True)
        self._message_back = _button("message_back", "action", page)
        column.addStretch(1)
        column.addWidget(self._message_title)
        column.addWidget(self._message_body)
        column.addWidget(self._message_hint)
        column.addSpacing(20)
        column.addWidget(self._message_back, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return page

    def _build_unprinted(self) -> QWidget:
        page, column = self._page("unprinted_page")
        self._unprinted_title = _label("", "unprinted_title", page, wrap=True, centre=True)
        self._unprinted_body = _label("", "unprinted_body", page, wrap=True, centre=True)
        self._reprint = _button("reprint", "action", page)
        self._cancel = _button("cancel_ticket", "secondary", page)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._reprint)
        row.addSpacing(24)
        row.addWidget(self._cancel)
        row.addStretch(1)
        column.addStretch(1)
        column.addWidget(self._unprinted_title)
        column.addWidget(self._unprinted_body)
        column.addSpacing(20)
        column.addLayout(row)
        column.addStretch(2)
        return page

    def _connect_callbacks(self) -> None:
        self._language.clicked.connect(self._toggle_language)
        self._pickup_button.clicked.connect(self._open_pickup)
        self._pickup_back.clicked.connect(self.go_home)
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
        self._worker.availability_changed.connect(self._show_availability)
        self._worker.slow_changed.connect(self._show_slow)

    # --- texts -------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loket kiosk"))
        self._language.setText("English" if current_language() == "id"
                               else "Bahasa Indonesia")
        self._start_title.setText(self.tr("Welcome! Please take a number"))
        self._start_subtitle.setText(self.tr("Touch the service you need."))
        self._pickup_title.setText(self.tr("Passport pickup"))
        self._pickup_hint.setText(self.tr(
            "Hold the QR code on your pickup slip under the scanner, or type your "
            "application number and press OK."))
        self._entry.setPlaceholderText(self.tr("Application number"))
        self._pickup_back.setText(self.tr("Back"))
        self._ticket_done.setText(self.tr("Done"))
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
        if not self._worker.available or self._worker.slow:
            self._show_availability(self._worker.available, self._worker.down_message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _toggle_language(self) -> None:
        self._touch()
        self._use_language("en" if current_language() == "id" else "id")

    def _use_language(self, lang: str) -> None:
        install_language(lang)  # every window retranslates before this returns

    # --- the board -----------------------------------------------------------------

    def reload_board(self) -> None:
        """Read the services and their waiting counts again (one at a time)."""
        if self._board_loading:
            self._board_stale = True
            return
        self._board_loading = True
        self._worker.submit(kiosk.board, self._board_loaded, self._board_failed)

    def _board_loaded(self, board: KioskBoard) -> None:
        self._board_loading = False
        self._board = board
        self._show_board()
        self.board_changed.emit()
        if self._board_stale:
            self._board_stale = False
            self.reload_board()

    def _board_failed(self, exc: Exception) -> None:
        self._board_loading = False
        self._board_stale = False
        log.info("kiosk board not loaded: %s", exc)

    def _show_board(self) -> None:
        board = self._board
        if board is None:
            self._office.setText(self.tr("Loading…"))
            self._pickup_button.setText(self.tr("Passport pickup"))
            self._pickup_button.hide()
            return
        self._office.setText(board.office_name)
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
        for service in board.services:
            self._service_buttons[service.code].show_service(service)
        self._pickup_button.setVisible(board.pickup_open)
        self._pickup_button.setText(self.tr("Passport pickup  ·  {count} waiting").format(
            count=board.pickup_waiting))
        self._enable_actions()

    def service_button(self, code: str) -> ServiceButton:
        return self._service_buttons[code]

    # --- taking a ticket ------------------------------------------------------------

    def take(self, queue_code: str) -> None:
        """A tap on a service's button."""
        if self._busy:
            return
        self._touch()
        key = ("issue", queue_code)
        request_id = self._request_ids.setdefault(key, uuid.uuid4().hex)
        self._issue(lambda: kiosk.take_ticket(queue_code, request_id), key)

    def check_in(self, raw: str) -> None:
        """A scanned or typed pickup slip."""
        raw = raw.strip()
        if self._busy or not raw:
            return
        self._touch()
        key = ("check_in", raw.upper())
        request_id = self._request_ids.setdefault(key, uuid.uuid4().hex)
        self._issue(lambda: kiosk.check_in(raw, request_id), key)

    def _issue(self, op: Callable[[], KioskTicket], key: tuple[str, str]) -> None:
        self._set_busy(True)
        started = time.perf_counter()
        paper_mm = self._paper_mm

        def work() -> tuple[KioskTicket, Any]:  # on the worker thread
            ticket = op()
            return ticket, tickets.render_ticket(ticket, paper_mm)

        self._worker.submit(work, lambda result: self._issued(result, key, started),
                            lambda exc: self._not_issued(exc, key))

    def _issued(self, result: tuple[KioskTicket, Any], key: tuple[str, str],
                started: float) -> None:
        self._request_ids.pop(key, None)
        ticket, picture = result
        self._ticket = ticket
        self._image = to_qimage(picture)
        self._clear_entry()
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

    def _not_issued(self, exc: Exception, key: tuple[str, str]) -> None:
        if not isinstance(exc, DatabaseUnavailable):
            # An answer came back: a new tap is a new request. (After a lost connection
            # the same id is sent again, so a ticket that was committed is not doubled.)
            self._request_ids.pop(key, None)
        self._set_busy(False)
        self._show_message("refused", exc)
        self.refused.emit(exc.code if isinstance(exc, LoketError) else "internal_error")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._status.setText(self.tr("Printing your ticket…") if busy else "")
        self._enable_actions()

    def _enable_actions(self) -> None:
        free = not self._busy
        for button in self._service_buttons.values():
            button.setEnabled(free and not button.service.full)
        for widget in (self._pickup_button, self._keypad, self._entry, self._reprint,
                       self._cancel, self._ticket_done, self._message_back,
                       self._pickup_back, self._language):
            widget.setEnabled(free)

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
        self._ticket_service.setText(ticket.name(current_language()))
        if ticket.ahead == 0:
            ahead = self.tr("You are next.")
        else:
            ahead = self.tr("{count} ahead of you.").format(count=ticket.ahead)
        self._ticket_ahead.setText(ahead)
        if ticket.again:
            hint = self.tr("You already checked in today: this is your number again.")
        elif self._printer.destination == "preview":
            hint = self.tr("No ticket printer is set up: please note your number.")
        else:
            hint = self.tr("Please take your ticket and wait until your number is called.")
        self._ticket_hint.setText(hint)

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
        request_id = uuid.uuid4().hex

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

        self._worker.submit(lambda: kiosk.cancel_unprinted(ticket.id, request_id), done,
                            failed)

    # --- messages ------------------------------------------------------------------

    def _show_message(self, kind: str, payload: Any) -> None:
        self._message = (kind, payload)
        self._show_message_texts()
        self._show_page(self._message_page, self._idle_ms)

    def _show_message_texts(self) -> None:
        kind, payload = self._message
        hint = self.tr("Need help? Please ask at the information desk.")
        if kind == "cancelled":
            title = self.tr("Number cancelled")
            body = self.tr("Number {number} was not printed and has been cancelled. You "
                           "can take a new number.").format(number=payload.number)
        elif kind == "not_cancelled":
            title = self.tr("Your ticket could not be printed")
            body = self.tr("Number {number} could not be printed. Please show this screen "
                           "to staff.").format(number=payload.number)
        else:
            title, body, extra = self._refusal_texts(payload)
            hint = extra or hint
        self._message_title.setText(title)
        self._message_body.setText(body)
        self._message_hint.setText(hint)

    def _refusal_texts(self, exc: Exception) -> tuple[str, str, str]:
        """(title, the core's sentence, what to do) for a refusal."""
        if isinstance(exc, DatabaseUnavailable):
            return (self.tr("The queue system cannot be reached"),
                    self.tr("No number was given. Please try again in a moment."), "")
        if not isinstance(exc, LoketError):
            return (self.tr("Sorry, something went wrong"),
                    self.tr("No number was given."), "")
        code, message = exc.code, exc.message()
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
        if code == "quota_full":
            return (self.tr("No more numbers for today"), message,
                    self.tr("Please come back on the next working day."))
        if code == "queue_inactive":
            return self.tr("This service is closed"), message, ""
        if isinstance(exc, InvalidInput) or code in ("scan_is_ticket",
                                                     "kiosk_pickup_needs_slip"):
            return (self.tr("We could not read this code"), message,
                    self.tr("Scan the QR code on your passport pickup slip, or type your "
                            "application number."))
        return self.tr("No number was given"), message, ""

    # --- pickup entry --------------------------------------------------------------

    def _open_pickup(self) -> None:
        self._touch()
        self._clear_entry()
        self._show_page(self._pickup, self._idle_ms)

    def _type(self, key: str) -> None:
        self._touch()
        self._entry.insert(key)

    def _backspace(self) -> None:
        self._touch()
        self._entry.backspace()

    def _clear_entry(self) -> None:
        self._entry.clear()

    def _submit_entry(self) -> None:
        self.check_in(self._entry.text())

    def _on_scan(self, text: str) -> None:
        """A keyboard-wedge scanner read a code, on whatever page is showing."""
        if self._busy:
            return
        self._entry.setText(text.strip())
        self.check_in(text)

    # --- pages, idleness -----------------------------------------------------------

    @property
    def page(self) -> str:
        """The page showing: start, pickup, ticket, message or unprinted."""
        current = self._pages.currentWidget()
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
        self._clear_entry()
        self._message = ("", None)
        self._pages.setCurrentWidget(self._start)
        self._idle.start(self._idle_ms)  # to restore the PC's language if it was changed
        self.reload_board()

    def _on_idle(self) -> None:
        if self._busy:
            self._idle.start(self._idle_ms)
            return
        if self._pages.currentWidget() is self._unprinted:
            self._cancel_unprinted(then_home=True)
        else:
            self._clear_entry()
            self._message = ("", None)
            self._pages.setCurrentWidget(self._start)
        if current_language() != self._home_language:
            self._use_language(self._home_language)
        self.went_idle.emit()

    # --- the database's health ----------------------------------------------------

    def _show_availability(self, available: bool, _message: str) -> None:
        if available and not self._worker.slow:
            self._banner.hide()
            return
        self._banner.setText(self.tr(
            "The queue system cannot be reached right now. Please wait a moment or ask "
            "staff for help."))
        self._banner.show()

    def _show_slow(self, slow: bool) -> None:
        self._show_availability(self._worker.available and not slow, "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Sizes follow the screen: designed for 1280×800, readable from 960×540 (the
        hall demo) to a 1920×1080 kiosk."""
        size = event.size()
        scale = max(0.55, min(2.5, size.width() / 1280, size.height() / 800))
        if abs(scale - self._scale) > 0.02:
            self._scale = scale
            self.setStyleSheet(scaled_style(STYLE, scale))
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
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        # A kiosk often runs in a bare X session: without a window manager to honour
        # "full screen", the window must cover the screen itself.
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
    # The scanner types into the active window: take the keyboard from the start.
    window.raise_()
    window.activateWindow()
    return window
