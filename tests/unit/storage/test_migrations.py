"""Schema creation, versioning and migration of a live database without loss."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable
from pathlib import Path

import peewee
import pytest
from playhouse.migrate import migrate as run_ops

from app.errors import SchemaError
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.setup.schema import init_database, seed_demo
from app.storage import db as dbmod
from app.storage import migrations
from app.storage.models import ALL_MODELS, PickupRecord, SchemaVersion, Ticket
from tests.helpers.databases import back_to_version_1
from tests.helpers.people import setup_admin


def test_new_database_gets_every_table_and_the_head_version(database_url: str) -> None:
    db = dbmod.connect(database_url)
    try:
        assert migrations.current_version(db) == 0
        with pytest.raises(SchemaError):
            migrations.check_schema(db)
        result = init_database(db)
        assert result["schema_version"] == migrations.head_version()
        tables = set(db.get_tables())
        assert {m._meta.table_name for m in ALL_MODELS} <= tables
        assert migrations.check_schema(db) == migrations.head_version()
        # Idempotent: a second run changes nothing.
        assert init_database(db)["schema_before"] == migrations.head_version()
    finally:
        db.close()


def test_database_newer_than_program_is_refused(office: str) -> None:
    SchemaVersion.insert(version=migrations.head_version() + 1, name="future",
                         applied_at=peewee.datetime.datetime(2030, 1, 1)).execute()
    with pytest.raises(SchemaError) as err:
        migrations.check_schema(dbmod.database.obj)
    assert "Perbarui Loket" in err.value.message("id")


def test_pending_migration_runs_once_and_keeps_data(
        database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db = dbmod.connect(database_url)
    try:
        init_database(db)
        seed_demo(with_officers=False, with_passports=False)
        engine.issue_ticket("A")
        head = migrations.head_version()

        calls: list[int] = []

        copy = Path(str(db.database) + f".before-v{head}.bak")

        def add_note(database: peewee.Database, migrator: object) -> None:
            calls.append(1)
            if dbmod.backend_of(db) == "sqlite":  # a private copy while migrating
                assert copy.stat().st_size > 0 and copy.stat().st_mode & 0o777 == 0o600
            run_ops(migrator.add_column(  # type: ignore[attr-defined]
                "ticket", "note", peewee.TextField(default="")))

        extra = migrations.Migration(head + 1, "ticket_note",
                                     types.SimpleNamespace(NAME="ticket_note", migrate=add_note))
        real = migrations.available()
        monkeypatch.setattr(migrations, "available", lambda: [*real, extra])
        assert migrations.migrate(db) == (head, head + 1)
        assert migrations.migrate(db) == (head + 1, head + 1)
        assert calls == [1]
        assert "note" in {c.name for c in db.get_columns("ticket")}
        assert Ticket.select().count() == 1
        assert not copy.exists()  # migrated: the copy, full of names, is pruned
    finally:
        db.close()


def _a_working_office(url: str) -> peewee.Database:
    """The demo office, connected, with A001 called at counter 1."""
    db = dbmod.connect(url)
    init_database(db)
    seed_demo(with_officers=False, with_passports=False)
    engine.issue_ticket("A")
    engine.call_next(1)
    return db


def test_a_first_release_database_gains_passport_pickup_without_loss(
        database_url: str) -> None:
    db = _a_working_office(database_url)
    try:
        back_to_version_1(db)
        assert migrations.current_version(db) == 1
        assert "pickup_record" not in db.get_tables()

        assert migrations.migrate(db) == (1, migrations.head_version())
        assert "pickup_id" in {c.name for c in db.get_columns("ticket")}
        assert "ticket_pickup_id_status" in {i.name for i in db.get_indexes("ticket")}
        ticket = engine.get_ticket("A001")
        assert (ticket.status, ticket.counter, ticket.pickup) == ("called", 1, None)
        # The new tables work as the current models expect.
        backlog.import_backlog(b"no_permohonan,nama,status\n2024-TNG-000001,Budi,siap\n",
                               officer=setup_admin())
        checked_in = pickup.check_in("2024-TNG-000001")
        assert checked_in.ticket.pickup == PickupRecord.get().id
    finally:
        db.close()


def test_schema_version_4_indexes_the_audit_log_by_date_and_act(office: str) -> None:
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_ops

    from app.storage import db as dbmod
    from app.storage.migrations import m0004_audit

    db = dbmod.database.obj
    assert set(m0004_audit.INDEXES) <= {i.name for i in db.get_indexes("audit_entry")}
    for name in m0004_audit.INDEXES:  # a version-3 database has neither
        run_ops(SchemaMigrator.from_database(db).drop_index("audit_entry", name))
    SchemaVersion.delete().where(SchemaVersion.version >= 4).execute()
    assert migrations.migrate(db) == (3, migrations.head_version())
    assert set(m0004_audit.INDEXES) <= {i.name for i in db.get_indexes("audit_entry")}
    m0004_audit.migrate(db, SchemaMigrator.from_database(db))  # twice changes nothing


def _direct(db: peewee.Database, sql: str) -> None:
    with db.atomic():
        db.execute_sql(sql)


def test_the_database_refuses_to_rewrite_or_delete_an_audit_entry(office: str) -> None:
    """The owner's own login, bypassing the program's models: refused by the server."""
    from app.office.audit import record
    from app.storage.models import AuditEntry

    db = dbmod.database.obj
    with db.atomic():
        record("login", subject="petugas1")
    for sql in ("UPDATE audit_entry SET subject = 'someone else'",
                "UPDATE audit_entry SET details = '{}' WHERE id > 0",
                "DELETE FROM audit_entry",
                "DELETE FROM audit_entry WHERE id > 0"):
        with pytest.raises(peewee.DatabaseError) as err:
            _direct(db, sql)
        assert "append-only" in str(err.value)
    assert [(e.action, e.subject) for e in AuditEntry.select().order_by(AuditEntry.id)][-1] == (
        "login", "petugas1")


def test_schema_version_5_moves_names_out_of_the_audit_and_guards_it(office: str) -> None:
    import json

    from playhouse.migrate import SchemaMigrator

    from app.office import audit_log, officers
    from app.storage.migrations import m0005_audit_guard
    from app.storage.models import AuditEntry, AuditNote

    db = dbmod.database.obj
    backlog.import_backlog(b"no_permohonan;nama;tanggal_siap;status\n"
                           b"2024-TNG-000001;Budi Santoso;28/06/2024;siap\n", officer=setup_admin())
    admin = officers.add_officer("kepala", "admin12345", role="admin")
    rec = PickupRecord.get()
    # As version 4 wrote them: the collector's name and the reason in the details.
    drops = (["DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry"]
             if dbmod.backend_of(db) == "postgresql" else
             [f"DROP TRIGGER IF EXISTS audit_entry_no_{verb}" for verb in ("update", "delete")])
    for sql in drops:
        db.execute_sql(sql)
    db.drop_tables([AuditNote])
    for action, details in (
            ("pickup_handed_over", {"record": rec.id, "collector": "proxy",
                                    "collector_name": "Nyai Kuasa"}),
            ("pickup_handover_undone", {"record": rec.id, "reason": "paspor tertukar",
                                        "undone": {"collector": "proxy",
                                                   "collector_name": "Nyai Kuasa"}}),
            ("ticket_cancelled", {"ticket": 7, "reason": "Pak Rudi pulang"})):
        AuditEntry.insert(at=peewee.datetime.datetime(2024, 7, 1), action=action,
                          subject=rec.application_no, details=json.dumps(details)).execute()
    SchemaVersion.delete().where(SchemaVersion.version >= 5).execute()
    assert migrations.migrate(db) == (4, migrations.head_version())
    raw = " ".join(e.details for e in AuditEntry.select())
    assert "Nyai Kuasa" not in raw and "tertukar" not in raw and "Rudi" not in raw
    shown = [r.details for r in reversed(audit_log.entries(admin.id).rows)]
    assert shown[-3:] == [
        {"record": rec.id, "collector": "proxy", "collector_name": "Nyai Kuasa"},
        {"record": rec.id, "reason": "paspor tertukar",
         "undone": {"collector": "proxy", "collector_name": "Nyai Kuasa"}},
        {"ticket": 7, "reason": "Pak Rudi pulang"}]
    with pytest.raises(peewee.DatabaseError):
        _direct(db, "DELETE FROM audit_entry")
    m0005_audit_guard.migrate(db, SchemaMigrator.from_database(db))  # twice changes nothing
    assert AuditNote.select().count() == 4


def test_schema_version_8_adds_counter_pauses_to_a_working_office(database_url: str) -> None:
    from app.queue import pauses
    from app.storage.models import CounterPause

    db = _a_working_office(database_url)
    try:
        db.drop_tables([CounterPause])  # as version 7 left it
        SchemaVersion.delete().where(SchemaVersion.version >= 8).execute()
        assert migrations.current_version(db) == 7

        assert migrations.migrate(db) == (7, migrations.head_version())
        assert "counter_pause" in db.get_tables()
        assert {"counter_pause_counter_id_ended_at", "counter_pause_started_at"} <= {
            i.name for i in db.get_indexes("counter_pause")}
        assert engine.get_ticket("A001").counter == 1
        assert pauses.pause_counter(2, "break").counter == 2
        assert pauses.current_pause(2) is not None
    finally:
        db.close()


def test_schema_version_11_puts_every_ticket_in_line_by_its_issue_and_adds_bookings(
        database_url: str) -> None:
    from playhouse.migrate import SchemaMigrator

    from app.queue import bookings
    from app.storage.migrations import m0011_bookings
    from app.storage.models import Booking

    db = dbmod.connect(database_url)
    try:
        init_database(db)
        seed_demo(with_officers=False, with_passports=False)
        for _ in range(3):
            engine.issue_ticket("A")
        # As version 10 left it: no booking table, no place in line, the call-order
        # index on the issue time.
        migrator = SchemaMigrator.from_database(db)
        db.drop_tables([Booking])
        new_index = next(i.name for i in db.get_indexes("ticket") if "line_at" in i.columns)
        run_ops(migrator.add_index("ticket", m0011_bookings._OLD_INDEX),
                migrator.drop_index("ticket", new_index),
                migrator.drop_column("ticket", "line_at"),
                migrator.drop_column("ticket", "booked"))
        SchemaVersion.delete().where(SchemaVersion.version >= 11).execute()
        before = migrations.current_version(db)
        assert before < 11

        assert migrations.migrate(db) == (before, migrations.head_version())
        m0011_bookings.migrate(db, SchemaMigrator.from_database(db))  # twice: no change
        indexes = {tuple(i.columns) for i in db.get_indexes("ticket")}
        assert m0011_bookings._NEW_INDEX in indexes
        assert m0011_bookings._OLD_INDEX not in indexes
        assert all(t.line_at == t.issued_at and not t.booked for t in Ticket.select())
        assert [engine.call_next(n).number for n in (1, 2, 3)] == ["A001", "A002", "A003"]
        # The new table works as the current models expect.
        bookings.import_bookings(b"kode_booking;nama;layanan;tanggal;jam\n"
                                 b"MP-0001;Budi;A;01/07/2024;09:30\n", officer=setup_admin())
        assert Booking.get().code == "MP-0001"
    finally:
        db.close()


def test_schema_version_13_moves_the_signing_keys_and_printed_slips_still_verify(
        database_url: str, travel: Callable[[dt.datetime], None]) -> None:
    import json

    from playhouse.migrate import SchemaMigrator

    from app.office import settings
    from app.storage.migrations import m0013_signing_key_table
    from app.storage.models import Setting, SigningKey
    from tests.helpers import NOW
    from tests.helpers.databases import keys_back_in_setting

    travel(NOW)
    db = dbmod.connect(database_url)
    try:
        init_database(db)
        seed_demo(with_officers=False, with_passports=False)
        admin = setup_admin()
        backlog.import_backlog(b"no_permohonan,nama,status\n2024-TNG-000001,Budi,siap\n",
                               officer=admin)
        retired_slip = pickup.code_for("2024-TNG-000001")
        settings.rotate_signing_key(admin, grace_days=10)  # a retired key in its grace
        slip = pickup.code_for("2024-TNG-000001")
        ticket = engine.issue_ticket("A")
        ticket_code = engine.ticket_code(ticket.id)
        keys = {row.key: row.value for row in SigningKey.select()}
        keys_back_in_setting(db)  # as version 12 left it: the keys among the settings
        assert "signing_key" not in db.get_tables()
        assert migrations.current_version(db) < 13

        assert migrations.migrate(db)[1] == migrations.head_version()
        settings.invalidate_cache()
        assert {row.key: row.value for row in SigningKey.select()} == keys
        assert not Setting.select().where(Setting.key.in_(list(keys))).exists()
        assert len(json.loads(keys["previous_signing_keys"])) == 1
        m0013_signing_key_table.migrate(db, SchemaMigrator.from_database(db))  # twice
        assert {row.key: row.value for row in SigningKey.select()} == keys
        for code in (slip, retired_slip):
            assert pickup.verify(code).verified
        assert engine.call_scanned(ticket_code, 1).number == ticket.number
        assert pickup.code_for("2024-TNG-000001") == slip  # still signed by the same key
    finally:
        db.close()


def test_schema_version_15_gives_merged_tickets_their_origin_once(database_url: str) -> None:
    from playhouse.migrate import SchemaMigrator

    from app.storage.migrations import m0015_ticket_origin

    db = _a_working_office(database_url)
    try:
        # As version 14 left it: no origin on a ticket.
        migrator = SchemaMigrator.from_database(db)
        run_ops(migrator.drop_index("ticket", "ticket_origin"),
                migrator.drop_column("ticket", "origin"))
        SchemaVersion.delete().where(SchemaVersion.version >= 15).execute()
        assert migrations.current_version(db) == 14

        assert migrations.migrate(db) == (14, migrations.head_version())
        m0015_ticket_origin.migrate(db, SchemaMigrator.from_database(db))  # twice: no change
        [index] = [i for i in db.get_indexes("ticket") if i.columns == ["origin"]]
        assert index.unique
        assert Ticket.get().origin is None
        assert engine.issue_ticket("A").number == "A002"  # many tickets without one
        ticket = Ticket.get(Ticket.number == "A002")
        Ticket.update(origin="paspor:2024-07-01:2:x").where(Ticket.id == ticket.id).execute()
        with pytest.raises(peewee.IntegrityError), db.atomic():
            Ticket.update(origin="paspor:2024-07-01:2:x").where(
                Ticket.number == "A001").execute()
    finally:
        db.close()
