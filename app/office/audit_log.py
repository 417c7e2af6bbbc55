"""Reading the audit log: filtered pages for the supervisor's window, and CSV export.

:func:`entries` reads filtered, newest first, one page at a time by keyset on the id,
so a log of millions of rows is never loaded whole and entries written meanwhile
neither shift nor repeat a page; :func:`export_csv` writes a filtered log for a
spreadsheet. Nothing here updates or deletes an entry (see :mod:`app.office.audit`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final, cast

import peewee as pw

from app import clock, spreadsheet
from app.errors import InvalidInput
from app.messages import record_words, render
from app.messages.formats import date_text
from app.office import permissions
from app.office.audit import record
from app.office.settings import get_settings
from app.storage import json_text
from app.storage.models import AuditEntry, AuditNote, Counter, Officer
from app.storage.transactions import read, run_in_transaction

PAGE_ROWS: Final = 200
MAX_PAGE_ROWS: Final = 1000
EXPORT_STEP_ROWS: Final = 5000
MAX_TEXT: Final = 100  # a subject is at most this long, so is a search in it


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show. Dates are the office's local dates, both inclusive."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    officer: int | None = None  # officer id
    counter: int | None = None  # counter number
    action: str | None = None
    text: str = ""  # part of the subject, any case

    def checked(self) -> AuditFilter:
        """This filter with its text trimmed, or InvalidInput in plain words."""
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidInput("audit_dates_reversed", date_from=self.date_from.isoformat(),
                               date_to=self.date_to.isoformat())
        text = " ".join(self.text.split())
        if len(text) > MAX_TEXT:
            raise InvalidInput("audit_text_too_long", max=MAX_TEXT)
        return replace(self, text=text)

    def to_dict(self) -> dict[str, Any]:
        """The filter as the export's own audit entry records it (only what is set)."""
        shown = {"date_from": self.date_from, "date_to": self.date_to,
                 "officer": self.officer, "counter": self.counter, "action": self.action,
                 "text": self.text or None}
        return {k: (v.isoformat() if isinstance(v, dt.date) else v)
                for k, v in shown.items() if v is not None}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # naive UTC, as stored
    local: dt.datetime  # naive, the office's local time
    action: str
    officer_id: int | None
    officer: str  # username ("" when no officer acted: the system or the command line)
    officer_name: str
    counter: int | None
    subject: str
    details: dict[str, Any]
    zone: str = ""  # the office's time zone, for the moments in the details

    def details_text(self, lang: str | None = None) -> str:
        return details_text(self.details, lang, self.zone or None)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]  # newest first
    has_older: bool  # more matching entries before the last row
    has_newer: bool  # more matching entries after the first row (e.g. written since)


@dataclass(frozen=True)
class FilterChoices:
    """What the viewer's filter lists offer."""

    officers: list[tuple[int, str, str]]  # id, username, full name
    counters: list[int]  # counter numbers (the log's and today's)
    actions: list[str]  # action codes found in the log


def details_text(details: Mapping[str, Any], lang: str | None = None,
                 zone: str | None = None) -> str:
    """A details record as one compact line in words, in ``lang`` (default: the language
    chosen now): ``peran: petugas; pengambil: pemilik paspor``; a moment (stored in UTC)
    in the office's time when ``zone`` is given."""
    return record_words.details_words(details, lang, zone)


def time_text(row: AuditRow) -> str:
    """When an entry was written, office time: ``dd/mm/yyyy hh:mm:ss``."""
    return f"{date_text(row.local)} {row.local:%H:%M:%S}"


def _zone_name() -> str:

    return get_settings().timezone


def _where(filt: AuditFilter, zone_name: str) -> list[pw.Expression]:
    conditions: list[pw.Expression] = []
    if filt.date_from is not None:
        conditions.append(AuditEntry.at >= clock.day_start_utc(filt.date_from, zone_name))
    if filt.date_to is not None:
        conditions.append(
            AuditEntry.at < clock.day_start_utc(filt.date_to + dt.timedelta(days=1), zone_name))
    if filt.officer is not None:
        conditions.append(AuditEntry.officer == filt.officer)
    if filt.counter is not None:
        conditions.append(AuditEntry.counter == filt.counter)
    if filt.action:
        conditions.append(AuditEntry.action == filt.action)
    if filt.text:
        # contains() escapes % and _ and ignores case on every backend.
        conditions.append(AuditEntry.subject.contains(filt.text))
    return conditions


def _select(conditions: list[pw.Expression]) -> Any:
    query = (AuditEntry
             .select(AuditEntry.id, AuditEntry.at, AuditEntry.action, AuditEntry.officer,
                     AuditEntry.counter, AuditEntry.subject, AuditEntry.details,
                     Officer.username, Officer.full_name)
             .join(Officer, pw.JOIN.LEFT_OUTER, on=(AuditEntry.officer == Officer.id)))
    for condition in conditions:
        query = query.where(condition)
    return query


def _tuples(query: pw.BaseQuery) -> list[tuple[Any, ...]]:
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def _row(values: tuple[Any, ...], zone_name: str) -> AuditRow:
    ident, at, action, officer_id, counter, subject, details, username, full_name = values
    if isinstance(at, str):  # SQLite hands back text for a column read by tuples()
        at = dt.datetime.fromisoformat(at)
    local = at.replace(tzinfo=dt.UTC).astimezone(clock.zone(zone_name)).replace(tzinfo=None)
    try:
        parsed = json_text.loads(details, {})
    except ValueError:
        parsed = {"text": details}
    if not isinstance(parsed, dict):
        parsed = {"value": parsed}
    return AuditRow(int(ident), at, local, str(action),
                    int(officer_id) if officer_id is not None else None, username or "",
                    full_name or "", int(counter) if counter is not None else None,
                    subject or "", parsed, zone_name)


def _fetch(conditions: list[pw.Expression], zone_name: str, *, below: int | None = None,
           above: int | None = None, limit: int) -> list[AuditRow]:
    """Up to ``limit`` matching rows below (newest first) or above (oldest first) an id."""
    query = _select(conditions)
    if above is not None:
        query = query.where(AuditEntry.id > above).order_by(AuditEntry.id.asc())
    else:
        if below is not None:
            query = query.where(AuditEntry.id < below)
        query = query.order_by(AuditEntry.id.desc())
    return _with_notes([_row(values, zone_name) for values in _tuples(query.limit(limit))])


_NOTE_SUFFIX: Final = "_note"


def _note_ids(details: Mapping[str, Any]) -> Iterator[int]:
    for key, value in details.items():
        if key.endswith(_NOTE_SUFFIX) and isinstance(value, int):
            yield value
        elif isinstance(value, dict):
            yield from _note_ids(value)


def _named(details: Mapping[str, Any], texts: Mapping[int, str]) -> dict[str, Any]:
    """``details`` with each ``<kind>_note`` id replaced by ``<kind>``: its text."""
    shown: dict[str, Any] = {}
    for key, value in details.items():
        if key.endswith(_NOTE_SUFFIX) and (value is None or isinstance(value, int)):
            shown[key[:-len(_NOTE_SUFFIX)]] = texts.get(value, "") if value else ""
        elif isinstance(value, dict):
            shown[key] = _named(value, texts)
        else:
            shown[key] = value
    return shown


def _with_notes(rows: list[AuditRow]) -> list[AuditRow]:
    """The rows with the names and reasons their entries refer to (audit notes, which
    the retention purge may have erased since), read in one query."""
    wanted = {ident for row in rows for ident in _note_ids(row.details)}
    texts = {int(i): str(t) for i, t in _tuples(
        AuditNote.select(AuditNote.id, AuditNote.text).where(AuditNote.id.in_(wanted)))
    } if wanted else {}
    return [replace(row, details=_named(row.details, texts)) for row in rows]


def _exists(conditions: list[pw.Expression]) -> bool:
    query = AuditEntry.select(AuditEntry.id)
    for condition in conditions:
        query = query.where(condition)
    return bool(query.limit(1).exists())


def entries(viewer: int | None, filt: AuditFilter | None = None, *,
            older_than: int | None = None, newer_than: int | None = None,
            limit: int = PAGE_ROWS) -> AuditPage:
    """One page of matching entries, newest first.

    Without a position, the newest ``limit`` entries. ``older_than=id`` gives the
    page right after a row (the next older ones), ``newer_than=id`` the page right
    before it (the next newer ones, still shown newest first). Pages are cut by id,
    so entries written meanwhile never shift or repeat a page. ``viewer`` must be
    allowed ``audit_view``.
    """

    if older_than is not None and newer_than is not None:
        raise ValueError("a page is either older or newer than a row, not both")
    if not 1 <= limit <= MAX_PAGE_ROWS:
        raise ValueError(f"page size out of range: {limit}")
    filt = (filt or AuditFilter()).checked()

    def work() -> AuditPage:
        permissions.require(viewer, "audit_view")
        zone_name = _zone_name()
        conditions = _where(filt, zone_name)
        if newer_than is not None:
            found = _fetch(conditions, zone_name, above=newer_than, limit=limit + 1)
            has_newer = len(found) > limit
            rows = list(reversed(found[:limit]))
            oldest_shown = rows[-1].id if rows else newer_than + 1
            has_older = _exists([*conditions, AuditEntry.id < oldest_shown])
            return AuditPage(rows, has_older, has_newer)
        found = _fetch(conditions, zone_name, below=older_than, limit=limit + 1)
        rows = found[:limit]
        has_older = len(found) > limit
        if rows:
            has_newer = _exists([*conditions, AuditEntry.id > rows[0].id])
        else:
            has_newer = older_than is not None and _exists(
                [*conditions, AuditEntry.id >= older_than])
        return AuditPage(rows, has_older, has_newer)

    return read(work)


def filter_choices(viewer: int | None) -> FilterChoices:
    """The officers, counters and actions the viewer's filter lists offer."""

    def work() -> FilterChoices:
        permissions.require(viewer, "audit_view")
        people = [(int(i), str(u), str(n)) for i, u, n in _tuples(
            Officer.select(Officer.id, Officer.username, Officer.full_name)
            .order_by(Officer.username))]
        numbers = {int(n) for (n,) in _tuples(Counter.select(Counter.number))}
        numbers |= {int(n) for (n,) in _tuples(
            AuditEntry.select(AuditEntry.counter).distinct()
            .where(AuditEntry.counter.is_null(False)))}
        actions = sorted(str(a) for (a,) in _tuples(
            AuditEntry.select(AuditEntry.action).distinct()))
        return FilterChoices(people, sorted(numbers), actions)

    return read(work)


# --- the export --------------------------------------------------------------------------

CSV_COLUMNS: Final = ("id", "time", "action", "action_name", "officer", "officer_name",
                      "counter", "subject", "details")
def _matching(conditions: list[pw.Expression], zone_name: str,
              step: int) -> Iterator[AuditRow]:
    """Every matching row, newest first, read ``step`` rows at a time."""

    def step_below(below: int | None) -> list[AuditRow]:
        return _fetch(conditions, zone_name, below=below, limit=step)

    below: int | None = None
    while True:
        rows = read(lambda: step_below(below))  # noqa: B023 (read runs it at once)
        yield from rows
        if len(rows) < step:
            return
        below = rows[-1].id


def export_csv(viewer: int | None, filt: AuditFilter | None, path: str | os.PathLike[str],
               *, action_names: Mapping[str, str] | None = None,
               lang: str | None = None) -> int:
    """Write every entry matching ``filt`` to a CSV file (UTF-8 with BOM, so Excel
    reads it right; ``;`` between fields: see :mod:`app.spreadsheet`), newest first,
    and return how many rows were written.

    Rows are read in steps of :data:`EXPORT_STEP_ROWS`, never all at once; entries
    written while the export runs are not in it. ``action_names`` gives the readable
    name of an action code (default: :func:`app.messages.record_words.action_name` in
    ``lang``). The file appears complete or
    not at all, and the export itself is audited (``audit_exported``).
    """

    filt = (filt or AuditFilter()).checked()
    read(lambda: permissions.require(viewer, "audit_view"))
    zone_name = _zone_name()
    conditions = _where(filt, zone_name)
    target = Path(path)
    names = action_names or {}
    count = 0
    try:  # a typed username such as "=HYPERLINK(…)" arrives as text (app.spreadsheet)
        with spreadsheet.open_csv(target) as writer:
            writer.row([render(f"audit_csv_{column}", {}, lang) for column in CSV_COLUMNS])
            for row in _matching(conditions, zone_name, EXPORT_STEP_ROWS):
                writer.row([row.id, row.local.strftime("%Y-%m-%d %H:%M:%S"), row.action,
                            names.get(row.action) or record_words.action_name(row.action, lang),
                            row.officer, row.officer_name, row.counter, row.subject,
                            row.details_text(lang)])
                count += 1
    except OSError as exc:
        raise InvalidInput("audit_export_unwritable", path=str(target),
                           reason=exc.strerror or str(exc)) from None

    def note() -> None:
        permissions.require(viewer, "audit_view")
        record("audit_exported", officer=viewer, subject=target.name,
               details={"rows": count, "filter": filt.to_dict()})

    run_in_transaction(note)
    return count
