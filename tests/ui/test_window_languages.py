"""One language per window: the kiosk's English button and the counter's language menu
change that window only, in a process that also shows the others (``loket demo``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.messages import current_language, render
from app.office import officers
from app.setup.pc_settings import PcSettings
from tests.helpers import WAIT
from tests.ui.display.test_display_window import FAST, RecordingSpeaker
from ui.counter.window import CounterWindow
from ui.display.window import DisplayWindow, FitLabel
from ui.kiosk.ticket_printer import TicketPrinter
from ui.kiosk.window import KioskWindow


class Hall:
    def __init__(self, kiosk: KioskWindow, display: DisplayWindow,
                 counter: CounterWindow) -> None:
        self.kiosk, self.display, self.counter = kiosk, display, counter


@pytest.fixture
def hall(office: str, qtbot: QtBot, pc: PcSettings, indonesian: str,
         tmp_path: Path) -> Iterator[Hall]:
    """The kiosk, the lobby display and a counter in one process, the PC in Indonesian."""
    printer = TicketPrinter(f"pdf:{tmp_path}", pc.paper_width_mm)
    kiosk = KioskWindow(pc, printer=printer, idle_ms=300)
    display = DisplayWindow(pc, speaker=RecordingSpeaker(), **FAST)  # type: ignore[arg-type]
    counter = CounterWindow(pc, poll_ms=100)
    for window, size in ((kiosk, (1280, 800)), (display, (1280, 720)),
                         (counter, (1366, 768))):
        qtbot.addWidget(window)
        window.resize(*size)
    with qtbot.waitSignal(kiosk.board_changed, timeout=WAIT):
        kiosk.show()
    display.show()
    counter.show()
    qtbot.waitUntil(lambda: display.board is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: counter.login._counter.count() > 0, timeout=WAIT)
    yield Hall(kiosk, display, counter)
    display.shutdown()
    counter.close()


def _texts(window: QWidget) -> set[str]:
    texts = {label.text() for label in window.findChildren(QLabel) if label.text()}
    texts |= {button.text() for button in window.findChildren(QPushButton) if button.text()}
    return texts


def _display_texts(display: DisplayWindow) -> set[str]:
    return {label.text() for label in display.findChildren(FitLabel)}


def _language_button(kiosk: KioskWindow) -> QPushButton:
    button = kiosk.findChild(QPushButton, "language")
    assert button is not None
    return button


def test_the_kiosks_english_is_the_kiosks_alone_until_it_goes_idle(
        hall: Hall, qtbot: QtBot) -> None:
    display_before = _display_texts(hall.display)
    counter_before = _texts(hall.counter)
    assert {"Layanan", "Pengambilan paspor", "Menunggu", "Panggilan terakhir"} <= display_before
    assert "Selamat datang! Silakan ambil nomor antrian" in _texts(hall.kiosk)

    qtbot.mouseClick(_language_button(hall.kiosk), Qt.MouseButton.LeftButton)

    kiosk = _texts(hall.kiosk)
    assert hall.kiosk.language == "en"
    assert "Welcome! Please take a number" in kiosk
    assert "Bahasa Indonesia" in kiosk  # the button now offers the way back
    assert hall.kiosk.service_button("paspor").name_text == "Passport application"
    assert {"Clear", "⌫ Delete"} <= kiosk  # the keypad is the kiosk's too
    # The others and the core keep the PC's language.
    assert current_language() == "id"
    assert _display_texts(hall.display) == display_before
    assert _texts(hall.counter) == counter_before
    english = {"Services", "Passport pickup", "Waiting", "Last calls"}
    assert not english & _display_texts(hall.display)

    with qtbot.waitSignal(hall.kiosk.went_idle, timeout=WAIT):
        pass
    assert hall.kiosk.language == "id"
    assert "Selamat datang! Silakan ambil nomor antrian" in _texts(hall.kiosk)
    assert hall.kiosk.service_button("paspor").name_text == "Permohonan Paspor"
    assert _language_button(hall.kiosk).text() == "English"


def test_a_refusal_on_the_english_kiosk_is_in_english(hall: Hall, qtbot: QtBot) -> None:
    """The core's sentence follows the window's language, not the process's."""
    qtbot.mouseClick(_language_button(hall.kiosk), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(hall.kiosk.refused, timeout=WAIT):
        hall.kiosk.check_in("2099-XXX-999999")
    title = hall.kiosk.findChild(QLabel, "message_title")
    body = hall.kiosk.findChild(QLabel, "message_body")
    assert title is not None and body is not None
    assert title.text() == "We could not find this passport"
    assert "not" in body.text() and "tidak" not in body.text()


def test_the_counters_language_menu_changes_the_counter_alone(
        hall: Hall, qtbot: QtBot, pc: PcSettings) -> None:
    """An officer who picks English at a counter gets an English counter; the kiosk and
    the lobby display beside it in the process stay Indonesian, and so does the core.
    The PC keeps the choice for its next start."""
    display_before = _display_texts(hall.display)
    kiosk_before = _texts(hall.kiosk)
    assert "Masuk" in _texts(hall.counter)
    choice = hall.counter.findChild(QComboBox, "language_choice")
    assert choice is not None

    choice.activated.emit(choice.findData("en"))  # as the officer's pick

    counter = _texts(hall.counter)
    assert hall.counter.language == "en"
    assert {"Sign in", "&Username:", "&Password:"} <= counter
    assert "Masuk" not in counter
    assert hall.counter.windowTitle() == "Loket · counter"
    assert pc.language == "en"  # the next start's
    # The others and the core keep the PC's language.
    assert current_language() == "id"
    assert hall.kiosk.language == "id" and _texts(hall.kiosk) == kiosk_before
    assert "Selamat datang! Silakan ambil nomor antrian" in _texts(hall.kiosk)
    assert _display_texts(hall.display) == display_before

    # The core's refusal at the English counter is English.
    login = hall.counter.login
    login.findChild(QLineEdit, "username").setText("siapa")
    login.findChild(QLineEdit, "password").setText("salah-sekali")
    message = login.findChild(QLabel, "login_message")
    sign_in = login.findChild(QPushButton, "sign_in")
    counters = login.findChild(QComboBox, "counter_choice")
    counters.setCurrentIndex(-1)
    qtbot.mouseClick(sign_in, Qt.MouseButton.LeftButton)
    assert message.text() == "Choose which counter this PC is."
    counters.setCurrentIndex(counters.count() - 1)
    qtbot.mouseClick(sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message.text() == render("login_failed", {}, "en"), timeout=WAIT)

    # Signed in, the desk is English; its own menu takes it back to Indonesian.
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    login.findChild(QLineEdit, "username").setText("petugas1")
    login.findChild(QLineEdit, "password").setText("petugas123")
    with qtbot.waitSignal(hall.counter.desk_shown, timeout=WAIT):
        qtbot.mouseClick(sign_in, Qt.MouseButton.LeftButton)
    assert {"Call next (F2)", "Sign out"} <= _texts(hall.counter)
    assert _display_texts(hall.display) == display_before
    assert hall.kiosk.language == "id" and current_language() == "id"
    menu = hall.counter.findChild(QComboBox, "window_language")
    assert menu is not None and menu.currentData() == "en"
    menu.activated.emit(menu.findData("id"))
    assert hall.counter.language == "id" and pc.language == "id"
    assert "Call next (F2)" not in _texts(hall.counter)
    assert "Panggil berikutnya (F2)" in _texts(hall.counter)
    assert hall.counter.windowTitle() == "Loket · loket pelayanan"
