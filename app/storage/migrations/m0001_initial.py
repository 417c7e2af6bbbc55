"""The first schema: queues, counters, officers, tickets, feed, audit, settings."""

from __future__ import annotations

import peewee
from playhouse.migrate import SchemaMigrator

NAME = "initial"


def migrate(db: peewee.Database, migrator: SchemaMigrator) -> None:
    """Nothing to do: a new database is created from the models at the newest version.

    Later migrations change what this version created, e.g.
    ``migrate_ops(migrator.add_column("ticket", "note", TextField(default="")))``.
    """
