"""The daily backup, the backup folder and what the supervisor's page shows.

:func:`run_scheduled_backup` makes the daily backup when it is due; the guard against
two PCs doing it at once is a compare-and-set on one settings row (see :func:`_claim`).
Only files named as Loket names its backups are listed and pruned.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import socket
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from app import clock
from app.backup.dump_format import FORMAT_DUMP, FORMAT_SQLITE, SQLITE_SUFFIX
from app.backup.make import BackupResult, backup_folder, make_backup
from app.errors import InvalidInput, LoketError
from app.office import permissions
from app.office.settings import OfficeSettings, get_settings, update_settings
from app.storage.models import AuditEntry, Setting
from app.storage.transactions import read, run_in_transaction

log = logging.getLogger(__name__)

# Only files with exactly this name are Loket's own; pruning never touches anything else.
OWN_NAME: Final = re.compile(r"^loket-(\d{8})-(\d{6})(?:-(\d+))?(\.sqlite3|\.loketdump\.gz)$")
# The settings row that says which PC is making the scheduled backup (see _claim).
CLAIM_KEY: Final = "backup_claim"
# A claim older than this is taken to be from a PC that died while backing up.
CLAIM_STALE: Final = dt.timedelta(hours=1)


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
    run_in_transaction(lambda: permissions.require(by, "backup_schedule"))
    return update_settings(by, backup_daily=daily, backup_time=at,
                           backup_folder=folder, backup_keep=keep)
