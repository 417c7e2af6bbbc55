"""Putting a database into a state a test starts from: a MariaDB emptied by hand, a
schema as the first release made it."""

from __future__ import annotations

import peewee
import pymysql
from playhouse.migrate import migrate as run_ops

from app.storage import db as dbmod
from app.storage.models import AuditNote, Notification, NotifyOptOut, PickupRecord, SchemaVersion
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


def back_to_version_1(db: peewee.Database) -> None:
    """Undo what schema versions 2, 5 and 9 added (their tables), as a database made by
    the first release."""
    from playhouse.migrate import SchemaMigrator

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
