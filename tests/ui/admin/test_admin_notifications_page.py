"""The "Pemberitahuan" page: what was sent, what waits, what failed and why; send again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.notify.sender import Channels, Sender
from app.office import officers
from app.storage.models import AuditEntry, Notification
from tests.helpers import NOW, WAIT
from tests.helpers.gateway import gateway
from tests.unit.notify.conftest import PASSPORTS, SHELF, import_list
from ui.admin.notify_sender import BackgroundSender
from ui.admin.pages.notifications import NotificationsPage
from ui.kit.worker import DbWorker


def test_failed_messages_show_why_and_can_be_sent_again(
        office: str, qtbot: QtBot, travel: Callable[[dt.datetime], None],
        english: str) -> None:
    travel(NOW)
    import_list(SHELF)
    with gateway(lambda body, key: 400) as gw:
        Sender(Channels(url=gw.url)).run_once()
    sup = officers.add_officer("sup", "rahasia-123", role="supervisor", full_name="Sup")
    worker = DbWorker()
    try:
        page = NotificationsPage(worker, sup)
        qtbot.addWidget(page)
        page.show()
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            page.refresh()
        table = page.table
        assert table.rowCount() == 2
        cells = [[table.item(r, c).text() for c in range(table.columnCount())]
                 for r in range(table.rowCount())]
        assert cells[0][:5] == ["failed", "passport ready", "+6281234567890",
                                "2024-TNG-000001", "1"]
        # Made at NOW (UTC), shown in the office's time (Asia/Jakarta, UTC+7).
        assert cells[0][5] == f"made {(NOW + dt.timedelta(hours=7)):%d/%m/%Y %H:%M}"
        assert cells[0][6] == "the gateway refused the message (HTTP 400 Bad Request)"
        assert not any(n in " ".join(sum(cells, [])) for n in PASSPORTS)
        assert "failed 1" in page.counts.text()
        assert not page.retry_button.isEnabled()
        table.selectRow(0)
        assert page.retry_button.isEnabled() and "Budi Santoso" in page.chosen.text()
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            page.retry_button.click()
        assert page.message.text() == "The message will be sent again."
        assert table.item(0, 0).text() == "pending"
        assert table.item(0, 5).text() == "next try 01/07/2024 10:00"  # now, office time
        assert AuditEntry.select().where(
            AuditEntry.action == "notification_retried").count() == 1
    finally:
        worker.shutdown()


def test_the_supervisors_pc_sends_in_a_thread_of_its_own(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    from app.office import settings
    from tests.helpers.people import setup_admin

    travel(NOW)
    import_list(SHELF)
    with gateway() as gw:
        settings.update_settings(setup_admin(), notify_url=gw.url)
        background = BackgroundSender(interval_s=0.1)
        background.start()
        try:
            deadline = dt.datetime.now() + dt.timedelta(seconds=60)
            while not gw.accepted and dt.datetime.now() < deadline:
                background._stop.wait(0.05)
        finally:
            background.stop()
    assert not background.running and len(gw.accepted) == 1
    assert Notification.get(Notification.to == "+6281234567890").state == "sent"
