"""The sender: delivers what the outbox holds, each message at most once to a gateway
that accepts it, retrying the others with exponential back-off.

A message is *claimed* in one short transaction — the oldest due one, read with
``FOR UPDATE SKIP LOCKED`` on a server (``BEGIN IMMEDIATE`` on SQLite) and pushed past
its send by a lease (``next_attempt_at = now + LEASE_S``, compare-and-set) — then sent
outside any transaction, then marked in another. Two senders never hold the same
message: the second one's claim does not see a leased message as due. Only a sender
that dies between the gateway's answer and the mark (or a send outliving the lease,
which the timeouts make impossible) lets the message go again after the lease, with
the same ``Idempotency-Key``: a gateway that honours the key accepts it once.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from typing import Final

import peewee as pw

from app import clock
from app.errors import DatabaseUnavailable
from app.notify import channels as ch
from app.notify import contacts, near
from app.notify.outbox import enqueue_collect_by_soon
from app.office.settings import OfficeSettings, get_settings
from app.storage.db import backend_of, database
from app.storage.models import (
    CANCELLED,
    COLLECTED,
    NOTIFY_CANCELLED,
    NOTIFY_FAILED,
    NOTIFY_PENDING,
    NOTIFY_SENT,
    READY,
    Notification,
    NotifyOptOut,
    PickupRecord,
)
from app.storage.transactions import run_in_transaction

log = logging.getLogger(__name__)

# A claimed message is not due for this long: far more than one send can take (every
# wait of a send is bounded by channels.TIMEOUT_S; SMTP has a handful of them).
LEASE_S: Final = 300
BASE_DELAY_S: Final = 60  # the first retry after a minute, then 2, 4, 8 … minutes
MAX_DELAY_S: Final = 3600  # never more than an hour between attempts
MAX_ATTEMPTS: Final = 8  # then the message is failed, for a supervisor to look at
POLL_S: Final = 30.0  # the loop's pause when nothing is due


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the ``attempts``-th failed attempt."""
    return dt.timedelta(seconds=min(MAX_DELAY_S, BASE_DELAY_S * 2 ** max(0, attempts - 1)))


@dataclass(frozen=True)
class Channels:
    """Where messages can go now: the gateway (numbers), the mail server (addresses)."""

    url: str = ""
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_from: str = ""
    timeout_s: float = ch.TIMEOUT_S

    @classmethod
    def of(cls, office: OfficeSettings) -> Channels:
        return cls(office.notify_url, office.notify_smtp_host, office.notify_smtp_port,
                   office.notify_smtp_from)

    @property
    def mail(self) -> bool:
        return bool(self.smtp_host and self.smtp_from)

    def any(self) -> bool:
        return bool(self.url) or self.mail

    def send(self, message: ch.Message) -> ch.Verdict:
        if contacts.is_email(message.to):
            return ch.send_mail(self.smtp_host, self.smtp_port, self.smtp_from, message,
                                self.timeout_s)
        return ch.send_http(self.url, message, self.timeout_s)


def configured() -> bool:
    """Whether any channel is set (the supervisor's PC starts its sender only then)."""
    return Channels.of(get_settings(fresh=True)).any()


@dataclass
class RunSummary:
    enqueued: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class _Claim:
    message: ch.Message
    attempts: int  # this attempt's number


def _cancel_reason(row: Notification) -> str | None:
    """Why a due message must not go any more, if it must not."""
    if row.kind == near.NUMBER_NEAR:
        return near.cancel_reason(row.id, row.to)
    if row.pickup_id is None:
        return None
    rec = (PickupRecord.select(PickupRecord.status, PickupRecord.contact,
                               PickupRecord.notify_opt_out)
           .where(PickupRecord.id == row.pickup_id).first())
    if rec is None or rec.contact != row.to:
        return "contact_changed: "
    if rec.notify_opt_out or NotifyOptOut.select().where(
            NotifyOptOut.contact == row.to).exists():
        return "opted_out: "
    if rec.status != READY:
        return {COLLECTED: "closed_collected: ",
                CANCELLED: "closed_cancelled: "}.get(rec.status, "not_ready: ")
    return None


def _claim(channels: Channels, summary: RunSummary) -> _Claim | None:
    """Take the oldest due message this PC can send, for one attempt; None when none."""

    def work() -> _Claim | None:
        now = clock.utcnow()
        due = ((Notification.state == NOTIFY_PENDING) & (Notification.next_attempt_at <= now))
        if not channels.url:
            due &= Notification.to.contains("@")
        if not channels.mail:
            due &= ~Notification.to.contains("@")
        for _ in range(20):  # a few cancelled ones may come first
            query = Notification.select().where(due).order_by(
                Notification.next_attempt_at, Notification.id).limit(1)
            if backend_of(database) != "sqlite":
                query = query.for_update(skip_locked=True)
            row = query.first()
            if row is None:
                return None
            mine = (Notification.id == row.id) & due
            reason = _cancel_reason(row)
            if reason is not None:
                if Notification.update(state=NOTIFY_CANCELLED,
                                       failed_reason=reason).where(mine).execute():
                    summary.cancelled += 1
                continue
            attempts = int(row.attempts) + 1
            taken = (Notification.update(
                attempts=attempts, next_attempt_at=now + dt.timedelta(seconds=LEASE_S))
                .where(mine).execute())
            if taken == 1:
                return _Claim(ch.Message(row.id, row.kind, row.to, row.text), attempts)
        return None

    return run_in_transaction(work)


def _mark(claim: _Claim, verdict: ch.Verdict, summary: RunSummary) -> None:
    """Record what the attempt came to (sent, a retry later, or failed for good)."""
    now = clock.utcnow()
    values: dict[pw.Field, object]
    if verdict.outcome == ch.ACCEPTED:
        values = {Notification.state: NOTIFY_SENT, Notification.sent_at: now,
                  Notification.failed_reason: None}
        summary.sent += 1
    elif verdict.outcome == ch.PERMANENT or claim.attempts >= MAX_ATTEMPTS:
        values = {Notification.state: NOTIFY_FAILED,
                  Notification.failed_reason: verdict.reason[:255]}
        summary.failed += 1
        log.warning("message %s failed after %d attempt(s): %s", claim.message.id,
                    claim.attempts, verdict.reason)
    else:
        values = {Notification.next_attempt_at: now + backoff(claim.attempts),
                  Notification.failed_reason: verdict.reason[:255]}
        summary.retrying += 1
        log.info("message %s: attempt %d failed (%s); retried later", claim.message.id,
                 claim.attempts, verdict.reason)

    def work() -> None:
        Notification.update(values).where(
            (Notification.id == claim.message.id)
            & (Notification.state == NOTIFY_PENDING)).execute()

    run_in_transaction(work)


@dataclass
class Sender:
    """Delivers due messages; one per PC (several PCs may run one each)."""

    channels: Channels | None = None  # None: the office settings', read at every run
    # Accepted by the gateway but not yet marked (the database went away in between):
    # marked first at the next run, before anything else is claimed.
    _unmarked: list[tuple[_Claim, ch.Verdict]] = field(default_factory=list)

    def run_once(self, stop: threading.Event | None = None,
                 limit: int = 1000) -> RunSummary:
        """Write the reminders and the turn-near notices that are due, then deliver what
        is due (at most ``limit`` messages), stopping early when ``stop`` is set."""
        summary = RunSummary()
        while self._unmarked:
            unmarked, verdict = self._unmarked[0]
            _mark(unmarked, verdict, summary)
            self._unmarked.pop(0)
        channels = self.channels or Channels.of(get_settings(fresh=True))
        near.forget_past_days()  # the phones left at the kiosk live one service day
        summary.enqueued = enqueue_collect_by_soon()
        if not channels.any():
            return summary
        if channels.url:  # a phone left at the kiosk: a text message, nothing else
            summary.enqueued += near.enqueue_number_near()
        for _ in range(limit):
            if stop is not None and stop.is_set():
                break
            claim = _claim(channels, summary)
            if claim is None:
                break
            verdict = channels.send(claim.message)
            try:
                _mark(claim, verdict, summary)
            except DatabaseUnavailable:
                self._unmarked.append((claim, verdict))
                raise
        return summary

    def run_until(self, stop: threading.Event, interval_s: float = POLL_S) -> RunSummary:
        """Run until ``stop`` is set: deliver, then wait ``interval_s`` (or until stopped).
        A database that is away is waited for, not an error."""
        total = RunSummary()
        while not stop.is_set():
            try:
                done = self.run_once(stop)
            except DatabaseUnavailable as exc:
                log.info("notifications wait for the database: %s", exc)
            else:
                for key, value in done.to_dict().items():
                    setattr(total, key, getattr(total, key) + value)
            stop.wait(interval_s)
        return total
