"""Take the set-up wizard's screenshots for the README (offscreen or on an X screen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_setup_screenshots.py [id|en]

Drives the wizard as an IT officer would, against real databases: a wrong password
on the machine's MariaDB (127.0.0.1:3306, root), then "this PC only" on a new SQLite
file in a temp folder, which the wizard sets up with the standard office. Saves each
page as ``docs/setup-*.png``, and the dialog a PC shows when its server is down.
Nothing outside the temp folder is touched (its own XDG folders and LOKET_CONFIG).
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from pathlib import Path

TMP = Path(tempfile.mkdtemp(prefix="loket-setup-shots-"))
for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[name] = str(TMP / name.lower())
os.environ["LOKET_CONFIG"] = str(TMP / "loket.ini")
os.environ.pop("LOKET_DB", None)

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from ui.kit.application import create_application  # noqa: E402
from ui.kit.i18n import install_language  # noqa: E402
from ui.setup.pc_settings import PcSettings  # noqa: E402
from ui.setup.wizard import SetupWizard  # noqa: E402

DOCS = Path(__file__).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(DOCS / f"setup-{name}.png"))
    print(f"docs/setup-{name}.png")


def wait_for_test(wizard: SetupWizard) -> None:
    page = wizard.database_page
    page.test_connection()
    while not page.test_button.isEnabled():
        QApplication.processEvents()


def main(lang: str) -> int:
    app = create_application(sys.argv[:1])
    install_language(lang)
    pc = PcSettings(QSettings(str(TMP / "pc.ini"), QSettings.Format.IniFormat))
    wizard = SetupWizard(pc)
    wizard.show()
    save(wizard, "1-this-pc")

    wizard.next()
    page = wizard.database_page
    page.server.setChecked(True)
    page.kind.setCurrentIndex(page.kind.findData("mysql"))
    page.host.setText("127.0.0.1")
    page.name.setText("loket")
    page.user.setText("root")
    page.password.setText("salah-sandi")
    wait_for_test(wizard)
    save(wizard, "2-wrong-password")

    page.local.setChecked(True)
    page.path.setText(str(TMP / "kantor" / "loket.sqlite3"))
    wait_for_test(wizard)
    save(wizard, "3-this-pc-only")

    wizard.next()
    office = wizard.office_page
    office.office_name.setText("Kantor Imigrasi Kelas I TPI Tangerang")
    office.username.setText("kepala")
    office.full_name.setText("Kepala Seksi Lalu Lintas")
    office.password.setText("rahasia-123")
    office.again.setText("rahasia-123")
    save(wizard, "4-new-office")

    wizard.next()  # the database is set up on the wizard's worker, then Next goes on
    while wizard.currentPage() is office:
        QApplication.processEvents()
    wizard.counter_page.counters.setCurrentRow(4)
    save(wizard, "5-counter")

    wizard.next()
    save(wizard, "6-ready")

    # A running PC's settings: an admin signs in first. Here an officer tries, for real,
    # on the office the wizard set up above.
    from app.office import officers
    from ui.setup import first_run

    officers.add_officer("petugas1", "petugas-123")
    check = first_run.AdminCheck(counter=5)
    check.username.setText("petugas1")
    check.password.setText("petugas-123")
    check.show()
    check.check()
    while check.busy:  # the sign-in runs on the dialog's worker
        QApplication.processEvents()
    save(check, "admin-check")
    check.reject()

    from app.errors import LoketError
    from app.setup import pc_config
    from ui.setup import first_run

    # A counter PC whose server is not running (nothing listens on that port).
    config = pc_config.PcConfig("counter", pc_config.DatabaseChoice(
        kind="postgresql", host="127.0.0.1", port=_free_port(), name="loket", user="loket",
        password="pw"))
    try:
        first_run.open_database(config.database.url(), config)
        raise SystemExit("the database was reachable after all")
    except LoketError as exc:
        text = exc.message()

    def shoot_dialog() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        save(box, "server-down")
        box.reject()

    QTimer.singleShot(300, shoot_dialog)
    first_run.ask_after_failure(text)

    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "id"))
