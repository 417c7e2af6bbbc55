"""The counter window on a real database: sign in, call, serve, scan, hand over, outages.

Clicks and keys go through the real widgets (pytest-qt, offscreen); every result
is checked in the database as well as on the screen.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from app.office import admin, officers
from app.office.officers import LoginThrottle
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.setup.pc_settings import PcSettings
from app.storage import db as dbmod
from app.storage.models import AuditEntry, PickupRecord, Ticket
from tests.helpers import NOW, WAIT
from tests.helpers.people import setup_admin
from tests.outage import database_cut_off
from ui.counter.handover_dialog import HandoverDialog
from ui.counter.transfer_dialog import TransferDialog
from ui.counter.window import CounterWindow

SHELF = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
         b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n"
         b"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;24/06/2024\n"
         b"2024-TNG-000004;Dewi Sartika;C1111111;Rak C-01;01/05/2024\n")


@pytest.fixture
def hall(office: str, travel: Callable[[dt.datetime], None], english: str) -> str:
    """The demo office with two officers and a shelf of passports; windows in English."""
    travel(NOW)
    backlog.import_backlog(SHELF, batch="Backlog PDN Juni 2024", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    officers.add_officer("petugas2", "petugas123", full_name="Ani Petugas")
    return office


def open_window(qtbot: QtBot, pc: PcSettings, windows: list[CounterWindow],
                **kw: Any) -> CounterWindow:
    window = CounterWindow(pc, poll_ms=kw.pop("poll_ms", 100), **kw)
    qtbot.addWidget(window)
    windows.append(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.login._counter.count() > 0, timeout=WAIT)
    return window


def sign_in(qtbot: QtBot, window: CounterWindow, counter: int | None,
            user: str = "petugas1", password: str = "petugas123") -> None:
    page = window.login
    page._username.setText(user)
    page._password.setText(password)
    if counter is not None:
        page._counter.setCurrentIndex(page._counter.findData(counter))
    qtbot.mouseClick(page._sign_in, Qt.MouseButton.LeftButton)


def signed_in(qtbot: QtBot, pc: PcSettings, windows: list[CounterWindow], counter: int,
              user: str = "petugas1") -> CounterWindow:
    window = open_window(qtbot, pc, windows)
    with qtbot.waitSignal(window.signed_in, timeout=WAIT):
        sign_in(qtbot, window, counter, user)
    return window


def button(window: CounterWindow, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def settle(qtbot: QtBot, window: CounterWindow) -> None:
    """Wait until the action or scan under way is done (the feed may redraw meanwhile)."""
    qtbot.waitUntil(lambda: not window.busy, timeout=WAIT)


def act(qtbot: QtBot, window: CounterWindow, name: str) -> None:
    """Click an action's button and wait until the action is done and shown."""
    # The desk may still be redrawing after the test's own change (a busy machine):
    # wait for the action to be offered, with a deadline, rather than assume it is.
    try:
        qtbot.waitUntil(lambda: button(window, name).isEnabled(), timeout=WAIT)
    except TimeoutError:
        raise AssertionError(f"{name} is disabled") from None
    with qtbot.waitSignal(window.desk_shown, timeout=WAIT):
        qtbot.mouseClick(button(window, name), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=WAIT)


def scan(qtbot: QtBot, window: CounterWindow, code: str, target: Any = None) -> None:
    """A keyboard-wedge scanner: the code as key presses with no pause, then Enter."""
    widget = target or QApplication.focusWidget() or window
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    settle(qtbot, window)


def held(window: CounterWindow) -> str | None:
    desk = window.view.desk
    return desk.ticket.number if desk is not None and desk.ticket is not None else None


# --- signing in ------------------------------------------------------------------------


def test_first_start_asks_for_the_counter_and_remembers_it(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = open_window(qtbot, pc, windows)
    assert window.login._counter.currentIndex() == -1  # nothing chosen for this PC yet
    sign_in(qtbot, window, None)
    assert "counter this PC is" in window.login._message.text()
    with qtbot.waitSignal(window.signed_in, timeout=WAIT):
        sign_in(qtbot, window, 5)
    assert pc.counter == 5 and window.counter == 5
    assert "Loket 5" in window._who.text()
    # The next start of this PC's window has counter 5 chosen already.
    again = open_window(qtbot, pc, windows)
    assert again.login._counter.currentData() == 5


def test_a_wrong_password_says_so_without_saying_which_part(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = open_window(qtbot, pc, windows)
    for user, password in (("petugas1", "wrong-password"), ("nobody", "petugas123")):
        sign_in(qtbot, window, 1, user, password)
        qtbot.waitUntil(lambda: window.login._message.text() != "", timeout=WAIT)
        assert window.login._message.text() == "Wrong username or password."
        assert window.officer is None and window.login._password.text() == ""
        window.login._message.setText("")
    assert AuditEntry.select().where(AuditEntry.action == "login_failed").count() == 2


def test_repeated_failures_slow_down(qtbot: QtBot, hall: str, pc: PcSettings,
                                     windows: list[CounterWindow]) -> None:
    now = [1000.0]
    window = open_window(qtbot, pc, windows, throttle=LoginThrottle(monotonic=lambda: now[0]))

    def attempt(password: str) -> str:
        window.login._message.setText("")
        sign_in(qtbot, window, 1, password=password)
        qtbot.waitUntil(lambda: window.login._message.text() != "", timeout=WAIT)
        return window.login._message.text()

    assert [attempt("wrong-password") for _ in range(3)] == ["Wrong username or password."] * 3
    assert "Try again in 2 seconds" in attempt("petugas123")  # right, but too soon
    now[0] += 2.5
    assert attempt("wrong-password") == "Wrong username or password."
    assert "Try again in 4 seconds" in attempt("wrong-password")  # each failure doubles it
    assert window.officer is None
    now[0] += 4.5
    with qtbot.waitSignal(window.signed_in, timeout=WAIT):
        sign_in(qtbot, window, 1)


def test_sign_out_and_switch_officer_without_restarting(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 1)
    with qtbot.waitSignal(window.signed_out, timeout=WAIT):
        qtbot.mouseClick(button(window, "sign_out"), Qt.MouseButton.LeftButton)
    assert window.login.isVisible() and window.officer is None
    with qtbot.waitSignal(window.signed_in, timeout=WAIT):
        sign_in(qtbot, window, 1, "petugas2")
    assert window.officer is not None and window.officer.username == "petugas2"
    qtbot.waitUntil(lambda: AuditEntry.select().where(AuditEntry.action == "logout").count()
                    == 1, timeout=WAIT)


def test_deactivating_the_officer_signs_the_counter_out_within_a_poll(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 1)
    clerk = window.officer
    assert clerk is not None
    with qtbot.waitSignal(window.signed_out, timeout=WAIT):
        admin.set_officer_active(setup_admin(), clerk.id, False)
    assert window.login.isVisible() and window.officer is None
    assert "deactivated" in window.login._message.text()
    forced = AuditEntry.get(AuditEntry.action == "logout_forced")
    assert (forced.officer_id, forced.counter) == (clerk.id, 1)
    assert AuditEntry.select().where(AuditEntry.action == "logout").count() == 0
    # Another officer's change signs nobody out.
    window = signed_in(qtbot, pc, windows, 2, "petugas2")
    admin.update_officer(setup_admin(), clerk.id, full_name="Budi P.")
    qtbot.wait(400)
    assert window.officer is not None and window.officer.username == "petugas2"


def test_an_officer_name_that_is_html_is_shown_as_written(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    html_name = "<b>X</b><font size=6>Y</font>"
    officers.add_officer("petugas3", "petugas123", full_name=html_name)
    window = signed_in(qtbot, pc, windows, 1, "petugas3")
    labels = [label for label in window.findChildren(QLabel) if html_name in label.text()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_a_counter_opened_or_closed_by_the_supervisor_shows_in_the_sign_in_list(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    boss = officers.add_officer("boss", "boss-password", role="supervisor")
    window = open_window(qtbot, pc, windows)

    def listed() -> set[int]:
        box = window.login._counter
        return {box.itemData(i) for i in range(box.count())}

    assert 7 not in listed() and 2 in listed()
    admin.add_counter(boss.id, 7, "Loket 7 Akhir Pekan", ["paspor"])
    admin.set_counter_active(boss.id, 2, False)
    qtbot.waitUntil(lambda: 7 in listed() and 2 not in listed(), timeout=WAIT)


# --- serving -----------------------------------------------------------------------------


def test_call_recall_start_finish_no_show_and_transfer(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 1)
    assert not button(window, "call_next").isEnabled()  # nobody waits yet
    for _ in range(3):
        engine.issue_ticket("paspor")
    qtbot.waitUntil(lambda: button(window, "call_next").isEnabled(), timeout=WAIT)
    assert window.view._waiting.count() == 3

    act(qtbot, window, "call_next")
    assert held(window) == "A001"
    assert "Calling A001" in window.message
    assert {n for n in ("recall", "start", "finish", "no_show", "transfer")
            if button(window, n).isEnabled()} == {"recall", "start", "finish", "no_show",
                                                  "transfer"}
    assert not button(window, "call_next").isEnabled()  # one ticket at a time
    act(qtbot, window, "recall")
    assert engine.get_ticket("A001").recall_count == 1
    act(qtbot, window, "start")
    assert engine.get_ticket("A001").status == "serving"
    assert not button(window, "recall").isEnabled() and not button(window, "no_show").isEnabled()
    act(qtbot, window, "finish")
    assert engine.get_ticket("A001").status == "done" and held(window) is None

    qtbot.keyClick(window, Qt.Key.Key_F2)  # the keyboard works as well as the mouse
    qtbot.waitUntil(lambda: held(window) == "A002", timeout=WAIT)
    act(qtbot, window, "no_show")
    assert engine.get_ticket("A002").status == "no_show"

    act(qtbot, window, "call_next")
    qtbot.mouseClick(button(window, "transfer"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(TransferDialog)
    assert dialog is not None
    wna = next(i for i, t in enumerate(dialog._targets) if t.ref == "wna")
    dialog.choose(wna)
    dialog.accept()
    settle(qtbot, window)
    moved = engine.get_ticket("A003")
    assert (moved.status, moved.service_queue, moved.counter) == ("waiting", "wna", None)
    assert "A003 transferred" in window.message
    tally = window.view._tally.text()
    assert "1 served" in tally and "1 no-show" in tally


def test_a_pickup_tickets_transfer_never_suggests_a_walk_in_queue(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    pickup.check_in(pickup.code_for("2024-TNG-000001"))
    window = signed_in(qtbot, pc, windows, 5)
    act(qtbot, window, "call_next")
    qtbot.keyClick(window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: window.findChild(TransferDialog) is not None, timeout=WAIT)
    dialog = window.findChild(TransferDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    target = dialog.target()
    assert target is not None and (target.kind, target.queue_kind) == ("queue", "pickup")
    assert target.ref != engine.get_ticket(held(window) or "").service_queue
    dialog.reject()


def test_a_ticket_chosen_from_the_list_or_typed_is_called_out_of_order(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    for _ in range(3):
        engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 2)
    waiting = window.findChild(QListWidget, "waiting_list")
    assert waiting is not None
    third = waiting.item(2)
    waiting.itemActivated.emit(third)
    settle(qtbot, window)
    assert held(window) == "A003"
    act(qtbot, window, "finish")
    number = window.findChild(QLineEdit, "call_number_input")
    assert number is not None
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert number.hasFocus()
    qtbot.keyClicks(number, "a002", delay=60)
    qtbot.keyClick(number, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert held(window) == "A002" and number.text() == ""
    act(qtbot, window, "finish")
    # A number this counter may not call: refused in plain words, nothing changes.
    engine.issue_ticket("wna")
    qtbot.keyClicks(number, "W001", delay=60)
    with qtbot.waitSignal(window.message_shown, timeout=WAIT):
        qtbot.keyClick(number, Qt.Key.Key_Return)
    assert "W001" in window.message and held(window) is None
    assert engine.get_ticket("W001").status == "waiting"


def test_waiting_counts_follow_other_counters_and_the_kiosk_without_a_click(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 1)
    engine.issue_ticket("paspor")
    engine.issue_ticket("wna")
    qtbot.waitUntil(lambda: window.view._waiting.count() == 2, timeout=WAIT)
    engine.call_next(2)  # counter 2 takes the A ticket
    qtbot.waitUntil(lambda: window.view._waiting.count() == 1, timeout=WAIT)
    desk = window.view.desk
    assert desk is not None
    assert [(q.code, q.waiting) for q in desk.queues] == [("paspor", 0), ("wna", 1)]


def test_two_counters_never_get_the_same_ticket(
        qtbot: QtBot, hall: str, pc: PcSettings, tmp_path: Any,
        windows: list[CounterWindow]) -> None:
    for _ in range(12):
        engine.issue_ticket("paspor")
    one = signed_in(qtbot, pc, windows, 1)
    other_pc = PcSettings(tmp_path / "pc2" / "loket.ini")
    two = signed_in(qtbot, other_pc, windows, 2, "petugas2")
    called: dict[str, list[str]] = {"1": [], "2": []}
    for _ in range(6):
        # Both press F2 in the same instant; each worker races for the next ticket.
        for window in (one, two):
            qtbot.mouseClick(button(window, "call_next"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: held(one) is not None and held(two) is not None, timeout=WAIT)
        called["1"].append(str(held(one)))
        called["2"].append(str(held(two)))
        for window in (one, two):
            act(qtbot, window, "finish")
    numbers = called["1"] + called["2"]
    assert len(set(numbers)) == 12
    by_counter = {t.number: t.counter_id for t in Ticket.select()}
    assert {by_counter[n] for n in called["1"]} != {by_counter[n] for n in called["2"]}


# --- scanning and handing over ----------------------------------------------------------


def test_a_scan_opens_the_pickup_panel_wherever_the_focus_is_and_hands_over(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    code = pickup.code_for("2024-TNG-000001")
    pickup.check_in("2024-TNG-000001")  # typed at the kiosk: a B ticket for this passport
    pickup.check_in(pickup.code_for("2024-TNG-000002"))  # B002, with the signed slip
    window = signed_in(qtbot, pc, windows, 5)
    act(qtbot, window, "call_next")
    assert held(window) == "B001"
    panel = window.view.pickup
    assert panel.isVisible() and panel._fields["location"].text() == "Rak A-01"
    assert "Not verified" in panel._warning.text()  # typed, and no slip scanned yet

    number = window.findChild(QLineEdit, "call_number_input")
    assert number is not None
    number.setFocus()
    scan(qtbot, window, code, number)
    assert number.text() == ""  # the scan never reached the focused field
    assert panel._fields["name"].text() == "Budi Santoso"
    assert panel._fields["passport_no"].text() == "X1234567"
    assert panel._warning.isHidden()  # a signed slip: verified
    hand_over = button(window, "hand_over")
    assert hand_over.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = window.findChild(HandoverDialog)
    assert dialog is not None and dialog.isVisible()
    ok = button(dialog, "confirm_handover")  # type: ignore[arg-type]
    assert not ok.isEnabled()  # ID not checked yet
    dialog._family.setChecked(True)
    dialog._id_checked.setChecked(True)
    assert not ok.isEnabled()  # a family member must be named
    qtbot.keyClicks(dialog._name, "Rina Santoso", delay=5)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    rec = PickupRecord.get(PickupRecord.application_no == "2024-TNG-000001")
    assert (rec.status, rec.collector, rec.collector_name, rec.verified) == (
        "collected", "family", "Rina Santoso", True)
    assert engine.get_ticket("B001").status == "done"  # the ticket finished with it
    assert held(window) is None and not panel.isVisible()
    assert "handed over" in window.message and "F2" in window.message
    assert button(window, "call_next").isEnabled() or window.view.desk.waiting_total == 0


def test_a_scanner_that_presses_shift_for_capitals_is_still_a_scan(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 6)
    code = pickup.code_for("2024-TNG-000002")
    widget = QApplication.focusWidget() or window
    for ch in code:
        if ch.isupper():
            qtbot.keyPress(widget, Qt.Key.Key_Shift)
            qtbot.keyClick(widget, ch, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyRelease(widget, Qt.Key.Key_Shift)
        else:
            qtbot.keyClick(widget, ch)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.view.pickup._fields["application_no"].text() == "2024-TNG-000002"


def test_typing_at_a_persons_pace_is_not_taken_for_a_scan(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 5)
    number = window.findChild(QLineEdit, "call_number_input")
    assert number is not None
    number.setFocus()
    qtbot.keyClicks(number, "B012", delay=90)
    qtbot.wait(120)
    assert number.text() == "B012"
    assert not window.view.pickup.isVisible()


def test_garbage_and_forged_scans_get_a_calm_message_and_change_nothing(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 5)
    before = (list(PickupRecord.select().dicts()), Ticket.select().count())
    good = pickup.code_for("2024-TNG-000001")
    forged = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    for junk, words in ((forged, "Scan not used"), ("%%%%####", "Scan not used"),
                        ("LK9.X.1.ABCDEFGHIJKLMNOP", "Scan not used")):
        with qtbot.waitSignal(window.scan_refused, timeout=WAIT):
            scan(qtbot, window, junk)
        assert words in window.view.scan_notice.text()
        assert not window.view.pickup.isVisible()
    assert (list(PickupRecord.select().dicts()), Ticket.select().count()) == before


def test_a_scanned_ticket_qr_calls_that_ticket(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    engine.issue_ticket("paspor")
    second = engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 1)
    scan(qtbot, window, engine.ticket_code(second.id))
    assert held(window) == "A002"
    assert engine.get_ticket("A002").counter == 1


def test_an_already_collected_passport_is_refused_with_when_where_and_who(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    code = pickup.code_for("2024-TNG-000002")
    pickup.hand_over(code, 6, "petugas2", "self", id_checked=True)
    window = signed_in(qtbot, pc, windows, 5)
    scan(qtbot, window, code)
    panel = window.view.pickup
    qtbot.waitUntil(panel.isVisible, timeout=WAIT)
    warning = panel._warning.text()
    assert "already" in warning and "6" in warning and "petugas2" in warning
    assert not button(window, "hand_over").isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_F9)  # the key does nothing either
    qtbot.wait(50)
    assert window.findChild(HandoverDialog) is None
    # Overdue: shown in red, refused too.
    scan(qtbot, window, pickup.code_for("2024-TNG-000004"))
    assert "collect" in panel._warning.text().lower()
    assert not button(window, "hand_over").isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=WAIT)


def test_a_bare_application_number_is_shown_as_not_verified(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 6)
    scan(qtbot, window, "2024-TNG-000001")
    panel = window.view.pickup
    assert "Not verified" in panel._warning.text()
    assert button(window, "hand_over").isEnabled()  # allowed, after checking documents


def test_the_window_speaks_indonesian_by_default_and_switches(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow],
        indonesian: str) -> None:
    window = open_window(qtbot, pc, windows)
    assert window.login._sign_in.text() == "Masuk"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.login._sign_in.text() == "Sign in", timeout=WAIT)
    assert pc.language == "en"
    window.set_language("id")
    qtbot.waitUntil(lambda: window.login._sign_in.text() == "Masuk", timeout=WAIT)
    sign_in(qtbot, window, 1, password="salah-sandi")
    qtbot.waitUntil(lambda: window.login._message.text() != "", timeout=WAIT)
    assert window.login._message.text() == "Nama pengguna atau kata sandi salah."


# --- when the database goes away ----------------------------------------------------------


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_an_outage_shows_the_banner_disables_actions_and_recovers(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 1)
    qtbot.waitUntil(lambda: button(window, "call_next").isEnabled(), timeout=WAIT)

    def drop() -> None:
        done = threading.Event()
        window.worker.submit(lambda: (dbmod.discard_connection(), done.set()))
        assert done.wait(5)

    with database_cut_off(hall, drop):
        # Found by the window itself (nothing is clicked), on its worker thread.
        qtbot.waitUntil(lambda: window.banner != "", timeout=WAIT)
        assert "database" in window.banner
        assert not button(window, "call_next").isEnabled()
        qtbot.keyClick(window, Qt.Key.Key_F2)  # nothing happens, nothing breaks
        qtbot.wait(100)
    qtbot.waitUntil(lambda: window.banner == "", timeout=8000)
    qtbot.waitUntil(lambda: button(window, "call_next").isEnabled(), timeout=WAIT)
    act(qtbot, window, "call_next")
    assert held(window) == "A001"


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_an_action_lost_in_an_outage_is_retried_once(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The call went through but its answer was lost: pressing again must not call twice."""
    from app.errors import DatabaseUnavailable
    from app.queue import desk as deskmod

    engine.issue_ticket("paspor")
    engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 1)
    qtbot.waitUntil(lambda: button(window, "call_next").isEnabled(), timeout=WAIT)
    real = deskmod.counter_desk
    lost = [True]

    def answer_lost(*args: Any, **kw: Any) -> Any:
        if lost[0] and threading.current_thread() is not threading.main_thread():
            lost[0] = False
            raise DatabaseUnavailable("database_unreachable", reason="connection reset")
        return real(*args, **kw)

    monkeypatch.setattr(deskmod, "counter_desk", answer_lost)
    with qtbot.waitSignal(window.message_shown, timeout=WAIT):
        qtbot.mouseClick(button(window, "call_next"), Qt.MouseButton.LeftButton)
    assert "Not confirmed" in window.message
    assert engine.get_ticket("A001").status == "called"  # it did go through
    qtbot.waitUntil(lambda: button(window, "call_next").isEnabled()
                    or held(window) is not None, timeout=WAIT)
    if held(window) is None:  # the feed has not refreshed the desk yet: press again
        act(qtbot, window, "call_next")
    assert held(window) == "A001"
    assert engine.get_ticket("A002").status == "waiting"


def test_the_gui_thread_never_waits_for_a_slow_database(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(3):
        engine.issue_ticket("paspor")
    db = dbmod.database.obj
    real = db.execute_sql
    answering = threading.Event()
    stuck: list[str] = []

    def hanging(*args: Any, **kw: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            stuck.append(args[0])
            answering.wait(30)  # the database does not answer until the test lets it
        return real(*args, **kw)

    window = signed_in(qtbot, pc, windows, 1)
    monkeypatch.setattr(db, "execute_sql", hanging)
    beats: list[None] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(None))
    timer.start()
    # Whatever the window asks of the database while it hangs, the GUI thread goes on:
    # its timer keeps firing and the button still takes a click. (No query ever runs on
    # the GUI thread in a window test: tests.helpers.gui_thread refuses it.)
    qtbot.waitUntil(lambda: bool(stuck), timeout=WAIT)
    qtbot.mouseClick(button(window, "call_next"), Qt.MouseButton.LeftButton)
    seen = len(beats)
    qtbot.waitUntil(lambda: len(beats) >= seen + 20, timeout=WAIT)
    assert held(window) is None and engine.get_ticket("A001").status == "waiting"
    answering.set()
    qtbot.waitUntil(lambda: held(window) == "A001", timeout=WAIT)
    qtbot.waitUntil(lambda: not window.busy, timeout=WAIT)
    act(qtbot, window, "finish")
    timer.stop()
    assert held(window) is None and engine.get_ticket("A001").status == "done"


# --- answers that never lie: a lost reply's request id ends with its intent ---------------


def lose_next_reply(monkeypatch: pytest.MonkeyPatch, module: Any, act: str) -> None:
    """The next ``module.act`` goes through, then the desk read that follows it in the
    same job (its reply) fails. Only the thread that ran the act loses its next read, so
    a routine refresh of the desk that a busy machine lets run first, or in between,
    does not take the loss meant for the reply."""
    from app.errors import DatabaseUnavailable
    from app.queue import desk as deskmod

    real_desk, real_act = deskmod.counter_desk, getattr(module, act)
    acted_on: list[int] = []  # the thread whose next desk read is lost

    def acted(*args: Any, **kw: Any) -> Any:
        result = real_act(*args, **kw)
        acted_on.append(threading.get_ident())
        monkeypatch.setattr(module, act, real_act)  # once
        return result

    def answer_lost(*args: Any, **kw: Any) -> Any:
        if threading.get_ident() in acted_on:
            acted_on.clear()
            raise DatabaseUnavailable("database_unreachable", reason="connection reset")
        return real_desk(*args, **kw)

    monkeypatch.setattr(module, act, acted)
    monkeypatch.setattr(deskmod, "counter_desk", answer_lost)


def confirm_handover(qtbot: QtBot, window: CounterWindow) -> None:
    window.trigger("hand_over")  # F9
    dialog = next((d for d in window.findChildren(HandoverDialog) if d.isVisible()), None)
    assert dialog is not None and dialog.isVisible()
    dialog._id_checked.setChecked(True)
    with qtbot.waitSignal(window.message_shown, timeout=WAIT):
        qtbot.mouseClick(button(dialog, "confirm_handover"),  # type: ignore[arg-type]
                         Qt.MouseButton.LeftButton)
    settle(qtbot, window)


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_handover_undone_after_its_reply_was_lost_is_really_handed_over_again(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    officers.add_officer("supervisor", "rahasia123", role="supervisor", full_name="Sari")
    code = pickup.code_for("2024-TNG-000001")
    pickup.check_in(code)
    window = signed_in(qtbot, pc, windows, 5)
    act(qtbot, window, "call_next")
    assert held(window) == "B001"
    lose_next_reply(monkeypatch, pickup, "hand_over")
    confirm_handover(qtbot, window)
    assert "Not confirmed" in window.message
    rec = PickupRecord.get(PickupRecord.application_no == "2024-TNG-000001")
    assert rec.status == "collected"  # it did go through
    # The desk, read again, shows the passport gone: the handover's outcome is known.
    qtbot.waitUntil(lambda: "hand_over" not in window.allowed() and window.banner == "",
                    timeout=WAIT)

    pickup.undo_hand_over(code, "supervisor", "wrong person")
    scan(qtbot, window, code)
    qtbot.waitUntil(lambda: "hand_over" in window.allowed(), timeout=WAIT)
    handed_before = AuditEntry.select().where(
        AuditEntry.action == "pickup_handed_over").count()
    confirm_handover(qtbot, window)
    rec = PickupRecord.get(PickupRecord.application_no == "2024-TNG-000001")
    assert rec.status == "collected"
    assert AuditEntry.select().where(
        AuditEntry.action == "pickup_handed_over").count() == handed_before + 1
    assert "handed over" in window.message


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_call_next_after_a_lost_call_and_moving_on_calls_the_next_ticket(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    engine.issue_ticket("paspor")
    engine.issue_ticket("paspor")
    window = signed_in(qtbot, pc, windows, 1)
    qtbot.waitUntil(lambda: button(window, "call_next").isEnabled(), timeout=WAIT)
    lose_next_reply(monkeypatch, engine, "call_next")
    with qtbot.waitSignal(window.message_shown, timeout=WAIT):
        qtbot.mouseClick(button(window, "call_next"), Qt.MouseButton.LeftButton)
    assert "Not confirmed" in window.message
    qtbot.waitUntil(lambda: held(window) == "A001", timeout=WAIT)  # the feed shows it
    act(qtbot, window, "finish")  # the officer moved on
    act(qtbot, window, "call_next")
    assert held(window) == "A002" and engine.get_ticket("A002").status == "called"
    assert "Calling A002." in window.message


def test_a_counter_serving_someone_else_offers_no_handover(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    engine.issue_ticket("ambil")
    code = pickup.code_for("2024-TNG-000001")
    pickup.check_in(code)
    window = signed_in(qtbot, pc, windows, 6)
    window._call_number("C001")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: held(window) == "C001", timeout=WAIT)
    scan(qtbot, window, code)
    # The scan is read when the scanner's keys end: wait for its panel, with a deadline.
    qtbot.waitUntil(lambda: window.view.pickup.isVisible(), timeout=WAIT)
    assert "hand_over" not in window.allowed()


HTML_NAME = "<font color=red size=6>TERVERIFIKASI - serahkan tanpa cek KTP</font>"


def test_an_imported_name_that_is_html_is_shown_as_it_is_written(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    from app.pickup import backlog

    backlog.import_backlog(("no_permohonan,nama,lokasi,tanggal_siap\n"
                            f"2024-TNG-000777,{HTML_NAME},<b>Rak Z</b>,2024-06-20\n").encode(),
                           officer=setup_admin())
    pickup.check_in(pickup.code_for("2024-TNG-000777"))
    window = signed_in(qtbot, pc, windows, 5)
    act(qtbot, window, "call_next")
    panel = window.view.pickup
    assert panel.isVisible()
    name, shelf = panel._fields["name"], panel._fields["location"]
    assert (name.text(), shelf.text()) == (HTML_NAME, "<b>Rak Z</b>")
    for label in (name, shelf, panel._warning):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_a_forged_slip_says_why_on_the_desk_and_keeps_the_panel(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 6)
    good = pickup.code_for("2024-TNG-000002")
    scan(qtbot, window, good)
    panel = window.view.pickup
    assert panel.isVisible()
    forged = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    with qtbot.waitSignal(window.scan_refused, timeout=WAIT):
        scan(qtbot, window, forged)
    notice = window.view.scan_notice
    # The precise reason, next to the panel the officer is looking at.
    assert notice.isVisible() and "signature" in notice.text()
    assert panel.isVisible()
    assert panel._fields["application_no"].text() == "2024-TNG-000002"
    # The next good scan clears it.
    scan(qtbot, window, pickup.code_for("2024-TNG-000001"))
    assert not notice.isVisible()
    assert panel._fields["application_no"].text() == "2024-TNG-000001"


def test_the_idle_sentence_follows_the_waiting_count(
        qtbot: QtBot, hall: str, pc: PcSettings, windows: list[CounterWindow]) -> None:
    window = signed_in(qtbot, pc, windows, 1)
    label = window.view._queue_name
    assert "Nobody is waiting" in label.text() and "F2" not in label.text()
    engine.issue_ticket("paspor")
    engine.issue_ticket("paspor")
    qtbot.waitUntil(lambda: "2 waiting" in label.text(), timeout=WAIT)  # the feed
    assert "F2" in label.text()
