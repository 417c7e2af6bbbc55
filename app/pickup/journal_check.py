"""Handovers in this PC's journal that the database lacks: ``loket pickup journal``.

After the server came back from last night's backup, the handovers made since are in
the counter PCs' journals (:mod:`app.pickup.journal`) and nowhere else, until a
supervisor replays them (:mod:`app.pickup.reconcile`). Nobody sees that by looking at
the shelf; this check says it, at the counter after signing in and after an outage,
and on the command line.

A line is missing when the database does not know its application, or when the record
is not collected at the line's time and has not changed since (its ``updated_at`` is
not later than the handover). A record changed afterwards was settled by a person: a
supervisor undid the handover, another counter handed the passport over, it was
cancelled. That is read from the record alone, because a counter's database login may
read the passports but not the audit log where an undo is kept
(:mod:`app.storage.logins`). Whether the replay then records or lists a line is
:func:`app.pickup.reconcile.reconcile`'s to decide; this only counts, and writes
nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

from app.messages import render
from app.office.settings import get_settings, seen_database_id
from app.pickup import journal
from app.pickup.reconcile import HandoverFact, facts_from_journal
from app.pickup.service import local_time
from app.storage.models import COLLECTED, PickupRecord
from app.storage.transactions import read

# Application numbers asked for in one query: far below every backend's limit on
# parameters (SQLite's is 999 in old builds), and a busy PC's 30 days in a few.
BATCH: Final = 500


@dataclass(frozen=True)
class JournalCheck:
    """What the check found in one journal."""

    source: str  # the journal's path
    checked: int  # lines of this database that were looked up
    missing: tuple[HandoverFact, ...] = ()  # oldest first
    other_database: int = 0  # lines written to another database: not looked up
    newest_missing: dt.datetime | None = None  # naive UTC

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "checked": self.checked,
                "other_database": self.other_database,
                "newest_missing": (self.newest_missing.isoformat()
                                   if self.newest_missing else None),
                "missing": [f.to_dict() for f in self.missing]}

    def notice(self, lang: str | None = None) -> str:
        """The counter's one sentence about the missing lines ("" when none is)."""
        if not self.missing:
            return ""
        return render("journal_check_notice",
                      {"count": len(self.missing),
                       "time": local_time(self.newest_missing.isoformat()
                                          if self.newest_missing else None)}, lang)

    def lines(self, lang: str | None = None) -> list[str]:
        """One sentence per missing line, then the total (and what to do)."""
        said = [render("journal_check_missing", {
            "application": f.application_no, "time": local_time(f.collected_at.isoformat()),
            "counter": f.counter if f.counter is not None else "-",
            "officer": f.officer or "-"}, lang) for f in self.missing]
        total = render("journal_check_total", {"checked": self.checked,
                                               "missing": len(self.missing)}, lang)
        if self.other_database:
            total += " " + render("journal_check_other_database",
                                  {"count": self.other_database}, lang)
        if self.missing:
            total += " " + render("journal_check_hint", {"path": self.source}, lang)
        return [*said, total]


# What the check reads of a record: its status, handover time and last change.
_Row = tuple[str, dt.datetime | None, dt.datetime | None]


def _is_missing(fact: HandoverFact, row: _Row | None) -> bool:
    if row is None:
        return True  # the restored database does not know the application at all
    status, collected_at, updated_at = row
    at = fact.collected_at.replace(tzinfo=None)
    if status == COLLECTED and collected_at is not None \
            and collected_at.replace(tzinfo=None) == at:
        return False
    # Changed after the handover: a person settled it since (an undo, another counter's
    # handover, a cancellation); only an older state means the handover was lost.
    return updated_at is None or updated_at.replace(tzinfo=None) <= at


def _rows(numbers: list[str]) -> dict[str, _Row]:
    """The records of ``numbers``, one ``IN`` query per :data:`BATCH`."""
    found: dict[str, _Row] = {}
    for start in range(0, len(numbers), BATCH):
        query = (PickupRecord.select(PickupRecord.application_no, PickupRecord.status,
                                     PickupRecord.collected_at, PickupRecord.updated_at)
                 .where(PickupRecord.application_no.in_(numbers[start:start + BATCH])))
        rows = cast(list[tuple[Any, ...]], list(query.tuples()))
        found.update((str(no), (str(status), collected, updated))
                     for no, status, collected, updated in rows)
    return found


def unrecorded(path: Path | None = None) -> JournalCheck:
    """The handovers of this PC's journal (or of ``path``) that the database lacks.

    A PC that never handed anything over has no journal: nothing is checked and the
    database is not asked. Lines of another database (its ``database_id``) are
    counted apart and not looked up: the replay does not take them either, unless
    the supervisor says so. Read only."""
    if path is None and not journal.journal_path().is_file():
        return JournalCheck(str(journal.journal_path()), 0)
    facts, source = facts_from_journal(path)
    if not facts:
        return JournalCheck(source, 0)

    def work() -> JournalCheck:
        here = seen_database_id() or get_settings().database_id
        ours = [f for f in facts if not (f.database_id and here and f.database_id != here)]
        seen: set[tuple[str, dt.datetime]] = set()
        unique = []
        for fact in sorted(ours, key=lambda f: (f.collected_at, f.application_no)):
            key = (fact.application_no.strip().upper(), fact.collected_at)
            if key not in seen:
                seen.add(key)
                unique.append(fact)
        rows = _rows(sorted({no for no, _at in seen})) if unique else {}
        missing = tuple(f for f in unique
                        if _is_missing(f, rows.get(f.application_no.strip().upper())))
        return JournalCheck(source, len(ours), missing, len(facts) - len(ours),
                            max((f.collected_at for f in missing), default=None))

    return read(work)
