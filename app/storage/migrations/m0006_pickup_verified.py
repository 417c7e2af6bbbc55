"""A pickup ticket remembers whether it was checked in with the signed slip.

The counter that calls the ticket then shows the passport as verified without the
slip being scanned a second time (before, every pickup ticket's panel warned "not
verified", and officers learnt to ignore the warning). NULL: not verified.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run

NAME = "pickup_verified"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Add ``ticket.pickup_verified`` unless it is there."""
    if "pickup_verified" not in {column.name for column in db.get_columns("ticket")}:
        run(migrator.add_column("ticket", "pickup_verified",
                                pw.BooleanField(null=True)))
