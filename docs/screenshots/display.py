"""The lobby display: the whole hall, and a TV set to the pickup section only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from docs.screenshots.hall import busy_morning
from docs.screenshots.stage import Stage, wait_until
from ui.display.window import DisplayWindow


class Silent:
    """No sound card: each call is 'said' at once."""

    def speak(self, item: object, languages: tuple[str, ...], done: Callable[[], None],
              ) -> None:
        QTimer.singleShot(0, done)

    def stop(self) -> None:
        return


def _display(stage: Stage, name: str, section: str | None) -> None:
    pc = stage.pc(name)
    if section is not None:
        pc.section = section
    window = DisplayWindow(pc, speaker=Silent())
    stage.show(window)
    wait_until(lambda: window.board is not None, "the board")
    stage.shot(name, window)
    window.shutdown()
    window.close()


def run(stage: Stage) -> None:
    stage.open_office()
    busy_morning()
    _display(stage, "display", None)
    _display(stage, "display-pickup", "pickup")
