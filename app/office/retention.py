"""Erasing personal data when its retention period ends (UU PDP 27/2022).

A passport that was collected or cancelled more than ``retention_days`` ago keeps
everything the office's statistics need — status, dates, counter, officer, batch,
who collected it (holder, family, proxy), whether the ID was checked and the scan
verified — but loses what names a person: the holder's name, passport number and
contact, the messages sent to them (:mod:`app.notify`), and the collector's name.
The audit log holds no names (ids and codes only, and the database refuses to change
it, see :mod:`app.storage.guards`): the names and written reasons its entries refer to
are audit notes (:class:`app.storage.models.AuditNote`), erased here with the passport
they concern; a note about no passport (a ticket's cancellation reason) is erased once
it is older than the cutoff, and so are the comments of survey answers
(:mod:`app.office.survey`), change-feed rows and remembered request ids older than it.
An M-Paspor booking whose day is before the cutoff loses its applicant's name (its
code, slot, queue and check-in stay for the reports). A phone left at the kiosk for
a ticket of a day before today goes, with its message (:mod:`app.notify.near`; the
sender erases it too, once its day is over). This PC's handover journal
(:mod:`app.pickup.journal`) forgets its lines older than the cutoff (each PC's journal
forgets after 30 days in any case). The purge writes an audit entry of its own
(``personal_data_purged``: the cutoff and the counts, no names).

A purge is idempotent: a second run finds nothing left to erase.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass
from typing import Any, Final

import peewee as pw

from app import clock, feed
from app.messages.formats import date_text
from app.notify import near, outbox
from app.office import permissions, survey
from app.office.audit import record
from app.office.settings import get_settings
from app.pickup import journal
from app.storage import migrations
from app.storage.db import backend_of
from app.storage.models import CANCELLED, COLLECTED, AuditNote, Booking, PickupRecord
from app.storage.transactions import read, run_in_transaction

# What an erased name reads as (the counter's panel and messages show it as is).
PLACEHOLDER: Final = "(dihapus)"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeResult:
    cutoff: str  # office date: passports collected or cancelled before it are erased
    retention_days: int
    records: int  # pickup records erased (or that a dry run would erase)
    audit_entries: int  # audit notes (names, reasons) erased
    dry_run: bool
    bookings: int = 0  # M-Paspor bookings whose name was erased (or would be)
    survey_comments: int = 0  # survey comments (free text, may name someone) erased
    ticket_contacts: int = 0  # phones left at the kiosk for past days' tickets, erased

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _cutoff(today: dt.date | None) -> tuple[dt.date, dt.datetime, int, dt.date]:
    """(cutoff date, its start as naive UTC, retention days, today)."""
    office = get_settings(fresh=True)
    today = today or clock.service_day(office.timezone)
    day = today - dt.timedelta(days=office.retention_days)
    start = dt.datetime.combine(day, dt.time(0), tzinfo=clock.zone(office.timezone))
    return day, start.astimezone(dt.UTC).replace(tzinfo=None), office.retention_days, today


def _closed_before(cutoff: dt.datetime) -> pw.Expression:
    """Collected, or cancelled, before ``cutoff`` (a cancellation without its own
    time counts from the record's last change)."""
    cancelled_at = pw.fn.COALESCE(PickupRecord.cancelled_at, PickupRecord.updated_at)
    return (((PickupRecord.status == COLLECTED) & (PickupRecord.collected_at < cutoff))
            | ((PickupRecord.status == CANCELLED) & (cancelled_at < cutoff)))


def _still_named() -> pw.Expression:
    return ((PickupRecord.name != PLACEHOLDER) | (PickupRecord.passport_no != "")
            | PickupRecord.contact.is_null(False)
            | (PickupRecord.collector_name.is_null(False)
               & (PickupRecord.collector_name != "")
               & (PickupRecord.collector_name != PLACEHOLDER)))


def _notes_to_erase(cutoff: dt.datetime) -> pw.Expression:
    """Audit notes of passports closed before ``cutoff``, and notes about no passport
    written before it."""
    closed = PickupRecord.select(PickupRecord.id).where(_closed_before(cutoff))
    return ((AuditNote.text != PLACEHOLDER)
            & (AuditNote.pickup.in_(closed)
               | (AuditNote.pickup.is_null() & (AuditNote.at < cutoff))))


def _booking_named_before(day: dt.date) -> pw.Expression:
    """Bookings of office days before ``day`` that still name their applicant."""
    return (Booking.service_day < day) & (Booking.name != PLACEHOLDER)


def purge(by: int, today: dt.date | None = None, dry_run: bool = False) -> PurgeResult:
    """Erase the personal data of passports closed more than ``retention_days`` ago.

    ``by``: the officer asking, who must be an admin (act ``purge``), for a dry run too
    (it counts personal data). ``today``: the
    office date to count from (default: today). A dry run says how much would be
    erased and changes nothing.
    """
    day, cutoff, keep_days, this_day = _cutoff(today)

    def plan() -> tuple[int, int, int, int, int]:
        records = (PickupRecord.select()
                   .where(_closed_before(cutoff) & _still_named()).count())
        return (records, AuditNote.select().where(_notes_to_erase(cutoff)).count(),
                Booking.select().where(_booking_named_before(day)).count(),
                survey.purge_comments_before(cutoff, dry_run=True),
                near.forget_before(this_day, dry_run=True))

    if dry_run:
        def counted() -> tuple[int, int, int, int, int]:
            permissions.require(by, "purge")
            return plan()

        records, notes, bookings, comments, phones = read(counted)
        return PurgeResult(day.isoformat(), keep_days, records, notes, True, bookings,
                           comments, phones)

    def work() -> PurgeResult:
        permissions.require(by, "purge")
        # Notes first: the passports they concern are still "closed and named".
        notes = (AuditNote.update(text=PLACEHOLDER)
                 .where(_notes_to_erase(cutoff)).execute())
        # The messages to the holder: their name and contact go with the passport's.
        outbox.erase_for(PickupRecord.select(PickupRecord.id).where(_closed_before(cutoff)))
        erased = (PickupRecord.update(
            name=PLACEHOLDER, passport_no="", contact=None,
            collector_name=pw.Case(None, [(PickupRecord.collector_name.is_null()
                                           | (PickupRecord.collector_name == ""),
                                           PickupRecord.collector_name)], PLACEHOLDER))
            .where(_closed_before(cutoff) & _still_named()).execute())
        bookings = (Booking.update(name=PLACEHOLDER)
                    .where(_booking_named_before(day)).execute())
        comments = survey.purge_comments_before(cutoff)
        phones = near.forget_before(this_day)
        result = PurgeResult(day.isoformat(), keep_days, int(erased), int(notes), False,
                             int(bookings), comments, phones)
        # The feed and remembered request ids are kept about a day; one older than the
        # cutoff (a PC left off, a feed written before reasons left it) goes now: an
        # event's data or a remembered answer may hold what was erased above.
        feed.prune_before(cutoff)
        migrations.prune_copies(PickupRecord._meta.database)  # old copies hold names too
        record("personal_data_purged", officer=by, subject=f"< {date_text(day)}",
               details={"cutoff": day.isoformat(), "retention_days": keep_days,
                        "records": result.records, "audit_entries": result.audit_entries,
                        "bookings": result.bookings, "survey_comments": comments,
                        "ticket_contacts": phones})
        return result

    result = run_in_transaction(work)
    _forget_old_pages()
    journal.prune(cutoff)  # this PC's own copy of its handovers (collectors' names)
    return result


def _forget_old_pages() -> None:
    """SQLite keeps what an update replaced in free pages and in the write-ahead log
    until they are reused: rebuild the file and empty the log, so the erased names are
    gone from the disk too. (A server keeps its files itself.)"""
    db = PickupRecord._meta.database
    if backend_of(db) != "sqlite":
        return
    try:
        db.execute_sql("VACUUM")
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except pw.OperationalError as exc:  # another PC reading now: the pages age out later
        log.warning("the erased data is still in the file's free pages: %s", exc)
