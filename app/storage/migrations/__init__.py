"""Numbered schema migrations.

A new database gets every table from the current models in one step and is
stamped with the newest version. An existing one runs, in order, each
migration newer than its stamp. Each migration is a module ``mNNNN_name.py``
with ``NAME`` and ``migrate(db, migrator)`` using :mod:`playhouse.migrations`.
Only one PC migrates at a time: a server-side lock (PostgreSQL advisory lock,
MariaDB ``GET_LOCK``, SQLite ``BEGIN IMMEDIATE``) guards the run, and the version
is read again once the lock is held.
"""

from __future__ import annotations

import glob
import importlib
import logging
import pkgutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Protocol, cast

import peewee
from playhouse.migrate import SchemaMigrator

from app import clock
from app.errors import SchemaError
from app.private_files import private_file
from app.storage import guards
from app.storage.db import backend_of
from app.storage.models import ALL_MODELS, SchemaVersion

log = logging.getLogger(__name__)

_LOCK_NAME = "loket_schema_migration"
_PG_LOCK_KEY = 0x4C4F4B4554  # "LOKET"


class _MigrationModule(Protocol):
    NAME: str

    def migrate(self, db: peewee.Database, migrator: SchemaMigrator) -> None: ...


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    module: ModuleType


def available() -> list[Migration]:
    """Every migration shipped with this program, oldest first."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(Migration(int(info.name[1:5]), cast(_MigrationModule, module).NAME,
                                   module))
    found.sort(key=lambda m: m.version)
    return found


def head_version() -> int:
    return available()[-1].version


def current_version(db: peewee.Database) -> int:
    """The schema version stamped in ``db``; 0 for an empty database."""
    table = SchemaVersion._meta.table_name
    if not db.table_exists(table):
        return 0
    # On ``db`` itself, not through the models: a connection test reads a database
    # the models are not bound to.
    newest = db.execute_sql(f"SELECT MAX(version) FROM {table}").fetchone()[0]
    return int(newest or 0)


def check_schema(db: peewee.Database) -> int:
    """Refuse to work on a database that is not set up or is newer than this program."""
    version = current_version(db)
    if version == 0:
        raise SchemaError("schema_missing")
    if version > head_version():
        raise SchemaError("schema_too_new", found=version, known=head_version())
    return version


def ensure_current(db: peewee.Database) -> tuple[int, int]:
    """Before work: refuse a missing or newer schema; migrate an older one (guarded).

    This is how an update reaches the office: the first PC that starts the new
    version migrates, under the lock, and the others find the work done.
    """
    version = check_schema(db)
    if version < head_version():
        return migrate(db)
    return version, version


@contextmanager
def _migration_lock(db: peewee.Database) -> Iterator[None]:
    backend = backend_of(db)
    if backend == "sqlite":
        with db.atomic("IMMEDIATE"):
            yield
    elif backend == "postgresql":
        with db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_KEY,))
            yield
    else:
        # MariaDB commits DDL implicitly, so the lock is a named session lock.
        got = db.execute_sql("SELECT GET_LOCK(%s, 120)", (_LOCK_NAME,)).fetchone()[0]
        if got != 1:  # another PC has been migrating for two minutes
            raise SchemaError("schema_migration_busy")
        try:
            yield
        finally:
            db.execute_sql("SELECT RELEASE_LOCK(%s)", (_LOCK_NAME,))


def migrate(db: peewee.Database) -> tuple[int, int]:
    """Bring ``db`` to the newest schema. Returns (version before, version after)."""
    migrations = available()
    head = migrations[-1].version
    before = current_version(db)
    if before > head:
        raise SchemaError("schema_too_new", found=before, known=head)
    if before == head:
        return before, head
    copy = (_copy_sqlite_before_migrating(db, before)
            if before > 0 and backend_of(db) == "sqlite" else None)
    with _migration_lock(db):
        before = current_version(db)  # another PC may have migrated meanwhile
        if before == 0:
            db.create_tables(ALL_MODELS, safe=True)
            guards.install(db)
            now = clock.utcnow()
            for m in migrations:
                SchemaVersion.insert(version=m.version, name=m.name, applied_at=now).execute()
            log.info("created schema version %d", head)
            return 0, head
        migrator = SchemaMigrator.from_database(db)
        for m in migrations:
            if m.version <= before:
                continue
            log.info("migrating schema %d -> %d (%s)", before, m.version, m.name)
            cast(_MigrationModule, m.module).migrate(db, migrator)
            SchemaVersion.insert(version=m.version, name=m.name,
                                 applied_at=clock.utcnow()).execute()
    if copy is not None:
        # Migrated and committed: the copy (names, passports, hashes) has done its job.
        prune_copies(db)
    return before, head


def prune_copies(db: peewee.Database) -> int:
    """Delete the pre-migration copies of a SQLite database; how many there were.

    Run after a successful migration and by the retention purge (a copy made by a
    migration that failed holds personal data the purge must not leave behind)."""
    if backend_of(db) != "sqlite" or str(db.database) == ":memory:":
        return 0
    path = Path(db.database)
    copies = list(path.parent.glob(f"{glob.escape(path.name)}.before-v*.bak"))
    for copy in copies:
        copy.unlink(missing_ok=True)
        log.info("removed the pre-migration copy %s", copy)
    return len(copies)


def _copy_sqlite_before_migrating(db: peewee.Database, version: int) -> Path | None:
    """Keep a consistent copy of a SQLite file before changing its schema."""
    path = Path(db.database)
    if str(path) == ":memory:" or not path.exists():
        return None
    target = private_file(path.with_name(f"{path.name}.before-v{version}.bak"))
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    log.info("copied %s to %s before migrating", path, target)
    return target
