"""The "Pemberitahuan" page: what was sent, what waits, what failed and why; send again;
each pickup day's invitations and their limit."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.notify.sender import Channels, Sender
from app.office import admin, officers, settings
from app.office.officers import OfficerView
from app.office.settings import get_settings
from app.pickup import service as pickup
from app.storage.models import AuditEntry, Notification
from tests.helpers import NOW, WAIT
from tests.helpers.admin_pages import PageOpener
from tests.helpers.gateway import gateway
from tests.helpers.people import setup_admin
from tests.unit.notify.conftest import PASSPORTS, SHELF, import_list, phone_list
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


def _invited_backlog(travel: Callable[[dt.datetime], None]) -> None:
    """On Monday 1 July 2024, at most 2 a day: three holders invited, two on Tuesday
    (one of whom has collected since) and one on Wednesday."""
    travel(NOW)
    settings.update_settings(setup_admin(), pickup_invite_per_day=2)
    import_list(phone_list(1, 3), batch="Backlog PDN Juni 2024")
    officers.add_officer("petugas1", "petugas123")
    pickup.hand_over("2024-TNG-000001", 5, "petugas1", "self", id_checked=True)


def _opened_on_backlog(travel: Callable[[dt.datetime], None], open_page: PageOpener,
                       role: str) -> tuple[NotificationsPage, OfficerView]:
    """The page on :func:`_invited_backlog`'s office, opened by a new officer of ``role``."""
    _invited_backlog(travel)
    officer = open_page.officer_of(role)
    return open_page(NotificationsPage, officer, size=(1366, 768), loaded="loaded"), officer


def _days(page: NotificationsPage) -> list[list[str]]:
    table = page.invitations.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _limit_changes() -> int:
    return sum("pickup_invite_per_day" in json.loads(e.details) for e in
               AuditEntry.select().where(AuditEntry.action == "settings_changed"))


def test_each_pickup_days_invitations_and_a_new_limit(
        office: str, qtbot: QtBot, travel: Callable[[dt.datetime], None],
        open_admin_page: PageOpener, english: str) -> None:
    page, _ = _opened_on_backlog(travel, open_admin_page, "supervisor")
    box = page.invitations
    assert _days(page) == [["Tuesday, 02/07/2024", "2", "1"],
                           ["Wednesday, 03/07/2024", "1", "0"]]
    assert box.limit.value() == 2 and not box.limit.isReadOnly()
    assert box.summary.text() == \
        "3 invited over 2 day(s) from today; 1 of them have collected."
    assert not box.save_button.isEnabled()  # nothing changed yet

    before = _limit_changes()
    box.limit.setValue(250)
    assert box.save_button.isEnabled()
    with qtbot.waitSignal(box.saved, timeout=WAIT), \
            qtbot.waitSignal(page.loaded, timeout=WAIT):
        box.save_button.click()
    assert page.message.text() == "Saved: at most 250 invitations a day."
    assert get_settings(fresh=True).pickup_invite_per_day == 250
    assert _limit_changes() == before + 1
    assert box.limit.value() == 250 and not box.save_button.isEnabled()

    # Tomorrow's service day: Tuesday is today and still listed, as the command line does.
    travel(NOW + dt.timedelta(days=1))
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.refresh()
    assert [row[0] for row in _days(page)] == ["Tuesday, 02/07/2024",
                                               "Wednesday, 03/07/2024"]
    travel(NOW + dt.timedelta(days=2))
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.refresh()
    assert _days(page) == [["Wednesday, 03/07/2024", "1", "0"]]


def test_a_refused_limit_changes_nothing_and_says_why(
        office: str, qtbot: QtBot, travel: Callable[[dt.datetime], None],
        open_admin_page: PageOpener, indonesian: str) -> None:
    page, sup = _opened_on_backlog(travel, open_admin_page, "supervisor")
    box = page.invitations
    assert box.title() == "Undangan per hari"
    assert _days(page)[0] == ["Selasa, 02/07/2024", "2", "1"]
    before = _limit_changes()

    with qtbot.waitSignal(box.failed, timeout=WAIT) as refused:
        box.save_limit(5001)  # past what the spin box offers: the core decides
    assert refused.args == [page.message.text()]
    assert "'5001' tidak berlaku" in page.message.text() and page.message.refused

    # Demoted while the window was open: the core reads the role at the moment of the act.
    admin.update_officer(setup_admin(), sup.id, role="officer")
    box.limit.setValue(10)
    with qtbot.waitSignal(box.failed, timeout=WAIT):
        box.save_button.click()
    assert page.message.text() == "Hanya supervisor atau admin yang boleh melakukan ini."
    assert box.limit.value() == 10  # what was typed stays, to be corrected
    assert get_settings(fresh=True).pickup_invite_per_day == 2
    assert _limit_changes() == before


def test_an_officer_sees_the_invitations_read_only(
        office: str, travel: Callable[[dt.datetime], None],
        open_admin_page: PageOpener, english: str) -> None:
    page, _ = _opened_on_backlog(travel, open_admin_page, "officer")
    box = page.invitations
    assert len(_days(page)) == 2 and box.limit.value() == 2
    assert box.limit.isReadOnly() and not box.save_button.isEnabled()
    box.limit.setValue(7)  # as a test may; a person cannot type into it
    assert not box.save_button.isEnabled()
    assert "supervisor" in box.save_button.toolTip()
