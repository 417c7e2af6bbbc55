"""The lobby display shows a paused counter with its reason, and the counter back."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.queue import pauses
from tests.helpers import WAIT
from tests.ui.display.test_display_window import _row, display, speaker
from ui.display.window import DisplayWindow

__all__ = ["display", "speaker"]  # fixtures this module uses


def test_a_paused_counter_shows_its_reason_until_it_resumes(
        display: DisplayWindow, qtbot: QtBot) -> None:
    pauses.pause_counter(3, "break")
    qtbot.waitUntil(lambda: _row(display, 3).number.text() == "break", timeout=WAIT)
    # A fresh read of the board (a new display, a reload) knows it too.
    display.reload()
    qtbot.waitUntil(lambda: not display.worker.busy, timeout=WAIT)
    assert _row(display, 3).number.text() == "break"
    pauses.resume_counter(3)
    qtbot.waitUntil(lambda: _row(display, 3).number.text() == "–", timeout=WAIT)
