"""M-Paspor bookings: the ``booking`` table, and a ticket's place in its line.

``ticket.line_at`` is what call-next orders by: the issue time of a walk-in (every
ticket so far), the slot of a booking checked in. The call-order index moves from
``issued_at`` to ``line_at``, so call-next stays one index-ordered ``LIMIT 1`` read.
The tables are described here as they are at version 11 (not imported from
``app.storage.models``), so this step stays the same forever.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run

NAME = "bookings"

_OLD_INDEX = ("service_day", "status", "service_queue_id", "issued_at", "id")
_NEW_INDEX = ("service_day", "status", "service_queue_id", "line_at", "id")


def _has_index(db: pw.Database, columns: tuple[str, ...]) -> str | None:
    for index in db.get_indexes("ticket"):
        if tuple(index.columns) == columns:
            return str(index.name)
    return None


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Add ``ticket.line_at`` (the issue time of every ticket so far) and ``booked``,
    move the call-order index to ``line_at``, create ``booking``; each unless done."""

    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Queue(_Base):
        id = pw.AutoField()

        class Meta:
            table_name = "queue"

    class Ticket(_Base):
        id = pw.AutoField()

        class Meta:
            table_name = "ticket"

    class Booking(_Base):
        id = pw.AutoField()
        code = pw.CharField(max_length=32, unique=True)
        name = pw.CharField(max_length=100)
        queue = pw.ForeignKeyField(Queue, backref="+")
        service_day = pw.DateField()
        slot_at = pw.DateTimeField()
        ticket = pw.ForeignKeyField(Ticket, null=True, backref="+", on_delete="SET NULL")
        checked_in_at = pw.DateTimeField(null=True)
        imported_at = pw.DateTimeField()

        class Meta:
            table_name = "booking"
            indexes = ((("service_day", "slot_at"), False),)

    columns = {column.name for column in db.get_columns("ticket")}
    if "line_at" not in columns:
        run(migrator.add_column("ticket", "line_at", pw.DateTimeField(null=True)))
        db.execute_sql("UPDATE ticket SET line_at = issued_at")
        run(migrator.add_not_null("ticket", "line_at"))
    if "booked" not in columns:
        run(migrator.add_column("ticket", "booked", pw.BooleanField(default=False)))
    if _has_index(db, _NEW_INDEX) is None:
        run(migrator.add_index("ticket", _NEW_INDEX))
    old = _has_index(db, _OLD_INDEX)
    if old is not None:
        run(migrator.drop_index("ticket", old))
    db.create_tables([Booking], safe=True)
