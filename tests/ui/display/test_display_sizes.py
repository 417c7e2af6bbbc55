"""The lobby display read from the back of the hall (8–10 m from a 50" TV): numbers as
tall as their rows allow, words at least 48 px at 1080 (the same share of smaller
screens), nothing cut off, no half-empty column; the whole hall and one section per TV."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.queue import engine, pauses
from app.queue.board import PICKUP, SERVICE
from app.setup.demo_history import seed_history
from app.setup.pc_settings import PcSettings
from app.storage.models import Counter, CounterQueue, Queue
from tests.helpers import WAIT
from tests.ui.display.test_display_window import FAST, RecordingSpeaker
from ui.display.board_view import (
    BACKGROUND,
    PANEL,
    PANEL_ALT,
    SECTION_COLOURS,
    WORDS_PX_1080,
    BoardCounterRow,
    FitLabel,
    SectionView,
)
from ui.display.window import DisplayWindow

NUMBER_SHARE = 0.8  # a called number's letters, of its row's height
HEADINGS = ("title", "head", "date", "clock")  # words that never shrink below the minimum


@pytest.fixture
def board(office: str, qtbot: QtBot, pc: PcSettings, indonesian: str,
          request: pytest.FixtureRequest) -> Iterator[DisplayWindow]:
    """A busy morning: waits known, five counters calling, counter 4 paused for the
    longest reason there is; the display at ``size``, for ``section`` (or both)."""
    size, section = request.param
    seed_history()
    for ref in "AAAAPWWBBC":
        engine.issue_ticket(ref)
    for counter in (1, 2, 3, 5, 6):
        engine.call_next(counter)
    engine.start_serving("A001", 1)
    pauses.pause_counter(4, "system")  # "gangguan sistem"
    pc.section = section or None
    window = DisplayWindow(pc, speaker=RecordingSpeaker(), **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None and len(window.board.serving) == 5,
                    timeout=WAIT)
    if section != "pickup":  # counter 4 serves walk-ins
        qtbot.waitUntil(lambda: "gangguan sistem" in window.texts(), timeout=WAIT)
    yield window
    window.shutdown()


CASES = [((w, h), section) for w, h in ((1920, 1080), (1366, 768))
         for section in ("", "walkin", "pickup")]
IDS = [f"{w}x{h}-{section or 'hall'}" for (w, h), section in CASES]


def _sections(window: DisplayWindow) -> list[SectionView]:
    return [v for v in window.findChildren(SectionView) if v.isVisibleTo(window)]


def _rows(window: DisplayWindow) -> list[BoardCounterRow]:
    return [r for r in window.findChildren(BoardCounterRow) if r.isVisibleTo(window)]


def _labels(window: QWidget) -> list[FitLabel]:
    return [lb for lb in window.findChildren(FitLabel) if lb.isVisibleTo(window) and lb.text()]


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("board", CASES, ids=IDS, indirect=True)
def test_called_numbers_are_as_tall_as_their_rows_allow(board: DisplayWindow) -> None:
    rows = _rows(board)
    assert len(rows) == {"": 6, "walkin": 4, "pickup": 2}[board_section(board)]
    numbers = 0
    for row in rows:
        label = row.number
        if row.counter == 4:  # paused: its reason, whole, in half the row
            assert label.text() == "gangguan sistem"
            assert label.width() >= row.width() * 0.4
            continue
        numbers += 1
        # As tall as the row allows, unless its width is what limits it.
        assert label.font().pixelSize() >= NUMBER_SHARE * row.height() \
            or not label.fits(label.font().pixelSize() + 2), label.text()
        capitals = QFontMetricsF(label.font()).capHeight()
        assert capitals >= 0.55 * row.height(), label.text()
    assert numbers == len(rows) - (1 if any(r.counter == 4 for r in rows) else 0)


def board_section(window: DisplayWindow) -> str:
    shown = [v.kind for v in _sections(window)]
    return "" if len(shown) == 2 else ("walkin" if shown == [SERVICE] else "pickup")


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("board", CASES, ids=IDS, indirect=True)
def test_every_word_is_large_and_whole(board: DisplayWindow) -> None:
    minimum = int(WORDS_PX_1080 * board.height() / 1080)
    labels = _labels(board)
    assert {"Menunggu", "Panggilan terakhir"} <= {lb.text() for lb in labels}
    for label in labels:
        px = label.font().pixelSize()
        room = QRectF(label.contentsRect())
        # Nothing elided or cut: the text's whole advance and its ink inside the box.
        assert max(QFontMetricsF(label.font()).horizontalAdvance(line)
                   for line in label.lines) <= room.width()
        assert room.contains(label.ink_rect()), (label.text(), label.ink_rect(), room)
        assert QRect(0, 0, board.width(), board.height()).contains(
            QRect(label.mapTo(board, label.rect().topLeft()), label.size())), label.text()
        if label.objectName() in HEADINGS:
            assert px >= minimum, (label.text(), px, minimum)
        elif label.max_px != px:  # the office's names: the minimum, unless too long
            assert px >= minimum or not label.fits(px + 2), (label.text(), px, minimum)
    # A queue table's column is one size: the size its longest text fits.
    for view in _sections(board):
        for column in (view.queue_names, view.queue_waits, view.queue_counts):
            shown = [lb for lb in column if lb.isVisibleTo(board) and lb.text()]
            sizes = {lb.font().pixelSize() for lb in shown}
            assert len(sizes) == 1, [(lb.text(), lb.font().pixelSize()) for lb in shown]
            px = sizes.pop()
            assert px >= minimum or any(not lb.fits(px + 2) for lb in shown), (view.kind, px)


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("board", [((683, 307), ""), ((1366, 768), ""), ((960, 540), "walkin")],
                         ids=["demo-tile", "1366x768-hall", "960x540-walkin"], indirect=True)
def test_a_sections_counter_names_share_the_size_the_longest_fits(
        board: DisplayWindow) -> None:
    """"Loket 4 Prioritas" is not drawn tiny beside a large "Loket 1": one size for the
    names of a section, as large as the longest allows (on two lines if that helps)."""
    for view in _sections(board):
        names = [r.name for r in _rows(board) if r.parent() is view and r.name.text()]
        sizes = {name.font().pixelSize() for name in names}
        assert len(sizes) == 1, [(n.text(), n.font().pixelSize()) for n in names]
        px = sizes.pop()
        assert min(name.best_px() for name in names) == px, view.kind
        for name in names:
            assert QRectF(name.contentsRect()).contains(name.ink_rect()), name.lines
    walkin = [r.name for r in _rows(board) if r.parent().kind == SERVICE]
    longest = next(n for n in walkin if n.text() == "Loket 4 Prioritas")
    shortest = next(n for n in walkin if n.text() == "Loket 1")
    assert longest.font().pixelSize() == shortest.font().pixelSize()
    if board.height() <= 307:  # the demo's tile: the long name is broken in two
        assert longest.lines == ("Loket 4", "Prioritas")


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("board", CASES, ids=IDS, indirect=True)
def test_each_column_is_used_to_its_foot_in_high_contrast(board: DisplayWindow) -> None:
    views = _sections(board)
    assert len(views) == (2 if board_section(board) == "" else 1)
    for view in views:
        parts = [w for w in view.findChildren(QWidget) if w.isVisibleTo(view)
                 and w.parent() is view]
        foot = max(w.geometry().bottom() for w in parts)
        assert foot >= view.height() * 0.97, view.kind  # the last calls at the foot
        # No half-empty column: no empty stretch taller than 15 % of it.
        reached = 0
        for part in sorted(parts, key=lambda w: w.y()):
            assert part.y() - reached <= view.height() * 0.15, (view.kind, part.y(), reached)
            reached = max(reached, part.geometry().bottom())
    if len(views) == 2:  # the quieter section's rows are no shorter than the busier's
        heights = {v.kind: v.rows[0].height() for v in views}
        assert heights[PICKUP] >= heights[SERVICE]
    # Light words on the dark navy, at least 7:1 (WCAG's AAA), the section bars too.
    grounds = (BACKGROUND, PANEL, PANEL_ALT)
    for label in _labels(board):
        if label.objectName() == "title":
            assert _contrast(label.colour, SECTION_COLOURS[label.parent().kind]) >= 7
        else:
            assert min(_contrast(label.colour, g) for g in grounds) >= 7, label.text()


def _contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                   for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_many_counters_go_side_by_side_and_their_numbers_stay_large(
        office: str, qtbot: QtBot, pc: PcSettings, indonesian: str) -> None:
    """Fourteen walk-in counters: in one column each number would be smaller than the
    words; in two they are larger, and everything still fits."""
    paspor = Queue.get(Queue.code == "paspor")
    for number in range(7, 17):
        counter = Counter.create(number=number, name=f"Loket {number}")
        CounterQueue.create(counter=counter, queue=paspor, position=0)
    for _ in range(12):
        engine.issue_ticket("A")
    for counter in (1, 2, 3, 7, 8, 16):
        engine.call_next(counter)
    window = DisplayWindow(pc, speaker=RecordingSpeaker(), **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None and len(window.board.serving) == 6,
                    timeout=WAIT)
    minimum = int(WORDS_PX_1080 * 768 / 1080)
    rows = [r for r in _rows(window) if r.objectName().startswith(SERVICE)]
    assert len(rows) == 14
    assert len({r.x() for r in rows}) == 2  # two columns of seven
    for row in rows:
        if row.number.text() != "–":
            assert row.number.font().pixelSize() >= minimum, row.number.text()
    for label in _labels(window):
        assert QRectF(label.contentsRect()).contains(label.ink_rect()), label.text()
    window.shutdown()
