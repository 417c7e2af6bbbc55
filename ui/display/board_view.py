"""The lobby display's board, laid out: the texts, the notice ticker, a counter's row and
a section (services or pickups). Layout and looks only; :mod:`ui.display.window` decides
what they show.

Every size is a share of the window's height (nothing is fixed in pixels), so the board
reads the same from 1280×720 to 3840×2160; the shares and why are in docs/decisions.md
(*Lobby display sizes*). Each text is drawn as large as its box allows, its capitals
centred in the box, and shrinks until its ink fits the box: nothing is ever cut off.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget

from app.queue.board import PICKUP, SERVICE
from ui.kit.fit import advance, fit_text, sized, widest

# Colours: white text on a near-black navy (17–20:1), yellow for the number a counter is
# calling (12:1), black on yellow for a flash and the notice (15:1), section bars dark
# enough for white text (7.4:1 and more). Closed and paused counters are a paler blue
# (11:1): quieter, still high contrast.
BACKGROUND = "#070b16"
PANEL = "#0f1a33"
PANEL_ALT = "#0b1429"
TEXT = "#ffffff"
MUTED = "#c9d3e8"
CALLED_COLOUR = "#ffd500"
FLASH_BG = "#ffd500"
FLASH_TEXT = "#000000"
SECTION_COLOURS = {SERVICE: "#1a4a94", PICKUP: "#11632f"}
TICKER_BG = "#ffd500"
TICKER_TEXT = "#000000"

# Shares of the window's height (docs/decisions.md, *Lobby display sizes*).
LINE_SHARE = 0.056  # one line of words: 60 px at 1080, its letters 48 px
WORDS_FILL = 0.8  # the letters' size, of their line
WORDS_PX_1080 = 48  # so the smallest words are 48 px at 1080 (capitals 35 px, 2 cm)
NUMBER_FILL = 0.9  # a called number's size, of its row (capitals ~65 % of the row)
MAX_ROW_SHARE = 0.2  # a counter's row is never taller than this
ROW_BALANCE = 1.25  # both sections shown: rows up to 1.25× the other's (or 2 lines)


class FitLabel(QLabel):
    """A text as large as its box allows: ``fill`` of the box's height, capitals centred,
    shrunk until its ink fits the box. Painted here (never elided). With ``lines=2`` a
    long text may take two lines (broken where they are most even) when that makes it
    larger."""

    def __init__(self, parent: QWidget, name: str, *, fill: float = WORDS_FILL,
                 bold: bool = False, lines: int = 1,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._fill = fill
        self._bold = bold
        self._max_lines = lines
        self._lines: tuple[str, ...] = ()
        self._colour = QColor(TEXT)
        self._background: QColor | None = None
        self.max_px: int | None = None  # no larger than this (a column of one size)
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMargin(0)

    def show_text(self, text: str) -> None:
        if text != self.text():
            self.setText(text)
            self._lines = (text,)
            self.fit()

    @property
    def lines(self) -> tuple[str, ...]:
        """The text as drawn, a line each."""
        return self._lines or (self.text(),)

    def set_colours(self, text: str, background: str | None = None) -> None:
        colour = QColor(text)
        back = QColor(background) if background is not None else None
        if colour != self._colour or back != self._background:
            self._colour, self._background = colour, back
            self.update()

    def limit_px(self, px: int | None) -> None:
        """Never larger than ``px`` (a column of texts of one size)."""
        if px != self.max_px:
            self.max_px = px
            self.fit()

    @property
    def colour(self) -> str:
        return str(self._colour.name())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()

    @staticmethod
    def _rooms(room: QRect, count: int) -> list[QRect]:
        """``room`` cut into ``count`` lines, top to bottom."""
        step = room.height() / count
        return [QRect(room.left(), room.top() + int(i * step), room.width(),
                      int((i + 1) * step) - int(i * step)) for i in range(count)]

    def _fits(self, font: QFont, room: QRect, lines: tuple[str, ...]) -> bool:
        for line, box in zip(lines, self._rooms(room, len(lines)), strict=True):
            ink = self._ink(font, box, line)
            if ink.width() > 0 and not QRectF(box).contains(ink):
                return False
        return True

    def fits(self, px: int) -> bool:
        """Whether the text, ``px`` pixels high, would fit the box whole."""
        font = QFont(self.font())
        font.setPixelSize(max(1, px))
        return self._fits(font, self.contentsRect(), self.lines)

    @staticmethod
    def _extent(metrics: QFontMetricsF, text: str) -> QRectF:
        """The text's ink and its whole advance, from the start of its baseline."""
        ink = metrics.tightBoundingRect(text)
        return ink.united(QRectF(0, ink.top(), metrics.horizontalAdvance(text), ink.height()))

    def _origin(self, metrics: QFontMetricsF, room: QRect, text: str) -> QPointF:
        """Where the text starts: its extent aligned across ``room``, capitals centred."""
        extent = self._extent(metrics, text)
        align = self.alignment()
        if align & Qt.AlignmentFlag.AlignRight:
            x = room.left() + room.width() - extent.right()
        elif align & Qt.AlignmentFlag.AlignHCenter:
            x = room.left() + (room.width() - extent.width()) / 2 - extent.left()
        else:
            x = room.left() - min(0.0, extent.left())
        return QPointF(x, room.top() + (room.height() + metrics.capHeight()) / 2)

    def _ink(self, font: QFont, room: QRect, text: str) -> QRectF:
        """Where ``text``'s ink (and its whole advance) lands in ``room`` with ``font``."""
        metrics = QFontMetricsF(font)
        return self._extent(metrics, text).translated(self._origin(metrics, room, text)) \
            if text else QRectF()

    def ink_rect(self) -> QRectF:
        """Where the text's ink is, in the label's coordinates (for the tests)."""
        lines = self.lines
        ink = QRectF()
        for line, box in zip(lines, self._rooms(self.contentsRect(), len(lines)),
                             strict=True):
            ink = ink.united(self._ink(self.font(), box, line))
        return ink

    def fit(self) -> None:
        """Size the text for the box it has now."""
        if self.contentsRect().isEmpty():
            return
        font, lines = self._fitted(self.max_px)
        if font != self.font() or lines != self._lines:
            self._lines = lines
            self.setFont(font)
            self.update()

    def best_px(self) -> int:
        """The size the text would have in its box with no :attr:`max_px`."""
        return self._fitted(None)[0].pixelSize()

    def _fitted(self, cap: int | None) -> tuple[QFont, tuple[str, ...]]:
        """The largest font the text fits with, on one line or (if allowed) two."""
        room = self.contentsRect()

        def start(lines: tuple[str, ...]) -> int:
            # A line of a broken text is a line of words: WORDS_FILL of it, like the others.
            fill = self._fill if len(lines) == 1 else max(self._fill, WORDS_FILL)
            px = max(1, int(room.height() / len(lines) * fill))
            return px if cap is None else min(px, cap)

        def fits(font: QFont, lines: tuple[str, ...]) -> bool:
            return not any(lines) or room.width() <= 0 or self._fits(font, room, lines)

        font = QFont(self.font())
        font.setBold(self._bold)
        return fit_text(self.text(), font, room.width(), start, lines=self._max_lines,
                        fits=fits, jump=True)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        if self._background is not None:
            painter.fillRect(self.rect(), self._background)
        if self.text():
            painter.setFont(self.font())
            painter.setPen(self._colour)
            metrics = QFontMetricsF(self.font())
            lines = self.lines
            for line, box in zip(lines, self._rooms(self.contentsRect(), len(lines)),
                                 strict=True):
                painter.drawText(self._origin(metrics, box, line), line)
        painter.end()


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

    def text_px(self) -> int:
        return max(1, int(self.height() * 0.66))

    def _font(self) -> QFont:
        return sized(self.font(), self.text_px(), bold=True)

    def _measure(self) -> None:
        self._text_width = advance(self._font(), self._text)

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
    """One counter: its name and the number it serves, the number as tall as the row;
    flashes on a new call. A word instead of a number (closed, a pause's reason) gets
    half the row."""

    def __init__(self, parent: QWidget, kind: str, index: int) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind}-row-{index}")
        self.name = FitLabel(self, "counter", fill=0.6, lines=2)
        self.number = FitLabel(self, "number", fill=NUMBER_FILL, bold=True,
                               align=Qt.AlignmentFlag.AlignRight)
        self.counter: int | None = None
        self.flashing = False  # a new call is being flashed (whichever half of the blink)
        self._word = False
        self._line = 0.0
        self._look: tuple[object, ...] = ()
        self._base = PANEL if index % 2 == 0 else PANEL_ALT

    def show_counter(self, counter: int | None, name: str, number: str, *, called: bool,
                     active: bool, word: bool, flashing: bool, blink_on: bool) -> None:
        self.counter = counter
        self.flashing = flashing
        if word != self._word:
            self._word = word
            self._arrange()
        self.name.show_text(name)
        self.number.show_text(number)
        flash_on = flashing and blink_on
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
        self.name.set_colours(name_colour)
        self.number.set_colours(number_colour)

    def place(self, rect: QRect, line: float) -> None:
        self._line = line
        self.setGeometry(rect)
        self._arrange()

    def _arrange(self) -> None:
        w, h = self.width(), self.height()
        pad = max(2, int(h * 0.16))
        inner = w - 2 * pad
        if self._word:
            split = inner // 2
        else:  # the number as wide as its letters need, between 40 and 55 % of the row
            font = sized(self.number.font(), (h - 2) * NUMBER_FILL, bold=True)
            need = advance(font, "W000") * 1.04
            split = inner - int(min(max(need, inner * 0.4), inner * 0.55))
        # The name no taller than two lines of words: the number is what is read.
        name_h = min(h, int(2 * self._line)) if self._line else h
        self.name.setGeometry(QRect(pad, (h - name_h) // 2, split - pad // 2, name_h))
        self.number.setGeometry(QRect(pad + split, 1, inner - split, max(1, h - 2)))


@dataclass(frozen=True)
class Slots:
    """How many rows a section shows."""

    counters: int
    queues: int
    recent: int


class SectionView(QFrame):
    """One kind of queue (services or pickups): half of the screen, or all of it."""

    def __init__(self, parent: QWidget, kind: str) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"section-{kind}")
        self.setStyleSheet(f"#section-{kind} {{ background: {BACKGROUND}; }}")
        self.title = FitLabel(self, "title", fill=0.72, bold=True)
        self.title.set_colours(TEXT, SECTION_COLOURS[kind])
        self.waiting_title = FitLabel(self, "head", bold=True)
        self.recent_title = FitLabel(self, "head", bold=True)
        self.rows: list[BoardCounterRow] = []
        self.queue_names: list[FitLabel] = []
        self.queue_waits: list[FitLabel] = []  # the wait a ticket taken now would have
        self.queue_counts: list[FitLabel] = []
        self.recent: list[FitLabel] = []
        self.slots = Slots(0, 0, 0)
        self._queue_lines: list[QRect] = []

    def ensure_slots(self, slots: Slots) -> None:
        """Make (or hide) rows so there are exactly the slots asked for; reuse the rest."""
        self.slots = slots
        while len(self.rows) < slots.counters:
            self.rows.append(BoardCounterRow(self, self.kind, len(self.rows)))
        while len(self.queue_names) < slots.queues:
            self.queue_names.append(FitLabel(self, "queue"))
            self.queue_waits.append(FitLabel(self, "wait", align=Qt.AlignmentFlag.AlignRight))
            self.queue_counts.append(FitLabel(self, "waiting", bold=True,
                                              align=Qt.AlignmentFlag.AlignRight))
        while len(self.recent) < slots.recent:
            chip = FitLabel(self, "recent", fill=0.72, bold=True,
                            align=Qt.AlignmentFlag.AlignHCenter)
            chip.set_colours(TEXT, PANEL)
            self.recent.append(chip)
        for i, (name, wait, count) in enumerate(zip(self.queue_names, self.queue_waits,
                                                    self.queue_counts, strict=True)):
            name.setVisible(i < slots.queues)
            wait.setVisible(i < slots.queues)
            count.setVisible(i < slots.queues)
        for i, chip in enumerate(self.recent):
            chip.setVisible(i < slots.recent)

    def fixed_lines(self) -> float:
        """The section's height apart from its counters, in lines: the title bar, the
        waiting title and one line a queue, the last calls' title and chips, the gaps."""
        return 1.15 + 0.15 + 0.3 + 1 + self.slots.queues + 0.3 + 1 + 1.3

    def row_columns(self, width: int, height: int, line: float) -> int:
        """Counters side by side in two columns when the section is wider than high (a
        TV showing one section), or when in one column their numbers would be smaller
        than the words (many counters): each row, and its number, twice as tall."""
        counters = max(1, self.slots.counters)
        if counters < 3:
            return 1
        one_column = (height - self.fixed_lines() * line) / counters
        return 2 if width > 1.2 * height or one_column < 1.2 * line else 1

    def rows_down(self, width: int, height: int, line: float) -> int:
        columns = self.row_columns(width, height, line)
        return -(-max(1, self.slots.counters) // columns)

    def row_room(self, width: int, height: int, line: float) -> float:
        """How tall each counter's row could be in a section ``width`` × ``height``."""
        return (height - self.fixed_lines() * line) / self.rows_down(width, height, line)

    def place(self, rect: QRect, line: float, row_h: float) -> None:
        """Lay the section out in ``rect`` (in the parent's coordinates): rows ``row_h``
        high, words one ``line``; room to spare goes between the parts."""
        self.setGeometry(rect)
        w = rect.width()
        columns = self.row_columns(w, rect.height(), line)
        down = self.rows_down(w, rect.height(), line)
        spare = max(0.0, rect.height() - self.fixed_lines() * line - row_h * down)
        gap = spare / 2  # after the rows and after the queues: the last calls at the foot
        y = 0.0

        def take(height: float) -> QRect:
            nonlocal y
            top = int(y)
            y += height
            return QRect(0, top, w, max(1, int(y) - top))

        pad = int(line * 0.3)
        self.title.setContentsMargins(pad, 0, pad, 0)
        self.title.setGeometry(take(1.15 * line))
        take(0.15 * line)
        top = y
        space = max(2, int(line * 0.15))
        row_w = (w - space * (columns - 1)) / columns
        for i, row in enumerate(self.rows[:self.slots.counters]):
            y = top + (i % down) * row_h  # down the first column, then the second
            left = int((i // down) * (row_w + space))
            row.place(take(row_h).adjusted(left, 1, int(left + row_w) - w, -1), line)
        self.same_name_size()
        y = top + down * row_h
        take(0.3 * line + gap)
        self.waiting_title.setGeometry(take(line).adjusted(pad, 0, -pad, 0))
        self._queue_lines = [take(line).adjusted(pad, 0, -pad, 0)
                             for _ in range(self.slots.queues)]
        self.arrange_queues()
        take(0.3 * line + gap)
        self.recent_title.setGeometry(take(line).adjusted(pad, 0, -pad, 0))
        chips = take(1.3 * line)
        if self.slots.recent:
            chip_w = (w - space * (self.slots.recent - 1)) / self.slots.recent
            for i, chip in enumerate(self.recent[:self.slots.recent]):
                left = int(i * (chip_w + space))
                chip.setContentsMargins(space, 0, space, 0)
                chip.setGeometry(QRect(left, chips.top(), int(chip_w), chips.height()))

    def same_name_size(self) -> None:
        """The counters' names in one size: the largest their longest name fits (a
        long "Loket 4 Prioritas" is not drawn tiny beside a large "Loket 1")."""
        names = [row.name for row in self.rows[:self.slots.counters]
                 if row.isVisibleTo(self) and row.name.text()]
        if names:
            size = min(name.best_px() for name in names)
            for name in names:
                name.limit_px(size)

    def arrange_queues(self) -> None:
        """The queues' lines in three columns: how many wait on the right, the wait
        ("10–25 min") before it, the queue's names first. The names and the waits get
        what their widest text needs; if that is more than the line, both give up the
        same share (again after the texts change)."""
        if not self._queue_lines:
            return
        box = self._queue_lines[0]
        font = sized(self.queue_waits[0].font(), box.height() * WORDS_FILL, bold=False)
        count = len(self._queue_lines)

        def need(labels: list[FitLabel]) -> float:
            return widest(font, (lb.text() for lb in labels[:count])) + 2

        count_w = int(box.height() * 1.6)
        gap = box.height() // 2
        wait_need = need(self.queue_waits)
        room = box.width() - count_w - 2 * gap
        if wait_need <= 2:  # no estimates yet: the names have the line
            wait_w, gap = 0, 0
        else:
            share = min(1.0, room / (need(self.queue_names) + wait_need))
            wait_w = int(wait_need * share)
        columns = (self.queue_names[:count], self.queue_waits[:count],
                   self.queue_counts[:count])
        for box, name, wait, counted in zip(self._queue_lines, *columns, strict=True):
            right = box.left() + box.width()
            counted.setGeometry(QRect(right - count_w, box.top(), count_w, box.height()))
            wait.setGeometry(QRect(right - count_w - gap - wait_w, box.top(), max(1, wait_w),
                                   box.height()))
            name.setGeometry(QRect(box.left(), box.top(),
                                   max(1, wait.x() - gap - box.left()), box.height()))
        for column in columns:  # one size down a column: the size its longest text fits
            size = min(lb.best_px() for lb in column)
            for label in column:
                label.limit_px(size)
