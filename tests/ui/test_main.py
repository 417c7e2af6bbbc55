"""The program's entry point: the core's commands work where Qt cannot be imported, a
window asked for there gets one sentence and exit 2, and the window commands are its."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ui import main as entry


@pytest.fixture
def without_qt(tmp_path: Path) -> dict[str, str]:
    """An environment whose Python cannot import PySide6, as on a PC without Qt."""
    blocker = tmp_path / "no-qt"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text('import sys\nsys.modules["PySide6"] = None\n',
                                              encoding="utf-8")
    paths = [str(blocker), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths),
           "LOKET_CONFIG": str(tmp_path / "config" / "loket.ini")}
    env.pop("LOKET_DB", None)
    return env


def _loket(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui", *argv], capture_output=True, text=True,
                          env=env, timeout=120)


def test_the_core_commands_need_no_qt(without_qt: dict[str, str], tmp_path: Path) -> None:
    probe = subprocess.run([sys.executable, "-c", "import PySide6"], env=without_qt,
                           capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0 and "PySide6" in probe.stderr  # Qt is really out of reach
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    for argv in (["pc", "show"], ["pc", "set", "counter", "3"],
                 ["--db", url, "init-db", "--demo"],
                 ["--db", url, "setup", "--mode", "counter", "--counter", "1"],
                 ["status"]):
        done = _loket(without_qt, *argv)
        assert done.returncode == 0, (argv, done.stderr)
        assert "Traceback" not in done.stderr
    status = _loket(without_qt, "--json", "status")
    assert '"counters"' in status.stdout  # on the database this PC was just set up with
    shown = _loket(without_qt, "pc", "show")
    assert "counter        1" in shown.stdout


def test_a_window_without_qt_is_one_sentence_and_exit_2(without_qt: dict[str, str]) -> None:
    done = _loket(without_qt, "counter")
    assert done.returncode == 2
    assert done.stderr.strip() == ("loket: Jendela Loket memerlukan Qt, yang tidak terpasang "
                                   "atau tidak dapat dimuat di PC ini; perintah tanpa jendela "
                                   "tetap bisa dipakai (loket --help).")
    for argv in (["--lang", "en", "kiosk", "--windowed"], ["--lang", "en"],
                 ["--lang", "en", "setup"], ["--lang", "en", "pc", "printers"]):
        done = _loket(without_qt, *argv)
        assert done.returncode == 2, argv
        assert done.stderr.count("\n") == 1 and "need Qt, which is not installed" in done.stderr


def test_which_commands_open_windows() -> None:
    def opens(*argv: str) -> bool:
        from app.cli import parser

        return entry.opens_window(parser.parse(argv, extra=entry.WINDOW_COMMANDS))

    assert opens() and opens("setup") and opens("counter", "--windowed") and opens("monitor")
    assert opens("pc", "printers")
    assert not opens("setup", "--mode", "kiosk") and not opens("pc", "show")
    assert not opens("status") and not opens("demo")  # demo: the core first, then windows


def test_the_help_lists_the_windows_the_core_does_not(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        entry.main(["--lang", "en", "--help"])
    program = capsys.readouterr().out
    from app import cli

    with pytest.raises(SystemExit):
        cli.main(["--lang", "en", "--help"])
    core = capsys.readouterr().out
    for mode in ("display", "kiosk", "admin", "monitor"):
        listed = re.compile(rf"^    {mode} +\S", re.MULTILINE)
        assert listed.search(program) and not listed.search(core), mode
    # ``counter`` is both: the window here, pause|resume in the core.
    assert re.search(r"^    counter +the counter officer's window", program, re.MULTILINE)
    assert re.search(r"^    counter +pause a counter", core, re.MULTILINE)
