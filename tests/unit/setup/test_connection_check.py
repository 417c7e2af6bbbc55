"""Test connection against real servers: each failure named plainly, each success described.

PostgreSQL with a password runs on a private server of the suite's own (the machine's
trusts 127.0.0.1); MariaDB on the machine's server with a user of the run's own.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pymysql
import pytest

from app.errors import InvalidInput
from app.setup import connection_check
from app.setup.connection_check import FirstAdmin
from app.setup.pc_config import DatabaseChoice
from app.storage import migrations
from tests.helpers.databases import empty_mysql
from tests.password_servers import PasswordServer, free_port, new_pg_database


def _choice(server: PasswordServer, **changes: object) -> DatabaseChoice:
    choice = DatabaseChoice(kind=server.kind, host=server.host, port=server.port,
                            name=server.database, user=server.user, password=server.password)
    return replace(choice, **changes)  # type: ignore[arg-type]


@pytest.fixture(params=["postgresql", "mysql"])
def server(request: pytest.FixtureRequest) -> PasswordServer:
    name = "pg_password_server" if request.param == "postgresql" else "mysql_password_server"
    found: PasswordServer = request.getfixturevalue(name)
    if found.kind == "postgresql":  # a database of the test's own, empty
        found = replace(found, database=new_pg_database(found))
    else:  # the run's one MariaDB database, emptied
        empty_mysql(found)
    return found


def test_a_wrong_password_is_named_and_the_right_one_connects(server: PasswordServer) -> None:
    wrong = connection_check.check(_choice(server, password="not-the-password"))
    assert not wrong.ok and wrong.problem == "connection_wrong_password"
    assert "password" in wrong.message("en") and "kata sandi" in wrong.message("id")
    right = connection_check.check(_choice(server))
    assert right.ok and right.usable, right.message("en")
    assert right.state == connection_check.EMPTY and right.needs_setup
    assert right.server.startswith("PostgreSQL" if server.kind == "postgresql" else "MariaDB")
    assert "empty" in right.message("en")


def test_a_missing_database_is_named(server: PasswordServer) -> None:
    report = connection_check.check(_choice(server, name="no_such_loket_db"))
    # MariaDB does not tell a user without rights whether a database exists.
    assert report.problem == ("connection_database_missing" if server.kind == "postgresql"
                              else "connection_no_permission")
    assert "no_such_loket_db" in report.message("en")
    assert "no database" in report.message("en") or "not exist" in report.message("en")


def test_nothing_listening_is_named(server: PasswordServer) -> None:
    report = connection_check.check(_choice(server, port=free_port()))
    assert report.problem == "connection_refused", report.message("en")
    assert str(report.params["port"]) in report.message("id")


def test_a_server_that_never_answers_is_unreachable(server: PasswordServer) -> None:
    """A port that accepts but never speaks (a hung server): the connect timeout says so."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        held: list[socket.socket] = []
        stop = threading.Event()

        def accept() -> None:
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    held.append(listener.accept()[0])
                except OSError:
                    continue

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            report = connection_check.check(_choice(server, port=listener.getsockname()[1]))
        finally:
            stop.set()
            thread.join()
            for conn in held:
                conn.close()
    assert report.problem == "connection_host_unreachable", report.message("en")


def test_a_new_database_gets_its_schema_office_and_first_admin(server: PasswordServer) -> None:
    choice = _choice(server)
    with pytest.raises(InvalidInput):  # a short password is refused before anything is written
        connection_check.prepare(choice, admin=FirstAdmin("kepala", "short"))
    assert connection_check.check(choice).state == connection_check.EMPTY
    done = connection_check.prepare(choice, office_name="Kantor Imigrasi Tangerang",
                                    admin=FirstAdmin("kepala", "rahasia-123", "Kepala Seksi"),
                                    standard_office=True)
    assert done.admin_created == "kepala" and done.standard_office
    assert done.schema_version == migrations.head_version()
    after = connection_check.check(choice)
    assert after.state == connection_check.CURRENT and after.has_admin and not after.needs_setup
    assert [n for n, _ in after.counters] == [1, 2, 3, 4, 5, 6]
    from app.office import officers, settings

    assert officers.authenticate("kepala", "rahasia-123").role == "admin"
    assert settings.get_settings(fresh=True).office_name == "Kantor Imigrasi Tangerang"
    again = connection_check.prepare(choice, admin=FirstAdmin("kedua", "rahasia-456"))
    assert again.admin_created is None  # an admin exists: no second "first admin"


def test_another_programs_tables_are_not_taken_over(server: PasswordServer) -> None:
    from app.storage.db import open_database

    db = open_database(_choice(server).url())
    with db.connection_context():
        db.execute_sql("CREATE TABLE payroll (id INTEGER PRIMARY KEY)")
    try:
        report = connection_check.check(_choice(server))
        assert report.ok and report.state == connection_check.FOREIGN and not report.usable
        assert "1" in report.message("en") and "not Loket's" in report.message("en")
    finally:
        with db.connection_context():
            db.execute_sql("DROP TABLE payroll")


def test_a_server_too_old_for_skip_locked_is_refused(
        server: PasswordServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """No old server runs here: its version answer is what is replaced."""
    old = ("mariadb", (10, 5, 21)) if server.kind == "mysql" else ("postgresql", (11, 9))
    monkeypatch.setattr("app.storage.db.server_version", lambda db: old)
    report = connection_check.check(_choice(server))
    assert report.problem == "server_too_old"
    assert "10.6" in report.message("en") or "12" in report.message("en")


@pytest.fixture
def sqlite_choice(tmp_path: Path) -> Iterator[DatabaseChoice]:
    yield DatabaseChoice(kind="sqlite", path=str(tmp_path / "office" / "loket.sqlite3"))


def test_sqlite_new_file_then_set_up(sqlite_choice: DatabaseChoice) -> None:
    report = connection_check.check(sqlite_choice)
    assert report.ok and report.state == connection_check.EMPTY and report.server.startswith(
        "SQLite")
    connection_check.prepare(sqlite_choice, admin=FirstAdmin("admin", "admin-pass-1"))
    after = connection_check.check(sqlite_choice)
    assert after.state == connection_check.CURRENT and after.has_admin and after.counters == ()


def test_sqlite_file_that_is_not_a_database(tmp_path: Path,
                                            caplog: pytest.LogCaptureFixture) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"this is a letter, not a database" * 100)
    with caplog.at_level("INFO", logger="app.setup.connection_check"):
        report = connection_check.check(DatabaseChoice(kind="sqlite", path=str(junk)))
    assert report.problem == "connection_sqlite_unusable" and str(junk) in report.message("en")
    assert junk.read_bytes().startswith(b"this is a letter")
    # SQLite's own sentence is for the log; the person reads one sentence of Loket's.
    assert "file is not a database" in caplog.text
    for lang in ("id", "en"):
        assert "file is not a database" not in report.message(lang)
    assert "bukan berkas SQLite" in report.message("id")


def test_a_folder_or_an_unwritable_place_is_said_in_the_persons_words(
        tmp_path: Path) -> None:
    folder = connection_check.check(DatabaseChoice(kind="sqlite", path=str(tmp_path)))
    assert folder.problem == "connection_sqlite_is_folder"
    assert "adalah folder" in folder.message("id") and "reason" not in folder.params
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        report = connection_check.check(DatabaseChoice(kind="sqlite",
                                                       path=str(locked / "loket.sqlite3")))
    finally:
        locked.chmod(0o700)
    if report.ok:  # root writes anywhere: nothing to refuse here
        return
    assert report.problem == "connection_sqlite_cannot_create"
    assert "Permission denied" not in report.message("id")


def test_empty_fields_are_named_before_any_connection() -> None:
    report = connection_check.check(DatabaseChoice(kind="postgresql", host="", name="loket",
                                                   user="loket"))
    assert report.problem == "connection_field_missing" and "host" in report.message("en")


@pytest.mark.parametrize(("text", "problem"), [
    ('could not translate host name "srv" to address: Name or service not known',
     "connection_host_unknown"),
    ('no pg_hba.conf entry for host "192.168.10.7", user "loket", database "loket"',
     "connection_not_allowed"),
    ('FATAL:  role "lokett" does not exist', "connection_user_unknown"),
    ("something else entirely", "connection_failed"),
])
def test_postgresql_refusals_that_cannot_be_staged_here(text: str, problem: str) -> None:
    """Name lookups and other hosts would leave this machine: their texts are classified."""
    choice = DatabaseChoice(kind="postgresql", host="srv", name="loket", user="loket")
    assert connection_check.explain(Exception(text), choice).problem == problem


def test_a_refusal_loket_cannot_name_keeps_the_drivers_words_for_the_log(
        caplog: pytest.LogCaptureFixture) -> None:
    """Test connection, ``loket setup`` and the start-up dialog show this sentence: the
    driver's English goes to the log, never into the Indonesian sentence."""
    choice = DatabaseChoice(kind="postgresql", host="srv", name="loket", user="loket")
    driver = "FATAL:  the database system is shutting down"
    with caplog.at_level("INFO", logger="app.setup.connection_check"):
        report = connection_check.explain(Exception(driver), choice)
    assert report.problem == "connection_failed"
    assert driver.split("  ")[1] in caplog.text
    for lang in ("id", "en"):
        assert "shutting down" not in report.message(lang)
    assert report.message("id").startswith("Sambungan ke server basis data gagal.")


def test_mariadb_host_not_allowed_is_named() -> None:
    choice = DatabaseChoice(kind="mysql", host="srv", name="loket", user="loket")
    exc = pymysql.err.OperationalError(1130, "Host '192.168.10.7' is not allowed to connect")
    assert connection_check.explain(exc, choice).problem == "connection_not_allowed"
