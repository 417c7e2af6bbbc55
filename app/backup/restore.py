"""Restoring a backup into an empty database (or, forced, over one in use).

:func:`restore` checks the whole file first (:func:`app.backup.verify.verify_backup`),
writes it into the target, migrates rows of an older Loket up, then checks the
result (:func:`app.backup.verify.check_database`) before it is committed.
:func:`copy_before_restore` backs up what a forced restore is about to replace.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import peewee as pw
from playhouse.migrate import SchemaMigrator

from app import clock
from app.backup.dump_format import (
    BY_TABLE,
    DATA_TABLES,
    DRIVER_ERRORS,
    MODELS,
    ORDER,
    BackupSource,
    BackupTable,
    BadBackup,
    db_value,
    field_tag,
    open_source,
    quote,
)
from app.backup.make import BackupResult, make_backup
from app.backup.verify import (
    BackupCheck,
    check_database,
    count_problems,
    count_rows,
    schema_version_of,
    url_of,
    verify_backup,
)
from app.errors import InvalidInput, LoketError, Refused
from app.office.settings import invalidate_cache
from app.storage import guards, migrations
from app.storage.db import (
    backend_of,
    check_server_version,
    database,
    first_line,
    is_connection_error,
    is_timeout,
    open_database,
    redact_url,
    unavailable,
)
from app.storage.models import AuditEntry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    path: str
    target: str  # URL without password
    backup_schema_version: int
    schema_version: int  # after migrating up
    counts: dict[str, int]  # rows restored per table
    replaced: bool  # the target held data and --force replaced it
    seconds: float
    verification: BackupCheck  # of the restored database

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["verification"] = self.verification.to_dict()
        return data



def connect_other(url: str) -> pw.Database:
    """A second database beside the program's own, connected (not bound to the models):
    a restore's target, or another Loket database read by a reconcile."""
    db = open_database(url)
    try:
        db.connect()
    except pw.ImproperlyConfigured as exc:
        scheme = urlparse(url).scheme.split("+")[0]
        raise InvalidInput("database_driver_missing", scheme=scheme, extra=scheme) from exc
    except pw.DatabaseError as exc:
        raise unavailable(exc) from exc
    check_server_version(db)
    return db


def restore(path: str | Path, target_url: str, force: bool = False) -> RestoreResult:
    """Restore a backup into the database at ``target_url``.

    The whole file is checked first (:func:`verify_backup`); a damaged, cut-off or
    foreign file is refused and the target is not touched. The target must be empty
    (no Loket tables, or a fresh schema without tickets, officers or passports);
    ``force`` replaces a database in use. Its Loket tables are dropped and created
    again at this program's schema, the rows go in by foreign-key order in batches —
    on SQLite and PostgreSQL all in one transaction, on MariaDB (whose DDL commits
    by itself) the rows in one transaction — and a backup made by an older Loket is
    then migrated up by the newer migrations. The result is checked (row counts,
    schema version, integrity, references) before it is committed, and audited as
    ``restore_made``.
    """
    started = time.monotonic()
    path = Path(path)
    check = verify_backup(path)
    if not check.ok:
        raise check.problems[0].error()
    for warning in check.warnings:
        log.warning("restoring %s: %s", path, warning.message("en"))
    db = connect_other(target_url)
    try:
        backend = backend_of(db)
        present_all = set(db.get_tables())
        present = [t for t in ORDER if t in present_all]
        version = schema_version_of(db, present_all)
        head = migrations.head_version()
        if version > head:
            raise Refused("restore_target_too_new", found=version, known=head)
        in_use = {t: count_rows(db, t) for t in DATA_TABLES if t in present_all}
        replaced = any(in_use.values())
        if replaced and not force:
            raise Refused("restore_target_not_empty", tickets=in_use.get("ticket", 0),
                          officers=in_use.get("officer", 0),
                          passports=in_use.get("pickup_record", 0))
        source = open_source(path)
        try:
            at_head = version == head and len(present) == len(ORDER)
            loaded = _restore_into(db, backend, source, check, present, at_head, path,
                                   force and replaced)
        except BadBackup as bad:
            raise bad.problem.error() from None
        finally:
            source.close()
        result = RestoreResult(path=str(path), target=redact_url(target_url),
                               backup_schema_version=int(check.schema_version or 0),
                               schema_version=head, counts=check.counts, replaced=replaced,
                               seconds=round(time.monotonic() - started, 3),
                               verification=loaded)
    except LoketError:
        raise
    except DRIVER_ERRORS as exc:
        log.warning("restore into %s failed: %s", redact_url(target_url), exc)
        if is_connection_error(exc) or is_timeout(exc):  # the server went, not a refusal
            raise unavailable(exc) from exc
        raise Refused("restore_failed", reason=first_line(exc)) from exc
    finally:
        db.close()
        invalidate_cache()
    log.info("restored %s into %s in %.2f s", path, redact_url(target_url), result.seconds)
    return result


def copy_before_restore(target_url: str, path: str | Path,
                        dest: str | Path | None = None) -> BackupResult | None:
    """Back up the database a forced restore of ``path`` is about to replace.

    The backup file is checked first (a bad one is refused before anything is copied).
    Returns None when the target holds no tickets, officers or passports. A copy that
    cannot be made raises, and the restore must not go on: a mistaken ``--force``
    never loses what was saved. Binds the target as this program's database (the
    command line's restore runs alone).
    """
    check = verify_backup(path)
    if not check.ok:
        raise check.problems[0].error()
    from app.storage.db import connect

    db = connect(target_url)
    try:
        present = set(db.get_tables())
        if not any(count_rows(db, t) for t in DATA_TABLES if t in present):
            return None
        migrations.check_schema(db)
        return make_backup(dest)
    finally:
        db.close()


def _restore_into(db: pw.Database, backend: str, source: BackupSource, check: BackupCheck,
                  present: list[str], at_head: bool, path: Path, forced: bool) -> BackupCheck:
    def load() -> BackupCheck:
        return _load(db, backend, source, check, path, forced)

    if backend != "mysql":
        # DDL is transactional here: drop, create, load and check commit together.
        with db.atomic("IMMEDIATE") if backend == "sqlite" else db.atomic():
            _drop(db, backend, present)
            _create(db)
            return load()
    # MariaDB commits DDL by itself, so the schema is made anew first and only the rows
    # load in one transaction. (Emptying the tables with DELETE instead is impossible:
    # the audit log refuses every DELETE, see app.storage.guards; a forced restore has
    # made its safety copy before this point.)
    del at_head
    _drop(db, backend, present)
    _create(db)
    try:
        with db.atomic():
            return load()
    except BaseException:
        _drop(db, backend, ORDER)  # leave no half-restored schema behind
        raise


def _drop(db: pw.Database, backend: str, tables: list[str]) -> None:
    cascade = " CASCADE" if backend == "postgresql" else ""
    for table in reversed([t for t in ORDER if t in tables]):
        db.execute_sql(f"DROP TABLE IF EXISTS {quote(backend, table)}{cascade}")


def _create(db: pw.Database) -> None:
    for model in MODELS:
        pw.SchemaManager(model, database=db).create_all(safe=False)
    guards.install(db)


def _load(db: pw.Database, backend: str, source: BackupSource, check: BackupCheck, path: Path,
          forced: bool) -> BackupCheck:
    for table, rows in source.read_rows():
        _insert(db, backend, table, rows)
    # Every row of the file went in: counted before the migrations, which may move rows
    # from one table to another (m0013: the signing keys out of ``setting``).
    missing = count_problems({t: count_rows(db, t) for t in check.counts}, check.counts)
    if missing:
        raise missing[0].error()
    applied = _migrate_up(db, source.schema_version)
    if backend == "postgresql":
        _reset_sequences(db)
    verification = check_database(
        db, {"schema_version": check.counts.get("schema_version", 0) + applied})
    if not verification.ok:
        raise verification.problems[0].error()
    _audit_restore(db, backend, path, check, forced)
    return verification


def _insert(db: pw.Database, backend: str, table: BackupTable,
            rows: Iterator[tuple[Any, ...]]) -> None:
    """The rows of one table in multi-row INSERTs; columns this program added since
    the backup was made get their model default."""
    model = BY_TABLE[table.name]
    extra = [f for f in model._meta.sorted_fields
             if f.column_name not in table.columns]
    fills = tuple(db_value(backend, field_tag(f), f.default() if callable(f.default)
                            else f.default) for f in extra)
    columns = table.columns + tuple(f.column_name for f in extra)
    tags = table.types
    per_batch = max(1, min(500, 10_000 // len(columns)))
    marks = "(" + ", ".join([db.param] * len(columns)) + ")"
    head = (f"INSERT INTO {quote(backend, table.name)} "
            f"({', '.join(quote(backend, c) for c in columns)}) VALUES ")
    full = head + ", ".join([marks] * per_batch)
    params: list[Any] = []
    waiting = 0
    for row in rows:
        params.extend(db_value(backend, tag, v) for tag, v in zip(tags, row, strict=True))
        params.extend(fills)
        waiting += 1
        if waiting == per_batch:
            db.execute_sql(full, params)
            params, waiting = [], 0
    if waiting:
        db.execute_sql(head + ", ".join([marks] * waiting), params)


def _migrate_up(db: pw.Database, from_version: int) -> int:
    """Run the migrations newer than the backup on its restored rows; how many ran.

    The tables already have this program's structure, so each step only does its
    data work (a migration checks what exists before it adds, as m0002 does).
    """
    newer = [m for m in migrations.available() if m.version > from_version]
    if not newer:
        return 0
    migrator = SchemaMigrator.from_database(db)
    now = clock.utcnow()
    table = quote(backend_of(db), "schema_version")
    for m in newer:
        log.info("migrating the restored rows %d -> %d (%s)", from_version, m.version, m.name)
        m.module.migrate(db, migrator)
        db.execute_sql(f"INSERT INTO {table} (version, name, applied_at) VALUES "
                       f"({db.param}, {db.param}, {db.param})",
                       [m.version, m.name, db_value(backend_of(db), "datetime", now)])
    return len(newer)


def _reset_sequences(db: pw.Database) -> None:
    """PostgreSQL: the next id after the restored ones (MariaDB and SQLite do it alone)."""
    for model in MODELS:
        pk = model._meta.primary_key
        if isinstance(pk, pw.AutoField):
            table, column = model._meta.table_name, pk.column_name
            db.execute_sql(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                f'COALESCE(MAX("{column}"), 0) + 1, false) FROM "{table}"', [table, column])


def _audit_restore(db: pw.Database, backend: str, path: Path, check: BackupCheck,
                   forced: bool) -> None:
    # A plain insert query: AuditEntry's model-level guard is for updates and deletes.
    details = json.dumps({"path": str(path), "kind": check.kind,
                          "backup_made_at": check.made_at,
                          "backup_schema_version": check.schema_version,
                          "source_backend": check.source_backend, "counts": check.counts,
                          "replaced": forced}, ensure_ascii=False, sort_keys=True)
    table = quote(backend, AuditEntry._meta.table_name)
    marks = ", ".join([db.param] * 4)
    db.execute_sql(f"INSERT INTO {table} ({quote(backend, 'at')}, action, subject, details) "
                   f"VALUES ({marks})",
                   [db_value(backend, "datetime", clock.utcnow()), "restore_made",
                    path.name[-100:], details])



def restore_command(path: str | Path | None = None) -> str:
    """The exact command that restores ``path`` into the connected database."""
    target = url_of(database.obj)
    file = str(path) if path else "FILE"
    quoted = f'"{file}"' if " " in file else file
    return f'loket --db "{target}" restore {quoted} --force'
