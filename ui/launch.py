"""Start a window mode. The program's entry point (:mod:`ui.main`) hands the window
commands here; ``app/`` never names a window and stays importable without Qt.

Each mode's module offers ``open_window(pc: PcSettings, *, windowed: bool) -> QWidget``
which builds and shows its window on the database the command line connected.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QMargins, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.pickup import journal
from app.setup.pc_settings import PcSettings
from ui.kit import lifecycle, settings_request  # lifecycle: clean exit on SIGTERM/Ctrl+C
from ui.kit.application import create_application
from ui.kit.i18n import install_language

log = logging.getLogger("loket.ui")

WINDOWS = {
    "monitor": "ui.monitor.window",
    "counter": "ui.counter.window",
    "display": "ui.display.window",
    "kiosk": "ui.kiosk.window",
    "admin": "ui.admin.window",
    "survey-screen": "ui.survey.window",
}
# ``loket demo`` shows the whole hall on one PC.
HALL = ("display", "kiosk", "counter")


def open_windows(modes: Sequence[str], pc: PcSettings, *, windowed: bool,
                 options: Mapping[str, Any] | None = None) -> list[QWidget]:
    """``options``: what the command line gave a window beyond ``--windowed`` (the survey
    screen's ``--counter``)."""
    windows = []
    for mode in modes:
        if mode not in WINDOWS:
            raise ValueError(f"unknown window mode {mode!r}")
        module = importlib.import_module(WINDOWS[mode])
        windows.append(module.open_window(pc, windowed=windowed, **(options or {})))
    return windows


def hall_places(area: QRect) -> dict[str, QRect]:
    """Where each of the hall's windows goes on a screen's ``area``: the counter on the
    right half, the display above the kiosk on the left (the kiosk, touched, gets the
    larger part)."""
    half_w = area.width() // 2
    display_h = area.height() * 2 // 5
    return {
        "display": QRect(area.left(), area.top(), half_w, display_h),
        "kiosk": QRect(area.left(), area.top() + display_h, half_w,
                       area.height() - display_h),
        "counter": QRect(area.left() + half_w, area.top(), area.width() - half_w,
                         area.height()),
    }


def tile_hall(windows: list[QWidget]) -> None:
    """Display and kiosk on the left half (one above the other), the counter on the right,
    so the whole hall is visible on one screen (with or without a window manager)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None or len(windows) != len(HALL):
        return
    places = hall_places(screen.availableGeometry())
    for mode, window in zip(HALL, windows, strict=True):
        window.showNormal()
        # The frame (title bar, borders) inside the place too, not past the screen.
        frame, inner = window.frameGeometry(), window.geometry()
        margins = QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                           frame.right() - inner.right(), frame.bottom() - inner.bottom())
        window.setGeometry(places[mode].marginsRemoved(margins))
    # The keyboard to the counter: the officer's first F2 calls, the kiosk takes taps.
    counter = windows[HALL.index("counter")]
    counter.raise_()
    counter.activateWindow()


def run(mode: str, *, windowed: bool = False, pc_settings: bool = False,
        options: Mapping[str, Any] | None = None) -> int:
    """Open the window(s) for ``mode`` (``hall``: display, kiosk and counter) and run.

    ``pc_settings``: Ctrl+Shift+S in each window (and the sign-in page's button) ends
    the run with :data:`ui.kit.settings_request.SETTINGS_REQUESTED`, the windows closed.
    """
    qt_app = create_application(sys.argv)
    journal.prune()  # a PC that hands over nothing more still forgets old collectors' names
    pc = PcSettings()
    install_language(pc.language_or_default())
    modes = HALL if mode == "hall" else (mode,)
    windows = open_windows(modes, pc, windowed=windowed or mode == "hall", options=options)
    if mode == "hall":
        tile_hall(windows)
    lifecycle.install(qt_app, windows)
    if pc_settings:
        for window in windows:
            settings_request.add_settings_shortcut(window)
    code = int(qt_app.exec())
    qt_app.closeAllWindows()  # left open when the run ended for the PC settings
    del windows
    return code
