"""A hung server becomes "not answering" within seconds, never a wait without end.

The server's own bounds (statement and lock timeouts) are set on every session; the
client's own bound (a reply watch on PostgreSQL, PyMySQL's read timeout) covers a
server too hung to enforce them: one frozen with SIGSTOP, or a port that accepts and
never answers. No test here times anything: each waits for the error, and
pytest-timeout stops a wait that would never end.
"""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator

import peewee
import pytest

from app.errors import DatabaseUnavailable
from app.queue import engine
from app.storage import db as dbmod
from app.storage.models import Ticket
from app.storage.transactions import read, run_in_transaction
from tests.backends import IN_CI
from tests.private_clusters import PrivateServer


def test_every_session_carries_the_servers_bounds(office: str, backend: str) -> None:
    db = dbmod.database.obj
    if backend == "postgresql":
        values = dict(read(lambda: db.execute_sql(
            "SELECT name, setting FROM pg_settings WHERE name IN ('statement_timeout',"
            " 'lock_timeout', 'idle_in_transaction_session_timeout')").fetchall()))
        assert values == {"statement_timeout": str(dbmod.STATEMENT_TIMEOUT_S * 1000),
                          "lock_timeout": str(dbmod.LOCK_TIMEOUT_S * 1000),
                          "idle_in_transaction_session_timeout":
                              str(dbmod.IDLE_IN_TRANSACTION_TIMEOUT_S * 1000)}
        assert db.connect_params["keepalives_idle"] == 5
    elif backend == "mysql":
        values = read(lambda: db.execute_sql(
            "SELECT @@session.innodb_lock_wait_timeout, @@session.max_statement_time"
        ).fetchone())
        assert int(values[0]) == dbmod.LOCK_TIMEOUT_S
        assert float(values[1]) == dbmod.STATEMENT_TIMEOUT_S
        assert db.connect_params["read_timeout"] == dbmod.REPLY_TIMEOUT_S
    else:
        assert int(read(lambda: db.execute_sql("PRAGMA busy_timeout").fetchone()[0])) \
            == dbmod.SQLITE_BUSY_TIMEOUT_S * 1000


def _socket_of(db: peewee.Database, backend: str) -> socket.socket:
    """A duplicate of the socket this thread's connection talks through."""
    conn = db.connection()
    if backend == "mysql":
        return socket.fromfd(conn._sock.fileno(), conn._sock.family, socket.SOCK_STREAM)
    return socket.fromfd(conn.fileno(), socket.AF_INET, socket.SOCK_STREAM)


def test_every_server_connection_has_its_keepalives_and_a_bounded_connect(
        office: str, backend: str) -> None:
    """Set on the socket itself, not only asked for: a server that vanishes while a
    counter is idle is found in seconds on both servers, not after the system's two
    hours; a server that never answers a new connection is given up."""
    if backend == "sqlite":
        pytest.skip("a SQLite file has no network connection")
    db = dbmod.database.obj
    read(lambda: db.execute_sql("SELECT 1").fetchone())
    assert db.connect_params["connect_timeout"] == dbmod.CONNECT_TIMEOUT_S
    sock = _socket_of(db, backend)
    try:
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) \
            == dbmod.KEEPALIVES["keepalives_idle"]
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL) \
            == dbmod.KEEPALIVES["keepalives_interval"]
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT) \
            == dbmod.KEEPALIVES["keepalives_count"]
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT) \
            == dbmod.TCP_USER_TIMEOUT_MS
    finally:
        sock.close()  # the duplicate only


def test_a_row_held_by_a_stuck_session_is_not_answering(office: str, backend: str) -> None:
    """A PC that froze inside a transaction holds its rows; the others give up after the
    lock timeout with a sentence, instead of waiting for it."""
    if backend == "sqlite":
        pytest.skip("SQLite's writers queue on its busy timeout")
    ticket = engine.issue_ticket("A")
    holder = dbmod.open_database(office)
    holder.connect()
    try:
        holder.execute_sql("BEGIN")
        holder.execute_sql(f"SELECT id FROM {Ticket._meta.table_name} WHERE id = {ticket.id}"
                           " FOR UPDATE")
        with pytest.raises(DatabaseUnavailable) as err:
            run_in_transaction(lambda: Ticket.update(recall_count=1)
                               .where(Ticket.id == ticket.id).execute())
        assert err.value.code == "database_not_answering"
        assert "did not answer in time" in err.value.message("en")
    finally:
        holder.execute_sql("ROLLBACK")
        holder.close()
    assert engine.issue_ticket("A").number == "A002"  # the next action works


@pytest.fixture
def private_server() -> Iterator[PrivateServer]:
    try:
        server = PrivateServer()
    except (OSError, subprocess.SubprocessError) as exc:
        if IN_CI:
            pytest.fail(f"could not start a private PostgreSQL: {exc}")
        pytest.skip(f"could not start a private PostgreSQL: {exc}")
    try:
        yield server
    finally:
        server.close()  # thaws it first, whatever the test did


@pytest.fixture
def bound_to(private_server: PrivateServer) -> Iterator[peewee.Database]:
    previous = dbmod.database.obj
    db = dbmod.connect(private_server.url)
    try:
        yield db
    finally:
        dbmod.discard_connection()
        if previous is not None:
            dbmod.bind(previous)


def test_a_frozen_server_is_not_answering_then_found_again(
        private_server: PrivateServer, bound_to: peewee.Database) -> None:
    assert read(lambda: bound_to.execute_sql("SELECT 1").fetchone()[0]) == 1
    private_server.freeze()
    # A statement on the open connection: the reply watch cuts it.
    with pytest.raises(DatabaseUnavailable) as err:
        read(lambda: bound_to.execute_sql("SELECT 1").fetchone())
    assert err.value.code == "database_not_answering"
    assert "no reply" in err.value.detail
    # A new connection: libpq's connect_timeout bounds the start-up.
    with pytest.raises(DatabaseUnavailable) as err:
        read(lambda: bound_to.execute_sql("SELECT 1").fetchone())
    assert err.value.code == "database_not_answering"
    private_server.thaw()
    assert read(lambda: bound_to.execute_sql("SELECT 2").fetchone()[0]) == 2


def test_a_frozen_server_inside_a_write_is_reported_not_retried(
        private_server: PrivateServer, bound_to: peewee.Database) -> None:
    bound_to.execute_sql("CREATE TABLE tap (id INTEGER)")

    def write_then_freeze() -> None:
        bound_to.execute_sql("INSERT INTO tap VALUES (1)")
        private_server.freeze()
        bound_to.execute_sql("INSERT INTO tap VALUES (2)")

    with pytest.raises(DatabaseUnavailable) as err:
        run_in_transaction(write_then_freeze)
    assert err.value.code == "database_not_answering"
    private_server.thaw()
    assert read(lambda: bound_to.execute_sql("SELECT COUNT(*) FROM tap").fetchone()[0]) == 0


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield int(listener.getsockname()[1])


@pytest.mark.parametrize("scheme", ["postgresql", "mysql"])
def test_a_port_that_never_answers_is_not_answering(silent_port: int, scheme: str) -> None:
    previous = dbmod.database.obj
    try:
        with pytest.raises(DatabaseUnavailable) as err:
            dbmod.connect(f"{scheme}://loket@127.0.0.1:{silent_port}/loket")
        assert err.value.code == "database_not_answering"
        assert "tidak menjawab" in err.value.message("id")
    finally:
        if previous is not None:
            dbmod.bind(previous)
