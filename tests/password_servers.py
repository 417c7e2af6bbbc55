"""Database servers that check passwords, for testing the set-up's Test connection.

The machine's PostgreSQL trusts every connection from 127.0.0.1, so a wrong
password would go unnoticed there. For PostgreSQL the suite therefore starts a
private server of its own (``initdb --auth=scram-sha-256`` in a temp folder,
listening on a free port of 127.0.0.1 only), and stops it at the end. MariaDB
checks passwords as it is: a user of the run's own, with a password, on a new
database. Outside CI a missing server skips; with ``CI=true`` it fails.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from playhouse.db_url import connect as url_connect

from tests.backends import IN_CI, SERVER_URLS
from tests.private_clusters import (
    as_postgres,
    free_port,
    pg_bindir,
    private_folder,
    running_as_root,
)


@dataclass(frozen=True)
class PasswordServer:
    kind: str  # postgresql | mysql
    host: str
    port: int
    user: str
    password: str
    database: str  # an existing, empty database the user owns


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the set-up's connection tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_password_server() -> Iterator[PasswordServer]:
    bindir = pg_bindir()
    if bindir is None:
        _unavailable("PostgreSQL's initdb is not installed")
    assert bindir is not None
    root = private_folder("loket-pg-")
    password = "S3cret-" + uuid.uuid4().hex[:8]
    (root / "pw").write_text(password + "\n")
    if running_as_root():
        shutil.chown(root / "pw", "postgres")
    data, port = root / "data", free_port()
    try:
        subprocess.run(as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                                     "--auth=scram-sha-256", f"--pwfile={root / 'pw'}",
                                     "-E", "UTF8", "--no-sync"]),
                       check=True, capture_output=True, timeout=120)
        subprocess.run(as_postgres([
            str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", "60",
            "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start"]), check=True, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"could not start a private PostgreSQL server: {exc}")
    try:
        yield PasswordServer("postgresql", "127.0.0.1", port, "postgres", password, "postgres")
    finally:
        subprocess.run(as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                     "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def new_pg_database(server: PasswordServer) -> str:
    """A new empty database on the private server; its name."""
    name = f"loket_{uuid.uuid4().hex[:10]}"
    admin = url_connect(f"postgresql://{server.user}:{server.password}@{server.host}:"
                        f"{server.port}/postgres", connect_timeout=5)
    with admin.connection_context():
        admin.execute_sql(f'CREATE DATABASE "{name}"')
    return name


@pytest.fixture(scope="session")
def mysql_password_server() -> Iterator[PasswordServer]:
    """A MariaDB user with a password and an empty database of its own."""
    suffix = uuid.uuid4().hex[:8]
    user, database, password = f"loket_u{suffix}", f"loket_w{suffix}", "Pw-" + suffix
    try:
        admin = url_connect(SERVER_URLS["mysql"], connect_timeout=3)
        admin.connect()
    except Exception as exc:
        _unavailable(f"MariaDB unreachable: {exc}")
    try:
        admin.execute_sql(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4")
        for host in ("%", "localhost", "127.0.0.1"):
            admin.execute_sql("CREATE USER %s@%s IDENTIFIED BY %s", (user, host, password))
            admin.execute_sql(f"GRANT ALL PRIVILEGES ON `{database}`.* TO %s@%s", (user, host))
        where = urlparse(SERVER_URLS["mysql"])
        host, port = where.hostname or "127.0.0.1", where.port or 3306
        yield PasswordServer("mysql", host, port, user, password, database)
    finally:
        for host in ("%", "localhost", "127.0.0.1"):
            admin.execute_sql("DROP USER IF EXISTS %s@%s", (user, host))
        admin.execute_sql(f"DROP DATABASE IF EXISTS `{database}`")
        admin.close()
