"""A phone number left at the kiosk for one ticket, for the ``number_near`` notice.

The table is described here as it is at version 14 (not imported from
``app.storage.models``, which will keep changing), so this step stays the same forever.
It refers to ``ticket`` by its id. The database logins made before this version get
their mode's grants on the new table (:func:`app.storage.logins.grant_new_table`).
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator

from app.storage.logins import grant_new_table

NAME = "ticket_contact"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Create ``ticket_contact`` unless it is there."""

    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Ticket(_Base):
        id = pw.AutoField()

        class Meta:
            table_name = "ticket"

    class TicketContact(_Base):
        id = pw.AutoField()
        ticket = pw.ForeignKeyField(Ticket, unique=True, backref="+", on_delete="CASCADE")
        phone = pw.CharField(max_length=20)
        created_at = pw.DateTimeField()
        notified_at = pw.DateTimeField(null=True)
        notification = pw.CharField(max_length=36, null=True)

        class Meta:
            table_name = "ticket_contact"

    db.create_tables([TicketContact], safe=True)
    # The logins made before this version get their mode's grants on it (a kiosk's
    # insert, nothing for the display), so the office's PCs need no new login.
    grant_new_table(db, "ticket_contact")
