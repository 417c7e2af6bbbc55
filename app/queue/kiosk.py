"""The ticket kiosk's rules: what it offers, and the ticket it hands out.

The kiosk shows one button per active service queue with its waiting count and
whether today's quota is used up (:func:`board`, one query), issues a number in
one transaction that also tells how many wait ahead (:func:`take_ticket`), and
checks a passport pickup slip in (:func:`check_in`).

Pickup queues are joined only by a slip's check-in, never by a button: the
passport must be ready and linked to the ticket. What a kiosk shows or prints
is read by anyone in the hall, so nothing here carries a name or a passport
number; a refusal that would name the collector of a passport is replaced by
one that does not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any, cast

import peewee as pw

from app import clock, codes
from app.errors import Refused
from app.notify import near
from app.office import days
from app.office.settings import get_settings, office_today, signing_keys
from app.pickup import service as pickup
from app.queue import bookings, engine, waits
from app.storage import json_text, transactions
from app.storage.models import WAITING, DailySequence, Queue, RequestLog, Ticket
from app.storage.transactions import read, run_in_transaction

SERVICE = near.SERVICE
PICKUP = near.PICKUP
TOO_LATE = "kiosk_answer_too_late"  # the reason a withdrawn tap's ticket is voided
_ISSUES = ("kiosk_issue", "kiosk_check_in")


@dataclass(frozen=True)
class KioskService:
    """One queue as the kiosk shows it."""

    code: str
    prefix: str
    name_id: str
    name_en: str
    kind: str
    waiting: int
    issued_today: int
    daily_quota: int | None

    @property
    def full(self) -> bool:
        """Today's quota is used up: the button is shown disabled."""
        return self.daily_quota is not None and self.issued_today >= self.daily_quota

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id


@dataclass(frozen=True)
class KioskBoard:
    """The start screen: the office, its service queues, and the pickup queues."""

    office_name: str
    service_day: str
    services: list[KioskService]
    pickups: list[KioskService]
    # The day's profile ("default" on a normal day), and whether numbers are issued now:
    # outside its hours, or with no queue open today, the kiosk says when it opens next.
    profile: str = "default"
    issuing: bool = True
    next_opening: str | None = None  # office local time, ISO, when not issuing
    # The office's priority pickup queue is open today: the pickup screen offers it.
    priority_pickup: bool = False

    @property
    def pickup_open(self) -> bool:
        return bool(self.pickups)

    @property
    def pickup_waiting(self) -> int:
        return sum(q.waiting for q in self.pickups)


@dataclass(frozen=True)
class KioskTicket:
    """What a printed ticket shows: plain values, no personal data; and, for the
    screen only, the turn-near offer (``near_places``, ``near_phone_ending``)."""

    id: int
    number: str
    queue: str
    prefix: str
    name_id: str
    name_en: str
    kind: str
    ahead: int  # tickets waiting in the same queue that will be called first
    issued_at: str  # ISO, naive UTC
    issued_local: str  # "01/07/2024 10:05" in the office's zone
    service_day: str
    code: str  # the signed ticket code (``LK1.T.<id>.<mac>``) the QR carries
    office_name: str
    notice: str  # the office's own notice, "" for the standard one
    again: bool = False  # a pickup check-in that returned today's open ticket again
    # The wait in whole minutes, [low, high] (see app.queue.waits); None: not enough
    # history, or no counter open for the queue.
    estimate_min: tuple[int, int] | None = None
    # A booking checked in: its slot, office time ("09:30"); None for a walk-in.
    booking_slot: str | None = None
    # The turn-near notice the kiosk offers for it (app.notify.near): told when this
    # many tickets or fewer are before it, 0: not offered; for a pickup, the last 4
    # digits of the passport's mobile number it is asked about. Read afresh with every
    # answer, never stored with the request id (:func:`_kept`, :func:`_again`).
    near_places: int = 0
    near_phone_ending: str = ""

    @property
    def pickup(self) -> bool:
        return self.kind == PICKUP

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KioskTicket:
        estimate = data.get("estimate_min")  # a JSON list once stored
        return cls(**{**data, "estimate_min": tuple(estimate) if estimate else None})


_OFFER_FIELDS = ("near_places", "near_phone_ending")


def _offered(ticket: KioskTicket) -> KioskTicket:
    """``ticket`` with the turn-near offer that applies to it now (one query for a
    pickup, none otherwise)."""
    offer = near.offer_for(ticket.id, ticket.kind, ticket.ahead, ticket.again)
    return replace(ticket, near_places=offer.places, near_phone_ending=offer.phone_ending)


def _kept(ticket: KioskTicket) -> dict[str, Any]:
    """What the request log keeps of an answer: not the offer (digits of a phone)."""
    return {k: v for k, v in ticket.to_dict().items() if k not in _OFFER_FIELDS}


def _again(data: dict[str, Any]) -> KioskTicket:
    """A repeated request's answer, with the offer as it is now."""
    return _offered(KioskTicket.from_dict(data))


def _answer(operation: str, request_id: str | None,
            work: Callable[[], KioskTicket]) -> KioskTicket:
    """``work`` once per request id (:func:`app.storage.transactions.idempotent`), its
    ticket with the turn-near offer."""
    return transactions.idempotent(operation, request_id, lambda: _offered(work()), _kept,
                                   _again)


def _tuples(query: pw.BaseQuery) -> list[tuple[Any, ...]]:
    """A query's rows as plain tuples (peewee's type hints do not know ``tuples()``)."""
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def _int(value: Any) -> int:
    return int(value or 0)


def board() -> KioskBoard:
    """Every queue open today (the day's profile) with today's waiting count and numbers
    issued, in one query; and whether numbers are issued now, or when next.

    Numbers issued come from the day's sequence row: a refused issue (full quota)
    rolls its increment back, so the row counts exactly the tickets issued.
    """
    office = get_settings()

    def work() -> KioskBoard:
        today = office_today()
        plan = days.plan_for(today)
        waiting = (Ticket.select(pw.fn.COUNT(Ticket.id))
                   .where((Ticket.service_queue == Queue.id) & (Ticket.service_day == today)
                          & (Ticket.status == WAITING)))
        issued = (DailySequence.select(DailySequence.last)
                  .where((DailySequence.queue == Queue.id)
                         & (DailySequence.service_day == today)))
        rows = (Queue.select(Queue.id, Queue.code, Queue.prefix, Queue.name_id,
                             Queue.name_en, Queue.kind, Queue.daily_quota,
                             waiting.alias("waiting"), issued.alias("issued"))
                .where(Queue.active == True)  # noqa: E712 (peewee builds SQL from ==)
                .order_by(Queue.prefix))
        queues = [KioskService(code=code, prefix=prefix, name_id=name_id, name_en=name_en,
                               kind=kind, waiting=_int(n), issued_today=_int(last),
                               daily_quota=quota)
                  for qid, code, prefix, name_id, name_en, kind, quota, n, last
                  in _tuples(rows) if plan.queue_open(qid)]
        priority_ref = office.priority_pickup_queue.strip()
        priority_open = bool(priority_ref) and any(
            q.kind == PICKUP and (q.code == priority_ref.lower()
                                  or q.prefix == priority_ref.upper()) for q in queues)
        now = days.local_now()
        issuing = bool(queues) and plan.hours_state(now) is None
        opening = None if issuing else days.next_opening(now)
        return KioskBoard(office_name=office.office_name, service_day=today.isoformat(),
                          services=[q for q in queues if q.kind == SERVICE],
                          pickups=[q for q in queues if q.kind == PICKUP],
                          profile=plan.profile, issuing=issuing,
                          priority_pickup=priority_open,
                          next_opening=opening.isoformat(timespec="minutes")
                          if opening else None)

    return read(work)


def _local_text(issued_at: str, tz_name: str) -> str:
    at = clock.local_time(dt.datetime.fromisoformat(issued_at), tz_name)
    return at.strftime("%d/%m/%Y %H:%M")


def _describe(view: engine.TicketView, again: bool = False,
              booking_slot: str | None = None) -> KioskTicket:
    """The printable ticket for ``view``: names and how many wait ahead (one query),
    and how long that is likely to take (:mod:`app.queue.waits`)."""
    line_at = dt.datetime.fromisoformat(view.booked_slot or view.issued_at)
    day = dt.date.fromisoformat(view.service_day)
    ahead = waits.ahead_query(view.id, line_at, day, Queue.id)
    queue_id, prefix, name_id, name_en, kind, n = _tuples(
        Queue.select(Queue.id, Queue.prefix, Queue.name_id, Queue.name_en, Queue.kind, ahead)
        .where(Queue.code == view.service_queue))[0]
    told = waits.told(queue_id, _int(n), day)
    office = get_settings()
    return KioskTicket(
        id=view.id, number=view.number, queue=view.service_queue, prefix=prefix,
        name_id=name_id, name_en=name_en, kind=kind, ahead=told.ahead,
        estimate_min=told.estimate_min,
        issued_at=view.issued_at, issued_local=_local_text(view.issued_at, office.timezone),
        service_day=view.service_day,
        code=codes.sign(codes.TICKET, view.id, signing_keys()[0]),
        office_name=office.office_name, notice=office.notice_text.strip(), again=again,
        booking_slot=booking_slot)


def take_ticket(queue_ref: str, request_id: str | None = None) -> KioskTicket:
    """Take the next number of a service queue, in one transaction.

    The same ``request_id`` (a retried or doubled tap) returns the first ticket.
    Refused: the queue is closed, its quota is used up, or it is a pickup queue
    (joined by scanning the pickup slip).
    """

    def work() -> KioskTicket:
        kind, prefix = (Queue.select(Queue.kind, Queue.prefix)
                        .where((Queue.code == queue_ref.strip().lower())
                               | (Queue.prefix == queue_ref.strip().upper()))
                        .tuples().first() or (None, None))
        if kind == PICKUP:
            raise Refused("kiosk_pickup_needs_slip", queue=prefix)
        return _describe(engine.issue_in_transaction(queue_ref))

    return _answer("kiosk_issue", request_id, work)


def check_in(raw: str | bytes, request_id: str | None = None, *,
             priority: bool = False) -> KioskTicket:
    """Join the pickup queue with a slip's QR or an application number; ``priority``:
    the office's priority pickup queue (see :func:`app.pickup.service.check_in`).

    A passport not ready, overdue, cancelled or already collected is refused with
    the core's reason; the already-collected one without the names in it.
    """

    def work() -> KioskTicket:
        # One transaction from the checks to the printable ticket: a reply lost on the
        # way leaves either nothing or a ticket the same request id returns.
        result = pickup.check_in(raw, priority=priority)
        return _describe(result.ticket, again=not result.created)

    try:
        return _answer("kiosk_check_in", request_id, work)
    except Refused as exc:
        if exc.code == "pickup_already_collected":
            params = exc.params
            raise Refused("kiosk_pickup_collected", application_no=params["application_no"],
                          when=params["when"], counter=params["counter"]) from exc
        raise


def check_in_booking(raw: str | bytes, request_id: str | None = None) -> KioskTicket:
    """Check an M-Paspor booking in by its code: its ticket, placed in line at its slot.
    A second check-in (or a retried tap) returns the same ticket; too early or too late,
    the refusal says what to do (:mod:`app.queue.bookings`)."""

    def work() -> KioskTicket:
        result = bookings.check_in_in_transaction(raw)
        return _describe(result.ticket, again=not result.created,
                         booking_slot=result.slot_local)

    return _answer("kiosk_booking", request_id, work)


def check_in_scanned(raw: str | bytes, request_id: str | None = None, *,
                     priority: bool = False) -> KioskTicket:
    """A scan at the kiosk: a booking's code checks the booking in; anything else is a
    pickup slip (or an application number), on the priority route when ``priority``."""
    if bookings.is_booking(raw):
        return check_in_booking(raw, request_id)
    return check_in(raw, request_id, priority=priority)


def cancel_unprinted(ticket_id: int, request_id: str | None = None) -> engine.TicketView:
    """Void a ticket the kiosk could not print, so no ghost number waits in the queue."""
    return engine.cancel(ticket_id, reason="kiosk_print_failed", request_id=request_id)


def withdraw_tap(tap_request_id: str) -> engine.TicketView | None:
    """A tap whose applicant was told to tap again (its answer came too late, or never):
    whatever it issued must not wait in the queue. The voided ticket, if any.

    If the tap issued a ticket, it is cancelled once (the request id derived from the
    tap's makes a retry of this return the first answer), unless a counter already
    called it, or it was a pickup ticket issued by an earlier check-in. If the tap
    issued nothing yet, its id is claimed, so a commit still on its way is refused
    instead of issuing a number nobody holds.
    """

    def claim() -> tuple[str, dict[str, Any]] | None:
        prior = RequestLog.get_or_none(RequestLog.request_id == tap_request_id)
        if prior is None:
            RequestLog.insert(request_id=tap_request_id, operation="kiosk_withdrawn",
                              result="{}", created_at=clock.utcnow()).execute()
            return None
        return str(prior.operation), json_text.loads(prior.result)

    try:
        found = run_in_transaction(claim)
    except pw.IntegrityError:
        found = read(claim)  # the tap's own commit came first: the row is there now
    if found is None or found[0] not in _ISSUES or found[1].get("again"):
        return None
    try:
        return engine.cancel(int(found[1]["id"]), reason=TOO_LATE, waiting_only=True,
                             request_id=f"{tap_request_id}.withdrawn")
    except Refused:
        return None  # already called, finished or cancelled: nothing waits for nobody
