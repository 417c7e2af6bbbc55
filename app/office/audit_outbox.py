"""Audit entries kept on this PC while the database cannot be reached.

A sign-out during an outage must still be audited, with the time it happened. The
entry goes to a small private file next to ``loket.ini`` (append-only, one JSON line
per entry with its real UTC time and a unique id) and is written to the audit log
after the next transaction or read of this program that succeeds
(:func:`app.storage.transactions.after_next_success`), and on the first one after a
restart. Each entry is written under its id as a request id, so a crash between
writing it and emptying the file never writes it twice.

An entry names the database it belongs to (its ``database_id`` setting, as last read
by this program): a PC pointed at another database meanwhile (a restore elsewhere, a
test office, ``--db``) keeps it in the file instead of writing one office's acts into
another's log, until it reaches its own database again.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from pathlib import Path
from typing import Any

from app import clock
from app.office.audit import record
from app.office.settings import get_settings, seen_database_id
from app.private_files import append_json_line, json_lines, write_json_lines
from app.setup.pc_config import config_path
from app.storage.transactions import after_next_success, idempotent

log = logging.getLogger(__name__)

OPERATION = "audit_outbox"
_lock = threading.RLock()  # one writer of the file in this program
_flushing = threading.local()  # a flush's own writes succeed: they must not start another


def outbox_path() -> Path:
    """The PC's outbox, beside its ``loket.ini``."""
    return config_path().with_name("audit-outbox.jsonl")


def keep(action: str, *, officer: int | None = None, counter: int | None = None,
         subject: str = "", details: dict[str, Any] | None = None) -> str:
    """Keep one entry for later, stamped now; its id."""
    entry = {"id": uuid.uuid4().hex, "at": clock.utcnow().isoformat(), "action": action,
             "officer": officer, "counter": counter, "subject": subject,
             "details": details or {}, "database": seen_database_id()}
    with _lock:
        append_json_line(outbox_path(), entry)
    log.info("audit entry %s kept on this PC until the database answers", action)
    after_next_success(flush)
    return str(entry["id"])


def _write(entry: dict[str, Any]) -> None:
    def work() -> int:
        return int(record(entry["action"], officer=entry["officer"],
                          counter=entry["counter"], subject=entry["subject"],
                          details=entry["details"],
                          at=dt.datetime.fromisoformat(entry["at"])).id)

    idempotent(OPERATION, entry["id"], work, lambda written: {"entry": written},
               lambda stored: int(stored["entry"]))


def flush() -> int:
    """Write the kept entries to the audit log, oldest first; how many were written.

    :class:`~app.errors.DatabaseUnavailable` when the database went away meanwhile:
    what was written is gone from the file, the rest stays."""
    if getattr(_flushing, "on", False):
        return 0
    with _lock:
        path = outbox_path()
        if not path.exists():
            return 0
        _flushing.on = True  # reading the settings is a success: it must not flush too
        try:
            here = get_settings(fresh=True).database_id  # of the database reached now
        finally:
            _flushing.on = False
        entries = json_lines(path)
        ours = [e for e in entries if e.get("database", "") in ("", here)]
        others = [e for e in entries if e.get("database", "") not in ("", here)]
        if others:
            log.warning("%d audit entries kept on this PC belong to another database; "
                        "they stay until this PC reaches it again", len(others))
        if not ours:
            return 0
        written = 0
        _flushing.on = True
        try:
            for entry in ours:
                _write(entry)
                written += 1
        finally:
            _flushing.on = False
            rest = others + ours[written:]
            if rest:
                write_json_lines(path, rest)
            else:
                path.unlink()
        if written:
            log.info("%d audit entries kept during an outage written", written)
        return written


# Entries left by an earlier run (the program closed before the database came back).
after_next_success(flush)
