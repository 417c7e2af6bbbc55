"""Test a database before this PC uses it, and set up a new one.

:func:`check` is the wizard's **Test connection**: it opens its own connection
(never the one the running program uses), says what went wrong in words an IT
officer can act on — wrong password, host unreachable, database missing, server
too old for ``SKIP LOCKED`` — and, when it connects, what the database holds:
nothing yet, Loket's schema (current, older, newer than this program), or
somebody else's tables.

:func:`prepare` makes a new database ready: the schema, the office settings,
optionally the standard queues and counters, and the first admin.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee

from app.errors import DatabaseUnavailable, InvalidInput, LoketError, Refused
from app.messages import render
from app.office import officers, settings
from app.setup.pc_config import DatabaseChoice
from app.setup.schema import init_database, seed_demo
from app.storage import logins, migrations
from app.storage.db import (
    backend_of,
    bind,
    check_server_version,
    driver_error,
    first_line,
    open_database,
    server_version,
)
from app.storage.models import ALL_MODELS, Counter, Officer

log = logging.getLogger(__name__)

SERVER_LABEL = {"postgresql": "PostgreSQL", "mariadb": "MariaDB", "mysql": "MySQL",
                "sqlite": "SQLite"}

# Schema states of a database that could be opened.
EMPTY, CURRENT, OLDER, NEWER, FOREIGN = "empty", "current", "older", "newer", "foreign"


@dataclass(frozen=True)
class ConnectionReport:
    """What Test connection found. ``problem`` is a message code when it failed."""

    ok: bool
    problem: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    server: str = ""
    schema_version: int = 0
    head_version: int = 0
    foreign_tables: int = 0
    counters: tuple[tuple[int, str], ...] = ()
    has_admin: bool = False
    # The login may add officers (the owner, a superuser, an admin PC's login): too
    # strong for a display, kiosk or counter PC (app.storage.logins).
    may_change_officers: bool = True

    @property
    def state(self) -> str:
        if self.schema_version > self.head_version:
            return NEWER
        if self.schema_version == self.head_version and self.schema_version:
            return CURRENT
        if self.schema_version:
            return OLDER
        return FOREIGN if self.foreign_tables else EMPTY

    @property
    def usable(self) -> bool:
        """Loket can work on it (possibly after creating or migrating the schema)."""
        return self.ok and self.state in (EMPTY, CURRENT, OLDER)

    @property
    def needs_setup(self) -> bool:
        """No schema yet, or no admin who could manage the office."""
        return self.usable and (self.state == EMPTY or not self.has_admin)

    def message(self, lang: str | None = None) -> str:
        if not self.ok:
            assert self.problem is not None
            return render(self.problem, self.params, lang)
        state = render(f"connection_state_{self.state}",
                       {"found": self.schema_version, "known": self.head_version,
                        "tables": self.foreign_tables}, lang)
        return render("connection_ok", {"server": self.server}, lang) + " " + state


def owner_login_refusal(report: ConnectionReport, choice: DatabaseChoice,
                        mode: str) -> Refused | None:
    """Why a display, kiosk or counter PC must not keep this login (the database owner's,
    or any that may change officers); None when it may. A new office is made with the
    owner's login, so the set-up window only warns; ``loket setup --mode`` refuses."""
    if (not choice.is_server or mode == "admin" or not report.usable
            or report.state == EMPTY or not report.may_change_officers):
        return None
    return Refused("setup_owner_login", user=choice.user, mode=mode)


def _failed(problem: str, **params: Any) -> ConnectionReport:
    return ConnectionReport(ok=False, problem=problem, params=params)


def explain(exc: BaseException, choice: DatabaseChoice) -> ConnectionReport:
    """Turn a driver's refusal into one of the plain problems the wizard names."""
    orig = driver_error(exc)
    text = str(orig)
    low = text.lower()
    code = orig.args[0] if orig.args and isinstance(orig.args[0], int) else None
    where = {"host": choice.host, "port": choice.effective_port(), "database": choice.name,
             "user": choice.user}
    if "password authentication failed" in low or code == 1045 or "no password supplied" in low:
        return _failed("connection_wrong_password", **where)
    if ("database" in low and "does not exist" in low) or code == 1049:
        return _failed("connection_database_missing", **where)
    if "role" in low and "does not exist" in low:
        return _failed("connection_user_unknown", **where)
    if "no pg_hba.conf entry" in low or code == 1130:
        return _failed("connection_not_allowed", **where)
    if "permission denied" in low or code == 1044:
        return _failed("connection_no_permission", **where)
    if ("could not translate host name" in low or "name or service not known" in low
            or "nodename nor servname" in low or "getaddrinfo failed" in low
            or "temporary failure in name resolution" in low):
        return _failed("connection_host_unknown", **where)
    if "connection refused" in low:
        return _failed("connection_refused", **where)
    if ("timeout" in low or "timed out" in low or "no route to host" in low
            or "network is unreachable" in low or code in (2003, 2002)):
        return _failed("connection_host_unreachable", **where)
    log.info("connection test: %s: %s", type(orig).__name__, first_line(orig))
    return _failed("connection_failed", reason=first_line(orig))


def _check_fields(choice: DatabaseChoice) -> ConnectionReport | None:
    if not choice.is_server:
        return None if choice.path.strip() else _failed("connection_field_missing",
                                                         field="path")
    for name in ("host", "name", "user"):
        if not str(getattr(choice, name)).strip():
            return _failed("connection_field_missing", field=name)
    if not 0 < choice.effective_port() < 65536:
        return _failed("connection_field_missing", field="port")
    return None


def _sqlite_problem(choice: DatabaseChoice) -> ConnectionReport | None:
    """A SQLite file must be creatable (its folder writable) and, if it exists, SQLite."""
    path = Path(choice.path).expanduser()
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if path.is_dir():
        return _failed("connection_sqlite_is_folder", path=str(path))
    if not path.exists():
        try:
            probe = folder / ".loket-write-test"
            probe.touch()
            probe.unlink()
        except OSError as exc:
            log.info("connection test: cannot write in %s: %s", folder, exc)
            return _failed("connection_sqlite_cannot_create", path=str(path),
                           reason=exc.strerror or str(exc))
    return None


def _open(choice: DatabaseChoice, *, probe: bool = True) -> peewee.Database:
    db = open_database(choice.url(), probe=probe)
    try:
        db.connect()
    except peewee.ImproperlyConfigured as exc:
        raise InvalidInput("database_driver_missing", scheme=choice.kind,
                           extra={"postgresql": "postgres", "mysql": "mysql"}[choice.kind]
                           ) from exc
    return db


def _foreign_tables(db: peewee.Database) -> int:
    ours = {model._meta.table_name for model in ALL_MODELS} | {"schema_version"}
    return len([t for t in db.get_tables() if t not in ours])


def _inventory(db: peewee.Database) -> tuple[tuple[tuple[int, str], ...], bool]:
    """The counters (number, name) and whether an active admin exists, by plain SQL.

    Plain SQL on this connection: binding the models to it would pull them away
    from the database a running window uses.
    """
    counter, officer = Counter._meta.table_name, Officer._meta.table_name
    rows = db.execute_sql(f"SELECT number, name FROM {counter} WHERE active = %s "
                          "ORDER BY number".replace("%s", db.param), (True,)).fetchall()
    try:
        admins = db.execute_sql(f"SELECT COUNT(*) FROM {officer} WHERE role = %s AND "
                                "active = %s".replace("%s", db.param),
                                ("admin", True)).fetchone()[0]
    except (peewee.OperationalError, peewee.ProgrammingError) as exc:
        if not logins.is_denied(exc):
            raise
        # A display's login reads no officer: its office was set up by an admin.
        if backend_of(db) == "postgresql":
            db.rollback()
        admins = 1
    return tuple((int(n), str(name)) for n, name in rows), int(admins) > 0


def check(choice: DatabaseChoice) -> ConnectionReport:
    """Connect to ``choice`` on a connection of its own, and report; never raises."""
    missing = _check_fields(choice)
    if missing is not None:
        return missing
    if not choice.is_server:
        problem = _sqlite_problem(choice)
        if problem is not None:
            return problem
        if not Path(choice.path).expanduser().exists():  # a test creates no file
            return ConnectionReport(ok=True, server=f"SQLite {sqlite3.sqlite_version}",
                                    head_version=migrations.head_version())
    db: peewee.Database | None = None
    try:
        db = _open(choice)
        check_server_version(db)
        kind, version = server_version(db)
        server = f"{SERVER_LABEL.get(kind, kind)} {'.'.join(map(str, version))}"
        found, head = migrations.current_version(db), migrations.head_version()
        counters: tuple[tuple[int, str], ...] = ()
        has_admin = False
        if 0 < found <= head:
            counters, has_admin = _inventory(db)
        return ConnectionReport(ok=True, server=server, schema_version=found, head_version=head,
                                foreign_tables=0 if found else _foreign_tables(db),
                                counters=counters, has_admin=has_admin,
                                may_change_officers=(not found
                                                     or logins.may_change_officers(db)))
    except LoketError as exc:
        return _failed(exc.code, **exc.params)
    except (peewee.DatabaseError, peewee.InterfaceError, sqlite3.Error) as exc:
        if not choice.is_server:
            log.info("connection test: %s: %s", type(exc).__name__, first_line(exc))
            return _failed("connection_sqlite_unusable", path=choice.path,
                           reason=first_line(exc))
        return explain(exc, choice)
    except OSError as exc:
        log.info("connection test: %s", exc)
        return _failed("connection_failed", reason=exc.strerror or str(exc))
    finally:
        if db is not None and not db.is_closed():
            db.close()


@dataclass(frozen=True)
class FirstAdmin:
    username: str
    password: str
    full_name: str = ""


@dataclass(frozen=True)
class PreparedOffice:
    schema_before: int
    schema_version: int
    standard_office: bool
    admin_created: str | None


def prepare(choice: DatabaseChoice, *, office_name: str | None = None,
            admin: FirstAdmin | None = None, standard_office: bool = False) -> PreparedOffice:
    """Create or migrate the schema on ``choice`` and bind the program to it.

    ``standard_office`` adds the usual queues and counters of an immigration
    office when it has none; ``admin`` is added when no active admin exists.
    The admin's username and password are checked before anything is written.
    Only for a program with no window open on another database: the models are
    bound to ``choice`` from here on.
    """
    if admin is not None:
        officers.hash_password(admin.password)  # refuses a short one before any write
        if not officers.valid_username(admin.username):
            raise InvalidInput("officer_bad_username")
    try:
        db = _open(choice, probe=False)  # the program works on this connection from now on
    except (peewee.DatabaseError, peewee.InterfaceError) as exc:
        raise DatabaseUnavailable(
            "database_unreachable", reason=explain(exc, choice).message()) from exc
    bind(db)
    settings.invalidate_cache()  # the office settings of the database used before
    check_server_version(db)
    try:
        result = init_database(db, office_name=office_name or None)
        seeded = seed_demo(with_officers=False, with_passports=False) if standard_office \
            else False
        created = None
        if admin is not None and not Officer.select().where(
                (Officer.role == "admin") & Officer.active).exists():
            created = officers.add_officer(admin.username, admin.password, role="admin",
                                           full_name=admin.full_name).username
    except (peewee.ProgrammingError, peewee.OperationalError) as exc:
        if _is_permission_error(exc):
            raise InvalidInput("connection_cannot_create", user=choice.user,
                               database=choice.name) from exc
        raise
    return PreparedOffice(int(str(result["schema_before"])), int(str(result["schema_version"])),
                    seeded, created)


def _is_permission_error(exc: BaseException) -> bool:
    orig = driver_error(exc)
    if getattr(orig, "pgcode", None) == "42501":
        return True
    code = orig.args[0] if orig.args and isinstance(orig.args[0], int) else None
    return code in (1044, 1142) or "permission denied" in str(orig).lower()
