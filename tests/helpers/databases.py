"""Putting a database into a state a test starts from: a MariaDB emptied by hand, a
schema as the first release made it."""

from __future__ import annotations

import peewee
import pymysql
from playhouse.migrate import migrate as run_ops

from app.storage import db as dbmod
from app.storage.models import (
    AuditNote,
    Notification,
    NotifyOptOut,
    PickupRecord,
    SchemaVersion,
    Setting,
    SigningKey,
)
from tests.password_servers import PasswordServer


def empty_mysql(server: PasswordServer) -> None:
    conn = pymysql.connect(host=server.host, port=server.port, user=server.user,
                           password=server.password, database=server.database)
    try:
        with conn.cursor() as cur:
            cur.execute("SET FOREIGN_KEY_CHECKS = 0")
            cur.execute("SHOW TABLES")
            for (table,) in cur.fetchall():
                cur.execute(f"DROP TABLE `{table}`")
        conn.commit()
    finally:
        conn.close()


def keys_back_in_setting(db: peewee.Database) -> None:
    """Undo schema version 13: the signing keys back in ``setting``, no ``signing_key``."""
    with db.atomic():
        for row in SigningKey.select():
            Setting.insert(key=row.key, value=row.value).execute()
    db.drop_tables([SigningKey])
    SchemaVersion.delete().where(SchemaVersion.version >= 13).execute()


def back_to_version_1(db: peewee.Database) -> None:
    """Undo what schema versions 2, 5, 9 and 13 added (their tables), as a database made
    by the first release."""
    from playhouse.migrate import SchemaMigrator

    keys_back_in_setting(db)
    migrator = SchemaMigrator.from_database(db)
    if dbmod.backend_of(db) == "mysql":
        for fk in db.get_foreign_keys("ticket"):
            if fk.column == "pickup_id":
                db.execute_sql(f"ALTER TABLE ticket DROP FOREIGN KEY {fk.name}")
    # SQLite cannot drop a column with a foreign key in place: peewee rebuilds the table.
    extra = {"legacy": True} if dbmod.backend_of(db) == "sqlite" else {}
    run_ops(migrator.drop_index("ticket", "ticket_pickup_id_status"),
            migrator.drop_column("ticket", "pickup_id", **extra))
    db.drop_tables([Notification, NotifyOptOut, AuditNote, PickupRecord])
    SchemaVersion.delete().where(SchemaVersion.version >= 2).execute()
