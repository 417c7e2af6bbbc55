"""The audit log: indexes for reading it by date and by kind of act.

A year of a busy office writes about a million audit entries. The supervisor's log
viewer filters by office dates (``at``) and by action; the daily backup looks up the
newest ``backup_made`` entry every few minutes. Without these indexes each of those
reads scans the whole log.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run

NAME = "audit"
INDEXES = {"audit_entry_at": ("at",), "audit_entry_action_id": ("action", "id")}


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Add each index unless it is there (the names ``app.storage.models`` gives them)."""
    present = {index.name for index in db.get_indexes("audit_entry")}
    for name, columns in INDEXES.items():
        if name not in present:
            run(migrator.add_index("audit_entry", columns))
