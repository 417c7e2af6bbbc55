"""One database login per kind of PC, on PostgreSQL and MariaDB.

A counter's, a kiosk's or the lobby display's PC connects with a login of its own
that holds only what its windows read and write (the tables below, worked out from
what each window and command does). The database then refuses the rest, whatever
program uses the login: the display reads no passport and no officer, a kiosk or a
counter changes no officer, setting, queue or counter and deletes nothing but the
change feed's and the request log's own rows, and nobody updates or deletes the
audit log (its triggers refuse even the owner, :mod:`app.storage.guards`).

Signing in needs the officer's password hash, which no counter login may read. The
owner makes two functions that run with the owner's rights (``SECURITY DEFINER``):
:data:`SALT_FUNCTION` gives one active account's argon2 parameters and salt (never
its hash), and :data:`CHECK_FUNCTION` takes the hash the PC computed from the typed
password and answers whether it is the stored one. A failure is written to the
audit log by the function itself, and an account with too many recent failures is
not checked at all, so guessing through the function is slow, counted and seen
(docs/decisions.md states the limits).

SQLite is a file on one PC: it has no logins, and nothing here applies to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import peewee as pw

from app.errors import InvalidInput, NotFound, Refused
from app.storage.db import backend_of

MODES: Final = ("display", "kiosk", "counter", "admin")
_NAME: Final = re.compile(r"^[a-z][a-z0-9_]{1,30}$")

SALT_FUNCTION: Final = "loket_sign_in_salt"
CHECK_FUNCTION: Final = "loket_sign_in_check"
# The database's bound on guessing through CHECK_FUNCTION: an account with this many
# failed sign-ins in the window is not checked until the oldest of them is that old.
FAILURE_LIMIT: Final = 20
FAILURE_WINDOW_MINUTES: Final = 15

SELECT, INSERT, UPDATE, DELETE = "SELECT", "INSERT", "UPDATE", "DELETE"

# What the lobby display reads: the board, the change feed, the day's profile and the
# office's settings (its name, the calls' language). No officer, no passport, and not
# the QR signing keys (``signing_key``): its login cannot forge a slip or a ticket.
_DISPLAY: Final[dict[str, tuple[str, ...]]] = {
    table: (SELECT,) for table in (
        "schema_version", "setting", "queue", "counter", "counter_queue", "ticket",
        "event", "day_profile", "day_schedule", "daily_sequence", "counter_pause")
}
# The kiosk issues numbers (the day's sequence, the ticket, the feed's event, the
# request id; the first ticket of a day expires yesterday's and prunes the feed),
# cancels a number it could not print, and checks a pickup slip in (reads the passport).
# It reads the QR signing keys: it prints signed tickets and checks a slip's signature.
_KIOSK: Final[dict[str, tuple[str, ...]]] = {
    **_DISPLAY,
    "signing_key": (SELECT,),
    "daily_sequence": (SELECT, INSERT, UPDATE),
    "ticket": (SELECT, INSERT, UPDATE),
    "event": (SELECT, INSERT, DELETE),
    "request_log": (SELECT, INSERT, DELETE),
    "pickup_record": (SELECT,),
    "audit_entry": (INSERT,),
    "audit_note": (INSERT,),
    "booking": (SELECT, UPDATE),  # an M-Paspor booking checked in (its ticket, its time)
    "survey_response": (SELECT, INSERT),  # an applicant's answer to the survey (SKM)
    # A phone left for the "your turn is near" notice: written, never read back (only
    # the supervisor's PC, which runs the sender, reads and updates it).
    "ticket_contact": (INSERT,),
}
# An insert reads back the id it made (PostgreSQL's RETURNING needs SELECT on it); the
# rest of an audit entry, a note (a collector's name) or a phone stays unread. Each is
# one of the mode's tables.
_ID_ONLY: Final[dict[str, tuple[str, ...]]] = {
    "kiosk": ("audit_entry", "audit_note", "ticket_contact"),
    "counter": ("audit_entry", "audit_note", "ticket_contact"),
}
# The counter signs in (officer without the hash, through the functions), calls and
# serves tickets, hands passports over (the pickup record's handover columns), and
# writes the audit log of every act.
_COUNTER: Final[dict[str, tuple[str, ...]]] = {
    **_KIOSK,
    "pickup_record": (SELECT, UPDATE),
    "counter_pause": (SELECT, INSERT, UPDATE),  # a break taken and ended at the counter
}
OFFICER_COLUMNS: Final = ("id", "username", "full_name", "role", "active", "created_at")

_ALL_TABLES: Final = ("schema_version", "setting", "signing_key", "queue", "counter",
                      "counter_queue", "officer", "daily_sequence", "pickup_record",
                      "ticket", "event", "audit_note", "audit_entry", "request_log", "day_profile",
                      "day_schedule", "counter_pause", "booking",
                      "survey_response", "notification", "notify_opt_out",
                      "ticket_contact")
# The supervisor's PC manages the office: every table, but the audit log only grows and
# the schema's version is the owner's (migrations and restores run as the owner).
_ADMIN: Final[dict[str, tuple[str, ...]]] = {
    **{table: (SELECT, INSERT, UPDATE, DELETE) for table in _ALL_TABLES},
    "schema_version": (SELECT,),
    "audit_entry": (SELECT, INSERT),
}

GRANTS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "display": _DISPLAY, "kiosk": _KIOSK, "counter": _COUNTER, "admin": _ADMIN,
}
# PostgreSQL lets a row be locked (SELECT … FOR UPDATE: a counter's call-next, a
# check-in) only by a login that may update one of its columns: the id, which every
# row in use is held to by foreign keys.
_PG_LOCKED: Final[dict[str, tuple[str, ...]]] = {
    "kiosk": ("pickup_record",), "counter": ("counter",),
}
# Tables whose id a login inserting into them draws from a sequence (PostgreSQL).
_SERIAL: Final = ("ticket", "event", "audit_entry", "audit_note", "queue", "counter",
                  "counter_queue", "officer", "pickup_record", "day_profile", "counter_pause",
                  "booking", "survey_response", "ticket_contact")


@dataclass(frozen=True)
class Login:
    name: str
    mode: str


def _require_server(db: pw.Database) -> str:
    backend = backend_of(db)
    if backend == "sqlite":
        raise Refused("db_user_sqlite")
    return backend


def _check_name(name: str) -> str:
    if not _NAME.match(name):
        raise InvalidInput("db_user_bad_name")
    return name


def _check_password(password: str) -> str:
    if len(password) < 12:
        raise InvalidInput("db_user_password_short", min=12)
    if "\n" in password or "\x00" in password:
        raise InvalidInput("db_user_bad_name")
    return password


# --- the sign-in functions --------------------------------------------------------------

_PG_FUNCTIONS: Final = (
    f"""CREATE OR REPLACE FUNCTION {SALT_FUNCTION}(p_username text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {{schema}}, pg_temp AS $$
        SELECT array_to_string((string_to_array(password_hash, '$'))[1:5], '$')
               || '$' || length(split_part(password_hash, '$', 6))
        FROM officer WHERE username = p_username AND active
    $$""",
    f"""CREATE OR REPLACE FUNCTION {CHECK_FUNCTION}(p_username text, p_hash text,
                                                    p_counter integer) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = {{schema}}, pg_temp AS $$
    DECLARE
        account_id integer;
        stored text;
        now_utc timestamp := now() AT TIME ZONE 'UTC';
        failures integer;
        oldest timestamp;
    BEGIN
        SELECT id, password_hash INTO account_id, stored FROM officer
         WHERE username = p_username AND active;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        SELECT count(*), min(at) INTO failures, oldest FROM audit_entry
         WHERE action = 'login_failed' AND officer_id = account_id
           AND at > now_utc - interval '{FAILURE_WINDOW_MINUTES} minutes';
        IF failures >= {FAILURE_LIMIT} THEN
            RETURN -greatest(1, ceil(extract(epoch FROM
                oldest + interval '{FAILURE_WINDOW_MINUTES} minutes' - now_utc)))::integer;
        END IF;
        IF stored = p_hash THEN
            RETURN account_id;
        END IF;
        INSERT INTO audit_entry (at, action, officer_id, counter, subject, details)
        VALUES (now_utc, 'login_failed', account_id, p_counter, '',
                '{{"checked_by": "database"}}');
        RETURN 0;
    END $$""",
    f"REVOKE ALL ON FUNCTION {SALT_FUNCTION}(text) FROM PUBLIC",
    f"REVOKE ALL ON FUNCTION {CHECK_FUNCTION}(text, text, integer) FROM PUBLIC",
)

_MARIADB_FUNCTIONS: Final = (
    f"DROP FUNCTION IF EXISTS {SALT_FUNCTION}",
    f"""CREATE FUNCTION {SALT_FUNCTION}(p_username VARCHAR(64)) RETURNS VARCHAR(255)
    READS SQL DATA SQL SECURITY DEFINER
    RETURN (SELECT CONCAT(SUBSTRING_INDEX(password_hash, '$', 5), '$',
                          CHAR_LENGTH(SUBSTRING_INDEX(password_hash, '$', -1)))
            FROM officer WHERE username = p_username
              AND BINARY username = BINARY p_username AND active LIMIT 1)""",
    f"DROP FUNCTION IF EXISTS {CHECK_FUNCTION}",
    f"""CREATE FUNCTION {CHECK_FUNCTION}(p_username VARCHAR(64), p_hash VARCHAR(255),
                                         p_counter INT) RETURNS INT
    MODIFIES SQL DATA SQL SECURITY DEFINER
    BEGIN
        DECLARE account_id INT DEFAULT NULL;
        DECLARE stored VARCHAR(255);
        DECLARE failures INT;
        DECLARE oldest DATETIME;
        DECLARE now_utc DATETIME DEFAULT UTC_TIMESTAMP();
        SELECT id, password_hash INTO account_id, stored FROM officer
         WHERE username = p_username AND BINARY username = BINARY p_username AND active
         LIMIT 1;
        IF account_id IS NULL THEN
            RETURN NULL;
        END IF;
        SELECT COUNT(*), MIN(at) INTO failures, oldest FROM audit_entry
         WHERE action = 'login_failed' AND officer_id = account_id
           AND at > now_utc - INTERVAL {FAILURE_WINDOW_MINUTES} MINUTE;
        IF failures >= {FAILURE_LIMIT} THEN
            RETURN -GREATEST(1, TIMESTAMPDIFF(SECOND, now_utc,
                                oldest + INTERVAL {FAILURE_WINDOW_MINUTES} MINUTE));
        END IF;
        IF BINARY stored = BINARY p_hash THEN
            RETURN account_id;
        END IF;
        INSERT INTO audit_entry (at, action, officer_id, counter, subject, details)
        VALUES (now_utc, 'login_failed', account_id, p_counter, '',
                '{{"checked_by": "database"}}');
        RETURN 0;
    END""",
)


def install_sign_in_functions(db: pw.Database) -> None:
    """(Re)make the sign-in functions as the connected login (the owner); safe to repeat."""
    backend = _require_server(db)
    if backend == "postgresql":
        schema = _pg_schema(db)
        for statement in _PG_FUNCTIONS:
            db.execute_sql(statement.replace("{schema}", _pg_ident(schema)))
    else:
        for statement in _MARIADB_FUNCTIONS:
            db.execute_sql(statement)


def _pg_schema(db: pw.Database) -> str:
    return str(db.execute_sql("SELECT current_schema()").fetchone()[0])


def _pg_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _mysql_database(db: pw.Database) -> str:
    return str(db.execute_sql("SELECT DATABASE()").fetchone()[0])


# --- creating, listing, dropping ------------------------------------------------------


def create_login(db: pw.Database, name: str, password: str, mode: str,
                 host: str = "%") -> Login:
    """Create ``name`` (or give an existing Loket login the new password and grants)
    with ``mode``'s privileges on the connected database. Run as the owner."""
    backend = _require_server(db)
    _check_name(name)
    _check_password(password)
    if mode not in MODES:
        raise InvalidInput("db_user_bad_mode", mode=mode)
    current = current_login(db)
    if name == current:
        raise Refused("db_user_is_you", name=name)
    existing = {login.name: login for login in list_logins(db)}
    with db.atomic():
        install_sign_in_functions(db)
        if backend == "postgresql":
            _pg_create(db, name, password, mode, exists=name in existing)
        else:
            _mysql_create(db, name, password, mode, host, exists=name in existing)
    return Login(name, mode)


def _pg_role_exists(db: pw.Database, name: str) -> bool:
    return db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() \
        is not None


def _pg_create(db: pw.Database, name: str, password: str, mode: str, *, exists: bool) -> None:
    role = _pg_ident(name)
    if _pg_role_exists(db, name):
        if not exists:  # a role of something else on this server: not ours to change
            raise Refused("db_user_exists", name=name)
        db.execute_sql(f"ALTER ROLE {role} LOGIN PASSWORD %s", (password,))
        _pg_revoke(db, name)
    else:
        db.execute_sql(f"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                       "NOINHERIT PASSWORD %s", (password,))
    database = str(db.execute_sql("SELECT current_database()").fetchone()[0])
    schema = _pg_ident(_pg_schema(db))
    db.execute_sql(f"GRANT CONNECT ON DATABASE {_pg_ident(database)} TO {role}")
    db.execute_sql(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
    for table in GRANTS[mode]:
        _pg_grant_table(db, schema, role, mode, table)
    if mode == "counter":
        db.execute_sql(f"GRANT SELECT ({', '.join(OFFICER_COLUMNS)}) ON {schema}.officer "
                       f"TO {role}")
    for table in _PG_LOCKED.get(mode, ()):
        db.execute_sql(f"GRANT UPDATE (id) ON {schema}.{_pg_ident(table)} TO {role}")
    if mode in ("counter", "admin"):
        db.execute_sql(f"GRANT EXECUTE ON FUNCTION {schema}.{SALT_FUNCTION}(text) TO {role}")
        db.execute_sql(f"GRANT EXECUTE ON FUNCTION {schema}.{CHECK_FUNCTION}"
                       f"(text, text, integer) TO {role}")


def _pg_grant_table(db: pw.Database, schema: str, role: str, mode: str, table: str) -> None:
    """``mode``'s privileges on one table (with its id sequence and id column)."""
    privileges = GRANTS[mode][table]
    db.execute_sql(f"GRANT {', '.join(privileges)} ON {schema}.{_pg_ident(table)} TO {role}")
    if INSERT in privileges and table in _SERIAL:
        sequence = db.execute_sql("SELECT pg_get_serial_sequence(%s, 'id')",
                                  (table,)).fetchone()[0]
        if sequence:
            db.execute_sql(f"GRANT USAGE ON SEQUENCE {sequence} TO {role}")
    if table in _ID_ONLY.get(mode, ()):
        db.execute_sql(f"GRANT SELECT (id) ON {schema}.{_pg_ident(table)} TO {role}")


def _mysql_grant_table(db: pw.Database, schema: str, user: str, mode: str,
                       table: str) -> None:
    """``mode``'s privileges on one table (with its id column)."""
    db.execute_sql(f"GRANT {', '.join(GRANTS[mode][table])} ON `{schema}`.`{table}` "
                   f"TO {user}")
    if table in _ID_ONLY.get(mode, ()):
        db.execute_sql(f"GRANT SELECT (id) ON `{schema}`.`{table}` TO {user}")


def grant_new_table(db: pw.Database, table: str) -> list[Login]:
    """Give the logins already made their mode's privileges on ``table``, which a
    migration has just created (run by the owner, who migrates): an office upgraded in
    place keeps working without making its logins again. The logins given any; none on
    SQLite."""
    if backend_of(db) == "sqlite":
        return []
    given = []
    for login in list_logins(db):
        if table not in GRANTS[login.mode]:
            continue
        if backend_of(db) == "postgresql":
            _pg_grant_table(db, _pg_ident(_pg_schema(db)), _pg_ident(login.name),
                            login.mode, table)
        else:
            schema = _mysql_database(db).replace("`", "``")
            for host in _mysql_hosts(db, login.name):
                _mysql_grant_table(db, schema, _mysql_user(login.name, host), login.mode,
                                   table)
        given.append(login)
    return given


def _pg_revoke(db: pw.Database, name: str) -> None:
    role = _pg_ident(name)
    schema = _pg_ident(_pg_schema(db))
    db.execute_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}")
    db.execute_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}")
    db.execute_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {schema} FROM {role}")
    # Column grants are not covered by a table's REVOKE ALL.
    db.execute_sql(f"REVOKE SELECT ({', '.join(OFFICER_COLUMNS)}) ON {schema}.officer "
                   f"FROM {role}")
    for table in ("counter", "pickup_record"):
        db.execute_sql(f"REVOKE UPDATE (id) ON {schema}.{_pg_ident(table)} FROM {role}")
    for table in ("audit_entry", "audit_note", "ticket_contact"):
        db.execute_sql(f"REVOKE SELECT (id) ON {schema}.{_pg_ident(table)} FROM {role}")


def _mysql_user(name: str, host: str) -> str:
    # The driver formats every statement with %: a host's wildcard is doubled.
    return f"'{name}'@'{host}'".replace("%", "%%")


def _mysql_hosts(db: pw.Database, name: str) -> list[str]:
    return [str(host) for (host,) in db.execute_sql(
        "SELECT Host FROM mysql.user WHERE User = %s", (name,)).fetchall()]


def _mysql_create(db: pw.Database, name: str, password: str, mode: str, host: str, *,
                  exists: bool) -> None:
    if not re.match(r"^[A-Za-z0-9.%_:-]{1,60}$", host):
        raise InvalidInput("db_user_bad_host", host=host)
    hosts = _mysql_hosts(db, name)
    if hosts and not exists:
        raise Refused("db_user_exists", name=name)
    user = _mysql_user(name, host)
    if host in hosts:
        db.execute_sql(f"ALTER USER {user} IDENTIFIED BY %s", (password,))
        _mysql_revoke(db, name, host)
    else:
        db.execute_sql(f"CREATE USER {user} IDENTIFIED BY %s", (password,))
    schema = _mysql_database(db).replace("`", "``")
    for table in GRANTS[mode]:
        _mysql_grant_table(db, schema, user, mode, table)
    if mode == "counter":
        db.execute_sql(f"GRANT SELECT ({', '.join(OFFICER_COLUMNS)}) ON `{schema}`.`officer` "
                       f"TO {user}")
    if mode in ("counter", "admin"):
        for function in (SALT_FUNCTION, CHECK_FUNCTION):
            db.execute_sql(f"GRANT EXECUTE ON FUNCTION `{schema}`.`{function}` TO {user}")


def _mysql_revoke(db: pw.Database, name: str, host: str) -> None:
    db.execute_sql(f"REVOKE ALL PRIVILEGES, GRANT OPTION FROM {_mysql_user(name, host)}")


def _privileges(db: pw.Database) -> dict[str, set[tuple[str, str]]]:
    """Each grantee's (table, privilege) pairs on this database's Loket tables."""
    backend = _require_server(db)
    found: dict[str, set[tuple[str, str]]] = {}
    if backend == "postgresql":
        rows: Iterable[tuple[str, str, str]] = db.execute_sql(
            "SELECT grantee, table_name, privilege_type FROM information_schema.table_privileges"
            " WHERE table_schema = current_schema() UNION"
            " SELECT grantee, table_name, privilege_type FROM"
            " information_schema.column_privileges WHERE table_schema = current_schema()"
        ).fetchall()
        owners = {str(owner) for (owner,) in db.execute_sql(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()}
    else:
        rows = [(str(grantee).split("'")[1], str(table), str(privilege))
                for grantee, table, privilege in db.execute_sql(
            "SELECT GRANTEE, TABLE_NAME, PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES"
            " WHERE TABLE_SCHEMA = DATABASE() UNION"
            " SELECT GRANTEE, TABLE_NAME, PRIVILEGE_TYPE FROM"
            " information_schema.COLUMN_PRIVILEGES WHERE TABLE_SCHEMA = DATABASE()"
        ).fetchall()]
        owners = set()
    for grantee, table, privilege in rows:
        if grantee in owners or table not in _ALL_TABLES:
            continue
        found.setdefault(str(grantee), set()).add((str(table), str(privilege)))
    return found


def _mode_of(privileges: set[tuple[str, str]]) -> str | None:
    """The mode a login's grants are exactly, or None (a login not made by Loket)."""
    tables = {table for table, _ in privileges}
    if ("officer", INSERT) in privileges:
        return "admin"
    if ("officer", SELECT) in privileges:  # its columns without the hash
        return "counter"
    if ("ticket", INSERT) in privileges:
        return "kiosk"
    if ("ticket", SELECT) in privileges and "pickup_record" not in tables \
            and "officer" not in tables:
        return "display"
    return None


def list_logins(db: pw.Database) -> list[Login]:
    """The logins holding a Loket mode's grants on this database (not the owner's)."""
    logins = []
    for name, privileges in sorted(_privileges(db).items()):
        mode = _mode_of(privileges)
        if mode is not None:
            logins.append(Login(name, mode))
    return logins


def drop_login(db: pw.Database, name: str) -> None:
    """Remove a Loket login: its grants, then the login itself. Run as the owner."""
    backend = _require_server(db)
    _check_name(name)
    if name == current_login(db):
        raise Refused("db_user_is_you", name=name)
    if name not in {login.name for login in list_logins(db)}:
        raise NotFound("db_user_unknown", name=name)
    if backend == "postgresql":
        role = _pg_ident(name)
        database = str(db.execute_sql("SELECT current_database()").fetchone()[0])
        with db.atomic():
            _pg_revoke(db, name)
            db.execute_sql(f"REVOKE ALL ON SCHEMA {_pg_ident(_pg_schema(db))} FROM {role}")
            db.execute_sql(f"REVOKE ALL ON DATABASE {_pg_ident(database)} FROM {role}")
            db.execute_sql(f"DROP ROLE {role}")
        return
    for host in _mysql_hosts(db, name):
        db.execute_sql(f"DROP USER {_mysql_user(name, host)}")


def current_login(db: pw.Database) -> str:
    backend = _require_server(db)
    if backend == "postgresql":
        return str(db.execute_sql("SELECT current_user").fetchone()[0])
    return str(db.execute_sql("SELECT CURRENT_USER()").fetchone()[0]).rsplit("@", 1)[0]


def may_change_officers(db: pw.Database) -> bool:
    """Whether the connected login may add officers: the owner, a superuser, an admin
    PC's login. True on SQLite (a file has no logins)."""
    backend = backend_of(db)
    if backend == "sqlite":
        return True
    if backend == "postgresql":
        return bool(db.execute_sql(
            "SELECT has_table_privilege(current_user, 'officer', 'INSERT')").fetchone()[0])
    grantee = db.execute_sql(
        "SELECT CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',"
        " SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')").fetchone()[0]
    found = db.execute_sql(
        "SELECT 1 FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = %s"
        " AND PRIVILEGE_TYPE = 'INSERT' UNION ALL"
        " SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = %s"
        " AND TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE = 'INSERT' UNION ALL"
        " SELECT 1 FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = %s"
        " AND TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'officer'"
        " AND PRIVILEGE_TYPE = 'INSERT'", (grantee, grantee, grantee)).fetchall()
    return bool(found)


def may_read_password_hashes(db: pw.Database) -> bool:
    """Whether the connected login may read officer.password_hash (True on SQLite)."""
    backend = backend_of(db)
    if backend == "sqlite":
        return True
    if backend == "postgresql":
        return bool(db.execute_sql(
            "SELECT has_column_privilege(current_user, 'officer', 'password_hash', 'SELECT')"
        ).fetchone()[0])
    try:
        db.execute_sql("SELECT password_hash FROM officer WHERE 1 = 0").fetchall()
    except (pw.OperationalError, pw.ProgrammingError) as exc:
        if _is_denied(exc):
            return False
        raise
    return True


def _is_denied(exc: BaseException) -> bool:
    from app.storage.db import driver_error

    orig = driver_error(exc)
    if getattr(orig, "pgcode", None) == "42501":
        return True
    code = orig.args[0] if orig.args else None
    return code in (1142, 1143, 1370, 1044)


def is_denied(exc: BaseException) -> bool:
    """Whether a database error is the server refusing this login the act."""
    return _is_denied(exc)
