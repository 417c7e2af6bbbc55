"""Day profiles: how the office runs a given weekday or date (a pickup-only weekend).

The tables are described here as they are at version 7 (not imported from
``app.storage.models``, which will keep changing), so this step stays the same forever.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator

NAME = "day_profiles"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Create ``day_profile`` and ``day_schedule`` unless they are there."""

    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class DayProfile(_Base):
        id = pw.AutoField()
        name = pw.CharField(max_length=64, unique=True)
        open_queues = pw.TextField(null=True)
        counters = pw.TextField(null=True)
        opens = pw.CharField(max_length=5, null=True)
        issue_until = pw.CharField(max_length=5, null=True)
        updated_at = pw.DateTimeField()

        class Meta:
            table_name = "day_profile"

    class DaySchedule(_Base):
        applies_on = pw.CharField(max_length=10, primary_key=True)
        profile = pw.ForeignKeyField(DayProfile, backref="schedule", on_delete="CASCADE")

        class Meta:
            table_name = "day_schedule"

    db.create_tables([DayProfile, DaySchedule], safe=True)
