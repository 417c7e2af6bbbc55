"""The office settings page on a real database: save, refuse, roles, key rotation, the
priority pickup queue."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from app.errors import Refused
from app.office import admin, officers
from app.office import settings as office_settings
from app.office.officers import OfficerView
from app.pickup import backlog
from app.pickup import service as pickup
from app.storage.models import AuditEntry, Queue, Setting, SigningKey
from tests.helpers import NOW, WAIT
from tests.helpers.admin_pages import PageOpener
from tests.helpers.people import setup_admin
from ui.admin.pages.settings import AdminSettingsPage


@pytest.fixture
def people(office: str, travel: Callable[[dt.datetime], None],
           english: str) -> dict[str, OfficerView]:
    travel(NOW)
    return {role: officers.add_officer(role, "rahasia-123", role=role, full_name=role.title())
            for role in ("supervisor", "admin")}


@pytest.fixture
def open_page(open_admin_page: PageOpener) -> Callable[[OfficerView], AdminSettingsPage]:
    return lambda officer: open_admin_page(AdminSettingsPage, officer, loaded="loaded")


def child(page: AdminSettingsPage, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = page.findChild(kind, name)
    assert found is not None, name
    return found


def stored(key: str) -> object:
    table = SigningKey if key in office_settings.SECRET_KEYS else Setting
    return json.loads(table.get(table.key == key).value)


def save(qtbot: QtBot, page: AdminSettingsPage, *, ok: bool = True) -> str:
    """Click Save; the message shown once the answer is back."""
    signal = page.loaded if ok else page.failed
    with qtbot.waitSignal(signal, timeout=WAIT):
        qtbot.mouseClick(child(page, QPushButton, "save_settings"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT)
    return str(child(page, QLabel, "settings_message").text())


def test_the_office_name_and_notice_are_saved_and_audited(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    page = open_page(people["supervisor"])
    assert child(page, QLineEdit, "office_name").text() == "Kantor Imigrasi"
    child(page, QLineEdit, "office_name").setText("  Kantor Imigrasi Tangerang ")
    notice = "Loket akhir pekan buka Sabtu & Minggu.\nBawa bukti pembayaran."
    child(page, QPlainTextEdit, "notice_text").setPlainText(notice)
    assert "of at most 500" in child(page, QLabel, "notice_count").text()
    assert set(page.changes()) == {"office_name", "notice_text"}

    message = save(qtbot, page)
    assert "Saved" in message and "Office name" in message
    assert stored("office_name") == "Kantor Imigrasi Tangerang"
    assert stored("notice_text") == notice
    office_settings.invalidate_cache()
    assert office_settings.get_settings().notice_text == notice
    entry = AuditEntry.select().where(AuditEntry.action == "settings_changed").get()
    assert entry.officer_id == people["supervisor"].id
    assert set(json.loads(entry.details)) == {"office_name", "notice_text"}  # changed only
    # The form shows what is stored now, and nothing is left to save.
    assert child(page, QLineEdit, "office_name").text() == "Kantor Imigrasi Tangerang"
    assert page.changes() == {}


def test_a_bad_value_shows_the_message_and_changes_nothing(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    page = open_page(people["supervisor"])
    audit = AuditEntry.select().count()
    child(page, QLineEdit, "office_name").setText("Kantor Baru")
    for bad in ("0", "tiga puluh", "366"):
        child(page, QLineEdit, "collect_by_days").setText(bad)
        message = save(qtbot, page, ok=False)
        assert message == f"'{bad}' is not a valid value for setting 'collect_by_days'."
    # The whole save was refused: the good field was not written either.
    assert stored("collect_by_days") == 30 and stored("office_name") == "Kantor Imigrasi"
    assert AuditEntry.select().count() == audit
    assert child(page, QLineEdit, "collect_by_days").text() == "366"  # kept to correct
    child(page, QPlainTextEdit, "notice_text").setPlainText("x" * 501)
    assert "501 of at most 500" in child(page, QLabel, "notice_count").text()
    child(page, QLineEdit, "collect_by_days").setText("45")
    assert "notice_text" in save(qtbot, page, ok=False)
    assert stored("collect_by_days") == 30 and stored("notice_text") == ""
    child(page, QPlainTextEdit, "notice_text").setPlainText("x" * 500)
    save(qtbot, page)
    assert stored("collect_by_days") == 45 and stored("office_name") == "Kantor Baru"


def test_pickup_queues_and_language_are_chosen_from_lists(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    page = open_page(people["supervisor"])
    backlog_combo = child(page, QComboBox, "backlog_pickup_queue")
    assert [backlog_combo.itemData(i) for i in range(backlog_combo.count())] == [
        "backlog", "ambil"]  # the pickup queues only
    assert backlog_combo.currentData() == "backlog"
    assert child(page, QComboBox, "regular_pickup_queue").currentData() == "ambil"
    backlog_combo.setCurrentIndex(backlog_combo.findData("ambil"))
    language = child(page, QComboBox, "language")
    language.setCurrentIndex(language.findData("en"))
    assert page.changes() == {"backlog_pickup_queue": "ambil", "language": "en"}
    save(qtbot, page)
    assert stored("backlog_pickup_queue") == "ambil" and stored("language") == "en"


def test_a_supervisor_sees_admin_fields_marked_and_disabled_and_the_core_refuses(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    page = open_page(people["supervisor"])
    for kind, name in ((QComboBox, "timezone"), (QLineEdit, "signing_grace_days"),
                       (QPushButton, "rotate_key")):
        assert not child(page, kind, name).isEnabled(), name
    assert "(admin)" in child(page, QPushButton, "rotate_key").text()
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert any("Time zone (admin)" in t for t in labels)
    assert child(page, QLineEdit, "office_name").isEnabled()
    # Even if the window let it through, the core says no and writes nothing.
    zone = child(page, QComboBox, "timezone")
    zone.setEnabled(True)
    zone.setCurrentIndex(zone.findData("Asia/Makassar"))
    child(page, QLineEdit, "office_name").setText("Kantor Lain")
    assert save(qtbot, page, ok=False) == "Only an admin may do this."
    assert stored("timezone") == "Asia/Jakarta" and stored("office_name") == "Kantor Imigrasi"
    with pytest.raises(Refused):
        office_settings.rotate_signing_key(people["supervisor"].id)
    with pytest.raises(Refused):
        office_settings.update_settings(people["supervisor"].id,
                                        signing_grace_days=10)


def test_an_admin_changes_the_time_zone(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    page = open_page(people["admin"])
    zone = child(page, QComboBox, "timezone")
    assert zone.isEnabled()
    assert [zone.itemData(i) for i in range(zone.count())] == [
        "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
    zone.setCurrentIndex(zone.findData("Asia/Jayapura"))
    save(qtbot, page)
    assert stored("timezone") == "Asia/Jayapura"


def rotate(qtbot: QtBot, page: AdminSettingsPage, answer: QMessageBox.StandardButton) -> str:
    qtbot.mouseClick(child(page, QPushButton, "rotate_key"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._confirm_box is not None, timeout=WAIT)
    box = page._confirm_box
    assert box is not None and box.isVisible()
    text = box.text()
    if answer == QMessageBox.StandardButton.Yes:
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            box.button(answer).click()
    else:
        box.button(answer).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT)
    return str(text)


def test_an_admin_rotates_the_key_and_printed_slips_still_verify(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    backlog.import_backlog(b"no_permohonan;nama;tanggal_siap\n2024-TNG-000001;Budi;20/06/2024\n",
                           officer=setup_admin())
    slip = pickup.code_for("2024-TNG-000001")
    secret = stored("signing_secret")
    page = open_page(people["admin"])
    overview = child(page, QLabel, "keys_overview")
    assert "no retired key" in overview.text()

    # Cancelled: nothing changes.
    text = rotate(qtbot, page, QMessageBox.StandardButton.Cancel)
    assert "valid until 30/08/2024 (60 days)" in text
    assert stored("signing_secret") == secret
    assert child(page, QLabel, "settings_message").text() == "The key was not changed."

    child(page, QLineEdit, "signing_grace_days").setText("14")
    text = rotate(qtbot, page, QMessageBox.StandardButton.Yes)
    assert "valid until 15/07/2024 (14 days)" in text
    assert stored("signing_secret") != secret
    assert "valid until 15/07/2024" in child(page, QLabel, "settings_message").text()
    assert "1 retired key(s)" in overview.text() and "15/07/2024" in overview.text()
    assert pickup.verify(slip).verified
    assert pickup.code_for("2024-TNG-000001") != slip
    entry = AuditEntry.get(AuditEntry.action == "signing_key_rotated")
    assert entry.officer_id == people["admin"].id and secret not in entry.details
    # The grace typed for this rotation is not saved as the setting by it.
    assert stored("signing_grace_days") == 60


def test_a_bad_grace_period_is_refused_before_asking(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    page = open_page(people["admin"])
    secret = stored("signing_secret")
    child(page, QLineEdit, "signing_grace_days").setText("-3")
    with qtbot.waitSignal(page.failed, timeout=WAIT):
        qtbot.mouseClick(child(page, QPushButton, "rotate_key"), Qt.MouseButton.LeftButton)
    assert page._confirm_box is None
    assert "signing_grace_days" in child(page, QLabel, "settings_message").text()
    assert stored("signing_secret") == secret


def test_the_page_speaks_indonesian(
        qtbot: QtBot, people: dict[str, OfficerView], indonesian: str,
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    page = open_page(people["supervisor"])
    child(page, QLineEdit, "collect_by_days").setText("nol")
    message = save(qtbot, page, ok=False)
    assert message == "Nilai 'nol' tidak berlaku untuk pengaturan 'collect_by_days'."


def priority_route_queue() -> None:
    """A pickup queue with priority, not yet named in the settings."""
    admin.add_queue(setup_admin(), "ambil-prioritas", "Q", "Pengambilan Prioritas",
                    "Priority pickup", kind="pickup", priority=10)


def test_the_priority_pickup_queue_is_chosen_or_none(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    priority_route_queue()
    page = open_page(people["supervisor"])
    combo = child(page, QComboBox, "priority_pickup_queue")
    assert combo.isEnabled()
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "", "backlog", "ambil", "ambil-prioritas"]
    assert combo.currentText() == "(none)" and page.changes() == {}
    combo.setCurrentIndex(combo.findData("ambil-prioritas"))
    assert page.changes() == {"priority_pickup_queue": "ambil-prioritas"}
    assert "Queue for priority pickups" in save(qtbot, page)
    assert stored("priority_pickup_queue") == "ambil-prioritas"
    entry = AuditEntry.get(AuditEntry.action == "settings_changed")
    assert json.loads(entry.details) == {"priority_pickup_queue": "ambil-prioritas"}
    assert combo.currentText() == "Q · Priority pickup" and page.changes() == {}

    combo.setCurrentIndex(combo.findData(""))  # the route closed again
    save(qtbot, page)
    assert stored("priority_pickup_queue") == ""
    assert combo.currentText() == "(none)"


def test_a_queue_that_cannot_be_the_priority_route_is_refused_in_indonesian(
        qtbot: QtBot, people: dict[str, OfficerView], indonesian: str,
        open_page: Callable[[OfficerView], AdminSettingsPage]) -> None:
    priority_route_queue()
    page = open_page(people["supervisor"])
    audit = AuditEntry.select().count()
    combo = child(page, QComboBox, "priority_pickup_queue")
    assert combo.itemText(0) == "(tidak ada)"
    combo.setCurrentIndex(combo.findData("ambil"))  # a pickup queue without priority
    child(page, QLineEdit, "office_name").setText("Kantor Baru")
    assert save(qtbot, page, ok=False) == (
        "Antrian 'ambil' tidak dapat menjadi antrian pengambilan prioritas: pilih antrian "
        "jenis pengambilan (pickup) dengan prioritas di atas 0.")
    # Chosen while it existed, gone by the time of saving.
    combo.setCurrentIndex(combo.findData("ambil-prioritas"))
    Queue.delete().where(Queue.code == "ambil-prioritas").execute()
    assert save(qtbot, page, ok=False).startswith(
        "Antrian 'ambil-prioritas' tidak dapat menjadi antrian pengambilan prioritas")
    assert stored("priority_pickup_queue") == "" and stored("office_name") == "Kantor Imigrasi"
    assert AuditEntry.select().count() == audit
