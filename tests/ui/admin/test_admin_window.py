"""The supervisor's window on a real database: sign-in, the pages, refusals, outages.

Clicks go through the real widgets (pytest-qt, offscreen); every result is checked
in the database as well as on the screen.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.errors import Refused
from app.office import admin, officers
from app.office.officers import OfficerView
from app.queue import engine
from app.setup.pc_settings import PcSettings
from app.storage import db as dbmod
from app.storage import transactions
from app.storage.models import AuditEntry, Counter, CounterQueue, Officer, Queue
from tests.helpers import WAIT
from tests.outage import database_cut_off
from ui.admin.pages.counters import CountersPage
from ui.admin.pages.officers import OfficersPage
from ui.admin.pages.queues import QueuesPage
from ui.admin.window import PAGES, AdminWindow
from ui.kit.worker import DbWorker


@pytest.fixture
def staff(office: str, english: str) -> str:
    """An admin, a supervisor and an officer; windows in English."""
    officers.add_officer("root", "root-password", role="admin", full_name="Rudi Admin")
    officers.add_officer("siti", "siti-password", role="supervisor", full_name="Siti R.")
    officers.add_officer("budi", "budi-password", full_name="Budi Santoso")
    return office


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[AdminWindow]]:
    opened: list[AdminWindow] = []
    yield opened
    for window in opened:
        window.close()


def open_window(qtbot: QtBot, pc: PcSettings, windows: list[AdminWindow]) -> AdminWindow:
    window = AdminWindow(pc, poll_ms=100)
    qtbot.addWidget(window)
    windows.append(window)
    window.resize(1366, 768)
    window.show()
    return window


def try_sign_in(qtbot: QtBot, window: AdminWindow, user: str, password: str) -> None:
    window.login._username.setText(user)
    window.login._password.setText(password)
    qtbot.mouseClick(window.login._sign_in, Qt.MouseButton.LeftButton)


def signed_in(qtbot: QtBot, pc: PcSettings, windows: list[AdminWindow],
              user: str = "siti") -> AdminWindow:
    window = open_window(qtbot, pc, windows)
    with qtbot.waitSignal(window.signed_in, timeout=WAIT):
        try_sign_in(qtbot, window, user, f"{user}-password")
    return window


def page_of(qtbot: QtBot, window: AdminWindow, key: str) -> QWidget:
    """Show a page and wait until its data is on screen."""
    page = window.pages[key]
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        if window.current_page() is page:
            page.refresh()
        else:
            window.show_page(key)
    return page


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer(qtbot: QtBot, page: OfficersPage | CountersPage | QueuesPage,
           button: QPushButton) -> str:
    """Click and wait for the page's sentence (done or refused) and, after a change, for
    the page to show the database's rows again."""
    loads: list[None] = []

    def loaded() -> None:
        loads.append(None)

    page.loaded.connect(loaded)
    try:
        with qtbot.waitSignal(page.message.shown, timeout=WAIT) as blocker:
            click(qtbot, button)
        text, refused = blocker.args
        if not refused:
            qtbot.waitUntil(lambda: bool(loads), timeout=WAIT)
    finally:
        page.loaded.disconnect(loaded)
    return str(text)


# --- signing in ----------------------------------------------------------------------------



def test_deactivating_or_demoting_the_supervisor_signs_the_window_out_within_a_poll(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    root = Officer.get(Officer.username == "root").id
    window = signed_in(qtbot, pc, windows)
    siti = Officer.get(Officer.username == "siti").id
    with qtbot.waitSignal(window.signed_out, timeout=WAIT):
        admin.update_officer(root, siti, role="officer")
    assert window.login.isVisible() and "role" in window.login._message.text()
    admin.update_officer(root, siti, role="supervisor")
    window = signed_in(qtbot, pc, windows)
    with qtbot.waitSignal(window.signed_out, timeout=WAIT):
        admin.set_officer_active(root, siti, False)
    assert window.login.isVisible() and "deactivated" in window.login._message.text()
    assert [json.loads(e.details)["reason"] for e in AuditEntry.select().where(
        AuditEntry.action == "logout_forced").order_by(AuditEntry.id)] == [
        "signed_out_role", "signed_out_inactive"]

def test_an_officer_is_refused_with_the_message_and_wrong_passwords_read_as_usual(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    window = open_window(qtbot, pc, windows)
    assert window.windowTitle() == "Loket — Supervisor"
    assert not window.login._counter.isVisibleTo(window.login)  # no counter to choose
    try_sign_in(qtbot, window, "budi", "budi-password")
    qtbot.waitUntil(lambda: window.login._message.text() != "", timeout=WAIT)
    assert "for supervisors and admins only" in window.login._message.text()
    assert window.officer is None and not window.pages
    assert AuditEntry.select().where(AuditEntry.action == "admin_login_refused").count() == 1
    try_sign_in(qtbot, window, "siti", "not-her-password")
    qtbot.waitUntil(lambda: "Wrong username or password" in window.login._message.text(),
                    timeout=WAIT)
    assert window.officer is None


def test_supervisor_sees_the_pages_with_admin_only_controls_marked_and_disabled(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    window = signed_in(qtbot, pc, windows)
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == [
        "Reports", "Survey (IKM)", "Passports", "Bookings today", "Officers", "Counters",
        "Queues", "Backlog import", "Office settings", "Notifications", "Audit log", "Backup",
        "Late handovers", "Emergency PC tickets"]
    assert list(window.pages) == [key for key, _, _ in PAGES]
    assert "Siti R. (siti) · supervisor" in window.findChild(QWidget, "who").text()
    officers_page = page_of(qtbot, window, "officers")
    assert isinstance(officers_page, OfficersPage)
    assert officers_page.table.rowCount() == 3
    role_items = officers_page.role.model()
    for index in (1, 2):  # supervisor, admin
        assert "(admin)" in officers_page.role.itemText(index)
        assert not role_items.item(index).isEnabled()
    assert role_items.item(0).isEnabled()
    officers_page.select("root")
    assert not officers_page.save_button.isEnabled()
    assert not officers_page.active_button.isEnabled()
    assert "(admin)" in officers_page._note.text()
    queues_page = page_of(qtbot, window, "queues")
    assert isinstance(queues_page, QueuesPage)
    assert "(admin)" in queues_page.new_button.text()
    assert not queues_page.new_button.isEnabled()
    assert queues_page.table.rowCount() == 5
    counters_page = page_of(qtbot, window, "counters")
    assert isinstance(counters_page, CountersPage)
    assert counters_page.table.rowCount() == 6
    with qtbot.waitSignal(window.signed_out, timeout=WAIT):
        click(qtbot, window.findChild(QPushButton, "sign_out"))
    assert window.login.isVisible() and not window.pages
    qtbot.waitUntil(lambda: AuditEntry.select().where(AuditEntry.action == "logout").count()
                    == 1, timeout=WAIT)


# --- officers --------------------------------------------------------------------------------


def test_add_an_officer_reset_the_password_and_deactivate(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    window = signed_in(qtbot, pc, windows)
    page = page_of(qtbot, window, "officers")
    assert isinstance(page, OfficersPage)
    click(qtbot, page.new_button)
    page.username.setText("eko")
    page.full_name.setText("Eko Prasetyo")
    page.password.setText("short")
    assert "at least 8 characters" in answer(qtbot, page, page.save_button)
    assert page.message.refused and page.username.text() == "eko"  # nothing typed is lost
    assert not Officer.select().where(Officer.username == "eko").exists()
    page.password.setText("eko-password")
    assert answer(qtbot, page, page.save_button) == "Officer eko added."
    eko = Officer.get(Officer.username == "eko")
    assert (eko.full_name, eko.role, eko.active) == ("Eko Prasetyo", "officer", True)
    assert page.selected_row() is not None and page.selected_row().username == "eko"
    # A new password: the officer signs in with it.
    page.password.setText("fresh-start-1")
    assert "New password set for eko" in answer(qtbot, page, page.reset_button)
    assert officers.authenticate("eko", "fresh-start-1").username == "eko"
    with pytest.raises(Refused):
        officers.authenticate("eko", "eko-password")
    # Deactivated: no more signing in, and the table says so.
    qtbot.waitUntil(lambda: page.active_button.isEnabled(), timeout=WAIT)
    assert page.active_button.text() == "Deactivate"
    assert "can no longer sign in" in answer(qtbot, page, page.active_button)
    assert not Officer.get(Officer.username == "eko").active
    with pytest.raises(Refused):
        officers.authenticate("eko", "fresh-start-1")
    assert page.active_button.text() == "Reactivate"
    row = [r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "eko"]
    assert page.table.item(row[0], 3).text() == "deactivated"


def test_the_last_admin_cannot_be_demoted_or_deactivated(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    window = signed_in(qtbot, pc, windows, "root")
    page = page_of(qtbot, window, "officers")
    assert isinstance(page, OfficersPage)
    page.select("root")
    page.role.setCurrentIndex(page.role.findData("supervisor"))
    text = answer(qtbot, page, page.save_button)
    assert "root is the only active admin" in text and page.message.refused
    assert Officer.get(Officer.username == "root").role == "admin"
    assert "cannot deactivate your own account" in answer(qtbot, page, page.active_button)
    assert Officer.get(Officer.username == "root").active
    # An admin may give the supervisor role (marked, enabled for an admin).
    page.select("budi")
    assert page.role.model().item(1).isEnabled()
    page.role.setCurrentIndex(page.role.findData("supervisor"))
    assert answer(qtbot, page, page.save_button) == "Account budi saved."
    assert Officer.get(Officer.username == "budi").role == "supervisor"


# --- counters -------------------------------------------------------------------------------


def test_switching_a_pickup_counter_to_walk_ins_is_saved(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    a1 = engine.issue_ticket("A")
    engine.issue_ticket("B")
    window = signed_in(qtbot, pc, windows)
    page = page_of(qtbot, window, "counters")
    assert isinstance(page, CountersPage)
    page.select(5)
    assert page.chosen_queues() == ["backlog", "ambil"]
    for code in ("backlog", "ambil"):
        page.set_queue_checked(code, False)
    assert "at least one queue" in answer(qtbot, page, page.save_button)
    assert [link.queue.code for link in CounterQueue.select().join(Counter).where(
        Counter.number == 5).order_by(CounterQueue.position)] == ["backlog", "ambil"]
    page.set_queue_checked("paspor", True)
    assert "now calls A" in answer(qtbot, page, page.save_button)
    assert [link.queue.code for link in CounterQueue.select().join(Counter).where(
        Counter.number == 5)] == ["paspor"]
    assert engine.call_next(5).number == a1.number
    # Counter 6 takes the backlog first: the order is set with Up.
    page.select(6)
    page.queue_list.setCurrentRow(1)
    click(qtbot, page.up_button)
    assert page.chosen_queues() == ["backlog", "ambil"]
    answer(qtbot, page, page.save_button)
    assert [link.queue.code for link in CounterQueue.select().join(Counter).where(
        Counter.number == 6).order_by(CounterQueue.position)] == ["backlog", "ambil"]


def test_a_counter_holding_a_ticket_is_not_closed_and_the_page_says_why(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    engine.issue_ticket("A")
    engine.call_next(2)
    window = signed_in(qtbot, pc, windows)
    page = page_of(qtbot, window, "counters")
    assert isinstance(page, CountersPage)
    page.select(2)
    assert page.table.item(1, 4).text() == "A001"
    assert "still holds ticket A001" in answer(qtbot, page, page.active_button)
    assert Counter.get(Counter.number == 2).active


# --- queues ---------------------------------------------------------------------------------


def test_a_bad_quota_shows_the_message_and_changes_nothing(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    window = signed_in(qtbot, pc, windows)
    page = page_of(qtbot, window, "queues")
    assert isinstance(page, QueuesPage)
    page.select("A")
    assert page.quota.text() == "" and page.prefix.text() == "A"
    for bad in ("0", "abc", "-5", "100000"):
        page.quota.setText(bad)
        page.name_en.setText("Passport applications")
        text = answer(qtbot, page, page.save_button)
        assert "daily quota is a whole number from 1 to 9999" in text, text
        assert page.quota.text() == bad  # left as typed, to be corrected
    queue = Queue.get(Queue.prefix == "A")
    assert (queue.daily_quota, queue.name_en) == (None, "Passport application")
    assert not AuditEntry.select().where(AuditEntry.action == "queue_changed").exists()
    page.quota.setText("150")
    assert answer(qtbot, page, page.save_button) == "Queue A saved."
    assert Queue.get(Queue.prefix == "A").daily_quota == 150
    assert page.table.item(0, 4).text() == "150"
    # A prefix already taken is refused the same way.
    page.prefix.setText("B")
    assert "already used by queue 'backlog'" in answer(qtbot, page, page.save_button)
    assert Queue.get(Queue.code == "paspor").prefix == "A"


# --- the database going away -------------------------------------------------------------------


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_database_down_shows_the_banner_keeps_what_was_typed_and_carries_on(
        qtbot: QtBot, staff: str, pc: PcSettings, windows: list[AdminWindow]) -> None:
    window = signed_in(qtbot, pc, windows)
    page = page_of(qtbot, window, "queues")
    assert isinstance(page, QueuesPage)
    page.select("W")
    page.quota.setText("80")

    def drop() -> None:
        done = threading.Event()
        window.worker.submit(lambda: (dbmod.discard_connection(), done.set()))
        assert done.wait(5)

    loads: list[None] = []
    page.loaded.connect(lambda: loads.append(None))
    with database_cut_off(staff, drop):
        # Found by the window itself (nothing is clicked), on its worker thread.
        qtbot.waitUntil(lambda: window.banner != "", timeout=WAIT)
        assert "No connection to the database" in window.banner
        assert not window.page_stack.isEnabled()  # the pages wait, their contents kept
    qtbot.waitUntil(lambda: window.banner == "", timeout=8000)
    assert window.page_stack.isEnabled()
    qtbot.waitUntil(lambda: bool(loads), timeout=WAIT)  # the page read again after it
    assert page.quota.text() == "80" and page.selected_queue() is not None
    assert answer(qtbot, page, page.save_button) == "Queue W saved."
    # (This thread's own connection was cut too: read opens a new one.)
    assert transactions.read(lambda: Queue.get(Queue.prefix == "W").daily_quota) == 80


# --- a page on its own --------------------------------------------------------------------------


def test_a_page_works_standalone_with_its_own_worker(qtbot: QtBot, staff: str) -> None:
    root = Officer.get(Officer.username == "root")
    worker = DbWorker()
    try:
        page = QueuesPage(worker, OfficerView.of(root))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            page.refresh()
        assert page.title() == "Queues" and page.new_button.isEnabled()
        click(qtbot, page.new_button)
        page.code.setText("mal")
        page.prefix.setText("m")
        page.name_id.setText("Layanan Mal")
        page.name_en.setText("Mall service")
        page.quota.setText("40")
        assert answer(qtbot, page, page.save_button) == "Queue M added."
        queue = Queue.get(Queue.code == "mal")
        assert (queue.prefix, queue.daily_quota, queue.kind) == ("M", 40, "service")
        assert page.selected_queue() is not None and page.selected_queue().code == "mal"
    finally:
        worker.shutdown()
