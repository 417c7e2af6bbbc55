"""M-Paspor bookings against walk-ins, per service day: how many booked, how many came
on time, early or late, and how many never came."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, cast

from peewee import fn

from app import clock, spreadsheet
from app.messages import current_language
from app.messages.cli_words import booking_word
from app.office import permissions
from app.office.reports import check_range
from app.office.settings import get_settings
from app.queue.bookings import punctuality
from app.storage.models import Booking, Queue, Ticket
from app.storage.transactions import read


@dataclass(frozen=True)
class BookingDay:
    """One service day of M-Paspor bookings against walk-ins.

    ``booked`` and ``walk_in`` count the tickets of service queues issued that day (a
    pickup ticket is neither); ``on_time``, ``early`` and ``late`` the bookings checked
    in, by :func:`app.queue.bookings.punctuality`; ``missed`` those never checked in
    and past their check-in window."""

    day: str
    booked: int
    walk_in: int
    on_time: int
    early: int
    late: int
    missed: int


# The figures of a day, in the order of the report's columns (the words are the booking
# words of :mod:`app.messages.cli_words`).
FIGURES: Final = ("booked", "walk_in", "on_time", "early", "late", "missed")


def figures(day: BookingDay) -> list[int]:
    return [getattr(day, name) for name in FIGURES]


def total(days: list[BookingDay]) -> BookingDay:
    """The days added up (``day`` is the first and last day, ``first/last``)."""
    span = f"{days[0].day}/{days[-1].day}" if days else ""
    return BookingDay(span, *(sum(getattr(d, name) for d in days) for name in FIGURES))


def to_csv(days: list[BookingDay], lang: str | None = None) -> bytes:
    """The days as a CSV table, a line a day, in the dialect of the reports' CSV."""
    lang = lang or current_language()
    table: list[list[object]] = [[booking_word(c, lang) for c in ("day", *FIGURES)]]
    table += [[d.day, *figures(d)] for d in days]
    return spreadsheet.to_bytes(table)


def booking_days(start: dt.date, end: dt.date, by: int) -> list[BookingDay]:
    """Booked against walk-in, and punctuality, per service day ``start`` … ``end``
    (every day of the range, quiet ones with zeros), for officer ``by`` (a supervisor).
    Two grouped reads: tickets by day and kind, bookings of the range."""
    check_range(start, end)

    def work() -> list[BookingDay]:
        permissions.require(by, "reports_view")
        office = get_settings()
        now = clock.utcnow()
        late = dt.timedelta(minutes=office.booking_late_min)
        counts: dict[dt.date, dict[str, int]] = {}
        for day, booked, n in cast(list[tuple[Any, Any, int]], list(
                Ticket.select(Ticket.service_day, Ticket.booked, fn.COUNT(Ticket.id))
                .join(Queue, on=(Ticket.queue == Queue.id))
                .where(Ticket.service_day.between(start, end) & (Queue.kind == "service"))
                .group_by(Ticket.service_day, Ticket.booked).tuples())):
            cell = counts.setdefault(clock.as_date(day) or start, {})
            kind = "booked" if booked else "walk_in"
            cell[kind] = cell.get(kind, 0) + int(n)
        for day, slot_at, checked in cast(list[tuple[Any, Any, Any]], list(
                Booking.select(Booking.service_day, Booking.slot_at, Booking.checked_in_at)
                .where(Booking.service_day.between(start, end)).tuples())):
            slot = clock.as_datetime(slot_at)
            if checked is not None:
                kind = punctuality(slot, clock.as_datetime(checked))
            elif now > slot + late:
                kind = "missed"
            else:
                continue  # still expected
            cell = counts.setdefault(clock.as_date(day) or start, {})
            cell[kind] = cell.get(kind, 0) + 1
        days = []
        day = start
        while day <= end:
            cell = counts.get(day, {})
            days.append(BookingDay(day.isoformat(), *(cell.get(k, 0) for k in (
                "booked", "walk_in", "on_time", "early", "late", "missed"))))
            day += dt.timedelta(days=1)
        return days

    return read(work)
