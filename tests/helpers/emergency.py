"""An office whose server was lost: its backup restored into the emergency PC's SQLite
file (``darurat.sqlite3``), and the program working on that file for a while."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.backup.make import make_backup
from app.backup.restore import restore
from app.office import officers, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.storage import db as dbmod
from tests.helpers.people import setup_admin

# Ready since 28 June 2024 (collect by 28 July), each with a number for the messages.
SHELF = ("no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status;telepon\n"
         + "".join(f"2024-TNG-00000{i};Pemohon {i};X000000{i};Rak A-0{i};28/06/2024;siap;"
                   f"0812 0000 000{i}\n" for i in range(1, 7)))
SUPERVISOR_PASSWORD = "super123!"


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
