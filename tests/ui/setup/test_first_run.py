"""How a PC's Loket starts: the wizard on a new PC, its mode, "PC settings", a dead server.

These run :func:`ui.setup.first_run.run` for real — its wizard, its windows and its event
loops — and act in them from a timer, as a person would between the screens.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.setup import pc_config
from app.setup.pc_config import DatabaseChoice, PcConfig
from tests.password_servers import free_port
from ui import launch
from ui.kit import settings_request
from ui.setup import first_run
from ui.setup.wizard import SetupWizard

Step = Callable[[], bool]  # does its part and returns True once its screen was there


def _top(kind: type) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


_scripts: list[Script] = []


@pytest.fixture(autouse=True)
def _stop_scripts(qapp: QApplication) -> Iterator[None]:
    """This PC's windows speak English here; and a script left running (its test failed)
    must not end another test's event loop."""
    from app.setup.pc_settings import PcSettings

    PcSettings().language = "en"  # first_run.run reads the PC's language (in loket.ini)
    yield
    while _scripts:
        _scripts.pop().timer.stop()
    # QApplication.exit() while only a dialog's loop runs (a stop signal in the wizard,
    # a script giving up) leaves every later event loop ending at once, until the
    # application's own loop has run: the program would end there; a test goes on.
    # exit(), not quit(): Qt 6 lets a window refuse quit(), and this loop would then
    # wait forever.
    QTimer.singleShot(0, lambda: qapp.exit(0))
    qapp.exec()


class Script:
    """Runs steps one after the other from a timer, each when its screen is there.

    After the last step the timer keeps watching: a run that should have ended but
    did not (a key press that never arrived) is ended with 99 when the time is up,
    so the test fails instead of hanging.
    """

    def __init__(self, steps: list[Step], timeout_ms: int = 30_000) -> None:
        self.steps = list(steps)
        self.done: list[int] = []
        self.error: Exception | None = None
        self._in_tick = False
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._tick)
        self._ticks_left = timeout_ms // 50
        _scripts.append(self)

    def start(self) -> None:
        self.timer.start()

    def _tick(self) -> None:
        if self._in_tick:  # a step waiting for an answer lets the timer fire again
            return
        self._in_tick = True
        try:
            self._step()
        finally:
            self._in_tick = False

    def _step(self) -> None:
        self._ticks_left -= 1
        if self._ticks_left <= 0:
            # Failed, or a step never found its screen: end the run, again on every tick
            # until it returns (a wizard or a dialog may come next).
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, (QWizard, QMessageBox)):
                    widget.reject()
            QApplication.exit(99)
            return
        try:
            finished = bool(self.steps) and self.steps[0]()
        except Exception as exc:  # an assertion in a step: stop here, report it
            self.error = exc
            self._ticks_left = 0
            return
        if finished:
            self.steps.pop(0)
            self.done.append(len(self.done))


def _wizard() -> SetupWizard | None:
    found = _top(SetupWizard)
    return found if isinstance(found, SetupWizard) else None


def _tested_wizard() -> SetupWizard | None:
    """The wizard once its Test connection passed (Next is on)."""
    wizard = _wizard()
    if wizard is None or not wizard.button(QWizard.WizardButton.NextButton).isEnabled():
        return None
    return wizard


def _admin_check() -> first_run.AdminCheck | None:
    found = _top(first_run.AdminCheck)
    return found if isinstance(found, first_run.AdminCheck) else None


def _until_answered(check: first_run.AdminCheck) -> None:
    """The sign-in runs on the dialog's worker: let its answer arrive."""
    deadline = time.monotonic() + 20
    while check.busy and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _admin_signs_in(username: str, password: str) -> Step:
    """The sign-in a running PC asks for before its settings open."""
    def step() -> bool:
        check = _admin_check()
        if check is None:
            return False
        check.username.setText(username)
        check.password.setText(password)
        check.check()
        return True
    return step


def _set_up_sqlite(path: Path, mode: str) -> list[Step]:
    """The steps of a first set-up on a new SQLite file."""
    state: dict[str, bool] = {}

    def pc_page() -> bool:
        wizard = _wizard()
        if wizard is None:
            return False
        combo = wizard.pc_page.language
        combo.setCurrentIndex(combo.findData("en"))
        wizard.pc_page.set_mode(mode)
        wizard.next()
        wizard.database_page.path.setText(str(path))
        wizard.database_page.test_connection()
        return True

    def tested() -> bool:
        wizard = _tested_wizard()
        if wizard is None:
            return False
        wizard.next()  # the new-office page
        office = wizard.office_page
        office.username.setText("kepala")
        office.password.setText("rahasia-123")
        office.again.setText("rahasia-123")
        wizard.next()  # sets the database up, on the wizard's worker
        return True

    def set_up() -> bool:
        wizard = _wizard()
        if wizard is None or wizard.currentPage() is wizard.office_page:
            return False
        if mode == "counter":
            wizard.counter_page.counters.setCurrentRow(1)
            wizard.next()
        state["ready"] = wizard.currentPage() is wizard.ready_page
        wizard.accept()
        return True

    return [pc_page, tested, set_up]


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_new_pc_is_set_up_starts_its_mode_and_reopens_the_settings(
        qtbot: QtBot, tmp_path: Path, qapp: QApplication, english: str) -> None:
    from ui.counter.window import CounterWindow
    from ui.display.window import DisplayWindow

    database = tmp_path / "kantor" / "loket.sqlite3"

    def counter_open() -> bool:
        window = _top(CounterWindow)
        if window is None:
            return False
        settings = window.findChild(QWidget, "pc_settings")
        assert settings is not None and settings.isVisible()  # offered on the sign-in page
        settings.click()  # type: ignore[attr-defined]
        return True

    def settings_again() -> bool:
        wizard = _wizard()
        if wizard is None:
            return False
        assert wizard.windowTitle() == "PC settings" and wizard.mode() == "counter"
        assert wizard.database_page.path.text() == str(database)
        wizard.pc_page.set_mode("display")
        wizard.next()
        wizard.database_page.test_connection()
        return True

    def tested_again() -> bool:
        wizard = _tested_wizard()
        if wizard is None:
            return False
        wizard.next()  # an office with an admin: no new-office page; the display's voice
        assert wizard.currentPage() is wizard.device_page
        wizard.device_page.english.setChecked(True)
        wizard.next()
        assert wizard.currentPage() is wizard.ready_page
        wizard.accept()
        return True

    def display_open() -> bool:
        window = _top(DisplayWindow)
        if window is None:
            return False
        window.close()  # the last window: the program ends
        return True

    script = Script(_set_up_sqlite(database, "counter")
                    + [counter_open, _admin_signs_in("kepala", "rahasia-123"), settings_again,
                       tested_again, display_open])
    script.start()
    code = first_run.run(None, windowed=True)
    assert script.error is None and not script.steps, f"step {len(script.done)}: {script.error}"
    assert code == 0
    saved = pc_config.load()
    assert saved == PcConfig("display", DatabaseChoice(kind="sqlite", path=str(database)))


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_cancelling_the_first_set_up_starts_nothing(
        qtbot: QtBot, qapp: QApplication, english: str) -> None:
    def cancel() -> bool:
        wizard = _wizard()
        if wizard is None:
            return False
        wizard.reject()
        return True

    script = Script([cancel])
    script.start()
    assert first_run.run("counter") == 0 and not script.steps
    assert not pc_config.exists()


def test_a_pc_nobody_stands_at_tries_the_dead_server_again_by_itself(
        qtbot: QtBot, qapp: QApplication, english: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(first_run, "RETRY_AFTER_MS", (50, 100))
    port = free_port()  # nothing listens there
    pc_config.save(PcConfig("display", DatabaseChoice(
        kind="postgresql", host="127.0.0.1", port=port, name="loket", user="loket",
        password="pw")))
    asked: list[int] = []

    def unanswered() -> bool:
        box = _top(QMessageBox)
        if not isinstance(box, QMessageBox) or (asked and asked[-1] == id(box)):
            return False
        asked.append(id(box))
        return len(asked) >= 3  # asked three times, nobody pressed anything

    def quit_now() -> bool:
        box = _top(QMessageBox)
        if not isinstance(box, QMessageBox):
            return False
        assert "tries again by itself" in box.informativeText()
        (button,) = [b for b in box.buttons() if b.text() == "Quit"]
        button.click()
        return True

    script = Script([unanswered, quit_now])
    script.start()
    assert first_run.run(None) == 3 and not script.steps and script.error is None
    assert first_run.retry_after_ms(1) == 50 and first_run.retry_after_ms(9) == 100


class _ServerComesBack:
    """A port where no server answers until :meth:`switch_on`; then it forwards to the
    real one, as a server PC that finished booting."""

    def __init__(self, target_port: int) -> None:
        self.port = free_port()
        self._target = target_port
        self._listener: socket.socket | None = None
        self._open: list[socket.socket] = []

    def switch_on(self) -> None:
        listener = socket.create_server(("127.0.0.1", self.port))
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # switched off
            server = socket.create_connection(("127.0.0.1", self._target))
            self._open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass  # the other side closed: the copy ends
        finally:
            for each in (src, dst):
                with contextlib.suppress(OSError):
                    each.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        for each in [*([self._listener] if self._listener else []), *self._open]:
            with contextlib.suppress(OSError):
                each.close()


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_pc_switched_on_before_its_server_opens_its_window_when_the_server_answers(
        qtbot: QtBot, qapp: QApplication, english: str, office: str, backend: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The lobby TV with no keyboard: nobody presses anything, the server comes up,
    the display opens by itself."""
    if backend == "sqlite":
        pytest.skip("a SQLite file has no server to wait for")
    monkeypatch.setattr(first_run, "RETRY_AFTER_MS", (50, 100))
    real = pc_config.choice_from_url(office)
    server = _ServerComesBack(real.effective_port())
    pc_config.save(PcConfig("display", replace(real, port=server.port)))
    opened: list[str] = []
    monkeypatch.setattr(launch, "run", lambda mode, **_kw: opened.append(mode) or 0)
    asked: list[int] = []

    def down_then_up() -> bool:
        box = _top(QMessageBox)
        if isinstance(box, QMessageBox) and (not asked or asked[-1] != id(box)):
            asked.append(id(box))
            assert "tries again by itself" in box.informativeText()
            if len(asked) == 2:  # asked twice, nobody answered: the server boots
                server.switch_on()
        return len(asked) >= 2

    script = Script([down_then_up])
    script.start()
    try:
        assert first_run.run(None) == 0
    finally:
        server.close()
    assert script.error is None and not script.steps
    assert opened == ["display"] and len(asked) == 2


def test_a_dead_server_is_said_plainly_with_retry_settings_quit(
        qtbot: QtBot, qapp: QApplication, english: str) -> None:
    port = free_port()  # nothing listens there
    pc_config.save(PcConfig("counter", DatabaseChoice(
        kind="postgresql", host="127.0.0.1", port=port, name="loket", user="loket",
        password="pw")))
    seen: list[str] = []

    def dialog(answer: str) -> Step:
        def step() -> bool:
            box = _top(QMessageBox)
            if not isinstance(box, QMessageBox):
                return False
            seen.append(box.text())
            (button,) = [b for b in box.buttons() if b.text() == answer]
            button.click()
            return True
        return step

    script = Script([dialog("Try again"), dialog("Quit")])
    script.start()
    assert first_run.run(None) == 3 and not script.steps
    assert len(seen) == 2  # asked again after "Try again"
    # Test connection's words (what to check), not the driver's.
    assert seen[0] == (f"127.0.0.1 answered, but no database server listens on port {port}. "
                       "Check the port number and whether the database service is running "
                       "and listening on the network.")


@pytest.mark.expect_log("loket.ui.kiosk", "WARNING")  # this kiosk has no printer: logged
def test_ctrl_shift_s_leaves_the_windows_for_the_settings(
        qtbot: QtBot, office: str, qapp: QApplication, english: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.kiosk.window import KioskWindow

    def press() -> bool:
        window = _top(KioskWindow)
        if window is None:
            return False
        if not window.isActiveWindow():  # a shortcut reaches only the active window
            window.activateWindow()
            return False
        QTest.keyClick(window, Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        return True

    script = Script([press])
    script.start()
    code = launch.run("kiosk", windowed=True, pc_settings=True)
    assert code == settings_request.SETTINGS_REQUESTED
    assert _top(KioskWindow) is None  # closed, its worker stopped


def test_a_window_by_name_on_a_pc_with_the_default_database_opens_without_the_set_up(
        qtbot: QtBot, qapp: QApplication, english: str) -> None:
    """`loket demo`, then `loket admin --windowed` (as the README says): no wizard."""
    from app.setup.schema import init_database
    from app.storage import db as dbmod
    from ui.admin.window import AdminWindow

    init_database(dbmod.connect(dbmod.default_database_url()), demo=True)
    seen: list[str] = []

    def admin_open() -> bool:
        if _wizard() is not None:
            seen.append("wizard")
        window = _top(AdminWindow)
        if window is None:
            return False
        window.close()
        return True

    script = Script([admin_open])
    script.start()
    assert first_run.run("admin", windowed=True) == 0
    assert not script.steps and seen == [] and not pc_config.exists()


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_a_stop_signal_during_the_set_up_ends_the_run(
        qtbot: QtBot, qapp: QApplication, english: str) -> None:
    import os
    import signal

    def terminate() -> bool:
        if _wizard() is None:
            return False
        os.kill(os.getpid(), signal.SIGTERM)  # a shutdown while the wizard is open
        return True

    script = Script([terminate])
    script.start()
    assert first_run.run(None) == 0 and not script.steps
    assert _wizard() is None and not pc_config.exists()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # given back


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_only_an_admin_opens_a_running_pcs_settings(
        qtbot: QtBot, qapp: QApplication, english: str) -> None:
    """An officer is refused (and it is audited), a wrong password too; Cancel goes back
    to the window, which still works on the same database."""
    from app.office import officers
    from app.storage.models import AuditEntry
    from ui.counter.window import CounterWindow

    database = Path(pc_config.default_sqlite_path()).with_name("office.sqlite3")
    refused: list[str] = []
    opened_twice: list[bool] = []

    def counter_open() -> bool:
        window = _top(CounterWindow)
        if window is None:
            return False
        officers.add_officer("budi", "petugas-123")  # an officer, not an admin
        window.findChild(QWidget, "pc_settings").click()  # type: ignore[union-attr]
        return True

    def officer_refused() -> bool:
        check = _admin_check()
        if check is None:
            return False
        for username, password in (("budi", "petugas-123"), ("kepala", "wrong")):
            check.username.setText(username)
            check.password.setText(password)
            check.check()
            _until_answered(check)
            assert check.isVisible()  # still asking
            refused.append(check.message.text())
        check.reject()
        return True

    def counter_again() -> bool:
        window = _top(CounterWindow)
        if window is None or _admin_check() is not None:
            return False
        opened_twice.append(True)
        window.close()
        return True

    script = Script(_set_up_sqlite(database, "counter")
                    + [counter_open, officer_refused, counter_again])
    script.start()
    assert first_run.run(None, windowed=True) == 0
    assert script.error is None and not script.steps, f"step {len(script.done)}: {script.error}"
    assert refused[0] == "Only an admin may open the PC settings."
    assert refused[1] and refused[1] != refused[0]  # a wrong password: the sign-in refusal
    assert opened_twice == [True]
    acts = [e.action for e in AuditEntry.select().order_by(AuditEntry.id)]
    assert "pc_settings_refused" in acts and "pc_settings_opened" not in acts


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_with_the_database_gone_the_settings_open_without_a_sign_in(
        qtbot: QtBot, qapp: QApplication, english: str) -> None:
    """Nobody can sign in while the server is away — and re-pointing the PC is what the
    IT officer then needs (the same as the start-up dialog offers)."""
    from app.storage import db as dbmod

    dbmod.bind(dbmod.open_database(f"postgresql://loket@127.0.0.1:{free_port()}/loket"))
    check = first_run.AdminCheck(counter=None)
    qtbot.addWidget(check)
    check.username.setText("kepala")
    check.password.setText("rahasia-123")
    check.check()
    qtbot.waitUntil(lambda: not check.busy, timeout=20_000)
    assert check.database_down and check.officer is None
    assert check.result() == QDialog.DialogCode.Accepted
