"""Notifications to applicants: a contact on each passport, an opt-out, the outbox.

The tables and columns are described here as they are at version 9 (not imported from
``app.storage.models``, which will keep changing), so this step stays the same forever.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_ops

NAME = "notifications"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Add ``pickup_record.contact`` and ``notify_opt_out``; create ``notification`` and
    ``notify_opt_out`` unless they are there."""

    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class PickupRecord(_Base):
        id = pw.AutoField()

        class Meta:
            table_name = "pickup_record"

    class Notification(_Base):
        id = pw.CharField(max_length=36, primary_key=True)
        kind = pw.CharField(max_length=24)
        to = pw.CharField(max_length=100)
        text = pw.TextField()
        created_at = pw.DateTimeField()
        due_at = pw.DateTimeField()
        attempts = pw.IntegerField(default=0)
        next_attempt_at = pw.DateTimeField()
        sent_at = pw.DateTimeField(null=True)
        failed_reason = pw.CharField(max_length=255, null=True)
        state = pw.CharField(max_length=12, default="pending")
        pickup = pw.ForeignKeyField(PickupRecord, null=True, backref="+", on_delete="CASCADE")

        class Meta:
            table_name = "notification"
            indexes = (
                (("state", "next_attempt_at"), False),
                (("pickup", "kind"), True),
            )

    class NotifyOptOut(_Base):
        contact = pw.CharField(max_length=100, primary_key=True)
        at = pw.DateTimeField()

        class Meta:
            table_name = "notify_opt_out"

    have = {c.name for c in db.get_columns("pickup_record")}
    ops = []
    if "contact" not in have:
        ops.append(migrator.add_column("pickup_record", "contact",
                                       pw.CharField(max_length=100, null=True)))
    if "notify_opt_out" not in have:
        ops.append(migrator.add_column("pickup_record", "notify_opt_out",
                                       pw.BooleanField(default=False)))
    if ops:
        run_ops(*ops)
    db.create_tables([Notification, NotifyOptOut], safe=True)
