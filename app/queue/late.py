"""Late applicants: a no-show ticket put back in line within the office's grace period.

A ticket keeps its number and joins the waiting line behind everyone already waiting
(its place in line is the moment it is put back: it jumps nobody who waited while it
was away). Kept apart from the engine, whose ticket lookups and state changes it uses.
"""

from __future__ import annotations

import datetime as dt

from app import clock, feed
from app.errors import NotFound, Refused
from app.messages import STATUS_WORDS
from app.office import officers
from app.office.audit import record
from app.office.settings import get_settings, office_today
from app.queue.engine import (
    TicketRef,
    TicketView,
    _compare_and_set,
    _counter_numbers,
    _find_counter,
    _find_ticket,
    _idempotent,
    _iso,
    _refuse_state,
    view_of,
)
from app.storage.models import NO_SHOW, PICKUP_OPEN_STATUSES, WAITING, PickupRecord, Ticket


def requeue_deadline(ticket: Ticket | TicketView, grace_min: int) -> dt.datetime | None:
    """Until when a no-show ticket may be put back in line (naive UTC); None when the
    office turned it off or the ticket has no no-show time."""
    marked = ticket.finished_at
    if isinstance(marked, str):
        marked = dt.datetime.fromisoformat(marked)
    if grace_min <= 0 or marked is None:
        return None
    return marked + dt.timedelta(minutes=grace_min)


def requeue(ref: TicketRef, counter_number: int | None = None, officer: int | None = None,
            request_id: str | None = None) -> TicketView:
    """Put a no-show ticket back in line: the applicant came late, within the office's
    ``requeue_grace_min`` of being marked. It keeps its number and joins the waiting
    line behind everyone already waiting (its place in line is now: it jumps nobody
    who waited while it was away), in the queue it waited in. Audited.

    ``counter_number``: the counter that puts it back (None: the supervisor's path)."""

    def work() -> TicketView:
        officers.require_active(officer)
        counter = _find_counter(counter_number, False) if counter_number is not None else None
        ticket = _find_ticket(ref, lock=True)
        if ticket.service_day != office_today():  # by id: only today's tickets
            raise NotFound("ticket_unknown", number=ticket.number)
        if ticket.status != NO_SHOW:
            words = STATUS_WORDS[ticket.status]
            raise Refused("requeue_not_no_show", number=ticket.number,
                          status_id=words["id"], status_en=words["en"])
        office = get_settings()
        deadline = requeue_deadline(ticket, office.requeue_grace_min)
        if deadline is None:
            raise Refused("requeue_off")
        now = clock.utcnow()
        if now > deadline:
            marked = clock.local_time(deadline - dt.timedelta(minutes=office.requeue_grace_min),
                                      office.timezone)
            raise Refused("requeue_too_late", number=ticket.number,
                          at=marked.strftime("%H:%M"), minutes=office.requeue_grace_min)
        if ticket.pickup_id is not None and not PickupRecord.select().where(
                (PickupRecord.id == ticket.pickup_id)
                & PickupRecord.status.in_(PICKUP_OPEN_STATUSES)).exists():
            raise Refused("requeue_passport_gone", number=ticket.number)
        first_issued, marked_at = ticket.issued_at, ticket.finished_at
        marked_by = _counter_numbers({ticket.counter_id}).get(ticket.counter_id) \
            if ticket.counter_id else None
        if not _compare_and_set(ticket, NO_SHOW, status=WAITING, issued_at=now, line_at=now,
                                counter=None, officer=None, target_counter=None,
                                called_at=None, started_at=None, finished_at=None):
            raise _refuse_state(Ticket.get_by_id(ticket.id), "requeue")
        feed.emit("requeued", ticket, counter)
        record("ticket_requeued", officer=officer,
               counter=counter.number if counter else None, subject=ticket.number,
               details={"ticket": ticket.id, "first_issued_at": _iso(first_issued),
                        "no_show_at": _iso(marked_at), "no_show_counter": marked_by})
        return view_of(ticket)

    return _idempotent("requeue", request_id, work)
