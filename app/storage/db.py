"""Which database, how to open it, and how to tell its failures apart.

Every PC opens the same database by URL: ``--db`` on the command line, else
``LOKET_DB``, else a SQLite file in the user's data directory. SQLite serves one
PC; many counters share a PostgreSQL or MariaDB server. Transactions are run
by :mod:`app.storage.transactions`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import peewee
import platformdirs
from playhouse.db_url import connect as url_connect
from playhouse.db_url import parse as parse_url

from app.errors import DatabaseUnavailable, InvalidInput
from app.private_files import private_file

log = logging.getLogger(__name__)

database = peewee.DatabaseProxy()

T = TypeVar("T")

APP_NAME = "loket"
SQLITE_BUSY_TIMEOUT_S = 10.0

_DRIVER_EXTRA = {"postgresql": "postgres", "postgres": "postgres", "mysql": "mysql"}


def default_database_url() -> str:
    """The SQLite file for a single PC, in the user's data directory."""
    data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{data_dir / 'loket.sqlite3'}"


def redact_url(url: str) -> str:
    """The URL without its password, for logs and messages."""
    parsed = urlparse(url)
    if parsed.password:
        netloc = parsed.netloc.replace(f":{parsed.password}@", ":***@")
        return parsed._replace(netloc=netloc).geturl()
    return url


def backend_of(db: peewee.Database | peewee.DatabaseProxy) -> str:
    """``sqlite``, ``postgresql`` or ``mysql`` (MariaDB speaks as MySQL)."""
    if isinstance(db, peewee.DatabaseProxy):
        db = db.obj
    if isinstance(db, peewee.SqliteDatabase):
        return "sqlite"
    if isinstance(db, peewee.PostgresqlDatabase):
        return "postgresql"
    if isinstance(db, peewee.MySQLDatabase):
        return "mysql"
    raise InvalidInput("database_url_invalid", url=type(db).__name__)


# A server that accepts the connection but never answers (hung, or not a database
# server at all) must not hold a connection test forever: PostgreSQL's connect_timeout
# covers the whole start-up, PyMySQL's only the TCP connect, so a test connection
# also bounds MariaDB's reads and writes.
PROBE_TIMEOUT_S = 5


def open_database(url: str, *, probe: bool = False) -> peewee.Database:
    """Create (not yet connect) the database object for ``url``.

    ``probe``: a short-lived connection to test a server (every read bounded).
    """
    parsed = urlparse(url)
    scheme = parsed.scheme.split("+")[0]
    kwargs: dict[str, Any] = {"autoconnect": False}
    if scheme == "sqlite":
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else ""
        if not path:
            raise InvalidInput("database_url_invalid", url=url)
        if path != ":memory:":
            # Names, passport numbers, hashes and the signing key: the owner's only.
            private_file(Path(path))
        kwargs["pragmas"] = {
            "journal_mode": "wal",
            "synchronous": "normal",
            "foreign_keys": 1,
            "busy_timeout": int(SQLITE_BUSY_TIMEOUT_S * 1000),
        }
        kwargs["timeout"] = SQLITE_BUSY_TIMEOUT_S
    elif scheme in ("postgresql", "postgres"):
        kwargs["connect_timeout"] = 5
        # Loket's hot statements are prepared once per connection (app.storage.prepared); plan
        # them once too, rather than re-planning a join on every call.
        kwargs["options"] = "-c plan_cache_mode=force_generic_plan"
    elif scheme == "mysql":
        kwargs["connect_timeout"] = 5
        if probe:
            kwargs["read_timeout"] = kwargs["write_timeout"] = PROBE_TIMEOUT_S
        kwargs["charset"] = "utf8mb4"
        # MariaDB defaults to REPEATABLE READ, where a plain SELECT sees the snapshot
        # taken at the transaction's first read: a ticket claimed by a locking read
        # could then be invisible to the next plain read. READ COMMITTED, as on
        # PostgreSQL, makes both backends behave alike.
        kwargs["init_command"] = "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"
        # Microsecond timestamps, so waiting and service times are exact.
        kwargs["field_types"] = {"DATETIME": "DATETIME(6)"}
    else:
        raise InvalidInput("database_url_invalid", url=redact_url(url))
    try:
        # User and password are %-quoted in the URL (a password may hold "@" or ":").
        if scheme == "mysql":
            params = parse_url(url, unquote_password=True, unquote_user=True)
            if "passwd" in params:  # PyMySQL's old name for it, deprecated
                params["password"] = params.pop("passwd")
            db = peewee.MySQLDatabase(**{**params, **kwargs})
        else:
            db = url_connect(url, unquote_password=True, unquote_user=True, **kwargs)
    except (ValueError, KeyError, RuntimeError) as exc:
        raise InvalidInput("database_url_invalid", url=redact_url(url)) from exc
    return db


def bind(db: peewee.Database) -> None:
    """Make ``db`` the database every model uses."""
    database.initialize(db)


def connect(url: str) -> peewee.Database:
    """Open, bind and connect; raise :class:`DatabaseUnavailable` in plain words."""
    db = open_database(url)
    bind(db)
    try:
        db.connect(reuse_if_open=True)
    except peewee.ImproperlyConfigured as exc:
        scheme = urlparse(url).scheme.split("+")[0]
        raise InvalidInput(
            "database_driver_missing", scheme=scheme, extra=_DRIVER_EXTRA.get(scheme, scheme)
        ) from exc
    except peewee.DatabaseError as exc:
        raise DatabaseUnavailable("database_unreachable", reason=first_line(exc)) from exc
    check_server_version(db)
    return db


# SKIP LOCKED, upserts and RETURNING/LAST_INSERT_ID(expr) are what the engine needs;
# PostgreSQL 12 for plan_cache_mode.
MINIMUM_SERVER = {"postgresql": (12,), "mariadb": (10, 6), "mysql": (8, 0, 1)}


def server_version(db: peewee.Database) -> tuple[str, tuple[int, ...]]:
    """(server kind, version) of a connected server; ("sqlite", …) for a file."""
    backend = backend_of(db)
    if backend == "sqlite":
        import sqlite3

        return "sqlite", sqlite3.sqlite_version_info
    if backend == "postgresql":
        number = int(db.execute_sql("SHOW server_version_num").fetchone()[0])
        return "postgresql", (number // 10000, number % 10000) if number >= 100000 else (
            number // 10000, number // 100 % 100)
    text = str(db.execute_sql("SELECT VERSION()").fetchone()[0])
    kind = "mariadb" if "mariadb" in text.lower() else "mysql"
    parts = tuple(int(p) for p in text.split("-")[0].split(".")[:3] if p.isdigit())
    return kind, parts


def check_server_version(db: peewee.Database) -> None:
    """Refuse a server too old for row locking with SKIP LOCKED, in plain words."""
    kind, version = server_version(db)
    minimum = MINIMUM_SERVER.get(kind)
    if minimum is not None and version < minimum:
        db.close()
        raise InvalidInput("server_too_old", server=kind,
                           version=".".join(map(str, version)),
                           minimum=".".join(map(str, minimum)))


def first_line(exc: BaseException) -> str:
    """The first line of an error's text, for a one-line reason."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


# --- transactions -----------------------------------------------------------

# Errors after which the whole transaction may simply run again: a deadlock
# victim (MariaDB 1213), a lock wait timeout (1205), a serialization failure
# (PostgreSQL 40001/40P01) or a busy SQLite file.
_RETRYABLE_MYSQL_CODES = {1205, 1213}
_RETRYABLE_PG_CODES = {"40001", "40P01"}

# What a statement may raise when the database fails. InterfaceError is not a
# DatabaseError in peewee; it comes e.g. from the rollback after the server dropped
# the connection in the middle of a transaction.
DATABASE_ERRORS = (peewee.DatabaseError, peewee.InterfaceError)

# Errors that mean the server is gone rather than a rule or a bug.
_CONNECTION_MYSQL_CODES = {2002, 2003, 2006, 2013, 2055}


def driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception behind a peewee one (peewee puts it first in args)."""
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc.__cause__ or exc.__context__ or exc


def is_retryable(exc: BaseException) -> bool:
    """True when ``exc`` is a transient conflict and the transaction can be re-run."""
    orig = driver_error(exc)
    pgcode = getattr(orig, "pgcode", None)
    if pgcode in _RETRYABLE_PG_CODES:
        return True
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int) and args[0] in _RETRYABLE_MYSQL_CODES:
        return True
    text = str(exc).lower()
    return "database is locked" in text or "deadlock" in text


def is_connection_error(exc: BaseException) -> bool:
    """True when ``exc`` says the server cannot be reached or dropped us."""
    if isinstance(exc, peewee.InterfaceError):
        return True
    orig = driver_error(exc)
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int) and args[0] in _CONNECTION_MYSQL_CODES:
        return True
    text = str(exc).lower()
    return any(
        marker in text
        for marker in (
            "server closed the connection",
            "connection refused",
            "could not connect",
            "terminating connection",
            "connection already closed",
            "lost connection",
            "gone away",
            "unable to open database",
        )
    )


def discard_connection() -> None:
    """Drop a broken connection so the next call opens a fresh one."""
    db = database.obj
    try:
        if not db.is_closed():
            db.close()
    except peewee.PeeweeException as exc:
        log.debug("closing a broken connection failed: %s", exc)
        db._state.reset()


def ensure_connected() -> None:
    """Open this thread's connection if it is closed (first use, or after an outage)."""
    db = database.obj
    if db.is_closed():
        try:
            db.connect()
        except peewee.DatabaseError as exc:
            raise DatabaseUnavailable("database_unreachable", reason=first_line(exc)) from exc
