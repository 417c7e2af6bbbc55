"""Schema version 9 adds contacts, the opt-out list and the outbox to an older database."""

from __future__ import annotations

from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_ops

from app.storage import db as dbmod
from app.storage import migrations
from app.storage.migrations import m0009_notifications
from app.storage.models import Notification, NotifyOptOut, PickupRecord, SchemaVersion
from tests.unit.notify.conftest import SHELF, import_list


def test_schema_version_9_adds_the_outbox_to_an_older_database(office: str, july: None) -> None:
    db = dbmod.database.obj
    db.drop_tables([Notification, NotifyOptOut])
    migrator = SchemaMigrator.from_database(db)
    run_ops(migrator.drop_column("pickup_record", "contact"),
            migrator.drop_column("pickup_record", "notify_opt_out"))
    SchemaVersion.delete().where(SchemaVersion.version >= 8).execute()
    assert "notification" not in db.get_tables()

    assert migrations.migrate(db) == (7, migrations.head_version())
    columns = {c.name for c in db.get_columns("pickup_record")}
    assert {"contact", "notify_opt_out"} <= columns
    assert {"notification", "notify_opt_out"} <= set(db.get_tables())
    m0009_notifications.migrate(db, SchemaMigrator.from_database(db))  # twice: no change
    import_list(SHELF)  # the new tables work as the current models expect
    assert Notification.select().count() == 2
    assert PickupRecord.select().where(PickupRecord.contact.is_null(False)).count() == 3
