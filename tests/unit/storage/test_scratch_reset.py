"""The suite's own safety net: a session a failed test left behind, holding a lock,
does not block the next test's reset of the scratch database (it once made one
failure into twenty-one ``deadlock detected`` errors)."""

from __future__ import annotations

from contextlib import suppress

import peewee
import pytest

from app.storage import db as dbmod
from tests import backends


@pytest.mark.parametrize("backend", ["postgresql", "mysql"])
def test_a_session_left_holding_a_lock_does_not_block_the_reset(
        backend: str, database_url: str) -> None:
    server, url = backend, database_url
    db = dbmod.open_database(url)
    db.connect()
    orphan = dbmod.open_database(url)
    try:
        backends.drop_all_tables(db)
        db.execute_sql("CREATE TABLE held (x INTEGER)")
        db.close()
        orphan.connect()
        orphan.execute_sql("BEGIN")
        orphan.execute_sql("SELECT * FROM held")  # a shared lock until its transaction ends

        assert backends.end_other_sessions(server, url) >= 1
        db.connect()
        # Bounded, so a regression fails here instead of waiting for the orphan forever.
        db.execute_sql("SET lock_timeout = '10s'" if server == "postgresql"
                       else "SET SESSION lock_wait_timeout = 10")
        backends.wipe(db, ["held"])
        backends.drop_all_tables(db)
        assert db.get_tables() == []
        with pytest.raises((peewee.DatabaseError, peewee.InterfaceError)):
            orphan.execute_sql("SELECT 1")  # the orphan's session is gone
    finally:
        with suppress(peewee.PeeweeException):  # a connection the server already ended
            orphan.close()
        db.close()


@pytest.mark.parametrize("backend", ["postgresql", "mysql"])
def test_a_session_left_holding_a_lock_does_not_block_dropping_the_run_database(
        backend: str, server_urls: dict[str, str | None]) -> None:
    """A worker drops its scratch database when it finishes; a session a test left in
    an open transaction must not hold that drop (and the whole run) for ever."""
    if server_urls.get(backend) is None:
        (pytest.fail if backends.IN_CI else pytest.skip)(f"{backend} server unreachable")
    url = backends.create_scratch_database(backend)
    orphan = dbmod.open_database(url)
    try:
        orphan.connect()
        orphan.execute_sql("CREATE TABLE held (x INTEGER)")
        orphan.execute_sql("BEGIN")
        orphan.execute_sql("SELECT * FROM held")  # a shared/metadata lock until it ends

        backends.drop_scratch_database(backend, url)

        name = url.rsplit("/", 1)[1]
        with backends.maintenance(backend) as admin:
            sql = ("SELECT 1 FROM pg_database WHERE datname = %s" if backend == "postgresql"
                   else "SELECT 1 FROM information_schema.schemata WHERE schema_name = %s")
            assert admin.execute_sql(sql, (name,)).fetchone() is None
    finally:
        with suppress(peewee.PeeweeException):
            orphan.close()
        backends.drop_scratch_database(backend, url)
