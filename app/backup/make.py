"""Making a backup while the counters keep working.

Written under a temporary name, flushed to disk and then renamed, so a half-written
file is never mistaken for a good one. A SQLite database is copied with SQLite's
online backup API in one step (one read snapshot; in WAL mode counters keep writing
meanwhile), the copy must pass ``PRAGMA integrity_check`` and is switched to a plain
rollback journal. Any database can be written as a portable Loket dump
(:mod:`app.backup.dump_format`): everything is read inside ONE snapshot transaction
on a connection of its own (PostgreSQL ``REPEATABLE READ READ ONLY``; MariaDB ``START
TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`` at REPEATABLE READ) and streamed,
never held in memory. It needs no ``pg_dump`` or ``mariadb-dump`` and restores into
any backend.

For a whole server (every database on it, roles, server settings) use the server's
own tools as well: ``pg_dump -Fc loket`` / ``pg_dumpall`` for PostgreSQL,
``mariadb-dump --single-transaction loket`` for MariaDB. They restore only into the
same kind of server; a Loket dump restores into any.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import platformdirs

from app import __version__, clock
from app.backup.dump_format import (
    DRIVER_ERRORS,
    DUMP_FORMAT,
    DUMP_FORMAT_VERSION,
    DUMP_SUFFIX,
    FORMAT_DUMP,
    FORMAT_SQLITE,
    FORMATS,
    ORDER,
    ROWS_PER_READ,
    SQLITE_SUFFIX,
    BackupTable,
    SqliteSource,
    column_tag,
    encoder,
    json_line,
    order_columns,
    quote,
)
from app.backup.seal import Sealer, read_sealed, write_sqlite_seal
from app.errors import InvalidInput, Refused
from app.office import permissions
from app.office.audit import record
from app.office.settings import OfficeSettings, get_settings
from app.private_files import private_folder
from app.storage.db import (
    APP_NAME,
    SQLITE_BUSY_TIMEOUT_S,
    backend_of,
    database,
    first_line,
    unavailable,
)
from app.storage.transactions import read, run_in_transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupResult:
    path: str
    format: str
    size: int  # bytes
    counts: dict[str, int]  # rows per table
    schema_version: int
    seconds: float
    made_at: str  # UTC, ISO
    scheduled: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_folder() -> Path:
    """Where backups go when the ``backup_folder`` setting is empty."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "backups"


def backup_folder(office: OfficeSettings | None = None) -> Path:
    office = office or get_settings()
    return Path(office.backup_folder).expanduser() if office.backup_folder else default_folder()


def _is_folder(dest: Path, raw: str) -> bool:
    return dest.is_dir() or raw.endswith(("/", os.sep)) or not dest.suffix


def _choose_format(fmt: str | None, backend: str, dest: Path | None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise InvalidInput("backup_format_unknown", format=fmt)
        chosen = fmt
    elif dest is not None and dest.name.endswith(".gz"):
        chosen = FORMAT_DUMP
    elif dest is not None and dest.suffix in (".sqlite3", ".sqlite", ".db"):
        chosen = FORMAT_SQLITE  # refused below for a server rather than misnamed
    else:
        chosen = FORMAT_SQLITE if backend == "sqlite" else FORMAT_DUMP
    if chosen == FORMAT_SQLITE and backend != "sqlite":
        raise InvalidInput("backup_sqlite_needs_sqlite")
    return chosen


def _target(dest: str | Path | None, fmt: str | None, office: OfficeSettings,
            now_utc: dt.datetime) -> tuple[Path, str]:
    """The file to write and its format. A folder gets a new time-stamped name."""
    backend = backend_of(database)
    raw = "" if dest is None else str(dest)
    path = Path(raw).expanduser() if raw else None
    if path is not None and not _is_folder(path, raw):
        fmt = _choose_format(fmt, backend, path)
        if path.exists():
            raise Refused("backup_dest_exists", path=str(path))
        folder, target = path.parent, path
    else:
        fmt = _choose_format(fmt, backend, None)
        folder = path if path is not None else backup_folder(office)
        stamp = clock.local_time(now_utc, office.timezone).strftime("%Y%m%d-%H%M%S")
        suffix = SQLITE_SUFFIX if fmt == FORMAT_SQLITE else DUMP_SUFFIX
        target = folder / f"loket-{stamp}{suffix}"
        extra = 2
        while target.exists():
            target = folder / f"loket-{stamp}-{extra}{suffix}"
            extra += 1
    try:
        private_folder(folder, own=False)  # a folder made here: the owner's only
    except OSError as exc:
        raise InvalidInput("backup_dest_unwritable", path=str(folder),
                           reason=exc.strerror or str(exc)) from None
    return target, fmt


def _fsync(path: Path) -> None:
    with path.open("r+b") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private(path: Path) -> None:
    """Backups hold personal data and the signing key: readable by the owner only."""
    with suppress(OSError):
        path.chmod(0o600)


def make_backup(dest: str | Path | None = None, fmt: str | None = None, *,
                by: int | None = None, scheduled: bool = False) -> BackupResult:
    """Write a consistent backup of the connected database while others keep working.

    ``dest``: a folder (a time-stamped ``loket-YYYYMMDD-HHMMSS`` file is made there;
    default: the ``backup_folder`` setting) or a new file's path. ``fmt``: ``sqlite``
    (default for a SQLite database) or ``dump`` (the portable Loket dump; default
    for a server). ``by``: the officer asking (must be allowed ``backup_run``);
    None is the machine's operator (command line, scheduler). Audited as
    ``backup_made`` in a short transaction of its own after the copy.
    """
    if by is not None:
        run_in_transaction(lambda: permissions.require(by, "backup_run"))
    office = get_settings(fresh=True)
    started = time.monotonic()
    made_at = clock.utcnow()
    target, fmt = _target(dest, fmt, office, made_at)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        if fmt == FORMAT_SQLITE:
            counts, version = _copy_sqlite(partial)
        else:
            counts, version = _write_dump(partial, made_at)
        _fsync(partial)
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise InvalidInput("backup_dest_unwritable", path=str(target),
                           reason=exc.strerror or str(exc)) from None
    finally:
        with suppress(OSError):
            partial.unlink()
    result = BackupResult(path=str(target), format=fmt, size=target.stat().st_size,
                          counts=counts, schema_version=version,
                          seconds=round(time.monotonic() - started, 3),
                          made_at=made_at.isoformat(), scheduled=scheduled)
    log.info("backup written to %s (%d bytes, %.2f s)", target, result.size, result.seconds)
    run_in_transaction(lambda: record(
        "backup_made", officer=by, subject=target.name[-100:],
        details={"path": result.path, "format": fmt, "size": result.size,
                 "counts": counts, "schema_version": version, "scheduled": scheduled,
                 "seconds": result.seconds}))
    return result


def _sqlite_path() -> Path:
    name = str(database.obj.database)
    if name == ":memory:" or name.startswith("file::memory:"):
        raise InvalidInput("backup_memory_database")
    return Path(name)


def _copy_sqlite(partial: Path) -> tuple[dict[str, int], int]:
    """SQLite's online backup in one step (one read snapshot), checked before it counts."""
    source = sqlite3.connect(str(_sqlite_path()), timeout=SQLITE_BUSY_TIMEOUT_S)
    try:
        copy = sqlite3.connect(str(partial))
        try:
            _private(partial)
            source.backup(copy)
            problems = [str(r[0]) for r in copy.execute("PRAGMA integrity_check").fetchall()]
            if problems != ["ok"]:
                log.warning("backup copy failed SQLite's integrity check: %s",
                            "; ".join(problems[:3]))
                raise Refused("backup_copy_failed", reason="; ".join(problems[:3]))
            copy.commit()
            source_copy = SqliteSource(partial)
            try:
                write_sqlite_seal(copy, read_sealed(source_copy).seal())
            finally:
                source_copy.close()
            # A plain rollback-journal file, so any tool opens it read-only as it is.
            copy.execute("PRAGMA journal_mode = DELETE")
            names = {r[0] for r in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            counts = {t: int(copy.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0])
                      for t in ORDER if t in names}
            version = int(copy.execute(
                "SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
        finally:
            copy.close()
    except sqlite3.Error as exc:
        log.warning("backup copy failed: %s: %s", type(exc).__name__, first_line(exc))
        raise Refused("backup_copy_failed", reason=first_line(exc)) from exc
    finally:
        source.close()
    return counts, version


def _live_layout() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Tables, columns and column types of the connected database, in foreign-key order."""
    db = database.obj

    def work() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        present = set(db.get_tables())
        layout = []
        for table in ORDER:
            if table in present:
                cols = db.get_columns(table)
                layout.append((table, tuple(c.name for c in cols),
                               tuple(column_tag(table, c.name, str(c.data_type))
                                     for c in cols)))
        return layout

    return read(work)


def _snapshot(backend: str) -> Any:
    """A new connection of its own, inside one read-only snapshot transaction."""
    conn = database.obj._connect()
    if backend == "postgresql":
        conn.autocommit = False
        conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
    elif backend == "mysql":
        # The connection starts at READ COMMITTED (app.storage.db): the snapshot needs
        # REPEATABLE READ.
        with conn.cursor() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cur.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")
    else:
        conn.execute("BEGIN")  # the first read fixes the snapshot; writers go on (WAL)
    return conn


def _stream(conn: Any, backend: str, sql: str, number: int) -> Iterator[tuple[Any, ...]]:
    """Rows of ``sql`` a batch at a time (server-side cursors on the servers)."""
    if backend == "postgresql":
        cur = conn.cursor(name=f"loket_backup_{number}")
        cur.itersize = ROWS_PER_READ
    elif backend == "mysql":
        import pymysql

        cur = conn.cursor(pymysql.cursors.SSCursor)
    else:
        cur = conn.cursor()
    try:
        cur.execute(sql)
        while chunk := cur.fetchmany(ROWS_PER_READ):
            yield from chunk
    finally:
        cur.close()


def _scalar(conn: Any, sql: str) -> Any:
    cur = conn.cursor()
    try:
        cur.execute(sql)
        return cur.fetchone()[0]
    finally:
        cur.close()


def _write_dump(partial: Path, made_at: dt.datetime) -> tuple[dict[str, int], int]:
    backend = backend_of(database)
    layout = _live_layout()
    q = quote
    try:
        conn = _snapshot(backend)
    except DRIVER_ERRORS as exc:
        raise unavailable(exc) from exc
    try:
        version = int(_scalar(conn, f"SELECT MAX(version) FROM {q(backend, 'schema_version')}")
                      or 0)
        tables = [BackupTable(name, cols, tags,
                         int(_scalar(conn, f"SELECT COUNT(*) FROM {q(backend, name)}")))
                  for name, cols, tags in layout]
        header = {"format": DUMP_FORMAT, "format_version": DUMP_FORMAT_VERSION,
                  "schema_version": version, "source_backend": backend,
                  "made_at": made_at.isoformat(), "loket_version": __version__,
                  "tables": [t.header() for t in tables]}
        with partial.open("xb") as raw:
            _private(partial)
            sealer = Sealer(version)
            with gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=6,
                               mtime=0) as gz:
                gz.write(json_line(header))
                for number, table in enumerate(tables):
                    gz.write(json_line({"table": table.name}))
                    seal_row = sealer.table(table)
                    encode = encoder(table.types)
                    cols = ", ".join(q(backend, c) for c in table.columns)
                    order = ", ".join(q(backend, c)
                                      for c in order_columns(table.name, table.columns))
                    sql = f"SELECT {cols} FROM {q(backend, table.name)} ORDER BY {order}"
                    written, batch = 0, []
                    for row in _stream(conn, backend, sql, number):
                        seal_row(row)
                        batch.append(json_line(encode(row)))
                        written += 1
                        if len(batch) >= ROWS_PER_READ:
                            gz.write(b"".join(batch))
                            batch.clear()
                    gz.write(b"".join(batch))
                    if written != table.rows:  # the snapshot did not hold: never keep it
                        log.warning("backup of %s read %d rows, %d expected", table.name,
                                    written, table.rows)
                        raise Refused("backup_copy_failed",
                                      reason=f"{table.name}: {written} != {table.rows}")
                gz.write(json_line({"end": True, "tables": len(tables),
                                     "rows": sum(t.rows for t in tables),
                                     "seal": sealer.seal()}))
            raw.flush()
            os.fsync(raw.fileno())
    except DRIVER_ERRORS as exc:
        raise unavailable(exc) from exc
    finally:
        with suppress(*DRIVER_ERRORS):
            conn.rollback()
        with suppress(*DRIVER_ERRORS):
            conn.close()
    return {t.name: t.rows for t in tables}, version
