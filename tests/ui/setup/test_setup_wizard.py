"""The set-up wizard, driven as an IT officer would, against real databases.

SQLite in a temp folder; PostgreSQL on the suite's private password-checking
server (a wrong password first, then the right one); MariaDB with a user of the
run's own. Every path ends in a saved ``loket.ini`` and a database Loket can use.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from app.office import officers
from app.setup import connection_check, pc_config
from app.setup.pc_config import DatabaseChoice, PcConfig
from app.setup.pc_settings import PcSettings
from app.storage import db as dbmod
from tests.helpers.databases import empty_mysql
from tests.password_servers import PasswordServer, new_pg_database
from ui.setup.wizard import (
    PAGE_COUNTER,
    PAGE_DATABASE,
    PAGE_DEVICE,
    PAGE_OFFICE,
    PAGE_PC,
    PAGE_READY,
    SetupWizard,
)

TEST_TIMEOUT_MS = 20_000


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "loket.ini"


def _wizard(qtbot: QtBot, pc: PcSettings, config_file: Path,
            initial: PcConfig | None = None) -> SetupWizard:
    wizard = SetupWizard(pc, initial, config_file=config_file)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _next(wizard: SetupWizard, expected_page: int) -> None:
    """Next, and the page it leads to (setting a database up runs on the wizard's worker
    and moves on when it is done)."""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    deadline = time.monotonic() + TEST_TIMEOUT_MS / 1000
    while wizard.office_page._preparing and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert wizard.currentId() == expected_page, wizard.currentPage().objectName()


def _test_connection(qtbot: QtBot, wizard: SetupWizard) -> connection_check.ConnectionReport:
    page = wizard.database_page
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_button.isEnabled() and page.report is not None,
                    timeout=TEST_TIMEOUT_MS)
    assert page.report is not None
    return page.report


def _fill_server(wizard: SetupWizard, server: PasswordServer, password: str) -> None:
    page = wizard.database_page
    page.server.setChecked(True)
    page.kind.setCurrentIndex(page.kind.findData(server.kind))
    page.host.setText(server.host)
    page.port.setValue(server.port)
    page.name.setText(server.database)
    page.user.setText(server.user)
    page.password.setText(password)


def _fill_admin(wizard: SetupWizard, username: str = "kepala",
                password: str = "rahasia-123") -> None:
    page = wizard.office_page
    page.office_name.setText("Kantor Imigrasi Tangerang")
    page.username.setText(username)
    page.full_name.setText("Kepala Seksi")
    page.password.setText(password)
    page.again.setText(password)


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_this_pc_only_sets_up_a_sqlite_office_and_a_counter(
        qtbot: QtBot, pc: PcSettings, config_file: Path, tmp_path: Path, english: str) -> None:
    wizard = _wizard(qtbot, pc, config_file)
    assert wizard.currentId() == PAGE_PC and wizard.mode() == "counter"
    _next(wizard, PAGE_DATABASE)
    page = wizard.database_page
    assert page.local.isChecked()
    assert page.path.text() == pc_config.default_sqlite_path()  # the path is shown
    target = tmp_path / "kantor" / "loket.sqlite3"
    page.path.setText(str(target))
    report = page.report  # a file on this PC is tested as it is typed
    assert report is not None and report.state == connection_check.EMPTY
    assert not target.parent.exists()  # testing created nothing
    assert "empty" in page.result.text()
    _next(wizard, PAGE_OFFICE)
    office = wizard.office_page
    assert office.standard.isVisible() and office.standard.isChecked()
    _fill_admin(wizard)
    office.again.setText("something-else")
    wizard.next()  # two different passwords: stays, says so, writes nothing
    assert wizard.currentId() == PAGE_OFFICE and "not the same" in office.message.text()
    assert not target.exists()
    office.again.setText("rahasia-123")
    _next(wizard, PAGE_COUNTER)
    counters = wizard.counter_page.counters
    assert [counters.item(i).text().split(" ")[0] for i in range(counters.count())] == [
        "1", "2", "3", "4", "5", "6"]
    counters.setCurrentRow(4)
    _next(wizard, PAGE_READY)
    summary = wizard.ready_page.summary.text()
    assert "Counter: 5" in summary and str(target) in summary and "kepala" in summary
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted
    saved = pc_config.load(config_file)
    assert saved == PcConfig("counter", DatabaseChoice(kind="sqlite", path=str(target)))
    assert pc.counter == 5 and pc.language == "en"
    assert officers.authenticate("kepala", "rahasia-123").role == "admin"


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_postgresql_wrong_password_then_right_one_new_database(
        qtbot: QtBot, pc: PcSettings, config_file: Path, english: str,
        pg_password_server: PasswordServer) -> None:
    server = replace(pg_password_server, database=new_pg_database(pg_password_server))
    wizard = _wizard(qtbot, pc, config_file)
    wizard.pc_page.set_mode("admin")
    _next(wizard, PAGE_DATABASE)
    _fill_server(wizard, server, "wrong-password")
    page = wizard.database_page
    assert page.port.value() == 5432 or server.port != 5432  # the kind's default first
    report = _test_connection(qtbot, wizard)
    assert report.problem == "connection_wrong_password"
    assert "refused user 'postgres' with this password" in page.result.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.password.setText(server.password)
    assert page.result.text() == ""  # the old answer is gone with the edit
    report = _test_connection(qtbot, wizard)
    assert report.ok and report.state == connection_check.EMPTY, page.result.text()
    assert "PostgreSQL" in page.result.text()
    _next(wizard, PAGE_OFFICE)
    _fill_admin(wizard)
    _next(wizard, PAGE_READY)  # a supervisor's PC picks no counter
    assert "PostgreSQL postgres@127.0.0.1" in wizard.ready_page.summary.text()
    assert "readable only by this user" in wizard.ready_page.summary.text()  # no keyring here
    wizard.accept()
    saved = pc_config.load(config_file)
    assert saved is not None and saved.mode == "admin"
    assert saved.database.password == server.password
    assert saved.password_store == pc_config.STORE_FILE
    if os.name == "posix":
        assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    # The new database got its schema, the standard office and the first admin.
    after = connection_check.check(saved.database)
    assert after.state == connection_check.CURRENT and after.has_admin
    assert len(after.counters) == 6
    assert dbmod.backend_of(dbmod.database) == "postgresql"


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_mariadb_connection_and_an_existing_office(
        qtbot: QtBot, pc: PcSettings, config_file: Path, english: str,
        mysql_password_server: PasswordServer) -> None:
    empty_mysql(mysql_password_server)
    choice = DatabaseChoice(kind="mysql", host=mysql_password_server.host,
                            port=mysql_password_server.port,
                            name=mysql_password_server.database,
                            user=mysql_password_server.user,
                            password=mysql_password_server.password)
    connection_check.prepare(choice, admin=connection_check.FirstAdmin("admin", "admin-123!"),
                             standard_office=True)  # another PC set the office up already
    wizard = _wizard(qtbot, pc, config_file)
    _next(wizard, PAGE_DATABASE)
    _fill_server(wizard, mysql_password_server, mysql_password_server.password)
    assert wizard.database_page.port.value() == mysql_password_server.port
    report = _test_connection(qtbot, wizard)
    assert report.ok and report.state == connection_check.CURRENT, report.message("en")
    assert "MariaDB" in wizard.database_page.result.text()
    _next(wizard, PAGE_COUNTER)  # an office with an admin: no new-office page
    wizard.counter_page.counters.setCurrentRow(2)
    _next(wizard, PAGE_READY)
    wizard.accept()
    saved = pc_config.load(config_file)
    assert saved is not None and saved.database == choice and pc.counter == 3


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_database_loket_cannot_use_keeps_next_disabled(
        qtbot: QtBot, pc: PcSettings, config_file: Path, tmp_path: Path, english: str) -> None:
    junk = tmp_path / "letter.sqlite3"
    junk.write_bytes(b"Dear sir, " * 500)
    wizard = _wizard(qtbot, pc, config_file)
    _next(wizard, PAGE_DATABASE)
    wizard.database_page.path.setText(str(junk))
    report = _test_connection(qtbot, wizard)
    assert report.problem == "connection_sqlite_unusable"
    assert str(junk) in wizard.database_page.result.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()
    assert not config_file.exists() and junk.read_bytes().startswith(b"Dear sir")


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_pc_settings_later_open_filled_in(
        qtbot: QtBot, pc: PcSettings, config_file: Path, tmp_path: Path, english: str) -> None:
    initial = PcConfig("kiosk", DatabaseChoice(kind="mysql", host="192.168.10.5", port=3307,
                                               name="loket", user="kios", password="pw"))
    wizard = _wizard(qtbot, pc, config_file, initial)
    assert wizard.windowTitle() == "PC settings"
    assert wizard.mode() == "kiosk"
    page = wizard.database_page
    assert page.server.isChecked() and page.kind.currentData() == "mysql"
    assert (page.host.text(), page.port.value(), page.user.text(), page.password.text()) == (
        "192.168.10.5", 3307, "kios", "pw")


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_the_wizard_speaks_the_language_chosen_on_its_first_page(
        qtbot: QtBot, pc: PcSettings, config_file: Path, english: str) -> None:
    wizard = _wizard(qtbot, pc, config_file)
    assert wizard.pc_page.title() == "Welcome to Loket"
    combo = wizard.pc_page.language
    combo.setCurrentIndex(combo.findData("id"))
    assert wizard.pc_page.title() == "Selamat datang di Loket"
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Lanjut >"
    wizard.next()
    assert wizard.database_page.test_button.text() == "Uji sambungan"
    combo.setCurrentIndex(combo.findData("en"))
    assert QApplication.translate("DatabasePage", "Test connection") == "Test connection"


@pytest.mark.parametrize("mode", ["kiosk", "display"])
@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_kiosk_gets_its_printer_and_a_display_its_voice(
        qtbot: QtBot, pc: PcSettings, config_file: Path, tmp_path: Path, english: str,
        mode: str) -> None:
    local = DatabaseChoice(kind="sqlite", path=str(tmp_path / "office.sqlite3"))
    connection_check.prepare(local, admin=connection_check.FirstAdmin("admin", "admin-123!"))
    pc.paper_width_mm = 80
    wizard = _wizard(qtbot, pc, config_file)
    wizard.pc_page.set_mode(mode)
    _next(wizard, PAGE_DATABASE)
    wizard.database_page.path.setText(local.path)
    _next(wizard, PAGE_DEVICE)
    device = wizard.device_page
    assert device.printer.isVisible() == (mode == "kiosk")
    assert device.english.isVisible() == (mode == "display")
    if mode == "kiosk":
        assert device.printer_name() == ""  # nothing chosen: the ticket on screen
        device.printer.setCurrentText(f"pdf:{tmp_path / 'tickets'}")
        device.paper.setCurrentIndex(device.paper.findData(58))
    else:
        device.english.setChecked(True)
    _next(wizard, PAGE_READY)
    summary = wizard.ready_page.summary.text()
    assert ("58 mm" in summary) if mode == "kiosk" else ("English" in summary)
    wizard.accept()
    if mode == "kiosk":
        assert pc.printer == f"pdf:{tmp_path / 'tickets'}" and pc.paper_width_mm == 58
    else:
        assert pc.speak_english
    saved = pc_config.load(config_file)
    assert saved is not None and saved.mode == mode


def _alive(widget: object) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_closing_the_wizard_while_a_test_runs_is_harmless(
        qtbot: QtBot, pc: PcSettings, config_file: Path, english: str) -> None:
    """A server that accepts and never answers keeps the test busy for seconds; the
    officer closes the wizard meanwhile. The late answer goes nowhere, nothing breaks."""
    import socket
    import threading

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        wizard = SetupWizard(pc, config_file=config_file)  # deleted by the test itself
        wizard.show()
        _next(wizard, PAGE_DATABASE)
        page = wizard.database_page
        page.server.setChecked(True)
        page.host.setText("127.0.0.1")
        page.port.setValue(listener.getsockname()[1])
        page.test_connection()
        assert not page.test_button.isEnabled()
        worker_thread = wizard.worker._thread  # the test runs there
        answered = threading.Event()
        threading.Thread(target=lambda: (worker_thread.join(), answered.set()),
                         daemon=True).start()
        wizard.reject()
        wizard.deleteLater()
        qtbot.waitUntil(lambda: not _alive(page), timeout=5000)
        qtbot.waitUntil(answered.is_set, timeout=TEST_TIMEOUT_MS)  # the thread finished
    assert not config_file.exists()
