"""A "your passport is ready" message may invite its holder on one day.

``notification.invited_for`` is the pickup day a ``passport_ready`` message names
(:mod:`app.notify.invitations`), NULL when it names none. Its index serves the count of
invitations per day that keeps each day within the office's
``pickup_invite_per_day``.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run

NAME = "notify_invited_for"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Add ``notification.invited_for`` and its index, each unless it is there."""
    if "invited_for" not in {column.name for column in db.get_columns("notification")}:
        run(migrator.add_column("notification", "invited_for", pw.DateField(null=True)))
    if not any(tuple(index.columns) == ("invited_for",)
               for index in db.get_indexes("notification")):
        run(migrator.add_index("notification", ("invited_for",), unique=False))
