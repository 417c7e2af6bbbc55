"""This PC's handover journal: every passport it handed over, kept beside ``loket.ini``.

A restore from last night's backup loses the handovers made since: the passports
left the shelf, the database says they are still there. So each handover, once its
transaction has committed, is appended here as one JSON line (on disk before the
counter moves on), and ``loket pickup reconcile --journal`` replays the lines of every
counter PC into the restored database (:mod:`app.pickup.reconcile`).

A line holds what the handover wrote: the application number, the time (UTC), the
counter's number, the officer's username, who collected and their name, whether ID
was checked and the code was signed, and the ``database_id`` of the database it was
written to. The collector's name is personal data: the file is the PC user's only
(:mod:`app.private_files`) and lines older than :data:`KEEP_DAYS` are dropped when
the next one is appended; by then a restore has long been reconciled.

A restore keeps ``database_id`` (the settings are restored with the rest), so the
lines of a PC match the restored database as they matched the lost one; a line of
another database is only replayed when the supervisor says it is the same office.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from app import clock
from app.office.settings import seen_database_id
from app.private_files import append_json_line, json_lines, write_json_lines
from app.setup.pc_config import config_path
from app.storage.models import COLLECTED

log = logging.getLogger(__name__)

KEEP_DAYS: Final = 30
_lock = threading.Lock()  # one writer of the file in this program


def journal_path() -> Path:
    """The PC's journal, beside its ``loket.ini``."""
    return config_path().with_name("handover-journal.jsonl")


def keep(view: Mapping[str, Any]) -> None:
    """Append the committed handover ``view`` shows (a record read after it, as
    :meth:`app.pickup.service.PickupView.to_dict` gives it; only the handover's fields
    are kept).

    Never raises for the file: the handover is already saved in the database, and a
    counter must not be told otherwise because a disk is full; the log says so."""
    if view["status"] != COLLECTED or not view["collected_at"]:
        return  # a repeated request whose handover was undone since: nothing to keep
    entry = {"application_no": view["application_no"],
             "collected_at": view["collected_at"], "counter": view["collected_counter"],
             "officer": view["collected_by"], "collector": view["collector"],
             "collector_name": view["collector_name"], "id_checked": view["id_checked"],
             "verified": view["verified"], "database": seen_database_id()}
    path = journal_path()
    try:
        with _lock:
            _prune(path, _keep_from())
            append_json_line(path, entry)
    except OSError as exc:
        log.warning("handover of %s not written to this PC's journal %s: %s",
                    view["application_no"], path, exc)


def _keep_from(before: dt.datetime | None = None) -> dt.datetime:
    oldest = clock.utcnow() - dt.timedelta(days=KEEP_DAYS)
    return max(oldest, before) if before is not None else oldest


def prune(before: dt.datetime | None = None) -> None:
    """Forget the lines older than :data:`KEEP_DAYS`, and those before ``before`` (UTC:
    a purge's cutoff, when it is later): a PC that hands over nothing more forgets
    too, at its next start and at a purge run on it. Never raises, like :func:`keep`."""
    path = journal_path()
    try:
        with _lock:
            _prune(path, _keep_from(before))
    except OSError as exc:
        log.warning("this PC's handover journal %s not pruned: %s", path, exc)


def _collected_at(entry: dict[str, Any]) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(entry.get("collected_at")))
    except ValueError:
        return None


def _prune(path: Path, cutoff: dt.datetime) -> None:
    """Drop the lines older than ``cutoff``; cheap when there is none (the oldest line
    is first, so only its line is read)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        first = lines.readline()
    oldest = _collected_at(_first_entry(first))
    if oldest is not None and oldest >= cutoff:
        return
    entries = json_lines(path)
    # A line without a readable time could never be replayed: it goes too.
    kept = [e for e in entries if (at := _collected_at(e)) is not None and at >= cutoff]
    write_json_lines(path, kept)
    log.info("%d handovers older than %d days dropped from this PC's journal",
             len(entries) - len(kept), KEEP_DAYS)


def _first_entry(line: str) -> dict[str, Any]:
    try:
        entry = json.loads(line)
    except json.JSONDecodeError:
        return {}  # cut short: the full read below skips it
    return entry if isinstance(entry, dict) else {}


def entries(path: Path | None = None) -> list[dict[str, Any]]:
    """The journal's lines, oldest first (none when the file does not exist)."""
    path = path or journal_path()
    return json_lines(path) if path.exists() else []
