"""An office whose server was lost: its backup restored into the emergency PC's SQLite
file (``darurat.sqlite3``), and the program working on that file for a while."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app import cli
from app.backup.make import make_backup
from app.backup.restore import restore
from app.office import admin, officers, settings, survey
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.storage import db as dbmod
from app.storage.models import Officer
from tests.helpers import NOW
from tests.helpers.people import setup_admin, stdin_lines

# Ready since 28 June 2024 (collect by 28 July), each with a number for the messages.
SHELF = ("no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status;telepon\n"
         + "".join(f"2024-TNG-00000{i};Pemohon {i};X000000{i};Rak A-0{i};28/06/2024;siap;"
                   f"0812 0000 000{i}\n" for i in range(1, 7)))
SUPERVISOR_PASSWORD = "super123!"
SHORT_FORM = {"u3": 4, "u6": 3, "u7": 4, "u9": 4}  # a survey answer of the short form
HOUR = dt.timedelta(hours=1)


def stock_the_shelf() -> None:
    """Six ready passports, an officer and a supervisor, in the connected database."""
    backlog.import_backlog(SHELF.encode(), None, officer=setup_admin())
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    officers.add_officer("supervisor", SUPERVISOR_PASSWORD, role="supervisor",
                         full_name="Siti Super")


def number(i: int) -> str:
    return f"2024-TNG-00000{i}"


def give(i: int, counter: int = 5, officer: str = "petugas1") -> pickup.Handover:
    return pickup.hand_over(number(i), counter, officer, "self", id_checked=True)


def serve(queue: str, counter: int, officer: str, outcome: str = "done"
          ) -> engine.TicketView:
    """A walk-in issued and taken through the real engine to ``outcome`` (``done``,
    ``no_show``, ``waiting``) at ``counter`` by ``officer`` (a username)."""
    ticket = engine.issue_ticket(queue)
    if outcome == "waiting":
        return ticket
    called = engine.call_next(counter, int(Officer.get(Officer.username == officer).id))
    assert called.number == ticket.number
    if outcome == "no_show":
        return engine.no_show(ticket.number, counter)
    engine.start_serving(ticket.number, counter)
    return engine.finish(ticket.number, counter)


def backup_of_the_office(folder: Path) -> Path:
    """A real backup of the connected database (last night's)."""
    return Path(make_backup(folder).path)


def emergency_file(backup: Path, folder: Path) -> Path:
    """The backup restored into the emergency PC's own SQLite file."""
    path = folder / "darurat.sqlite3"
    restore(backup, f"sqlite:///{path}")
    return path


@contextmanager
def working_on(url: str) -> Iterator[None]:
    """The program on another database for a while (the emergency PC), then back on the
    one it had."""
    before = dbmod.database.obj
    other = dbmod.connect(url)
    settings.invalidate_cache()
    try:
        yield
    finally:
        other.close()
        dbmod.bind(before)
        settings.invalidate_cache()


def an_outage(folder: Path, travel: Callable[[dt.datetime], None]) -> Path:
    """The emergency PC's file after an outage, in ``folder``; the connected database is
    the server's, back since.

    Yesterday served on the server; this morning A001 served, then a backup, then
    the server lost. The emergency PC restores that backup and serves A002 (with a
    survey answer), A003 at a counter and by an officer only it knows, W001, marks
    A004 no-show, and A005 still waits when the day ends there. The server comes back
    and serves its own A002 the same day."""
    travel(NOW - 24 * HOUR)
    stock_the_shelf()
    serve("A", 1, "petugas1")
    travel(NOW - HOUR)
    serve("A", 1, "petugas1")
    file = emergency_file(backup_of_the_office(folder / "backups"), folder)
    with working_on(f"sqlite:///{file}"):
        admin.add_counter(setup_admin(), 9, "Loket Darurat", ["paspor"])
        officers.add_officer("darurat", "darurat123", full_name="Petugas Darurat")
        travel(NOW)
        answered = serve("A", 2, "petugas1")
        survey.answer(answered.id, SHORT_FORM, comment="cepat")
        travel(NOW + HOUR)
        serve("A", 9, "darurat")
        serve("W", 1, "petugas1")
        serve("A", 2, "petugas1", "no_show")
        serve("A", 2, "petugas1", "waiting")
    travel(NOW + 2 * HOUR)
    serve("A", 3, "petugas1")  # the server's own A002 of today
    travel(NOW + 8 * HOUR)
    return file


def another_offices_copy(file: Path, copy: Path) -> Path:
    """A copy of a Loket SQLite file, stamped as another office's database."""
    copy.write_bytes(file.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE setting SET value = ? WHERE key = 'database_id'",
                     [json.dumps("kantor-lain")])
    conn.close()
    return copy


def older_copy(file: Path, copy: Path) -> Path:
    """A copy of a Loket SQLite file, stamped one schema version older."""
    copy.write_bytes(file.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM schema_version WHERE version = "
                     "(SELECT MAX(version) FROM schema_version)")
    conn.close()
    return copy


def as_supervisor(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                  office: str, command: list[str], *args: str, who: str = "supervisor",
                  password: str = SUPERVISOR_PASSWORD, lang: str | None = None
                  ) -> tuple[int, str, str]:
    """``command`` as the supervisor types it, signed in with ``--as`` (Indonesian
    unless ``lang`` says): its exit code, output and errors."""
    stdin_lines(monkeypatch, password)
    chosen = ["--lang", lang] if lang else []
    code = cli.main(["--db", office, *chosen, "--as", who, *command, *args])
    out, err = capsys.readouterr()
    return code, out, err
