"""Which database, how to open it, and how to tell its failures apart.

Every PC opens the same database by URL: ``--db`` on the command line, else
``LOKET_DB``, else a SQLite file in the user's data directory. SQLite serves one
PC; many counters share a PostgreSQL or MariaDB server. Transactions are run
by :mod:`app.storage.transactions`.
"""

from __future__ import annotations

import functools
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlparse

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


# --- bounded waits ------------------------------------------------------------------------
#
# A server that is down refuses at once; one that hangs (frozen, overloaded, a cable cut,
# a port that accepts and never answers) would hold a counter's action forever. Every
# wait on a server is therefore bounded, so a hung server becomes "not answering"
# (DatabaseUnavailable) within seconds, the connection is discarded and the next call
# opens a fresh one, through a multi-host URL to whichever server is primary by then.
# Loket's transactions are a few rows each: ten seconds is far beyond any of them.

CONNECT_TIMEOUT_S = 5  # per host of a multi-host URL (libpq tries them in turn)
STATEMENT_TIMEOUT_S = 10  # the server cancels a statement that runs longer
LOCK_TIMEOUT_S = 5  # the server gives up waiting for a row another session holds
# A session that left a transaction open (its PC froze) must not hold row locks for
# long: the server ends it.
IDLE_IN_TRANSACTION_TIMEOUT_S = 60
# The client's own bound on a reply, for a server too hung to enforce its timeouts: a
# little above the statement timeout, so a slow statement is cancelled by the server
# first.
REPLY_TIMEOUT_S = STATEMENT_TIMEOUT_S + 2
# TCP keepalives find a connection whose server vanished while it was idle (power cut,
# cable pulled): probes start after 5 s of silence, every 2 s, given up after 3 unanswered.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
              "keepalives_count": 3}
# Sent data not acknowledged by the server's machine within this long ends the connection.
TCP_USER_TIMEOUT_MS = REPLY_TIMEOUT_S * 1000

# A server that accepts the connection but never answers (hung, or not a database
# server at all) must not hold a connection test forever either; a test is shorter.
PROBE_TIMEOUT_S = 5

# What the client says when it gave up waiting (app.storage.db.is_timeout reads it).
NO_REPLY = "no reply from the database server within {seconds} s"


def _postgres_bounds() -> dict[str, Any]:
    options = [
        # Loket's hot statements are prepared once per connection (app.storage.prepared);
        # plan them once too, rather than re-planning a join on every call.
        "-c plan_cache_mode=force_generic_plan",
        f"-c statement_timeout={STATEMENT_TIMEOUT_S}s",
        f"-c lock_timeout={LOCK_TIMEOUT_S}s",
        f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_S}s",
    ]
    return {"connect_timeout": CONNECT_TIMEOUT_S, "options": " ".join(options),
            "tcp_user_timeout": TCP_USER_TIMEOUT_MS, **KEEPALIVES}


def _split_host(item: str) -> tuple[str, str]:
    """``host[:port]`` or ``[v6][:port]`` → (host, port or "")."""
    if item.startswith("["):
        host, _, rest = item[1:].partition("]")
        return host, rest.lstrip(":")
    host, _, port = item.partition(":")
    return host, port


def postgres_params(url: str) -> dict[str, Any]:
    """psycopg2's keywords for a PostgreSQL URL, with libpq's multi-host form.

    ``postgresql://user:pw@host1:5432,host2:5432/loket?target_session_attrs=read-write``
    names a primary and its standby; libpq tries them in turn and keeps the one that
    matches ``target_session_attrs``. playhouse.db_url reads only one host, so the URL is
    taken apart here: the host list and ports go to libpq as its comma lists, every query
    parameter as it is. Several hosts without ``target_session_attrs`` get ``read-write``:
    a standby accepts connections but refuses every write.
    """
    parsed = urlparse(url)
    userinfo, _, hostlist = parsed.netloc.rpartition("@")
    user, has_password, password = userinfo.partition(":")
    params: dict[str, Any] = {"database": unquote(parsed.path.lstrip("/"))}
    if user:
        params["user"] = unquote(user)
    if has_password:
        params["password"] = unquote(password)
    hosts = [_split_host(item) for item in hostlist.split(",") if item]
    for _host, port in hosts:
        if port and not port.isdigit():
            raise ValueError(f"port {port!r}")
    if len(hosts) == 1:
        host, port = hosts[0]
        if host:
            params["host"] = host
        if port:
            params["port"] = int(port)
    elif hosts:
        params["host"] = ",".join(host for host, _port in hosts)
        params["port"] = ",".join(port or "5432" for _host, port in hosts)
        params["target_session_attrs"] = "read-write"
    params.update(parse_qsl(parsed.query))
    return params


class _ReplyWatch:
    """Cuts the socket of a statement whose server has not answered in time.

    libpq waits for a reply without end, and a frozen server enforces none of its own
    timeouts; TCP keepalives do not help either, as a frozen process's machine still
    acknowledges them. One thread watches every statement in flight and, when one
    outlives its bound, shuts its socket down: libpq then fails at once, and the
    statement raises instead of hanging. A statement is registered and unregistered
    under the same lock the cut is made under, so a socket is only ever cut while its
    statement is still waiting (never after its descriptor was reused).
    """

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._waiting: dict[object, tuple[float, int]] = {}
        self._cut: set[object] = set()
        self._thread: threading.Thread | None = None
        self._sleeping_until: float | None = None  # the watch thread's next wake-up

    @contextmanager
    def waiting(self, fileno: int, timeout_s: float) -> Iterator[Any]:
        token = object()
        deadline = time.monotonic() + timeout_s
        with self._lock:
            self._waiting[token] = (deadline, fileno)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="loket-reply-watch",
                                                daemon=True)
                self._thread.start()
            # Wake the thread only when it would sleep past this deadline: most
            # statements end long before an earlier one's, at no cost to them.
            if self._sleeping_until is None or deadline < self._sleeping_until:
                self._lock.notify()
        try:
            yield lambda: token in self._cut
        finally:
            with self._lock:
                self._waiting.pop(token, None)
                self._cut.discard(token)

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                for token, (deadline, fileno) in list(self._waiting.items()):
                    if deadline <= now:
                        del self._waiting[token]
                        self._cut.add(token)
                        _shut_down(fileno)
                next_deadline = min((d for d, _ in self._waiting.values()), default=None)
                self._sleeping_until = next_deadline
                self._lock.wait(None if next_deadline is None
                                else max(0.01, next_deadline - time.monotonic()))


def _shut_down(fileno: int) -> None:
    try:
        sock = socket.fromfd(fileno, socket.AF_INET, socket.SOCK_STREAM)  # a duplicate
    except OSError as exc:
        log.debug("could not take the socket of a hung statement: %s", exc)
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError as exc:
        log.debug("could not cut a hung statement's socket: %s", exc)
    finally:
        sock.close()  # our duplicate only; libpq closes its own


_reply_watch = _ReplyWatch()


@functools.cache
def _watched_cursor_class() -> type:
    """A psycopg2 cursor whose every round trip is bounded by the reply watch."""
    import psycopg2
    import psycopg2.extensions

    class WatchedCursor(psycopg2.extensions.cursor):
        def _bounded(self, call: Any, *args: Any) -> Any:
            timeout = getattr(self.connection, "reply_timeout_s", REPLY_TIMEOUT_S)
            with _reply_watch.waiting(self.connection.fileno(), timeout) as was_cut:
                try:
                    return call(*args)
                except psycopg2.Error as exc:
                    if was_cut():
                        raise psycopg2.OperationalError(
                            NO_REPLY.format(seconds=timeout)) from exc
                    raise

        def execute(self, query: Any, vars: Any = None) -> Any:
            return self._bounded(super().execute, query, vars)

        def executemany(self, query: Any, vars_list: Any) -> Any:
            return self._bounded(super().executemany, query, vars_list)

        # A named (server-side) cursor fetches from the server too.
        def fetchone(self) -> Any:
            return self._bounded(super().fetchone) if self.name else super().fetchone()

        def fetchmany(self, size: Any = None) -> Any:
            if not self.name:
                return super().fetchmany(size) if size is not None else super().fetchmany()
            return self._bounded(super().fetchmany, *(() if size is None else (size,)))

        def fetchall(self) -> Any:
            return self._bounded(super().fetchall) if self.name else super().fetchall()

    return WatchedCursor


class _PostgresqlDatabase(peewee.PostgresqlDatabase):
    """PostgreSQL with every reply bounded (see :class:`_ReplyWatch`)."""

    def _connect(self) -> Any:
        self.connect_params.setdefault("cursor_factory", _watched_cursor_class())
        return super()._connect()  # type: ignore[misc]


def _tcp_keepalives(sock: socket.socket | None) -> None:
    """libpq's keepalive settings (:data:`KEEPALIVES`) on a socket PyMySQL opened.

    PyMySQL turns keepalives on but leaves the system's timing (probes after two
    hours of silence on Linux and Windows); these find a vanished server in seconds,
    as on PostgreSQL. An option the system lacks is left as the system has it.
    """
    if sock is None or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return  # a Unix socket has no network to lose
    wanted = [(socket.SOL_SOCKET, "SO_KEEPALIVE", 1),
              (socket.IPPROTO_TCP, "TCP_KEEPIDLE", KEEPALIVES["keepalives_idle"]),
              (socket.IPPROTO_TCP, "TCP_KEEPINTVL", KEEPALIVES["keepalives_interval"]),
              (socket.IPPROTO_TCP, "TCP_KEEPCNT", KEEPALIVES["keepalives_count"]),
              (socket.IPPROTO_TCP, "TCP_USER_TIMEOUT", TCP_USER_TIMEOUT_MS)]
    for level, name, value in wanted:
        option = getattr(socket, name, None)
        if option is None:
            continue
        try:
            sock.setsockopt(level, option, value)
        except OSError as exc:
            log.debug("could not set %s on the MariaDB connection: %s", name, exc)


class _MariaDBDatabase(peewee.MySQLDatabase):
    """MariaDB (or MySQL) with the server's own bounds on lock waits and statements,
    and TCP keepalives timed as on PostgreSQL."""

    def _initialize_connection(self, conn: Any) -> None:
        super()._initialize_connection(conn)  # type: ignore[misc]
        _tcp_keepalives(getattr(conn, "_sock", None))
        mariadb = "mariadb" in str(conn.get_server_info()).lower()
        with conn.cursor() as cur:
            cur.execute(f"SET SESSION innodb_lock_wait_timeout = {LOCK_TIMEOUT_S}")
            if mariadb:
                cur.execute(f"SET SESSION max_statement_time = {STATEMENT_TIMEOUT_S}")
            else:  # MySQL bounds only reads, in milliseconds
                cur.execute(f"SET SESSION max_execution_time = {STATEMENT_TIMEOUT_S * 1000}")


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
            private_file(Path(path), own_folder=url == default_database_url())
        kwargs["pragmas"] = {
            "journal_mode": "wal",
            "synchronous": "normal",
            "foreign_keys": 1,
            "busy_timeout": int(SQLITE_BUSY_TIMEOUT_S * 1000),
        }
        kwargs["timeout"] = SQLITE_BUSY_TIMEOUT_S
    elif scheme in ("postgresql", "postgres"):
        kwargs.update(_postgres_bounds())
    elif scheme == "mysql":
        kwargs["connect_timeout"] = CONNECT_TIMEOUT_S
        # PyMySQL's own bound on every reply: a frozen server or a port that accepts and
        # never answers becomes "lost connection" (2013) instead of a wait without end.
        kwargs["read_timeout"] = kwargs["write_timeout"] = (
            PROBE_TIMEOUT_S if probe else REPLY_TIMEOUT_S)
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
            db: peewee.Database = _MariaDBDatabase(**{**params, **kwargs})
        elif scheme in ("postgresql", "postgres"):
            params = postgres_params(url)
            options = " ".join(filter(None, (kwargs.pop("options"), params.pop("options", ""))))
            db = _PostgresqlDatabase(**{**kwargs, **params, "options": options})
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
        raise unavailable(exc) from exc
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
# victim (MariaDB 1213), a serialization failure (PostgreSQL 40001/40P01) or a busy
# SQLite file. A lock wait that timed out is not among them: a row held for
# LOCK_TIMEOUT_S means a session is stuck, and waiting again would only multiply
# the wait; it is "not answering" (is_timeout).
_RETRYABLE_MYSQL_CODES = {1213}
_RETRYABLE_PG_CODES = {"40001", "40P01"}

# The server's own bounds: statement_timeout (57014), lock_timeout (55P03); MariaDB's
# lock wait (1205), max_statement_time (1969), MySQL's max_execution_time (3024).
_TIMEOUT_PG_CODES = {"57014", "55P03"}
_TIMEOUT_MYSQL_CODES = {1205, 1969, 3024}

# What a statement may raise when the database fails. InterfaceError is not a
# DatabaseError in peewee; it comes e.g. from the rollback after the server dropped
# the connection in the middle of a transaction.
DATABASE_ERRORS = (peewee.DatabaseError, peewee.InterfaceError)

# Errors that mean the server is gone rather than a rule or a bug.
_CONNECTION_MYSQL_CODES = {2002, 2003, 2006, 2013, 2055}
# PostgreSQL: a server that is no longer the primary (a standby refuses writes, 25006)
# or is shutting down or starting up (57P01–57P03) is, for Loket, not the server to
# talk to: the connection is dropped and the next one finds the primary.
_CONNECTION_PG_CODES = {"25006", "57P01", "57P02", "57P03"}


def driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception behind a peewee one (peewee puts it first in args)."""
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc.__cause__ or exc.__context__ or exc


def _has_code(exc: BaseException, pg_codes: set[str], mysql_codes: set[int]) -> bool:
    """Does the driver's error behind ``exc`` carry one of these codes?"""
    orig = driver_error(exc)
    if getattr(orig, "pgcode", None) in pg_codes:
        return True
    code = orig.args[0] if orig.args else None
    return isinstance(code, int) and code in mysql_codes


def is_retryable(exc: BaseException) -> bool:
    """True when ``exc`` is a transient conflict and the transaction can be re-run."""
    if _has_code(exc, _RETRYABLE_PG_CODES, _RETRYABLE_MYSQL_CODES):
        return True
    text = str(exc).lower()
    return "database is locked" in text or "deadlock" in text


def is_connection_error(exc: BaseException) -> bool:
    """True when ``exc`` says the server cannot be reached or dropped us."""
    if isinstance(exc, peewee.InterfaceError):
        return True
    if _has_code(exc, _CONNECTION_PG_CODES, _CONNECTION_MYSQL_CODES):
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
            "could not receive data from server",
            "could not send data to server",
            "no connection to the server",
            "ssl syscall error",
            "connection reset",
            "connection timed out",
            NO_REPLY.split("{")[0],
        )
    )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and the errors that led to it (a rollback's error hides the first one)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 8:
        seen.append(current)
        yield current
        current = current.__cause__ or current.__context__


def _ran_out(exc: BaseException) -> bool:
    if _has_code(exc, _TIMEOUT_PG_CODES, _TIMEOUT_MYSQL_CODES):
        return True
    text = str(driver_error(exc)).lower()
    return NO_REPLY.split("{")[0] in text or "timed out" in text or "timeout expired" in text


def is_timeout(exc: BaseException) -> bool:
    """True when a bound on a wait ran out: the server is there but did not answer."""
    return any(_ran_out(each) for each in _causes(exc))


def unavailable(exc: BaseException) -> DatabaseUnavailable:
    """What a person reads when the server failed: one sentence, no driver's text.

    The driver's own words go to the log and stay on the error (``detail``), for
    whoever looks into it.
    """
    timed_out = next((each for each in _causes(exc) if _ran_out(each)), None)
    orig = driver_error(timed_out or exc)
    detail = f"{type(orig).__name__}: {first_line(orig)}"
    code = "database_not_answering" if timed_out is not None else "database_unreachable"
    log.info("database unavailable (%s): %s", code, detail)
    return DatabaseUnavailable(code, reason=detail)


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
            raise unavailable(exc) from exc
