"""The hall's rules at the counter window: a late applicant put back in line, a pause."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.queue import engine, pauses
from app.setup.pc_settings import PcSettings
from app.storage.models import AuditEntry
from tests.helpers import NOW, WAIT
from tests.ui.counter.test_counter_window import act, button, hall, signed_in
from ui.counter.pause_dialog import PauseDialog
from ui.counter.window import CounterWindow

__all__ = ["hall"]  # a fixture this module uses


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


def test_a_break_pauses_the_counter_and_resume_calls_again(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 1)
    qtbot.waitUntil(lambda: button(window, "call_next").isEnabled(), timeout=WAIT)
    assert "Pause" in button(window, "pause").text() and "F11" in button(window, "pause").text()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    dialog = window.findChild(PauseDialog)
    assert dialog is not None
    with qtbot.waitSignal(window.desk_shown, timeout=WAIT):
        qtbot.mouseClick(dialog.buttons["prayer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=WAIT)
    assert pauses.current_pause(1) is not None
    assert not button(window, "call_next").isEnabled()
    assert not button(window, "call_number").isEnabled()
    assert "Resume" in button(window, "pause").text()
    assert window.view._queue_name.text() == "Paused (prayer) since 10:00"
    entry = AuditEntry.get(AuditEntry.action == "counter_paused")
    assert entry.counter == 1 and entry.officer_id == window.officer.id

    act(qtbot, window, "pause")  # now: resume
    assert pauses.current_pause(1) is None
    assert "Counter resumed" in window.message
    act(qtbot, window, "call_next")
    assert window.view.desk.ticket.number == "A001"
    assert not button(window, "pause").isEnabled()  # holding a ticket: no pause


def test_a_pause_made_elsewhere_shows_and_a_paused_counter_is_no_transfer_target(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 1)
    pauses.pause_counter(1, "system")  # from the command line, say
    qtbot.waitUntil(lambda: window.view.desk.pause is not None, timeout=WAIT)
    assert "system fault" in window.view._queue_name.text()
    pauses.pause_counter(3, "break")
    engine.issue_ticket("paspor")
    pauses.resume_counter(1)
    qtbot.waitUntil(lambda: button(window, "call_next").isEnabled(), timeout=WAIT)
    act(qtbot, window, "call_next")
    counters = {t.ref for t in window.view.desk.targets if t.kind == "counter"}
    assert "3" not in counters and "2" in counters


def test_a_recall_beyond_the_offices_limit_marks_no_show_and_says_so(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    from app.office import settings
    from tests.helpers.people import setup_admin

    settings.update_settings(setup_admin(), auto_no_show_after_recalls=1)
    engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 1)
    act(qtbot, window, "call_next")
    act(qtbot, window, "recall")
    assert engine.get_ticket("A001").status == "called"
    act(qtbot, window, "recall")
    assert engine.get_ticket("A001").status == "no_show"
    assert "A001 did not come after the recalls" in window.message
    assert button(window, "requeue").isEnabled()
