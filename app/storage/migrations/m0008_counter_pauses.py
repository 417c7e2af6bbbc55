"""Counter pauses: a counter's break, prayer or system fault, from start to end.

The table is described here as it is at version 8 (not imported from
``app.storage.models``, which will keep changing), so this step stays the same forever.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator

NAME = "counter_pauses"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Create ``counter_pause`` unless it is there."""

    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Counter(_Base):
        id = pw.AutoField()

        class Meta:
            table_name = "counter"

    class Officer(_Base):
        id = pw.AutoField()

        class Meta:
            table_name = "officer"

    class CounterPause(_Base):
        id = pw.AutoField()
        counter = pw.ForeignKeyField(Counter, backref="+")
        reason = pw.CharField(max_length=16)
        started_at = pw.DateTimeField()
        ended_at = pw.DateTimeField(null=True)
        officer = pw.ForeignKeyField(Officer, null=True, backref="+")

        class Meta:
            table_name = "counter_pause"
            indexes = (
                (("counter", "ended_at"), False),
                (("started_at",), False),
            )

    db.create_tables([CounterPause], safe=True)
