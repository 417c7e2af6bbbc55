"""The kiosk's turn-near offer after a pickup check-in (yes or no for the passport's own
number, shown by its last 4 digits only, in the window's language) and after a booking's
check-in (the same phone page as a walk-in)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.office import officers
from app.office.settings import update_settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import bookings, engine
from app.setup.pc_settings import PcSettings
from app.storage.models import TicketContact
from tests.helpers import WAIT, jakarta
from tests.helpers.people import setup_admin
from tests.ui.kiosk.conftest import near_offer, shown_kiosk, tap, type_phone
from ui.kiosk.window import KioskWindow

PHONE = "+6281234567890"


@pytest.fixture
def codes(office: str) -> dict[str, str]:
    """Two ready passports, one with a mobile number and one with an e-mail address; an
    office that tells an applicant 1 ticket before their turn; two pickups waiting."""
    ready = dt.date.today() - dt.timedelta(days=3)
    backlog.import_backlog(
        ("no_permohonan;nama;no_paspor;lokasi;tanggal_siap;telepon\n"
         f"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;{ready:%d/%m/%Y};0812 3456 7890\n"
         f"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;{ready:%d/%m/%Y};siti@example.id\n"
         ).encode(), batch="Backlog PDN Juni 2024", officer=setup_admin())
    update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused",
                    notify_near_places=1)
    engine.issue_ticket("backlog")
    engine.issue_ticket("backlog")
    return {"phone": pickup.code_for("2024-TNG-000001"),
            "email": pickup.code_for("2024-TNG-000002")}


@pytest.fixture
def window(codes: dict[str, str], qtbot: QtBot, pc: PcSettings, english: str,
           tmp_path: Path) -> KioskWindow:
    return shown_kiosk(qtbot, pc, tmp_path)


def _check_in(qtbot: QtBot, window: KioskWindow, code: str) -> None:
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT):
        window.check_in(code)
    assert window.page == "ticket"


def _shown(page: QWidget) -> str:
    """Every text the page shows, one per line."""
    texts = [w.text() for kind in (QLabel, QPushButton, QLineEdit)
             for w in page.findChildren(kind) if w.isVisible()]
    return "\n".join(texts)


def test_a_pickup_is_asked_about_its_passports_number_by_its_last_4_digits(
        window: KioskWindow, qtbot: QtBot, codes: dict[str, str]) -> None:
    _check_in(qtbot, window, codes["phone"])
    assert near_offer(window).isVisible()
    tap(qtbot, near_offer(window))
    assert window.page == "phone"
    shown = _shown(window.phone)
    assert "Send an SMS to the number ending in …7890 when your turn is near?" in shown
    for whole in ("1234567890", "3456", "0812", "+62"):  # never more than the last 4
        assert whole not in shown, whole
    assert not window.phone.keypad.isVisible() and not window.phone.entry.isVisible()
    assert window.phone.yes.text() == "Yes, send it"
    assert window.phone.back.text() == "No, thank you"

    window.findChild(QPushButton, "language").click()  # this window speaks Indonesian
    shown = _shown(window.phone)
    assert "Kirim SMS ke nomor berakhiran …7890 saat giliran Anda dekat?" in shown
    assert "1234567890" not in shown and "+62" not in shown
    assert (window.phone.yes.text(), window.phone.back.text()) == (
        "Ya, kirim", "Tidak, terima kasih")

    with qtbot.waitSignal(window.phone.stored, timeout=WAIT) as stored:
        tap(qtbot, window.phone.yes)
    ticket = window._ticket
    assert ticket is not None and stored.args == [ticket.id]
    assert [(c.ticket_id, c.phone) for c in TicketContact.select()] == [(ticket.id, PHONE)]
    shown = _shown(window.phone)
    assert "Kami akan mengirim pesan ke nomor berakhiran …7890" in shown
    assert "1234567890" not in shown and not window.phone.yes.isVisible()
    tap(qtbot, window.phone.back)
    assert window.page == "start"


def test_no_keeps_nothing_and_an_email_address_is_not_offered(
        window: KioskWindow, qtbot: QtBot, codes: dict[str, str]) -> None:
    _check_in(qtbot, window, codes["phone"])
    tap(qtbot, near_offer(window))
    tap(qtbot, window.phone.back)  # "No, thank you"
    assert window.page == "start" and TicketContact.select().count() == 0
    _check_in(qtbot, window, codes["email"])
    assert not near_offer(window).isVisible()


def test_a_booking_checked_in_gets_the_walk_ins_phone_page(
        office: str, qtbot: QtBot, pc: PcSettings, english: str, tmp_path: Path,
        travel: Callable[[dt.datetime], None]) -> None:
    travel(jakarta(9, 10))
    sup = officers.add_officer("kepala", "super123!", role="supervisor").id
    bookings.import_bookings(b"kode_booking;nama;layanan;tanggal;jam\n"
                             b"MP-0001;Budi Santoso;A;01/07/2024;09:30\n", officer=sup)
    update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused",
                    notify_near_places=1)
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    window = shown_kiosk(qtbot, pc, tmp_path)
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT):
        window.check_in_booking("MP-0001")
    assert near_offer(window).isVisible()
    tap(qtbot, near_offer(window))
    assert window.phone.keypad.isVisible() and not window.phone.yes.isVisible()
    assert "Type your mobile number" in _shown(window.phone)
    type_phone(qtbot, window, "081122223333")
    with qtbot.waitSignal(window.phone.stored, timeout=WAIT):
        tap(qtbot, window.phone.keypad.findChild(QPushButton, "phone_key_ok"))
    ticket = window._ticket
    assert ticket is not None and ticket.booking_slot == "09:30"
    assert [(c.ticket_id, c.phone) for c in TicketContact.select()] == [
        (ticket.id, "+6281122223333")]
