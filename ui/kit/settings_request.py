"""A window's way to ask for this PC's settings (Ctrl+Shift+S, or the sign-in page's
button): the event loop ends with :data:`SETTINGS_REQUESTED`, and the start-up
(:mod:`ui.setup.first_run`) closes the windows, asks for an admin and opens the set-up.

Apart from the start-up so that the windows (started by :mod:`ui.launch`) need not
import the start-up that starts them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

SETTINGS_REQUESTED = 75  # the event loop's return code for "open the PC settings"
SETTINGS_KEY = "Ctrl+Shift+S"

_offered = False


def offer() -> None:
    """This run's windows can open the PC settings (``loket`` started them, not
    ``loket demo``)."""
    global _offered
    _offered = True


def offered() -> bool:
    return _offered


def request_settings() -> None:
    """A window's "PC settings": leave the windows and open the set-up wizard."""
    QCoreApplication.exit(SETTINGS_REQUESTED)


def add_settings_shortcut(window: QWidget) -> QShortcut:
    """Ctrl+Shift+S opens the PC settings (the display and kiosk have no menu)."""
    shortcut = QShortcut(QKeySequence(SETTINGS_KEY), window)
    shortcut.activated.connect(request_settings)
    return shortcut
