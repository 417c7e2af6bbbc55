"""The database servers the suite runs against, and a scratch database on each.

SQLite needs nothing. PostgreSQL and MariaDB are the machine's own servers
(``LOKET_TEST_POSTGRES`` / ``LOKET_TEST_MYSQL`` override the URLs). Each test
run makes its own database on each server and drops it at the end, so runs
never see each other's rows. Without CI a missing server skips with a reason;
with ``CI=true`` it fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlparse

import peewee
from playhouse.db_url import connect as url_connect

from app.storage import guards

SERVER_URLS = {
    "postgresql": os.environ.get("LOKET_TEST_POSTGRES",
                                 "postgresql://postgres@127.0.0.1:5432/test"),
    "mysql": os.environ.get("LOKET_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test"),
}

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _with_database(url: str, name: str) -> str:
    return urlparse(url)._replace(path=f"/{name}").geturl()


@contextmanager
def maintenance(backend: str) -> Iterator[peewee.Database]:
    """A new connection to the server's maintenance database, closed afterwards."""
    admin = url_connect(SERVER_URLS[backend], connect_timeout=3)
    admin.connect()
    try:
        yield admin
    finally:
        admin.close()


def _on_server(backend: str, postgresql_sql: str, mysql_sql: str) -> None:
    """Run one statement on the server's maintenance database."""
    with maintenance(backend) as admin:
        # Bounded: a lock held by someone else fails the statement instead of waiting.
        admin.execute_sql("SET lock_timeout = '60s'" if backend == "postgresql"
                          else "SET SESSION lock_wait_timeout = 60")
        admin.execute_sql(postgresql_sql if backend == "postgresql" else mysql_sql)


def end_other_sessions(backend: str, url: str) -> int:
    """End every session on the scratch database at ``url``; return how many.

    Run before a test resets the database: a session a failed test left behind (a
    worker process still alive, a thread's connection in an open transaction) would
    hold locks the reset waits for, and one failure would become many. Only this
    run's own scratch database is touched, and only from the maintenance database.
    """
    name = urlparse(url).path.lstrip("/")
    try:
        return _end_sessions(_admin(backend), backend, name)
    except peewee.PeeweeException:  # the kept connection went away: once more, anew
        _forget_admin(backend)
        return _end_sessions(_admin(backend), backend, name)


_admins: dict[str, peewee.Database] = {}


def _admin(backend: str) -> peewee.Database:
    """This process's connection to the server's maintenance database, kept between
    tests (a new one per test cost up to 40 ms on MariaDB)."""
    if backend not in _admins:
        admin = url_connect(SERVER_URLS[backend], connect_timeout=3)
        admin.connect()
        _admins[backend] = admin
    return _admins[backend]


def _forget_admin(backend: str) -> None:
    admin = _admins.pop(backend, None)
    if admin is not None:
        with suppress(peewee.PeeweeException):
            admin.close()


def _end_sessions(admin: peewee.Database, backend: str, name: str) -> int:
    if backend == "postgresql":
        cursor = admin.execute_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        return len(cursor.fetchall())
    cursor = admin.execute_sql(
        "SELECT id FROM information_schema.processlist"
        " WHERE db = %s AND id <> CONNECTION_ID()", (name,))
    sessions = [int(session) for (session,) in cursor.fetchall()]
    for session in sessions:
        with suppress(peewee.DatabaseError):  # it may have ended by itself meanwhile
            admin.execute_sql(f"KILL {session}")
    return len(sessions)


def create_scratch_database(backend: str) -> str:
    """Create an empty database on the server; return its URL. Raises if unreachable."""
    name = f"loket_test_{uuid.uuid4().hex[:10]}"
    _on_server(backend, f'CREATE DATABASE "{name}"',
               f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    return _with_database(SERVER_URLS[backend], name)


def drop_scratch_database(backend: str, url: str) -> None:
    """Drop the run's database, first ending any session a test left on it: on MariaDB
    a leftover session's metadata lock would make DROP DATABASE wait for ever, and the
    worker would never finish (the run stuck near its end with no test running)."""
    name = urlparse(url).path.lstrip("/")
    # The run's result matters more than tidying a scratch database.
    with suppress(peewee.PeeweeException):
        end_other_sessions(backend, url)
    _forget_admin(backend)
    with suppress(peewee.DatabaseError):
        _on_server(backend, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                   f"DROP DATABASE IF EXISTS `{name}`")


@contextmanager
def _foreign_keys_off(db: peewee.Database) -> Iterator[None]:
    """Let tables be emptied or dropped in any order (PostgreSQL uses CASCADE instead)."""
    if isinstance(db, peewee.MySQLDatabase):
        off, on = "SET FOREIGN_KEY_CHECKS = 0", "SET FOREIGN_KEY_CHECKS = 1"
    elif isinstance(db, peewee.SqliteDatabase):
        off, on = "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON"
    else:
        yield
        return
    db.execute_sql(off)
    try:
        yield
    finally:
        db.execute_sql(on)


def _quoted(db: peewee.Database, table: str) -> str:
    return f"`{table}`" if isinstance(db, peewee.MySQLDatabase) else f'"{table}"'


def _filled(db: peewee.Database, tables: list[str]) -> list[str]:
    """Which of ``tables`` hold a row, asked in one statement (a test fills only a few)."""
    probes = " UNION ALL ".join(
        f"SELECT {i} FROM (SELECT 1 AS x FROM {_quoted(db, t)} LIMIT 1) AS probe{i}"
        for i, t in enumerate(tables))
    return [tables[int(i)] for (i,) in db.execute_sql(probes).fetchall()]


_superuser: dict[str, bool] = {}


def _is_superuser(db: peewee.Database) -> bool:
    key = str(db.database)
    if key not in _superuser:
        _superuser[key] = bool(db.execute_sql(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0])
    return _superuser[key]


def wipe(db: peewee.Database, tables: list[str]) -> None:
    """Empty every table and restart its ids (fast, keeps the schema).

    Only the tables holding rows are touched. TRUNCATE makes new files for each table
    on PostgreSQL (tens of milliseconds per table, per test): as a superuser the rows
    are deleted with the triggers off (the audit log's guard, the foreign keys) and the
    tables' id sequences restarted instead. On MariaDB, TRUNCATE is the fast way and also
    passes the audit log's guard; SQLite has no TRUNCATE.
    """
    tables = _filled(db, tables) if tables else []
    if not tables:
        return
    if isinstance(db, peewee.PostgresqlDatabase):
        if not _is_superuser(db):
            quoted = ", ".join(_quoted(db, t) for t in tables)
            db.execute_sql(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
            return
        with db.atomic():
            db.execute_sql("SET LOCAL session_replication_role = replica")
            for t in tables:
                db.execute_sql(f"DELETE FROM {_quoted(db, t)}")
            owned = db.execute_sql(  # the id sequences of the emptied tables
                "SELECT s.oid::regclass::text FROM pg_class s"
                " JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a'"
                " JOIN pg_class t ON t.oid = d.refobjid"
                " WHERE s.relkind = 'S' AND t.relname = ANY(%s)"
                " AND t.relnamespace = current_schema()::regnamespace",
                (tables,)).fetchall()
            for (sequence,) in owned:
                db.execute_sql(f"ALTER SEQUENCE {sequence} RESTART")
        return
    verb = "TRUNCATE TABLE" if isinstance(db, peewee.MySQLDatabase) else "DELETE FROM"
    sqlite = isinstance(db, peewee.SqliteDatabase)
    with _foreign_keys_off(db):
        if sqlite:  # SQLite's audit triggers refuse DELETE
            for verb_name in ("update", "delete"):
                db.execute_sql(f"DROP TRIGGER IF EXISTS audit_entry_no_{verb_name}")
        for t in tables:
            db.execute_sql(f"{verb} {_quoted(db, t)}")
        if sqlite:
            guards.install(db)


def drop_all_tables(db: peewee.Database) -> None:
    cascade = " CASCADE" if isinstance(db, peewee.PostgresqlDatabase) else ""
    with _foreign_keys_off(db):
        for t in db.get_tables():
            db.execute_sql(f"DROP TABLE IF EXISTS {_quoted(db, t)}{cascade}")
