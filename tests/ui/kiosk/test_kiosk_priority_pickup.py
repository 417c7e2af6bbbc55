"""The kiosk's priority pickup route: elderly, disabled and pregnant applicants choose it
on the pickup screen, and their ticket is called before the other pickups."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.storage.models import AuditEntry
from tests.helpers import WAIT
from tests.helpers.people import setup_admin
from tests.helpers.priority_pickup import add_priority_pickup_route
from tests.ui.kiosk import test_kiosk_window as base
from tests.ui.kiosk.test_kiosk_window import OpenKiosk, _button, _scan, _tap
from ui.kit.i18n import install_language

open_kiosk = base.open_kiosk  # the same shown kiosk, printing to PDF


def _two_ready_slips() -> list[str]:
    ready = dt.date.today() - dt.timedelta(days=1)
    lines = ["no_permohonan;nama;no_paspor;lokasi;tanggal_siap"]
    lines += [f"2024-TNG-00000{i};Pemohon {i};X000000{i};Rak A-01;{ready:%d/%m/%Y}"
              for i in (1, 2)]
    backlog.import_backlog(("\n".join(lines) + "\n").encode(), batch="Backlog PDN Juni 2024",
                           officer=setup_admin())
    return [pickup.code_for(f"2024-TNG-00000{i}") for i in (1, 2)]


def test_the_priority_button_sends_the_slip_ahead_of_earlier_pickups(
        office: str, open_kiosk: OpenKiosk, qtbot: QtBot) -> None:
    plain, urgent = _two_ready_slips()
    add_priority_pickup_route()
    window = open_kiosk()
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _scan(qtbot, window, plain)
    assert printed.args[0].number == "B001"
    window.go_home()
    qtbot.waitUntil(lambda: window.page == "start", timeout=WAIT)
    _tap(qtbot, _button(window, "pickup"))
    priority = _button(window, "pickup_priority")
    assert window.page == "pickup" and priority.isVisible()
    assert priority.text() == "Priority: elderly, disabled, pregnant"  # not chosen yet
    assert priority.height() >= 60  # a finger's size, not a mouse's
    _tap(qtbot, priority)
    assert window.priority_chosen and priority.text().startswith("✓")
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _scan(qtbot, window, urgent)
    ticket = printed.args[0]
    assert (ticket.number, ticket.queue, ticket.name_en) == (
        "Q001", "ambil-prioritas", "Priority pickup")
    assert not window.priority_chosen  # the next applicant starts afresh
    assert engine.call_next(5).number == "Q001"
    assert AuditEntry.select().where(AuditEntry.action == "pickup_priority_check_in").count() == 1
    install_language("id")
    try:
        assert priority.text().endswith("Prioritas: lansia, disabilitas, ibu hamil")
    finally:
        install_language("en")


def test_without_a_priority_route_the_pickup_screen_offers_none(
        office: str, open_kiosk: OpenKiosk, qtbot: QtBot) -> None:
    (slip, _) = _two_ready_slips()
    window = open_kiosk()
    _tap(qtbot, _button(window, "pickup"))
    assert window.page == "pickup"
    assert not _button(window, "pickup_priority").isVisible() and not window.priority_chosen
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _scan(qtbot, window, slip)
    assert printed.args[0].number == "B001"
