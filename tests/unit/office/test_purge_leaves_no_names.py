"""After the retention purge no name is left anywhere the program writes: not in any
text column of any table, not in the log, not in any file of the data folders."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import peewee as pw
import pytest

from app import cli, logs
from app.office import officers, retention, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.storage import db as dbmod
from app.storage.models import ALL_MODELS, AuditEntry
from tests.helpers.people import setup_admin, stdin_lines

APPLICANT = "Zulkarnain Wiraatmadja"
PASSPORT = "Z9876543"
COLLECTOR = "Sumarni Hadiprojo"
UNDO_NAMES = "Purwanto Gondokusumo"
CANCEL_NAMES = "Rahmawati Cokronegoro"
SIGN_IN_NAME = "bambangtrihatmodjo"  # a person's name typed as a username
PHONE = "81298765432"  # +62 or 0 in front: the applicant's number either way
NAMES = (APPLICANT, PASSPORT, COLLECTOR, UNDO_NAMES, CANCEL_NAMES, SIGN_IN_NAME, PHONE)

SHELF = ("no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status;telepon\n"
         f"2024-TNG-000101;{APPLICANT};{PASSPORT};Rak Z-01;28/06/2024;siap;0{PHONE}\n"
         ).encode()


def jakarta(month: int, day: int, hour: int = 10, year: int = 2024) -> dt.datetime:
    return dt.datetime(year, month, day, hour) - dt.timedelta(hours=7)


@pytest.fixture
def log_written() -> Iterator[Path]:
    """The program's own log file, as a command line run writes it."""
    root = __import__("logging").getLogger()
    before = list(root.handlers)
    yield logs.log_file()
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def loket(office: str, monkeypatch: pytest.MonkeyPatch, password: str, *args: str) -> int:
    stdin_lines(monkeypatch, password)
    code = cli.main(["--db", office, *args])
    dbmod.connect(office)  # the command closed its connection; the test goes on
    return code


def text_columns() -> list[tuple[str, str]]:
    """Every value of every text column of every table."""
    found: list[tuple[str, str]] = []
    for model in ALL_MODELS:
        fields = [f for f in model._meta.sorted_fields
                  if isinstance(f, pw.CharField | pw.TextField)]
        if not fields:
            continue
        for row in model.select(*fields).tuples():
            found += [(f"{model._meta.table_name}.{f.name}", str(v))
                      for f, v in zip(fields, row, strict=True) if v is not None]
    return found


def files_under(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                yield path


def names_in(data: bytes) -> list[str]:
    lowered = data.lower()
    return [name for name in NAMES
            if name.lower().encode() in lowered
            or name.lower().encode("utf-16-le") in lowered]


@pytest.mark.expect_log("exit 1: ", "exit 2: ")
def test_nothing_personal_is_left_after_the_purge(
        office: str, tmp_path: Path, travel: Callable[[dt.datetime], None],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        log_written: Path) -> None:
    travel(jakarta(7, 1))
    backlog.import_backlog(SHELF, batch="Backlog", officer=setup_admin())
    officers.add_officer("kepala", "admin12345", role="admin")
    officers.add_officer("sup", "super123!", role="supervisor")
    officers.add_officer("budi", "petugas123")
    settings.update_settings(setup_admin(), retention_days=180)
    code = pickup.code_for("2024-TNG-000101")

    assert loket(office, monkeypatch, "petugas123", "--as", "budi", "pickup", "hand-over",
                 code, "--counter", "5", "--collector", "proxy", "--collector-name",
                 COLLECTOR, "--id-checked", "--request-id", "handover-1") == 0
    # Refusals that concern the collected passport and the typed name reach the log.
    assert loket(office, monkeypatch, "petugas123", "--as", "budi", "pickup", "hand-over",
                 code, "--counter", "5", "--collector", "self", "--id-checked") == 1
    assert loket(office, monkeypatch, "super123!", "--as", "sup", "pickup",
                 "undo-hand-over", code, "--reason", f"tertukar, kata {UNDO_NAMES}") == 0
    pickup.hand_over(code, 5, "budi", "family", COLLECTOR, id_checked=True)
    assert loket(office, monkeypatch, "", "ticket", "issue", "A") == 0
    assert loket(office, monkeypatch, "super123!", "--as", "sup", "ticket", "cancel", "A001",
                 "--reason", f"atas permintaan {CANCEL_NAMES}") == 0
    assert loket(office, monkeypatch, "tebakan", "--as", SIGN_IN_NAME, "pickup",
                 "undo-hand-over", code, "--reason", "x") == 1
    assert loket(office, monkeypatch, "admin12345", "--as", "kepala", "officer",
                 "set-password", SIGN_IN_NAME) in (1, 2)
    capsys.readouterr()
    assert AuditEntry.select().where(AuditEntry.action == "login_failed").count() == 1
    # Before the purge the names are there (the test looks in the right places).
    before = "\n".join(v for _, v in text_columns())
    assert APPLICANT in before and COLLECTOR in before and UNDO_NAMES in before
    assert CANCEL_NAMES in before
    assert PHONE in before  # on the record and in the message telling it is ready

    if office.startswith("sqlite"):  # a copy a failed migration left behind
        (tmp_path / "loket.sqlite3.before-v5.bak").write_text(APPLICANT, encoding="utf-8")
    travel(jakarta(2, 1, year=2025))
    admin = officers.get_officer("kepala").id
    assert retention.purge(admin).records == 1

    left = [(column, value) for column, value in text_columns()
            if names_in(value.encode())]
    assert left == []
    folders = {tmp_path, *(Path(os.environ[v]) for v in
                           ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"))}
    assert log_written.is_file() and log_written.read_bytes()
    found = {str(p): names_in(p.read_bytes()) for p in files_under(*folders)}
    assert {p: n for p, n in found.items() if n} == {}, json.dumps(found, indent=1)
