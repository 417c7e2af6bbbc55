"""What the kiosk's tests share: a kiosk window shown on the test's office."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.setup.pc_settings import PcSettings
from tests.helpers import WAIT
from ui.kiosk.ticket_printer import TicketPrinter
from ui.kiosk.window import KioskWindow


def shown_kiosk(qtbot: QtBot, pc: PcSettings, printed: Path, **kw: Any) -> KioskWindow:
    """A kiosk at 1280×800 whose tickets go to PDF files in ``printed``, shown once its
    board is loaded (``kw``: the window's own, e.g. ``idle_ms``)."""
    kw.setdefault("idle_ms", 60_000)
    window = KioskWindow(pc, printer=TicketPrinter(f"pdf:{printed}", pc.paper_width_mm), **kw)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.board_changed, timeout=WAIT):
        window.show()
    return window


def tap(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def near_offer(window: KioskWindow) -> QPushButton:
    """The ticket page's turn-near offer."""
    button = window.findChild(QPushButton, "near_offer")
    assert button is not None
    return button


def type_phone(qtbot: QtBot, window: KioskWindow, digits: str) -> None:
    """``digits`` touched on the phone page's keypad."""
    for key in digits:
        button = window.phone.keypad.findChild(QPushButton, f"phone_key_{key}")
        assert button is not None, key
        tap(qtbot, button)
