"""Every window whole at the office's screen sizes and in ``loket demo``'s tiles.

Opens each window (offscreen) at 1366×768 and 1920×1080, and at the place
:func:`ui.launch.hall_places` gives it on 1280×720 and 1366×768 screens, and checks
that the window got the size asked for (its minimum allows it), that no visible
widget reaches past the window, and that the words that matter are not cut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.office import officers, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.setup.pc_settings import PcSettings
from docs.screenshots.stage import outside
from tests.helpers import NOW, WAIT
from tests.helpers.people import setup_admin
from tests.ui.display.test_display_window import RecordingSpeaker
from ui.admin.window import AdminWindow
from ui.counter.window import CounterWindow
from ui.display.window import DisplayWindow
from ui.kiosk.ticket_printer import TicketPrinter
from ui.kiosk.view import FitButton
from ui.kiosk.window import KioskWindow
from ui.launch import HALL, hall_places, tile_hall
from ui.monitor.window import StatusWindow, fetch_office_status

SIZES = [(1366, 768), (1920, 1080)]
SCREENS = [(1280, 720), (1366, 768)]
SHELF = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
         b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n")


def _tile(mode: str, screen: tuple[int, int]) -> tuple[int, int]:
    place = hall_places(QRect(0, 0, *screen))[mode]
    return place.width(), place.height()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_hall_tiles_fill_the_screen_without_overlapping(
        qapp: object, screen: tuple[int, int]) -> None:
    area = QRect(0, 0, *screen)
    places = hall_places(area)
    assert sorted(places) == sorted(HALL)
    for mode, place in places.items():
        assert area.contains(place), mode
        for other, there in places.items():
            assert other == mode or not place.intersects(there), (mode, other)
    assert sum(p.width() * p.height() for p in places.values()) == screen[0] * screen[1]


def test_the_demo_gives_the_keyboard_to_the_counter(qtbot: QtBot) -> None:
    windows = [QWidget() for _ in HALL]
    for window in windows:
        qtbot.addWidget(window)
    tile_hall(windows)
    counter = windows[HALL.index("counter")]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is counter, timeout=WAIT)
    screen = QApplication.primaryScreen().availableGeometry()
    for window in windows:
        assert screen.contains(window.frameGeometry())


def _cut(widgets: list[QWidget]) -> list[str]:
    """The labels and buttons whose text is wider (or taller) than the widget."""
    found = []
    for widget in widgets:
        assert widget.isVisible(), widget.objectName()
        text = widget.text()  # type: ignore[attr-defined]
        metrics = widget.fontMetrics()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = metrics.boundingRect(QRect(0, 0, widget.contentsRect().width(), 10_000),
                                        Qt.TextFlag.TextWordWrap, text)
            if need.height() > widget.contentsRect().height():
                found.append(f"{widget.objectName()} {text!r} height")
            continue
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        room = widget.contentsRect().width() if isinstance(widget, QLabel) \
            else widget.width() - 8  # a button's frame and padding
        if widest > room:
            found.append(f"{widget.objectName()} {text!r} {widest}>{room}")
        if metrics.height() > widget.contentsRect().height():
            found.append(f"{widget.objectName()} {text!r} height")
    return found


def _whole(qtbot: QtBot, window: QWidget, size: tuple[int, int],
           key: Callable[[], list[QWidget]]) -> None:
    qtbot.wait(50)  # the layouts settle
    assert (window.width(), window.height()) == size
    assert outside(window) == []
    assert _cut(key()) == []


@pytest.fixture
def hall(office: str, travel: Callable[[dt.datetime], None], indonesian: str) -> str:
    travel(NOW)
    backlog.import_backlog(SHELF, batch="Backlog PDN Juni 2024", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    officers.add_officer("root", "root-password", role="admin", full_name="Rudi Admin")
    for ref in "AAWPBC":
        engine.issue_ticket(ref)
    return office


@pytest.fixture
def opened(qtbot: QtBot) -> Iterator[list[QWidget]]:
    windows: list[QWidget] = []
    yield windows
    for window in windows:
        if isinstance(window, DisplayWindow):
            window.shutdown()
        window.close()


def _show(qtbot: QtBot, opened: list[QWidget], window: QWidget,
          size: tuple[int, int]) -> None:
    qtbot.addWidget(window)
    opened.append(window)
    window.resize(*size)
    window.show()


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("size", [*SIZES, *[_tile("counter", s) for s in SCREENS]])
def test_the_counter_is_whole(qtbot: QtBot, hall: str, pc: PcSettings,
                              opened: list[QWidget], size: tuple[int, int]) -> None:
    window = CounterWindow(pc, poll_ms=100)
    _show(qtbot, opened, window, size)
    qtbot.waitUntil(lambda: window.login._counter.count() > 0, timeout=WAIT)
    _whole(qtbot, window, size, lambda: [window.login._sign_in])
    page = window.login
    page._username.setText("petugas1")
    page._password.setText("petugas123")
    page._counter.setCurrentIndex(page._counter.findData(1))
    with qtbot.waitSignal(window.signed_in, timeout=WAIT):
        qtbot.mouseClick(page._sign_in, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.desk_shown, timeout=WAIT):
        qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: not window.busy, timeout=WAIT)
    view = window.view
    _whole(qtbot, window, size, lambda: [
        *view.buttons.values(), view._number, view._queue_name, view._state,
        window._sign_out])
    window.handle_scan(pickup.code_for("2024-TNG-000001"))  # a slip on the panel
    qtbot.waitUntil(lambda: view.pickup.isVisible() and not window.busy, timeout=WAIT)
    _whole(qtbot, window, size, lambda: [view.buttons["call_number"],
                                         view.pickup.findChild(QAbstractButton, "hand_over")])


def _kiosk(qtbot: QtBot, opened: list[QWidget], pc: PcSettings, size: tuple[int, int],
           tmp: str) -> KioskWindow:
    window = KioskWindow(pc, printer=TicketPrinter(f"pdf:{tmp}", pc.paper_width_mm),
                         idle_ms=60_000)
    qtbot.addWidget(window)
    opened.append(window)
    window.resize(*size)
    with qtbot.waitSignal(window.board_changed, timeout=WAIT):
        window.show()
    return window


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("size", [*SIZES, *[_tile("kiosk", s) for s in SCREENS]])
def test_the_kiosk_is_whole_its_tiles_number_and_keypad_uncut(
        qtbot: QtBot, hall: str, pc: PcSettings, opened: list[QWidget],
        size: tuple[int, int], tmp_path: object) -> None:
    window = _kiosk(qtbot, opened, pc, size, str(tmp_path))
    tiles = [window.service_button(code) for code in ("paspor", "prioritas", "wna")]
    _whole(qtbot, window, size, lambda: [
        label for tile in tiles for label in tile.findChildren(QLabel)])
    for tile in tiles:  # the tiles do not overlap
        for other in tiles:
            assert tile is other or not tile.geometry().intersects(other.geometry())
    qtbot.mouseClick(window.findChild(QAbstractButton, "pickup"), Qt.MouseButton.LeftButton)
    keys = [b for b in window.findChildren(QAbstractButton) if b.objectName().startswith("key_")]
    _whole(qtbot, window, size, lambda: keys)
    for key in keys:  # big enough to touch
        assert key.height() >= 28 and key.width() >= 28, key.objectName()
    window.go_home()
    with qtbot.waitSignal(window.board_changed, timeout=WAIT):
        window.take("paspor")
    qtbot.waitUntil(lambda: window.page == "ticket", timeout=WAIT)
    _whole(qtbot, window, size, lambda: [window.findChild(QLabel, "number")])


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("size", [*SIZES, *[_tile("kiosk", s) for s in SCREENS]])
def test_the_kiosks_phone_page_is_whole_with_a_problem_said(
        qtbot: QtBot, hall: str, pc: PcSettings, opened: list[QWidget],
        size: tuple[int, int], tmp_path: object) -> None:
    """The turn-near page: a title, a two-line hint, the number, a refusal and five
    rows of keys; none of them cut off by the keypad's or the page's edge."""
    settings.update_settings(setup_admin(), notify_url="https://sms-gateway.example/send",
                             notify_near_places=1)  # two A tickets wait
    window = _kiosk(qtbot, opened, pc, size, str(tmp_path))
    with qtbot.waitSignal(window.board_changed, timeout=WAIT):
        window.take("paspor")
    qtbot.waitUntil(lambda: window.page == "ticket" and window._near_offer.isVisible(),
                    timeout=WAIT)
    qtbot.mouseClick(window._near_offer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page == "phone", timeout=WAIT)
    keys = [b for b in window.findChildren(QAbstractButton)
            if b.objectName().startswith("phone_key_")]
    _whole(qtbot, window, size, lambda: keys)
    window.phone.entry.setText("12345")
    with qtbot.waitSignal(window.phone.refused, timeout=WAIT):
        window.phone.submit()
    problem = window.phone.findChild(QLabel, "phone_problem")
    assert problem.isVisible() and problem.text()
    _whole(qtbot, window, size, lambda: keys)
    for key in keys:  # big enough to touch
        assert key.height() >= 28 and key.width() >= 28, key.objectName()


def _buttons_cut(window: QWidget) -> list[str]:
    """The visible buttons whose words, as drawn, are wider or taller than their inside."""
    found = []
    buttons = [b for b in window.findChildren(FitButton) if b.isVisible()]
    assert buttons
    for button in buttons:
        font, lines = button.shown
        metrics = QFontMetrics(font)
        room = button.text_room()
        assert "".join(lines).replace(" ", "") == \
            button.text().replace(" ", "").replace("·", "") or lines == (button.text(),)
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        if widest > room.width():
            found.append(f"{button.objectName()} {lines} {widest}>{room.width()}")
        if metrics.height() * len(lines) > button.height():
            found.append(f"{button.objectName()} {lines} height")
    return found


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("size", [_tile("kiosk", s) for s in SCREENS]
                         + [(1024, 600), (1280, 800), (1366, 768), (1920, 1080)])
def test_the_kiosks_buttons_fit_their_words_in_both_languages(
        qtbot: QtBot, hall: str, pc: PcSettings, opened: list[QWidget],
        size: tuple[int, int], tmp_path: object) -> None:
    window = _kiosk(qtbot, opened, pc, size, str(tmp_path))
    pickup = window.findChild(FitButton, "pickup")
    language = window.findChild(FitButton, "language")
    assert pickup is not None and language is not None
    for words in ("Pengambilan paspor", "Passport pickup"):
        qtbot.wait(50)  # the layouts settle
        assert words in pickup.text()
        assert window.findChild(FitButton, "booking").isVisible()
        assert outside(window) == []
        assert _buttons_cut(window) == []
        # On one line (a little smaller at most), or on two where one does not fit.
        font, lines = pickup.shown
        assert len(lines) == 2 or font.pixelSize() >= 0.9 * pickup.font().pixelSize()
        if len(lines) == 2:
            assert QFontMetrics(pickup.font()).horizontalAdvance(pickup.text()) \
                > 0.9 * pickup.text_room().width()
        qtbot.mouseClick(pickup, Qt.MouseButton.LeftButton)
        qtbot.wait(50)
        assert _buttons_cut(window) == []
        window.go_home()
        qtbot.mouseClick(language, Qt.MouseButton.LeftButton)  # English, longer


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("size", [*SIZES, *[_tile("display", s) for s in SCREENS]])
def test_the_display_is_whole(qtbot: QtBot, hall: str, pc: PcSettings,
                              opened: list[QWidget], size: tuple[int, int]) -> None:
    window = DisplayWindow(pc, speaker=RecordingSpeaker(), poll_ms=100)  # type: ignore[arg-type]
    _show(qtbot, opened, window, size)
    qtbot.waitUntil(lambda: window.board is not None, timeout=WAIT)
    _whole(qtbot, window, size, list)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_monitor_is_whole(qtbot: QtBot, hall: str, opened: list[QWidget],
                              size: tuple[int, int]) -> None:
    window = StatusWindow(fetch_office_status, interval_ms=60_000)
    _show(qtbot, opened, window, size)
    with qtbot.waitSignal(window.refreshed, timeout=WAIT):
        window.refresh()
    _whole(qtbot, window, size, list)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_supervisors_window_is_whole(qtbot: QtBot, hall: str, pc: PcSettings,
                                         opened: list[QWidget], size: tuple[int, int]) -> None:
    window = AdminWindow(pc, poll_ms=100)
    _show(qtbot, opened, window, size)
    _whole(qtbot, window, size, lambda: [window.login._sign_in])
    window.login._username.setText("root")
    window.login._password.setText("root-password")
    with qtbot.waitSignal(window.signed_in, timeout=WAIT):
        qtbot.mouseClick(window.login._sign_in, Qt.MouseButton.LeftButton)
    for key in list(window.pages):
        window.show_page(key)
        qtbot.wait(300)  # the page's data on screen
        _whole(qtbot, window, size, list)

