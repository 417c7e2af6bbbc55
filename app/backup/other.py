"""Another Loket database, read beside the office's own: the emergency PC's SQLite file
(``darurat.sqlite3``, restored from a backup) or a server's URL.

What is brought back from it (handovers: :mod:`app.pickup.reconcile`; tickets:
:mod:`app.queue.merge`) is read through :func:`read_other`, which refuses a file that
is not Loket's or of another schema version before anything is read, and never
changes the file by reading it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar

import peewee as pw

from app.backup.restore import connect_other
from app.backup.verify import schema_version_of
from app.errors import InvalidInput, Refused
from app.storage import json_text, migrations
from app.storage.db import SQLITE_BUSY_TIMEOUT_S, redact_url
from app.storage.models import Setting

log = logging.getLogger(__name__)

T = TypeVar("T")

# The tables that make a database a Loket one (every schema version has them).
LOKET_TABLES: Final = frozenset({"pickup_record", "counter", "officer", "setting",
                                 "schema_version"})


def open_read_only(where: str) -> tuple[pw.Database, str]:
    """Another Loket database, connected for reading: a server's URL, or a SQLite file
    (a path or a ``sqlite:///`` URL) opened read-only, so the emergency PC's file is
    never changed by being read."""
    if "://" in where and not where.startswith("sqlite:///"):
        return connect_other(where), redact_url(where)
    path = Path(where[len("sqlite:///"):] if where.startswith("sqlite:///") else where)
    if not path.is_file():
        raise InvalidInput("reconcile_source_missing", where=str(path))
    db = pw.SqliteDatabase(path.resolve().as_uri() + "?mode=ro", uri=True,
                           timeout=SQLITE_BUSY_TIMEOUT_S, autoconnect=False)
    try:
        db.connect()
    except pw.DatabaseError as exc:
        raise Refused("reconcile_not_loket", where=str(path)) from exc
    return db, str(path)


def database_id_of(db: pw.Database, label: str) -> str:
    """The ``database_id`` of ``db`` ("" if it has none), once it is known to be a
    Loket database of this program's schema version; refused otherwise."""
    tables = set(db.get_tables())
    if not tables >= LOKET_TABLES:
        raise Refused("reconcile_not_loket", where=label)
    version, head = schema_version_of(db, tables), migrations.head_version()
    if version != head:
        raise Refused("reconcile_schema_differs", where=label, found=version, expected=head)
    with db.bind_ctx([Setting]):
        return str(json_text.loads(
            Setting.select(Setting.value).where(Setting.key == "database_id").scalar(), "")
            or "")


def read_other(where: str, reader: Callable[[pw.Database, str, str], T]) -> tuple[T, str]:
    """``reader(db, label, database_id)`` on the Loket database at ``where`` (a URL or a
    SQLite file's path), and how the source is named. A file or database that is not
    Loket's, or of another schema version, is refused before ``reader`` runs."""
    db, label = open_read_only(where)
    try:
        return reader(db, label, database_id_of(db, label)), label
    except pw.DatabaseError as exc:  # not a database file at all, or a damaged one
        log.warning("reading %s failed: %s", label, exc)
        raise Refused("reconcile_not_loket", where=label) from exc
    finally:
        db.close()


def as_utc(value: Any) -> dt.datetime:
    """A stored time as a naive UTC datetime (a raw row may give ISO text)."""
    at = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return at.replace(tzinfo=None)
