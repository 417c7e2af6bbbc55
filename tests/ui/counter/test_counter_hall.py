"""The hall's rules at the counter window: a late applicant put back in line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.queue import engine
from app.setup.pc_settings import PcSettings
from app.storage.models import AuditEntry
from tests.helpers import NOW, WAIT
from tests.ui.counter.test_counter_window import act, button, hall, signed_in, windows
from ui.counter.window import CounterWindow

__all__ = ["hall", "windows"]  # fixtures this module uses


def test_the_last_no_show_goes_back_in_line_from_the_counter(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow],
        travel: Callable[[dt.datetime], None]) -> None:
    for _ in range(2):
        engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 1)
    assert not button(window, "requeue").isEnabled()  # no no-show yet
    act(qtbot, window, "call_next")
    act(qtbot, window, "no_show")
    assert button(window, "requeue").isEnabled()
    assert "A001" in button(window, "requeue").text() and "F10" in button(window, "requeue").text()
    travel(NOW + dt.timedelta(minutes=10))  # the applicant comes back ten minutes later
    act(qtbot, window, "requeue")
    assert engine.get_ticket("A001").status == "waiting"
    assert "A001 is back in line" in window.message
    assert not button(window, "requeue").isEnabled()
    entry = AuditEntry.get(AuditEntry.action == "ticket_requeued")
    assert entry.counter == 1 and entry.officer_id == window.officer.id
    # A002 waited all along: it is called first.
    act(qtbot, window, "call_next")
    assert window.view.desk.ticket.number == "A002"


def test_after_the_grace_period_the_button_is_gone_and_the_core_says_why(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow],
        travel: Callable[[dt.datetime], None]) -> None:
    engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 1)
    act(qtbot, window, "call_next")
    act(qtbot, window, "no_show")
    assert button(window, "requeue").isEnabled()
    # The grace period ends while the desk still shows the button: pressing it is
    # refused by the core, with the reason, and the desk drops the button.
    travel(NOW + dt.timedelta(minutes=45))
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: "Please take a new number" in window.message, timeout=WAIT)
    assert engine.get_ticket("A001").status == "no_show"
    window.refresh()
    qtbot.waitUntil(lambda: not button(window, "requeue").isEnabled(), timeout=WAIT)
