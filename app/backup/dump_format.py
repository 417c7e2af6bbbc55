"""The two kinds of backup file and how their values are written and read back.

* **SQLite** (``loket-YYYYMMDD-HHMMSS.sqlite3``): a copy of a SQLite database, read
  here as a file (immutable, no locks).
* **Portable Loket dump** (``loket-YYYYMMDD-HHMMSS.loketdump.gz``): gzip'd JSON lines:
  a header (format version, schema version, source backend, time, and per table its
  columns, their types and its row count), then per table a ``{"table": name}`` line
  and one JSON array per row, tables in foreign-key order, and an end line.
  Datetimes, dates, booleans and bytes are written by column type (:func:`field_tag`),
  so they come back exactly.

:func:`open_source` opens either kind as a :class:`BackupSource`: its layout, then its
rows table by table, streamed. What is wrong with a file is a :class:`BackupProblem`.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import logging
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import peewee as pw

from app import clock
from app.errors import InvalidInput, Refused
from app.messages import render
from app.storage.db import first_line
from app.storage.models import ALL_MODELS, BaseModel

log = logging.getLogger(__name__)

FORMAT_SQLITE: Final = "sqlite"
FORMAT_DUMP: Final = "dump"
FORMATS: Final = (FORMAT_SQLITE, FORMAT_DUMP)
SQLITE_SUFFIX: Final = ".sqlite3"
DUMP_SUFFIX: Final = ".loketdump.gz"
DUMP_FORMAT: Final = "loket-dump"
DUMP_FORMAT_VERSION: Final = 1
ROWS_PER_READ: Final = 2000
_SQLITE_MAGIC: Final = b"SQLite format 3\x00"
_GZIP_MAGIC: Final = b"\x1f\x8b"
_HEADER_LIMIT: Final = 1 << 20
_LINE_LIMIT: Final = 64 << 20
# Where a SQLite copy keeps its seal (app.backup.seal); no restore reads it.
SEAL_TABLE: Final = "loket_backup_seal"

# Tables in foreign-key order (parents first, as ALL_MODELS lists them): dumps are
# written, checked and restored in this order.
MODELS: Final[list[type[BaseModel]]] = list(ALL_MODELS)
ORDER: Final[list[str]] = [m._meta.table_name for m in MODELS]
BY_TABLE: Final[dict[str, type[BaseModel]]] = {m._meta.table_name: m for m in MODELS}
# Tables whose rows make a database "in use": restore refuses to replace them unforced.
DATA_TABLES: Final = ("ticket", "officer", "pickup_record")


def _foreign_keys() -> list[tuple[str, str, str, str]]:
    """(table, column, referenced table, referenced column) of every foreign key."""
    found = []
    for model in MODELS:
        for f in model._meta.sorted_fields:
            if isinstance(f, pw.ForeignKeyField):
                found.append((model._meta.table_name, f.column_name,
                              f.rel_model._meta.table_name, f.rel_field.column_name))
    return found


FOREIGN_KEYS: Final = _foreign_keys()




@dataclass(frozen=True)
class BackupProblem:
    """One thing wrong with a backup or a restored database (a message code)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return render(self.code, self.params, lang)

    def error(self) -> Refused:
        return Refused(self.code, **self.params)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message()}



# --- errors the readers raise ------------------------------------------------------------


class BadBackup(Exception):
    """A backup file is not what it should be (carried to a BackupProblem)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.problem = BackupProblem(code, params)
        # The reader's own words (SQLite's, zlib's, the JSON parser's) are for the log;
        # the person reads the problem's one sentence.
        if "reason" in params:
            log.info("backup refused (%s): %s", code, params["reason"])


def _driver_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [sqlite3.Error, pw.PeeweeException]
    with suppress(ImportError):
        import psycopg2

        errors.append(psycopg2.Error)
    with suppress(ImportError):
        import pymysql

        errors.append(pymysql.err.Error)
    return tuple(errors)


DRIVER_ERRORS: Final = _driver_errors()


# --- values by column type ---------------------------------------------------------------




def field_tag(f: pw.Field) -> str:
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


def column_tag(table: str, column: str, declared: str) -> str:
    model = BY_TABLE.get(table)
    f = model._meta.columns.get(column) if model is not None else None
    return field_tag(f) if f is not None else _declared_tag(declared)


def _as_datetime(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return dt.datetime.fromisoformat(str(value))


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
NORMALIZE: Final[dict[str, Callable[[Any], Any]]] = {
    "datetime": _as_datetime, "date": clock.as_date, "bytes": _as_bytes, "bool": _as_bool,
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


def encoder(tags: tuple[str, ...]) -> Callable[[tuple[Any, ...]], list[Any]]:
    pairs = [(NORMALIZE[t], t) for t in tags]

    def encode(row: tuple[Any, ...]) -> list[Any]:
        return [_json_value(tag, norm(v)) for (norm, tag), v in zip(pairs, row, strict=True)]

    return encode


def decoder(tags: tuple[str, ...]) -> Callable[[list[Any]], tuple[Any, ...]]:
    norms = [NORMALIZE[t] for t in tags]

    def decode(values: list[Any]) -> tuple[Any, ...]:
        if len(values) != len(norms):
            raise ValueError(f"{len(values)} values, expected {len(norms)}")
        return tuple(norm(v) for norm, v in zip(norms, values, strict=True))

    return decode


def db_value(backend: str, tag: str, value: Any) -> Any:
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


def quote(backend: str, name: str) -> str:
    return f"`{name}`" if backend == "mysql" else f'"{name}"'


def order_columns(table: str, columns: tuple[str, ...]) -> list[str]:
    """The primary-key columns of ``table`` (rows are written in that order)."""
    model = BY_TABLE.get(table)
    if model is None:
        return [columns[0]]
    pk = model._meta.primary_key
    if isinstance(pk, pw.CompositeKey):
        return [model._meta.fields[name].column_name for name in pk.field_names]
    return [pk.column_name] if isinstance(pk, pw.Field) else [columns[0]]


# --- the layout of a backup ------------------------------------------------------------


@dataclass(frozen=True)
class BackupTable:
    name: str
    columns: tuple[str, ...]
    types: tuple[str, ...]
    rows: int

    def header(self) -> dict[str, Any]:
        return {"name": self.name, "columns": list(self.columns), "types": list(self.types),
                "rows": self.rows}


class BackupSource:
    """A backup being read: its layout, then its rows table by table."""

    kind: str
    path: Path
    schema_version: int
    source_backend: str
    made_at: str | None
    tables: list[BackupTable]
    # What the file says its content's seal is (app.backup.seal); None in a backup made
    # before seals. A dump's is known only once its rows have been read.
    seal: dict[str, Any] | None = None

    def read_rows(self) -> Iterator[tuple[BackupTable, Iterator[tuple[Any, ...]]]]:
        raise NotImplementedError

    def integrity(self) -> str:
        """"ok", or what SQLite's integrity check found (dumps: gzip's CRC does this)."""
        return "ok"

    def close(self) -> None:
        raise NotImplementedError


class SqliteSource(BackupSource):
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
            raise BadBackup("backup_sqlite_unreadable", reason=first_line(exc)) from exc
        except BadBackup:
            self.conn.close()
            raise
        self.made_at = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(
            tzinfo=None).isoformat()

    def _read_layout(self) -> None:
        names = {row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "schema_version" not in names:
            raise BadBackup("backup_not_loket", path=str(self.path))
        if SEAL_TABLE in names:
            self.seal = {str(name): str(value) for name, value in self.conn.execute(
                f'SELECT name, value FROM "{SEAL_TABLE}"')}
        self.schema_version = int(self.conn.execute(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
        self.tables = []
        for table in ORDER:
            if table not in names:
                continue
            info = self.conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            columns = tuple(str(row[1]) for row in info)
            types = tuple(column_tag(table, str(row[1]), str(row[2])) for row in info)
            count = int(self.conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
            self.tables.append(BackupTable(table, columns, types, count))

    def integrity(self) -> str:
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        found = [str(r[0]) for r in rows]
        return "ok" if found == ["ok"] else "; ".join(found[:3])

    def read_rows(self) -> Iterator[tuple[BackupTable, Iterator[tuple[Any, ...]]]]:
        for table in self.tables:
            yield table, self._rows(table)

    def _rows(self, table: BackupTable) -> Iterator[tuple[Any, ...]]:
        decode = decoder(table.types)
        cols = ", ".join(f'"{c}"' for c in table.columns)
        order = ", ".join(f'"{c}"' for c in order_columns(table.name, table.columns))
        try:
            cursor = self.conn.execute(f'SELECT {cols} FROM "{table.name}" ORDER BY {order}')
            while chunk := cursor.fetchmany(ROWS_PER_READ):
                for row in chunk:
                    yield decode(list(row))
        except sqlite3.DatabaseError as exc:
            raise BadBackup("backup_sqlite_unreadable", reason=first_line(exc)) from exc
        except (ValueError, TypeError) as exc:
            raise BadBackup("backup_damaged", reason=f"{table.name}: {first_line(exc)}") from exc

    def close(self) -> None:
        self.conn.close()


class DumpSource(BackupSource):
    kind = FORMAT_DUMP

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = gzip.open(path, "rb")  # noqa: SIM115 (closed by close())
        self._pending: bytes | None = None
        try:
            self._read_header(self._header_line())
        except BadBackup:
            self.file.close()
            raise
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            self.file.close()
            raise BadBackup("backup_damaged", reason=first_line(exc)) from exc

    def _header_line(self) -> Any:
        try:
            line = self.file.readline(_HEADER_LIMIT)
        except EOFError as exc:
            raise BadBackup("backup_truncated") from exc
        except (OSError, zlib.error) as exc:
            raise BadBackup("backup_damaged", reason=first_line(exc)) from exc
        if f'"{DUMP_FORMAT}"'.encode() not in line[:200]:
            raise BadBackup("backup_unknown_format", path=str(self.path))  # some other gzip file
        if not line.endswith(b"\n"):
            raise BadBackup("backup_truncated")
        return json.loads(line)

    def _line(self, limit: int = _LINE_LIMIT) -> bytes | None:
        """The next line, None at the end; a cut-off or corrupt gzip is a BadBackup."""
        if self._pending is not None:
            line, self._pending = self._pending, None
            return line
        try:
            line = self.file.readline(limit)
        except EOFError as exc:
            raise BadBackup("backup_truncated") from exc
        except (OSError, zlib.error) as exc:
            raise BadBackup("backup_damaged", reason=first_line(exc)) from exc
        if line and not line.endswith(b"\n"):
            # Every line the writer makes ends with a newline: this one was cut off
            # (or is no line at all, in a file that is not a dump).
            if len(line) >= limit:
                raise BadBackup("backup_damaged", reason="a line is too long")
            raise BadBackup("backup_truncated")
        return line or None

    def _read_header(self, header: Any) -> None:
        if not isinstance(header, dict) or header.get("format") != DUMP_FORMAT:
            raise BadBackup("backup_unknown_format", path=str(self.path))
        if header.get("format_version") != DUMP_FORMAT_VERSION:
            raise BadBackup("backup_damaged",
                       reason=f"format version {header.get('format_version')!r}")
        self.schema_version = int(header["schema_version"])
        self.source_backend = str(header["source_backend"])
        self.made_at = str(header["made_at"])
        self.tables = []
        for t in header["tables"]:
            columns, types = tuple(map(str, t["columns"])), tuple(map(str, t["types"]))
            if len(columns) != len(types) or any(tag not in NORMALIZE for tag in types):
                raise BadBackup("backup_damaged", reason=f"header of table {t['name']}")
            self.tables.append(BackupTable(str(t["name"]), columns, types, int(t["rows"])))

    def read_rows(self) -> Iterator[tuple[BackupTable, Iterator[tuple[Any, ...]]]]:
        for table in self.tables:
            marker = self._line()
            if marker is None:
                raise BadBackup("backup_truncated")
            try:
                named = json.loads(marker).get("table")
            except (ValueError, AttributeError) as exc:
                raise BadBackup("backup_damaged", reason=f"before table {table.name}") from exc
            if named != table.name:
                raise BadBackup("backup_damaged", reason=f"table {named!r} where {table.name} "
                           "was expected")
            yield table, self._rows(table)
        end = self._line()
        closing: Any = None
        try:
            closing = json.loads(end) if end is not None else None
        except ValueError:
            closing = None
        finished = isinstance(closing, dict) and closing.get("end") is True
        if finished and isinstance(closing.get("seal"), dict):
            self.seal = closing["seal"]
        if not finished or self._line() is not None:
            raise BadBackup("backup_truncated" if end is None else "backup_damaged",
                       **({} if end is None else {"reason": "after the last table"}))

    def _rows(self, table: BackupTable) -> Iterator[tuple[Any, ...]]:
        decode = decoder(table.types)
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
                raise BadBackup("backup_damaged",
                           reason=f"{table.name}, row {number}: {first_line(exc)}") from exc

    def close(self) -> None:
        self.file.close()


def open_source(path: Path) -> BackupSource:
    """The backup at ``path``; InvalidInput when it cannot be read, BadBackup when it is
    no backup."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(16)
    except OSError as exc:
        raise InvalidInput("backup_unreadable", path=str(path),
                           reason=exc.strerror or str(exc)) from None
    if magic.startswith(_GZIP_MAGIC):
        return DumpSource(path)
    if magic == _SQLITE_MAGIC:
        return SqliteSource(path)
    raise BadBackup("backup_unknown_format", path=str(path))


# --- checking a backup ----------------------------------------------------------------


def json_line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
