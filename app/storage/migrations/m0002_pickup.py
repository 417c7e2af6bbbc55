"""Passport pickup: the pickup records and the link from a ticket to its passport."""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run

NAME = "pickup"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Create ``pickup_record`` and add ``ticket.pickup_id``.

    The tables are described here as they are at version 2 (not imported from
    ``app.storage.models``, which will keep changing), so this step stays the same forever.
    """

    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Counter(_Base):
        class Meta:
            table_name = "counter"

    class Officer(_Base):
        class Meta:
            table_name = "officer"

    class PickupRecord(_Base):
        id = pw.AutoField()
        application_no = pw.CharField(max_length=32, unique=True)
        name = pw.CharField(max_length=100)
        passport_no = pw.CharField(max_length=16, default="")
        batch = pw.CharField(max_length=64, default="")
        location = pw.CharField(max_length=64, default="")
        status = pw.CharField(max_length=12, default="printing")
        ready_date = pw.DateField(null=True)
        collect_by = pw.DateField(null=True)
        imported_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()
        collected_at = pw.DateTimeField(null=True)
        collected_counter = pw.ForeignKeyField(Counter, null=True, backref="+")
        collected_officer = pw.ForeignKeyField(Officer, null=True, backref="+")
        collector = pw.CharField(max_length=8, null=True)
        collector_name = pw.CharField(max_length=100, null=True)
        id_checked = pw.BooleanField(default=False)
        verified = pw.BooleanField(default=False)
        cancelled_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "pickup_record"
            indexes = (
                (("status", "collect_by"), False),
                (("batch", "status"), False),
            )

    db.create_tables([PickupRecord], safe=True)
    columns = {c.name for c in db.get_columns("ticket")}
    if "pickup_id" not in columns:
        run(migrator.add_column("ticket", "pickup_id",
                                pw.ForeignKeyField(PickupRecord, null=True,
                                                   field=PickupRecord.id, index=False)))
        run(migrator.add_index("ticket", ("pickup_id", "status")))
