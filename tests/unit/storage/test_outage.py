"""The database server drops our connection: a clear error, nothing half-done, and the
next call reconnects by itself. A retry with the same request id acts once."""

from __future__ import annotations

import uuid

import peewee
import pytest
from playhouse.db_url import connect as url_connect

from app.errors import DatabaseUnavailable
from app.queue import engine, pickup_tickets, status
from app.storage import db as dbmod
from app.storage.models import Ticket
from app.storage.transactions import read, run_in_transaction
from tests.helpers.people import setup_admin


def _kill_our_connection(url: str) -> None:
    """Have the server end this process's connection, as a crash or restart would."""
    db = dbmod.database.obj
    admin = url_connect(url)
    admin.connect()
    try:
        if isinstance(db, peewee.PostgresqlDatabase):
            pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            admin.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))
        else:
            conn_id = db.execute_sql("SELECT CONNECTION_ID()").fetchone()[0]
            admin.execute_sql(f"KILL {int(conn_id)}")
    finally:
        admin.close()


def _server_only(backend: str) -> None:
    if backend == "sqlite":
        pytest.skip("a SQLite file has no server connection to lose")


def test_idle_connection_dropped_by_the_server_is_replaced_unseen(office: str,
                                                                   backend: str) -> None:
    """Found dead at BEGIN, nothing of the work was sent: run once more on a new
    connection before anyone is told (the user's action succeeds, no banner)."""
    _server_only(backend)
    engine.issue_ticket("A")
    _kill_our_connection(office)
    rid = str(uuid.uuid4())
    again = engine.issue_ticket("A", request_id=rid)
    assert again.number == "A002"
    assert engine.issue_ticket("A", request_id=rid) == again
    assert Ticket.select().count() == 2


def test_read_after_dropped_connection_is_read_again_unseen(office: str, backend: str) -> None:
    _server_only(backend)
    status.office_status()
    _kill_our_connection(office)
    assert len(status.office_status().queues) == 5


def test_connection_dropped_inside_the_transaction_is_reported(office: str,
                                                               backend: str) -> None:
    """Past BEGIN the work may have reached the server: no quiet retry, a clear error,
    and a retry with the same request id acts once."""
    _server_only(backend)
    engine.issue_ticket("A")
    rid = str(uuid.uuid4())

    def issue_then_lose_connection() -> object:
        view = engine.issue_in_transaction("A")
        _kill_our_connection(office)
        return view

    with pytest.raises(DatabaseUnavailable) as err:
        run_in_transaction(issue_then_lose_connection)
    assert err.value.code == "database_unreachable"
    assert "tidak dapat dihubungi" in err.value.message("id")
    # The person reads one sentence; the driver's words go to the log and the error.
    assert "Error" in err.value.detail  # the driver's exception, by name and text
    assert err.value.detail not in err.value.message("id")
    assert err.value.detail in str(err.value)
    assert engine.issue_ticket("A", request_id=rid).number == "A002"
    assert engine.issue_ticket("A", request_id=rid).number == "A002"
    assert Ticket.select().count() == 2


def test_a_server_that_stays_away_is_reported_after_one_new_try(office: str,
                                                                backend: str) -> None:
    _server_only(backend)
    engine.issue_ticket("A")
    _kill_our_connection(office)
    db = dbmod.database.obj
    saved = dict(db.connect_params)
    db.connect_params["port"] = 1  # nothing listens there: connection refused
    try:
        with pytest.raises(DatabaseUnavailable) as err:
            engine.issue_ticket("A", request_id=str(uuid.uuid4()))
    finally:
        db.connect_params.clear()
        db.connect_params.update(saved)
    assert err.value.code == "database_unreachable"
    assert read(Ticket.select().count) == 1


def test_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(DatabaseUnavailable) as err:
        dbmod.connect("postgresql://loket@127.0.0.1:1/loket")
    assert "cannot be reached" in err.value.message("en")


def test_server_version_is_read_and_accepted(office: str, backend: str) -> None:
    kind, version = dbmod.server_version(dbmod.database.obj)
    assert kind in ("sqlite", "postgresql", "mariadb", "mysql") and version >= (3,)
    dbmod.check_server_version(dbmod.database.obj)


def test_too_old_server_is_refused(office: str, backend: str,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite has no minimum server version")
    kind, _ = dbmod.server_version(dbmod.database.obj)
    monkeypatch.setattr(dbmod, "server_version", lambda db: (kind, (5, 5)))
    from app.errors import InvalidInput

    with pytest.raises(InvalidInput) as err:
        dbmod.connect(office)
    assert "terlalu lama" in err.value.message("id")


def test_server_lost_in_the_middle_of_a_handover_keeps_nothing_half_done(
        office: str, backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if backend == "sqlite":
        pytest.skip("a SQLite file has no server connection to lose")
    from app.office import officers
    from app.pickup import backlog
    from app.pickup import service as pickup
    from app.storage.models import AuditEntry, PickupRecord

    backlog.import_backlog(b"no_permohonan,nama,status\n2024-TNG-000001,Budi,siap\n",
                           officer=setup_admin())
    officers.add_officer("petugas1", "petugas123")
    code = pickup.code_for("2024-TNG-000001")
    real_finish = pickup_tickets.finish_pickup_ticket
    calls = []

    def dies_after_the_update(record_id: int, counter: object) -> object:
        calls.append(record_id)
        if len(calls) == 1:  # the record is updated, the transaction not yet committed
            _kill_our_connection(office)
        return real_finish(record_id, counter)  # type: ignore[arg-type]

    monkeypatch.setattr(pickup_tickets, "finish_pickup_ticket", dies_after_the_update)
    rid = str(uuid.uuid4())
    with pytest.raises(DatabaseUnavailable):
        pickup.hand_over(code, 5, "petugas1", "self", id_checked=True, request_id=rid)
    dbmod.ensure_connected()  # as the next service call would
    assert PickupRecord.get().status == "ready"  # rolled back with the connection
    assert AuditEntry.select().where(AuditEntry.action == "pickup_handed_over").count() == 0
    # The counter retries the same request when the server answers again: once.
    done = pickup.hand_over(code, 5, "petugas1", "self", id_checked=True, request_id=rid)
    assert done.record.status == "collected"
    assert pickup.hand_over(code, 5, "petugas1", "self", id_checked=True,
                            request_id=rid) == done
    assert AuditEntry.select().where(AuditEntry.action == "pickup_handed_over").count() == 1


def test_server_lost_in_the_middle_of_an_import_imports_nothing(
        office: str, backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if backend == "sqlite":
        pytest.skip("a SQLite file has no server connection to lose")
    from app.pickup import backlog
    from app.storage.models import PickupRecord

    rows = "".join(f"2024-TNG-{i:06d},Pemohon {i},siap\n" for i in range(1, 1201))
    data = ("no_permohonan,nama,status\n" + rows).encode()
    real_insert = backlog._bulk_insert

    def dies_halfway(records: list) -> None:  # type: ignore[type-arg]
        real_insert(records[:600])  # half the rows are sent...
        _kill_our_connection(office)  # ...then the server goes away
        real_insert(records[600:])

    monkeypatch.setattr(backlog, "_bulk_insert", dies_halfway)
    with pytest.raises(DatabaseUnavailable):
        backlog.import_backlog(data, officer=setup_admin())
    monkeypatch.undo()
    dbmod.ensure_connected()
    assert PickupRecord.select().count() == 0
    assert backlog.import_backlog(data, officer=setup_admin()).created == 1200
