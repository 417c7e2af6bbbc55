"""M-Paspor bookings: the day's list imported, checked in at the kiosk, called by slot.

* **Import** (:func:`import_bookings`): the list M-Paspor gives for the day, as CSV or
  XLSX, read by the backlog import's reader (:func:`app.list_reader.read_table`:
  the same encodings, refusals and line numbers). All or nothing: every line is
  checked, and the codes already imported are compared, before anything is written.
  The same code with the same data again is fine (nothing changes); with other data
  (another name, service or slot) the line is refused.
* **Check-in** (:func:`check_in`): the applicant scans or types the booking code. From
  ``booking_early_min`` minutes before the slot to ``booking_late_min`` after it, a
  ticket is issued in the booking's queue, placed in line at the slot (see
  :attr:`app.storage.models.Ticket.line_at`): it is called in slot order, ahead of
  walk-ins issued after its slot. Exactly once: the booking row is locked, and its
  ticket is written by a compare-and-set on ``ticket IS NULL``; a second check-in
  returns the same ticket. Too early, the applicant is told when to come back; too
  late, to take a walk-in number.
* **Punctuality**: a check-in from :data:`ON_TIME_BEFORE` before the slot to
  :data:`ON_TIME_AFTER` after it is *on time*; before that *early*, after it *late*.

A booking's name is personal data: it is shown only in the supervisor's window, never
on a ticket, the kiosk or the lobby, and the retention purge erases it
(:mod:`app.office.retention`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any, Final, cast

import peewee as pw

from app import clock, feed
from app.errors import InvalidInput, NotFound, Refused
from app.list_reader import ImportProblem, Table, has_control, parse_date, read_table
from app.office import permissions
from app.office.audit import record
from app.office.settings import get_settings, office_today
from app.pickup.backlog import ImportRejected
from app.queue import engine
from app.storage.db import backend_of, database
from app.storage.models import Booking, Queue, Ticket
from app.storage.transactions import read, rows, run_in_transaction

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "code": ("kode_booking", "kode", "kode_pemesanan", "nomor_booking", "booking_code",
             "booking", "code"),
    "name": ("nama", "nama_pemohon", "nama_lengkap", "name", "applicant_name", "full_name"),
    "service": ("layanan", "jenis_layanan", "antrian", "service", "queue"),
    "date": ("tanggal", "tgl", "tanggal_kedatangan", "date"),
    "time": ("jam", "waktu", "slot", "time"),
}
REQUIRED: Final = ("code", "name", "service", "date", "time")
_DOC_NAMES: Final = {"code": "kode_booking/booking_code", "name": "nama/name",
                     "service": "layanan/service", "date": "tanggal/date",
                     "time": "jam/time"}
_ALIAS: Final = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{3,31}")
_TIME = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)(?::[0-5]\d)?")
NAME_MAX: Final = 100

# Punctuality of a check-in, against the slot.
ON_TIME_BEFORE: Final = dt.timedelta(minutes=15)
ON_TIME_AFTER: Final = dt.timedelta(minutes=5)

# A booking's state on the supervisor's list.
EXPECTED: Final = "expected"  # not checked in, and still may
MISSED: Final = "missed"  # not checked in, and too late now
CHECKED_IN: Final = "checked_in"


@dataclass(frozen=True, slots=True)
class BookingRow:
    line: int
    code: str
    name: str
    service: str
    day: dt.date
    time: dt.time


@dataclass(frozen=True)
class BookingImport:
    rows: int
    created: int
    unchanged: int
    encoding: str
    delimiter: str
    ignored_columns: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class BookingView:
    """One booking as the supervisor's list shows it (with the name: never on a ticket)."""

    code: str
    name: str
    queue: str
    prefix: str
    service_day: str
    slot_local: str  # "09:30", office time
    state: str  # EXPECTED, MISSED or CHECKED_IN
    ticket: str | None  # the ticket's number once checked in
    ticket_status: str | None
    checked_in_local: str | None  # "09:12"
    punctuality: str | None  # "on_time", "early", "late" once checked in

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- reading the list ------------------------------------------------------------------


def _parse_date(value: str) -> dt.date:
    """dd/mm/yyyy or ISO, as the backlog takes it; a workbook's date cell may carry a
    time of day after the date ("2024-07-01 00:00:00"), which a slot's date ignores."""
    return parse_date(value[:10] if len(value) > 10 and value[10] in " T" else value)


def _check_row(line: int, values: dict[str, str]) -> tuple[BookingRow | None,
                                                           list[ImportProblem]]:
    bad: list[ImportProblem] = []
    for column, value in values.items():
        if has_control(value):
            bad.append(ImportProblem(line, "import_control_chars",
                                     {"column": COLUMNS[column][0]}))
    if bad:
        return None, bad
    for column in REQUIRED:
        if not values.get(column):
            bad.append(ImportProblem(line, "import_missing", {"column": COLUMNS[column][0]}))
    code = values.get("code", "").upper()
    if code and not _CODE.fullmatch(code):
        bad.append(ImportProblem(line, "booking_bad_code", {"value": values["code"]}))
    if len(values.get("name", "")) > NAME_MAX:
        bad.append(ImportProblem(line, "import_too_long", {"column": "nama", "max": NAME_MAX}))
    day = slot = None
    if values.get("date"):
        try:
            day = _parse_date(values["date"])
        except ValueError:
            bad.append(ImportProblem(line, "import_bad_date", {"value": values["date"]}))
    if values.get("time"):
        match = _TIME.fullmatch(values["time"])
        if match is None:
            bad.append(ImportProblem(line, "booking_bad_time", {"value": values["time"]}))
        else:
            slot = dt.time(int(match.group(1)), int(match.group(2)))
    if bad or day is None or slot is None:
        return None, bad
    return BookingRow(line, code, values["name"], values["service"], day, slot), []


def parse_bookings(data: bytes) -> tuple[list[BookingRow], list[ImportProblem], Table]:
    """The good rows of a booking list, checked on their own (not yet against the
    office), and the bad lines. A file that cannot be read, or holds no row at all,
    raises :class:`InvalidInput`."""
    table = read_table(data, _ALIAS, REQUIRED, _DOC_NAMES)
    rows: list[BookingRow] = []
    problems: list[ImportProblem] = []
    for line, values in table.values(problems):
        row, bad = _check_row(line, values)
        problems.extend(bad)
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        raise InvalidInput("import_empty")
    return rows, problems, table


# --- applying it -----------------------------------------------------------------------


def _slot_utc(day: dt.date, at: dt.time, tz_name: str) -> dt.datetime:
    local = dt.datetime.combine(day, at, tzinfo=clock.zone(tz_name))
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _service_queues() -> dict[str, int]:
    """Service queues by code and by prefix (bookings are for services, not pickups)."""
    found: dict[str, int] = {}
    for qid, code, prefix in rows(Queue.select(Queue.id, Queue.code, Queue.prefix)
                                         .where(Queue.kind == "service")):
        found[str(code).lower()] = qid
        found[str(prefix).upper()] = qid
    return found


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [what for what in ("name", "queue", "slot_at")
            if (clock.as_datetime(old[what]) if what == "slot_at" else old[what]) != new[what]]


_WHAT: Final = {"name": "nama/name", "queue": "layanan/service", "slot_at": "jam/time"}


def import_bookings(data: bytes, *, officer: int, source: str = "",
                    dry_run: bool = False) -> BookingImport:
    """Check the whole list, then add its new bookings in one transaction (or, with
    ``dry_run``, say what would be added). ``officer`` must be allowed
    ``booking_import``. Raises :class:`ImportRejected` naming every bad line."""
    read(lambda: permissions.require(officer, "booking_import"))
    rows, bad_lines, table = parse_bookings(data)

    def work() -> BookingImport:
        permissions.require(officer, "booking_import")
        tz_name = get_settings().timezone
        queues = _service_queues()
        now = clock.utcnow()
        existing: dict[str, dict[str, Any]] = {}
        codes = sorted({r.code for r in rows})
        for start in range(0, len(codes), 500):
            for found in cast(list[dict[str, Any]], list(
                    Booking.select(Booking.code, Booking.name, Booking.queue, Booking.slot_at)
                    .where(Booking.code.in_(codes[start:start + 500])).dicts())):
                existing[found["code"]] = found
        problems = list(bad_lines)  # every bad line at once, the file's and the office's
        new: dict[str, tuple[int, dict[str, Any]]] = {}
        unchanged = 0
        for row in rows:
            queue = queues.get(row.service.strip().lower()) or queues.get(
                row.service.strip().upper())
            if queue is None:
                problems.append(ImportProblem(row.line, "booking_bad_service",
                                              {"value": row.service}))
                continue
            values = {"name": row.name, "queue": queue,
                      "slot_at": _slot_utc(row.day, row.time, tz_name)}
            seen = existing.get(row.code) or (new[row.code][1] if row.code in new else None)
            if seen is not None:
                differ = _differences(seen, values)
                if differ:
                    what = ", ".join(_WHAT[d] for d in differ)
                    problems.append(
                        ImportProblem(row.line, "booking_duplicate",
                                      {"value": row.code, "first": new[row.code][0],
                                       "what": what}) if row.code in new else
                        ImportProblem(row.line, "booking_conflict",
                                      {"value": row.code, "what": what}))
                else:
                    unchanged += 1
                continue
            new[row.code] = (row.line, {**values, "service_day": row.day})
        if problems:
            raise ImportRejected(sorted(problems, key=lambda p: p.line))
        result = BookingImport(rows=len(rows), created=len(new), unchanged=unchanged,
                               encoding=table.encoding, delimiter=table.delimiter,
                               ignored_columns=table.ignored_columns)
        if dry_run or not new:
            return result
        inserts = [{"code": code, **values, "imported_at": now}
                   for code, (_line, values) in new.items()]
        for start in range(0, len(inserts), 200):
            Booking.insert_many(inserts[start:start + 200]).execute()
        feed.emit_event("bookings_imported", created=result.created)
        record("bookings_imported", officer=officer, subject=source[-100:],
               details={"rows": result.rows, "created": result.created,
                        "unchanged": result.unchanged})
        return result

    if dry_run:
        return read(work)
    try:
        return run_in_transaction(work)
    except pw.IntegrityError:
        # Another import added some of the same codes meanwhile: compare again.
        return run_in_transaction(work)


# --- checking in -----------------------------------------------------------------------


@dataclass(frozen=True)
class BookingCheckIn:
    ticket: engine.TicketView
    code: str
    slot_local: str  # "09:30"
    created: bool  # False: the booking was checked in before; this is its ticket


def _hhmm(at_utc: dt.datetime, tz_name: str) -> str:
    return clock.local_time(at_utc, tz_name).strftime("%H:%M")


def normalise_code(raw: str | bytes) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return "".join(text.split()).upper()


def is_booking(raw: str | bytes) -> bool:
    """Whether a scan or a typed code is a booking's code (a read)."""
    code = normalise_code(raw)
    if not _CODE.fullmatch(code):
        return False
    return read(lambda: Booking.select().where(Booking.code == code).exists())


def _locked_booking(code: str) -> Booking:
    query = Booking.select().where(Booking.code == code)
    if backend_of(database) != "sqlite":  # SQLite: the write transaction is the lock
        query = query.for_update()
    found = query.first()
    if found is None:
        raise NotFound("booking_unknown", booking=code)
    return found


def _check_window(booking: Booking, now: dt.datetime, today: dt.date) -> None:
    """Refuse a check-in on another day, or too far from the slot."""
    office = get_settings()
    slot = clock.as_datetime(booking.slot_at)
    day = clock.as_date(booking.service_day)
    slot_text = _hhmm(slot, office.timezone)
    if day is not None and day > today:
        raise Refused("booking_other_day", booking=booking.code, slot=slot_text,
                      day=day.strftime("%d/%m/%Y"))
    early = slot - dt.timedelta(minutes=office.booking_early_min)
    if day is not None and day == today and now < early:
        raise Refused("booking_too_early", booking=booking.code, slot=slot_text,
                      early=office.booking_early_min, back=_hhmm(early, office.timezone))
    if now > slot + dt.timedelta(minutes=office.booking_late_min) or (
            day is not None and day < today):
        raise Refused("booking_too_late", booking=booking.code, slot=slot_text,
                      late=office.booking_late_min)


def check_in_in_transaction(raw: str | bytes) -> BookingCheckIn:
    """The work of a check-in, inside the caller's write transaction."""
    code = normalise_code(raw)
    if not _CODE.fullmatch(code):
        raise NotFound("booking_unknown", booking=code[:32])
    booking = _locked_booking(code)
    tz_name = get_settings().timezone
    slot = clock.as_datetime(booking.slot_at)
    if booking.ticket_id is not None:  # checked in before: the same ticket
        ticket = engine.ticket_view(Ticket.get_by_id(booking.ticket_id))
        return BookingCheckIn(ticket, code, _hhmm(slot, tz_name), False)
    now = clock.utcnow()
    _check_window(booking, now, office_today())
    queue_code = Queue.select(Queue.code).where(Queue.id == booking.queue_id).scalar()
    ticket = engine.issue_in_transaction(str(queue_code), slot=slot)
    claimed = (Booking.update(ticket=ticket.id, checked_in_at=now)
               .where((Booking.id == booking.id) & Booking.ticket.is_null()).execute())
    if claimed != 1:  # cannot happen under the lock; never hand out two numbers
        raise Refused("booking_unknown", booking=code)
    record("booking_checked_in", subject=code,
           details={"booking": booking.id, "ticket": ticket.id, "number": ticket.number})
    return BookingCheckIn(ticket, code, _hhmm(slot, tz_name), True)


def check_in(raw: str | bytes) -> BookingCheckIn:
    """Check a booking in (one transaction). See :mod:`app.queue.kiosk` for the kiosk's
    exactly-once path with a request id."""
    return run_in_transaction(lambda: check_in_in_transaction(raw))


# --- the day's list, punctuality -------------------------------------------------------


def punctuality(slot_at: dt.datetime, checked_in_at: dt.datetime) -> str:
    """``on_time``, ``early`` or ``late``: a check-in against its slot."""
    if checked_in_at < slot_at - ON_TIME_BEFORE:
        return "early"
    if checked_in_at > slot_at + ON_TIME_AFTER:
        return "late"
    return "on_time"


def day_list(day: dt.date | None = None, *, by: int) -> list[BookingView]:
    """The bookings of an office day (default today) in slot order, each with its state
    (``by`` must be allowed ``booking_view``: the list holds names)."""

    def work() -> list[BookingView]:
        permissions.require(by, "booking_view")
        office = get_settings()
        when = day or office_today()
        now = clock.utcnow()
        found = rows(Booking.select(Booking.code, Booking.name, Queue.code, Queue.prefix,
                               Booking.service_day, Booking.slot_at, Booking.checked_in_at,
                               Ticket.number, Ticket.status)
                .join(Queue, on=(Booking.queue == Queue.id))
                .switch(Booking)
                .join(Ticket, pw.JOIN.LEFT_OUTER, on=(Booking.ticket == Ticket.id))
                .where(Booking.service_day == when)
                .order_by(Booking.slot_at, Booking.code))
        shown = []
        for code, name, queue, prefix, service_day, slot_at, checked, number, status in found:
            slot = clock.as_datetime(slot_at)
            at = clock.as_datetime(checked) if checked is not None else None
            if at is not None:
                state = CHECKED_IN
            elif now > slot + dt.timedelta(minutes=office.booking_late_min):
                state = MISSED
            else:
                state = EXPECTED
            shown.append(BookingView(
                code=code, name=name, queue=queue, prefix=prefix,
                service_day=str(clock.as_date(service_day)),
                slot_local=_hhmm(slot, office.timezone), state=state, ticket=number,
                ticket_status=status,
                checked_in_local=_hhmm(at, office.timezone) if at is not None else None,
                punctuality=punctuality(slot, at) if at is not None else None))
        return shown

    return read(work)


def slot_text(booked_slot: str | None) -> str | None:
    """A ticket's booked slot (ISO, naive UTC) as the office's ``HH:MM``."""
    if booked_slot is None:
        return None
    return _hhmm(dt.datetime.fromisoformat(booked_slot), get_settings().timezone)
