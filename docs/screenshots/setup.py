"""The set-up wizard as an IT officer uses it, against real databases: a wrong password
on the machine's MariaDB (127.0.0.1:3306, root), then "this PC only" on a new SQLite
file, which the wizard sets up as a new office; then a running PC's settings (an admin
signs in first) and the dialog a counter PC shows when its server is down."""

from __future__ import annotations

import socket

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import LoketError
from app.office import officers
from app.setup import pc_config
from docs.screenshots.stage import Stage, close, wait_until
from ui.setup import first_run
from ui.setup.wizard import SetupWizard


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _test_connection(wizard: SetupWizard) -> None:
    page = wizard.database_page
    page.test_connection()
    wait_until(page.test_button.isEnabled, "the connection test's answer")


def _wizard(stage: Stage) -> None:
    wizard = SetupWizard(stage.pc())
    wizard.show()
    stage.shot("setup-1-this-pc", wizard, centred=True)

    wizard.next()
    page = wizard.database_page
    page.server.setChecked(True)
    page.kind.setCurrentIndex(page.kind.findData("mysql"))
    page.host.setText("127.0.0.1")
    page.name.setText("loket")
    page.user.setText("root")
    page.password.setText("salah-sandi")
    _test_connection(wizard)
    stage.shot("setup-2-wrong-password", wizard, centred=True)

    page.local.setChecked(True)
    page.path.setText(str(stage.tmp / "kantor" / "loket.sqlite3"))
    _test_connection(wizard)
    stage.shot("setup-3-this-pc-only", wizard, centred=True)

    wizard.next()
    office = wizard.office_page
    office.office_name.setText("Kantor Imigrasi Kelas I TPI Tangerang")
    office.username.setText("kepala")
    office.full_name.setText("Kepala Seksi Lalu Lintas")
    office.password.setText("rahasia-123")
    office.again.setText("rahasia-123")
    stage.shot("setup-4-new-office", wizard, centred=True)

    wizard.next()  # the database is set up on the wizard's worker, then Next goes on
    wait_until(lambda: wizard.currentPage() is not office, "the new office")
    wizard.counter_page.counters.setCurrentRow(4)
    stage.shot("setup-5-counter", wizard, centred=True)

    wizard.next()
    stage.shot("setup-6-ready", wizard, centred=True)
    close(wizard)


def run(stage: Stage) -> None:
    _wizard(stage)

    # A running PC's settings: an admin signs in first. Here an officer tries, for real,
    # on the office the wizard set up.
    officers.add_officer("petugas1", "petugas-123")
    check = first_run.AdminCheck(counter=5)
    check.username.setText("petugas1")
    check.password.setText("petugas-123")
    check.show()
    check.check()
    wait_until(lambda: not check.busy, "the sign-in's answer")
    stage.shot("setup-admin-check", check, centred=True)
    check.reject()

    # A counter PC whose server is not running (nothing listens on that port).
    config = pc_config.PcConfig("counter", pc_config.DatabaseChoice(
        kind="postgresql", host="127.0.0.1", port=_free_port(), name="loket", user="loket",
        password="pw"))
    try:
        first_run.open_database(config.database.url(), config)
    except LoketError as exc:
        text = exc.message()
    else:
        raise RuntimeError("the database was reachable after all")

    def shoot_dialog() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        stage.shot("setup-server-down", box, centred=True)
        box.reject()

    QTimer.singleShot(300, shoot_dialog)
    # The dialog runs its own event loop until it is closed.
    first_run.ask_after_failure(text, first_run.retry_after_ms(1))
