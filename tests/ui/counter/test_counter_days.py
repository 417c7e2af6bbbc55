"""A counter on a pickup-only weekend serves the profile's queues (counter 2 takes
walk-ins on weekdays), and on Monday its own again — nobody re-configured it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.office import officers
from app.queue import engine
from app.setup.pc_settings import PcSettings
from app.storage.models import CALLED, Ticket
from tests.helpers import WAIT
from tests.helpers.days import MONDAY, SATURDAY, schedule_pickup_weekend
from tests.ui.counter.test_counter_window import act, signed_in
from ui.counter.window import CounterWindow


def test_a_counters_calls_follow_the_day(
        office: str, qtbot: QtBot, pc: PcSettings, english: str,
        travel: Callable[[dt.datetime], None]) -> None:
    schedule_pickup_weekend()
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    travel(SATURDAY)
    engine.issue_ticket("B")
    engine.issue_ticket("C")
    windows: list[CounterWindow] = []
    window = signed_in(qtbot, pc, windows, 2)
    qtbot.waitUntil(lambda: [q.prefix for q in window.view.desk.queues] == ["C", "B"],
                    timeout=WAIT)
    act(qtbot, window, "call_next")
    assert Ticket.get(Ticket.number == "C001").status == CALLED
    act(qtbot, window, "no_show")

    travel(MONDAY)
    engine.issue_ticket("C")
    engine.issue_ticket("A")
    window.refresh()
    qtbot.waitUntil(lambda: [q.prefix for q in window.view.desk.queues] == ["A"],
                    timeout=WAIT)
    act(qtbot, window, "call_next")
    called = Ticket.get((Ticket.status == CALLED) & (Ticket.service_day == MONDAY.date()))
    assert called.number == "A001"
    for opened in windows:
        opened.close()
