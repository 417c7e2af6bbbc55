"""The QR signing keys move out of ``setting`` into ``signing_key``, a table of their own.

The lobby display's login reads ``setting`` (the office's name, the calls' language);
while the keys were rows there, whoever held that login could sign a pickup slip or a
ticket. The kiosk's, the counter's and the admin's logins are granted the new table
here too (run as the owner), so an office upgraded in place needs no ``db-user create``.

The table is described here as it is at version 13 (not imported from
``app.storage.models``, which will keep changing), so this step stays the same forever.
A restore migrates an older backup's rows with the tables already made: each part
checks what is there first, and running it twice changes nothing.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator

from app.storage import logins
from app.storage.db import backend_of

NAME = "signing_key_table"
KEY_ROWS = ("signing_secret", "previous_signing_keys")


def migrate(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Create ``signing_key``, move the key rows into it, grant it to the logins."""

    class _Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Setting(_Base):
        key = pw.CharField(max_length=64, primary_key=True)
        value = pw.TextField()

        class Meta:
            table_name = "setting"

    class SigningKey(_Base):
        key = pw.CharField(max_length=64, primary_key=True)
        value = pw.TextField()

        class Meta:
            table_name = "signing_key"

    # A restore has made the table already, inside the transaction that loads the rows:
    # no DDL then (MariaDB would commit that transaction), and no grants (a restore's
    # tables are new; the logins are made again after it, docs/server-setup.md).
    made = "signing_key" not in db.get_tables()
    if made:
        db.create_tables([SigningKey])

    def move() -> None:
        for row in Setting.select().where(Setting.key.in_(KEY_ROWS)):
            if not SigningKey.select().where(SigningKey.key == row.key).exists():
                SigningKey.insert(key=row.key, value=row.value).execute()
        Setting.delete().where(Setting.key.in_(KEY_ROWS)).execute()

    if db.in_transaction():  # the migration's or the restore's (no savepoint: MariaDB
        move()               # may have ended it by an earlier step's DDL)
    else:
        with db.atomic():
            move()
    if made and backend_of(db) != "sqlite":
        # After the rows (MariaDB commits at each GRANT).
        logins.grant_new_table(db, "signing_key")
