"""This PC's own settings in loket.ini: typed access, bad values refused or read as not
set, kept beside the set-up, and ``loket pc`` without Qt or a database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.errors import InvalidInput
from app.setup import pc_config, pc_settings
from app.setup.pc_config import DatabaseChoice, PcConfig
from app.setup.pc_settings import PcSettings


def test_settings_round_trip_and_refuse_bad_values(tmp_path: Path) -> None:
    pc = PcSettings(tmp_path / "loket.ini")
    for key, value in (("counter", "5"), ("language", "en"), ("printer", "pdf:/tmp/t"),
                       ("paper_mm", "58"), ("speak_english", "on"), ("section", "walkin")):
        pc_settings.apply(pc, key, value)
    shown = pc_settings.describe(pc)
    assert shown == {"counter": 5, "language": "en", "printer": "pdf:/tmp/t",
                     "paper_mm": 58, "speak_english": True, "section": "service"}
    assert pc_settings.describe(PcSettings(tmp_path / "loket.ini")) == shown  # on disk
    for key, value in (("counter", "-1"), ("counter", "five"), ("language", "fr"),
                       ("paper_mm", "57"), ("speak_english", "maybe"), ("colour", "red"),
                       ("section", "lounge"),
                       ("printer", "two\nlines")):
        with pytest.raises(InvalidInput):
            pc_settings.apply(pc, key, value)
    assert pc_settings.describe(pc) == shown  # nothing changed by a refusal
    pc_settings.apply(pc, "counter", "")
    pc_settings.apply(pc, "printer", "")
    assert pc.counter is None and pc.printer is None
    assert "counter" not in (tmp_path / "loket.ini").read_text()


def test_bad_stored_values_read_as_not_set(tmp_path: Path) -> None:
    path = tmp_path / "loket.ini"
    path.write_text("[pc]\ncounter = nol\nlanguage = fr\nprinter =\npaper_mm = 100\n"
                    "speak_english = mungkin\nsection = lounge\n", encoding="utf-8")
    assert pc_settings.describe(PcSettings(path)) == {
        "counter": None, "language": "id", "printer": "", "paper_mm": 80,
        "speak_english": False, "section": ""}
    path.write_text("this is [not an ini file\n", encoding="utf-8")
    pc = PcSettings(path)
    assert pc.counter is None and pc.language_or_default() == "id"
    with pytest.raises(InvalidInput) as refused:  # never written over: it may hold a set-up
        pc.counter = 2
    assert refused.value.code == "pc_config_invalid_file"
    assert path.read_text(encoding="utf-8") == "this is [not an ini file\n"


def test_settings_and_set_up_share_the_file_and_keep_each_other(tmp_path: Path) -> None:
    path = tmp_path / "loket.ini"
    pc = PcSettings(path)
    pc.printer = "EPSON TM-T82"
    pc.paper_width_mm = 58
    # Settings alone are no set-up: the wizard still comes first on this PC.
    assert not pc_config.exists(path) and pc_config.load(path) is None
    local = DatabaseChoice(kind="sqlite", path=str(tmp_path / "office.sqlite3"))
    pc_config.save(PcConfig("kiosk", local), path)
    assert pc_config.exists(path) and pc.printer == "EPSON TM-T82" and pc.paper_width_mm == 58
    pc.speak_english = True
    pc.counter = 4
    loaded = pc_config.load(path)
    assert loaded is not None and loaded.mode == "kiosk" and loaded.database == local
    pc_config.save(PcConfig("display", local), path)
    assert (pc.counter, pc.speak_english, pc.printer) == (4, True, "EPSON TM-T82")
    text = path.read_text(encoding="utf-8")
    assert text.index("mode = display") < text.index("counter = 4") < text.index("[database]")
    assert not list(tmp_path.glob(".loket-*"))  # no temp file left behind


def test_a_change_made_elsewhere_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "loket.ini"
    window, script = PcSettings(path), PcSettings(path)
    assert window.counter is None
    script.counter = 6
    assert window.counter == 6


def test_the_default_file_is_this_pcs_loket_ini(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOKET_CONFIG", str(tmp_path / "here.ini"))
    PcSettings().language = "en"
    assert PcSettings(tmp_path / "here.ini").language == "en"
    assert PcSettings().path == pc_config.config_path() == tmp_path / "here.ini"


def test_the_pc_command_needs_no_database(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    unreachable = ["--db", "postgresql://x@127.0.0.1:1/x"]
    assert cli.main([*unreachable, "pc", "set", "counter", "4"]) == 0
    assert cli.main(["pc", "set", "paper_mm", "58"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "pc", "set", "paper_mm", "100"]) == 2
    err = capsys.readouterr().err
    assert "paper_mm" in err and "Traceback" not in err
    assert cli.main(["--json", *unreachable, "pc", "show"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["counter"] == 4 and shown["paper_mm"] == 58
    assert "counter = 4" in pc_config.config_path().read_text(encoding="utf-8")
    # Listing the printers needs Qt's print system: the program's, not the core's.
    assert cli.main(["--lang", "en", "pc", "printers"]) == 2
    assert "run the loket program" in capsys.readouterr().err


def test_python_m_app_is_the_core_alone(tmp_path: Path) -> None:
    env = {**os.environ, "LOKET_CONFIG": str(tmp_path / "loket.ini")}
    for argv in ([], ["setup"], ["pc", "printers"]):
        done = subprocess.run([sys.executable, "-m", "app", "--lang", "en", *argv],
                              capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 2, argv
        assert "opens Loket's windows" in done.stderr and "Traceback" not in done.stderr
