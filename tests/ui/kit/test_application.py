"""ui.kit.application: what a Loket process prints on a PC without a sound card."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

START = """
import sys
from PySide6.QtCore import QLoggingCategory
from ui.kit.application import create_application
app = create_application(sys.argv)
"""
# A window that talks (the lobby display) loads Qt Multimedia as this does.
TALK = """
from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer, QSoundEffect
effect, player = QSoundEffect(), QMediaPlayer()
QMediaDevices.audioOutputs()
print("done")
"""
RULE = "print(QLoggingCategory('qt.multimedia.symbolsresolver').isWarningEnabled())"


def _run(program: str, **env: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-c", START + program], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env})
    assert done.returncode == 0, done.stderr
    return done


def test_qt_multimedia_does_not_fill_the_console_with_missing_libraries() -> None:
    done = _run(TALK)
    assert done.stdout.strip() == "done"
    said = [line for line in done.stderr.splitlines() if line.startswith("qt.multimedia")]
    assert not said, done.stderr


def test_qt_logging_rules_still_show_them_to_whoever_asks() -> None:
    # What Qt then prints depends on the PC's libraries, so only the rule is checked.
    assert _run(RULE).stdout.strip() == "False"
    rule = "qt.multimedia.symbolsresolver.warning=true"
    assert _run(RULE, QT_LOGGING_RULES=rule).stdout.strip() == "True"
