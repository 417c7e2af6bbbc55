"""A passport's tickets: what a handover or a kiosk check-in does to the tickets of
one pickup record, inside the caller's transaction."""

from __future__ import annotations

from app import clock, feed
from app.office.settings import office_today
from app.queue.engine import TicketView, _compare_and_set, _finish_changes, view_of
from app.storage.models import (
    CANCELLED,
    HELD_STATUSES,
    OPEN_STATUSES,
    WAITING,
    Counter,
    Ticket,
)


def finish_pickup_ticket(record_id: int, counter: Counter) -> TicketView | None:
    """Inside a handover's transaction: finish the ticket of that passport the counter
    holds, if any, so the officer can call the next one at once."""
    row = (Ticket.select()
           .where((Ticket.pickup == record_id) & (Ticket.counter == counter.id)
                  & Ticket.status.in_(HELD_STATUSES))
           .order_by(Ticket.id.desc()).first())
    if row is None or not _compare_and_set(row, row.status, **_finish_changes(row)):
        return None
    feed.emit("finished", row, counter)
    return view_of(row, counter_numbers={counter.id: counter.number})


def held_elsewhere(counter: Counter, record_id: int) -> TicketView | None:
    """The ticket ``counter`` holds when it is not one for pickup record ``record_id``."""
    row = (Ticket.select()
           .where((Ticket.counter == counter.id) & Ticket.status.in_(HELD_STATUSES)
                  & (Ticket.pickup.is_null() | (Ticket.pickup != record_id)))
           .first())
    return view_of(row, counter_numbers={counter.id: counter.number}) if row else None


def cancel_waiting_pickup_tickets(record_id: int) -> list[TicketView]:
    """Inside a handover's transaction: the passport is gone, so tickets still waiting
    for it must not be called (the holder collected it at another counter)."""
    cancelled = []
    for row in Ticket.select().where((Ticket.pickup == record_id) & (Ticket.status == WAITING)):
        if _compare_and_set(row, WAITING, status=CANCELLED, finished_at=clock.utcnow()):
            feed.emit("cancelled", row, None, reason="pickup_collected")
            cancelled.append(view_of(row))
    return cancelled


def open_pickup_ticket(record_id: int) -> TicketView | None:
    """Today's open ticket for a passport, if one was already issued."""
    row = (Ticket.select()
           .where((Ticket.pickup == record_id) & (Ticket.service_day == office_today())
                  & Ticket.status.in_(OPEN_STATUSES))
           .order_by(Ticket.id.desc()).first())
    return view_of(row) if row is not None else None
