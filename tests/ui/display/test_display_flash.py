"""A new call flashes its counter's row; a row whose ticket is gone does not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.queue import engine
from app.setup.pc_settings import PcSettings
from tests.helpers import WAIT
from tests.ui.display.test_display_window import FAST, RecordingSpeaker, _row
from ui.display.window import DisplayWindow


@pytest.fixture
def flashing_display(office: str, qtbot: QtBot, pc: PcSettings,
                     english: str) -> Iterator[DisplayWindow]:
    # A flash far longer than the test: whatever ends it is not the clock.
    window = DisplayWindow(pc, speaker=RecordingSpeaker(), flash_ms=600_000,
                           **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None, timeout=WAIT)
    yield window
    window.shutdown()


@pytest.mark.parametrize("release", ["no_show", "finish"])
def test_a_row_stops_flashing_when_its_ticket_is_released(
        flashing_display: DisplayWindow, qtbot: QtBot, release: str) -> None:
    display = flashing_display
    for _ in range(2):
        engine.issue_ticket("A")
    with qtbot.waitSignal(display.calls_shown, timeout=WAIT):
        engine.call_next(3)
    row = _row(display, 3)
    assert row.number.text() == "A001" and row.flashing
    if release == "no_show":
        engine.no_show("A001", 3)
    else:
        engine.start_serving("A001", 3)
        engine.finish("A001", 3)
    qtbot.waitUntil(lambda: row.number.text() == "–", timeout=WAIT)
    assert not row.flashing  # the emptied row is not flashed as a new call
    with qtbot.waitSignal(display.board_shown, timeout=WAIT):
        display.reload()  # nor after the next read of the board
    assert row.number.text() == "–" and not row.flashing
    # The counter's next call flashes again.
    with qtbot.waitSignal(display.calls_shown, timeout=WAIT):
        engine.call_next(3)
    assert row.number.text() == "A002" and row.flashing
