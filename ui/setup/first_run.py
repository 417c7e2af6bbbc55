"""How a PC's Loket starts: its set-up where needed, its database, then its mode.

``loket`` (no command), ``loket setup`` and every window mode come here:

* on a PC never set up (no ``loket.ini``) the set-up wizard comes first
  (:mod:`ui.setup.wizard`) — for ``loket`` alone always; for a window asked for
  by name only without ``--db``/``LOKET_DB`` and without the per-user SQLite file
  (a PC that ran ``loket init-db`` or ``loket demo`` opens its windows as before);
* the database is opened and, on a new version of Loket, migrated once (the
  first PC does it, under a server-side lock). When that fails — the server is
  down, the password was changed, the schema is newer — a dialog says so in one
  sentence and offers *Try again*, *PC settings* and *Quit*, instead of a window
  that cannot work (a shortcut on a desktop has no console to print into);
* a window's "PC settings" (:mod:`ui.kit.settings_request`) closes the windows, asks for
  an admin's sign-in (:class:`AdminCheck`; a kiosk has a keyboard port and a counter
  an officer who is not the IT officer), opens the same wizard filled in with this
  PC's settings, and starts again with what was saved (or as before, when either
  was cancelled). From the start-up dialog, or when the sign-in finds the database
  gone — no one could sign in then — the wizard opens at once.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from app.errors import DatabaseUnavailable, LoketError
from app.office import admin, settings
from app.office.officers import LoginThrottle, OfficerView
from app.setup import connection_check, pc_config
from app.setup.pc_config import resolve_database_url
from app.setup.pc_settings import PcSettings
from app.storage import migrations
from app.storage.db import connect, redact_url
from ui import launch
from ui.kit import lifecycle, settings_request
from ui.kit.application import create_application
from ui.kit.i18n import install_language
from ui.kit.operation import Operation, error_sentence
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.start")

RETRY, SETTINGS, QUIT = "retry", "settings", "quit"
# Waits before the start-up tries the database again by itself: a lobby TV or a
# kiosk has nobody to press "Try again", and a server back after a power cut should
# find every PC coming back on its own. The last one repeats.
RETRY_AFTER_MS = (2_000, 5_000, 10_000, 20_000, 30_000)


def retry_after_ms(failures: int) -> int:
    """How long to wait after the ``failures``-th failure in a row (1, 2, …)."""
    return RETRY_AFTER_MS[min(failures, len(RETRY_AFTER_MS)) - 1]


def run_wizard(pc: PcSettings, *, first: bool) -> pc_config.PcConfig | None:
    """The set-up wizard, filled in with this PC's settings; what was saved, or None."""
    from ui.setup.wizard import SetupWizard, current_config

    wizard = SetupWizard(pc, None if first else current_config())
    wizard.show()
    wizard.raise_()
    wizard.activateWindow()
    wizard.exec()
    saved = wizard.saved
    wizard.deleteLater()
    return saved


class AdminCheck(QDialog):
    """An admin signs in before a running PC's settings open (the database is up)."""

    def __init__(self, counter: int | None) -> None:
        super().__init__()
        self.setObjectName("pc_settings_admin")
        self.setWindowTitle(QCoreApplication.translate("first_run", "PC settings"))
        self._counter = counter
        self.officer: OfficerView | None = None
        self.database_down = False
        self.username = QLineEdit(self)
        self.username.setObjectName("admin_check_username")
        self.password = QLineEdit(self)
        self.password.setObjectName("admin_check_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = PlainLabel(self)
        self.message.setObjectName("admin_check_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        intro = PlainLabel(QCoreApplication.translate(
            "first_run", "This PC's database, mode and counter are changed by an admin. "
                         "Sign in as an admin:"), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("first_run", "Username:"), self.username)
        form.addRow(QCoreApplication.translate("first_run", "Password:"), self.password)
        self._worker = DbWorker(self)
        buttons = self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("first_run", "Open PC settings"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("first_run", "Cancel"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(460, 220)

    @property
    def busy(self) -> bool:
        return self._worker.busy

    def check(self) -> None:
        """Sign in on the dialog's worker (argon2, and a database that may not answer)."""
        if self._worker.busy:
            return
        username, password = self.username.text(), self.password.text()
        self._buttons.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        Operation(self._worker, lambda _ctx: admin.open_pc_settings(
            username, password, self._counter, _throttle)).success(
            self._signed_in).failure(self._refused).run()

    def _signed_in(self, officer: OfficerView) -> None:
        self._end_check()
        self.officer = officer
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._end_check()
        if isinstance(exc, DatabaseUnavailable):
            # Nobody can sign in while the database is away, and re-pointing the PC is
            # then what is needed: as from the start-up dialog, the set-up opens.
            log.warning("PC settings opened without a sign-in: %s", exc)
            self.database_down = True
            self.accept()
            return
        self.password.clear()
        self.message.setText(error_sentence(exc, act=False))

    def _end_check(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._buttons.setEnabled(True)

    def done(self, result: int) -> None:
        self._worker.shutdown(timeout_ms=0)
        super().done(result)


_throttle = LoginThrottle()


def admin_allows_settings(pc: PcSettings, mode: str) -> bool:
    """Whether an admin signed in for this PC's settings (see :class:`AdminCheck`)."""
    check = AdminCheck(pc.counter if mode == "counter" else None)
    check.exec()
    allowed = check.officer is not None or check.database_down
    check.deleteLater()
    return allowed


def ask_after_failure(text: str, retry_in_ms: int) -> str:
    """The database could not be opened: try again, change the settings, or quit.

    Without an answer it tries again by itself after ``retry_in_ms`` (shown counting
    down), so a PC nobody stands at recovers when the server does.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, "Loket", text)
    box.setObjectName("start_problem")
    retry = box.addButton(QCoreApplication.translate("first_run", "Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    settings = box.addButton(QCoreApplication.translate("first_run", "PC settings"),
                             QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("first_run", "Quit"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    left = [max(0, retry_in_ms)]
    tick_ms = min(1000, left[0]) or 1

    def countdown() -> None:
        if left[0] <= 0:
            ticker.stop()
            retry.click()
            return
        box.setInformativeText(QCoreApplication.translate(
            "first_run", "Loket tries again by itself in {seconds} s.").format(
            seconds=max(1, round(left[0] / 1000))))
        left[0] -= tick_ms

    ticker = QTimer(box)
    ticker.setInterval(tick_ms)
    ticker.timeout.connect(countdown)
    countdown()
    ticker.start()
    box.exec()
    ticker.stop()
    clicked = box.clickedButton()
    return RETRY if clicked is retry else SETTINGS if clicked is settings else QUIT


def open_database(url: str | None, config: pc_config.PcConfig | None = None) -> None:
    """Connect (``url``, else this PC's configured database) and bring the schema up to
    date; raises :class:`LoketError` in plain words — for a configured server, the
    words of Test connection (what to check), not the driver's."""
    url = url or resolve_database_url()
    log.info("database %s", redact_url(url))
    try:
        db = connect(url)
    except DatabaseUnavailable as exc:
        if config is None or not config.database.is_server or exc.__cause__ is None:
            raise
        report = connection_check.explain(exc.__cause__, config.database)
        if report.problem == "connection_failed":
            raise
        raise DatabaseUnavailable(str(report.problem), **report.params) from exc
    settings.invalidate_cache()  # this run may have used another database before
    migrations.ensure_current(db)


def _never_set_up(mode: str | None) -> bool:
    """No loket.ini; and for a window asked for by name, not even the per-user SQLite
    file (a PC that ran ``loket init-db`` or ``loket demo`` works on that, as before)."""
    if pc_config.exists():
        return False
    return mode is None or not Path(pc_config.default_sqlite_path()).exists()


def run(mode: str | None, *, windowed: bool = False, force_setup: bool = False,
        explicit_url: str | None = None) -> int:
    """Set up where needed, open the database, run ``mode`` (else the PC's mode)."""
    settings_request.offer()
    qt_app = create_application(sys.argv)
    # The wizard and the dialogs come and go between the windows: only the mode's
    # windows, once open, end the program when the last one closes.
    qt_app.setQuitOnLastWindowClosed(False)
    # A stop signal during the set-up or a dialog ends the run too (the windows have
    # their own while they run, ui.launch).
    stopper = lifecycle.QuitOnSignals(qt_app)
    try:
        return _run(qt_app, stopper, mode, windowed=windowed, force_setup=force_setup,
                    explicit_url=explicit_url)
    finally:
        stopper.uninstall()


def _run(qt_app: QApplication, stopper: lifecycle.QuitOnSignals, mode: str | None, *,
         windowed: bool, force_setup: bool, explicit_url: str | None) -> int:
    pc = PcSettings()
    install_language(pc.language_or_default())
    # `loket` alone on a PC never set up asks what the PC is, even with LOKET_DB set.
    wizard_next = force_setup or ((explicit_url is None or mode is None)
                                  and _never_set_up(mode))
    started = False
    failures = 0  # failed openings in a row, for the wait before trying by itself
    while True:
        if wizard_next:
            wizard_next = False
            saved = run_wizard(pc, first=not pc_config.exists())
            if stopper.received is not None:
                return 0
            install_language(pc.language_or_default())
            if saved is None and not (started or pc_config.exists()):
                return 0  # cancelled before this PC was ever set up
            if saved is not None:
                explicit_url, mode = None, None  # what was just saved applies now
            elif not started and force_setup:
                return 0  # `loket setup` cancelled: nothing changed, nothing to start
        try:
            config = None if explicit_url else pc_config.load()
            open_database(explicit_url, config)
        except LoketError as exc:
            failures += 1
            answer = ask_after_failure(exc.message(), retry_after_ms(failures))
            if stopper.received is not None:
                return 0
            if answer == QUIT:
                return 3
            wizard_next = answer == SETTINGS
            continue
        failures = 0
        running = mode or (config.mode if config else "counter")
        qt_app.setQuitOnLastWindowClosed(True)
        code = launch.run(running, windowed=windowed, pc_settings=True)
        started = True
        qt_app.setQuitOnLastWindowClosed(False)
        if code != settings_request.SETTINGS_REQUESTED:
            return code
        # From a running window only with an admin's sign-in (the database answers);
        # from the start-up dialog (it does not) the set-up opens at once.
        wizard_next = admin_allows_settings(pc, running)
        if stopper.received is not None:
            return 0
