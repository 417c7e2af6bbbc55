"""The kiosk window on a real database: tap, print to PDF, scan, refusals, failed prints."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app import codes
from app.messages import current_language
from app.office import officers
from app.office.settings import get_settings, signing_keys
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine, kiosk
from app.queue.kiosk import KioskTicket
from app.setup.pc_settings import PcSettings
from app.storage.models import CANCELLED, WAITING, AuditEntry, Queue, RequestLog, Ticket
from tests.helpers import WAIT
from tests.helpers.people import setup_admin
from ui.kiosk.ticket_printer import TicketPrinter
from ui.kiosk.window import KioskWindow
from ui.kit.operation import KIOSK_RETRY_MS

LONG = 60_000


@pytest.fixture
def shelf(office: str) -> dict[str, str]:
    """Pickup codes: ready, printing (ready in 2 days), overdue (ready 40 days ago)."""
    today = dt.date.today()
    lines = ["no_permohonan;nama;no_paspor;lokasi;tanggal_siap"]
    for number, name, days_ago in (("000001", "Budi Santoso", 3), ("000002", "Siti Aminah", -2),
                                   ("000003", "Dewi Sartika", 40)):
        ready = today - dt.timedelta(days=days_ago)
        lines.append(f"2024-TNG-{number};{name};X{number}1;Rak A-01;{ready:%d/%m/%Y}")
    backlog.import_backlog(("\n".join(lines) + "\n").encode(), batch="Backlog PDN Juni 2024",
                           officer=setup_admin())
    return {n: pickup.code_for(f"2024-TNG-{n}") for n in ("000001", "000002", "000003")}


OpenKiosk = Callable[..., KioskWindow]


@pytest.fixture
def open_kiosk(office: str, qtbot: QtBot, pc: PcSettings, english: str,
               tmp_path: Path) -> OpenKiosk:
    """A shown kiosk whose tickets go to PDF files in ``tmp_path / "printed"``."""

    def make(destination: str | None = None, **kw: Any) -> KioskWindow:
        printed = tmp_path / "printed"
        printed.mkdir(exist_ok=True)
        printer = TicketPrinter(destination or f"pdf:{printed}", pc.paper_width_mm)
        kw.setdefault("idle_ms", LONG)
        window = KioskWindow(pc, printer=printer, **kw)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        with qtbot.waitSignal(window.board_changed, timeout=WAIT):
            window.show()
        return window

    return make


def _printed(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "printed").glob("*.pdf"))


def _pdf_codes(path: Path) -> list[str]:
    """The QR codes on page 1 of a printed ticket, read back from the PDF."""
    document = QPdfDocument(None)
    document.load(str(path))
    assert document.pageCount() == 1
    points = document.pagePointSize(0)
    size = QSize(round(points.width() * 203 / 72), round(points.height() * 203 / 72))
    image = document.render(0, size)
    file = path.with_suffix(".png")
    image.save(str(file))
    document.close()
    return [result.text for result in zxingcpp.read_barcodes(Image.open(file))]


def _text(window: KioskWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None
    return label.text()


def _button(window: KioskWindow, name: str) -> QPushButton:
    button = window.findChild(QPushButton, name)
    assert button is not None
    return button


def _tap(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _scan(qtbot: QtBot, window: KioskWindow, code: str) -> None:
    """A keyboard-wedge scanner: the code typed in one fast burst, then Enter."""
    qtbot.keyClicks(window, code)
    qtbot.keyClick(window, Qt.Key.Key_Return)


def test_the_start_screen_shows_each_service_with_its_line(
        open_kiosk: OpenKiosk, office: str) -> None:
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    Queue.update(active=False).where(Queue.code == "wna").execute()
    window = open_kiosk()
    assert window.page == "start"
    paspor = window.service_button("paspor")
    assert (paspor.name_text, paspor.detail) == ("Passport application", "2 waiting")
    assert window.service_button("prioritas").detail == "0 waiting"
    assert "wna" not in [b.objectName().removeprefix("service_")
                         for b in window.findChildren(QPushButton)]
    assert _button(window, "pickup").isVisible()
    assert _text(window, "office") == get_settings().office_name


def test_a_tap_prints_a_ticket_whose_qr_a_counter_can_scan(
        open_kiosk: OpenKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    engine.issue_ticket("A")
    window = open_kiosk()
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _tap(qtbot, window.service_button("paspor"))
    ticket, elapsed_ms = printed.args
    assert isinstance(ticket, KioskTicket)
    assert (ticket.number, ticket.ahead) == ("A002", 1)
    # The signal carries the time taken, for the log; its size is bench/kiosk.py's business.
    assert isinstance(elapsed_ms, int | float)
    assert window.page == "ticket"
    assert _text(window, "number") == "A002"
    assert "1 ahead" in window.findChildren(QLabel, "ticket_text")[1].text()
    (pdf,) = _printed(tmp_path)
    (code,) = _pdf_codes(pdf)
    scan = codes.parse(code, signing_keys())
    assert (scan.kind, scan.ident) == ("ticket", ticket.id)
    assert engine.get_ticket(ticket.id).status == WAITING
    called = engine.call_scanned(code, 1)  # the counter scans the printed QR
    assert (called.id, called.number) == (ticket.id, "A002")


def test_a_double_tap_issues_one_ticket(open_kiosk: OpenKiosk, qtbot: QtBot,
                                        tmp_path: Path) -> None:
    window = open_kiosk()
    button = window.service_button("paspor")
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT):
        _tap(qtbot, button)
        _tap(qtbot, button)  # disabled by the first tap
        button.clicked.emit()  # even a tap that slips through is ignored while busy
        window.take("paspor")
    qtbot.wait(200)  # anything queued behind would have finished by now
    assert Ticket.select().count() == 1
    assert len(_printed(tmp_path)) == 1
    assert button.isEnabled()


def test_a_full_service_is_shown_disabled_and_a_late_tap_is_refused_kindly(
        open_kiosk: OpenKiosk, qtbot: QtBot) -> None:
    Queue.update(daily_quota=1).where(Queue.code == "paspor").execute()
    Queue.update(daily_quota=1).where(Queue.code == "wna").execute()
    engine.issue_ticket("A")
    window = open_kiosk()
    full = window.service_button("paspor")
    assert full.detail == "Full for today" and not full.isEnabled()
    assert window.service_button("wna").isEnabled()
    engine.issue_ticket("W")  # the last number went elsewhere after the screen was drawn
    with qtbot.waitSignal(window.refused, timeout=WAIT) as refused:
        window.take("wna")
    assert refused.args == ["quota_full"]
    assert window.page == "message"
    assert _text(window, "message_title") == "No more numbers for today"
    assert "quota" in _text(window, "message_body")
    assert Ticket.select().count() == 2
    qtbot.waitUntil(lambda: not window.service_button("wna").isEnabled(), timeout=WAIT)


def test_a_scanned_pickup_slip_prints_a_pickup_ticket_without_personal_data(
        open_kiosk: OpenKiosk, qtbot: QtBot, shelf: dict[str, str], tmp_path: Path) -> None:
    window = open_kiosk()
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _scan(qtbot, window, shelf["000001"])
    ticket = printed.args[0]
    assert (ticket.number, ticket.kind) == ("B001", "pickup")
    assert window.page == "ticket" and _text(window, "number") == "B001"
    (pdf,) = _printed(tmp_path)
    assert b"Budi" not in pdf.read_bytes()
    assert "Budi" not in str(ticket.to_dict()) and "X0000011" not in str(ticket.to_dict())
    (code,) = _pdf_codes(pdf)
    assert codes.parse(code, signing_keys()).ident == ticket.id
    view = engine.get_ticket(ticket.id)
    assert view.pickup is not None and view.queue == "backlog"


def test_the_application_number_typed_on_the_keypad_checks_in(
        open_kiosk: OpenKiosk, qtbot: QtBot, shelf: dict[str, str]) -> None:
    window = open_kiosk()
    _tap(qtbot, _button(window, "pickup"))
    assert window.page == "pickup"
    for key in "2024-TNG-000001":
        _tap(qtbot, _button(window, f"key_{key}"))
    _tap(qtbot, _button(window, "key_backspace"))
    _tap(qtbot, _button(window, "key_1"))
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _tap(qtbot, _button(window, "key_ok"))
    assert printed.args[0].number == "B001" and not printed.args[0].again
    window.go_home()
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _scan(qtbot, window, "2024-tng-000001")
    assert printed.args[0].number == "B001" and printed.args[0].again
    assert Ticket.select().count() == 1


@pytest.mark.parametrize(("key", "reason", "title"), [
    ("000002", "pickup_not_ready", "Your passport is not ready yet"),
    ("000003", "pickup_overdue", "The pickup period has ended"),
])
def test_a_passport_not_ready_or_overdue_gets_an_explanation(
        open_kiosk: OpenKiosk, qtbot: QtBot, shelf: dict[str, str], key: str, reason: str,
        title: str) -> None:
    window = open_kiosk()
    with qtbot.waitSignal(window.refused, timeout=WAIT) as refused:
        _scan(qtbot, window, shelf[key])
    assert refused.args == [reason]
    assert window.page == "message"
    assert _text(window, "message_title") == title
    assert f"2024-TNG-{key}" in _text(window, "message_body")
    assert _text(window, "message_hint")
    assert Ticket.select().count() == 0


def test_a_collected_passport_is_explained_without_names(
        open_kiosk: OpenKiosk, qtbot: QtBot, shelf: dict[str, str]) -> None:
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    pickup.hand_over(shelf["000001"], 5, "petugas1", "proxy", "Pak Kuasa", id_checked=True)
    window = open_kiosk()
    with qtbot.waitSignal(window.refused, timeout=WAIT) as refused:
        _scan(qtbot, window, shelf["000001"])
    assert refused.args == ["kiosk_pickup_collected"]
    assert _text(window, "message_title") == "This passport has already been collected"
    body = _text(window, "message_body")
    assert "counter 5" in body
    assert "Pak Kuasa" not in body and "Budi Petugas" not in body and "petugas1" not in body


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_failed_print_offers_a_reprint_and_cancelling_voids_the_number(
        open_kiosk: OpenKiosk, qtbot: QtBot) -> None:
    window = open_kiosk("no-such-printer")
    with qtbot.waitSignal(window.print_failed, timeout=WAIT) as failed:
        _tap(qtbot, window.service_button("paspor"))
    ticket = failed.args[0]
    assert window.page == "unprinted"
    assert _text(window, "unprinted_title") == "Your ticket could not be printed"
    assert ticket.number in _text(window, "unprinted_body")
    assert engine.get_ticket(ticket.id).status == WAITING  # kept while the person chooses
    with qtbot.waitSignal(window.print_failed, timeout=WAIT):
        _tap(qtbot, _button(window, "reprint"))  # still no printer
    with qtbot.waitSignal(window.ticket_cancelled, timeout=WAIT):
        _tap(qtbot, _button(window, "cancel_ticket"))
    assert engine.get_ticket(ticket.id).status == CANCELLED
    assert window.page == "message"
    assert _text(window, "message_title") == "Number cancelled"
    assert ticket.number in _text(window, "message_body")


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # the failed print
def test_a_reprint_that_works_keeps_the_number(open_kiosk: OpenKiosk, qtbot: QtBot,
                                               tmp_path: Path) -> None:
    later = tmp_path / "later"  # not there yet: the first print cannot be written
    window = open_kiosk(f"pdf:{later}")
    with qtbot.waitSignal(window.print_failed, timeout=WAIT) as failed:
        _tap(qtbot, window.service_button("paspor"))
    later.mkdir()
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _tap(qtbot, _button(window, "reprint"))
    assert printed.args[0].id == failed.args[0].id
    assert window.page == "ticket"
    assert len(list(later.glob("*.pdf"))) == 1
    assert Ticket.select().count() == 1
    assert engine.get_ticket(failed.args[0].id).status == WAITING


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_walking_away_from_a_failed_print_cancels_the_number(
        open_kiosk: OpenKiosk, qtbot: QtBot) -> None:
    window = open_kiosk("no-such-printer", idle_ms=300)
    with qtbot.waitSignal(window.print_failed, timeout=WAIT) as failed:
        _tap(qtbot, window.service_button("paspor"))
    with qtbot.waitSignal(window.ticket_cancelled, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: window.page == "start", timeout=WAIT)
    assert engine.get_ticket(failed.args[0].id).status == CANCELLED


def test_an_idle_kiosk_returns_to_the_start_in_its_own_language(
        open_kiosk: OpenKiosk, qtbot: QtBot) -> None:
    window = open_kiosk(idle_ms=300)
    _tap(qtbot, _button(window, "language"))
    assert window.language == "id"
    assert current_language() == "en"  # the PC's language: the kiosk's own changed
    assert window.service_button("paspor").name_text == "Permohonan Paspor"
    assert _button(window, "language").text() == "English"
    _tap(qtbot, _button(window, "pickup"))
    _tap(qtbot, _button(window, "key_7"))
    with qtbot.waitSignal(window.went_idle, timeout=WAIT):
        pass
    assert window.page == "start"
    assert window.language == "en"
    assert window.service_button("paspor").name_text == "Passport application"
    entry = window.findChild(QLineEdit, "entry")
    assert entry is not None and entry.text() == ""


def test_the_ticket_page_clears_itself_for_the_next_person(
        open_kiosk: OpenKiosk, qtbot: QtBot) -> None:
    window = open_kiosk(ticket_ms=200)
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT):
        _tap(qtbot, window.service_button("paspor"))
    assert window.page == "ticket"
    qtbot.waitUntil(lambda: window.page == "start", timeout=WAIT)
    qtbot.waitUntil(lambda: window.service_button("paspor").detail == "1 waiting",
                    timeout=WAIT)


def test_a_scanner_that_holds_shift_for_capitals_is_still_a_scan(
        open_kiosk: OpenKiosk, qtbot: QtBot, shelf: dict[str, str]) -> None:
    """A wedge scanner types a capital as Shift + key, like a keyboard does."""
    window = open_kiosk()
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        for char in shelf["000001"]:
            if char.isupper():
                qtbot.keyPress(window, Qt.Key.Key_Shift)
            qtbot.keyClick(window, char)
        qtbot.keyClick(window, Qt.Key.Key_Return)
    assert printed.args[0].number == "B001"


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_lost_reply_is_retried_by_itself_with_the_same_request(
        open_kiosk: OpenKiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.errors import DatabaseUnavailable
    from app.queue import kiosk

    window = open_kiosk()
    real = kiosk.take_ticket
    seen: list[str | None] = []

    def flaky(queue_ref: str, request_id: str | None = None) -> KioskTicket:
        seen.append(request_id)
        if len(seen) == 1:  # the first attempt commits, then the connection drops
            real(queue_ref, request_id)
            raise DatabaseUnavailable("database_unreachable", reason="server closed")
        return real(queue_ref, request_id)

    monkeypatch.setattr(kiosk, "take_ticket", flaky)
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _tap(qtbot, window.service_button("paspor"))
    assert seen[0] == seen[1]  # the same request: the committed ticket, not a second one
    assert printed.args[0].number == "A001"
    assert Ticket.select().count() == 1


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_tap_that_never_got_through_is_said_and_not_inherited_by_the_next_tap(
        open_kiosk: OpenKiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tap's ticket was committed but no reply came for longer than the applicant
    waits. The applicant was told no number was given, so A001 is voided as soon as the
    database answers again (the kiosk's next read), and the next tap prints A002 with a
    request of its own, not A001."""
    from app.errors import DatabaseUnavailable
    from app.queue import kiosk

    # The tap gives up after 0.3 s of retrying; the kiosk's own clock stands still, so
    # the next tap's answer is never "too late" however slow a crowded machine is.
    window = open_kiosk(retry_ms=300, monotonic=lambda: 0.0)
    real = kiosk.take_ticket
    down = [True]
    seen: list[str | None] = []

    def lost(queue_ref: str, request_id: str | None = None) -> KioskTicket:
        seen.append(request_id)
        ticket = real(queue_ref, request_id)
        if down[0]:
            raise DatabaseUnavailable("database_unreachable", reason="server closed")
        return ticket

    monkeypatch.setattr(kiosk, "take_ticket", lost)
    withdrawn: list[Any] = []
    window.tap_withdrawn.connect(withdrawn.append)
    with qtbot.waitSignal(window.refused, timeout=WAIT) as refused:
        _tap(qtbot, window.service_button("paspor"))
    assert refused.args == ["database_unreachable"] and len(set(seen)) == 1
    assert _text(window, "message_title") == "The queue system cannot be reached"
    assert _text(window, "database_banner") != ""
    down[0] = False
    # Whichever read of the board comes first (its timer or this one) voids the ticket.
    window.reload_board()
    qtbot.waitUntil(lambda: len(withdrawn) > 0, timeout=WAIT)
    [voided] = withdrawn
    assert voided is not None and voided.number == "A001"
    assert engine.get_ticket(voided.id).status == CANCELLED
    _tap(qtbot, _button(window, "message_back"))
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _tap(qtbot, window.service_button("paspor"))
    assert printed.args[0].number == "A002" and seen[-1] != seen[0]


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_check_in_whose_second_step_failed_prints_the_number_it_issued(
        open_kiosk: OpenKiosk, shelf: dict[str, str], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.errors import DatabaseUnavailable
    from app.queue import kiosk

    window = open_kiosk()
    real = kiosk._describe
    lost = [True]

    def drop_once(*args: object, **kw: object) -> KioskTicket:
        if lost[0]:
            lost[0] = False
            raise DatabaseUnavailable("database_unreachable", reason="connection reset")
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(kiosk, "_describe", drop_once)
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        window.check_in(shelf["000001"])
    assert printed.args[0].number == "B001"
    assert Ticket.select().count() == 1


def test_sizes_follow_the_screen_and_a_small_one_is_not_overflowed(
        qtbot: QtBot, office: str, pc: PcSettings) -> None:
    """The hall demo gives the kiosk a 960×540 quarter of the screen: the window must
    take that size (type shrinks) instead of growing taller than the screen."""
    from ui.kiosk.window import scaled_style

    assert scaled_style("a { font-size: 20px; min-height: 120px; }", 0.5) == (
        "a { font-size: 10px; min-height: 60px; }")
    window = KioskWindow(pc)
    qtbot.addWidget(window)
    window.resize(960, 540)
    window.show()
    qtbot.waitUntil(lambda: window.height() == 540, timeout=3000)
    small = window.styleSheet()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.styleSheet() != small, timeout=3000)
    assert "font-size: 46px" in window.styleSheet()  # the 34 px title at 1080/800


@pytest.mark.parametrize("damage", ["forged", "cut"])
def test_a_damaged_code_gets_one_calm_sentence_and_no_accusation(
        open_kiosk: OpenKiosk, qtbot: QtBot, shelf: dict[str, str], damage: str) -> None:
    good = shelf["000001"]
    code = (good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB") if damage == "forged"
            else good[:-5])
    window = open_kiosk()
    with qtbot.waitSignal(window.refused, timeout=WAIT):
        _scan(qtbot, window, code)
    assert window.page == "message"
    shown = " ".join(_text(window, name) for name in
                     ("message_title", "message_body", "message_hint")).lower()
    # What to do, once; no verdict on the applicant's slip.
    assert "information desk" in shown
    for word in ("forged", "altered", "signature", "another office", "invalid", "damaged"):
        assert word not in shown, word
    assert not _text(window, "message_body") or not _text(window, "message_hint")
    assert Ticket.select().count() == 0


def test_without_a_printer_the_applicant_reads_a_kind_sentence_not_a_setup_fault(
        office: str, qtbot: QtBot, pc: PcSettings, english: str) -> None:
    window = KioskWindow(pc, printer=TicketPrinter(None, pc.paper_width_mm), idle_ms=LONG)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.board_changed, timeout=WAIT):
        window.show()
    assert window.printer_destination == "preview"
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT):
        _tap(qtbot, window.service_button("paspor"))
    shown = " ".join(label.text() for label in window.findChildren(QLabel)
                     if label.isVisible())
    assert "note your number" in shown
    assert "printer" not in shown.lower() and "set up" not in shown


def test_an_answer_after_the_taps_limit_is_not_printed_and_its_ticket_is_voided_once(
        open_kiosk: OpenKiosk, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]  # the kiosk's clock, moved by the test
    answered = threading.Event()
    release = threading.Event()
    real_take = kiosk.take_ticket

    def slow_take(queue_ref: str, request_id: str | None = None) -> KioskTicket:
        ticket = real_take(queue_ref, request_id)  # committed: only the answer is slow
        answered.set()
        assert release.wait(WAIT / 1000)  # a hung server, until the test lets it go
        return ticket

    window = open_kiosk(monotonic=lambda: now[0])
    monkeypatch.setattr(kiosk, "take_ticket", slow_take)
    _tap(qtbot, window.service_button("paspor"))
    assert answered.wait(WAIT / 1000)
    now[0] = KIOSK_RETRY_MS / 1000 + 0.5  # the applicant has waited past the limit
    with qtbot.waitSignal(window.tap_withdrawn, timeout=WAIT) as withdrawn:
        release.set()
    voided = withdrawn.args[0]
    assert voided is not None and engine.get_ticket(voided.id).status == CANCELLED
    assert _printed(tmp_path) == []
    assert window.page == "message"
    assert _text(window, "message_title") == "Please touch your service again"
    cancelled = AuditEntry.select().where(AuditEntry.action == "ticket_cancelled")
    assert cancelled.count() == 1
    tap_id = RequestLog.get(RequestLog.operation == "kiosk_issue").request_id
    kiosk.withdraw_tap(tap_id)  # a retry of the withdrawal voids nothing more
    assert cancelled.count() == 1

    monkeypatch.setattr(kiosk, "take_ticket", real_take)
    _tap(qtbot, _button(window, "message_back"))
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _tap(qtbot, window.service_button("paspor"))
    number = printed.args[0].number
    assert number[:-3] == voided.number[:-3]
    assert int(number[-3:]) == int(voided.number[-3:]) + 1
    assert len(_printed(tmp_path)) == 1


def test_the_ticket_screen_tells_the_wait_when_there_is_history(
        open_kiosk: OpenKiosk, qtbot: QtBot) -> None:
    from app.setup.demo_history import seed_history

    assert seed_history() > 0
    engine.issue_ticket("A")
    window = open_kiosk()
    with qtbot.waitSignal(window.ticket_printed, timeout=WAIT) as printed:
        _tap(qtbot, window.service_button("paspor"))
    ticket = printed.args[0]
    assert ticket.estimate_min is not None
    low, high = ticket.estimate_min
    assert window.findChildren(QLabel, "ticket_text")[1].text() == (
        f"1 ahead of you. Estimated wait: {low}–{high} minutes.")
