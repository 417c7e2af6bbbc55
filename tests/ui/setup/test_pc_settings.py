"""This PC's own settings: typed access, bad values refused, and ``loket pc``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import InvalidInput
from ui.setup import pc_settings
from ui.setup.pc_settings import PcSettings


def test_settings_round_trip_and_refuse_bad_values(pc: PcSettings) -> None:
    for key, value in (("counter", "5"), ("language", "en"), ("printer", "pdf:/tmp/t"),
                       ("paper_mm", "58"), ("speak_english", "on")):
        pc_settings.apply(pc, key, value)
    shown = pc_settings.describe(pc)
    assert shown == {"counter": 5, "language": "en", "printer": "pdf:/tmp/t",
                     "paper_mm": 58, "speak_english": True}
    for key, value in (("counter", "-1"), ("counter", "five"), ("language", "fr"),
                       ("paper_mm", "57"), ("speak_english", "maybe"), ("colour", "red")):
        with pytest.raises(InvalidInput):
            pc_settings.apply(pc, key, value)
    assert pc_settings.describe(pc) == shown  # nothing changed by a refusal
    pc_settings.apply(pc, "counter", "")
    pc_settings.apply(pc, "printer", "")
    assert pc.counter is None and pc.printer is None


def test_the_pc_command_needs_no_database(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "LOKET_DB": "postgresql://x@127.0.0.1:1/x"}

    def loket(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True,
                              text=True, env=env, timeout=60)

    assert loket("pc", "set", "counter", "4").returncode == 0
    assert loket("pc", "set", "paper_mm", "58").returncode == 0
    bad = loket("pc", "set", "paper_mm", "100")
    assert bad.returncode == 2 and "paper_mm" in bad.stderr and "Traceback" not in bad.stderr
    shown = json.loads(loket("--json", "pc", "show").stdout)
    assert shown["counter"] == 4 and shown["paper_mm"] == 58
    assert (tmp_path / "Loket" / "Loket.conf").exists()
    assert loket("pc", "printers").returncode == 0
