"""Fixtures shared by the whole suite.

``office`` is the one most tests want: a real database (a fresh temp SQLite
file, or a scratch database on PostgreSQL / MariaDB, emptied per test) with the
schema, settings and the demo office's queues and counters.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import argon2
import peewee
import pytest

from app import clock
from app.office import officers, settings
from app.setup.schema import init_database
from app.storage import db as dbmod
from app.storage import migrations
from app.storage.models import ALL_MODELS
from tests import backends
from tests.helpers.logfail import _fail_on_unexpected_logs  # noqa: F401
from tests.password_servers import mysql_password_server, pg_password_server  # noqa: F401
from tests.workers import Workers

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# pytest-qt reads the binding from here when no qt_api is configured: the ini option
# would make tests/unit fail to start where pytest-qt and Qt are not installed.
os.environ.setdefault("PYTEST_QT_API", "pyside6")

BACKENDS = ["sqlite", "postgresql", "mysql"]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: two workers per core, not one.

    Many tests spend their time waiting (on a database server, a subprocess, a
    deliberately silent port), and on a machine shared with other work the suite's
    share of the CPU grows with its number of processes: beside two busy processes on
    two cores, two workers get half the machine and four get two thirds.
    ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still decides when set.
    """
    wanted = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return 2 * (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                else (os.cpu_count() or 1))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data or log directory, nor $LOKET_DB."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("LOKET_DB", raising=False)
    monkeypatch.delenv("LOKET_CONFIG", raising=False)
    monkeypatch.delenv("LOKET_LANG", raising=False)


@pytest.fixture(autouse=True)
def _no_system_keyring() -> Iterator[None]:
    """Never write into the developer's real password store: no keyring unless a test
    installs one of its own (tests/unit/test_pc_config.py)."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id, with the smallest cost, so tests that add officers stay fast."""
    monkeypatch.setattr(officers, "_hasher",
                        argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


@pytest.fixture(scope="session")
def server_urls() -> Iterator[dict[str, str | None]]:
    """A scratch database per reachable server for this run (None where unreachable)."""
    urls: dict[str, str | None] = {}
    errors: dict[str, str] = {}
    for backend in ("postgresql", "mysql"):
        try:
            urls[backend] = backends.create_scratch_database(backend)
        except Exception as exc:  # any failure to reach the server
            urls[backend] = None
            errors[backend] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    _errors.update(errors)
    yield urls
    for backend in ("postgresql", "mysql"):
        url = urls.get(backend)
        if url:
            backends.drop_scratch_database(backend, url)


_errors: dict[str, str] = {}


def server_url_or_skip(server_urls: dict[str, str | None], backend: str) -> str:
    url = server_urls.get(backend)
    if url is None:
        reason = f"{backend} server unreachable: {_errors.get(backend, '?')}"
        if backends.IN_CI:
            pytest.fail(f"{reason} (CI=true: every backend must be tested)")
        pytest.skip(reason)
    return url


_schema_ready: set[str] = set()
_ALL_VERSIONS = [m.version for m in migrations.available()]


def _versions_applied(db: peewee.Database) -> list[int]:
    return [int(v) for (v,) in db.execute_sql(
        "SELECT version FROM schema_version ORDER BY version").fetchall()]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(backend: str, tmp_path: Path, server_urls: dict[str, str | None]) -> str:
    """An empty database of the backend (a new file; an emptied server database)."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'loket.sqlite3'}"
    url = server_url_or_skip(server_urls, backend)
    backends.end_other_sessions(backend, url)
    _schema_ready.discard(url)
    db = dbmod.open_database(url)
    db.connect()
    try:
        backends.drop_all_tables(db)
    finally:
        db.close()
    return url


@pytest.fixture
def office(backend: str, tmp_path: Path, server_urls: dict[str, str | None]) -> Iterator[str]:
    """A connected database with schema, settings and the demo office's queues and counters.

    Yields the database URL (worker processes connect with it).
    """
    settings.invalidate_cache()
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'loket.sqlite3'}"
        db = dbmod.connect(url)
    else:
        url = server_url_or_skip(server_urls, backend)
        backends.end_other_sessions(backend, url)
        db = dbmod.connect(url)
        if url in _schema_ready and _versions_applied(db) == _ALL_VERSIONS:
            backends.wipe(db, [m._meta.table_name for m in ALL_MODELS
                               if m._meta.table_name != "schema_version"])
        else:
            # First use, or a test changed the schema's history (a "future" version
            # written to test the refusal, versions removed to test an upgrade): the
            # next test gets the schema made afresh, whatever order tests run in.
            backends.drop_all_tables(db)
            _schema_ready.add(url)
    init_database(db, demo=False)
    from app.setup.schema import seed_demo
    seed_demo(with_officers=False, with_passports=False)
    settings.invalidate_cache()
    yield url
    db.close()
    settings.invalidate_cache()


@pytest.fixture
def worker_processes() -> Iterator[Workers]:
    """Worker processes for this test, all ended by its teardown (see :class:`Workers`)."""
    started = Workers()
    try:
        yield started
    finally:
        started.end()


@pytest.fixture
def travel(monkeypatch: pytest.MonkeyPatch) -> Callable[[dt.datetime], None]:
    """Set the program's clock to a given UTC moment."""

    def set_now(at_utc: dt.datetime) -> None:
        monkeypatch.setattr(clock, "utcnow", lambda: at_utc)

    return set_now
