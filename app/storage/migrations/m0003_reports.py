"""Reports: an index on ``pickup_record.collected_at``.

A report reads the handovers of its days by ``collected_at``; without the index each
report, even of one day, scans every pickup record the office ever had.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run

NAME = "reports"
INDEX = "pickup_record_collected_at"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Add the index unless it is there (the same name ``app.storage.models`` gives it)."""
    if INDEX not in {index.name for index in db.get_indexes("pickup_record")}:
        run(migrator.add_index("pickup_record", ("collected_at",)))
