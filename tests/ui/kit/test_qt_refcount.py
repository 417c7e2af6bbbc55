"""Guards against the PySide6 reference-count leak that made us pin ``<6.12``.

PySide6 6.12.0 on Python 3.11 drops the reference count of ``True``/``False``/
``None`` by one on every signal emit and slot call; after a few hundred emits the
count reaches zero and the interpreter aborts (``Fatal Python error:
bool_dealloc``). The emits run in a child process so that a crash turns into a
clean failure here instead of killing the whole pytest run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import PySide6
import pytest
from PySide6 import QtCore, QtGui
from pytestqt.qtbot import QtBot

ROUNDS = 2000
THREAD_ROUNDS = 500
TOLERANCE = 50

# Runs in a fresh interpreter; prints one JSON line with the drift per phase.
CHILD = r"""
import gc, json, sys
import PySide6
from PySide6.QtCore import (QCoreApplication, QObject, QThread, QTimer, Qt, Signal,
                            Slot, qVersion)

ROUNDS, THREAD_ROUNDS = {rounds}, {thread_rounds}
app = QCoreApplication([])


class Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)


class Receiver(QObject):
    def __init__(self, expected=None):
        super().__init__()
        self.count = 0
        self.expected = expected

    @Slot(bool)
    def on_flag(self, v):
        self._got()

    @Slot(object)
    def on_value(self, v):
        self._got()

    def _got(self):
        self.count += 1
        if self.expected is not None and self.count >= self.expected:
            app.quit()


def counts():
    gc.collect()
    return {{"True": sys.getrefcount(True), "False": sys.getrefcount(False),
             "None": sys.getrefcount(None)}}


def drift(before, after):
    return {{k: after[k] - before[k] for k in before}}


seen = []
emitter, receiver = Emitter(), Receiver()
emitter.flag.connect(receiver.on_flag)
emitter.flag.connect(seen.append)
emitter.value.connect(receiver.on_value)
emitter.value.connect(lambda v: seen.append(v))
before = counts()
for _ in range(ROUNDS):
    emitter.flag.emit(True)
    emitter.flag.emit(False)
    emitter.value.emit(None)
    emitter.value.emit(True)
    seen.clear()
direct = drift(before, counts())


class Worker(QThread):
    def __init__(self, target):
        super().__init__()
        self.target = target

    def run(self):
        for _ in range(THREAD_ROUNDS):
            self.target.flag.emit(True)
            self.target.flag.emit(False)
            self.target.value.emit(None)


queued_emitter = Emitter()
queued_receiver = Receiver(expected=3 * THREAD_ROUNDS)
queued_emitter.flag.connect(queued_receiver.on_flag, Qt.ConnectionType.QueuedConnection)
queued_emitter.value.connect(queued_receiver.on_value, Qt.ConnectionType.QueuedConnection)
before = counts()
worker = Worker(queued_emitter)
QTimer.singleShot(30000, app.quit)  # never hang the test run
worker.start()
app.exec()
worker.wait()
queued = drift(before, counts())

print(json.dumps({{"pyside": PySide6.__version__, "qt": qVersion(), "direct": direct,
                  "queued": queued, "received": queued_receiver.count}}))
"""


def _versions() -> str:
    return (f"PySide6 {PySide6.__version__} (Qt {QtCore.qVersion()}) "
            f"on Python {sys.version.split()[0]}")


def test_signal_emits_do_not_leak_references_to_true_false_none() -> None:
    code = CHILD.format(rounds=ROUNDS, thread_rounds=THREAD_ROUNDS)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120)
    pin = "the reference-count leak that made pyproject.toml pin PySide6 <6.12"
    crash = ""
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
        crash = f"\nThe child process died with exit code {proc.returncode}:\n{tail}"
    lines = proc.stdout.strip().splitlines()
    if not lines:
        pytest.fail(f"{_versions()}: emitting signals with True/False/None crashed the "
                    f"interpreter; most likely {pin}. Do not upgrade to this version."
                    f"{crash}", pytrace=False)
    result = json.loads(lines[-1])
    leaked = {phase: {name: d for name, d in result[phase].items() if abs(d) >= TOLERANCE}
              for phase in ("direct", "queued")}
    leaked = {phase: d for phase, d in leaked.items() if d}
    if leaked:
        pytest.fail(f"{_versions()}: signal emits changed sys.getrefcount by {leaked} "
                    f"({ROUNDS} direct rounds, {THREAD_ROUNDS} queued rounds); {pin} is back."
                    f"{crash}", pytrace=False)
    if crash:
        pytest.fail(f"{_versions()}: no reference drift measured, but the interpreter "
                    f"crashed on exit.{crash}", pytrace=False)
    assert result["received"] == 3 * THREAD_ROUNDS, f"{_versions()}: queued slots lost calls"


class _Ping(QtCore.QObject):
    pinged = QtCore.Signal(bool, object)


def test_pytest_qt_runs_offscreen(qtbot: QtBot) -> None:
    assert QtGui.QGuiApplication.platformName() == "offscreen"
    ping = _Ping()
    QtCore.QTimer.singleShot(10, lambda: ping.pinged.emit(True, None))
    with qtbot.waitSignal(ping.pinged, timeout=2000) as blocker:
        pass
    assert blocker.args == [True, None]
