"""ui.kit.lifecycle: a stop signal quits the event loop as closing the windows would; the probe."""

from __future__ import annotations

import io
import logging
import os
import signal
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from tests.helpers.threads import join_all
from ui.kit import lifecycle

GIVE_UP_MS = 5000  # a loop still running then has missed the signal: exec returns 99


class Window(QWidget):
    """A top-level window that notes its close, as the real windows stop their workers."""

    def __init__(self) -> None:
        super().__init__()
        self.closed = False
        layout = QVBoxLayout(self)
        self.label = QLabel("A001", self)
        self.label.setAutoFillBackground(True)  # an opaque child over the whole window
        layout.addWidget(self.label)
        layout.setContentsMargins(0, 0, 0, 0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.closed = True
        super().closeEvent(event)


@pytest.fixture
def window(qapp: QApplication) -> Iterator[Window]:
    w = Window()
    w.resize(320, 200)
    yield w
    w.close()
    w.deleteLater()


def _kill_from_another_thread(*signums: signal.Signals) -> threading.Timer:
    """Signal this process while the loop waits idle: Python code on the main thread
    does not run then, so only the wake-up descriptor can get the handler called."""

    def send() -> None:
        for signum in signums:
            os.kill(os.getpid(), signum)

    timer = threading.Timer(0.1, send)
    timer.start()
    return timer


def _run_loop(qapp: QApplication) -> int:
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(99))
    guard.start(GIVE_UP_MS)
    try:
        return int(qapp.exec())
    finally:
        guard.stop()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_closes_the_windows_and_quits_with_0(
        qapp: QApplication, window: Window, signum: signal.Signals) -> None:
    before_handler = signal.getsignal(signum)
    before_fd = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(before_fd)
    window.show()
    stopper = lifecycle.QuitOnSignals(qapp)
    try:
        sender = _kill_from_another_thread(signum)
        code = _run_loop(qapp)
        join_all([sender])
    finally:
        stopper.uninstall()
    assert code == 0
    assert stopper.received == signum
    assert window.closed and not window.isVisible()
    assert signal.getsignal(signum) == before_handler
    assert signal.set_wakeup_fd(before_fd) == before_fd


def test_a_second_signal_while_closing_is_ignored(
        qapp: QApplication, window: Window, caplog: pytest.LogCaptureFixture) -> None:
    # A log-out may send SIGTERM and SIGHUP together: one clean ending, not two.
    caplog.set_level(logging.INFO, logger="loket.ui.lifecycle")
    window.show()
    stopper = lifecycle.QuitOnSignals(qapp)
    try:
        sender = _kill_from_another_thread(signal.SIGTERM, signal.SIGINT)
        code = _run_loop(qapp)
        join_all([sender])
    finally:
        stopper.uninstall()
    assert code == 0
    # Python runs handlers of signals pending together in signal-number order.
    assert stopper.received in (signal.SIGTERM, signal.SIGINT)
    assert [r.message for r in caplog.records if "ignored" in r.message] == [
        f"{signal.Signals(other).name} while already closing; ignored"
        for other in {signal.SIGTERM, signal.SIGINT} - {stopper.received}]


def test_without_a_signal_the_loop_keeps_running(qapp: QApplication, window: Window) -> None:
    window.show()
    stopper = lifecycle.QuitOnSignals(qapp)
    try:
        QTimer.singleShot(200, lambda: qapp.exit(7))
        code = _run_loop(qapp)
    finally:
        stopper.uninstall()
    assert code == 7
    assert stopper.received is None
    assert not window.closed


def test_the_probe_prints_first_paint_and_quits_with_0(
        qapp: QApplication, window: Window) -> None:
    out = io.StringIO()
    window.show()
    probe = lifecycle.FirstPaintProbe(qapp, window, out)
    code = _run_loop(qapp)
    assert code == 0
    assert probe.painted
    assert out.getvalue() == "first-paint\n"
    assert window.closed


def test_install_starts_the_probe_only_when_asked(
        qapp: QApplication, window: Window, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    window.show()
    monkeypatch.setenv(lifecycle.PROBE_VARIABLE, "1")
    stopper = lifecycle.install(qapp, [window])
    try:
        code = _run_loop(qapp)
    finally:
        stopper.uninstall()
    assert code == 0
    assert capsys.readouterr().out == "first-paint\n"

    other = Window()
    other.show()
    monkeypatch.delenv(lifecycle.PROBE_VARIABLE)
    stopper = lifecycle.install(qapp, [other])
    try:
        QTimer.singleShot(300, lambda: qapp.exit(7))
        code = _run_loop(qapp)
    finally:
        stopper.uninstall()
        other.close()
    assert code == 7
    assert capsys.readouterr().out == ""
