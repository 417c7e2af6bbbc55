"""Erasing personal data when its retention period ends (UU PDP 27/2022).

A passport that was collected or cancelled more than ``retention_days`` ago keeps
everything the office's statistics need — status, dates, counter, officer, batch,
who collected it (holder, family, proxy), whether the ID was checked and the scan
verified — but loses what names a person: the holder's name and passport number
and the collector's name. The audit log keeps the collector's name in two places,
the handover (``pickup_handed_over``) and its undoing (``pickup_handover_undone``);
those fields are erased too, for the same passports only.

The audit log is append-only (see :class:`app.storage.models.AuditEntry`, whose model
refuses updates). Erasing names from it is the one documented exception: only
:func:`purge` does it, with a query-level UPDATE of the ``details`` column of the
entries concerned, in the same transaction as an audit entry of its own
(``personal_data_purged``: the cutoff and the counts, no names).

A purge is idempotent: a second run finds nothing left to erase.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any, Final, cast

import peewee as pw

from app import clock
from app.office import permissions
from app.office.audit import record
from app.office.settings import get_settings
from app.storage import json_text
from app.storage.models import CANCELLED, COLLECTED, AuditEntry, PickupRecord
from app.storage.transactions import read, run_in_transaction

# What an erased name reads as (the counter's panel and messages show it as is).
PLACEHOLDER: Final = "(dihapus)"
# Audit actions whose details carry a collector's name, keyed by the passport's number.
NAMED_ACTIONS: Final = ("pickup_handed_over", "pickup_handover_undone")


@dataclass(frozen=True)
class PurgeResult:
    cutoff: str  # office date: passports collected or cancelled before it are erased
    retention_days: int
    records: int  # pickup records erased (or that a dry run would erase)
    audit_entries: int  # audit entries whose names were erased
    dry_run: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _cutoff(today: dt.date | None) -> tuple[dt.date, dt.datetime, int]:
    """(cutoff date, its start as naive UTC, retention days)."""
    office = get_settings(fresh=True)
    today = today or clock.service_day(office.timezone)
    day = today - dt.timedelta(days=office.retention_days)
    start = dt.datetime.combine(day, dt.time(0), tzinfo=clock.zone(office.timezone))
    return day, start.astimezone(dt.UTC).replace(tzinfo=None), office.retention_days


def _closed_before(cutoff: dt.datetime) -> pw.Expression:
    """Collected, or cancelled, before ``cutoff`` (a cancellation without its own
    time counts from the record's last change)."""
    cancelled_at = pw.fn.COALESCE(PickupRecord.cancelled_at, PickupRecord.updated_at)
    return (((PickupRecord.status == COLLECTED) & (PickupRecord.collected_at < cutoff))
            | ((PickupRecord.status == CANCELLED) & (cancelled_at < cutoff)))


def _still_named() -> pw.Expression:
    return ((PickupRecord.name != PLACEHOLDER) | (PickupRecord.passport_no != "")
            | (PickupRecord.collector_name.is_null(False)
               & (PickupRecord.collector_name != "")
               & (PickupRecord.collector_name != PLACEHOLDER)))


def _named(value: Any) -> bool:
    return isinstance(value, str) and value not in ("", PLACEHOLDER)


def _scrubbed(details: Any) -> dict[str, Any] | None:
    """``details`` without the collector's name, or None if it names nobody."""
    if not isinstance(details, dict):
        return None
    changed = False
    if _named(details.get("collector_name")):
        details["collector_name"] = PLACEHOLDER
        changed = True
    undone = details.get("undone")
    if isinstance(undone, dict) and _named(undone.get("collector_name")):
        undone["collector_name"] = PLACEHOLDER
        changed = True
    # The written reason of an undone handover is free text and may name people.
    if isinstance(undone, dict) and _named(details.get("reason")):
        details["reason"] = PLACEHOLDER
        changed = True
    return details if changed else None


def _named_entries(cutoff: dt.datetime) -> list[tuple[int, str]]:
    """(audit entry id, details without names) of the entries to erase."""
    query = (AuditEntry.select(AuditEntry.id, AuditEntry.details, PickupRecord.id)
             .join(PickupRecord, on=(AuditEntry.subject == PickupRecord.application_no))
             .where(AuditEntry.action.in_(NAMED_ACTIONS) & _closed_before(cutoff)
                    & AuditEntry.details.contains("collector_name"))
             .order_by(AuditEntry.id).tuples())
    found = []
    for entry_id, text, record_id in cast(list[tuple[Any, ...]], list(query)):
        try:
            details = json_text.loads(text)
        except ValueError:
            continue
        # The subject is the application number; the record id makes sure it is this one.
        if not isinstance(details, dict) or details.get("record") != record_id:
            continue
        clean = _scrubbed(details)
        if clean is not None:
            found.append((int(entry_id), json_text.dumps(clean)))
    return found


def purge(by: int, today: dt.date | None = None, dry_run: bool = False) -> PurgeResult:
    """Erase the personal data of passports closed more than ``retention_days`` ago.

    ``by``: the officer asking, who must be an admin (act ``purge``), for a dry run too
    (it counts personal data). ``today``: the
    office date to count from (default: today). A dry run says how much would be
    erased and changes nothing.
    """
    day, cutoff, keep_days = _cutoff(today)

    def plan() -> tuple[int, list[tuple[int, str]]]:
        records = (PickupRecord.select()
                   .where(_closed_before(cutoff) & _still_named()).count())
        return records, _named_entries(cutoff)

    if dry_run:
        def counted() -> tuple[int, list[tuple[int, str]]]:
            permissions.require(by, "purge")
            return plan()

        records, entries = read(counted)
        return PurgeResult(day.isoformat(), keep_days, records, len(entries), True)

    def work() -> PurgeResult:
        permissions.require(by, "purge")
        _, entries = plan()
        erased = (PickupRecord.update(
            name=PLACEHOLDER, passport_no="",
            collector_name=pw.Case(None, [(PickupRecord.collector_name.is_null()
                                           | (PickupRecord.collector_name == ""),
                                           PickupRecord.collector_name)], PLACEHOLDER))
            .where(_closed_before(cutoff) & _still_named()).execute())
        for entry_id, details in entries:
            # The one exception to the audit log's append-only rule (see the module's
            # docstring): a query-level update of the details, done only here.
            pw.ModelUpdate(AuditEntry, {AuditEntry.details: details}).where(
                AuditEntry.id == entry_id).execute()
        result = PurgeResult(day.isoformat(), keep_days, int(erased), len(entries), False)
        record("personal_data_purged", officer=by, subject=f"before {day.isoformat()}",
               details={"cutoff": day.isoformat(), "retention_days": keep_days,
                        "records": result.records, "audit_entries": result.audit_entries})
        return result

    return run_in_transaction(work)
