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

Layout is computed from the window's size (nothing is fixed in pixels,
:mod:`ui.display.board_view`): every text is drawn as large as its box allows and
shrinks to fit, so the board reads the same from 1280×720 to 3840×2160 and nothing is
ever cut off. Widgets are made once per board shape and reused; the timers are the
window's own, a fixed set.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QDate, QEvent, QLocale, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QWidget

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
from ui.display.board_view import (
    BACKGROUND,
    LINE_SHARE,
    MAX_ROW_SHARE,
    ROW_BALANCE,
    TEXT,
    FitLabel,
    SectionView,
    Slots,
    Ticker,
)
from ui.kit.banner import DatabaseBanner
from ui.kit.feed_watcher import FeedWatcher
from ui.kit.fit import advance, sized
from ui.kit.operation import Refresher
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.display")

POLL_MS = 250  # the feed is read 4 times a second: a call shows within 0.5 s
MAX_BACKOFF_MS = 5000
REFRESH_MS = 30_000  # the whole board (settings, counters, a new day) now and then
RELOAD_AFTER_EVENTS_MS = 1000  # waiting counts follow the feed at most once a second
FLASH_MS = 6000
BLINK_MS = 500

BANNER_TEXT_SHARE = 0.045  # the banner's letters, of the screen's height: read from 8 m
BANNER_MAX_SHARE = 0.3  # the most of the screen the banner may cover; it shrinks to fit
HEADER_SHARE = 0.085  # the office's name, the date and the clock
TICKER_SHARE = 0.07  # the notice: its letters 0.66 of it (50 px at 1080)
MARGIN_SHARE = 0.012


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
        # (section, counter) → until when, and the number called: a row flashes only
        # while it still shows that number (a no-show or finish ends the flash).
        self._flash_until: dict[tuple[str, int], tuple[float, str]] = {}
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

        self._office = FitLabel(self, "office", fill=0.66, bold=True)
        # The public reads it: the wording without the technical reason.
        self._banner = DatabaseBanner(self._worker, self, show_reason=False)
        # The date in a box as tall as the header: capitals on the clock's middle line.
        self._date = FitLabel(self, "date", fill=0.53, align=Qt.AlignmentFlag.AlignRight)
        self._date.set_colours(TEXT)
        self._clock = FitLabel(self, "clock", fill=0.8, bold=True,
                               align=Qt.AlignmentFlag.AlignRight)
        self._sections = {kind: SectionView(self, kind) for kind in SECTIONS}
        self._ticker = Ticker(self)
        self._ticker.hide()
        self._slots: dict[str, Slots] = {}
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
            self._flash_until[(call.kind, call.counter)] = (now + self._flash_ms / 1000,
                                                            call.number)
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
        slots = {k: Slots(counters=max(1, len(sections[k].counters)),
                          queues=max(1, len(sections[k].queues)), recent=RECENT_CALLS)
                 for k in SECTIONS}
        shape_changed = slots != self._slots or first or shown != self._shown
        self._shown = shown
        if shape_changed:
            self._slots = slots
            for kind, view in self._sections.items():
                view.ensure_slots(slots[kind])
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
            view.arrange_queues()
            for i, chip in enumerate(view.recent):
                if i < len(section.recent):
                    c = section.recent[i]
                    chip.show_text(f"{c.number} → {c.counter}")  # no words to translate
                else:
                    chip.show_text("")
                chip.setVisible(i < min(len(section.recent), RECENT_CALLS))
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
            shown = {c.number: board.serving_in(c.number, kind) for c in counters}
            for key, (_, number) in list(self._flash_until.items()):
                held = shown.get(key[1]) if key[0] == kind else None
                if key[0] == kind and (held is None or held.number != number):
                    del self._flash_until[key]  # released (no-show, finish…): no flash
            for i, row in enumerate(view.rows):
                if i >= len(counters):  # a free slot: the other section has more counters
                    row.setVisible(False)
                    continue
                row.setVisible(True)
                c = counters[i]
                held = shown[c.number]
                if held is not None:
                    number = held.number
                elif not c.active:
                    number = self.tr("closed")
                elif c.paused:
                    number = reason_word(c.paused)  # Loket 3 — istirahat
                else:
                    number = "–"
                flash = self._flash_until.get((kind, c.number))
                row.show_counter(c.number, c.name, number,
                                 called=held is not None and held.status != SERVING,
                                 active=c.active and (held is not None or not c.paused),
                                 word=held is None and (not c.active or bool(c.paused)),
                                 flashing=flash is not None and flash[0] > now,
                                 blink_on=self._blink_on)
            view.same_name_size()

    @Slot()
    def _blink_step(self) -> None:
        now = time.monotonic()
        self._flash_until = {k: f for k, f in self._flash_until.items() if f[0] > now}
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
        margin = max(4, int(h * MARGIN_SHARE))
        head_h = int(h * HEADER_SHARE)
        ticker_h = int(h * TICKER_SHARE) if self._ticker.isVisibleTo(self) else 0
        inner_w = w - 2 * margin
        # The office's name on the left; the clock (as wide as it needs) and the date
        # on the right, all three with their capitals on one middle line.
        office_w = int(inner_w * 0.42)
        self._office.setGeometry(QRect(margin, margin, office_w, head_h))
        clock_font = sized(self._clock.font(), head_h * 0.8)
        clock_w = int(advance(clock_font, "00:00") * 1.08) + 2
        self._clock.setGeometry(QRect(w - margin - clock_w, margin, clock_w, head_h))
        date_left = margin + office_w + margin
        self._date.setGeometry(QRect(date_left, margin,
                                     w - margin - clock_w - margin - date_left, head_h))
        body_top = margin + head_h + margin
        banner_h = self._place_banner(QRect(margin, body_top, inner_w, h - body_top))
        if banner_h:
            body_top += banner_h + margin
        body_h = h - body_top - margin - (ticker_h + margin if ticker_h else 0)
        gap = max(4, int(w * 0.012))
        shown = self._shown
        col_w = (inner_w - gap * (len(shown) - 1)) // len(shown)
        for kind, view in self._sections.items():
            view.setVisible(kind in shown)
        # Rows as tall as each section allows; with both shown, the quieter one's rows
        # at most ROW_BALANCE times the busier one's, or two lines of words if that is
        # more (its spare room goes between parts).
        line = h * LINE_SHARE
        room = {k: self._sections[k].row_room(col_w, body_h, line) for k in shown}
        limit = min(h * MAX_ROW_SHARE, max(ROW_BALANCE * min(room.values()), 2 * line))
        for i, kind in enumerate(shown):
            self._sections[kind].place(QRect(margin + i * (col_w + gap), body_top, col_w,
                                             body_h), line, max(1.0, min(room[kind], limit)))
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
            font = sized(banner.font(), px)
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
