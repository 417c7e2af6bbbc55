"""The lobby display tells the current wait of each open queue, readable and fitting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from app.queue import engine
from app.setup.demo_history import seed_history
from app.setup.pc_settings import PcSettings
from tests.ui.display.test_display_window import FAST, RecordingSpeaker
from ui.display.window import DisplayWindow, FitLabel


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mysql"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_each_open_queue_shows_its_wait_and_it_fits(
        office: str, qtbot: QtBot, pc: PcSettings, english: str,
        size: tuple[int, int]) -> None:
    assert seed_history() > 0  # two weeks of services: enough history for a range
    for ref in "AAAAAAWB":
        engine.issue_ticket(ref)
    window = DisplayWindow(pc, speaker=RecordingSpeaker(), **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None, timeout=5000)
    qtbot.wait(50)
    board = window.board
    assert board is not None
    told = {q.prefix: q.wait_min for q in board.queues if q.active}
    assert all(told.values()), told  # every open queue has history and counters
    waits = [lb for lb in window.findChildren(FitLabel)
             if lb.objectName() == "wait" and lb.isVisibleTo(window) and lb.text()]
    low, high = told["A"] or (0, 0)
    assert f"{low}–{high} min" in [lb.text() for lb in waits]
    assert len(waits) == len(told)
    screen = QRect(0, 0, *size)
    for label in waits:
        box = QRect(label.mapTo(window, label.rect().topLeft()), label.size())
        assert screen.contains(box)
        assert QFontMetricsF(label.font()).horizontalAdvance(label.text()) <= label.width()
        assert label.font().pixelSize() >= size[1] * 0.015, label.text()  # readable
    window.shutdown()
