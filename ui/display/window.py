"""``loket display``: the lobby TV. Who is served at which counter, the last calls,
who waits, the office's notice; every call flashed, chimed and spoken.

Nobody touches this window. It follows the change feed (:class:`FeedWatcher`, every
250 ms) and folds each batch into the board (:func:`app.queue.board.apply_events`), so a
call is on screen within one poll; the full board (:func:`app.queue.board.load_board`)
is read at start, after every batch (at most once a second, for the waiting
counts), every 30 s, and after an outage, one read at a time (:class:`Refresher`).
All database work runs on the window's :class:`DbWorker`. When the database goes away
the last board stays on screen under the one :class:`DatabaseBanner` (without the
technical reason, in letters sized for the far end of the hall), and the window
catches up by itself.

Layout is computed from the window's size (nothing is fixed in pixels): every text
is drawn as large as its box allows and shrinks to fit its width, so the board
reads the same from 1280×720 to 3840×2160 and nothing is ever cut off. Widgets are
made once per board shape and reused; the timers are the window's own, a fixed set.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QLocale, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QGuiApplication,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget

from app import clock
from app.feed import EventView
from app.messages import current_language
from app.queue.announce import announcement
from app.queue.board import (
    PICKUP,
    RECENT_CALLS,
    SECTIONS,
    SERVICE,
    Board,
    Call,
    apply_events,
    calls_to_announce,
    load_board,
)
from app.queue.pauses import reason_word
from app.setup.pc_settings import PcSettings
from app.storage.models import SERVING
from ui.display.announcer import GAP_MS, Announcer, Speaker, make_speaker
from ui.kit.banner import DatabaseBanner
from ui.kit.feed_watcher import FeedWatcher
from ui.kit.operation import Refresher
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.display")

POLL_MS = 250  # the feed is read 4 times a second: a call shows within 0.5 s
MAX_BACKOFF_MS = 5000
REFRESH_MS = 30_000  # the whole board (settings, counters, a new day) now and then
RELOAD_AFTER_EVENTS_MS = 1000  # waiting counts follow the feed at most once a second
FLASH_MS = 6000
BLINK_MS = 500

# Colours: light text on a near-black ground (contrast well above 7:1), yellow for
# the number a counter is calling, a coloured bar per section.
BACKGROUND = "#070b16"
PANEL = "#0f1a33"
PANEL_ALT = "#0b1429"
TEXT = "#ffffff"
MUTED = "#c9d3e8"
CALLED_COLOUR = "#ffd500"
FLASH_BG = "#ffd500"
FLASH_TEXT = "#000000"
SECTION_COLOURS = {SERVICE: "#1f5fbf", PICKUP: "#17803d"}
BANNER_TEXT_SHARE = 0.045  # the banner's letters, of the screen's height: read from 8 m
BANNER_MAX_SHARE = 0.3  # the most of the screen the banner may cover; it shrinks to fit
TICKER_BG = "#ffd500"
TICKER_TEXT = "#000000"


class FitLabel(QLabel):
    """A label whose text is as large as its box allows and never wider than the box."""

    def __init__(self, parent: QWidget, name: str, *, fill: float = 0.72, bold: bool = False,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._fill = fill
        self._bold = bold
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMargin(0)

    def show_text(self, text: str) -> None:
        if text != self.text():
            self.setText(text)
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width, height = self.width(), self.height()
        if width <= 0 or height <= 0:
            return
        font = QFont(self.font())
        font.setBold(self._bold)
        px = max(1, int(height * self._fill))
        font.setPixelSize(px)
        text = self.text()
        if text:
            advance = QFontMetricsF(font).horizontalAdvance(text)
            if advance > width:
                px = max(1, int(px * width / advance))
                font.setPixelSize(px)
                while px > 1 and QFontMetricsF(font).horizontalAdvance(text) > width:
                    px -= 1
                    font.setPixelSize(px)
        if font != self.font():
            self.setFont(font)


class Ticker(QWidget):
    """The office's notice, scrolling from right to left; idle while empty or hidden."""

    TICK_MS = 33

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ticker")
        self._text = ""
        self._offset = 0.0
        self._text_width = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self._step)

    @property
    def text(self) -> str:
        return self._text

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_text(self, text: str) -> None:
        text = " ".join(text.split())
        if text == self._text:
            return
        self._text = text
        self._offset = float(self.width())
        self._measure()
        self._update_timer()
        self.update()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, int(self.height() * 0.62)))
        font.setBold(True)
        return font

    def _measure(self) -> None:
        self._text_width = QFontMetricsF(self._font()).horizontalAdvance(self._text)

    def _update_timer(self) -> None:
        if self._text and self.isVisible():
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def _step(self) -> None:
        # About two ticker heights a second: slow enough to read from afar.
        self._offset -= max(1.0, self.height() * 2.0 * self.TICK_MS / 1000)
        if self._offset < -self._text_width:
            self._offset = float(self.width())
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._measure()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self._timer.stop()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(TICKER_BG))
        painter.setPen(QColor(TICKER_TEXT))
        painter.setFont(self._font())
        rect = self.rect().adjusted(int(self._offset), 0, 0, 0)
        rect.setWidth(int(self._text_width) + 2)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         self._text)
        painter.end()


class BoardCounterRow(QFrame):
    """One counter: its name and the number it serves; flashes on a new call."""

    def __init__(self, parent: QWidget, kind: str, index: int) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind}-row-{index}")
        self.name = FitLabel(self, "counter", fill=0.5)
        self.number = FitLabel(self, "number", fill=0.8, bold=True,
                               align=Qt.AlignmentFlag.AlignRight)
        self.counter: int | None = None
        self.flashing = False
        self._look: tuple[object, ...] = ()
        self._base = PANEL if index % 2 == 0 else PANEL_ALT

    def show_counter(self, counter: int | None, name: str, number: str, *, called: bool,
                     active: bool, flash_on: bool) -> None:
        self.counter = counter
        self.name.show_text(name)
        self.number.show_text(number)
        look = (called, active, flash_on)
        if look == self._look:
            return
        self._look = look
        if flash_on:
            background, name_colour, number_colour = FLASH_BG, FLASH_TEXT, FLASH_TEXT
        else:
            background = self._base
            name_colour = TEXT if active else MUTED
            number_colour = CALLED_COLOUR if called else (TEXT if active else MUTED)
        self.setStyleSheet(f"#{self.objectName()} {{ background: {background}; }}")
        self.name.setStyleSheet(f"color: {name_colour};")
        self.number.setStyleSheet(f"color: {number_colour};")

    def place(self, rect: QRect) -> None:
        self.setGeometry(rect)
        pad = max(1, rect.height() // 10)
        inner = QRect(pad * 2, pad, rect.width() - pad * 4, rect.height() - 2 * pad)
        split = int(inner.width() * 0.55)
        self.name.setGeometry(QRect(inner.left(), inner.top(), split, inner.height()))
        self.number.setGeometry(QRect(inner.left() + split, inner.top(),
                                      inner.width() - split, inner.height()))


@dataclass(frozen=True)
class Slots:
    """How many rows each part of a section has room for (the same in both sections)."""

    counters: int
    queues: int
    recent: int


class SectionView(QFrame):
    """Half of the screen: one kind of queue (services or pickups)."""

    def __init__(self, parent: QWidget, kind: str) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"section-{kind}")
        self.setStyleSheet(f"#section-{kind} {{ background: {BACKGROUND}; }}")
        self.title = FitLabel(self, "title", fill=0.6, bold=True)
        self.title.setStyleSheet(f"background: {SECTION_COLOURS[kind]}; color: {TEXT};"
                                 " padding-left: 0.4em;")
        self.head_counter = FitLabel(self, "head", fill=0.6)
        self.head_number = FitLabel(self, "head", fill=0.6, align=Qt.AlignmentFlag.AlignRight)
        self.waiting_title = FitLabel(self, "head", fill=0.6)
        self.recent_title = FitLabel(self, "head", fill=0.6)
        for label in (self.head_counter, self.head_number, self.waiting_title,
                      self.recent_title):
            label.setStyleSheet(f"color: {MUTED};")
        self.rows: list[BoardCounterRow] = []
        self.queue_names: list[FitLabel] = []
        self.queue_waits: list[FitLabel] = []  # the wait a ticket taken now would have
        self.queue_counts: list[FitLabel] = []
        self.recent: list[FitLabel] = []

    def ensure_slots(self, slots: Slots) -> None:
        """Make (or hide) rows so there are exactly the slots asked for; reuse the rest."""
        while len(self.rows) < slots.counters:
            self.rows.append(BoardCounterRow(self, self.kind, len(self.rows)))
        while len(self.queue_names) < slots.queues:
            name = FitLabel(self, "queue", fill=0.62)
            count = FitLabel(self, "waiting", fill=0.7, bold=True,
                             align=Qt.AlignmentFlag.AlignRight)
            wait = FitLabel(self, "wait", fill=0.55, align=Qt.AlignmentFlag.AlignRight)
            name.setStyleSheet(f"color: {TEXT};")
            wait.setStyleSheet(f"color: {MUTED};")
            count.setStyleSheet(f"color: {TEXT};")
            self.queue_names.append(name)
            self.queue_waits.append(wait)
            self.queue_counts.append(count)
        while len(self.recent) < slots.recent:
            chip = FitLabel(self, "recent", fill=0.55, bold=True,
                            align=Qt.AlignmentFlag.AlignHCenter)
            chip.setStyleSheet(f"color: {TEXT}; background: {PANEL};")
            self.recent.append(chip)
        for i, (name, wait, count) in enumerate(zip(self.queue_names, self.queue_waits,
                                                    self.queue_counts, strict=True)):
            name.setVisible(i < slots.queues)
            wait.setVisible(i < slots.queues)
            count.setVisible(i < slots.queues)
        for i, chip in enumerate(self.recent):
            chip.setVisible(i < slots.recent)

    def place(self, rect: QRect, slots: Slots) -> None:
        """Lay the section out in ``rect`` (in the parent's coordinates)."""
        self.setGeometry(rect)
        # Heights in units: title 1.3, header 0.7, counters 2 each, waiting title 0.7,
        # queues 0.85 each, last-calls title 0.7, chips 1.3, and small gaps between parts.
        units = (1.3 + 0.7 + 2.0 * slots.counters + 0.3 + 0.7 + 0.85 * slots.queues
                 + 0.3 + 0.7 + 1.3)
        u = rect.height() / units
        w = rect.width()
        y = 0.0

        def take(height_units: float) -> QRect:
            nonlocal y
            top = int(y)
            y += height_units * u
            return QRect(0, top, w, max(1, int(y) - top))

        pad = int(u * 0.3)
        self.title.setGeometry(take(1.3).adjusted(0, 0, 0, -int(u * 0.15)))
        head = take(0.7)
        self.head_counter.setGeometry(head.adjusted(pad, 0, -w // 2, 0))
        self.head_number.setGeometry(head.adjusted(w // 2, 0, -pad, 0))
        for row in self.rows[:slots.counters]:
            row.place(take(2.0).adjusted(0, 1, 0, -1))
        take(0.3)
        self.waiting_title.setGeometry(take(0.7).adjusted(pad, 0, -pad, 0))
        for name, wait, count in zip(self.queue_names[:slots.queues],
                                     self.queue_waits[:slots.queues],
                                     self.queue_counts[:slots.queues], strict=True):
            line = take(0.85)
            # The queue's name, the wait ("10–25 min") and how many wait, side by side.
            name.setGeometry(line.adjusted(pad, 0, -int(w * 0.42), 0))
            wait.setGeometry(line.adjusted(int(w * 0.6), 0, -int(w * 0.2), 0))
            count.setGeometry(line.adjusted(int(w * 0.8), 0, -pad, 0))
        take(0.3)
        self.recent_title.setGeometry(take(0.7).adjusted(pad, 0, -pad, 0))
        chips = take(1.3)
        if slots.recent:
            gap = max(2, int(u * 0.15))
            chip_w = (w - gap * (slots.recent - 1)) / slots.recent
            for i, chip in enumerate(self.recent[:slots.recent]):
                left = int(i * (chip_w + gap))
                chip.setGeometry(QRect(left, chips.top(), int(chip_w), chips.height()))


class DisplayWindow(QWidget):
    """The lobby display. ``board_shown`` after each board (read or folded) is on
    screen; ``calls_shown(list[Call])`` when new calls have been put on screen."""

    board_shown = Signal()
    calls_shown = Signal(list)

    def __init__(self, pc: PcSettings, *, worker: DbWorker | None = None,
                 speaker: Speaker | None = None, poll_ms: int = POLL_MS,
                 max_backoff_ms: int = MAX_BACKOFF_MS, refresh_ms: int = REFRESH_MS,
                 reload_after_events_ms: int = RELOAD_AFTER_EVENTS_MS,
                 flash_ms: int = FLASH_MS, announce_gap_ms: int = GAP_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pc = pc
        self._lang = current_language()
        self._board: Board | None = None
        self._catch_up = False
        self._flash_ms = flash_ms
        self._flash_until: dict[tuple[str, int], float] = {}
        self._blink_on = True
        self.setObjectName("display")
        self.setWindowTitle(self.tr("Lobby display"))
        self.setStyleSheet(f"#display {{ background: {BACKGROUND}; }}")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(BACKGROUND))
        self.setPalette(palette)

        self._worker = worker if worker is not None else DbWorker(self)
        self._watcher = FeedWatcher(self._worker, self, interval_ms=poll_ms,
                                    max_interval_ms=max_backoff_ms)
        self._board_reader: Refresher[Board] = Refresher(
            self._worker, lambda: load_board, self._show, self._load_failed)
        self._announcer = Announcer(speaker if speaker is not None else make_speaker(self),
                                    self._languages, gap_ms=announce_gap_ms, parent=self)

        self._office = FitLabel(self, "office", fill=0.62, bold=True)
        self._office.setStyleSheet(f"color: {TEXT};")
        # The public reads it: the wording without the technical reason.
        self._banner = DatabaseBanner(self._worker, self, show_reason=False)
        self._date = FitLabel(self, "date", fill=0.45, align=Qt.AlignmentFlag.AlignRight)
        self._date.setStyleSheet(f"color: {MUTED};")
        self._clock = FitLabel(self, "clock", fill=0.72, bold=True,
                               align=Qt.AlignmentFlag.AlignRight)
        self._clock.setStyleSheet(f"color: {TEXT};")
        self._sections = {kind: SectionView(self, kind) for kind in SECTIONS}
        self._ticker = Ticker(self)
        self._ticker.hide()
        self._slots = Slots(0, 0, RECENT_CALLS)
        self._shown: tuple[str, ...] = SECTIONS  # the sections the day's profile opens
        self._office.show_text(self.tr("Loading…"))
        self._retranslate()

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(refresh_ms)
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(reload_after_events_ms)
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._connect_callbacks()

        self._tick_clock()
        self._clock_timer.start()
        self._refresh_timer.start()
        # The feed's starting point first, then the board: a call between the two is
        # in both (folding it again changes nothing), never in neither.
        self._watcher.start()
        self.reload()

    def _connect_callbacks(self) -> None:
        self._watcher.changed.connect(self._on_events)
        self._watcher.reconnected.connect(self._on_reconnected)
        self._watcher.polled.connect(self._after_poll)
        # After the banner's own slots (it was made first): it has its words and
        # visibility by the time the board makes room for it.
        self._worker.availability_changed.connect(self._layout)
        self._worker.slow_changed.connect(self._layout)
        self._clock_timer.timeout.connect(self._tick_clock)
        self._refresh_timer.timeout.connect(self.reload)
        self._reload_soon.timeout.connect(self.reload)
        self._blink.timeout.connect(self._blink_step)

    def _retranslate(self) -> None:
        titles = {SERVICE: self.tr("Services"), PICKUP: self.tr("Passport pickup")}
        for kind, view in self._sections.items():
            view.title.show_text(titles[kind])
            view.head_counter.show_text(self.tr("Counter"))
            view.head_number.show_text(self.tr("Number"))
            view.waiting_title.show_text(self.tr("Waiting"))
            view.recent_title.show_text(self.tr("Last calls"))

    # --- what the tests and the benchmark look at -----------------------------------

    @property
    def board(self) -> Board | None:
        return self._board

    @property
    def announcer(self) -> Announcer:
        return self._announcer

    @property
    def worker(self) -> DbWorker:
        return self._worker

    @property
    def watcher(self) -> FeedWatcher:
        return self._watcher

    @property
    def reconnecting(self) -> bool:
        """The database banner is up (the database is away or not answering)."""
        return self._banner.text_shown != ""

    @property
    def banner(self) -> DatabaseBanner:
        return self._banner

    def texts(self) -> list[str]:
        """Every text on screen (labels, the notice, the title)."""
        shown = [label.text() for label in self.findChildren(QLabel) if label.isVisibleTo(self)]
        return [self.windowTitle(), *shown, self._ticker.text]

    # --- reading ------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the whole board again (once more after the read on its way, if one is)."""
        self._board_reader.request()

    def _load_failed(self, exc: Exception) -> None:
        log.info("board not read: %s", exc)  # the worker reports an outage by signal

    @Slot(list)
    def _on_events(self, events: list[EventView]) -> None:
        if self._board is None:
            self.reload()
            return
        board, calls = apply_events(self._board, events)
        kinds = {q.id: q.kind for q in board.queues}
        self._show(board)
        now = time.monotonic()
        for call in calls:
            self._flash_until[(call.kind, call.counter)] = now + self._flash_ms / 1000
        if calls:
            self._blink_on = True
            if not self._blink.isActive():
                self._blink.start()
            self._paint_rows()
            self.calls_shown.emit(calls)
        languages = self._languages()
        for call in calls_to_announce(events, catch_up=self._catch_up, kinds=kinds):
            self._announce(call, languages)
        if not self._reload_soon.isActive():
            self._reload_soon.start()

    def _announce(self, call: Call, languages: tuple[str, ...]) -> None:
        try:
            item = announcement(call.number, call.counter, recall=call.recall,
                                languages=languages)
        except ValueError as exc:  # a number the words do not cover: shown, not spoken
            log.warning("call %s not spoken: %s", call.number, exc)
            return
        self._announcer.announce(item)

    @Slot()
    def _on_reconnected(self) -> None:
        self._catch_up = True
        self.reload()

    @Slot()
    def _after_poll(self) -> None:
        self._catch_up = False

    def _languages(self) -> tuple[str, ...]:
        return ("id", "en") if self._pc.speak_english else ("id",)

    # --- showing ------------------------------------------------------------------------

    def _show(self, board: Board) -> None:
        first = self._board is None
        self._board = board
        self._office.show_text(board.office_name)
        self._ticker.set_text(board.notice_text)
        notice = bool(self._ticker.text)
        ticker_changed = notice != self._ticker.isVisibleTo(self)
        self._ticker.setVisible(notice)
        sections = {kind: board.section(kind) for kind in SECTIONS}
        # A section with no queue open today (a pickup-only weekend's walk-ins) is not
        # shown: the open ones share the screen.
        shown = board.sections
        if self._pc.section is not None:  # this TV shows one half of the board only
            shown = (self._pc.section,)
        slots = Slots(counters=max([1, *(len(sections[k].counters) for k in shown)]),
                      queues=max([1, *(len(sections[k].queues) for k in shown)]),
                      recent=RECENT_CALLS)
        shape_changed = slots != self._slots or first or shown != self._shown
        self._shown = shown
        if shape_changed:
            self._slots = slots
            for view in self._sections.values():
                view.ensure_slots(slots)
        for kind, view in self._sections.items():
            section = sections[kind]
            for i, (name, wait, count) in enumerate(zip(view.queue_names, view.queue_waits,
                                                        view.queue_counts, strict=True)):
                if i < len(section.queues):
                    q = section.queues[i]
                    name.show_text(f"{q.prefix} · {q.name(self._lang)}")
                    wait.show_text(self._wait_text(q.wait_min))
                    count.show_text(str(q.waiting))
                else:
                    name.show_text("")
                    wait.show_text("")
                    count.show_text("")
            for i, chip in enumerate(view.recent):
                if i < len(section.recent):
                    c = section.recent[i]
                    chip.show_text(f"{c.number} → {c.counter}")  # no words to translate
                else:
                    chip.show_text("")
                chip.setVisible(i < min(len(section.recent), slots.recent))
        self._paint_rows()
        if shape_changed or ticker_changed:
            self._layout()
        self._tick_clock()
        self.board_shown.emit()

    def _wait_text(self, wait: tuple[int, int] | None) -> str:
        """``10–25 min``; nothing without an estimate (not enough history)."""
        if wait is None:
            return ""
        return self.tr("{low}–{high} min").format(low=wait[0], high=wait[1])

    def _paint_rows(self) -> None:
        board = self._board
        if board is None:
            return
        now = time.monotonic()
        for kind, view in self._sections.items():
            counters = board.section(kind).counters
            for i, row in enumerate(view.rows):
                if i >= len(counters):  # a free slot: the other section has more counters
                    row.setVisible(False)
                    continue
                row.setVisible(True)
                c = counters[i]
                held = board.serving_in(c.number, kind)
                if held is not None:
                    number = held.number
                elif not c.active:
                    number = self.tr("closed")
                elif c.paused:
                    number = reason_word(c.paused)  # Loket 3 — istirahat
                else:
                    number = "–"
                flashing = self._flash_until.get((kind, c.number), 0.0) > now
                row.show_counter(c.number, c.name, number,
                                 called=held is not None and held.status != SERVING,
                                 active=c.active and (held is not None or not c.paused),
                                 flash_on=flashing and self._blink_on)

    @Slot()
    def _blink_step(self) -> None:
        now = time.monotonic()
        self._flash_until = {k: t for k, t in self._flash_until.items() if t > now}
        self._blink_on = not self._blink_on
        if not self._flash_until:
            self._blink.stop()
            self._blink_on = True
        self._paint_rows()

    @Slot()
    def _tick_clock(self) -> None:
        tz = self._board.timezone if self._board is not None else clock.DEFAULT_TIMEZONE
        now = dt.datetime.now(clock.zone(tz))
        locale = QLocale()
        self._clock.show_text(now.strftime("%H:%M"))
        self._date.show_text(locale.toString(QDate(now.year, now.month, now.day),
                                             "dddd, d MMMM yyyy"))

    @Slot()
    def _layout(self) -> None:
        w, h = self.width(), self.height()
        margin = max(4, int(h * 0.015))
        head_h = int(h * 0.1)
        ticker_h = int(h * 0.07) if self._ticker.isVisibleTo(self) else 0
        inner_w = w - 2 * margin
        self._office.setGeometry(QRect(margin, margin, int(inner_w * 0.52), head_h))
        right = margin + int(inner_w * 0.52)
        right_w = inner_w - int(inner_w * 0.52)
        clock_w = int(right_w * 0.32)
        date_w = right_w - clock_w - margin
        self._date.setGeometry(QRect(right, margin + head_h // 4, date_w, head_h // 2))
        self._clock.setGeometry(QRect(right + date_w + margin, margin, clock_w, head_h))
        body_top = margin + head_h + margin
        banner_h = self._place_banner(QRect(margin, body_top, inner_w, h - body_top))
        if banner_h:
            body_top += banner_h + margin
        body_h = h - body_top - margin - (ticker_h + margin if ticker_h else 0)
        gap = max(4, int(w * 0.015))
        shown = self._shown
        col_w = (inner_w - gap * (len(shown) - 1)) // len(shown)
        for kind, view in self._sections.items():
            view.setVisible(kind in shown)
        for i, kind in enumerate(shown):
            self._sections[kind].place(QRect(margin + i * (col_w + gap), body_top, col_w,
                                             body_h), self._slots)
        if ticker_h:
            self._ticker.setGeometry(QRect(0, h - ticker_h - margin, w, ticker_h))

    def _place_banner(self, room: QRect) -> int:
        """Put the banner (when it shows) at the top of ``room``, its words as large as
        the far end of the hall needs and no larger than the room allows; its height."""
        banner = self._banner
        if banner.isHidden() or room.width() <= 0 or room.height() <= 0:
            return 0
        limit = int(self.height() * BANNER_MAX_SHARE)
        px = max(1, int(self.height() * BANNER_TEXT_SHARE))
        while True:
            pad = max(2, px // 4)
            font = QFont(banner.font())
            font.setPixelSize(px)
            font.setWeight(QFont.Weight.DemiBold)
            text = QFontMetrics(font).boundingRect(
                QRect(0, 0, max(1, room.width() - 2 * pad), 100_000),
                int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter), banner.text())
            height = text.height() + 2 * pad + 2
            if height <= limit or px <= 8:
                break
            px -= max(1, px // 10)
        banner.set_text_px(px)
        banner.setGeometry(QRect(room.left(), room.top(), room.width(), min(height, limit)))
        banner.raise_()
        return min(height, limit)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._layout()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = current_language()
            self.setWindowTitle(self.tr("Lobby display"))
            self._retranslate()
            self._banner.update_text()  # its words first: the board makes room for them
            if self._board is not None:
                self._show(self._board)
            self._layout()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._layout()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop every timer, the voice and the worker (closing, or a test's end)."""
        for timer in (self._clock_timer, self._refresh_timer, self._reload_soon, self._blink):
            timer.stop()
        self._watcher.stop()
        self._announcer.stop()
        self._worker.shutdown()


def open_window(pc: PcSettings, *, windowed: bool = False) -> DisplayWindow:
    """``loket display``: the lobby board, full screen unless ``windowed``."""
    window = DisplayWindow(pc)
    if windowed:
        window.resize(1280, 720)
        window.show()
    else:
        window.setCursor(Qt.CursorShape.BlankCursor)
        # The screen's size first: without a window manager (a kiosk PC, Xvfb) full
        # screen alone leaves the window at its default size.
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
    return window
