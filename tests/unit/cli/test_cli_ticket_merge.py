"""``loket ticket merge``: a supervisor writes the tickets the emergency PC served into
the office's database from the command line."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from app.storage import db as dbmod
from app.storage.models import Ticket
from tests.helpers import NOW
from tests.helpers.emergency import (
    as_supervisor,
    backup_of_the_office,
    emergency_file,
    serve,
    stock_the_shelf,
    working_on,
)

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def darurat(office: str, tmp_path: Path, travel: Callable[[dt.datetime], None]) -> Path:
    """The emergency PC's file, where A001 was served and A002 still waits."""
    travel(NOW - HOUR)
    stock_the_shelf()
    file = emergency_file(backup_of_the_office(tmp_path / "backups"), tmp_path)
    with working_on(f"sqlite:///{file}"):
        travel(NOW)
        serve("A", 1, "petugas1")
        serve("A", 1, "petugas1", "waiting")
    travel(NOW + 8 * HOUR)
    return file


def merge(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
          office: str, *args: str, **signed: str) -> tuple[int, str, str]:
    return as_supervisor(capsys, monkeypatch, office, ["ticket", "merge"], *args, **signed)


def tickets(office: str) -> list[tuple[str, str]]:
    """The tickets the database holds (the command closed its connection)."""
    db = dbmod.connect(office)
    try:
        return [(t.number, t.status) for t in Ticket.select().order_by(Ticket.id)]
    finally:
        db.close()


def test_the_emergency_pcs_tickets_from_the_command_line(
        office: str, darurat: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = merge(capsys, monkeypatch, office, "--from-db", str(darurat),
                         "--dry-run")
    assert code == 1  # A002 was skipped: a person reads why
    assert out.splitlines()[0] == ("01/07/2024 antrian paspor: 1 akan digabung, 0 sudah "
                                   "ada, 1 dilewati (1 belum selesai).")
    assert out.splitlines()[-1].endswith("(hanya percobaan — tidak ada yang ditulis)")
    assert tickets(office) == []

    code, out, _ = merge(capsys, monkeypatch, office, "--from-db", f"sqlite:///{darurat}",
                         "--json")
    body = json.loads(out)
    assert code == 1 and body["counts"] == {"merged": 1, "already": 0, "skipped": 1}
    assert body["days"] == [{"day": "2024-07-01", "queue": "paspor", "merged": 1,
                             "already": 0, "skipped": 1, "reasons": {"unfinished": 1}}]
    assert tickets(office) == [("A001", "done")]

    code, out, _ = merge(capsys, monkeypatch, office, "--from-db", str(darurat),
                         lang="en")
    assert out.splitlines()[-1] == ("Total 2: 0 merged, 1 already here, 1 skipped; "
                                    "0 day(s) exactly as here.")
    assert tickets(office) == [("A001", "done")]


def test_only_a_supervisor_and_only_a_loket_database(
        office: str, darurat: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = merge(capsys, monkeypatch, office, "--from-db", str(darurat),
                         who="petugas1", password="petugas123")
    assert code != 0 and "supervisor" in err.lower() and "Traceback" not in err
    garbage = tmp_path / "bukan.sqlite3"
    garbage.write_bytes(b"bukan basis data" * 100)
    code, _, err = merge(capsys, monkeypatch, office, "--from-db", str(garbage))
    assert code != 0 and "bukan basis data Loket" in err and "Traceback" not in err
    assert tickets(office) == []
    code = cli.main(["--db", office, "ticket", "merge", "--from-db", str(darurat)])
    assert code != 0 and "--as" in capsys.readouterr().err
