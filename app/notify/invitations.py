"""The day a "your passport is ready" message invites its holder to come.

When printing comes back after an outage, a whole week's passports become ready at once.
Telling all their holders "your passport is ready, pickup Monday to Friday" brings
them all on Monday. With ``pickup_invite_per_day`` set, each ``passport_ready``
message names one pickup day instead, and no day gets more invitations than that:
the backlog is spread over the coming pickup days.

Which days. The days the passport's pickup queue is open by the office's day profiles
(a Saturday opened for pickups counts, a holiday closed by date does not), starting
tomorrow (a message is not a summons for the same day); an office without day
profiles has not said its week, so Monday to Friday. Never after the passport's
collect-by date: a holder whose passport would have no free day before it is invited
on none, and the message says only the pickup days as before. At most
:data:`HORIZON_DAYS` ahead.

Who first. The passports in the order the import gives them (the list's order), each
on the earliest day that still has room; a later import fills the days after what is
already promised. Each day's count is every ``passport_ready`` message naming it, sent
or not, collected or not: an invitation once made is a promise to that day.

Two imports at the same moment each count the days before the other commits, so a
day may take both imports' invitations beyond the limit; imports are a supervisor's
act, one at a time in practice, and the limit is a plan rather than a lock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

import peewee as pw

from app import clock
from app.messages import render
from app.messages.formats import date_text
from app.notify.texts import queue_id_of
from app.office import days
from app.office.settings import OfficeSettings, get_settings
from app.storage.models import COLLECTED, DayProfile, Notification, PickupRecord
from app.storage.transactions import read, rows

HORIZON_DAYS: Final = 60  # how far ahead a day may be named
_WORKING_WEEK: Final = range(5)  # Monday to Friday, when the office has no day profiles
KIND: Final = "passport_ready"


def pickup_days(queue_ref: str, first: dt.date, last: dt.date) -> list[dt.date]:
    """The days from ``first`` to ``last`` on which the pickup queue ``queue_ref`` is
    open (see the module)."""
    span = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    if not DayProfile.select().exists():
        return [day for day in span if day.weekday() in _WORKING_WEEK]
    queue_id = queue_id_of(queue_ref)
    return [day for day in span
            if queue_id is None or days.plan_for(day).queue_open(queue_id)]


def promised(first: dt.date) -> dict[dt.date, int]:
    """Invitations already made for each day from ``first`` on."""
    query = (Notification.select(Notification.invited_for, pw.fn.COUNT(Notification.id))
             .where((Notification.kind == KIND) & (Notification.invited_for >= first))
             .group_by(Notification.invited_for))
    return {clock.as_day(day): int(count) for day, count in rows(query)}


class Planner:
    """Hands out invitation days for one write of ``passport_ready`` messages."""

    def __init__(self, office: OfficeSettings, today: dt.date) -> None:
        self._limit = office.pickup_invite_per_day
        self._first = today + dt.timedelta(days=1)
        self._last = today + dt.timedelta(days=HORIZON_DAYS)
        self._office = office
        self._counts = promised(self._first) if self._limit > 0 else {}
        self._days: dict[str, list[dt.date]] = {}  # by queue
        self._start: dict[str, int] = {}  # by queue: the first of its days with room

    def day_for(self, queue_ref: str, collect_by: dt.date | None) -> dt.date | None:
        """The earliest open day with room on or before ``collect_by``, counted as taken;
        None when invitations are off or no such day is left."""
        if self._limit <= 0:
            return None
        if queue_ref not in self._days:
            self._days[queue_ref] = pickup_days(queue_ref, self._first, self._last)
            self._start[queue_ref] = 0
        open_days = self._days[queue_ref]
        index = self._start[queue_ref]
        while index < len(open_days) and self._counts.get(open_days[index], 0) >= self._limit:
            index += 1
        self._start[queue_ref] = index
        if index == len(open_days):
            return None
        day = open_days[index]
        if collect_by is not None and day > collect_by:
            return None
        self._counts[day] = self._counts.get(day, 0) + 1
        return day


def invite_words(day: dt.date | None, lang: str) -> str:
    """The message's {anjuran}: one sentence naming ``day``, empty without a day."""
    if day is None:
        return ""
    return render("notify_invite_sentence", {"tanggal": day_words(day, lang)}, lang)


def day_words(day: dt.date, lang: str) -> str:
    """``Selasa, 02/07/2024`` / ``Tuesday, 02/07/2024``: an invitation's day."""
    return f"{days.weekday_words(lang)[day.weekday()]}, {date_text(day)}"


def per_day(first: dt.date, last: dt.date) -> list[tuple[dt.date, int, int]]:
    """For each day from ``first`` to ``last`` that has invitations: how many, and how
    many of those holders have collected their passport (on any day)."""

    def work() -> list[tuple[dt.date, int, int]]:
        collected = pw.fn.SUM(pw.Case(None, [(PickupRecord.status == COLLECTED, 1)], 0))
        query = (Notification.select(Notification.invited_for,
                                     pw.fn.COUNT(Notification.id), collected)
                 .join(PickupRecord, on=(Notification.pickup == PickupRecord.id))
                 .where((Notification.kind == KIND)
                        & Notification.invited_for.between(first, last))
                 .group_by(Notification.invited_for))
        return sorted((clock.as_day(day), int(n), int(done or 0))
                      for day, n, done in rows(query))

    return read(work)


@dataclass(frozen=True)
class Outlook:
    """The office's limit and :func:`per_day`'s rows from its service day on: what
    the supervisor is shown (``loket notify invited``, the window's page)."""

    limit: int  # pickup_invite_per_day as stored now; 0: no day is named
    language: str  # the office's language, for a reader that has none of its own
    days: list[tuple[dt.date, int, int]]  # day, invited, collected


def from_today() -> Outlook:
    """Each day's invitations from today (the office's service day) on, up to
    :data:`HORIZON_DAYS` ahead, with the limit read afresh."""
    office = get_settings(fresh=True)
    today = clock.service_day(office.timezone)
    return Outlook(office.pickup_invite_per_day, office.language,
                   per_day(today, today + dt.timedelta(days=HORIZON_DAYS)))
