"""Checking a backup without restoring it, and checking a live (restored) database.

:func:`verify_backup` reads a backup file once, read-only: what it is, its schema
version, its row counts against its header, its integrity, and that every reference
resolves. :func:`check_database` does the same for a database (after a restore).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw

from app.backup.dump_format import (
    BY_TABLE,
    FOREIGN_KEYS,
    ORDER,
    BackupProblem,
    BackupSource,
    BackupTable,
    BadBackup,
    open_source,
    quote,
)
from app.backup.seal import Sealer
from app.storage import migrations
from app.storage.db import backend_of, first_line, redact_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupCheck:
    """What a backup (or a restored database) holds and whether it is sound."""

    path: str  # the file, or the database's URL without password
    kind: str  # "sqlite", "dump", or the backend of a checked database
    ok: bool
    schema_version: int | None
    source_backend: str | None
    made_at: str | None
    counts: dict[str, int]
    problems: list[BackupProblem]
    # The file's seal matched its content (app.backup.seal); False for a database, or
    # a backup made before seals (then ``warnings`` says it could not be checked).
    sealed: bool = False
    warnings: list[BackupProblem] = field(default_factory=list)

    def messages(self, lang: str | None = None) -> list[str]:
        return [p.message(lang) for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "ok": self.ok,
                "schema_version": self.schema_version, "source_backend": self.source_backend,
                "made_at": self.made_at, "counts": self.counts,
                "problems": [p.to_dict() for p in self.problems], "sealed": self.sealed,
                "warnings": [w.to_dict() for w in self.warnings]}



def _layout_problems(source: BackupSource) -> list[BackupProblem]:
    head = migrations.head_version()
    version = source.schema_version
    if version > head:
        return [BackupProblem("backup_schema_too_new", {"found": version, "known": head})]
    if version < 1:
        return [BackupProblem("backup_schema_invalid", {"found": version})]
    problems = []
    present = {t.name for t in source.tables}
    if version == head:
        problems += [BackupProblem("backup_table_missing", {"table": t}) for t in ORDER
                     if t not in present]
    for t in source.tables:
        if t.name not in BY_TABLE:
            problems.append(BackupProblem("backup_table_unknown", {"table": t.name}))
            continue
        known = set(BY_TABLE[t.name]._meta.columns)
        problems += [BackupProblem("backup_column_unknown", {"table": t.name, "column": c})
                     for c in t.columns if c not in known]
    return problems


class _ForeignKeyCheck:
    """Every reference points at a row that exists, checked while rows stream past."""

    def __init__(self, tables: list[BackupTable]) -> None:
        present = {t.name: t.columns for t in tables}
        self.keys = [fk for fk in FOREIGN_KEYS
                     if fk[1] in present.get(fk[0], ()) and fk[3] in present.get(fk[2], ())]
        self.seen: dict[tuple[str, str], set[Any]] = {(fk[2], fk[3]): set() for fk in self.keys}
        self.broken: dict[tuple[str, str, str], int] = {}

    def watcher(self, table: BackupTable) -> Callable[[tuple[Any, ...]], None]:
        collect = [(table.columns.index(col), self.seen[(t, col)])
                   for (t, col) in self.seen if t == table.name]
        check = [(table.columns.index(col), self.seen[(ref, ref_col)], (table.name, col, ref))
                 for (t, col, ref, ref_col) in self.keys if t == table.name]

        def watch(row: tuple[Any, ...]) -> None:
            for index, bucket in collect:
                bucket.add(row[index])
            for index, bucket, key in check:
                value = row[index]
                if value is not None and value not in bucket:
                    self.broken[key] = self.broken.get(key, 0) + 1

        return watch

    def problems(self) -> list[BackupProblem]:
        return [BackupProblem("backup_fk_broken", {"table": t, "column": c, "ref_table": r,
                                             "count": n})
                for (t, c, r), n in self.broken.items()]


def verify_backup(path: str | Path, keys: list[bytes] | None = None) -> BackupCheck:
    """Open a backup read-only and check it: what it is, its schema version, its row
    counts against its header, its integrity, that every reference resolves, that its
    settings are ones the program can read, and that its content is what its seal
    says (:mod:`app.backup.seal`; ``keys``: the office's signing secrets, besides the
    backup's own). A backup made before seals passes with a warning.

    A file that cannot be opened at all raises :class:`InvalidInput`; anything else
    wrong is listed in the answer's ``problems``.
    """
    path = Path(path)
    try:
        source = open_source(path)
    except BadBackup as bad:
        return BackupCheck(str(path), "unknown", False, None, None, None, {}, [bad.problem])
    try:
        return _check_source(source, keys)
    finally:
        source.close()


def _check_source(source: BackupSource, keys: list[bytes] | None) -> BackupCheck:
    problems = _layout_problems(source)
    counts: dict[str, int] = {}
    sealer = Sealer(source.schema_version)
    if not problems:
        try:
            integrity = source.integrity()
            if integrity != "ok":
                log.info("backup integrity check: %s", integrity)
                problems.append(BackupProblem("backup_integrity_failed", {"reason": integrity}))
            fks = _ForeignKeyCheck(source.tables)
            for table, rows in source.read_rows():
                watch = fks.watcher(table)
                add = sealer.table(table)
                found = 0
                for row in rows:
                    watch(row)
                    add(row)
                    found += 1
                counts[table.name] = found
                if found != table.rows:
                    problems.append(BackupProblem("backup_count_mismatch", {
                        "table": table.name, "found": found, "expected": table.rows}))
            problems += fks.problems()
            problems += sealer.problems
        except BadBackup as bad:
            problems.append(bad.problem)
        except sqlite3.DatabaseError as exc:
            log.info("backup read by SQLite: %s: %s", type(exc).__name__, first_line(exc))
            problems.append(BackupProblem("backup_sqlite_unreadable",
                                          {"reason": first_line(exc)}))
    warnings: list[BackupProblem] = []
    sealed = False
    # The seal is judged last: a file already refused for a precise reason (a row
    # missing, a broken reference) is not also called "changed".
    if not problems:
        if source.seal is None:
            warnings.append(BackupProblem("backup_unsealed", {"path": str(source.path)}))
        elif sealer.matches(source.seal, sealer.keys(keys)):
            sealed = True
        else:
            problems.append(BackupProblem("backup_tampered", {"path": str(source.path)}))
    return BackupCheck(str(source.path), source.kind, not problems, source.schema_version,
                        source.source_backend, source.made_at,
                        counts or {t.name: t.rows for t in source.tables}, problems,
                        sealed, warnings)


# --- making a backup ---------------------------------------------------------------


# --- checking a live database ------------------------------------------------------------


def count_rows(db: pw.Database, table: str) -> int:
    return int(db.execute_sql(
        f"SELECT COUNT(*) FROM {quote(backend_of(db), table)}").fetchone()[0])


def schema_version_of(db: pw.Database, present: set[str]) -> int:
    if "schema_version" not in present:
        return 0
    value = db.execute_sql(
        f"SELECT MAX(version) FROM {quote(backend_of(db), 'schema_version')}").fetchone()[0]
    return int(value or 0)


def count_problems(counts: dict[str, int], expected: dict[str, int]) -> list[BackupProblem]:
    """A problem for each table whose rows (``counts``) are not as many as expected."""
    return [BackupProblem("backup_count_mismatch", {
        "table": table, "found": counts.get(table, 0), "expected": want})
        for table, want in expected.items() if counts.get(table) != want]


def check_database(db: pw.Database, expected: dict[str, int] | None = None) -> BackupCheck:
    """Check a live database: schema version, counts (if given), integrity, references."""
    backend = backend_of(db)
    present = set(db.get_tables())
    problems: list[BackupProblem] = []
    version = schema_version_of(db, present)
    head = migrations.head_version()
    if version != head:
        problems.append(BackupProblem("backup_schema_invalid", {"found": version}))
    counts = {t: count_rows(db, t) for t in ORDER if t in present}
    problems += count_problems(counts, expected or {})
    if backend == "sqlite":
        found = [str(r[0]) for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
        if found != ["ok"]:
            problems.append(BackupProblem("backup_integrity_failed",
                                          {"detail": "; ".join(found[:3])}))
    q = quote
    for table, column, ref, ref_column in FOREIGN_KEYS:
        if table not in present or ref not in present:
            continue
        broken = int(db.execute_sql(
            f"SELECT COUNT(*) FROM {q(backend, table)} c LEFT JOIN {q(backend, ref)} p "
            f"ON c.{q(backend, column)} = p.{q(backend, ref_column)} "
            f"WHERE c.{q(backend, column)} IS NOT NULL AND p.{q(backend, ref_column)} IS NULL"
        ).fetchone()[0])
        if broken:
            problems.append(BackupProblem("backup_fk_broken", {"table": table, "column": column,
                                                         "ref_table": ref, "count": broken}))
    return BackupCheck(redact_url(url_of(db)), backend, not problems, version, backend, None,
                        counts, problems)


def url_of(db: pw.Database) -> str:
    """A database's URL without its password (for messages and the restore command)."""
    backend = backend_of(db)
    if backend == "sqlite":
        return f"sqlite:///{db.database}"
    params = db.connect_params
    scheme = "postgresql" if backend == "postgresql" else "mysql"
    user = params.get("user") or ""
    hosts = str(params.get("host") or "localhost").split(",")
    ports = str(params.get("port") or "").split(",")
    if len(hosts) > 1:  # a primary and its standby: libpq's multi-host form
        where = ",".join(f"{host}:{port}" for host, port in zip(hosts, ports, strict=True))
        attrs = params.get("target_session_attrs", "read-write")
        return (f"{scheme}://{user}{'@' if user else ''}{where}/{db.database}"
                f"?target_session_attrs={attrs}")
    port = f":{params['port']}" if params.get("port") else ""
    return f"{scheme}://{user}{'@' if user else ''}{hosts[0]}{port}/{db.database}"
