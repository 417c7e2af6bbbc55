"""A ticket merged from another database remembers where it came from.

``ticket.origin`` is the identity a ticket had on the emergency PC's file
(``<queue code>:<service day>:<seq>:<issued_at>``); its unique index is what makes
``loket ticket merge`` write each such ticket once, however often it runs. Tickets
issued here keep NULL (a unique index admits many NULLs on every backend).
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run

NAME = "ticket_origin"


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Add ``ticket.origin`` and its unique index, each unless it is there."""
    if "origin" not in {column.name for column in db.get_columns("ticket")}:
        run(migrator.add_column("ticket", "origin", pw.CharField(max_length=100, null=True)))
    if not any(tuple(index.columns) == ("origin",) for index in db.get_indexes("ticket")):
        run(migrator.add_index("ticket", ("origin",), unique=True))
