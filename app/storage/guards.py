"""Rules the database server itself enforces, whatever login or program writes.

The audit log is append-only: on PostgreSQL and MariaDB a trigger refuses every
``UPDATE`` and ``DELETE`` of ``audit_entry``, for every login, the owner included
(the model's own guard in :mod:`app.storage.models` only stops this program). SQLite
gets the same triggers; a single-PC file has no logins, so there they stop mistakes,
not a person with the file (file permissions are that file's protection).

Made by migration 5 for an existing database and by :func:`install` whenever the
tables are created anew (a new database, a restore). Dropping the table drops them.
"""

from __future__ import annotations

from typing import Final

import peewee as pw

from app.storage.db import backend_of

REFUSAL: Final = "audit entries are append-only"

_POSTGRESQL: Final = (
    f"""CREATE OR REPLACE FUNCTION loket_audit_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
    END $$""",
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry",
    """CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION loket_audit_entry_append_only()""",
)

_MARIADB: Final = tuple(
    statement
    for verb in ("update", "delete")
    for statement in (
        f"DROP TRIGGER IF EXISTS audit_entry_no_{verb}",
        f"""CREATE TRIGGER audit_entry_no_{verb} BEFORE {verb.upper()} ON audit_entry
        FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{REFUSAL}'""",
    )
)

_SQLITE: Final = tuple(
    statement
    for verb in ("update", "delete")
    for statement in (
        f"DROP TRIGGER IF EXISTS audit_entry_no_{verb}",
        f"""CREATE TRIGGER audit_entry_no_{verb} BEFORE {verb.upper()} ON audit_entry
        BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END""",
    )
)


def install(db: pw.Database) -> None:
    """(Re)make the audit log's triggers; safe to run again."""
    backend = backend_of(db)
    statements = (_POSTGRESQL if backend == "postgresql"
                  else _MARIADB if backend == "mysql" else _SQLITE)
    for statement in statements:
        db.execute_sql(statement)
