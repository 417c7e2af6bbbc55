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
