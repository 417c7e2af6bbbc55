"""Handovers the database does not know, written into it once: ``loket pickup reconcile``.

Two ways a handover can be missing from the office's database after the server was
lost. The server came back from last night's backup, so the day's handovers since are
gone (each counter PC's journal, :mod:`app.pickup.journal`, still has them); or one
PC worked alone on a SQLite file restored from that backup (``darurat.sqlite3``) and
its handovers are in that file only. Either way the passports are gone from the shelf
while the database says ``ready``: the office would search for them, remind people
who already have them, and could hand the same passport over twice.

:func:`reconcile` applies :class:`HandoverFact` s, each in its own transaction, by the
handover's own compare-and-set (``ready`` → ``collected``), keeping the original
time, counter and officer. Nothing already saved is ever overwritten: a record the
database shows collected at the same time and counter is already recorded (so
running it again writes nothing); collected otherwise, cancelled, not ready, or a
handover a supervisor undid is a conflict, listed for a person to settle with the
handover book. An officer or counter the database does not know is recorded as
NULL and said in the report, never a reason to leave the passport on the shelf.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter as Tally
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final, cast

import peewee as pw

from app import clock
from app.backup.other import as_utc, read_other
from app.errors import InvalidInput, Refused
from app.messages import render
from app.office import permissions
from app.office.audit import note, record
from app.office.settings import get_settings
from app.pickup import journal
from app.pickup.service import local_time, passport_left
from app.storage import json_text, logins
from app.storage.db import (
    DATABASE_ERRORS,
    database,
    first_line,
)
from app.storage.models import (
    CANCELLED,
    COLLECTED,
    READY,
    AuditEntry,
    Counter,
    Officer,
    PickupRecord,
)
from app.storage.transactions import read, run_in_transaction

log = logging.getLogger(__name__)

RECORDED: Final = "recorded"
ALREADY: Final = "already_recorded"
CONFLICT: Final = "conflict"
UNKNOWN: Final = "unknown_application"
OTHER_DATABASE: Final = "other_database"
RESULTS: Final = (RECORDED, ALREADY, CONFLICT, UNKNOWN, OTHER_DATABASE)

# Why a conflict is one.
COLLECTED_OTHERWISE: Final = "collected_otherwise"
CANCELLED_THERE: Final = "cancelled"
NOT_READY: Final = "not_ready"
UNDONE: Final = "undone"

@dataclass(frozen=True)
class HandoverFact:
    """One handover as its source saw it."""

    application_no: str
    collected_at: dt.datetime  # naive UTC, as every time is stored
    counter: int | None  # the counter's number
    officer: str | None  # the officer's username
    collector: str | None  # self | family | proxy
    collector_name: str | None
    id_checked: bool
    verified: bool
    source: str  # where it came from: a database (URL without password, or file) or journal
    database_id: str = ""  # of the database the source belonged to ("" unknown)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["collected_at"] = self.collected_at.isoformat()
        return data


@dataclass(frozen=True)
class Outcome:
    fact: HandoverFact
    result: str  # one of RESULTS
    reason: str | None = None  # a conflict's: COLLECTED_OTHERWISE, CANCELLED_THERE, ...
    # What the database shows for a conflict or an already recorded handover.
    status: str | None = None
    collected_at: str | None = None
    counter: int | None = None
    unknown_officer: bool = False  # recorded with no officer: the username is not known
    unknown_counter: bool = False  # recorded with no counter: the number is not known

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "fact": self.fact.to_dict()}


@dataclass(frozen=True)
class ReconcileReport:
    source: str
    dry_run: bool
    outcomes: list[Outcome] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        tally = Tally(o.result for o in self.outcomes)
        return {result: tally.get(result, 0) for result in RESULTS}

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "dry_run": self.dry_run, "counts": self.counts(),
                "outcomes": [o.to_dict() for o in self.outcomes]}

    def total(self, lang: str | None = None) -> str:
        """How many handovers came to which result, in one sentence."""
        return render("reconcile_total", {"total": len(self.outcomes), **self.counts()},
                      lang)

    def lines(self, lang: str | None = None) -> list[str]:
        """One sentence per outcome a person must read (not the already recorded ones),
        then the total."""
        said = [_line(o, self.dry_run, lang) for o in self.outcomes if o.result != ALREADY]
        counts = self.counts()
        total = self.total(lang)
        if counts[OTHER_DATABASE]:
            total += " " + render("reconcile_other_database_hint", {}, lang)
        if self.dry_run:
            total += render("cli_out_dry_run", {}, lang)
        return [*said, total]


def _line(o: Outcome, dry_run: bool, lang: str | None) -> str:
    fact = o.fact
    params: dict[str, object] = {
        "application": fact.application_no, "time": local_time(fact.collected_at.isoformat()),
        "counter": fact.counter if fact.counter is not None else "-",
        "officer": fact.officer or "-", "database_time": local_time(o.collected_at),
        "database_counter": o.counter if o.counter is not None else "-"}
    if o.result == RECORDED:
        text = render("reconcile_would_record" if dry_run else "reconcile_recorded",
                      params, lang)
        if o.unknown_officer:
            text += " " + render("reconcile_unknown_officer", params, lang)
        if o.unknown_counter:
            text += " " + render("reconcile_unknown_counter", params, lang)
        return text
    if o.result == CONFLICT:
        return render(f"reconcile_conflict_{o.reason}", params, lang)
    return render(f"reconcile_{o.result}", params, lang)


# --- applying ------------------------------------------------------------------------


def _same(a: dt.datetime | None, b: dt.datetime) -> bool:
    return a is not None and a.replace(tzinfo=None) == b.replace(tzinfo=None)


def _was_undone(rec: PickupRecord, fact: HandoverFact) -> bool:
    """A supervisor undid this very handover here (a mistake at the counter): it must not
    come back by a replay."""
    at = fact.collected_at.isoformat()
    for entry in _undo_entries(rec.application_no):
        undone = json_text.loads(entry.details, {}).get("undone") or {}
        if undone.get("collected_at") == at:
            return True
    return False


def _verdict(rec: PickupRecord, fact: HandoverFact, counter: Counter | None) -> Outcome | None:
    """What the database already says about ``fact``; None when it may be recorded."""
    number = (Counter.select(Counter.number).where(Counter.id == rec.collected_counter_id)
              .scalar() if rec.collected_counter_id else None)

    def shown(result: str, reason: str | None = None) -> Outcome:
        return Outcome(fact, result, reason, status=rec.status, counter=number,
                       collected_at=rec.collected_at.isoformat() if rec.collected_at else None)

    if rec.status == COLLECTED:
        same = (_same(rec.collected_at, fact.collected_at)
                and rec.collected_counter_id == (counter.id if counter else None))
        return shown(ALREADY) if same else shown(CONFLICT, COLLECTED_OTHERWISE)
    if rec.status == CANCELLED:
        return shown(CONFLICT, CANCELLED_THERE)
    if rec.status != READY:
        return shown(CONFLICT, NOT_READY)
    if _was_undone(rec, fact):
        return shown(CONFLICT, UNDONE)
    return None


def _apply(fact: HandoverFact, by: int, dry_run: bool) -> Outcome:
    who = permissions.require(by, "pickup_reconcile")
    rec = PickupRecord.get_or_none(
        PickupRecord.application_no == fact.application_no.strip().upper())
    if rec is None:
        return Outcome(fact, UNKNOWN)
    counter = (Counter.get_or_none(Counter.number == fact.counter)
               if fact.counter is not None else None)
    officer = (Officer.without_hash().where(Officer.username == fact.officer).first()
               if fact.officer else None)
    verdict = _verdict(rec, fact, counter)
    if verdict is not None:
        return verdict
    recorded = Outcome(fact, RECORDED, unknown_officer=bool(fact.officer) and officer is None,
                       unknown_counter=fact.counter is not None and counter is None)
    if dry_run:
        return recorded
    now = clock.utcnow()
    changed = (PickupRecord.update(
        status=COLLECTED, collected_at=fact.collected_at,
        collected_counter=counter.id if counter else None,
        collected_officer=officer.id if officer else None, collector=fact.collector,
        collector_name=fact.collector_name or None, id_checked=fact.id_checked,
        verified=fact.verified, updated_at=now)
        .where((PickupRecord.id == rec.id) & (PickupRecord.status == READY))
        .execute())
    if changed != 1:  # a counter handed it over this very moment: say what it did
        fresh = PickupRecord.get_by_id(rec.id)
        return _verdict(fresh, fact, counter) or Outcome(fact, CONFLICT, NOT_READY,
                                                          status=fresh.status)
    passport_left(rec.id, counter)
    record("pickup_handover_reconciled", officer=officer, counter=fact.counter,
           subject=rec.application_no,
           details={"record": rec.id, "source": fact.source, "supervisor": who.username,
                    "collected_at": fact.collected_at.isoformat(),
                    "collected_by": fact.officer, "collected_counter": fact.counter,
                    "collector": fact.collector,
                    "collector_name_note": note("collector_name", fact.collector_name or "",
                                                pickup=rec.id),
                    "id_checked": fact.id_checked, "verified": fact.verified})
    return recorded


def _undo_entries(application_no: str) -> pw.ModelSelect[AuditEntry]:
    return (AuditEntry.select(AuditEntry.details)
            .where((AuditEntry.action == "pickup_handover_undone")
                   & (AuditEntry.subject == application_no)))


def _may_read_the_audit_log() -> None:
    """Whether an undone handover can be seen with this PC's database login: a counter's
    or a kiosk's may not read the audit log (app.storage.logins), and without it an undo
    would be replayed away. Refused before anything is written."""
    try:
        read(lambda: _undo_entries("").first())
    except DATABASE_ERRORS as exc:
        if not logins.is_denied(exc):
            raise
        database.obj.rollback()  # PostgreSQL: the refused statement ended the transaction
        raise Refused("reconcile_login_too_narrow") from exc


def reconcile(facts: list[HandoverFact], by: int, *, source: str = "",
              dry_run: bool = False, any_database: bool = False) -> ReconcileReport:
    """Write each handover in ``facts`` the database lacks, once; say what became of each.

    ``by``: the supervisor running it. ``dry_run``: decide every fact, write nothing.
    A fact of another database (its ``database_id`` differs) is only applied with
    ``any_database``: the supervisor says it is this office's all the same (a server
    set up anew rather than restored). The same handover given twice is one fact.
    """
    read(lambda: permissions.require(by, "pickup_reconcile"))  # refused before anything
    _may_read_the_audit_log()
    here = get_settings(fresh=True).database_id
    seen: set[tuple[str, dt.datetime]] = set()
    outcomes = []
    for fact in sorted(facts, key=lambda f: (f.collected_at, f.application_no)):
        key = (fact.application_no.strip().upper(), fact.collected_at)
        if key in seen:
            continue
        seen.add(key)
        if fact.database_id and here and fact.database_id != here and not any_database:
            outcomes.append(Outcome(fact, OTHER_DATABASE))
            continue

        def work(fact: HandoverFact = fact) -> Outcome:
            return _apply(fact, by, dry_run)

        outcome = read(work) if dry_run else run_in_transaction(work)
        if outcome.result == RECORDED and not dry_run:
            log.info("handover of %s at %s reconciled from %s", fact.application_no,
                     fact.collected_at.isoformat(), fact.source)
        outcomes.append(outcome)
    return ReconcileReport(source, dry_run, outcomes)


# --- sources ------------------------------------------------------------------------


def _read_facts(db: pw.Database, label: str, database_id: str) -> list[HandoverFact]:
    with db.bind_ctx([PickupRecord, Counter, Officer]):
        query = (PickupRecord.select(PickupRecord.application_no, PickupRecord.collected_at,
                                     Counter.number, Officer.username, PickupRecord.collector,
                                     PickupRecord.collector_name, PickupRecord.id_checked,
                                     PickupRecord.verified)
                 .join(Counter, pw.JOIN.LEFT_OUTER,
                       on=(PickupRecord.collected_counter == Counter.id))
                 .switch(PickupRecord)
                 .join(Officer, pw.JOIN.LEFT_OUTER,
                       on=(PickupRecord.collected_officer == Officer.id))
                 .where((PickupRecord.status == COLLECTED)
                        & PickupRecord.collected_at.is_null(False))
                 .order_by(PickupRecord.collected_at))
        rows = cast(list[tuple[Any, ...]], list(query.tuples()))
        return [HandoverFact(str(no), as_utc(at), counter, username, collector, name,
                             bool(checked), bool(verified), f"database:{label}", database_id)
                for no, at, counter, username, collector, name, checked, verified in rows]


def facts_from_database(where: str) -> tuple[list[HandoverFact], str]:
    """Every handover recorded in another Loket database (its URL, or a SQLite file's
    path), and how the source is named. A file or database that is not Loket's, or of
    another schema version, is refused before anything is read from it."""
    return read_other(where, _read_facts)


def facts_from_journal(path: Path | None = None) -> tuple[list[HandoverFact], str]:
    """The handovers in a PC's journal (default: this PC's), and how it is named.

    A file with something in it of which no line is a handover is no journal (a list
    or a database file chosen by mistake) and is refused; an empty journal is not (the
    PC handed nothing over)."""
    path = path or journal.journal_path()
    if not path.is_file():
        raise InvalidInput("reconcile_source_missing", where=str(path))
    try:
        entries = journal.entries(path)
    except UnicodeDecodeError as exc:  # a binary file: a journal is UTF-8 text
        raise Refused("reconcile_not_journal", where=str(path)) from exc
    facts = []
    for number, entry in enumerate(entries, 1):
        try:
            facts.append(HandoverFact(
                str(entry["application_no"]), as_utc(entry["collected_at"]),
                int(entry["counter"]) if entry.get("counter") is not None else None,
                entry.get("officer") or None, entry.get("collector"),
                entry.get("collector_name"), bool(entry.get("id_checked")),
                bool(entry.get("verified")), f"journal:{path}",
                str(entry.get("database") or "")))
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("line %d of the journal %s is not a handover: %s", number, path,
                        first_line(exc))
    if not facts and path.read_bytes().strip():
        raise Refused("reconcile_not_journal", where=str(path))
    return facts, str(path)
