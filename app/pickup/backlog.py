"""Backlog import: the passport system's list of passports, read and applied in one step.

The list comes as CSV from whatever spreadsheet program the office has: comma,
semicolon or tab separated (detected from the header line), UTF-8 with or
without BOM, UTF-16 ("Unicode text"), or the Windows code page Excel uses for
"CSV (Comma delimited)" — one of them cleanly: a file mixing them, or in another
code page, is refused with its first bad line, never guessed; CRLF or LF; quoted
fields; header names in Bahasa Indonesia or English in any order.

All or nothing: every line is checked first, and if any is bad, nothing is
written and every bad line is reported with its number and reason. A good file
is applied in one transaction. Importing the same file again is safe: records
are matched by application number, updated where the list says something new
(``printing`` → ``ready``, a new shelf), never duplicated, and a record already
collected or cancelled is never reopened.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Final, cast

import peewee as pw

from app import clock, feed
from app.errors import InvalidInput, Refused
from app.list_reader import (
    MAX_BYTES,
    ImportProblem,
    has_control,
    normalise_header,
    parse_date,
    read_table,
)
from app.notify import contacts, outbox
from app.office import permissions
from app.office.audit import record
from app.office.settings import get_settings
from app.storage.db import backend_of, database
from app.storage.models import CANCELLED, COLLECTED, PRINTING, READY, PickupRecord
from app.storage.prepared import Param, Prepared
from app.storage.transactions import read, run_in_transaction

# Canonical column → header names seen in exports (normalised: lower case, runs of
# other characters turned into "_"). The first name of each is the one documented.
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "application_no": ("no_permohonan", "nomor_permohonan", "no_aplikasi", "permohonan",
                       "application_no", "application_number", "application", "app_no"),
    "name": ("nama", "nama_pemohon", "nama_lengkap", "name", "applicant_name", "applicant",
             "full_name"),
    "passport_no": ("no_paspor", "nomor_paspor", "paspor", "passport_no", "passport_number",
                    "passport"),
    "location": ("lokasi", "lokasi_rak", "rak", "location", "shelf", "shelf_location", "box"),
    "ready_date": ("tanggal_siap", "tgl_siap", "ready_date", "date_ready"),
    "batch": ("batch", "kelompok", "angkatan"),
    "status": ("status", "status_paspor"),
    # Optional: where the applicant is told the passport is ready (app.notify).
    "contact": ("telepon", "no_telepon", "nomor_telepon", "no_hp", "nomor_hp", "hp",
                "kontak", "phone", "phone_number", "mobile", "contact", "email", "e_mail"),
}
REQUIRED: Final = ("application_no", "name")
_DOC_NAMES: Final = {
    "application_no": "no_permohonan/application_no", "name": "nama/name",
    "passport_no": "no_paspor/passport_no", "location": "lokasi/location",
    "ready_date": "tanggal_siap/ready_date", "batch": "batch", "status": "status",
    "contact": "telepon/phone",
}
_ALIAS: Final = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}

_STATUS_WORDS: Final = {
    "siap": READY, "siap_diambil": READY, "selesai": READY, "ready": READY,
    "cetak": PRINTING, "dicetak": PRINTING, "proses": PRINTING, "dalam_proses": PRINTING,
    "printing": PRINTING,
}
_LIMITS: Final = {"name": 100, "location": 64, "batch": 64}
_APPLICATION_NO = re.compile(r"[A-Z0-9][A-Z0-9/-]{5,31}")
_PASSPORT_NO = re.compile(r"[A-Z0-9]{6,16}")


class ImportRejected(InvalidInput):
    """The file has bad lines; nothing was imported. ``problems`` lists every one."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__("import_rejected", count=len(problems))
        self.problems = problems

    def lines(self, lang: str | None = None) -> list[str]:
        return [p.message(lang) for p in self.problems]


@dataclass(frozen=True, slots=True)
class BacklogRow:
    line: int
    application_no: str
    name: str
    passport_no: str
    location: str
    ready_date: dt.date | None
    batch: str | None  # None: the file has no batch column
    status: str | None  # None: the file does not say
    contact: str = ""  # +628… or an e-mail address; "": the file does not say


@dataclass(frozen=True)
class ParsedFile:
    rows: list[BacklogRow]
    columns: list[str]  # canonical names, in the file's order
    ignored_columns: list[str]
    delimiter: str
    encoding: str


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    created: int
    updated: int
    unchanged: int
    closed: int  # already collected or cancelled: left as they are
    batch: str | None
    dry_run: bool
    encoding: str
    delimiter: str
    ignored_columns: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_backlog(data: bytes) -> ParsedFile:
    """Read and check a whole file (CSV, or an XLSX workbook's first sheet). Raises
    :class:`ImportRejected` listing every bad line, or :class:`InvalidInput` when the
    file as a whole cannot be read."""
    table = read_table(data, _ALIAS, REQUIRED, _DOC_NAMES)
    rows: list[BacklogRow] = []
    problems: list[ImportProblem] = []
    first_seen: dict[str, int] = {}
    for line, values in table.values(problems):
        row, bad = _check_row(line, values)
        number = values.get("application_no", "").upper()
        first = first_seen.setdefault(number, line) if number else line
        if first != line:  # a duplicate even if the first one had other faults
            bad.append(ImportProblem(line, "import_duplicate", {"value": number, "first": first}))
        if bad or row is None:
            problems.extend(bad)
            continue
        rows.append(row)
    if problems:
        raise ImportRejected(problems)
    if not rows:
        raise InvalidInput("import_empty")
    return ParsedFile(rows, [c for c in table.columns if c], table.ignored_columns,
                      table.delimiter, table.encoding)


def _check_row(line: int, values: dict[str, str]) -> tuple[BacklogRow | None, list[ImportProblem]]:
    bad: list[ImportProblem] = []
    for column, value in values.items():
        if has_control(value):
            bad.append(ImportProblem(line, "import_control_chars", {"column": COLUMNS[column][0]}))
    if bad:
        return None, bad
    for column in REQUIRED:
        if not values.get(column):
            bad.append(ImportProblem(line, "import_missing", {"column": COLUMNS[column][0]}))
    application_no = values.get("application_no", "").upper()
    if application_no and not _APPLICATION_NO.fullmatch(application_no):
        bad.append(ImportProblem(line, "import_bad_application_no",
                                 {"value": values["application_no"]}))
    passport_no = values.get("passport_no", "").upper().replace(" ", "")
    if passport_no and not _PASSPORT_NO.fullmatch(passport_no):
        bad.append(ImportProblem(line, "import_bad_passport_no", {"value": values["passport_no"]}))
    for column, limit in _LIMITS.items():
        if len(values.get(column, "")) > limit:
            bad.append(ImportProblem(line, "import_too_long", {"column": COLUMNS[column][0],
                                                         "max": limit}))
    ready_date = None
    if values.get("ready_date"):
        try:
            ready_date = parse_date(values["ready_date"])
        except ValueError:
            bad.append(ImportProblem(line, "import_bad_date", {"value": values["ready_date"]}))
    contact = ""
    if values.get("contact"):
        contact = contacts.normalise(values["contact"]) or ""
        if not contact:
            bad.append(ImportProblem(line, "import_bad_contact",
                                     {"value": values["contact"][:40]}))
    status = None
    if values.get("status"):
        status = _STATUS_WORDS.get(normalise_header(values["status"]))
        if status is None:
            bad.append(ImportProblem(line, "import_bad_status", {"value": values["status"]}))
    if bad:
        return None, bad
    return BacklogRow(line=line, application_no=application_no, name=values["name"],
                      passport_no=passport_no, location=values.get("location", ""),
                      ready_date=ready_date, batch=values.get("batch"),
                      status=status, contact=contact), []


# --- applying ------------------------------------------------------------------------

_FIELDS: Final = ("name", "passport_no", "location", "batch", "status", "ready_date",
                  "collect_by", "contact")


@dataclass
class _Plan:
    inserts: list[tuple[Any, ...]] = field(default_factory=list)  # in _INSERT_COLUMNS order
    updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0
    closed: int = 0
    # Ready passports the applicant can now be told about: ready with a contact, newly
    # (app.notify.outbox writes at most one message per passport).
    notify: list[str] = field(default_factory=list)


def _target(row: BacklogRow, batch: str | None, today: dt.date, days: int,
            current: dict[str, Any] | None) -> dict[str, Any]:
    """What a record should hold after this row: the list's news, never going back."""
    cur = current or {}
    status = row.status or (READY if row.ready_date and row.ready_date <= today else PRINTING)
    if cur.get("status") == READY:
        status = READY  # an older list does not send a shelved passport back to printing
    ready_date = row.ready_date or cur.get("ready_date")
    if status == READY and ready_date is None:
        ready_date = today  # ready, and the list does not say since when: since now
    return {
        "name": row.name,
        "passport_no": row.passport_no or cur.get("passport_no", ""),
        "location": row.location or cur.get("location", ""),
        "batch": batch if batch is not None else (
            row.batch if row.batch is not None else cur.get("batch", "")),
        "status": status,
        "ready_date": ready_date,
        "collect_by": ready_date + dt.timedelta(days=days) if status == READY and ready_date
        else None,
        "contact": row.contact or cur.get("contact"),
    }


def _existing(numbers: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    chunk = 500
    columns = [PickupRecord.id, PickupRecord.application_no,
               *(getattr(PickupRecord, f) for f in _FIELDS)]
    for start in range(0, len(numbers), chunk):
        part = numbers[start:start + chunk]
        query = PickupRecord.select(*columns).where(PickupRecord.application_no.in_(part))
        for rec in cast(list[dict[str, Any]], list(query.dicts())):
            found[rec["application_no"]] = rec
    return found


# Rows looked up, planned and written per step: the step is what progress reports.
STEP_ROWS: Final = 2000

# What a row of the list would do to the shelf (the preview shows it per row).
CREATE: Final = "create"
UPDATE: Final = "update"
UNCHANGED: Final = "unchanged"
CLOSED: Final = "closed"


Outcomes = list[tuple[str, dict[str, Any]]]


def _plan_rows(rows: list[BacklogRow], batch: str | None, today: dt.date, days: int,
               now: dt.datetime, outcomes: Outcomes | None = None, keep: int = 0) -> _Plan:
    """What ``rows`` would change. ``outcomes`` (if given) gets the fate and the
    resulting record of each row, in order, until it holds ``keep`` of them."""
    existing = _existing([r.application_no for r in rows])
    plan = _Plan()
    for row in rows:
        current = existing.get(row.application_no)
        target = _target(row, batch, today, days, current)
        if current is None:
            plan.inserts.append((row.application_no, *(target[f] for f in _FIELDS),
                                 now, now, False, False))
            outcome = CREATE
        elif current["status"] in (COLLECTED, CANCELLED):
            plan.closed += 1
            outcome = CLOSED
        elif all(current[f] == target[f] for f in _FIELDS):
            plan.unchanged += 1
            outcome = UNCHANGED
        else:
            plan.updates.append((current["id"], {**target, "updated_at": now}))
            outcome = UPDATE
        if (outcome in (CREATE, UPDATE) and target["status"] == READY and target["contact"]
                and (current is None or current["status"] != READY
                     or current["contact"] != target["contact"])):
            plan.notify.append(row.application_no)
        if outcomes is not None and len(outcomes) < keep:
            # A closed record is left as it is, so that is what the preview shows.
            outcomes.append((outcome, current if outcome == CLOSED and current else target))
    return plan


_INSERT_COLUMNS: Final = ("application_no", *_FIELDS, "imported_at", "updated_at",
                          "id_checked", "verified")


def _build_insert(rows: int) -> pw.BaseQuery:
    return PickupRecord.insert_many([
        {getattr(PickupRecord, c): Param(f"{i}.{c}") for c in _INSERT_COLUMNS}
        for i in range(rows)])


# Peewee builds an expression tree per value: for 100,000 rows that cost more than
# the database work. These statements are compiled once per size and reused.
_INSERT_RECORDS = Prepared(_build_insert)
_UPDATE_RECORD = Prepared(lambda columns: (
    PickupRecord.update({getattr(PickupRecord, c): Param(c) for c in columns})
    # Guarded: a passport handed over while the import ran stays as it was.
    .where((PickupRecord.id == Param("_id")) & PickupRecord.status.in_([PRINTING, READY]))))


@functools.cache
def _slot_names(rows: int) -> tuple[str, ...]:
    return tuple(f"{i}.{c}" for i in range(rows) for c in _INSERT_COLUMNS)


def _chunk_sizes() -> tuple[int, ...]:
    # Rows per statement, largest first; a few sizes, so few statements are compiled.
    # SQLite before 3.32 took at most 999 parameters per statement.
    if backend_of(database) == "sqlite" and sqlite3.sqlite_version_info < (3, 32):
        return (70, 7, 1)
    return (500, 50, 5, 1)


def _bulk_insert(rows: list[tuple[Any, ...]]) -> None:
    """Insert many records, in chunks, each with a statement compiled once."""
    start = 0
    for size in _chunk_sizes():
        while len(rows) - start >= size:
            flat = [value for row in rows[start:start + size] for value in row]
            _INSERT_RECORDS.execute(dict(zip(_slot_names(size), flat, strict=True)),
                                    variant=size)
            start += size


def _bulk_update(updates: list[tuple[int, dict[str, Any]]]) -> int:
    """Apply per-record changes; returns how many rows changed."""
    changed = 0
    for record_id, values in updates:
        cursor = _UPDATE_RECORD.execute({**values, "_id": record_id}, variant=tuple(values))
        changed += cursor.rowcount
    return changed


Progress = Callable[[int, int], None]


def _checked_batch(batch: str | None) -> str | None:
    if batch is None:
        return None
    batch = batch.strip()
    if len(batch) > _LIMITS["batch"]:
        raise InvalidInput("import_too_long", column="batch", max=_LIMITS["batch"])
    return batch


def _summary(parsed: ParsedFile, batch: str | None, dry_run: bool, created: int,
             updated: int, unchanged: int, closed: int) -> ImportSummary:
    return ImportSummary(rows=len(parsed.rows), created=created, updated=updated,
                         unchanged=unchanged, closed=closed, batch=batch, dry_run=dry_run,
                         encoding=parsed.encoding, delimiter=parsed.delimiter,
                         ignored_columns=parsed.ignored_columns)


def _dry_run(parsed: ParsedFile, batch: str | None, officer: int,
             outcomes: Outcomes | None = None, keep: int = 0) -> ImportSummary:
    def work() -> ImportSummary:
        permissions.require(officer, "backlog_import")
        settings = get_settings()
        today = clock.service_day(settings.timezone)
        now = clock.utcnow()
        totals = [0, 0, 0, 0]
        for start in range(0, len(parsed.rows), STEP_ROWS):
            plan = _plan_rows(parsed.rows[start:start + STEP_ROWS], batch, today,
                              settings.collect_by_days, now, outcomes, keep)
            for i, n in enumerate((len(plan.inserts), len(plan.updates), plan.unchanged,
                                   plan.closed)):
                totals[i] += n
        return _summary(parsed, batch, True, *totals)

    return read(work)


def _apply(parsed: ParsedFile, batch: str | None, officer: int, source: str,
           progress: Progress | None) -> ImportSummary:
    """Write a checked list in one transaction, step by step (each step reported)."""
    total = len(parsed.rows)

    def work() -> ImportSummary:
        permissions.require(officer, "backlog_import")
        settings = get_settings()
        today = clock.service_day(settings.timezone)
        now = clock.utcnow()
        created = updated = unchanged = closed = 0
        if progress is not None:
            progress(0, total)
        for start in range(0, total, STEP_ROWS):
            rows = parsed.rows[start:start + STEP_ROWS]
            plan = _plan_rows(rows, batch, today, settings.collect_by_days, now)
            _bulk_insert(plan.inserts)
            changed = _bulk_update(plan.updates)
            # In this transaction: the message exists exactly when the passport is ready.
            outbox.enqueue_passport_ready(plan.notify)
            # A passport handed over while the import ran stays as it was: closed.
            created += len(plan.inserts)
            updated += changed
            unchanged += plan.unchanged
            closed += plan.closed + len(plan.updates) - changed
            if progress is not None:
                progress(start + len(rows), total)
        result = _summary(parsed, batch, False, created, updated, unchanged, closed)
        feed.emit_event("backlog_imported", created=result.created, updated=result.updated)
        record("backlog_imported", officer=officer, subject=source[-100:],
               details={k: v for k, v in result.to_dict().items()
                        if k in ("rows", "created", "updated", "unchanged", "closed", "batch")})
        return result

    try:
        return run_in_transaction(work)
    except pw.IntegrityError:
        # Another import added some of the same passports meanwhile: plan again.
        return run_in_transaction(work)


def import_backlog(data: bytes, batch: str | None = None, *, officer: int,
                   source: str = "", dry_run: bool = False,
                   progress: Progress | None = None) -> ImportSummary:
    """Check the whole file, then apply it in one transaction (or, ``dry_run``, only
    say what would change). ``batch`` names the batch of every row (the file's own
    batch column otherwise; an existing record keeps its batch if neither says).

    ``officer`` must be allowed ``backlog_import``, whoever asks (the window, or the
    command line signed in with ``--as``). ``progress(done, total)`` is called from the
    calling thread after each step of :data:`STEP_ROWS` rows written (a re-run after a
    transient conflict starts again at 0); nothing is committed before the last step.
    """
    # Refused before reading, not after a long check of the file.
    read(lambda: permissions.require(officer, "backlog_import"))
    parsed = parse_backlog(data)
    batch = _checked_batch(batch)
    if dry_run:
        return _dry_run(parsed, batch, officer)
    return _apply(parsed, batch, officer, source, progress)


# --- the window's two steps: preview, then import exactly what was previewed --------


@dataclass(frozen=True)
class FileStamp:
    """Which bytes were read: a changed file (size, time or content) is another file."""

    path: str
    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class PreviewRow:
    line: int
    application_no: str
    name: str
    passport_no: str
    location: str
    ready_date: dt.date | None
    batch: str  # as the record would hold it ("" for none)
    status: str  # as the record would hold it
    outcome: str  # CREATE, UPDATE, UNCHANGED or CLOSED


@dataclass(frozen=True)
class Preview:
    """What importing a file would do; nothing was written."""

    stamp: FileStamp
    batch: str | None
    summary: ImportSummary
    first_rows: list[PreviewRow]
    parsed: ParsedFile = field(repr=False, compare=False)


def read_list_file(path: str) -> tuple[bytes, FileStamp]:
    """The bytes of a list file and their stamp. Only a regular file is read: a named
    pipe would wait for a writer for ever, a device would never end. A file too big is
    refused unread."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.isdir(path):
            raise InvalidInput("import_not_a_file", path=path) from None
        raise InvalidInput("import_unreadable", reason=exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput("import_not_a_file", path=path)
        if info.st_size > MAX_BYTES:
            raise InvalidInput("import_too_big", max_mb=MAX_BYTES // (1024 * 1024))
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidInput("import_unreadable", reason=exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    return data, FileStamp(path, len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest())


def preview_file(path: str, batch: str | None = None, *, officer: int,
                 first: int = 100) -> Preview:
    """Read and check the file at ``path`` and say what importing it would do, with the
    first ``first`` rows and each one's fate. A broken file raises
    :class:`ImportRejected` (every bad line) or :class:`InvalidInput`."""
    read(lambda: permissions.require(officer, "backlog_import"))
    data, stamp = read_list_file(path)
    parsed = parse_backlog(data)
    batch = _checked_batch(batch)
    outcomes: Outcomes = []
    summary = _dry_run(parsed, batch, officer, outcomes, first)
    shown = [PreviewRow(row.line, row.application_no, row.name, target["passport_no"],
                        target["location"], target["ready_date"], target["batch"] or "",
                        target["status"], outcome)
             for row, (outcome, target) in zip(parsed.rows, outcomes, strict=False)]
    return Preview(stamp, batch, summary, shown, parsed)


def import_previewed(preview: Preview, officer: int, *,
                     progress: Progress | None = None) -> ImportSummary:
    """Import the previewed file, if it is still the file that was previewed.

    The file is read again; if its size, time or content changed, nothing is written
    and :class:`~app.errors.Refused` ``import_file_changed`` asks for a new preview.
    """
    _data, stamp = read_list_file(preview.stamp.path)
    if stamp != preview.stamp:
        raise Refused("import_file_changed", path=preview.stamp.path)
    return _apply(preview.parsed, preview.batch, officer, preview.stamp.path, progress)
