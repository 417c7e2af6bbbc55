"""``loket pickup journal``: whether this PC's handovers are all in the database, for a
script (exit 1 while any is missing) or a person."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from app.backup.restore import restore
from tests.helpers import NOW
from tests.helpers.emergency import backup_of_the_office, give, number, stock_the_shelf

HOUR = dt.timedelta(hours=1)


def check(capsys: pytest.CaptureFixture[str], office: str, *args: str) -> tuple[int, str]:
    code = cli.main(["--db", office, "pickup", "journal", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out


def test_a_restore_that_lost_a_handover_exits_1_until_it_is_replayed(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW)
    stock_the_shelf()
    code, out = check(capsys, office)
    assert (code, out) == (0, "0 baris jurnal diperiksa; 0 penyerahan belum ada di basis "
                              "data.\n")
    backup = backup_of_the_office(tmp_path / "backups")
    travel(NOW + HOUR)
    give(3, counter=5)
    restore(backup, office, force=True)

    code, out = check(capsys, office)
    assert code == 1
    first, total = out.splitlines()
    assert first == (f"{number(3)}: diserahkan 01/07/2024 11:00 di loket 5 oleh petugas1, "
                     "belum ada di basis data.")
    assert total.startswith("1 baris jurnal diperiksa; 1 penyerahan belum ada di basis "
                            "data. Minta supervisor menjalankan: loket pickup reconcile "
                            "--journal ")
    assert total.endswith("handover-journal.jsonl")

    code, out = check(capsys, office, "--json")
    body = json.loads(out)
    assert code == 1 and body["checked"] == 1
    assert [m["application_no"] for m in body["missing"]] == [number(3)]
    assert body["newest_missing"] == (NOW + HOUR).isoformat()

    code = cli.main(["--db", office, "--lang", "en", "pickup", "journal"])
    assert code == 1 and "not in the database" in capsys.readouterr().out

    give(3, counter=5)  # handed over again here: the database has it now
    assert check(capsys, office)[0] == 0


def test_another_pcs_journal_file(office: str, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str],
                                  travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW)
    stock_the_shelf()
    code = cli.main(["--db", office, "pickup", "journal", str(tmp_path / "tidak-ada.jsonl")])
    assert code != 0 and "tidak ditemukan" in capsys.readouterr().err
