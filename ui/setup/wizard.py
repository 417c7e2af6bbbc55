"""The set-up of one PC: what it is, which database it opens, which counter it is.

Shown at the first start on a PC (no ``loket.ini`` yet), by ``loket setup``,
and from a window's "PC settings" — the same dialog each time, filled in with
what the PC has. The pages:

1. **This PC** — the language of the set-up and the PC's mode;
2. **Database** — "this PC only" (a SQLite file, the path shown) or "shared
   server" (PostgreSQL or MariaDB) with **Test connection**, which runs on a
   thread of its own and says what is wrong in plain words;
3. **New office** — only for a database without Loket's schema or without an
   admin: the office's name, the standard queues and counters, the first admin;
4. **Counter** — only for a counter PC: which counter it is;
5. **Printer** or **Voice** — for a kiosk its ticket printer and paper, for a lobby
   display whether calls are repeated in English;
6. **Ready** — what will be saved, and where the password goes.

The wizard decides nothing itself: :mod:`app.setup.connection_check` tests and
prepares databases, :mod:`app.setup.pc_config` stores the result.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidgetItem,
    QWidget,
    QWizard,
)

from app.errors import LoketError
from app.messages import current_language
from app.setup import connection_check, pc_config
from app.setup.connection_check import ConnectionReport, FirstAdmin
from app.setup.pc_config import DatabaseChoice, PcConfig
from app.setup.pc_settings import PcSettings
from ui.kit.application import load_icon
from ui.kit.i18n import install_language
from ui.kit.operation import Operation, error_sentence
from ui.kit.worker import DbWorker
from ui.setup.pc_settings import printer_names
from ui.setup.wizard_view import (
    NOTE_STYLE,
    OK_STYLE,
    PROBLEM_STYLE,
    CounterPageView,
    DatabasePageView,
    DevicePageView,
    OfficePageView,
    PcPageView,
    ReadyPageView,
)

log = logging.getLogger("loket.ui.setup")

PAGE_PC, PAGE_DATABASE, PAGE_OFFICE, PAGE_COUNTER, PAGE_DEVICE, PAGE_READY = range(6)


class PcPage(PcPageView):
    """Language of the set-up, and the mode of this PC."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.set_mode(wizard.initial.mode if wizard.initial else "counter")
        self._connect_callbacks()
        self.retranslate()

    def _connect_callbacks(self) -> None:
        self.language.currentIndexChanged.connect(self._language_changed)
        self.modes.buttonToggled.connect(lambda *_: self.completeChanged.emit())

    def mode(self) -> str:
        for mode, button in self._mode_buttons.items():
            if button.isChecked():
                return mode
        return "counter"

    def set_mode(self, mode: str) -> None:
        self._mode_buttons.get(mode, self._mode_buttons["counter"]).setChecked(True)

    def _language_changed(self) -> None:
        lang = str(self.language.currentData())
        install_language(lang)
        self._wizard.pc.language = lang

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Loket"))
        self.setSubTitle(self.tr("Set up this PC in a few steps. First: what is this PC for?"))
        self._language_label.setText(self.tr("Language:"))
        texts = {
            "counter": (self.tr("Counter"),
                        self.tr("An officer's desk: call numbers, serve applicants, scan "
                                "pickup slips and hand over passports.")),
            "display": (self.tr("Lobby display"),
                        self.tr("The TV in the waiting hall: who is served where; numbers "
                                "are called aloud.")),
            "kiosk": (self.tr("Ticket kiosk"),
                      self.tr("The touch screen with the ticket printer: applicants take a "
                              "number or check in for a passport pickup.")),
            "admin": (self.tr("Supervisor"),
                      self.tr("Officers, counters, queues, office settings, the backlog "
                              "list, reports, the audit log and backups.")),
        }
        for mode, (title, note) in texts.items():
            self._mode_buttons[mode].setText(title)
            self._mode_notes[mode].setText(note)


class DatabasePage(DatabasePageView):
    """This PC only (SQLite) or a shared server, with Test connection."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.report: ConnectionReport | None = None
        self._tested: DatabaseChoice | None = None
        self._testing = False
        self._fill(wizard.initial.database if wizard.initial else DatabaseChoice())
        self._connect_callbacks()
        self._where_changed()
        self.retranslate()

    def _fill(self, initial: DatabaseChoice) -> None:
        """The fields as this PC has them (a new PC: a file in the usual place)."""
        self.path.setText(initial.path or pc_config.default_sqlite_path())
        self.host.setText(initial.host)
        self.name.setText(initial.name or "loket")
        self.user.setText(initial.user or "loket")
        self.password.setText(initial.password)
        if initial.is_server:
            self.kind.setCurrentIndex(max(0, self.kind.findData(initial.kind)))
        self.port.setValue(initial.port or pc_config.DEFAULT_PORTS[str(self.kind.currentData())])
        (self.server if initial.is_server else self.local).setChecked(True)

    def _connect_callbacks(self) -> None:
        self._browse.clicked.connect(self._choose_file)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.test_button.clicked.connect(self.test_connection)
        self._where.buttonToggled.connect(self._where_changed)
        for edit in (self.path, self.host, self.name, self.user, self.password):
            edit.textChanged.connect(self._edited)
        self.port.valueChanged.connect(self._edited)

    # --- what is asked --------------------------------------------------------------------

    def choice(self) -> DatabaseChoice:
        if self.local.isChecked():
            return DatabaseChoice(kind="sqlite", path=self.path.text().strip())
        return DatabaseChoice(kind=str(self.kind.currentData()), host=self.host.text().strip(),
                              port=self.port.value(), name=self.name.text().strip(),
                              user=self.user.text().strip(), password=self.password.text())

    def _kind_changed(self) -> None:
        if self.port.value() in pc_config.DEFAULT_PORTS.values():
            self.port.setValue(pc_config.DEFAULT_PORTS[str(self.kind.currentData())])
        self._edited()

    def _where_changed(self) -> None:
        server = self.server.isChecked()
        self._server_box.setEnabled(server)
        self._local_box.setEnabled(not server)
        self._edited()

    def _edited(self) -> None:
        """Any change makes the last test stale: it has to be run again. A file on this
        PC is tested at once (it takes a moment); a server on the button."""
        if self._tested is not None and self._tested != self.choice():
            self._tested = None
            self.report = None
            self.result.clear()
        if self.local.isChecked() and not self._testing and self.path.text().strip():
            self.refresh_report()
        self.completeChanged.emit()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), self.path.text(),
            self.tr("SQLite database (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path.setText(path)

    # --- Test connection ------------------------------------------------------------------

    def test_connection(self) -> None:
        """Test the database as filled in, on the wizard's worker (a dead host takes
        seconds; a wizard closed meanwhile drops the answer)."""
        if self._testing:
            return
        choice = self.choice()
        self._testing = True
        self.test_button.setEnabled(False)
        self.result.setStyleSheet(NOTE_STYLE)
        self.result.setText(self.tr("Connecting…"))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        Operation(self._wizard.worker, lambda _ctx: connection_check.check(choice)).success(
            lambda report: self._tested_done(choice, report)).failure(
            lambda _exc: self._tested_done(choice, None)).run()

    def _tested_done(self, choice: DatabaseChoice, report: ConnectionReport | None) -> None:
        """``report`` None: the test itself failed (a bug, logged by the worker)."""
        QGuiApplication.restoreOverrideCursor()
        self._testing = False
        self.test_button.setEnabled(True)
        if report is None or choice != self.choice():  # no answer, or one about old values
            self.result.clear()
            self.completeChanged.emit()
            return
        self._tested, self.report = choice, report
        self.show_report()
        self.completeChanged.emit()

    def show_report(self) -> None:
        report = self.report
        if report is None:
            self.result.clear()
            return
        too_strong = (None if self._tested is None else connection_check.owner_login_refusal(
            report, self._tested, self._wizard.mode()))
        self.result.setStyleSheet(OK_STYLE if report.usable and too_strong is None
                                  else PROBLEM_STYLE)
        self.result.setText(report.message() + (
            "" if too_strong is None else "\n" + too_strong.message()))

    def refresh_report(self) -> None:
        """Test a file on this PC now, on this thread (it takes a moment)."""
        choice = self.choice()
        self.set_report(choice, connection_check.check(choice))

    def set_report(self, choice: DatabaseChoice, report: ConnectionReport) -> None:
        self._tested, self.report = choice, report
        self.show_report()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return (not self._testing and self.report is not None and self.report.usable
                and self._tested == self.choice())

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        if self.report is not None and self.report.needs_setup:
            return PAGE_OFFICE
        return self._wizard.page_after_database()

    # --- words --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Database"))
        self.setSubTitle(self.tr("Where Loket keeps tickets, passports and officers. Every "
                                 "PC of the office must use the same database."))
        self.local.setText(self.tr("This PC only"))
        self._local_note.setText(self.tr(
            "A database file on this PC, for an office with a single PC. Never put it on a "
            "network share for several counters."))
        self._browse.setText(self.tr("Choose…"))
        self.server.setText(self.tr("Shared server (PostgreSQL or MariaDB)"))
        for label, text in zip(self._labels, (self.tr("Server:"), self.tr("Host:"),
                                              self.tr("Port:"), self.tr("Database:"),
                                              self.tr("User:")), strict=True):
            label.setText(text)
        self._password_label.setText(self.tr("Password:"))
        if pc_config.keyring_available():
            self._password_note.setText(self.tr(
                "The password is kept in this computer's password store, not in a file."))
        else:
            self._password_note.setText(self.tr(
                "This computer has no password store: the password is kept in Loket's "
                "settings file, readable only by this user account."))
        self.test_button.setText(self.tr("Test connection"))
        overridden = os.environ.get("LOKET_DB")
        self._env_note.setVisible(bool(overridden))
        self._env_note.setText(self.tr(
            "Note: LOKET_DB is set on this PC; while it is, it is used instead of what is "
            "chosen here."))
        self.show_report()


class OfficePage(OfficePageView):
    """A new database: the office's name, the standard queues and counters, the first admin."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._preparing = False
        self._prepared_for: DatabaseChoice | None = None
        self._connect_callbacks()
        self.retranslate()

    def _connect_callbacks(self) -> None:
        for edit in (self.username, self.password, self.again):
            edit.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        report = self._wizard.database_page.report
        new = report is not None and report.state == connection_check.EMPTY
        self._office_box.setVisible(new)
        self.message.clear()
        self.retranslate()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(not self._preparing and self.username.text().strip()
                    and self.password.text() and self.again.text())

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """Next sets the database up on the wizard's worker (a server may take seconds)
        and moves on when it is done; on a problem the page says so and stays."""
        page = self._wizard.database_page
        choice = page.choice()
        if self._prepared_for == choice:
            return True  # set up by the job below, which pressed Next again
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("The two passwords are not the same."))
            return False
        report = page.report
        new = report is not None and report.state == connection_check.EMPTY
        office_name = self.office_name.text().strip() if new else None
        admin = FirstAdmin(self.username.text().strip(), self.password.text(),
                           self.full_name.text().strip())
        standard = new and self.standard.isChecked()

        def work() -> tuple[connection_check.PreparedOffice, ConnectionReport]:
            prepared = connection_check.prepare(choice, office_name=office_name, admin=admin,
                                                standard_office=standard)
            return prepared, connection_check.check(choice)

        self._preparing = True
        self.message.clear()
        self.completeChanged.emit()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        Operation(self._wizard.worker, lambda _ctx: work()).success(
            lambda done: self._prepared(choice, *done)).failure(self._not_prepared).run()
        return False

    def _prepared(self, choice: DatabaseChoice, prepared: connection_check.PreparedOffice,
                  report: ConnectionReport) -> None:
        self._end_preparing()
        self._wizard.database_page.set_report(choice, report)
        self._wizard.prepared, self._prepared_for = prepared, choice
        self.password.clear()
        self.again.clear()
        self._wizard.next()

    def _not_prepared(self, exc: Exception) -> None:
        self._end_preparing()
        # Other errors are bugs: the worker has logged them with their traceback.
        self.message.setText(error_sentence(exc))

    def _end_preparing(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._preparing = False
        self.completeChanged.emit()

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        return self._wizard.page_after_database()

    def retranslate(self) -> None:
        self.setTitle(self.tr("New office database"))
        self.setSubTitle(self.tr("This database has no Loket office yet. Loket sets it up "
                                 "now and creates the first administrator."))
        self._office_label.setText(self.tr("Office name:"))
        self.office_name.setPlaceholderText(self.tr("Kantor Imigrasi …"))
        self.standard.setText(self.tr("Start with the usual queues and counters"))
        self._standard_note.setText(self.tr(
            "Those of an immigration office: A passport applications, P priority, B delayed "
            "pickup, C pickup, W foreigners; counters 1–6. The supervisor can change them "
            "later."))
        self._admin_note.setText(self.tr(
            "The first administrator signs in to the supervisor's window to add officers. "
            "Keep the password safe."))
        for label, text in zip(self._labels, (self.tr("Username:"), self.tr("Full name:"),
                                              self.tr("Password:"), self.tr("Password again:")),
                               strict=True):
            label.setText(text)


class CounterPage(CounterPageView):
    """Which counter this PC is: one of the database's counters, or a number."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.counters.itemSelectionChanged.connect(self.completeChanged)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        report = self._wizard.database_page.report
        known = report.counters if report else ()
        self.counters.clear()
        chosen = self._wizard.pc.counter
        for number, name in known:
            item = QListWidgetItem(f"{number} — {name}", self.counters)
            item.setData(Qt.ItemDataRole.UserRole, number)
            if number == chosen:
                self.counters.setCurrentItem(item)
        if known and self.counters.currentItem() is None:
            self.counters.setCurrentRow(0)
        self.counters.setVisible(bool(known))
        self.number.setVisible(not known)
        self._number_label.setVisible(not known)
        if chosen:
            self.number.setValue(chosen)
        self.retranslate()

    def counter(self) -> int:
        item = self.counters.currentItem()
        if self.counters.isVisible() or self.counters.count():
            return int(item.data(Qt.ItemDataRole.UserRole)) if item else 0
        return self.number.value()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.counter() > 0

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        return PAGE_READY

    def retranslate(self) -> None:
        self.setTitle(self.tr("Counter"))
        self.setSubTitle(self.tr("Which counter is this PC? Its number is shown on the lobby "
                                 "display when it calls."))
        self._number_label.setText(self.tr("Counter number:"))
        known = bool(self.counters.count())
        self._note.setText(
            self.tr("Choose this desk's counter.") if known else
            self.tr("This database has no counters yet. The supervisor adds them in the "
                    "supervisor's window (Counters); until then this PC cannot call."))


class DevicePage(DevicePageView):
    """A kiosk's ticket printer and paper; a display's second (English) call."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        pc = wizard.pc
        for name in printer_names():
            self.printer.addItem(name, name)
        if pc.printer:
            self.printer.setCurrentText(pc.printer)
        self.paper.setCurrentIndex(max(0, self.paper.findData(pc.paper_width_mm)))
        self.english.setChecked(pc.speak_english)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        kiosk = self._wizard.mode() == "kiosk"
        self._kiosk_box.setVisible(kiosk)
        self._display_box.setVisible(not kiosk)
        self.retranslate()

    def printer_name(self) -> str:
        """The printer chosen; "" for the ticket on screen."""
        text = self.printer.currentText().strip()
        return "" if text == self.printer.itemText(0) else text

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        return PAGE_READY

    def retranslate(self) -> None:
        kiosk = self._wizard.mode() == "kiosk"
        self.setTitle(self.tr("Ticket printer") if kiosk else self.tr("Calls"))
        self.setSubTitle(self.tr("The printer the kiosk prints numbers on.") if kiosk else
                         self.tr("How the lobby display calls numbers aloud."))
        self._printer_label.setText(self.tr("Printer:"))
        self._paper_label.setText(self.tr("Paper width:"))
        self.printer.setItemText(0, self.tr("(none: show the ticket on screen)"))
        self._printer_note.setText(self.tr(
            "The printers this PC knows are listed; a thermal ticket printer is usually "
            "80 mm, small ones 58 mm. pdf:FOLDER writes each ticket as a PDF file."))
        self.english.setText(self.tr("Repeat every call in English"))
        self._english_note.setText(self.tr(
            "Each number is called in Bahasa Indonesia; with this, once more in English "
            "(for offices with many foreign applicants)."))


class ReadyPage(ReadyPageView):
    """What will be saved on this PC."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Loket saves this on this PC and starts."))
        wizard = self._wizard
        modes = {"counter": self.tr("Counter"), "display": self.tr("Lobby display"),
                 "kiosk": self.tr("Ticket kiosk"), "admin": self.tr("Supervisor")}
        choice = wizard.database_page.choice()
        lines = [self.tr("This PC: %1").replace("%1", modes[wizard.mode()])]
        if wizard.mode() == "counter":
            lines.append(self.tr("Counter: %1").replace("%1",
                                                        str(wizard.counter_page.counter())))
        if wizard.mode() == "kiosk":
            printer = wizard.device_page.printer_name()
            lines.append(self.tr("Printer: %1, %2 mm").replace(
                "%1", printer or self.tr("none (ticket on screen)")).replace(
                "%2", str(wizard.device_page.paper.currentData())))
        if wizard.mode() == "display":
            lines.append(self.tr("Calls: in Bahasa Indonesia and English")
                         if wizard.device_page.english.isChecked()
                         else self.tr("Calls: in Bahasa Indonesia"))
        lines.append(self.tr("Database: %1").replace("%1", choice.describe()))
        if choice.is_server and choice.password:
            lines.append(self.tr("Password: in this computer's password store")
                         if pc_config.keyring_available() else
                         self.tr("Password: in the settings file, readable only by this user"))
        if wizard.prepared is not None and wizard.prepared.admin_created:
            lines.append(self.tr("Administrator created: %1").replace(
                "%1", wizard.prepared.admin_created))
        lines.append(self.tr("Settings file: %1").replace("%1", str(wizard.config_file)))
        lines.append("")
        lines.append(self.tr("To change this later: \"PC settings\" on the sign-in screen, "
                             "Ctrl+Shift+S on the display and the kiosk, or the command "
                             "loket setup."))
        self.summary.setText("\n".join(lines))


class SetupWizard(QWizard):
    """The PC's set-up; :attr:`saved` holds what was saved after Finish."""

    def __init__(self, pc: PcSettings, initial: PcConfig | None = None, *,
                 config_file: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.pc = pc
        self.initial = initial
        self.config_file = config_file or pc_config.config_path()
        self.prepared: connection_check.PreparedOffice | None = None
        self.saved: PcConfig | None = None
        # Test connection and setting a database up run here, never on the GUI thread.
        self.worker = DbWorker(self)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, load_icon("loket").pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.pc_page = PcPage(self)
        self.database_page = DatabasePage(self)
        self.office_page = OfficePage(self)
        self.counter_page = CounterPage(self)
        self.device_page = DevicePage(self)
        self.ready_page = ReadyPage(self)
        for page_id, page in ((PAGE_PC, self.pc_page), (PAGE_DATABASE, self.database_page),
                              (PAGE_OFFICE, self.office_page), (PAGE_COUNTER, self.counter_page),
                              (PAGE_DEVICE, self.device_page), (PAGE_READY, self.ready_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_PC)
        self.resize(760, 600)
        self.retranslate()

    def mode(self) -> str:
        return self.pc_page.mode()

    def page_after_database(self) -> int:
        """The counter's number, the kiosk's printer or the display's voice; else Ready."""
        return {"counter": PAGE_COUNTER, "kiosk": PAGE_DEVICE,
                "display": PAGE_DEVICE}.get(self.mode(), PAGE_READY)

    def accept(self) -> None:
        """Finish: save this PC's configuration, then close."""
        choice = self.database_page.choice()
        try:
            self.saved = pc_config.save(PcConfig(mode=self.mode(), database=choice),
                                        self.config_file)
        except OSError as exc:
            self.ready_page.summary.setText(
                self.tr("The settings could not be saved: %1").replace(
                    "%1", exc.strerror or str(exc)))
            return
        if self.mode() == "counter" and self.counter_page.counter() > 0:
            self.pc.counter = self.counter_page.counter()
        elif self.mode() == "kiosk":
            self.pc.printer = self.device_page.printer_name() or None
            self.pc.paper_width_mm = int(self.device_page.paper.currentData())
        elif self.mode() == "display":
            self.pc.speak_english = self.device_page.english.isChecked()
        self.pc.language = str(self.pc_page.language.currentData())
        super().accept()

    def done(self, result: int) -> None:
        """Closing, by Finish or Cancel: a test still running finishes alone, unheard."""
        self.worker.shutdown(timeout_ms=0)
        super().done(result)

    def retranslate(self) -> None:
        title = self.tr("Loket set-up") if self.initial is None else self.tr("PC settings")
        self.setWindowTitle(title)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save and start"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def current_config() -> PcConfig | None:
    """This PC's configuration to fill the wizard in with (None: none, or unreadable)."""
    try:
        return pc_config.load(need_password=False)
    except LoketError as exc:
        log.warning("this PC's configuration is not usable: %s", exc)
        return None
