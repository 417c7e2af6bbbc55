"""The lobby display on a pickup-only weekend: the walk-in half is gone and the pickups
take the screen; the Monday after, both halves are back — nobody touched it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.queue import engine
from app.queue.board import PICKUP, SECTIONS
from app.setup.pc_settings import PcSettings
from tests.helpers import WAIT
from tests.helpers.days import MONDAY, SATURDAY, WEEKEND, schedule_pickup_weekend
from tests.ui.display.test_display_window import FAST, RecordingSpeaker
from ui.display.window import DisplayWindow


def _section(window: DisplayWindow, kind: str) -> QWidget:
    found = window.findChild(QWidget, f"section-{kind}")
    assert found is not None
    return found


def test_the_display_shows_only_the_open_sections_and_gives_them_the_screen(
        office: str, qtbot: QtBot, pc: PcSettings, english: str,
        travel: Callable[[dt.datetime], None]) -> None:
    schedule_pickup_weekend()
    travel(SATURDAY)
    engine.issue_ticket("B")
    engine.call_next(2)  # a walk-in counter on weekdays, on pickups today
    window = DisplayWindow(pc, speaker=RecordingSpeaker(), **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None, timeout=WAIT)
    board = window.board
    assert board is not None and board.profile == WEEKEND
    service, pickup = _section(window, "service"), _section(window, PICKUP)
    assert not service.isVisible() and pickup.isVisible()
    assert pickup.width() > 0.9 * window.width()
    assert 2 in [c.number for c in board.section(PICKUP).counters]

    travel(MONDAY)
    with qtbot.waitSignal(window.board_shown, timeout=WAIT):
        window.reload()
    assert window.board is not None and window.board.sections == SECTIONS
    assert service.isVisible() and pickup.isVisible()
    assert service.width() < 0.55 * window.width()
    window.shutdown()
