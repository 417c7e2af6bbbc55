"""The audit log made append-only by the database, and its names moved out of it.

Adds ``audit_note`` (the names and written reasons an audit entry refers to, which
the retention purge erases) and the triggers of :mod:`app.storage.guards` that
refuse every UPDATE and DELETE of ``audit_entry``, for every login.

Entries written before this version may still hold a collector's name or a reason in
their details; those are moved to notes here, the one time the log is rewritten,
before the triggers exist.
"""

from __future__ import annotations

from typing import Any

import peewee as pw
from playhouse.migrate import SchemaMigrator

from app import clock
from app.storage import guards, json_text

NAME = "audit_guard"
_NAMED_ACTIONS = ("pickup_handed_over", "pickup_handover_undone", "ticket_cancelled")


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class PickupRecord(_Base):
        class Meta:
            table_name = "pickup_record"

    class AuditNote(_Base):
        id = pw.BigAutoField()
        at = pw.DateTimeField()
        kind = pw.CharField(max_length=16)
        text = pw.TextField()
        pickup = pw.ForeignKeyField(PickupRecord, null=True, backref="+",
                                    on_delete="SET NULL")

        class Meta:
            table_name = "audit_note"
            indexes = ((("at",), False),)

    db.create_tables([AuditNote], safe=True)
    now = clock.utcnow()
    rows = db.execute_sql(
        "SELECT id, action, details FROM audit_entry WHERE action IN (%s, %s, %s)"
        .replace("%s", db.param), _NAMED_ACTIONS).fetchall()
    for entry_id, action, text in rows:
        try:
            details: Any = json_text.loads(text)
        except ValueError:
            continue
        if not isinstance(details, dict):
            continue
        pickup = details.get("record") if action != "ticket_cancelled" else None
        if not isinstance(pickup, int):
            pickup = None

        def note(kind: str, value: Any, pickup: int | None = pickup) -> int | None:
            if not isinstance(value, str) or not value:
                return None
            return int(AuditNote.insert(at=now, kind=kind, text=value,
                                        pickup=pickup).execute())

        changed = False
        for key, kind in (("collector_name", "collector_name"), ("reason", "reason")):
            if key in details:
                ref = note(kind, details.pop(key))
                if ref is not None:
                    details[f"{kind}_note"] = ref
                changed = True
        undone = details.get("undone")
        if isinstance(undone, dict) and "collector_name" in undone:
            ref = note("collector_name", undone.pop("collector_name"))
            if ref is not None:
                undone["collector_name_note"] = ref
            changed = True
        if changed:
            db.execute_sql(f"UPDATE audit_entry SET details = {db.param} WHERE id = {db.param}",
                           (json_text.dumps(details), entry_id))
    guards.install(db)
