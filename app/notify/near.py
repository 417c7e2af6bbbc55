"""``number_near``: a walk-in who left a phone at the kiosk is told when their turn is near.

The kiosk stores the number for that ticket only (:func:`leave_phone`, table
``ticket_contact``), validated like the backlog list's phone column
(:mod:`app.notify.contacts`). Calling a ticket is not slowed down by it: the sender,
at each run, finds in one query the waiting tickets of today with a phone not yet told
whose place in their queue (the tickets before them, as the kiosk counts them:
:func:`app.queue.waits.ahead_query`) is within ``notify_near_places``, and writes one
message for each (:func:`enqueue_number_near`). Exactly once per ticket: the contact
row is locked (``FOR UPDATE SKIP LOCKED``; ``BEGIN IMMEDIATE`` on SQLite) and its
``notified_at`` is set by a compare-and-set in the transaction that writes the message.
A ticket called, finished or gone before its message leaves gets nothing
(:func:`cancel_reason`). The text says the ticket's number and the office, never a name.

The numbers are personal data: once their service day is over they go, with their
messages (:func:`forget_before`: each sender run, and ``loket purge``).
"""

from __future__ import annotations

import datetime as dt
import uuid
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
    Queue,
    Ticket,
    TicketContact,
)
from app.storage.transactions import read, run_in_transaction

NUMBER_NEAR: Final = "number_near"


def offered(office: OfficeSettings) -> int:
    """How near (tickets before) a walk-in is told, when the kiosk offers it at all:
    a text-message gateway is set and the setting is not 0. 0: not offered."""
    return office.notify_near_places if office.notify_url else 0


def phone(text: str) -> str:
    """A mobile number typed at the kiosk in its stored form (+628…), or
    InvalidInput; the same rule as the backlog list's phone column, without e-mail."""
    found = contacts.normalise(text)
    if found is None or contacts.is_email(found):
        raise InvalidInput("notify_phone_bad", value=(text or "")[:40])
    return found


def leave_phone(ticket_id: int, text: str) -> None:
    """Keep ``text`` (a mobile number) to tell ticket ``ticket_id``'s holder when their
    turn is near. Only for a walk-in ticket of a service queue still waiting today, and
    only while the office sends these notices. A second number for the same ticket is
    ignored: the first one stays (a repeated tap after a lost reply changes nothing)."""
    number = phone(text)

    def work() -> None:
        office = get_settings()
        if not offered(office):
            raise Refused("notify_near_off")
        row = (Ticket.select(Ticket.number, Ticket.status, Ticket.service_day, Ticket.booked,
                             Queue.kind)
               .join(Queue, on=(Ticket.service_queue == Queue.id))
               .where(Ticket.id == ticket_id).tuples().first())
        if row is None:
            raise NotFound("ticket_unknown", number=str(ticket_id))
        number_text, status, day, booked, kind = row
        today = clock.service_day(office.timezone)
        if (status != WAITING or clock.as_date(day) != today or booked
                or kind != "service"):
            raise Refused("notify_near_ticket_closed", number=number_text)
        TicketContact.insert(ticket=ticket_id, phone=number,
                             created_at=clock.utcnow()).on_conflict_ignore().execute()

    run_in_transaction(work)


def _due(today: dt.date, places: int) -> list[tuple[Any, ...]]:
    """(contact id, phone, ticket number, tickets before it) of every waiting ticket of
    ``today`` with a phone not yet told, within ``places`` of its turn: one query."""
    near = Ticket.alias("near")
    before = ahead_query(near.id, near.line_at, near.service_day, near.service_queue)
    opted_out = NotifyOptOut.select(NotifyOptOut.contact)
    query = (TicketContact
             .select(TicketContact.id, TicketContact.phone, near.number, before)
             .join(near, on=(TicketContact.ticket == near.id))
             .where((near.service_day == today) & (near.status == WAITING)
                    & TicketContact.notified_at.is_null()
                    & TicketContact.phone.not_in(opted_out)
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
    ticket no longer waits, its phone was erased, or the number opted out."""
    status = (Ticket.select(Ticket.status)
              .join(TicketContact, on=(TicketContact.ticket == Ticket.id))
              .where((TicketContact.notification == message_id)
                     & (TicketContact.phone == to)).scalar())
    if status is None:
        return "contact_changed: "
    if NotifyOptOut.select().where(NotifyOptOut.contact == to).exists():
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
