"""``number_near``: an applicant who left a phone at the kiosk is told when their turn is near.

What the kiosk offers after a ticket (:func:`offer_for`): a walk-in or a checked-in
booking types a number, which is kept for that ticket only (:func:`leave_phone`, table
``ticket_contact``), validated like the backlog list's phone column
(:mod:`app.notify.contacts`); a pickup is asked yes or no for the passport's own mobile
number, shown by its last 4 digits only, and a yes copies it to ``ticket_contact``
inside the database (:func:`use_passport_phone`). Calling a ticket is not slowed down by
it: the sender, at each run, finds in one query the waiting tickets of today with a
phone not yet told whose place in their queue (the tickets before them, as the kiosk
counts them: :func:`app.queue.waits.ahead_query`) is within ``notify_near_places``, and
writes one message for each (:func:`enqueue_number_near`). Exactly once per ticket: the
contact row is locked (``FOR UPDATE SKIP LOCKED``; ``BEGIN IMMEDIATE`` on SQLite) and
its ``notified_at`` is set by a compare-and-set in the transaction that writes the
message. A ticket called, finished or gone before its message leaves gets nothing
(:func:`cancel_reason`), nor does a number that opted out, or a passport that did. The
text says the ticket's number and the office, never a name.

The numbers are personal data: once their service day is over they go, with their
messages (:func:`forget_before`: each sender run, and ``loket purge``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any, Final, cast

import peewee as pw

from app import clock
from app.errors import InvalidInput, NotFound, Refused
from app.notify import contacts
from app.notify.texts import filled
from app.office.settings import OfficeSettings, get_settings
from app.queue.waits import ahead_query
from app.storage.db import backend_of, database
from app.storage.models import (
    NOTIFY_PENDING,
    WAITING,
    Notification,
    NotifyOptOut,
    PickupRecord,
    Queue,
    Ticket,
    TicketContact,
)
from app.storage.transactions import read, run_in_transaction

NUMBER_NEAR: Final = "number_near"
SERVICE: Final = "service"  # a queue's kind: a walk-in's or a booking's ticket
PICKUP: Final = "pickup"
_ENDING: Final = 4  # digits of the passport's number the kiosk shows


def offered(office: OfficeSettings) -> int:
    """How near (tickets before) an applicant is told, when the kiosk offers it at all:
    a text-message gateway is set and the setting is not 0. 0: not offered."""
    return office.notify_near_places if office.notify_url else 0


@dataclass(frozen=True)
class Offer:
    """What the kiosk offers after a ticket: nothing (``places`` 0), a phone to type
    (a walk-in, a booking), or a yes for the passport's number ending ``phone_ending``."""

    places: int = 0  # told when this many tickets or fewer are before it
    phone_ending: str = ""  # a pickup: the last 4 digits of the passport's mobile number


def _passport_phone(ticket_id: int, *columns: Any) -> pw.ModelSelect[PickupRecord]:
    """``columns`` of the passport of pickup ticket ``ticket_id`` when it has a mobile
    number (stored as +628…; an e-mail address is not for this notice) and did not
    opt out."""
    return (PickupRecord.select(*columns)
            .join(Ticket, on=(Ticket.pickup == PickupRecord.id))
            .where((Ticket.id == ticket_id) & PickupRecord.contact.startswith("+628")
                   & (PickupRecord.notify_opt_out == False)))  # noqa: E712 (SQL)


def _phone_ending(ticket_id: int) -> str | None:
    """The last digits of the passport's mobile number, cut in the database: the
    whole number never reaches the kiosk."""
    contact = PickupRecord.contact
    ending = pw.fn.SUBSTR(contact, pw.fn.LENGTH(contact) - (_ENDING - 1))
    found = _passport_phone(ticket_id, ending).scalar()
    return str(found) if found else None


def offer_for(ticket_id: int, kind: str, ahead: int, again: bool) -> Offer:
    """The offer for a ticket just issued (``kind`` its queue's, ``ahead`` tickets
    before it, ``again`` an earlier check-in's ticket returned): only while the office
    sends these notices, and when more than ``notify_near_places`` wait before it
    (else the turn is near already); a pickup only when its passport has a mobile
    number and did not opt out. Inside the caller's transaction."""
    places = offered(get_settings())
    if not places or again or ahead <= places:
        return Offer()
    if kind == SERVICE:
        return Offer(places)
    ending = _phone_ending(ticket_id) if kind == PICKUP else None
    return Offer(places, ending) if ending else Offer()


def phone(text: str) -> str:
    """A mobile number typed at the kiosk in its stored form (+628…), or
    InvalidInput; the same rule as the backlog list's phone column, without e-mail."""
    found = contacts.normalise(text)
    if found is None or contacts.is_email(found):
        raise InvalidInput("notify_phone_bad", value=(text or "")[:40])
    return found


def _waiting_today(ticket_id: int, kind: str) -> str:
    """Ticket ``ticket_id``'s number, when the office sends these notices and it waits
    today in a queue of ``kind``; refused otherwise."""
    office = get_settings()
    if not offered(office):
        raise Refused("notify_near_off")
    row = (Ticket.select(Ticket.number, Ticket.status, Ticket.service_day, Queue.kind)
           .join(Queue, on=(Ticket.service_queue == Queue.id))
           .where(Ticket.id == ticket_id).tuples().first())
    if row is None:
        raise NotFound("ticket_unknown", number=str(ticket_id))
    number, status, day, queue_kind = row
    if (status != WAITING or clock.as_date(day) != clock.service_day(office.timezone)
            or queue_kind != kind):
        raise Refused("notify_near_ticket_closed", number=number)
    return str(number)


def leave_phone(ticket_id: int, text: str) -> None:
    """Keep ``text`` (a mobile number) to tell ticket ``ticket_id``'s holder when their
    turn is near. Only for a ticket of a service queue (a walk-in's, a checked-in
    booking's) still waiting today, and only while the office sends these notices. A
    second number for the same ticket is ignored: the first one stays (a repeated tap
    after a lost reply changes nothing)."""
    number = phone(text)

    def work() -> None:
        _waiting_today(ticket_id, SERVICE)
        TicketContact.insert(ticket=ticket_id, phone=number,
                             created_at=clock.utcnow()).on_conflict_ignore().execute()

    run_in_transaction(work)


def use_passport_phone(ticket_id: int) -> str:
    """The holder of pickup ticket ``ticket_id`` said yes at the kiosk: keep the
    passport's own mobile number for that ticket. It is copied inside the database
    (``INSERT … SELECT``), so the number never reaches the kiosk, which may not read
    ``ticket_contact`` either; what comes back is its last 4 digits, to show. Only for
    a pickup ticket waiting today, while the office sends these notices, when the
    passport has a mobile number and did not opt out. One transaction; a second yes
    changes nothing."""

    def work() -> str:
        number = _waiting_today(ticket_id, PICKUP)
        ending = _phone_ending(ticket_id)
        if ending is None:
            raise Refused("notify_near_no_phone", number=number)
        copied = _passport_phone(ticket_id, Ticket.id, PickupRecord.contact,
                                 pw.Value(clock.utcnow()))
        (TicketContact.insert_from(copied, [TicketContact.ticket, TicketContact.phone,
                                            TicketContact.created_at])
         .on_conflict_ignore().execute())
        return ending

    return run_in_transaction(work)


def _due(today: dt.date, places: int) -> list[tuple[Any, ...]]:
    """(contact id, phone, ticket number, tickets before it) of every waiting ticket of
    ``today`` with a phone not yet told, within ``places`` of its turn: one query."""
    near = Ticket.alias("near")
    before = ahead_query(near.id, near.line_at, near.service_day, near.service_queue)
    opted_out = NotifyOptOut.select(NotifyOptOut.contact)
    passport_opted_out = PickupRecord.select(PickupRecord.id).where(
        PickupRecord.notify_opt_out == True)  # noqa: E712 (a SQL comparison)
    query = (TicketContact
             .select(TicketContact.id, TicketContact.phone, near.number, before)
             .join(near, on=(TicketContact.ticket == near.id))
             .where((near.service_day == today) & (near.status == WAITING)
                    & TicketContact.notified_at.is_null()
                    & TicketContact.phone.not_in(opted_out)
                    & (near.pickup.is_null() | near.pickup.not_in(passport_opted_out))
                    & (before <= places))
             .order_by(TicketContact.id))
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def enqueue_number_near(now: dt.datetime | None = None) -> int:
    """Write the ``number_near`` messages that are due, each ticket's once. Its own
    transaction; how many were written."""

    def work() -> int:
        office = get_settings()
        places = offered(office)
        if not places:
            return 0
        at = now or clock.utcnow()
        due = _due(clock.service_day(office.timezone, at), places)
        if not due:
            return 0
        mine = TicketContact.select(TicketContact.id).where(
            TicketContact.id.in_([row[0] for row in due])
            & TicketContact.notified_at.is_null())
        if backend_of(database) != "sqlite":
            # Only these rows: another sender skips them, the tickets stay unlocked.
            mine = mine.for_update(skip_locked=True)
        locked = {int(row[0]) for row in cast(list[tuple[Any, ...]], list(mine.tuples()))}
        written = 0
        for contact_id, to, number, before in due:
            if contact_id not in locked:
                continue
            message = str(uuid.uuid4())
            told = (TicketContact.update(notified_at=at, notification=message)
                    .where((TicketContact.id == contact_id)
                           & TicketContact.notified_at.is_null()).execute())
            if told != 1:
                continue
            text = filled(NUMBER_NEAR, {"nomor": number, "sisa": str(max(1, int(before)))},
                          office)
            Notification.insert(id=message, kind=NUMBER_NEAR, to=to, text=text,
                                created_at=at, due_at=at, attempts=0, next_attempt_at=at,
                                state=NOTIFY_PENDING).execute()
            written += 1
        return written

    return run_in_transaction(work)


def cancel_reason(message_id: str, to: str) -> str | None:
    """Why a due ``number_near`` message must not go any more, if it must not: its
    ticket no longer waits, its phone was erased, or the number (or the ticket's
    passport) opted out."""
    row = (Ticket.select(Ticket.status, PickupRecord.notify_opt_out)
           .join(TicketContact, on=(TicketContact.ticket == Ticket.id))
           .join_from(Ticket, PickupRecord, pw.JOIN.LEFT_OUTER,
                      on=(Ticket.pickup == PickupRecord.id))
           .where((TicketContact.notification == message_id)
                  & (TicketContact.phone == to)).tuples().first())
    if row is None:
        return "contact_changed: "
    status, passport_opted_out = row
    if passport_opted_out or NotifyOptOut.select().where(NotifyOptOut.contact == to).exists():
        return "opted_out: "
    return None if status == WAITING else "ticket_closed: "


def _before(day: dt.date) -> pw.ModelSelect[TicketContact]:
    return (TicketContact.select(TicketContact.id)
            .join(Ticket, on=(TicketContact.ticket == Ticket.id))
            .where(Ticket.service_day < day))


def forget_before(day: dt.date, dry_run: bool = False) -> int:
    """Erase the phones left for tickets of service days before ``day``, and their
    messages (a message holds the number). Inside the caller's transaction; how many
    phones (``dry_run``: would be)."""
    ids = [int(row[0]) for row in cast(list[tuple[Any, ...]], list(_before(day).tuples()))]
    if dry_run or not ids:
        return len(ids)
    messages = (TicketContact.select(TicketContact.notification)
                .where(TicketContact.id.in_(ids) & TicketContact.notification.is_null(False)))
    Notification.delete().where((Notification.kind == NUMBER_NEAR)
                                & Notification.id.in_(messages)).execute()
    return int(TicketContact.delete().where(TicketContact.id.in_(ids)).execute())


def forget_past_days(now: dt.datetime | None = None) -> int:
    """:func:`forget_before` today, in its own transaction (the sender's run). A read
    first: the sender runs every few seconds and there is seldom anything to erase, so
    the write lock (all of a SQLite file's) is taken only when there is."""
    today = clock.service_day(get_settings().timezone, now or clock.utcnow())
    if not read(lambda: _before(today).exists()):
        return 0
    return run_in_transaction(lambda: forget_before(today))
