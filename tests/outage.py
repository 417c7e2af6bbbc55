"""Making the database unreachable for a while, for window tests.

Every connection this process has is cut (the server ends it, or — for a SQLite
file — the thread that holds it is asked to drop it) and new connections fail
(the server's port, or the file's path, points nowhere) until the block ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlparse

import peewee
from playhouse.db_url import connect as url_connect

from app.storage import db as dbmod

DEAD_FILE = "/nonexistent-loket-test/unreachable.sqlite3"


def _kill_server_connections(url: str) -> None:
    name = urlparse(url).path.lstrip("/")
    admin = url_connect(url)
    admin.connect()
    try:
        if isinstance(admin, peewee.PostgresqlDatabase):
            admin.execute_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        else:
            own = admin.execute_sql("SELECT CONNECTION_ID()").fetchone()[0]
            rows = admin.execute_sql("SELECT id FROM information_schema.processlist "
                                     "WHERE db = %s AND id <> %s", (name, own)).fetchall()
            for (conn_id,) in rows:
                with suppress(peewee.DatabaseError):  # it ended by itself meanwhile
                    admin.execute_sql(f"KILL {int(conn_id)}")
    finally:
        admin.close()


@contextmanager
def database_cut_off(url: str, drop_sqlite_connection: Callable[[], None]) -> Iterator[None]:
    """Inside the block the database cannot be reached; after it, it can again.

    ``drop_sqlite_connection`` makes the thread under test close its SQLite
    connection (a file has no server that could end it).
    """
    db = dbmod.database.obj
    if isinstance(db, peewee.SqliteDatabase):
        saved_path = db.database
        db.database = DEAD_FILE
        drop_sqlite_connection()
        try:
            yield
        finally:
            db.database = saved_path
        return
    saved = dict(db.connect_params)
    _kill_server_connections(url)
    db.connect_params["port"] = 1  # nothing listens there: connection refused
    if db.is_closed() is False:
        dbmod.discard_connection()
    try:
        yield
    finally:
        db.connect_params.clear()
        db.connect_params.update(saved)
