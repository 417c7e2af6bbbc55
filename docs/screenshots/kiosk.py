"""The kiosk: its start page, in English for one applicant, the pickup keypad, a slip
scanned (ready, past its collect-by date, still printing), a walk-in's ticket with the
turn-near offer, and the phone page it opens."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from app.office import officers, settings
from app.pickup import service as pickup
from docs.screenshots.hall import busy_morning
from docs.screenshots.stage import Stage, close, pump, wait_signal, wait_until
from ui.kiosk.ticket_printer import TicketPrinter
from ui.kiosk.window import KioskWindow


def open_kiosk(stage: Stage) -> KioskWindow:
    """The kiosk filling the screen, its tickets printed to PDF files in the temp folder."""
    pc = stage.pc()
    printed = stage.tmp / "printed"
    printed.mkdir(exist_ok=True)
    window = KioskWindow(pc, printer=TicketPrinter(f"pdf:{printed}", pc.paper_width_mm),
                         idle_ms=600_000)
    wait_signal(window.board_changed, lambda: stage.show(window), "the kiosk's services")
    return window


def _button(window: KioskWindow, name: str) -> QAbstractButton:
    button = window.findChild(QAbstractButton, name)
    assert button is not None, name
    return button


def _answered(window: KioskWindow) -> None:
    wait_until(lambda: window.page in ("ticket", "message", "unprinted")
               and not window._busy, "the kiosk's answer")


def _scan(stage: Stage, window: KioskWindow, application_no: str, name: str) -> None:
    window.go_home()
    window._on_scan(pickup.code_for(application_no))  # a scanner types the code and Enter
    _answered(window)
    stage.shot(name, window)


def run(stage: Stage) -> None:
    stage.open_office()
    busy_morning()
    window = open_kiosk(stage)
    stage.shot("kiosk-start", window)
    _button(window, "language").click()  # the kiosk's own language, for one applicant
    pump(100)
    stage.shot("kiosk-english", window)
    _button(window, "language").click()
    _button(window, "pickup").click()
    window._entry.setText("2024-TNG-0000")
    stage.shot("kiosk-pickup-entry", window)
    _scan(stage, window, "2024-TNG-000012", "kiosk-pickup")  # ready: a pickup ticket
    _scan(stage, window, "2024-TNG-000009", "kiosk-overdue")  # past its collect-by date
    _scan(stage, window, "2024-TNG-000010", "kiosk-not-ready")  # still printing
    # The office sends text messages: the ticket page offers the turn-near notice.
    admin = officers.authenticate("admin", "admin123!")
    settings.update_settings(admin.id, notify_url="https://sms-gateway.example/send",
                             notify_near_places=2)
    window.go_home()
    window.take("paspor")
    _answered(window)
    stage.shot("kiosk-ticket", window)
    window._near_offer.click()
    wait_until(lambda: window._pages.currentWidget() is window.phone, "the phone page")
    window.phone.entry.setText("0812 3456 7890")
    stage.shot("kiosk-turn-near", window)
    close(window)
