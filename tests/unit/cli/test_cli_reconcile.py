"""``loket pickup reconcile``: a supervisor writes the emergency PC's handovers, or this
PC's journal, into the office's database from the command line."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from app.backup.restore import restore
from app.storage import db as dbmod
from app.storage.models import AuditEntry, PickupRecord
from tests.helpers import NOW
from tests.helpers.emergency import (
    as_supervisor,
    backup_of_the_office,
    emergency_file,
    give,
    number,
    stock_the_shelf,
    working_on,
)

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def darurat(office: str, tmp_path: Path, travel: Callable[[dt.datetime], None]) -> Path:
    """The emergency PC's file, where 000001 and 000002 were handed over."""
    travel(NOW)
    stock_the_shelf()
    file = emergency_file(backup_of_the_office(tmp_path / "backups"), tmp_path)
    with working_on(f"sqlite:///{file}"):
        travel(NOW + HOUR)
        give(1, counter=5)
        travel(NOW + 2 * HOUR)
        give(2, counter=6)
    return file


def reconcile(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
          office: str, *args: str, **signed: str) -> tuple[int, str, str]:
    return as_supervisor(capsys, monkeypatch, office, ["pickup", "reconcile"], *args, **signed)


def collected(office: str) -> list[str]:
    """The passports the database shows collected (the command closed its connection)."""
    db = dbmod.connect(office)
    try:
        return [r.application_no for r in PickupRecord.select()
                .where(PickupRecord.status == "collected")
                .order_by(PickupRecord.application_no)]
    finally:
        db.close()


def reconciled(office: str) -> int:
    db = dbmod.connect(office)
    try:
        return int(AuditEntry.select()
                   .where(AuditEntry.action == "pickup_handover_reconciled").count())
    finally:
        db.close()


def test_the_emergency_pcs_file_from_the_command_line(
        office: str, darurat: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = reconcile(capsys, monkeypatch, office, "--from-db", str(darurat),
                             "--dry-run")
    assert code == 0
    assert out.splitlines() == [
        f"{number(1)}: akan dicatat sudah diambil 01/07/2024 11:00 di loket 5 oleh petugas1.",
        f"{number(2)}: akan dicatat sudah diambil 01/07/2024 12:00 di loket 6 oleh petugas1.",
        "Jumlah 2: 2 dicatat, 0 sudah tercatat, 0 bentrok, 0 tidak dikenal, 0 dari basis "
        "data lain. (hanya percobaan — tidak ada yang ditulis)"]
    assert collected(office) == []

    code, out, _ = reconcile(capsys, monkeypatch, office, "--from-db",
                             f"sqlite:///{darurat}", "--json")
    body = json.loads(out)
    assert code == 0 and body["counts"]["recorded"] == 2 and not body["dry_run"]
    assert body["outcomes"][0]["fact"]["collected_at"] == (NOW + HOUR).isoformat()
    assert collected(office) == [number(1), number(2)]

    code, out, _ = reconcile(capsys, monkeypatch, office, "--from-db", str(darurat))
    assert code == 0
    assert out.splitlines() == ["Jumlah 2: 0 dicatat, 2 sudah tercatat, 0 bentrok, "
                                "0 tidak dikenal, 0 dari basis data lain."]
    assert reconciled(office) == 2


def test_a_conflict_exits_1_and_names_the_passport(
        office: str, darurat: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW + 3 * HOUR)
    give(2, counter=1)  # also handed over on the server, later
    code, out, _ = reconcile(capsys, monkeypatch, office, "--from-db", str(darurat),
                             lang="en")
    assert code == 1
    assert out.splitlines()[1].startswith(
        f"{number(2)}: NOT recorded: here it was collected 01/07/2024 13:00 at counter 1")


def test_only_a_supervisor_and_only_a_loket_database(
        office: str, darurat: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = reconcile(capsys, monkeypatch, office, "--from-db", str(darurat),
                             who="petugas1", password="petugas123")
    assert code != 0 and "supervisor" in err.lower() and "Traceback" not in err
    garbage = tmp_path / "bukan.sqlite3"
    garbage.write_bytes(b"bukan basis data" * 100)
    code, _, err = reconcile(capsys, monkeypatch, office, "--from-db", str(garbage))
    assert code != 0 and "bukan basis data Loket" in err and "Traceback" not in err
    assert collected(office) == []
    code = cli.main(["--db", office, "pickup", "reconcile", "--journal"])
    assert code != 0 and "--as" in capsys.readouterr().err


def test_this_pcs_journal_after_a_restore(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW)
    stock_the_shelf()
    backup = backup_of_the_office(tmp_path / "backups")
    travel(NOW + HOUR)
    give(3, counter=5)
    restore(backup, office, force=True)
    assert collected(office) == []
    code, out, _ = reconcile(capsys, monkeypatch, office, "--journal")
    assert code == 0 and out.startswith(f"{number(3)}: dicatat sudah diambil")
    assert collected(office) == [number(3)]
