"""The kiosk on a pickup-only weekend: only the open services, a kind sentence outside
hours, and the Monday after as always — nobody touched it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.setup.pc_settings import PcSettings
from tests.helpers import WAIT
from tests.helpers.days import MONDAY, SATURDAY, schedule_pickup_weekend
from ui.kiosk.ticket_printer import TicketPrinter
from ui.kiosk.window import KioskWindow


def _services(window: KioskWindow) -> list[str]:
    return sorted(b.objectName().removeprefix("service_")
                  for b in window.findChildren(QPushButton)
                  if b.objectName().startswith("service_") and not b.isHidden())


def _reload(qtbot: QtBot, window: KioskWindow) -> None:
    with qtbot.waitSignal(window.board_changed, timeout=WAIT):
        window.reload_board()


def test_the_kiosk_follows_the_weekend_and_monday_by_itself(
        office: str, qtbot: QtBot, pc: PcSettings, english: str, tmp_path: Path,
        travel: Callable[[dt.datetime], None]) -> None:
    schedule_pickup_weekend()
    travel(SATURDAY)
    window = KioskWindow(pc, printer=TicketPrinter(f"pdf:{tmp_path}", pc.paper_width_mm))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.board_changed, timeout=WAIT):
        window.show()
    pickup = window.findChild(QPushButton, "pickup")
    assert pickup is not None
    assert _services(window) == []  # no walk-in service on a pickup-only Saturday
    assert pickup.isVisible() and pickup.isEnabled()
    assert window._start_subtitle.text() == "Touch the service you need."

    travel(SATURDAY.replace(hour=9))  # 16:00 in Jakarta: after the last number
    _reload(qtbot, window)
    assert window._start_subtitle.text() == (
        "Sorry, no numbers are given out now. We open again Sunday 07/07/2024 at 08:00. "
        "Thank you for coming.")
    assert not pickup.isEnabled()

    travel(MONDAY)
    _reload(qtbot, window)
    # New buttons show once the event loop has run (Qt shows an added child queued).
    qtbot.waitUntil(lambda: _services(window) == ["paspor", "prioritas", "wna"], timeout=WAIT)
    assert window.service_button("paspor").isEnabled() and pickup.isEnabled()
    assert window._start_subtitle.text() == "Touch the service you need."
    window.close()
