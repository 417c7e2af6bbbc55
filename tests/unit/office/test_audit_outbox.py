"""A sign-out during an outage is audited when the database returns, at its real time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import InvalidInput
from app.office import audit_outbox, officers, settings
from app.setup.schema import init_database
from app.storage import db as dbmod
from app.storage.models import AuditEntry, Officer
from app.storage.transactions import read
from tests.outage import database_cut_off


def _logouts() -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action == "logout"))


@pytest.mark.expect_log("app.storage", "WARNING")  # the outage, on purpose
def test_a_sign_out_during_an_outage_is_audited_once_with_its_real_time(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    officer = officers.add_officer("petugas1", "petugas123")
    signed_out_at = dt.datetime(2024, 7, 1, 10, 5, 0)
    travel(signed_out_at)
    with database_cut_off(office, dbmod.discard_connection):
        officers.log_out(officer, 3)  # not refused: kept on this PC
    assert audit_outbox.outbox_path().exists()
    assert audit_outbox.outbox_path().stat().st_mode & 0o077 == 0
    travel(signed_out_at + dt.timedelta(minutes=7))

    assert read(lambda: Officer.select().count()) >= 1  # the database answers again
    entries = _logouts()
    assert len(entries) == 1
    assert entries[0].at == signed_out_at
    assert entries[0].officer_id == officer.id and entries[0].counter == 3
    assert not audit_outbox.outbox_path().exists()
    assert audit_outbox.flush() == 0  # a second flush writes nothing
    assert len(_logouts()) == 1


def test_an_entry_written_before_a_crash_emptied_the_file_is_not_written_twice(
        office: str) -> None:
    officer = officers.add_officer("petugas1", "petugas123")
    audit_outbox.keep("logout", officer=officer.id, counter=2, subject="petugas1")
    kept = audit_outbox.outbox_path().read_text(encoding="utf-8")
    assert audit_outbox.flush() == 1
    audit_outbox.outbox_path().write_text(kept, encoding="utf-8")  # as if not emptied
    audit_outbox.flush()
    assert len(_logouts()) == 1


def test_an_entry_kept_for_one_database_is_not_written_into_another(
        office: str, tmp_path: Path) -> None:
    """A PC pointed at another office's database meanwhile keeps the entry for its own."""
    officer = officers.add_officer("petugas1", "petugas123")
    ours = settings.get_settings(fresh=True).database_id
    assert ours
    audit_outbox.keep("logout", officer=officer.id, counter=2, subject="petugas1")

    home = dbmod.database.obj
    other = dbmod.connect(f"sqlite:///{tmp_path / 'another-office.sqlite3'}")
    try:
        init_database(other)
        settings.invalidate_cache()
        assert settings.get_settings().database_id not in ("", ours)
        assert audit_outbox.flush() == 0
        assert not read(_logouts)
        assert audit_outbox.outbox_path().exists()  # kept for its own office
    finally:
        other.close()
        dbmod.bind(home)
        settings.invalidate_cache()

    assert audit_outbox.flush() == 1
    assert [e.counter for e in _logouts()] == [2]
    assert not audit_outbox.outbox_path().exists()


def test_the_database_id_is_made_once_and_cannot_be_changed(office: str) -> None:
    first = settings.get_settings(fresh=True).database_id
    init_database(dbmod.database.obj)  # an upgrade runs init-db again
    assert settings.get_settings(fresh=True).database_id == first
    admin = officers.add_officer("kepala", "kepala123", role="admin")
    with pytest.raises(InvalidInput):
        settings.update_settings(admin, database_id="0" * 32)
