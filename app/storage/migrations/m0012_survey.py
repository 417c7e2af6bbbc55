"""The community satisfaction survey (SKM): one answer per finished ticket.

The table is described here as it is at version 12 (not imported from
``app.storage.models``, which will keep changing), so this step stays the same forever.
It refers to ``ticket``, ``queue``, ``counter`` and ``officer`` by their ids.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator

NAME = "survey"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Create ``survey_response`` unless it is there."""

    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    def stub(table: str) -> type[pw.Model]:
        """A table referred to by its id only."""
        meta = type("Meta", (), {"table_name": table})
        return type(table.title(), (_Base,), {"id": pw.AutoField(), "Meta": meta})

    queue_table, counter_table, officer_table, ticket_table = (
        stub(t) for t in ("queue", "counter", "officer", "ticket"))

    class SurveyResponse(_Base):
        id = pw.AutoField()
        ticket = pw.ForeignKeyField(ticket_table, unique=True, backref="+", on_delete="CASCADE")
        service_day = pw.DateField()
        queue = pw.ForeignKeyField(queue_table, backref="+")
        counter = pw.ForeignKeyField(counter_table, null=True, backref="+")
        officer = pw.ForeignKeyField(officer_table, null=True, backref="+")
        form = pw.CharField(max_length=8)
        u1 = pw.IntegerField(null=True)
        u2 = pw.IntegerField(null=True)
        u3 = pw.IntegerField(null=True)
        u4 = pw.IntegerField(null=True)
        u5 = pw.IntegerField(null=True)
        u6 = pw.IntegerField(null=True)
        u7 = pw.IntegerField(null=True)
        u8 = pw.IntegerField(null=True)
        u9 = pw.IntegerField(null=True)
        comment = pw.TextField(null=True)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "survey_response"
            indexes = ((("service_day",), False), (("created_at",), False))

    db.create_tables([SurveyResponse], safe=True)
