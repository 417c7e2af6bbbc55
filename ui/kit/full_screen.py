"""How a public screen's window opens: full screen, or a window of a given size.

A kiosk or a counter's touch screen often runs in a bare X session: without a window
manager to honour "full screen", the window must cover the screen itself, so its
geometry is set to the screen's first.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def show_public(window: QWidget, *, windowed: bool, width: int, height: int) -> None:
    """Show ``window`` covering its screen, or (``windowed``) as a ``width``×``height``
    window."""
    if windowed:
        window.resize(width, height)
        window.show()
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()
