"""The kiosk's optional phone page: after a walk-in ticket, a mobile number typed on the
phone keypad is kept for that ticket; a bad one is refused in the window's language and
keeps nothing; skipping costs nothing; not offered when the office sends no texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.office.settings import update_settings
from app.queue import engine
from app.setup.pc_settings import PcSettings
from app.storage.models import TicketContact
from tests.helpers import WAIT
from tests.helpers.people import setup_admin
from tests.ui.kiosk.conftest import near_offer, shown_kiosk, tap, type_phone
from ui.kiosk.window import KioskWindow


def _kiosk(qtbot: QtBot, pc: PcSettings, tmp_path: Path) -> KioskWindow:
    return shown_kiosk(qtbot, pc, tmp_path)


@pytest.fixture
def kiosk(office: str, qtbot: QtBot, pc: PcSettings, english: str,
          tmp_path: Path) -> KioskWindow:
    """An office that sends texts and tells a walk-in one ticket before its turn; two
    tickets already wait in queue A."""
    update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused",
                    notify_near_places=1)
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    return _kiosk(qtbot, pc, tmp_path)


def _walk_in(qtbot: QtBot, window: KioskWindow) -> None:
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT):
        tap(qtbot, window.service_button("paspor"))
    assert window.page == "ticket"


def _problem(window: KioskWindow) -> str:
    label = window.phone.findChild(QLabel, "phone_problem")
    assert label is not None
    return label.text()


def test_a_phone_typed_after_a_walk_in_ticket_is_kept_for_that_ticket(
        kiosk: KioskWindow, qtbot: QtBot) -> None:
    _walk_in(qtbot, kiosk)
    assert near_offer(kiosk).isVisible()
    assert near_offer(kiosk).text() == "Tell me by SMS/WhatsApp when my turn is near"
    tap(qtbot, near_offer(kiosk))
    assert kiosk.page == "phone"
    type_phone(qtbot, kiosk, "+6281234567890")
    with qtbot.waitSignal(kiosk.phone.stored, timeout=WAIT) as stored:
        tap(qtbot, kiosk.phone.keypad.findChild(QPushButton, "phone_key_ok"))
    ticket = kiosk._ticket
    assert ticket is not None and stored.args == [ticket.id]
    assert [(c.ticket_id, c.phone) for c in TicketContact.select()] == [
        (ticket.id, "+6281234567890")]
    assert kiosk.phone.thanked and not kiosk.phone.keypad.isVisible()
    tap(qtbot, kiosk.phone.back)
    assert kiosk.page == "start"


def test_a_bad_phone_is_refused_in_the_windows_language_and_keeps_nothing(
        kiosk: KioskWindow, qtbot: QtBot) -> None:
    _walk_in(qtbot, kiosk)
    tap(qtbot, near_offer(kiosk))
    type_phone(qtbot, kiosk, "81234567")  # a spreadsheet's lost 0, and too short
    with qtbot.waitSignal(kiosk.phone.refused, timeout=WAIT) as refused:
        tap(qtbot, kiosk.phone.keypad.findChild(QPushButton, "phone_key_ok"))
    assert refused.args == ["notify_phone_bad"]
    assert _problem(kiosk).startswith("Invalid phone number: use 08… or +62…")
    assert kiosk.phone.entry.text() == "81234567"  # kept, to be corrected
    kiosk.findChild(QPushButton, "language").click()  # this window speaks Indonesian
    with qtbot.waitSignal(kiosk.phone.refused, timeout=WAIT):
        kiosk.phone.submit()
    assert _problem(kiosk).startswith("Nomor telepon tidak valid: gunakan 08… atau +62…")
    assert TicketContact.select().count() == 0
    tap(qtbot, kiosk.phone.back)  # "Tidak, terima kasih": nothing kept, back to start
    assert kiosk.page == "start" and TicketContact.select().count() == 0


def test_skipping_is_the_default_and_no_text_channel_means_nonear_offer(
        office: str, qtbot: QtBot, pc: PcSettings, english: str, tmp_path: Path) -> None:
    engine.issue_ticket("A")
    window = _kiosk(qtbot, pc, tmp_path)  # no notify_url: nothing offered
    _walk_in(qtbot, window)
    assert not near_offer(window).isVisible()
    tap(qtbot, window.findChild(QPushButton, "ticket_done"))
    assert window.page == "start" and TicketContact.select().count() == 0
