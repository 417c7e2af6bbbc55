"""Passport pickup: verify a scan, check in to the pickup queue, hand over exactly once.

A handover is one compare-and-set in the database (``ready`` → ``collected``,
only while the collect-by date has not passed), so when two counters scan the
same code at the same moment exactly one update matches and the other is told
when, where and by whom the passport was collected. Handovers and their undoing
(supervisors only, with a written reason) go to the audit log.

What a scan may show depends on who looks: :meth:`PickupView.public` is what a
kiosk or a script may print (no name, no passport number); the counter sees the
whole record to fetch the right passport and check the ID.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, cast

import peewee as pw

from app import clock, codes, feed
from app.errors import InvalidInput, LoketError, NotFound, Refused
from app.messages import COLLECTOR_KIND_WORDS, render
from app.messages.formats import NONE_TEXT, date_text, date_time_text
from app.office import officers, permissions
from app.office.audit import note, record
from app.office.settings import get_settings, office_today, parse_code, signing_keys
from app.pickup import journal
from app.queue import engine, pickup_tickets
from app.storage import transactions
from app.storage.db import backend_of, database
from app.storage.models import (
    CANCELLED,
    COLLECTED,
    COLLECTORS,
    PRINTING,
    READY,
    Counter,
    Officer,
    PickupRecord,
    Ticket,
)
from app.storage.transactions import read, run_in_transaction

if TYPE_CHECKING:
    from app.pickup import slips

SUPERVISOR_ROLES = ("supervisor", "admin")


@dataclass(frozen=True)
class PickupView:
    """A pickup record as callers see it (dates as ISO text, names resolved)."""

    id: int
    application_no: str
    name: str
    passport_no: str
    batch: str
    location: str
    status: str
    ready_date: str | None
    collect_by: str | None
    overdue: bool
    collected_at: str | None
    collected_counter: int | None
    collected_by: str | None  # officer's username
    collected_by_name: str | None  # officer's full name
    collector: str | None
    collector_name: str | None
    id_checked: bool
    verified: bool

    def public(self) -> dict[str, Any]:
        """What may be shown to anyone: no name, passport number or collector."""
        return {"application_no": self.application_no, "batch": self.batch,
                "location": self.location, "status": self.status,
                "ready_date": self.ready_date, "collect_by": self.collect_by,
                "overdue": self.overdue}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PickupCheck:
    """The answer to "what is this scan?" for a pickup; nothing was changed."""

    valid: bool  # a pickup record was found (signed code or bare application number)
    verified: bool  # the scan was a genuine signed code
    status: str | None
    reason: str | None  # why it cannot be handed over now (message id), None if it can
    message: str  # the reason, or the warning, or "" (in the asked language)
    warning: str | None  # "pickup_not_verified" for a bare application number
    record: PickupView | None

    def to_dict(self) -> dict[str, Any]:
        return {"valid": self.valid, "verified": self.verified, "status": self.status,
                "reason": self.reason, "message": self.message, "warning": self.warning,
                "record": self.record.public() if self.record else None}


@dataclass(frozen=True)
class Handover:
    record: PickupView
    ticket: engine.TicketView | None  # the pickup ticket it finished, if the counter held one

    def to_dict(self) -> dict[str, Any]:
        return {"record": self.record.to_dict(),
                "ticket": self.ticket.to_dict() if self.ticket else None}


@dataclass(frozen=True)
class CheckIn:
    ticket: engine.TicketView
    record: PickupView
    created: bool  # False: the record already had an open ticket today, returned again
    verified: bool

    def to_dict(self) -> dict[str, Any]:
        return {"ticket": self.ticket.to_dict(), "record": self.record.public(),
                "created": self.created, "verified": self.verified}


# What a request id remembers of a handover or check-in: ids, not personal data; a
# repeated request reads the record again.


def _dump(result: Handover | CheckIn) -> dict[str, Any]:
    ticket = result.ticket.to_dict() if result.ticket else None
    extra = ({"created": result.created, "verified": result.verified}
             if isinstance(result, CheckIn) else {})
    return {"record": result.record.id, "ticket": ticket, **extra}


def _load_handover(data: dict[str, Any]) -> Handover:
    ticket = data["ticket"]
    return Handover(_view(PickupRecord.get_by_id(data["record"])),
                    engine.TicketView.from_dict(ticket) if ticket else None)


def _load_check_in(data: dict[str, Any]) -> CheckIn:
    return CheckIn(engine.TicketView.from_dict(data["ticket"]),
                   _view(PickupRecord.get_by_id(data["record"])), data["created"],
                   data["verified"])


# --- helpers ---------------------------------------------------------------------


def _tuples(query: pw.BaseQuery) -> list[tuple[Any, ...]]:
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def _date_text(value: dt.date | None) -> str:
    return date_text(value)


def _local_text(at_utc: dt.datetime | None) -> str:
    if at_utc is None:
        return NONE_TEXT
    return date_time_text(clock.local_time(at_utc, get_settings().timezone))


def _is_overdue(rec: PickupRecord, today: dt.date) -> bool:
    return bool(rec.status == READY and rec.collect_by is not None and rec.collect_by < today)


def _handover_people(rec: PickupRecord) -> tuple[Any, ...]:
    """(counter number, officer's username, officer's full name) of a handover."""
    if not (rec.collected_counter_id or rec.collected_officer_id):
        return None, None, None
    row = (PickupRecord.select(Counter.number, Officer.username, Officer.full_name)
           .join(Counter, pw.JOIN.LEFT_OUTER,
                 on=(PickupRecord.collected_counter == Counter.id))
           .switch(PickupRecord)
           .join(Officer, pw.JOIN.LEFT_OUTER,
                 on=(PickupRecord.collected_officer == Officer.id))
           .where(PickupRecord.id == rec.id).tuples().first())
    return tuple(row) if row else (None, None, None)


def _view(rec: PickupRecord, today: dt.date | None = None,
          people: tuple[Any, ...] | None = None) -> PickupView:
    """``people``: the handover's (counter, username, full name) when already read."""
    counter, officer, officer_name = people if people is not None else _handover_people(rec)
    return PickupView(
        id=rec.id, application_no=rec.application_no, name=rec.name,
        passport_no=rec.passport_no, batch=rec.batch, location=rec.location,
        status=rec.status,
        ready_date=rec.ready_date.isoformat() if rec.ready_date else None,
        collect_by=rec.collect_by.isoformat() if rec.collect_by else None,
        overdue=_is_overdue(rec, today or office_today()),
        collected_at=rec.collected_at.isoformat() if rec.collected_at else None,
        collected_counter=counter, collected_by=officer, collected_by_name=officer_name,
        collector=rec.collector,
        collector_name=rec.collector_name, id_checked=bool(rec.id_checked),
        verified=bool(rec.verified))


def _blocker(rec: PickupRecord, view: PickupView) -> Refused | None:
    """Why this passport cannot be handed over (or checked in for) now, if it cannot."""
    number = rec.application_no
    if rec.status == PRINTING:
        if rec.ready_date:
            return Refused("pickup_not_ready", application_no=number,
                           ready_date=_date_text(rec.ready_date))
        return Refused("pickup_not_ready_undated", application_no=number)
    if rec.status == CANCELLED:
        return Refused("pickup_cancelled", application_no=number)
    if rec.status == COLLECTED:
        words = COLLECTOR_KIND_WORDS.get(rec.collector or "self", COLLECTOR_KIND_WORDS["self"])
        return Refused("pickup_already_collected", application_no=number,
                       when=_local_text(rec.collected_at),
                       counter=view.collected_counter or "?",
                       collector_id=words["id"], collector_en=words["en"])
    if view.overdue:
        return Refused("pickup_overdue", application_no=number,
                       collect_by=_date_text(rec.collect_by))
    return None


def classify(raw: str | bytes) -> codes.Scan:
    """What a scan is, checked against this office's keys. Touches no record."""
    return parse_code(raw)


def _record_for(scan: codes.Scan, lock: bool = False) -> PickupRecord:
    """The record a scan names, or the reason there is none."""
    if scan.kind == "invalid":
        raise InvalidInput(scan.reason or codes.NOT_UNDERSTOOD)
    if scan.kind == "ticket":
        raise Refused("scan_is_ticket")
    query = PickupRecord.select()
    if scan.kind == "pickup":
        query = query.where(PickupRecord.id == scan.ident)
    else:
        query = query.where(PickupRecord.application_no == scan.text)
    if lock and backend_of(database) != "sqlite":
        query = query.for_update()
    rec = query.first()
    if rec is None:
        if scan.kind == "pickup":
            raise NotFound("pickup_unknown")
        raise NotFound("pickup_unknown_application", application_no=scan.text)
    return rec


def _officer(ref: str | int | None, *, supervisor: bool = False) -> Officer:
    if ref is None or ref == "":
        raise InvalidInput("handover_needs_officer")
    officer = (Officer.without_hash().where(Officer.id == ref).first() if isinstance(ref, int)
               else officers.get_officer(ref))
    if officer is None or not officer.active:
        raise NotFound("officer_unknown", username=str(ref))
    if supervisor and officer.role not in SUPERVISOR_ROLES:
        raise Refused("needs_supervisor")
    return officer


# --- services ------------------------------------------------------------------------


def code_for(application_no: str) -> str:
    """The signed pickup code of a record (``LK1.P.<id>.<mac>``)."""
    key = signing_keys()[0]

    def work() -> int:
        rec = PickupRecord.get_or_none(
            PickupRecord.application_no == application_no.strip().upper())
        if rec is None:
            raise NotFound("pickup_unknown_application", application_no=application_no)
        return int(rec.id)

    return codes.sign(codes.PICKUP, read(work), key)


def verify(raw: str | bytes, lang: str | None = None) -> PickupCheck:
    """Check a scan for a pickup and say what the counter may do. Changes nothing."""
    scan = classify(raw)

    def work() -> PickupCheck:
        try:
            rec = _record_for(scan)
        except LoketError as exc:
            return PickupCheck(False, False, None, exc.code, exc.message(lang), None, None)
        view = _view(rec)
        blocker = _blocker(rec, view)
        warning = None if scan.signed else "pickup_not_verified"
        message = (blocker.message(lang) if blocker
                   else render(warning, {}, lang) if warning else "")
        return PickupCheck(True, scan.signed, rec.status, blocker.code if blocker else None,
                            message, warning, view)

    return read(work)


def details(raw: str | bytes) -> tuple[PickupView, bool]:
    """For the counter: the whole record a scan names, and whether the scan was signed."""
    scan = classify(raw)
    return read(lambda: _view(_record_for(scan))), scan.signed


@dataclass(frozen=True)
class CounterCheck:
    """What the counter's pickup panel shows for a scan (or a pickup ticket)."""

    record: PickupView
    signed: bool  # the scan was a signed slip code; False: a bare application number
    refusal: LoketError | None  # why it cannot be handed over now, if it cannot
    handover_ref: str  # what to hand to :func:`hand_over` for this record


def _counter_check(rec: PickupRecord, signed: bool, handover_ref: str) -> CounterCheck:
    view = _view(rec)
    return CounterCheck(view, signed, _blocker(rec, view), handover_ref)


def inspect(raw: str | bytes) -> CounterCheck:
    """For the counter: the whole record a scan names, and whether it may leave the shelf."""
    scan = classify(raw)

    def work() -> CounterCheck:
        rec = _record_for(scan)
        return _counter_check(rec, scan.signed,
                              scan.text if scan.kind == "pickup" else rec.application_no)

    return read(work)


def inspect_record(record_id: int, *, verified: bool = False) -> CounterCheck:
    """The panel for a pickup ticket's passport. ``verified``: the ticket was checked in
    with the signed slip, so the handover goes by the signed code too."""

    def work() -> CounterCheck:
        rec = PickupRecord.get_or_none(PickupRecord.id == record_id)
        if rec is None:
            raise NotFound("pickup_unknown")
        signed_code = codes.sign(codes.PICKUP, int(rec.id), signing_keys()[0])
        return _counter_check(rec, verified, signed_code if verified else rec.application_no)

    return read(work)


def hand_over(raw: str | bytes, counter_number: int, officer: str | int | None,
              collector: str, collector_name: str | None = None, id_checked: bool = False,
              request_id: str | None = None) -> Handover:
    """Record that the passport left the shelf: to whom, by whom, where, when. Once.

    The counter's pickup ticket for this passport, if it holds one, is finished in
    the same transaction; a counter holding a ticket for anything else is refused.
    """
    scan = classify(raw)
    collector = (collector or "").strip().lower()
    name = (collector_name or "").strip()
    if collector not in COLLECTORS:
        raise InvalidInput("handover_collector_unknown")
    if collector != "self" and not name:
        raise InvalidInput("handover_name_required")
    if len(name) > 100 or any(ord(ch) < 32 for ch in name):
        raise InvalidInput("handover_name_invalid", max=100)
    if not id_checked:
        raise Refused("handover_id_not_checked")

    def work() -> Handover:
        who = _officer(officer)
        counter = engine.find_counter(counter_number, must_be_active=False)
        rec = _record_for(scan)
        today = office_today()
        blocker = _blocker(rec, _view(rec, today))
        if blocker is not None:
            raise blocker
        busy = pickup_tickets.held_elsewhere(counter, rec.id)
        if busy is not None:
            # The counter serves someone else: handing this passport over here would
            # cancel its own waiting ticket and leave the other one hanging.
            raise Refused("counter_busy", counter=counter.number, number=busy.number)
        now = clock.utcnow()
        changed = (PickupRecord.update(
            status=COLLECTED, collected_at=now, collected_counter=counter.id,
            collected_officer=who.id, collector=collector, collector_name=name or None,
            id_checked=True, verified=scan.signed, updated_at=now)
            .where((PickupRecord.id == rec.id) & (PickupRecord.status == READY)
                   & (PickupRecord.collect_by.is_null() | (PickupRecord.collect_by >= today)))
            .execute())
        if changed != 1:
            # Someone else was first (or the record changed): say what happened instead.
            fresh = PickupRecord.get_by_id(rec.id)
            raise _blocker(fresh, _view(fresh, today)) or Refused("pickup_unknown")
        ticket = passport_left(rec.id, counter)
        record("pickup_handed_over", officer=who, counter=counter_number,
               subject=rec.application_no,
               details={"record": rec.id, "collector": collector,
                        "collector_name_note": note("collector_name", name, pickup=rec.id),
                        "id_checked": True, "verified": scan.signed,
                        "ticket": ticket.number if ticket else None})
        return Handover(_view(PickupRecord.get_by_id(rec.id), today), ticket)

    done = transactions.idempotent("hand_over", request_id, work, _dump, _load_handover)
    # Committed: this PC's journal keeps it, to be replayed into a database restored
    # from an older backup (app.pickup.journal).
    journal.keep(done.record.to_dict())
    return done


def passport_left(record_id: int, counter: Counter | None) -> engine.TicketView | None:
    """Inside the transaction that marked a passport collected: the pickup ticket
    ``counter`` holds for it is finished (returned), tickets still waiting for it are
    cancelled, and the windows are told. Pending reminders need nothing: the sender
    cancels a message whose passport is no longer ready before sending it."""
    ticket = (pickup_tickets.finish_pickup_ticket(record_id, counter)
              if counter is not None else None)
    pickup_tickets.cancel_waiting_pickup_tickets(record_id)
    feed.emit_event("pickup_collected", counter, record=record_id)
    return ticket


def undo_hand_over(raw: str | bytes, officer: str | int | None, reason: str) -> PickupView:
    """Put a handed-over passport back to ``ready`` (a mistake at the counter).

    Supervisors only, with a written reason; the handover it undoes is kept in the
    audit entry.
    """
    scan = classify(raw)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("reason_required")

    def work() -> PickupView:
        who = _officer(officer, supervisor=True)
        rec = _record_for(scan, lock=True)
        if rec.status != COLLECTED:
            raise Refused("pickup_not_collected", application_no=rec.application_no)
        before = _view(rec)
        changed = (PickupRecord.update(
            status=READY, collected_at=None, collected_counter=None, collected_officer=None,
            collector=None, collector_name=None, id_checked=False, verified=False,
            updated_at=clock.utcnow())
            .where((PickupRecord.id == rec.id) & (PickupRecord.status == COLLECTED))
            .execute())
        if changed != 1:
            raise Refused("pickup_not_collected", application_no=rec.application_no)
        feed.emit_event("pickup_reopened", record=rec.id)
        record("pickup_handover_undone", officer=who, subject=rec.application_no,
               details={"record": rec.id,
                        "reason_note": note("reason", reason, pickup=rec.id),
                        # Ids and codes only: the collector's name stays in the
                        # handover's own note, the officer's in the officer table.
                        "undone": {k: v for k, v in before.to_dict().items()
                                   if (k.startswith("collect") and not k.endswith("_name"))
                                   or k in ("id_checked", "verified")}})
        return _view(PickupRecord.get_by_id(rec.id))

    return run_in_transaction(work)


def _mark_verified(ticket_id: int, signed: bool) -> None:
    """The signed slip at check-in travels with the ticket (a later signed check-in of
    the same ticket verifies it; a typed one never unverifies it)."""
    if signed:
        Ticket.update(pickup_verified=True).where(Ticket.id == ticket_id).execute()


def check_in(raw: str | bytes, request_id: str | None = None, *,
             priority: bool = False) -> CheckIn:
    """Join the pickup queue for a passport: a ticket in the backlog queue for a
    backlog batch, in the regular pickup queue otherwise, linked to the record.

    ``priority`` (elderly, disabled, pregnant: UU 25/2009 Pasal 29): the ticket goes to
    the office's ``priority_pickup_queue`` instead, which counters call before the
    other pickup queues (its priority is above theirs); refused when the office has
    none. A priority check-in is audited.

    Checking in twice on a day returns the open ticket already issued.
    """
    scan = classify(raw)

    def work() -> CheckIn:
        settings = get_settings()
        if priority and not settings.priority_pickup_queue:
            raise Refused("pickup_priority_unavailable")
        rec = _record_for(scan, lock=True)
        view = _view(rec)
        blocker = _blocker(rec, view)
        if blocker is not None:
            raise blocker
        existing = pickup_tickets.open_pickup_ticket(rec.id)
        if existing is not None:
            _mark_verified(existing.id, scan.signed)
            return CheckIn(existing, view, False, scan.signed)
        queue = (settings.priority_pickup_queue if priority else
                 settings.backlog_pickup_queue if rec.batch else settings.regular_pickup_queue)
        ticket = engine.issue_in_transaction(queue, pickup=rec.id)
        _mark_verified(ticket.id, scan.signed)
        if priority:
            record("pickup_priority_check_in", subject=rec.application_no,
                   details={"priority": True, "ticket": ticket.number,
                            "queue": ticket.service_queue, "verified": scan.signed})
        return CheckIn(ticket, view, True, scan.signed)

    return transactions.idempotent("check_in", request_id, work, _dump, _load_check_in)


def for_ticket(ticket_id: int) -> PickupView | None:
    """The passport a pickup ticket is for (the counter shows it when calling)."""

    def work() -> PickupView | None:
        rec = (PickupRecord.select().join(Ticket, on=(Ticket.pickup == PickupRecord.id))
               .where(Ticket.id == ticket_id).first())
        return _view(rec) if rec is not None else None

    return read(work)


LOOKUP_MIN = 3  # characters of a search that is not a code
LOOKUP_MAX = 100  # a holder's name is at most this long
LOOKUP_LIMIT = 200  # rows one search may return at most
# A scan that is a Loket code, damaged or not: it names one record or is refused, as at
# the counter; it is never searched for as text.
_CODE_REASONS = frozenset({codes.UNKNOWN_VERSION, codes.UNKNOWN_KIND, codes.DAMAGED,
                           codes.BAD_SIGNATURE})


def _views(query: pw.ModelSelect[PickupRecord], today: dt.date) -> list[PickupView]:
    """Views of the records ``query`` selects, the handover's counter and officer read in
    the same query (one query for any number of rows)."""
    rows = (query.select_extend(Counter.number.alias("handover_counter"),
                                Officer.username.alias("handover_username"),
                                Officer.full_name.alias("handover_officer_name"))
            .join(Counter, pw.JOIN.LEFT_OUTER,
                  on=(PickupRecord.collected_counter == Counter.id))
            .switch(PickupRecord)
            .join(Officer, pw.JOIN.LEFT_OUTER,
                  on=(PickupRecord.collected_officer == Officer.id))
            .objects())
    return [_view(rec, today, people=(getattr(rec, "handover_counter", None),
                                      getattr(rec, "handover_username", None),
                                      getattr(rec, "handover_officer_name", None)))
            for rec in rows]


def find(text: str, by: int, limit: int = 50) -> list[PickupView]:
    """The supervisor's "where is my passport?": the records ``text`` names (whole records).

    ``text`` is a scanned pickup code (it names one record; a forged, damaged or foreign
    code is refused exactly as at the counter), or else searched as an application
    number (exact or its beginning), a passport number (exact, spaces and case ignored)
    and part of the holder's name (case-insensitive; SQLite folds case of ASCII letters
    only), at least :data:`LOOKUP_MIN` characters.

    Order: an exact application or passport number first; then passports still to be
    collected (ready, then printing), collected, cancelled; within each the newest ready
    date first (undated last), then by application number. At most ``limit`` rows.
    Supervisors only. Reads, changes nothing.
    """
    text = (text or "").strip()
    if not text:
        raise InvalidInput("lookup_empty")
    if any(unicodedata.category(ch)[0] == "C" for ch in text):
        raise InvalidInput(codes.CONTROL)
    if len(text) > LOOKUP_MAX:
        raise InvalidInput("lookup_too_long", max=LOOKUP_MAX)
    scan = classify(text)
    is_code = scan.signed or scan.reason in _CODE_REASONS
    if not is_code and len(text) < LOOKUP_MIN:
        raise InvalidInput("lookup_too_short", min=LOOKUP_MIN)
    limit = max(1, min(limit, LOOKUP_LIMIT))
    number, passport = text.upper(), text.upper().replace(" ", "")

    def work() -> list[PickupView]:
        permissions.require(by, "pickup_lookup")
        today = office_today()
        if is_code:
            return [_view(_record_for(scan), today)]
        exact = ((PickupRecord.application_no == number)
                 | (PickupRecord.passport_no == passport))
        matches = (exact | PickupRecord.application_no.startswith(number)
                   | PickupRecord.name.contains(text))
        query = (PickupRecord.select().where(matches)
                 .order_by(pw.Case(None, [(exact, 0)], 1),
                           pw.Case(PickupRecord.status,
                                   [(READY, 0), (PRINTING, 1), (COLLECTED, 2)], 3),
                           pw.Case(None, [(PickupRecord.ready_date.is_null(), 1)], 0),
                           PickupRecord.ready_date.desc(), PickupRecord.application_no)
                 .limit(limit))
        return _views(query, today)

    return read(work)


def local_time(at_utc_iso: str | None) -> str:
    """A stored time of a :class:`PickupView` (UTC, ISO text) as the office's local date and
    time, ``dd/mm/yyyy hh:mm`` ("-" for none), the way the counter's refusals say it."""
    return _local_text(dt.datetime.fromisoformat(at_utc_iso) if at_utc_iso else None)


def records(batch: str | None = None, statuses: Sequence[str] | None = None,
            overdue_only: bool = False) -> list[PickupView]:
    """Records by batch and status, in application-number order."""

    def work() -> list[PickupView]:
        today = office_today()
        query = PickupRecord.select().order_by(PickupRecord.application_no)
        if batch is not None:
            query = query.where(PickupRecord.batch == batch)
        if statuses:
            query = query.where(PickupRecord.status.in_(list(statuses)))
        if overdue_only:
            query = query.where(_overdue_now(today))
        return [_view(rec, today) for rec in query]

    return read(work)


def slips_for(batch: str | None = None,
              statuses: Sequence[str] = (READY,)) -> list[slips.Slip]:
    """Printable slips for the passports of a batch, in application-number order."""
    # Drawing slips needs qrcode and Pillow: loaded only by what prints them.
    from app.pickup import slips

    key = signing_keys()[0]

    def work() -> list[slips.Slip]:
        query = (PickupRecord.select(PickupRecord.id, PickupRecord.application_no,
                                     PickupRecord.batch, PickupRecord.status,
                                     PickupRecord.ready_date, PickupRecord.collect_by)
                 .where(PickupRecord.status.in_(list(statuses)))
                 .order_by(PickupRecord.application_no))
        if batch is not None:
            query = query.where(PickupRecord.batch == batch)
        return [slips.Slip(code=codes.sign(codes.PICKUP, rec.id, key),
                           application_no=rec.application_no, batch=rec.batch,
                           # a printing passport's date is only expected, not printed
                           ready_date=rec.ready_date if rec.status == READY else None,
                           collect_by=rec.collect_by)
                for rec in query]

    return read(work)


def overdue() -> list[PickupView]:
    """Ready passports whose collect-by date has passed."""
    return records(overdue_only=True)


def overdue_count() -> int:
    """How many ready passports are past their collect-by date (what overdue() lists)."""
    return read(lambda: PickupRecord.select().where(_overdue_now(office_today())).count())


def _overdue_now(today: dt.date) -> Any:
    return ((PickupRecord.status == READY) & PickupRecord.collect_by.is_null(False)
            & (PickupRecord.collect_by < today))


def cancel_overdue(officer: str | int | None) -> list[str]:
    """Cancel every overdue passport, as the regulation says (supervisors only; audited).

    Returns the application numbers cancelled.
    """

    def work() -> list[str]:
        who = _officer(officer, supervisor=True)
        today = office_today()
        due = _overdue_now(today)
        query = (PickupRecord.select(PickupRecord.application_no).where(due)
                 .order_by(PickupRecord.application_no))
        if backend_of(database) != "sqlite":
            query = query.for_update()
        numbers = [str(row[0]) for row in _tuples(query)]
        if not numbers:
            return []
        PickupRecord.update(status=CANCELLED, cancelled_at=clock.utcnow(),
                            updated_at=clock.utcnow()).where(due).execute()
        feed.emit_event("pickup_cancelled", count=len(numbers))
        record("pickup_overdue_cancelled", officer=who, subject=f"{len(numbers)} ×",
               details={"application_nos": numbers, "before": today.isoformat()})
        return numbers

    return run_in_transaction(work)


@dataclass(frozen=True)
class BatchProgress:
    """How far a batch is worked down: the numbers behind a burn-down."""

    batch: str
    total: int
    printing: int
    ready: int  # waiting on the shelf, overdue ones included
    overdue: int
    collected: int
    cancelled: int


def batches() -> list[BatchProgress]:
    """Each batch with its passports counted by status ("" is the regular flow)."""

    def work() -> list[BatchProgress]:
        today = office_today()
        late = pw.Case(None, [(((PickupRecord.status == READY)
                                & (PickupRecord.collect_by < today)), 1)], 0)
        query = (PickupRecord.select(PickupRecord.batch, PickupRecord.status,
                                     pw.fn.COUNT(PickupRecord.id), pw.fn.SUM(late))
                 .group_by(PickupRecord.batch, PickupRecord.status)
                 .order_by(PickupRecord.batch))
        counts: dict[str, dict[str, int]] = {}
        for batch, status, count, overdue in _tuples(query):
            row = counts.setdefault(str(batch), {})
            row[str(status)] = int(count)
            row["overdue"] = row.get("overdue", 0) + int(overdue or 0)
        return [BatchProgress(batch=b, total=sum(v for k, v in c.items() if k != "overdue"),
                              printing=c.get(PRINTING, 0), ready=c.get(READY, 0),
                              overdue=c.get("overdue", 0), collected=c.get(COLLECTED, 0),
                              cancelled=c.get(CANCELLED, 0))
                for b, c in counts.items()]

    return read(work)
