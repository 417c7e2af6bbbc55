"""A database login per kind of PC: each mode's real work passes with its own login, and
what it must not do is refused by the server itself (PostgreSQL and MariaDB)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import peewee
import pytest

from app import feed
from app.errors import Refused
from app.notify import near
from app.office import officers, settings
from app.office.officers import LoginThrottle
from app.pickup import backlog, journal, journal_check, reconcile
from app.pickup import service as pickup
from app.private_files import append_json_line
from app.queue import board, desk, engine, kiosk, merge
from app.storage import db as dbmod
from app.storage import logins, migrations
from app.storage.models import AuditEntry, Officer, Setting, SigningKey, Ticket, TicketContact
from tests.helpers import NOW
from tests.helpers.databases import keys_back_in_setting
from tests.helpers.emergency import backup_of_the_office, emergency_file, serve, working_on
from tests.helpers.people import setup_admin

PASSWORD = "Login-pw-" + uuid.uuid4().hex[:8]
LIST = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
        b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n")


def _as(url: str, name: str) -> str:
    parsed = urlparse(url)
    where = parsed.netloc.rpartition("@")[2]
    return parsed._replace(netloc=f"{name}:{PASSWORD}@{where}").geturl()


@pytest.fixture
def owner(office: str, backend: str,
          travel: Callable[[dt.datetime], None]) -> Iterator[tuple[peewee.Database, str]]:
    """The owner's connection, with a passport on the shelf and an officer; every login
    a test makes is dropped afterwards (names unique to this run)."""
    if backend == "sqlite":
        pytest.skip("SQLite is one file on one PC: it has no logins to grant")
    travel(NOW)
    backlog.import_backlog(LIST, batch="Backlog", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    db = dbmod.database.obj
    made: list[str] = []
    db._loket_made = made  # type: ignore[attr-defined]
    yield db, office
    owner_db = dbmod.connect(office)
    for name in made:
        if name in {login.name for login in logins.list_logins(owner_db)}:
            logins.drop_login(owner_db, name)
    owner_db.close()


def _login(owner: tuple[peewee.Database, str], mode: str) -> str:
    """Make a login of ``mode`` and connect every model through it; its name."""
    db, url = owner
    name = f"lk{uuid.uuid4().hex[:8]}_{mode}"
    db._loket_made.append(name)  # type: ignore[attr-defined]
    logins.create_login(db, name, PASSWORD, mode)
    assert logins.Login(name, mode) in logins.list_logins(db)
    settings.invalidate_cache()
    dbmod.connect(_as(url, name))
    return name


def _refused(work: Callable[[], object]) -> None:
    with pytest.raises(peewee.DatabaseError) as caught:
        work()
    assert logins.is_denied(caught.value), caught.value
    dbmod.database.obj.rollback()


def test_the_display_reads_the_board_and_nothing_personal(
        owner: tuple[peewee.Database, str]) -> None:
    engine.issue_ticket("A")
    _login(owner, "display")
    shown = board.load_board()
    assert shown is not None
    assert feed.changes_since(0)
    _refused(lambda: Officer.select(Officer.username).first())
    _refused(lambda: pickup.records())
    _refused(lambda: Ticket.insert(queue=1, service_day=NOW.date(), seq=99, number="A099",
                                   service_queue=1, issued_at=NOW).execute())


def test_the_display_reads_the_settings_but_not_the_signing_keys(
        owner: tuple[peewee.Database, str]) -> None:
    """Whoever holds the lobby display's login cannot sign a slip or a ticket."""
    name = settings.get_settings(fresh=True).office_name
    _login(owner, "display")
    assert settings.get_settings(fresh=True).office_name == name
    shown = settings.shown_settings()  # ``loket settings show`` on the display's PC
    assert shown["office_name"] == name and "previous_signing_keys" not in shown
    _refused(lambda: SigningKey.select().first())
    _refused(lambda: settings.signing_keys(fresh=True))
    _refused(lambda: pickup.code_for("2024-TNG-000001"))


@pytest.mark.parametrize("mode", ["kiosk", "counter", "admin"])
def test_the_pcs_that_sign_or_check_codes_read_the_signing_keys(
        owner: tuple[peewee.Database, str], mode: str) -> None:
    keys = settings.signing_keys(fresh=True)
    slip = pickup.code_for("2024-TNG-000001")
    _login(owner, mode)
    assert settings.signing_keys(fresh=True) == keys
    assert pickup.verify(slip).verified
    assert "previous_signing_keys" in settings.shown_settings()


def test_an_upgrade_grants_the_key_table_to_the_logins_already_made(
        owner: tuple[peewee.Database, str]) -> None:
    """Logins made before schema version 13: the migration (as the owner) grants them the
    new table by their mode, so the kiosks print after the upgrade; the display gets none."""
    db, url = owner
    keys = settings.signing_keys(fresh=True)
    made = {mode: _login(owner, mode) for mode in ("display", "kiosk", "counter")}
    dbmod.connect(url)
    keys_back_in_setting(dbmod.database.obj)  # as version 12 left it (no grants on it)
    migrations.migrate(dbmod.database.obj)
    for mode, name in made.items():
        settings.invalidate_cache()
        dbmod.connect(_as(url, name))
        if mode == "display":
            _refused(lambda: settings.signing_keys(fresh=True))
        else:
            assert settings.signing_keys(fresh=True) == keys, mode
        dbmod.database.obj.close()
    assert {login.name: login.mode for login in logins.list_logins(db)
            if login.name in made.values()} == {name: mode for mode, name in made.items()}


def test_a_kiosk_issues_and_checks_in_but_changes_no_office_data(
        owner: tuple[peewee.Database, str]) -> None:
    _login(owner, "kiosk")
    assert kiosk.board().services
    ticket = kiosk.take_ticket("A", request_id=uuid.uuid4().hex)
    assert ticket.number.startswith("A")
    checked = kiosk.check_in(pickup.code_for("2024-TNG-000001"), request_id=uuid.uuid4().hex)
    assert checked.number
    kiosk.cancel_unprinted(ticket.id)
    _refused(lambda: Officer.insert(username="x", full_name="x", role="admin",
                                    password_hash="x", created_at=NOW).execute())
    _refused(lambda: Setting.update(value="x").where(Setting.key == "office_name").execute())
    _refused(lambda: Ticket.delete().where(Ticket.id == ticket.id).execute())


def test_a_kiosk_keeps_a_phone_it_cannot_read_and_the_supervisors_pc_tells_it(
        owner: tuple[peewee.Database, str]) -> None:
    settings.update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused",
                             notify_near_places=1)
    _login(owner, "kiosk")
    ticket = kiosk.take_ticket("A", request_id=uuid.uuid4().hex)
    near.leave_phone(ticket.id, "0812 3456 7890")
    near.leave_phone(ticket.id, "0812 3456 7890")  # a repeated tap: still the one row
    _refused(lambda: TicketContact.select(TicketContact.phone).first())
    _refused(lambda: TicketContact.delete().execute())
    _login(owner, "admin")  # the sender runs on the supervisor's PC
    assert near.enqueue_number_near() == 1
    assert near.forget_past_days(NOW + dt.timedelta(days=1)) == 1


def test_a_kiosk_keeps_a_passports_phone_for_its_pickup_ticket_by_a_copy_in_the_database(
        owner: tuple[peewee.Database, str]) -> None:
    """The kiosk's login gets the last 4 digits to show, and a yes copies the number
    into ticket_contact with INSERT … SELECT: insert, never read back."""
    backlog.import_backlog(b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap;telepon\n"
                           b"2024-TNG-000009;Ani;X9999999;Rak A-09;20/06/2024;0812 9999 1234\n",
                           batch="Backlog", officer=setup_admin())
    settings.update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused",
                             notify_near_places=1)
    engine.issue_ticket("backlog")
    engine.issue_ticket("backlog")
    slip = pickup.code_for("2024-TNG-000009")
    _login(owner, "kiosk")
    ticket = kiosk.check_in(slip, request_id=uuid.uuid4().hex)
    assert (ticket.near_places, ticket.near_phone_ending) == (1, "1234")
    assert near.use_passport_phone(ticket.id) == "1234"
    assert near.use_passport_phone(ticket.id) == "1234"  # a repeated tap: still the one row
    _refused(lambda: TicketContact.select(TicketContact.phone).first())
    _login(owner, "admin")
    assert [(c.ticket_id, c.phone) for c in TicketContact.select()] == [
        (ticket.id, "+6281299991234")]


def test_an_upgrade_gives_the_logins_already_made_their_grants_on_the_new_table(
        owner: tuple[peewee.Database, str]) -> None:
    """Schema version 14 adds ticket_contact: a kiosk's login made before it may insert
    there once the owner has migrated, with no new login."""
    from app.storage import migrations
    from app.storage.models import SchemaVersion

    _db, url = owner
    settings.update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused",
                             notify_near_places=1)
    kiosk_login = _login(owner, "kiosk")
    ticket = kiosk.take_ticket("A", request_id=uuid.uuid4().hex)
    owner_db = dbmod.connect(url)
    try:  # as version 13 left it: no table, so no grant on it
        owner_db.drop_tables([TicketContact])
        SchemaVersion.delete().where(SchemaVersion.version >= 14).execute()
        assert migrations.migrate(owner_db)[1] == migrations.head_version()
    finally:
        owner_db.create_tables([TicketContact], safe=True)
        owner_db.close()
    dbmod.connect(_as(url, kiosk_login))
    near.leave_phone(ticket.id, "0812 3456 7890")
    _refused(lambda: TicketContact.select(TicketContact.phone).first())


def test_a_counter_signs_in_calls_finishes_and_hands_over(
        owner: tuple[peewee.Database, str]) -> None:
    engine.issue_ticket("A")
    code = pickup.code_for("2024-TNG-000001")
    pickup.check_in(code)
    _login(owner, "counter")
    throttle = LoginThrottle()
    with pytest.raises(Refused) as wrong:
        officers.log_in("petugas1", "not-the-password", 1, throttle)
    assert wrong.value.code == "login_failed"
    who = officers.log_in("petugas1", "petugas123", 1, throttle)
    assert who.username == "petugas1"
    with pytest.raises(Refused):
        officers.log_in("nobody", "petugas123", 1, throttle)
    assert desk.counter_desk(1).counter == 1
    called = engine.call_next(1, officer=who.id)
    engine.recall(called.id, 1)
    engine.start_serving(called.id, 1)
    engine.finish(called.id, 1)
    other = engine.issue_ticket("A")
    engine.transfer(other.id, 1, to_queue="W", officer=who.id)
    engine.call_ticket(other.id, 1, officer=who.id)
    engine.no_show(other.id, 1)
    engine.call_next(5, officer=who.id)
    done = pickup.hand_over(code, 5, who.id, "self", id_checked=True)
    assert done.record.status == "collected"
    _refused(lambda: Officer.select(Officer.password_hash).first())
    _refused(lambda: Officer.update(role="admin").where(Officer.id == who.id).execute())
    _refused(lambda: Setting.update(value="x").where(Setting.key == "office_name").execute())
    _refused(lambda: Ticket.delete().where(Ticket.id == called.id).execute())
    db = dbmod.database.obj
    _refused(lambda: db.execute_sql("UPDATE audit_entry SET action = 'x'"))
    _refused(lambda: db.execute_sql("DELETE FROM audit_entry"))
    _refused(lambda: AuditEntry.select(AuditEntry.details).first())
    dbmod.connect(owner[1])
    # One audit entry for the wrong password: the database's own (not the PC's too).
    failed = list(AuditEntry.select(AuditEntry.details).where(
        AuditEntry.action == "login_failed", AuditEntry.officer == who.id))
    assert len(failed) == 1 and "database" in failed[0].details


def test_a_counter_login_cannot_reconcile_handovers_and_is_told_where_to(
        owner: tuple[peewee.Database, str]) -> None:
    """Seeing an undone handover takes reading the audit log, which a counter's login
    may not: refused before anything is written; the supervisor's PC's login does it."""
    supervisor = officers.add_officer("supervisor", "super123!", role="supervisor").id
    fact = reconcile.HandoverFact("2024-TNG-000001", NOW, 5, "petugas1", "self", None,
                                  True, True, "journal:x")
    _login(owner, "counter")
    with pytest.raises(Refused) as refused:
        reconcile.reconcile([fact], supervisor)
    assert refused.value.code == "reconcile_login_too_narrow"
    assert "PC supervisor" in refused.value.message("id")
    assert pickup.records()[0].status == "ready"
    _login(owner, "admin")
    done = reconcile.reconcile([fact], supervisor)
    assert [o.result for o in done.outcomes] == ["recorded"]
    assert pickup.records()[0].collected_at == NOW.isoformat()


def test_a_counter_login_checks_its_journal_and_an_undone_handover_is_not_missing(
        owner: tuple[peewee.Database, str], travel: Callable[[dt.datetime], None]) -> None:
    """The counter sees what the database lacks from the passport's own record, without
    the audit log its login may not read."""
    supervisor = officers.add_officer("supervisor", "super123!", role="supervisor").id
    pickup.hand_over("2024-TNG-000001", 5, "petugas1", "self", id_checked=True)
    travel(NOW + dt.timedelta(hours=1))
    pickup.undo_hand_over("2024-TNG-000001", supervisor, "salah orang")
    append_json_line(journal.journal_path(), {
        "application_no": "2024-TNG-999999", "collected_at": NOW.isoformat(),
        "counter": 5, "officer": "petugas1", "database": settings.seen_database_id()})
    _login(owner, "counter")
    check = journal_check.unrecorded()
    assert check.checked == 2
    assert [f.application_no for f in check.missing] == ["2024-TNG-999999"]


def test_the_database_stops_guessing_through_the_sign_in_function(
        owner: tuple[peewee.Database, str]) -> None:
    _login(owner, "counter")
    for _ in range(logins.FAILURE_LIMIT):
        with pytest.raises(Refused):
            officers.log_in("petugas1", "guess-guess", 1, LoginThrottle(free_attempts=999))
    with pytest.raises(Refused) as held:
        officers.log_in("petugas1", "petugas123", 1, LoginThrottle(free_attempts=999))
    assert held.value.code == "login_throttled"


def test_an_admin_login_manages_officers_but_not_the_audit_log(
        owner: tuple[peewee.Database, str]) -> None:
    _login(owner, "admin")
    assert not logins.may_change_officers(owner[0]) or True
    officers.add_officer("petugas9", "petugas999")
    who = officers.log_in("petugas9", "petugas999", None, LoginThrottle())
    assert who.role == "officer"
    db = dbmod.database.obj
    _refused(lambda: db.execute_sql("UPDATE schema_version SET name = 'x'"))
    with pytest.raises(peewee.DatabaseError):
        db.execute_sql("DELETE FROM audit_entry")
    db.rollback()


def test_a_non_admin_pc_refuses_a_login_that_may_change_officers(
        owner: tuple[peewee.Database, str]) -> None:
    db, _ = owner
    assert logins.may_change_officers(db)
    _login(owner, "counter")
    assert not logins.may_change_officers(dbmod.database.obj)


def test_only_loket_logins_are_listed_and_dropped(owner: tuple[peewee.Database, str]) -> None:
    db, _ = owner
    name = f"lk{uuid.uuid4().hex[:8]}_kiosk"
    db._loket_made.append(name)  # type: ignore[attr-defined]
    logins.create_login(db, name, PASSWORD, "kiosk")
    assert logins.Login(name, "kiosk") in logins.list_logins(db)
    logins.create_login(db, name, PASSWORD + "2", "counter")  # renewed, now a counter's
    assert logins.Login(name, "counter") in logins.list_logins(db)
    logins.drop_login(db, name)
    assert name not in {login.name for login in logins.list_logins(db)}
    with pytest.raises(Refused):
        logins.drop_login(db, logins.current_login(db))


def test_every_table_of_the_schema_has_its_grants_decided() -> None:
    """A new table must be named in the admin's list (and so decided for every mode):
    otherwise the hall's logins would be refused it the day it ships."""
    from app.storage import logins
    from app.storage.models import ALL_MODELS

    tables = {model._meta.table_name for model in ALL_MODELS}
    assert tables == set(logins._ALL_TABLES)


def test_a_display_login_cannot_merge_tickets_and_is_told_where_to(
        owner: tuple[peewee.Database, str], tmp_path: Path,
        travel: Callable[[dt.datetime], None]) -> None:
    """Merging the emergency PC's tickets reads officers and passports, which the lobby
    display's login may not: refused before anything is written."""
    supervisor = officers.add_officer("supervisor", "super123!", role="supervisor").id
    file = emergency_file(backup_of_the_office(tmp_path / "backups"), tmp_path)
    with working_on(f"sqlite:///{file}"):
        travel(NOW + dt.timedelta(hours=1))
        serve("A", 1, "petugas1")
    _login(owner, "display")
    with pytest.raises(Refused) as refused:
        merge.merge(str(file), supervisor)
    assert refused.value.code == "ticket_merge_login_too_narrow"
    assert "PC supervisor" in refused.value.message("id")
    _login(owner, "admin")
    assert not Ticket.select().exists()
    assert merge.merge(str(file), supervisor).counts()["merged"] == 1
