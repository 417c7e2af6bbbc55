"""Backups made while the counters keep working, checked, and restored anywhere.

Two kinds of backup file, both written under a temporary name, flushed to disk and
then renamed, so a half-written file is never mistaken for a good one:

* **SQLite** (``loket-YYYYMMDD-HHMMSS.sqlite3``), for an office on one PC's SQLite
  file: SQLite's online backup API copies the live file in one step (one read
  snapshot; in WAL mode counters keep writing meanwhile), the copy must pass
  ``PRAGMA integrity_check`` and is switched to a plain rollback journal, so any
  SQLite tool opens it.
* **Portable Loket dump** (``loket-YYYYMMDD-HHMMSS.loketdump.gz``), for PostgreSQL
  and MariaDB (and, with ``fmt="dump"``, for SQLite, to move a one-PC office to a
  server). Gzip'd JSON lines: a header (format version, schema version, source
  backend, time, and per table its columns, their types and its row count), then
  per table a ``{"table": name}`` line and one JSON array per row, tables in
  foreign-key order, and an end line. Datetimes, dates, booleans and bytes are
  written by column type, so they come back exactly. Everything is read inside ONE
  snapshot transaction on a connection of its own (PostgreSQL ``REPEATABLE READ
  READ ONLY``; MariaDB ``START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`` at
  REPEATABLE READ) and streamed, never held in memory. It needs no ``pg_dump`` or
  ``mariadb-dump`` and restores into any backend.

For a whole server (every database on it, roles, server settings) use the server's
own tools as well: ``pg_dump -Fc loket`` / ``pg_dumpall`` for PostgreSQL,
``mariadb-dump --single-transaction loket`` for MariaDB. They restore only into the
same kind of server; a Loket dump restores into any.

:func:`restore` writes a backup into an empty database (or, with ``force``, replaces
a database's Loket tables) after checking the whole file, then checks the result.
:func:`run_scheduled_backup` makes the daily backup; the guard against two PCs doing
it at once is a compare-and-set on one settings row (see :func:`_claim`).
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import logging
import os
import re
import socket
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlparse

import peewee as pw
import platformdirs
from playhouse.migrate import SchemaMigrator

from app import __version__, clock
from app.errors import InvalidInput, LoketError, Refused
from app.messages import render
from app.office.audit import record
from app.office.settings import OfficeSettings, get_settings, invalidate_cache, update_settings
from app.storage import migrations
from app.storage.db import (
    APP_NAME,
    SQLITE_BUSY_TIMEOUT_S,
    backend_of,
    check_server_version,
    database,
    first_line,
    open_database,
    redact_url,
    unavailable,
)
from app.storage.models import ALL_MODELS, AuditEntry, BaseModel, Setting
from app.storage.transactions import read, run_in_transaction

log = logging.getLogger(__name__)

FORMAT_SQLITE: Final = "sqlite"
FORMAT_DUMP: Final = "dump"
FORMATS: Final = (FORMAT_SQLITE, FORMAT_DUMP)
SQLITE_SUFFIX: Final = ".sqlite3"
DUMP_SUFFIX: Final = ".loketdump.gz"
DUMP_FORMAT: Final = "loket-dump"
DUMP_FORMAT_VERSION: Final = 1
# Only files with exactly this name are Loket's own; pruning never touches anything else.
OWN_NAME: Final = re.compile(r"^loket-(\d{8})-(\d{6})(?:-(\d+))?(\.sqlite3|\.loketdump\.gz)$")
# The settings row that says which PC is making the scheduled backup (see _claim).
CLAIM_KEY: Final = "backup_claim"
# A claim older than this is taken to be from a PC that died while backing up.
CLAIM_STALE: Final = dt.timedelta(hours=1)
ROWS_PER_READ: Final = 2000
_SQLITE_MAGIC: Final = b"SQLite format 3\x00"
_GZIP_MAGIC: Final = b"\x1f\x8b"
_HEADER_LIMIT: Final = 1 << 20
_LINE_LIMIT: Final = 64 << 20

# Tables in foreign-key order (parents first, as ALL_MODELS lists them): dumps are
# written, checked and restored in this order.
_MODELS: Final[list[type[BaseModel]]] = list(ALL_MODELS)
_ORDER: Final[list[str]] = [m._meta.table_name for m in _MODELS]
_BY_TABLE: Final[dict[str, type[BaseModel]]] = {m._meta.table_name: m for m in _MODELS}
# Tables whose rows make a database "in use": restore refuses to replace them unforced.
_DATA_TABLES: Final = ("ticket", "officer", "pickup_record")


def _foreign_keys() -> list[tuple[str, str, str, str]]:
    """(table, column, referenced table, referenced column) of every foreign key."""
    found = []
    for model in _MODELS:
        for f in model._meta.sorted_fields:
            if isinstance(f, pw.ForeignKeyField):
                found.append((model._meta.table_name, f.column_name,
                              f.rel_model._meta.table_name, f.rel_field.column_name))
    return found


_FOREIGN_KEYS: Final = _foreign_keys()


# --- results ------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a backup or a restored database (a message code)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return render(self.code, self.params, lang)

    def error(self) -> Refused:
        return Refused(self.code, **self.params)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message()}


@dataclass(frozen=True)
class Verification:
    """What a backup (or a restored database) holds and whether it is sound."""

    path: str  # the file, or the database's URL without password
    kind: str  # "sqlite", "dump", or the backend of a checked database
    ok: bool
    schema_version: int | None
    source_backend: str | None
    made_at: str | None
    counts: dict[str, int]
    problems: list[Problem]

    def messages(self, lang: str | None = None) -> list[str]:
        return [p.message(lang) for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "ok": self.ok,
                "schema_version": self.schema_version, "source_backend": self.source_backend,
                "made_at": self.made_at, "counts": self.counts,
                "problems": [p.to_dict() for p in self.problems]}


@dataclass(frozen=True)
class RestoreResult:
    path: str
    target: str  # URL without password
    backup_schema_version: int
    schema_version: int  # after migrating up
    counts: dict[str, int]  # rows restored per table
    replaced: bool  # the target held data and --force replaced it
    seconds: float
    verification: Verification  # of the restored database

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["verification"] = self.verification.to_dict()
        return data


@dataclass(frozen=True)
class BackupFile:
    """A Loket backup file in the backup folder."""

    path: str
    name: str
    format: str
    size: int
    made_at: dt.datetime  # office local time, from the file's name


@dataclass(frozen=True)
class BackupOverview:
    """What the supervisor's backup page shows."""

    folder: str
    files: list[BackupFile]
    daily: bool
    time: str
    keep: int
    retention_days: int
    last_backup_at: dt.datetime | None  # office local time
    last_backup_path: str | None
    last_slot: dt.datetime  # the latest scheduled moment that has passed, office local time
    scheduled_done: bool  # a backup was made since ``last_slot``
    due: bool


# --- errors the readers raise ------------------------------------------------------------


class _Bad(Exception):
    """A backup file is not what it should be (carried to a Problem)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.problem = Problem(code, params)


def _driver_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [sqlite3.Error, pw.PeeweeException]
    with suppress(ImportError):
        import psycopg2

        errors.append(psycopg2.Error)
    with suppress(ImportError):
        import pymysql

        errors.append(pymysql.err.Error)
    return tuple(errors)


_DRIVER_ERRORS: Final = _driver_errors()


# --- values by column type ---------------------------------------------------------------


def _field_tag(f: pw.Field) -> str:
    """The type a column's values are written as in a dump."""
    if isinstance(f, pw.ForeignKeyField):
        f = f.rel_field
    if isinstance(f, pw.BooleanField):
        return "bool"
    if isinstance(f, pw.DateTimeField):
        return "datetime"
    if isinstance(f, pw.DateField):
        return "date"
    if isinstance(f, (pw.IntegerField, pw.AutoField, pw.BigIntegerField)):
        return "int"
    if isinstance(f, (pw.FloatField, pw.DoubleField)):
        return "float"
    if isinstance(f, pw.BlobField):
        return "bytes"
    return "text"


def _declared_tag(declared: str) -> str:
    """The type of a column no model describes, from the database's own type name."""
    text = declared.lower()
    if "bool" in text:
        return "bool"
    if "timestamp" in text or "datetime" in text:
        return "datetime"
    if text.startswith("date"):
        return "date"
    if "int" in text or "serial" in text:
        return "int"
    if any(word in text for word in ("real", "double", "float", "numeric", "decimal")):
        return "float"
    if "blob" in text or "bytea" in text or "binary" in text:
        return "bytes"
    return "text"


def _column_tag(table: str, column: str, declared: str) -> str:
    model = _BY_TABLE.get(table)
    f = model._meta.columns.get(column) if model is not None else None
    return _field_tag(f) if f is not None else _declared_tag(declared)


def _as_datetime(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return dt.datetime.fromisoformat(str(value))


def _as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _as_bytes(value: Any) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, str):
        return base64.b64decode(value, validate=True)
    return bytes(value)


def _as_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _as_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _as_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8")
    return str(value)


# A value as read from any driver (or from a dump's JSON) → the Python value.
_NORMALIZE: Final[dict[str, Callable[[Any], Any]]] = {
    "datetime": _as_datetime, "date": _as_date, "bytes": _as_bytes, "bool": _as_bool,
    "int": _as_int, "float": _as_float, "text": _as_text,
}


def _json_value(tag: str, value: Any) -> Any:
    """A Python value → what the dump's JSON holds."""
    if value is None:
        return None
    if tag in ("datetime", "date"):
        return value.isoformat()
    if tag == "bytes":
        return base64.b64encode(value).decode("ascii")
    return value


def _encoder(tags: tuple[str, ...]) -> Callable[[tuple[Any, ...]], list[Any]]:
    pairs = [(_NORMALIZE[t], t) for t in tags]

    def encode(row: tuple[Any, ...]) -> list[Any]:
        return [_json_value(tag, norm(v)) for (norm, tag), v in zip(pairs, row, strict=True)]

    return encode


def _decoder(tags: tuple[str, ...]) -> Callable[[list[Any]], tuple[Any, ...]]:
    norms = [_NORMALIZE[t] for t in tags]

    def decode(values: list[Any]) -> tuple[Any, ...]:
        if len(values) != len(norms):
            raise ValueError(f"{len(values)} values, expected {len(norms)}")
        return tuple(norm(v) for norm, v in zip(norms, values, strict=True))

    return decode


def _db_value(backend: str, tag: str, value: Any) -> Any:
    """A Python value as a parameter for ``backend`` (SQLite keeps peewee's text forms)."""
    if value is None or backend != "sqlite":
        return value
    if tag == "datetime":
        return value.isoformat(" ")
    if tag == "date":
        return value.isoformat()
    if tag == "bool":
        return int(value)
    return value


def _quote(backend: str, name: str) -> str:
    return f"`{name}`" if backend == "mysql" else f'"{name}"'


def _order_columns(table: str, columns: tuple[str, ...]) -> list[str]:
    """The primary-key columns of ``table`` (rows are written in that order)."""
    model = _BY_TABLE.get(table)
    if model is None:
        return [columns[0]]
    pk = model._meta.primary_key
    if isinstance(pk, pw.CompositeKey):
        return [model._meta.fields[name].column_name for name in pk.field_names]
    return [pk.column_name] if isinstance(pk, pw.Field) else [columns[0]]


# --- the layout of a backup ------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    types: tuple[str, ...]
    rows: int

    def header(self) -> dict[str, Any]:
        return {"name": self.name, "columns": list(self.columns), "types": list(self.types),
                "rows": self.rows}


class _Source:
    """A backup being read: its layout, then its rows table by table."""

    kind: str
    path: Path
    schema_version: int
    source_backend: str
    made_at: str | None
    tables: list[_Table]

    def read_rows(self) -> Iterator[tuple[_Table, Iterator[tuple[Any, ...]]]]:
        raise NotImplementedError

    def integrity(self) -> str:
        """"ok", or what SQLite's integrity check found (dumps: gzip's CRC does this)."""
        return "ok"

    def close(self) -> None:
        raise NotImplementedError


class _SqliteSource(_Source):
    kind = FORMAT_SQLITE
    source_backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        # immutable: read as a file, no locks, no -wal/-shm files made next to it.
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        self.conn = sqlite3.connect(uri, uri=True)
        try:
            self._read_layout()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise _Bad("backup_damaged", reason=first_line(exc)) from exc
        except _Bad:
            self.conn.close()
            raise
        self.made_at = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(
            tzinfo=None).isoformat()

    def _read_layout(self) -> None:
        names = {row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "schema_version" not in names:
            raise _Bad("backup_not_loket", path=str(self.path))
        self.schema_version = int(self.conn.execute(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
        self.tables = []
        for table in _ORDER:
            if table not in names:
                continue
            info = self.conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            columns = tuple(str(row[1]) for row in info)
            types = tuple(_column_tag(table, str(row[1]), str(row[2])) for row in info)
            count = int(self.conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
            self.tables.append(_Table(table, columns, types, count))

    def integrity(self) -> str:
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        found = [str(r[0]) for r in rows]
        return "ok" if found == ["ok"] else "; ".join(found[:3])

    def read_rows(self) -> Iterator[tuple[_Table, Iterator[tuple[Any, ...]]]]:
        for table in self.tables:
            yield table, self._rows(table)

    def _rows(self, table: _Table) -> Iterator[tuple[Any, ...]]:
        decode = _decoder(table.types)
        cols = ", ".join(f'"{c}"' for c in table.columns)
        order = ", ".join(f'"{c}"' for c in _order_columns(table.name, table.columns))
        try:
            cursor = self.conn.execute(f'SELECT {cols} FROM "{table.name}" ORDER BY {order}')
            while chunk := cursor.fetchmany(ROWS_PER_READ):
                for row in chunk:
                    yield decode(list(row))
        except sqlite3.DatabaseError as exc:
            raise _Bad("backup_damaged", reason=first_line(exc)) from exc
        except (ValueError, TypeError) as exc:
            raise _Bad("backup_damaged", reason=f"{table.name}: {first_line(exc)}") from exc

    def close(self) -> None:
        self.conn.close()


class _DumpSource(_Source):
    kind = FORMAT_DUMP

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = gzip.open(path, "rb")  # noqa: SIM115 (closed by close())
        self._pending: bytes | None = None
        try:
            self._read_header(self._header_line())
        except _Bad:
            self.file.close()
            raise
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            self.file.close()
            raise _Bad("backup_damaged", reason=first_line(exc)) from exc

    def _header_line(self) -> Any:
        try:
            line = self.file.readline(_HEADER_LIMIT)
        except EOFError as exc:
            raise _Bad("backup_truncated") from exc
        except (OSError, zlib.error) as exc:
            raise _Bad("backup_damaged", reason=first_line(exc)) from exc
        if f'"{DUMP_FORMAT}"'.encode() not in line[:200]:
            raise _Bad("backup_unknown_format", path=str(self.path))  # some other gzip file
        if not line.endswith(b"\n"):
            raise _Bad("backup_truncated")
        return json.loads(line)

    def _line(self, limit: int = _LINE_LIMIT) -> bytes | None:
        """The next line, None at the end; a cut-off or corrupt gzip is a _Bad."""
        if self._pending is not None:
            line, self._pending = self._pending, None
            return line
        try:
            line = self.file.readline(limit)
        except EOFError as exc:
            raise _Bad("backup_truncated") from exc
        except (OSError, zlib.error) as exc:
            raise _Bad("backup_damaged", reason=first_line(exc)) from exc
        if line and not line.endswith(b"\n"):
            # Every line the writer makes ends with a newline: this one was cut off
            # (or is no line at all, in a file that is not a dump).
            if len(line) >= limit:
                raise _Bad("backup_damaged", reason="a line is too long")
            raise _Bad("backup_truncated")
        return line or None

    def _read_header(self, header: Any) -> None:
        if not isinstance(header, dict) or header.get("format") != DUMP_FORMAT:
            raise _Bad("backup_unknown_format", path=str(self.path))
        if header.get("format_version") != DUMP_FORMAT_VERSION:
            raise _Bad("backup_damaged",
                       reason=f"format version {header.get('format_version')!r}")
        self.schema_version = int(header["schema_version"])
        self.source_backend = str(header["source_backend"])
        self.made_at = str(header["made_at"])
        self.tables = []
        for t in header["tables"]:
            columns, types = tuple(map(str, t["columns"])), tuple(map(str, t["types"]))
            if len(columns) != len(types) or any(tag not in _NORMALIZE for tag in types):
                raise _Bad("backup_damaged", reason=f"header of table {t['name']}")
            self.tables.append(_Table(str(t["name"]), columns, types, int(t["rows"])))

    def read_rows(self) -> Iterator[tuple[_Table, Iterator[tuple[Any, ...]]]]:
        for table in self.tables:
            marker = self._line()
            if marker is None:
                raise _Bad("backup_truncated")
            try:
                named = json.loads(marker).get("table")
            except (ValueError, AttributeError) as exc:
                raise _Bad("backup_damaged", reason=f"before table {table.name}") from exc
            if named != table.name:
                raise _Bad("backup_damaged", reason=f"table {named!r} where {table.name} "
                           "was expected")
            yield table, self._rows(table)
        end = self._line()
        try:
            finished = end is not None and json.loads(end).get("end") is True
        except (ValueError, AttributeError):
            finished = False
        if not finished or self._line() is not None:
            raise _Bad("backup_truncated" if end is None else "backup_damaged",
                       **({} if end is None else {"reason": "after the last table"}))

    def _rows(self, table: _Table) -> Iterator[tuple[Any, ...]]:
        decode = _decoder(table.types)
        number = 0
        while True:
            line = self._line()
            if line is None or not line.startswith(b"["):
                self._pending = line  # the next table's marker (or the end)
                return
            number += 1
            try:
                yield decode(json.loads(line))
            except (ValueError, TypeError) as exc:
                raise _Bad("backup_damaged",
                           reason=f"{table.name}, row {number}: {first_line(exc)}") from exc

    def close(self) -> None:
        self.file.close()


def _open_source(path: Path) -> _Source:
    """The backup at ``path``; InvalidInput when it cannot be read, _Bad when it is no backup."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(16)
    except OSError as exc:
        raise InvalidInput("backup_unreadable", path=str(path),
                           reason=exc.strerror or str(exc)) from None
    if magic.startswith(_GZIP_MAGIC):
        return _DumpSource(path)
    if magic == _SQLITE_MAGIC:
        return _SqliteSource(path)
    raise _Bad("backup_unknown_format", path=str(path))


# --- checking a backup ----------------------------------------------------------------


def _layout_problems(source: _Source) -> list[Problem]:
    head = migrations.head_version()
    version = source.schema_version
    if version > head:
        return [Problem("backup_schema_too_new", {"found": version, "known": head})]
    if version < 1:
        return [Problem("backup_schema_invalid", {"found": version})]
    problems = []
    present = {t.name for t in source.tables}
    if version == head:
        problems += [Problem("backup_table_missing", {"table": t}) for t in _ORDER
                     if t not in present]
    for t in source.tables:
        if t.name not in _BY_TABLE:
            problems.append(Problem("backup_table_unknown", {"table": t.name}))
            continue
        known = set(_BY_TABLE[t.name]._meta.columns)
        problems += [Problem("backup_column_unknown", {"table": t.name, "column": c})
                     for c in t.columns if c not in known]
    return problems


class _ForeignKeyCheck:
    """Every reference points at a row that exists, checked while rows stream past."""

    def __init__(self, tables: list[_Table]) -> None:
        present = {t.name: t.columns for t in tables}
        self.keys = [fk for fk in _FOREIGN_KEYS
                     if fk[1] in present.get(fk[0], ()) and fk[3] in present.get(fk[2], ())]
        self.seen: dict[tuple[str, str], set[Any]] = {(fk[2], fk[3]): set() for fk in self.keys}
        self.broken: dict[tuple[str, str, str], int] = {}

    def watcher(self, table: _Table) -> Callable[[tuple[Any, ...]], None]:
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

    def problems(self) -> list[Problem]:
        return [Problem("backup_fk_broken", {"table": t, "column": c, "ref_table": r,
                                             "count": n})
                for (t, c, r), n in self.broken.items()]


def verify_backup(path: str | Path) -> Verification:
    """Open a backup read-only and check it: what it is, its schema version, its row
    counts against its header, its integrity, and that every reference resolves.

    A file that cannot be opened at all raises :class:`InvalidInput`; anything else
    wrong is listed in the answer's ``problems``.
    """
    path = Path(path)
    try:
        source = _open_source(path)
    except _Bad as bad:
        return Verification(str(path), "unknown", False, None, None, None, {}, [bad.problem])
    try:
        return _check_source(source)
    finally:
        source.close()


def _check_source(source: _Source) -> Verification:
    problems = _layout_problems(source)
    counts: dict[str, int] = {}
    if not problems:
        try:
            integrity = source.integrity()
            if integrity != "ok":
                problems.append(Problem("backup_integrity_failed", {"detail": integrity}))
            fks = _ForeignKeyCheck(source.tables)
            for table, rows in source.read_rows():
                watch = fks.watcher(table)
                found = 0
                for row in rows:
                    watch(row)
                    found += 1
                counts[table.name] = found
                if found != table.rows:
                    problems.append(Problem("backup_count_mismatch", {
                        "table": table.name, "found": found, "expected": table.rows}))
            problems += fks.problems()
        except _Bad as bad:
            problems.append(bad.problem)
        except sqlite3.DatabaseError as exc:
            problems.append(Problem("backup_damaged", {"reason": first_line(exc)}))
    return Verification(str(source.path), source.kind, not problems, source.schema_version,
                        source.source_backend, source.made_at,
                        counts or {t.name: t.rows for t in source.tables}, problems)


# --- making a backup ---------------------------------------------------------------


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
        folder.mkdir(parents=True, exist_ok=True)
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
        run_in_transaction(lambda: _require(by, "backup_run"))
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


def _require(officer: int, act: str) -> None:
    from app.office import permissions

    permissions.require(officer, act)


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
                raise Refused("backup_copy_failed", reason="; ".join(problems[:3]))
            # A plain rollback-journal file, so any tool opens it read-only as it is.
            copy.execute("PRAGMA journal_mode = DELETE")
            names = {r[0] for r in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            counts = {t: int(copy.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0])
                      for t in _ORDER if t in names}
            version = int(copy.execute(
                "SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
        finally:
            copy.close()
    except sqlite3.Error as exc:
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
        for table in _ORDER:
            if table in present:
                cols = db.get_columns(table)
                layout.append((table, tuple(c.name for c in cols),
                               tuple(_column_tag(table, c.name, str(c.data_type))
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
    q = _quote
    try:
        conn = _snapshot(backend)
    except _DRIVER_ERRORS as exc:
        raise unavailable(exc) from exc
    try:
        version = int(_scalar(conn, f"SELECT MAX(version) FROM {q(backend, 'schema_version')}")
                      or 0)
        tables = [_Table(name, cols, tags,
                         int(_scalar(conn, f"SELECT COUNT(*) FROM {q(backend, name)}")))
                  for name, cols, tags in layout]
        header = {"format": DUMP_FORMAT, "format_version": DUMP_FORMAT_VERSION,
                  "schema_version": version, "source_backend": backend,
                  "made_at": made_at.isoformat(), "loket_version": __version__,
                  "tables": [t.header() for t in tables]}
        with partial.open("xb") as raw:
            _private(partial)
            with gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=6,
                               mtime=0) as gz:
                gz.write(_json_line(header))
                for number, table in enumerate(tables):
                    gz.write(_json_line({"table": table.name}))
                    encode = _encoder(table.types)
                    cols = ", ".join(q(backend, c) for c in table.columns)
                    order = ", ".join(q(backend, c)
                                      for c in _order_columns(table.name, table.columns))
                    sql = f"SELECT {cols} FROM {q(backend, table.name)} ORDER BY {order}"
                    written, batch = 0, []
                    for row in _stream(conn, backend, sql, number):
                        batch.append(_json_line(encode(row)))
                        written += 1
                        if len(batch) >= ROWS_PER_READ:
                            gz.write(b"".join(batch))
                            batch.clear()
                    gz.write(b"".join(batch))
                    if written != table.rows:  # the snapshot did not hold: never keep it
                        raise Refused("backup_copy_failed",
                                      reason=f"{table.name}: {written} != {table.rows}")
                gz.write(_json_line({"end": True, "tables": len(tables),
                                     "rows": sum(t.rows for t in tables)}))
            raw.flush()
            os.fsync(raw.fileno())
    except _DRIVER_ERRORS as exc:
        raise unavailable(exc) from exc
    finally:
        with suppress(*_DRIVER_ERRORS):
            conn.rollback()
        with suppress(*_DRIVER_ERRORS):
            conn.close()
    return {t.name: t.rows for t in tables}, version


def _json_line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


# --- restoring ---------------------------------------------------------------------------


def _connect_target(url: str) -> pw.Database:
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


def _count(db: pw.Database, table: str) -> int:
    return int(db.execute_sql(
        f"SELECT COUNT(*) FROM {_quote(backend_of(db), table)}").fetchone()[0])


def _version_of(db: pw.Database, present: set[str]) -> int:
    if "schema_version" not in present:
        return 0
    value = db.execute_sql(
        f"SELECT MAX(version) FROM {_quote(backend_of(db), 'schema_version')}").fetchone()[0]
    return int(value or 0)


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
    db = _connect_target(target_url)
    try:
        backend = backend_of(db)
        present_all = set(db.get_tables())
        present = [t for t in _ORDER if t in present_all]
        version = _version_of(db, present_all)
        head = migrations.head_version()
        if version > head:
            raise Refused("restore_target_too_new", found=version, known=head)
        in_use = {t: _count(db, t) for t in _DATA_TABLES if t in present_all}
        replaced = any(in_use.values())
        if replaced and not force:
            raise Refused("restore_target_not_empty", tickets=in_use.get("ticket", 0),
                          officers=in_use.get("officer", 0),
                          passports=in_use.get("pickup_record", 0))
        source = _open_source(path)
        try:
            at_head = version == head and len(present) == len(_ORDER)
            loaded = _restore_into(db, backend, source, check, present, at_head, path,
                                   force and replaced)
        except _Bad as bad:
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
    except _DRIVER_ERRORS as exc:
        log.warning("restore into %s failed: %s", redact_url(target_url), exc)
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
        if not any(_count(db, t) for t in _DATA_TABLES if t in present):
            return None
        migrations.check_schema(db)
        return make_backup(dest)
    finally:
        db.close()


def _restore_into(db: pw.Database, backend: str, source: _Source, check: Verification,
                  present: list[str], at_head: bool, path: Path, forced: bool) -> Verification:
    def load() -> Verification:
        return _load(db, backend, source, check, path, forced)

    if backend != "mysql":
        # DDL is transactional here: drop, create, load and check commit together.
        with db.atomic("IMMEDIATE") if backend == "sqlite" else db.atomic():
            _drop(db, backend, present)
            _create(db)
            return load()
    # MariaDB commits DDL by itself. A schema at this program's version is emptied
    # inside the transaction that loads the rows; otherwise it is made anew first.
    if present and at_head:
        with db.atomic():
            for table in reversed(present):
                db.execute_sql(f"DELETE FROM `{table}`")
            return load()
    _drop(db, backend, present)
    _create(db)
    try:
        with db.atomic():
            return load()
    except BaseException:
        _drop(db, backend, _ORDER)  # leave no half-restored schema behind
        raise


def _drop(db: pw.Database, backend: str, tables: list[str]) -> None:
    cascade = " CASCADE" if backend == "postgresql" else ""
    for table in reversed([t for t in _ORDER if t in tables]):
        db.execute_sql(f"DROP TABLE IF EXISTS {_quote(backend, table)}{cascade}")


def _create(db: pw.Database) -> None:
    for model in _MODELS:
        pw.SchemaManager(model, database=db).create_all(safe=False)


def _load(db: pw.Database, backend: str, source: _Source, check: Verification, path: Path,
          forced: bool) -> Verification:
    for table, rows in source.read_rows():
        _insert(db, backend, table, rows)
    applied = _migrate_up(db, source.schema_version)
    if backend == "postgresql":
        _reset_sequences(db)
    expected = dict(check.counts)
    expected["schema_version"] = expected.get("schema_version", 0) + applied
    verification = _check_database(db, expected)
    if not verification.ok:
        raise verification.problems[0].error()
    _audit_restore(db, backend, path, check, forced)
    return verification


def _insert(db: pw.Database, backend: str, table: _Table,
            rows: Iterator[tuple[Any, ...]]) -> None:
    """The rows of one table in multi-row INSERTs; columns this program added since
    the backup was made get their model default."""
    model = _BY_TABLE[table.name]
    extra = [f for f in model._meta.sorted_fields
             if f.column_name not in table.columns]
    fills = tuple(_db_value(backend, _field_tag(f), f.default() if callable(f.default)
                            else f.default) for f in extra)
    columns = table.columns + tuple(f.column_name for f in extra)
    tags = table.types
    per_batch = max(1, min(500, 10_000 // len(columns)))
    marks = "(" + ", ".join([db.param] * len(columns)) + ")"
    head = (f"INSERT INTO {_quote(backend, table.name)} "
            f"({', '.join(_quote(backend, c) for c in columns)}) VALUES ")
    full = head + ", ".join([marks] * per_batch)
    params: list[Any] = []
    waiting = 0
    for row in rows:
        params.extend(_db_value(backend, tag, v) for tag, v in zip(tags, row, strict=True))
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
    table = _quote(backend_of(db), "schema_version")
    for m in newer:
        log.info("migrating the restored rows %d -> %d (%s)", from_version, m.version, m.name)
        m.module.migrate(db, migrator)
        db.execute_sql(f"INSERT INTO {table} (version, name, applied_at) VALUES "
                       f"({db.param}, {db.param}, {db.param})",
                       [m.version, m.name, _db_value(backend_of(db), "datetime", now)])
    return len(newer)


def _reset_sequences(db: pw.Database) -> None:
    """PostgreSQL: the next id after the restored ones (MariaDB and SQLite do it alone)."""
    for model in _MODELS:
        pk = model._meta.primary_key
        if isinstance(pk, pw.AutoField):
            table, column = model._meta.table_name, pk.column_name
            db.execute_sql(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                f'COALESCE(MAX("{column}"), 0) + 1, false) FROM "{table}"', [table, column])


def _audit_restore(db: pw.Database, backend: str, path: Path, check: Verification,
                   forced: bool) -> None:
    # A plain insert query: AuditEntry's model-level guard is for updates and deletes.
    details = json.dumps({"path": str(path), "kind": check.kind,
                          "backup_made_at": check.made_at,
                          "backup_schema_version": check.schema_version,
                          "source_backend": check.source_backend, "counts": check.counts,
                          "replaced": forced}, ensure_ascii=False, sort_keys=True)
    table = _quote(backend, AuditEntry._meta.table_name)
    marks = ", ".join([db.param] * 4)
    db.execute_sql(f"INSERT INTO {table} ({_quote(backend, 'at')}, action, subject, details) "
                   f"VALUES ({marks})",
                   [_db_value(backend, "datetime", clock.utcnow()), "restore_made",
                    path.name[-100:], details])


def _check_database(db: pw.Database, expected: dict[str, int] | None = None) -> Verification:
    """Check a live database: schema version, counts (if given), integrity, references."""
    backend = backend_of(db)
    present = set(db.get_tables())
    problems: list[Problem] = []
    version = _version_of(db, present)
    head = migrations.head_version()
    if version != head:
        problems.append(Problem("backup_schema_invalid", {"found": version}))
    counts = {t: _count(db, t) for t in _ORDER if t in present}
    for table, want in (expected or {}).items():
        if counts.get(table) != want:
            problems.append(Problem("backup_count_mismatch", {
                "table": table, "found": counts.get(table, 0), "expected": want}))
    if backend == "sqlite":
        found = [str(r[0]) for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
        if found != ["ok"]:
            problems.append(Problem("backup_integrity_failed", {"detail": "; ".join(found[:3])}))
    q = _quote
    for table, column, ref, ref_column in _FOREIGN_KEYS:
        if table not in present or ref not in present:
            continue
        broken = int(db.execute_sql(
            f"SELECT COUNT(*) FROM {q(backend, table)} c LEFT JOIN {q(backend, ref)} p "
            f"ON c.{q(backend, column)} = p.{q(backend, ref_column)} "
            f"WHERE c.{q(backend, column)} IS NOT NULL AND p.{q(backend, ref_column)} IS NULL"
        ).fetchone()[0])
        if broken:
            problems.append(Problem("backup_fk_broken", {"table": table, "column": column,
                                                         "ref_table": ref, "count": broken}))
    return Verification(redact_url(_url_of(db)), backend, not problems, version, backend, None,
                        counts, problems)


def _url_of(db: pw.Database) -> str:
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


def restore_command(path: str | Path | None = None) -> str:
    """The exact command that restores ``path`` into the connected database."""
    target = _url_of(database.obj)
    file = str(path) if path else "FILE"
    quoted = f'"{file}"' if " " in file else file
    return f'loket --db "{target}" restore {quoted} --force'


# --- the daily backup --------------------------------------------------------------------


def _last_slot(office: OfficeSettings, now_utc: dt.datetime) -> dt.datetime:
    """The latest scheduled moment at or before ``now_utc`` (naive UTC).

    Today's ``backup_time`` once it has passed, else yesterday's: a PC switched off
    before the backup time makes up for it when it is next on.
    """
    zone = clock.zone(office.timezone)
    local = now_utc.replace(tzinfo=dt.UTC).astimezone(zone)
    hour, minute = (int(part) for part in office.backup_time.split(":"))
    slot = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if slot > local:
        slot -= dt.timedelta(days=1)
    return slot.astimezone(dt.UTC).replace(tzinfo=None)


def _last_backup() -> tuple[dt.datetime, str] | None:
    """When and where the newest backup was made (from the audit log)."""
    row = (AuditEntry.select(AuditEntry.at, AuditEntry.details)
           .where(AuditEntry.action == "backup_made")
           .order_by(AuditEntry.id.desc()).first())
    if row is None:
        return None
    try:
        where = str(json.loads(row.details).get("path", ""))
    except ValueError:
        where = ""
    return row.at, where


def backup_due(now: dt.datetime | None = None) -> bool:
    """Whether the daily backup should run now: it is on, the latest scheduled moment
    has passed and no backup was made since."""
    now = now or clock.utcnow()
    office = get_settings(fresh=True)
    if not office.backup_daily:
        return False
    slot = _last_slot(office, now)
    last = read(_last_backup)
    return last is None or last[0] < slot


def _claim(slot: dt.datetime, now: dt.datetime) -> str | None:
    """Take the scheduled backup of ``slot`` for this process; the claim, or None.

    A compare-and-set on one settings row: of two PCs that check at once, one update
    matches the old value and the other finds it changed, on every backend and
    without holding a lock during the backup. A claim not followed by a backup
    within :data:`CLAIM_STALE` (the PC died) may be taken over.
    """
    run_in_transaction(lambda: Setting.insert(key=CLAIM_KEY, value="{}")
                       .on_conflict_ignore().execute())

    def work() -> str | None:
        old = Setting.get(Setting.key == CLAIM_KEY).value
        last = _last_backup()
        if last is not None and last[0] >= slot:
            return None  # another PC finished it meanwhile
        try:
            held = json.loads(old)
        except ValueError:
            held = {}
        if (isinstance(held, dict) and held.get("slot") == slot.isoformat() and held.get("at")
                and dt.datetime.fromisoformat(held["at"]) > now - CLAIM_STALE):
            return None  # another PC is making it now
        new = json.dumps({"slot": slot.isoformat(), "at": now.isoformat(),
                          "host": socket.gethostname()[:64], "pid": os.getpid()})
        won = (Setting.update(value=new)
               .where((Setting.key == CLAIM_KEY) & (Setting.value == old)).execute())
        return new if won == 1 else None

    return run_in_transaction(work)


def _release(claim: str) -> None:
    """Give a claim back after a failed backup, so the next check tries again."""
    released = json.dumps({**json.loads(claim), "at": None})
    run_in_transaction(lambda: Setting.update(value=released)
                       .where((Setting.key == CLAIM_KEY) & (Setting.value == claim)).execute())


def run_scheduled_backup(now: dt.datetime | None = None) -> BackupResult | None:
    """Make the daily backup if it is due and no other PC is making it; None otherwise.

    Writes into the ``backup_folder`` setting's folder, then keeps only the newest
    ``backup_keep`` of Loket's own backup files there.
    """
    now = now or clock.utcnow()
    if not backup_due(now):
        return None
    office = get_settings(fresh=True)
    claim = _claim(_last_slot(office, now), now)
    if claim is None:
        return None
    try:
        result = make_backup(None, scheduled=True)
    except BaseException:
        with suppress(LoketError):
            _release(claim)
        raise
    removed = prune_backups(backup_folder(office), office.backup_keep)
    if removed:
        log.info("removed %d old backups: %s", len(removed), ", ".join(p.name for p in removed))
    return result


def list_backups(folder: str | Path | None = None) -> list[BackupFile]:
    """Loket's own backup files in ``folder`` (default: the backup folder), newest first."""
    where = Path(folder) if folder else backup_folder()
    found: list[tuple[tuple[str, str, int], BackupFile]] = []
    try:
        entries = list(os.scandir(where))
    except OSError:
        return []
    for entry in entries:
        match = OWN_NAME.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        day, clock_time, extra, suffix = match.groups()
        try:
            made = dt.datetime.strptime(day + clock_time, "%Y%m%d%H%M%S")
            size = entry.stat(follow_symlinks=False).st_size
        except (ValueError, OSError):
            continue
        kind = FORMAT_SQLITE if suffix == SQLITE_SUFFIX else FORMAT_DUMP
        found.append(((day, clock_time, int(extra or 1)),
                      BackupFile(entry.path, entry.name, kind, size, made)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [f for _, f in found]


def prune_backups(folder: str | Path, keep: int) -> list[Path]:
    """Delete the oldest of Loket's own backup files beyond the newest ``keep``."""
    removed = []
    for old in list_backups(folder)[max(1, keep):]:
        try:
            Path(old.path).unlink()
            removed.append(Path(old.path))
        except OSError as exc:
            log.warning("could not remove the old backup %s: %s", old.path, exc)
    return removed


def overview(now: dt.datetime | None = None) -> BackupOverview:
    """Settings, the latest backup and the files in the folder, for the backup page."""
    now = now or clock.utcnow()
    office = get_settings(fresh=True)
    last = read(_last_backup)
    slot = _last_slot(office, now)
    done = last is not None and last[0] >= slot
    folder = backup_folder(office)
    return BackupOverview(
        folder=str(folder), files=list_backups(folder), daily=office.backup_daily,
        time=office.backup_time, keep=office.backup_keep,
        retention_days=office.retention_days,
        last_backup_at=clock.local_time(last[0], office.timezone) if last else None,
        last_backup_path=last[1] if last else None,
        last_slot=clock.local_time(slot, office.timezone),
        scheduled_done=done, due=office.backup_daily and not done)


def update_schedule(by: int, *, daily: bool, at: str, folder: str, keep: int) -> OfficeSettings:
    """Change the daily backup (admin only; audited as a settings change)."""
    folder = folder.strip()
    if folder and (not Path(folder).expanduser().is_absolute() or len(folder) > 500
                   or any(ord(ch) < 32 for ch in folder)):
        raise InvalidInput("backup_folder_invalid", folder=folder)
    run_in_transaction(lambda: _require(by, "backup_schedule"))
    return update_settings(by, check_role=True, backup_daily=daily, backup_time=at,
                           backup_folder=folder, backup_keep=keep)
