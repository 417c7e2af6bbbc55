"""Tickets the emergency PC issued and served, written into the office's database once:
``loket ticket merge``.

During a server outage one PC may restore the last backup into its own SQLite file
(``darurat.sqlite3``) and serve walk-ins alone. The tickets of those days stay in that
file, so the server's reports (served per day, waits, per counter and officer) and
the survey answers (SKM) tied to those tickets would miss the outage. :func:`merge`
writes them in.

Which tickets are new there. A restore keeps every row as the backup had it, ids
included, and both databases go on from there: the server (if it kept running after
the backup, or came back from that same backup) and the file each issue tickets with
the same next ids and, on a day both served, the same next numbers. So an id or a
number says nothing. A ticket is *the same* as one of the server's when its queue
(by code), service day, sequence number and issue time (to the second) are: the issue
time is written once, when the number is taken, and two PCs never take the same
number of the same queue in the same second. Every other finished ticket is new.

Only the days on which the two databases differ are read ticket by ticket: a day
with the same number of tickets, the same lowest and highest id and the same latest
issue time on both is the backup's day, unchanged.

Exactly once. A merged ticket keeps its identity on the file in ``ticket.origin``
(``<queue code>:<service day>:<seq>:<issued_at>``; schema version 15), under a unique
index: a second run finds it and writes nothing, and two supervisors merging at once
cannot both write it (the loser's day is read again and found merged).

The numbers. A merged ticket keeps its printed number (``A017``), its times, queue,
counter and officer (a counter by its number, an officer by username; one the server
does not know is written as NULL and said), but takes its sequence number after the
server's highest for that queue and day, so ``(queue, service_day, seq)`` stays
unique even when the server served the same day under the same numbers; the day's
counter moves past them, so a number issued later on that day follows. Nothing reads
the number from the sequence: reports count by queue, counter, officer and times; a
counter or the survey finding a ticket by its number never picks a merged one.

A ticket the backup held still open (waiting, called or being served) that the
emergency PC then finished is *completed* here: the server's row, if the server has not
finished it itself meanwhile (still open, or expired by the next day's close), takes
the outcome, times, counter and officer it got there, by a compare-and-set on the
status it was read with (a counter of the server that acts on it meanwhile wins, and
the ticket is listed). Without this the applicants who waited through the outage's
first minutes would be missing from the day's served count and the survey.

A ticket still waiting, called or being served there is not merged (the day is over by
the time anyone merges; it would wait for ever): it is listed. Its survey answer comes
along with a merged ticket (one answer per ticket, tied to the same queue, counter and
officer), and the server's row of an M-Paspor booking checked in there is checked in
with it (unless the server checked it in itself). A phone left at the kiosk for the
turn-is-near notice does not come: its day is over, and it is personal data to be
erased, not copied.

One transaction per service day: the day's tickets, answers, number reservations and
its audit entry commit together, so a report never shows half a day, and a failure
leaves the whole day for the next run.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter as Tally
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Final

import peewee as pw

from app import clock
from app.backup.other import as_utc, read_other
from app.errors import Refused
from app.messages import render
from app.messages.formats import date_text
from app.office import permissions
from app.office.audit import record
from app.office.settings import get_settings
from app.queue import engine
from app.storage import logins
from app.storage.db import DATABASE_ERRORS, database
from app.storage.models import (
    CANCELLED,
    DONE,
    EXPIRED,
    NO_SHOW,
    OPEN_STATUSES,
    Booking,
    Counter,
    DailySequence,
    Officer,
    PickupRecord,
    Queue,
    SurveyResponse,
    Ticket,
)
from app.storage.transactions import read, rows, run_in_transaction

log = logging.getLogger(__name__)

MERGED: Final = "merged"
ALREADY: Final = "already"
SKIPPED: Final = "skipped"
RESULTS: Final = (MERGED, ALREADY, SKIPPED)

# Why a ticket is already here, or was skipped.
IN_SERVER: Final = "in_server"  # the server has it from the backup
MERGED_BEFORE: Final = "merged_before"  # an earlier merge wrote it
UNFINISHED: Final = "unfinished"  # still waiting, called or being served there
UNKNOWN_QUEUE: Final = "unknown_queue"  # its queue's code is not the server's
COMPLETED: Final = "completed"  # the server's open copy took the outcome it got there
CHANGED_HERE: Final = "changed_here"  # the server acted on its open copy meanwhile

# What the emergency PC's copy must be for the server's open copy to take it over.
_FINISHED: Final = (DONE, NO_SHOW, CANCELLED)
# What the server's copy may be: never finished by the server itself.
_UNFINISHED_HERE: Final = (*OPEN_STATUSES, EXPIRED)

_SURVEY_SCORES: Final = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")


@dataclass(frozen=True)
class SurveyFact:
    """The applicant's answer to the survey about one ticket, as the file has it."""

    form: str
    scores: dict[str, int | None]
    comment: str | None
    created_at: dt.datetime
    # What the answer is tied to (as it was when given): the queue that served the
    # ticket, by code; the counter, by number; the officer, by username.
    queue: str
    counter: int | None
    officer: str | None


@dataclass(frozen=True)
class TicketFact:
    """One ticket as the other database holds it (its queue, counter and officer by
    code, number and username: the ids are that database's)."""

    origin: str
    queue: str
    service_queue: str
    service_day: dt.date
    seq: int
    number: str
    status: str
    issued_at: dt.datetime
    line_at: dt.datetime
    called_at: dt.datetime | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    transferred_at: dt.datetime | None
    counter: int | None
    officer: str | None
    target_counter: int | None
    recall_count: int
    transfer_count: int
    booked: bool
    pickup: str | None  # the passport's application number
    pickup_verified: bool | None
    survey: SurveyFact | None = None
    # The M-Paspor booking checked in with it: its code and when.
    booking: str | None = None
    checked_in_at: dt.datetime | None = None

    def key(self) -> tuple[str, int, dt.datetime]:
        """What makes it the same ticket as one of the server's (see the module)."""
        return (self.queue, self.seq, self.issued_at.replace(microsecond=0))


@dataclass(frozen=True)
class TicketOutcome:
    day: dt.date
    queue: str
    number: str
    status: str  # on the other database
    origin: str
    result: str  # one of RESULTS
    reason: str | None = None  # IN_SERVER, MERGED_BEFORE, UNFINISHED, UNKNOWN_QUEUE
    seq: int | None = None  # the sequence number it took here (None: not written)
    survey: bool = False  # its survey answer came along
    booking: str | None = None  # the server's booking (by code) now checked in with it
    unknown_counter: int | None = None  # the counter number the server does not know
    unknown_officer: str | None = None  # the username the server does not know

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "day": self.day.isoformat()}

    def notes(self, lang: str | None = None) -> list[str]:
        """What a person must read about this ticket (skipped, renumbered, or written
        without its counter or officer): :meth:`MergeReport.lines`' sentences of it."""
        return _ticket_lines(self, lang)


@dataclass(frozen=True)
class MergeReport:
    source: str
    dry_run: bool
    outcomes: list[TicketOutcome] = field(default_factory=list)
    same_days: int = 0  # days the two databases hold alike (the backup's)

    def counts(self) -> dict[str, int]:
        tally = Tally(o.result for o in self.outcomes)
        return {result: tally.get(result, 0) for result in RESULTS}

    def groups(self) -> list[dict[str, Any]]:
        """Per service day and queue: how many tickets came to which result, and why."""
        groups: dict[tuple[dt.date, str], dict[str, Any]] = {}
        for o in self.outcomes:
            group = groups.setdefault((o.day, o.queue), {
                "day": o.day.isoformat(), "queue": o.queue, **dict.fromkeys(RESULTS, 0),
                "reasons": {}})
            group[o.result] += 1
            if o.reason:
                group["reasons"][o.reason] = group["reasons"].get(o.reason, 0) + 1
        return [groups[key] for key in sorted(groups)]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "dry_run": self.dry_run, "counts": self.counts(),
                "same_days": self.same_days, "days": self.groups(),
                "outcomes": [o.to_dict() for o in self.outcomes]}

    def lines(self, lang: str | None = None) -> list[str]:
        """One sentence per day and queue, one per ticket a person must read (skipped,
        renumbered, or written without its counter or officer), then the total."""
        said = []
        for group in self.groups():
            reasons = ", ".join(
                render(f"ticket_merge_reason_{reason}", {"count": count}, lang)
                for reason, count in sorted(group["reasons"].items()))
            params = {"day": date_text(dt.date.fromisoformat(group["day"])),
                      "queue": group["queue"], **{r: group[r] for r in RESULTS}}
            said.append(render("ticket_merge_group_dry" if self.dry_run
                               else "ticket_merge_group", params, lang)
                        + (f" ({reasons})" if reasons else "") + ".")
        said += [line for o in self.outcomes for line in _ticket_lines(o, lang)]
        total = render("ticket_merge_total", {**self.counts(), "total": len(self.outcomes),
                                              "same_days": self.same_days}, lang)
        if self.dry_run:
            total += render("cli_out_dry_run", {}, lang)
        return [*said, total]


def _ticket_lines(o: TicketOutcome, lang: str | None) -> list[str]:
    params: dict[str, object] = {"number": o.number, "day": date_text(o.day),
                                 "seq": o.seq if o.seq is not None else "-",
                                 "counter": o.unknown_counter if o.unknown_counter else "-",
                                 "officer": o.unknown_officer or "-"}
    if o.result == SKIPPED:
        return [render(f"ticket_merge_skipped_{o.reason}", params, lang)]
    if o.result != MERGED:
        return []
    lines = []
    if o.seq is not None and o.number != _printed_after(o):
        lines.append(render("ticket_merge_renumbered", params, lang))
    if o.unknown_counter is not None:
        lines.append(render("ticket_merge_unknown_counter", params, lang))
    if o.unknown_officer is not None:
        lines.append(render("ticket_merge_unknown_officer", params, lang))
    return lines


def _printed_after(o: TicketOutcome) -> str:
    """The number the merged ticket's new sequence number would print as."""
    prefix = o.number.rstrip("0123456789")
    return engine.display_number(prefix, o.seq or 0)


# --- reading the other database ------------------------------------------------------


def _at(value: Any) -> dt.datetime | None:
    return None if value is None else as_utc(value)


DaySummary = tuple[int, int, int, dt.datetime, int]


def _days() -> dict[dt.date, DaySummary]:
    """Per service day of the bound database: its tickets, lowest and highest id, latest
    issue time and how many a counter finished (what tells a day the backup held from
    one that went on: a ticket the backup held waiting and the emergency PC served
    changes only the last)."""
    finished = pw.fn.SUM(pw.Case(None, [(Ticket.status.in_(_FINISHED), 1)], 0))
    query = (Ticket.select(Ticket.service_day, pw.fn.COUNT(Ticket.id), pw.fn.MIN(Ticket.id),
                           pw.fn.MAX(Ticket.id), pw.fn.MAX(Ticket.issued_at), finished)
             .group_by(Ticket.service_day))
    return {clock.as_day(day): (int(count), int(low), int(high), as_utc(latest), int(done or 0))
            for day, count, low, high, latest, done in rows(query)}


def origin_of(queue: str, day: dt.date, seq: int, issued_at: dt.datetime) -> str:
    """A ticket's identity on the database that issued it (kept in ``ticket.origin``)."""
    return f"{queue}:{day.isoformat()}:{seq}:{issued_at.isoformat()}"


def _tickets_of(day: dt.date) -> list[TicketFact]:
    """Every ticket of ``day`` in the bound database, as facts."""
    queues = dict(rows(Queue.select(Queue.id, Queue.code)))
    counters = dict(rows(Counter.select(Counter.id, Counter.number)))
    officers = dict(rows(Officer.select(Officer.id, Officer.username)))
    tickets = list(Ticket.select().where(Ticket.service_day == day)
                   .order_by(Ticket.queue, Ticket.seq))
    pickups = {t.pickup_id for t in tickets if t.pickup_id is not None}
    applications = dict(rows(PickupRecord.select(PickupRecord.id,
                                                        PickupRecord.application_no)
                                    .where(PickupRecord.id.in_(list(pickups))))
                        ) if pickups else {}
    surveys = {s.ticket_id: s for s in
               SurveyResponse.select().where(SurveyResponse.service_day == day)}
    booked = {int(ticket): (str(code), as_utc(at)) for ticket, code, at in rows(
        Booking.select(Booking.ticket, Booking.code, Booking.checked_in_at)
        .where(Booking.service_day == day, Booking.ticket.is_null(False)))}
    facts = []
    for t in tickets:
        issued = as_utc(t.issued_at)
        queue = str(queues[t.queue_id])
        answer = surveys.get(t.id)
        booking, checked_in_at = booked.get(t.id, (None, None))
        facts.append(TicketFact(
            origin=t.origin or origin_of(queue, day, int(t.seq), issued), queue=queue,
            service_queue=str(queues[t.service_queue_id]), service_day=day, seq=int(t.seq),
            number=str(t.number), status=str(t.status), issued_at=issued,
            line_at=as_utc(t.line_at), called_at=_at(t.called_at),
            started_at=_at(t.started_at), finished_at=_at(t.finished_at),
            transferred_at=_at(t.transferred_at), counter=counters.get(t.counter_id),
            officer=officers.get(t.officer_id),
            target_counter=counters.get(t.target_counter_id),
            recall_count=int(t.recall_count), transfer_count=int(t.transfer_count),
            booked=bool(t.booked), pickup=applications.get(t.pickup_id),
            pickup_verified=t.pickup_verified,
            survey=None if answer is None else SurveyFact(
                str(answer.form), {u: getattr(answer, u) for u in _SURVEY_SCORES},
                answer.comment, as_utc(answer.created_at), str(queues[answer.queue_id]),
                counters.get(answer.counter_id), officers.get(answer.officer_id)),
            booking=booking, checked_in_at=checked_in_at))
    return facts


@dataclass(frozen=True)
class Source:
    """What a merge needs from the other database: its days and its database id."""

    label: str
    database_id: str
    days: dict[dt.date, DaySummary]
    tickets: dict[dt.date, list[TicketFact]] = field(default_factory=dict)


_MODELS: Final = [Ticket, Queue, Counter, Officer, PickupRecord, SurveyResponse, Booking]


def read_source(where: str, here: dict[dt.date, DaySummary] | None = None) -> Source:
    """The other Loket database at ``where`` (a URL or a SQLite file, read only): its
    days, and the tickets of each day that differs from ``here`` (this database's
    days; None: read now). Refused before anything is read if it is not Loket's or of
    another schema version."""
    mine = here if here is not None else read(_days)

    def reader(db: pw.Database, label: str, database_id: str) -> Source:
        with db.bind_ctx(_MODELS):
            days = _days()
            differ = sorted(d for d, summary in days.items() if mine.get(d) != summary)
            return Source(label, database_id, days, {d: _tickets_of(d) for d in differ})

    return read_other(where, reader)[0]


# --- writing -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Here:
    """What the server knows of one day and the names it maps to ids."""

    origins: set[str]
    keys: set[tuple[str, int, dt.datetime]]
    queues: dict[str, int]
    counters: dict[int, int]
    officers: dict[str, int]
    # The server's own tickets it never finished, by key: their id, seq and status.
    unfinished: dict[tuple[str, int, dt.datetime], tuple[int, int, str]] = field(
        default_factory=dict)

    def counter(self, number: int | None) -> int | None:
        """The id here of the counter numbered ``number`` there (None: not known)."""
        return self.counters.get(number) if number is not None else None

    def officer(self, username: str | None) -> int | None:
        """The id here of the officer ``username`` there (None: not known)."""
        return self.officers.get(username) if username else None


def _here(day: dt.date) -> _Here:
    codes = {int(i): str(c) for i, c in rows(Queue.select(Queue.id, Queue.code))}
    origins, keys, unfinished = set(), set(), {}
    for ticket, queue, seq, issued, origin, status in rows(
            Ticket.select(Ticket.id, Ticket.queue, Ticket.seq, Ticket.issued_at,
                          Ticket.origin, Ticket.status)
            .where(Ticket.service_day == day)):
        if origin:  # merged: its sequence number here is not the one it had there
            origins.add(str(origin))
            continue
        key = (codes[int(queue)], int(seq), as_utc(issued).replace(microsecond=0))
        keys.add(key)
        if status in _UNFINISHED_HERE:
            unfinished[key] = (int(ticket), int(seq), str(status))
    return _Here(origins, keys, {c: i for i, c in codes.items()},
                 {int(n): int(i) for i, n in rows(Counter.select(Counter.id,
                                                                        Counter.number))},
                 {str(u): int(i) for i, u in rows(
                     Officer.select(Officer.id, Officer.username))}, unfinished)


def _verdict(fact: TicketFact, here: _Here) -> TicketOutcome | None:
    """What becomes of ``fact`` short of writing it; None when it is to be merged."""

    def said(result: str, reason: str) -> TicketOutcome:
        return TicketOutcome(fact.service_day, fact.queue, fact.number, fact.status, fact.origin,
                       result, reason)

    if fact.origin in here.origins:
        return said(ALREADY, MERGED_BEFORE)
    if fact.key() in here.keys and not _completes(fact, here):
        return said(ALREADY, IN_SERVER)
    if fact.status in OPEN_STATUSES:
        return said(SKIPPED, UNFINISHED)
    if fact.queue not in here.queues or fact.service_queue not in here.queues:
        return said(SKIPPED, UNKNOWN_QUEUE)
    return None


def _write(fact: TicketFact, seq: int, here: _Here) -> TicketOutcome:
    counter, officer = here.counter(fact.counter), here.officer(fact.officer)
    pickup = (PickupRecord.select(PickupRecord.id)
              .where(PickupRecord.application_no == fact.pickup).scalar()
              if fact.pickup else None)
    ticket = Ticket.create(
        queue=here.queues[fact.queue], service_day=fact.service_day, seq=seq,
        number=fact.number, service_queue=here.queues[fact.service_queue],
        target_counter=here.counter(fact.target_counter),
        status=fact.status, issued_at=fact.issued_at, called_at=fact.called_at,
        started_at=fact.started_at, finished_at=fact.finished_at,
        transferred_at=fact.transferred_at, counter=counter, officer=officer,
        recall_count=fact.recall_count, transfer_count=fact.transfer_count, pickup=pickup,
        pickup_verified=fact.pickup_verified, line_at=fact.line_at, booked=fact.booked,
        origin=fact.origin)
    return _merged(fact, seq, counter, officer, _bring_along(fact, int(ticket.id), here))


def _completes(fact: TicketFact, here: _Here) -> bool:
    """Whether ``fact`` finishes a ticket the server holds from the backup and never
    finished itself (see the module)."""
    return fact.status in _FINISHED and fact.key() in here.unfinished


def _complete(fact: TicketFact, here: _Here) -> TicketOutcome:
    """The server's unfinished copy of ``fact`` takes the outcome it got there, unless
    the server acted on it since it was read."""
    ticket, seq, status = here.unfinished[fact.key()]
    counter, officer = here.counter(fact.counter), here.officer(fact.officer)
    changed = Ticket.update(
        status=fact.status, service_queue=here.queues[fact.service_queue],
        target_counter=here.counter(fact.target_counter),
        called_at=fact.called_at, started_at=fact.started_at,
        finished_at=fact.finished_at, transferred_at=fact.transferred_at,
        counter=counter, officer=officer, recall_count=fact.recall_count,
        transfer_count=fact.transfer_count, pickup_verified=fact.pickup_verified,
    ).where((Ticket.id == ticket) & (Ticket.status == status)).execute()
    if changed != 1:
        return TicketOutcome(fact.service_day, fact.queue, fact.number, fact.status,
                             fact.origin, SKIPPED, CHANGED_HERE)
    answered = SurveyResponse.select().where(SurveyResponse.ticket == ticket).exists()
    booking = _bring_along(fact, ticket, here, survey=not answered)
    return _merged(fact, seq, counter, officer, booking, COMPLETED)


def _bring_along(fact: TicketFact, ticket: int, here: _Here, *, survey: bool = True
                 ) -> str | None:
    """Write the survey answer given there about ``fact`` (when ``survey``) and check
    the server's booking in with ``ticket``; the booking's code when it was."""
    answer = fact.survey
    if answer is not None and survey:
        SurveyResponse.create(
            ticket=ticket, service_day=fact.service_day,
            queue=here.queues.get(answer.queue, here.queues[fact.service_queue]),
            counter=here.counter(answer.counter), officer=here.officer(answer.officer),
            form=answer.form, comment=answer.comment, created_at=answer.created_at,
            **answer.scores)
    # The server's own row of the booking (the day's list came with the backup) is
    # checked in with it, unless the server checked it in itself.
    linked = fact.booking is not None and Booking.update(
        ticket=ticket, checked_in_at=fact.checked_in_at).where(
        (Booking.code == fact.booking) & Booking.ticket.is_null()).execute() == 1
    return fact.booking if linked else None


def _merged(fact: TicketFact, seq: int | None, counter: int | None,
            officer: int | None, booking: str | None = None,
            reason: str | None = None) -> TicketOutcome:
    return TicketOutcome(fact.service_day, fact.queue, fact.number, fact.status, fact.origin,
                   MERGED, reason, seq=seq, survey=fact.survey is not None, booking=booking,
                   unknown_counter=fact.counter if fact.counter is not None
                   and counter is None else None,
                   unknown_officer=fact.officer if fact.officer and officer is None
                   else None)


def _reserve_numbers(queue_id: int, day: dt.date, count: int) -> int:
    """Take ``count`` numbers of a queue's day at once, after every one issued or kept
    so far (the day's counter and the tickets' own); the first of them. The day's
    counter row stays locked until the caller's transaction commits, and a number
    issued after it follows the reserved ones."""
    first = engine.next_sequence(queue_id, day)  # locks the day's counter row
    highest = (Ticket.select(pw.fn.MAX(Ticket.seq))
               .where((Ticket.queue == queue_id) & (Ticket.service_day == day)).scalar())
    first = max(first, int(highest or 0) + 1)
    (DailySequence.update(last=first + count - 1)
     .where((DailySequence.queue == queue_id) & (DailySequence.service_day == day))
     .execute())
    return first


def _merge_day(day: dt.date, facts: list[TicketFact], by: int, source: str,
               dry_run: bool) -> list[TicketOutcome]:
    who = permissions.require(by, "ticket_merge")
    here = _here(day)
    outcomes: list[TicketOutcome] = []
    todo: dict[str, list[TicketFact]] = defaultdict(list)
    finishing: list[TicketFact] = []
    for fact in facts:
        verdict = _verdict(fact, here)
        if verdict is not None:
            outcomes.append(verdict)
        elif fact.key() in here.keys:
            finishing.append(fact)
        else:
            todo[fact.queue].append(fact)
    if dry_run:
        return (outcomes
                + [_merged(f, here.unfinished[f.key()][1], here.counter(f.counter),
                           here.officer(f.officer), reason=COMPLETED) for f in finishing]
                + [_merged(f, None, here.counter(f.counter), here.officer(f.officer))
                   for queue in sorted(todo) for f in todo[queue]])
    outcomes += [_complete(f, here) for f in finishing]
    completed = sum(1 for o in outcomes if o.reason == COMPLETED)
    written: dict[str, list[int]] = {}
    for queue in sorted(todo):
        group = sorted(todo[queue], key=lambda f: f.seq)
        first = _reserve_numbers(here.queues[queue], day, len(group))
        outcomes += [_write(f, first + i, here) for i, f in enumerate(group)]
        written[queue] = [len(group), first, first + len(group) - 1]
    if written or completed:
        record("tickets_merged", officer=who, subject=day.isoformat(),
               details={"source": source, "service_day": day.isoformat(),
                        "queues": {q: {"merged": n, "seq_from": lo, "seq_to": hi}
                                   for q, (n, lo, hi) in written.items()},
                        "completed": completed,
                        "surveys": sum(1 for o in outcomes if o.result == MERGED
                                       and o.survey),
                        "skipped": sum(1 for o in outcomes if o.result == SKIPPED)})
    return outcomes


def _run_day(day: dt.date, facts: list[TicketFact], by: int, source: str,
             dry_run: bool) -> list[TicketOutcome]:
    def work() -> list[TicketOutcome]:
        return _merge_day(day, facts, by, source, dry_run)

    if dry_run:
        return read(work)
    try:
        outcomes = run_in_transaction(work)
    except pw.IntegrityError:
        # Another merge wrote some of this day's tickets a moment ago (the unique
        # ``origin``): the day again, now finding them there.
        log.info("tickets of %s merged meanwhile; reading the day again", day)
        outcomes = run_in_transaction(work)
    merged = sum(1 for o in outcomes if o.result == MERGED)
    if merged:
        log.info("%d ticket(s) of %s merged from %s", merged, day, source)
    return outcomes


def _may_merge(by: int) -> None:
    """The supervisor's role, and a database login that may read what a merge reads
    (officers, passports, survey answers: a lobby display's may not). Refused before
    anything is written."""
    try:
        read(lambda: (permissions.require(by, "ticket_merge"), _here(dt.date(2000, 1, 1)),
                      SurveyResponse.select(SurveyResponse.id).first(),
                      PickupRecord.select(PickupRecord.id).first()))
    except DATABASE_ERRORS as exc:
        if not logins.is_denied(exc):
            raise
        database.obj.rollback()  # PostgreSQL: the refused statement ended the transaction
        raise Refused("ticket_merge_login_too_narrow") from exc


def merge(where: str, by: int, *, dry_run: bool = False,
          any_database: bool = False) -> MergeReport:
    """Write into the connected database the finished tickets the other Loket database
    at ``where`` (a URL or a SQLite file, read only) holds and it lacks, once; say what
    became of each ticket of the days the two differ on.

    ``by``: the supervisor running it. ``dry_run``: decide every ticket, write nothing.
    A database of another office (its ``database_id`` differs) is refused unless
    ``any_database``: the supervisor says it is this office's all the same (a server
    set up anew rather than restored).
    """
    _may_merge(by)
    here_id = get_settings(fresh=True).database_id
    source = read_source(where, read(_days))
    if source.database_id and here_id and source.database_id != here_id \
            and not any_database:
        raise Refused("ticket_merge_other_database", where=source.label)
    outcomes: list[TicketOutcome] = []
    for day in sorted(source.tickets):
        outcomes += _run_day(day, source.tickets[day], by, source.label, dry_run)
    same = sum(1 for d in source.days if d not in source.tickets)
    return MergeReport(source.label, dry_run, outcomes, same)
