"""The outbox: messages written in the transaction of the event that causes them.

A passport that becomes ready (the backlog import) gets its ``passport_ready`` message
in the import's own transaction, so a message exists exactly when the change it
announces was committed. ``collect_by_soon`` reminders are written by the sender's run
(:func:`enqueue_collect_by_soon`). The unique key (passport, kind) makes each kind at
most one message per passport, whoever writes it and however often.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Final, cast

import peewee as pw

from app import clock
from app.errors import InvalidInput, NotFound, Refused
from app.messages import render
from app.messages.formats import date_time_text
from app.notify import contacts, invitations
from app.notify.texts import Passport, schedule_words, text_for
from app.office import permissions
from app.office.audit import note, record
from app.office.settings import OfficeSettings, get_settings
from app.storage.models import (
    NOTIFY_CANCELLED,
    NOTIFY_FAILED,
    NOTIFY_PENDING,
    READY,
    Notification,
    NotifyOptOut,
    PickupRecord,
)
from app.storage.transactions import read, rows, run_in_transaction

PASSPORT_READY: Final = "passport_ready"
COLLECT_BY_SOON: Final = "collect_by_soon"
_CHUNK: Final = 500

_COLUMNS: Final = (PickupRecord.id, PickupRecord.application_no, PickupRecord.name,
                   PickupRecord.passport_no, PickupRecord.batch, PickupRecord.collect_by,
                   PickupRecord.contact)


def _opted_out(contact_values: Iterable[str]) -> set[str]:
    wanted = sorted(set(contact_values))
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start:start + _CHUNK]
        rows = cast(list[tuple[Any, ...]], list(
            NotifyOptOut.select(NotifyOptOut.contact)
            .where(NotifyOptOut.contact.in_(part)).tuples()))
        found.update(str(row[0]) for row in rows)
    return found


def _write(kind: str, records: list[Any], office: OfficeSettings,
           now: dt.datetime) -> int:
    """Messages of ``kind`` for ``records`` (rows of :data:`_COLUMNS`); a passport that
    already has one keeps it. How many were written."""
    blocked = _opted_out(r.contact for r in records)
    schedules: dict[str, dict[str, str]] = {}
    # A ready message may name the day its holder is invited on (app.notify.invitations);
    # a passport that has its message already is not given a day again.
    planner = (invitations.Planner(office, clock.service_day(office.timezone, now))
               if kind == PASSPORT_READY else None)
    had = _have_message(kind, [r.id for r in records]) if planner is not None else set()
    rows = []
    for rec in records:
        if rec.contact in blocked or rec.id in had:
            continue
        queue = office.backlog_pickup_queue if rec.batch else office.regular_pickup_queue
        if queue not in schedules:
            schedules[queue] = schedule_words(queue, office.language, now, office)
        passport = Passport(rec.name, rec.application_no, rec.batch,
                            clock.as_date(rec.collect_by), rec.passport_no)
        day = planner.day_for(queue, passport.collect_by) if planner is not None else None
        words = {**schedules[queue],
                 "anjuran": invitations.invite_words(day, office.language)}
        rows.append({"id": str(uuid.uuid4()), "kind": kind, "to": rec.contact,
                     "text": text_for(kind, passport, office, words),
                     "created_at": now, "due_at": now, "attempts": 0,
                     "next_attempt_at": now, "state": NOTIFY_PENDING, "pickup": rec.id,
                     "invited_for": day})
    written = 0
    for start in range(0, len(rows), _CHUNK):
        written += int(Notification.insert_many(rows[start:start + _CHUNK])
                       .on_conflict_ignore().as_rowcount().execute() or 0)
    return written


def _have_message(kind: str, pickup_ids: list[int]) -> set[int]:
    """Which of these passports already have a message of ``kind``."""
    found: set[int] = set()
    for start in range(0, len(pickup_ids), _CHUNK):
        part = pickup_ids[start:start + _CHUNK]
        found.update(int(row[0]) for row in rows(
            Notification.select(Notification.pickup)
            .where((Notification.kind == kind) & Notification.pickup.in_(part))))
    return found


def _reachable() -> pw.Expression:
    """Ready, with a contact, not opted out, not past its collect-by date."""
    return ((PickupRecord.status == READY) & PickupRecord.contact.is_null(False)
            & (PickupRecord.notify_opt_out == False)  # noqa: E712 (a SQL comparison)
            )


def enqueue_passport_ready(application_nos: list[str]) -> int:
    """``passport_ready`` for these passports, inside the transaction that made them
    ready (or gave them a contact). Those not ready, without a contact, opted out or
    already past their collect-by date get none. How many were written."""
    if not application_nos:
        return 0
    office = get_settings()
    now = clock.utcnow()
    today = clock.service_day(office.timezone, now)
    written = 0
    for start in range(0, len(application_nos), _CHUNK):
        part = application_nos[start:start + _CHUNK]
        records = list(PickupRecord.select(*_COLUMNS)
                       .where(PickupRecord.application_no.in_(part) & _reachable()
                              & (PickupRecord.collect_by.is_null()
                                 | (PickupRecord.collect_by >= today))))
        written += _write(PASSPORT_READY, records, office, now)
    return written


def enqueue_collect_by_soon(now: dt.datetime | None = None) -> int:
    """Reminders for ready passports whose collect-by date is within
    ``notify_collect_by_days`` (today included); once per passport. Its own
    transaction; how many were written."""

    def work() -> int:
        office = get_settings()
        at = now or clock.utcnow()
        today = clock.service_day(office.timezone, at)
        last = today + dt.timedelta(days=office.notify_collect_by_days)
        already = (Notification.select(Notification.pickup)
                   .where((Notification.kind == COLLECT_BY_SOON)
                          & Notification.pickup.is_null(False)))
        records = list(PickupRecord.select(*_COLUMNS)
                       .where(_reachable() & PickupRecord.collect_by.between(today, last)
                              & PickupRecord.id.not_in(already)))
        return _write(COLLECT_BY_SOON, records, office, at)

    return run_in_transaction(work)


# --- what a person sees and does -------------------------------------------------


@dataclass(frozen=True)
class NotificationView:
    """A message as the list shows it: no passport number (the text has none)."""

    id: str
    kind: str
    to: str
    text: str
    state: str
    attempts: int
    created_at: str
    next_attempt_at: str | None
    sent_at: str | None
    failed_reason: str | None
    why: str  # failed_reason as a sentence
    application_no: str | None
    # The moment a supervisor asks about, in the office's time (ISO, to the minute):
    # when it was sent, when it is tried next, or (failed, cancelled) when it was made.
    when: str = "made"  # sent | retry | made
    local_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def when_text(self, lang: str | None = None) -> str:
        """``terkirim 05/12/2026 14:20``, ``dicoba lagi …``, ``dibuat …``."""
        if not self.local_at:
            return ""
        moment = date_time_text(dt.datetime.fromisoformat(self.local_at))
        return render(f"notify_when_{self.when}", {"time": moment}, lang)


def reason_text(failed_reason: str | None, lang: str | None = None) -> str:
    """``"<code>: <detail>"`` as a sentence in ``lang``."""
    if not failed_reason:
        return ""
    code, _, detail = failed_reason.partition(": ")
    key = f"notify_why_{code}"
    try:
        return render(key, {"detail": detail}, lang)
    except KeyError:
        return failed_reason


def _view(row: Notification, application_no: str | None, lang: str | None,
          zone: str) -> NotificationView:
    if row.sent_at:
        when, moment = "sent", row.sent_at
    elif row.state == NOTIFY_PENDING:
        when, moment = "retry", row.next_attempt_at
    else:
        when, moment = "made", row.created_at
    return NotificationView(
        id=row.id, kind=row.kind, to=row.to, text=row.text, state=row.state,
        attempts=int(row.attempts), created_at=row.created_at.isoformat(),
        next_attempt_at=(row.next_attempt_at.isoformat()
                         if row.state == NOTIFY_PENDING else None),
        sent_at=row.sent_at.isoformat() if row.sent_at else None,
        failed_reason=row.failed_reason, why=reason_text(row.failed_reason, lang),
        application_no=application_no, when=when,
        local_at=clock.local_time(moment, zone).isoformat(timespec="minutes"))


def listing(states: Iterable[str] | None = None, limit: int = 500,
            lang: str | None = None) -> list[NotificationView]:
    """Messages, newest first (failed ones first when all are asked for)."""

    def work() -> list[NotificationView]:
        zone = get_settings().timezone
        query = (Notification.select(Notification, PickupRecord.application_no)
                 .join(PickupRecord, pw.JOIN.LEFT_OUTER,
                       on=(Notification.pickup == PickupRecord.id))
                 .order_by(pw.Case(Notification.state, [(NOTIFY_FAILED, 0)], 1),
                           Notification.created_at.desc(), Notification.id)
                 .limit(limit).objects())
        if states:
            query = query.where(Notification.state.in_(list(states)))
        return [_view(row, getattr(row, "application_no", None), lang, zone)
                for row in query]

    return read(work)


def counts() -> dict[str, int]:
    """How many messages are in each state."""

    def work() -> dict[str, int]:
        rows = cast(list[tuple[Any, ...]], list(
            Notification.select(Notification.state, pw.fn.COUNT(Notification.id))
            .group_by(Notification.state).tuples()))
        return {str(state): int(n) for state, n in rows}

    return read(work)


def retry(officer: int, notification_id: str) -> NotificationView:
    """Send a failed message again, from its first attempt (supervisor; audited). A
    repeated retry is refused: the message is no longer failed."""

    def work() -> NotificationView:
        permissions.require(officer, "notify_manage")
        row = Notification.get_or_none(Notification.id == notification_id)
        if row is None:
            raise NotFound("notify_unknown", id=notification_id)
        now = clock.utcnow()
        changed = (Notification.update(state=NOTIFY_PENDING, attempts=0,
                                       next_attempt_at=now, failed_reason=None)
                   .where((Notification.id == notification_id)
                          & (Notification.state == NOTIFY_FAILED)).execute())
        if changed != 1:
            raise Refused("notify_not_failed", id=notification_id,
                          state=render(f"notify_state_{row.state}", {}))
        record("notification_retried", officer=officer, subject=notification_id,
               details={"notification": notification_id, "kind": row.kind,
                        "record": row.pickup_id})
        return _view(Notification.get_by_id(notification_id), None, None,
                     get_settings().timezone)

    return run_in_transaction(work)


def opt_out(officer: int, contact: str | None = None,
            application_no: str | None = None) -> int:
    """The applicant wants no messages: by contact (every passport with it, now and
    after any later import) or for one passport. Messages still pending are cancelled.
    Supervisor; audited (the contact itself only in a note, erased with the passport).
    How many pending messages were cancelled."""
    normalised = None
    if contact is not None:
        normalised = contacts.normalise(contact)
        if normalised is None:
            raise InvalidInput("notify_contact_bad", value=contact[:40])

    def work() -> int:
        permissions.require(officer, "notify_manage")
        now = clock.utcnow()
        if normalised is not None:
            NotifyOptOut.insert(contact=normalised, at=now).on_conflict_ignore().execute()
            pending = Notification.to == normalised
            details: dict[str, Any] = {"contact_note": note("contact", normalised)}
            subject = "contact"
        else:
            rec = PickupRecord.get_or_none(
                PickupRecord.application_no == (application_no or "").strip().upper())
            if rec is None:
                raise NotFound("pickup_unknown_application", application_no=application_no)
            PickupRecord.update(notify_opt_out=True, updated_at=now).where(
                PickupRecord.id == rec.id).execute()
            pending = Notification.pickup == rec.id
            details = {"record": rec.id}
            subject = rec.application_no
        cancelled = (Notification.update(state=NOTIFY_CANCELLED, failed_reason="opted_out: ")
                     .where(pending & (Notification.state == NOTIFY_PENDING)).execute())
        details["cancelled"] = int(cancelled)
        record("notify_opted_out", officer=officer, subject=subject, details=details)
        return int(cancelled)

    return run_in_transaction(work)


def erase_for(records: pw.ModelSelect[PickupRecord]) -> int:
    """Delete the messages of these passports (the retention purge: a message holds a
    name and a contact). Inside the purge's transaction."""
    return int(Notification.delete().where(Notification.pickup.in_(records)).execute())
