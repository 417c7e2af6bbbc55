"""A primary and its standby behind one URL: libpq's multi-host form works everywhere
a URL is accepted, and a PC finds whichever server takes writes."""

from __future__ import annotations

import peewee
import pytest

from app.backup.restore import restore_command
from app.storage import db as dbmod
from app.storage.transactions import read
from tests.backends import SERVER_URLS
from tests.password_servers import free_port

TWO = ("postgresql://loket:p%40ss%3Aword@db1.office:5433,[fd00::2]:5434/loket"
       "?target_session_attrs=read-write&sslmode=prefer")


def test_the_host_list_and_every_parameter_reach_libpq() -> None:
    params = dbmod.postgres_params(TWO)
    assert params == {"database": "loket", "user": "loket", "password": "p@ss:word",
                      "host": "db1.office,fd00::2", "port": "5433,5434",
                      "target_session_attrs": "read-write", "sslmode": "prefer"}


def test_several_hosts_without_attributes_look_for_the_primary() -> None:
    params = dbmod.postgres_params("postgresql://loket@db1,db2:5433/loket")
    assert params["host"] == "db1,db2" and params["port"] == "5432,5433"
    assert params["target_session_attrs"] == "read-write"


def test_one_host_stays_as_it_was() -> None:
    params = dbmod.postgres_params("postgresql://loket@db1:5433/loket")
    assert params == {"database": "loket", "user": "loket", "host": "db1", "port": 5433}


def test_the_password_is_hidden_in_a_multi_host_url() -> None:
    assert dbmod.redact_url(TWO) == (
        "postgresql://loket:***@db1.office:5433,[fd00::2]:5434/loket"
        "?target_session_attrs=read-write&sslmode=prefer")


def test_a_bad_port_in_the_list_is_a_clear_refusal() -> None:
    from app.errors import InvalidInput

    with pytest.raises(InvalidInput) as err:
        dbmod.open_database("postgresql://loket@db1:5432,db2:x/loket")
    assert err.value.code == "database_url_invalid"


@pytest.fixture
def server_behind_a_dead_first_host() -> str:
    """The machine's PostgreSQL, second in a list whose first host refuses."""
    url = SERVER_URLS["postgresql"]
    try:
        probe = dbmod.open_database(url, probe=True)
        probe.connect()
        probe.close()
    except peewee.DatabaseError as exc:
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    rest = url.split("@", 1)[1]
    host_port, database = rest.split("/", 1)
    user = url.split("://", 1)[1].split("@", 1)[0]
    return f"postgresql://{user}@127.0.0.1:{free_port()},{host_port}/{database}"


def test_a_pc_connects_to_whichever_host_answers(server_behind_a_dead_first_host: str) -> None:
    previous = dbmod.database.obj
    try:
        db = dbmod.connect(server_behind_a_dead_first_host)
        assert read(lambda: db.execute_sql("SELECT pg_is_in_recovery()").fetchone()[0]) \
            is False
        # The restore command a backup prints names both servers, as given.
        command = restore_command("x.loketdump")
        assert ",127.0.0.1:" in command and "target_session_attrs=read-write" in command
        dbmod.discard_connection()
    finally:
        if previous is not None:
            dbmod.bind(previous)
