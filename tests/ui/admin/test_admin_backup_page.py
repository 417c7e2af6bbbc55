"""The supervisor's backup page on a real database: back up, list, check, the daily
backup's settings (admin only), the retention purge with its confirmation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.messages.formats import duration_text
from app.office import officers, retention, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.storage.models import AuditEntry, PickupRecord
from tests.helpers import WAIT
from tests.helpers.admin_pages import PageOpener
from tests.helpers.people import setup_admin
from ui.admin.pages.backup import BackupPage


@pytest.fixture
def folder(office: str, english: str, tmp_path: Path) -> Path:
    where = tmp_path / "backups"
    settings.update_settings(setup_admin(), backup_folder=str(where))
    return where


@pytest.fixture
def open_page(open_admin_page: PageOpener) -> Callable[..., BackupPage]:
    def make(role: str = "supervisor", schedule_ms: int | None = None) -> BackupPage:
        who = open_admin_page.officer_of(role)
        return open_admin_page(BackupPage, who, size=(1000, 900), loaded="loaded",
                               schedule_ms=schedule_ms)

    return make


def test_back_up_now_writes_a_file_and_lists_it(folder: Path, qtbot: QtBot,
                                                open_page: Callable[..., BackupPage]) -> None:
    page = open_page()
    assert page.file_names() == [] and "No backup has been made yet" in page.state_label.text()
    with qtbot.waitSignal(page.backup_done, timeout=WAIT) as done:
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
        assert page.busy and not page.backup_button.isEnabled()  # busy until it is written
        assert not page.progress.isHidden()
    made = done.args[0]
    assert Path(made.path).parent == folder and Path(made.path).exists()
    qtbot.waitUntil(lambda: page.file_names() == [Path(made.path).name], timeout=WAIT)
    assert page.progress.isHidden() and page.backup_button.isEnabled()
    assert "Backup written" in page.message.text() and str(folder) in page.message.text()
    # How long it took, in the one duration format ("< 1 s", not "0.0 s").
    assert page.message.text().endswith(f" tables, {duration_text(made.seconds)}.")
    assert "Last backup" in page.state_label.text()
    entry = AuditEntry.get(AuditEntry.action == "backup_made")
    assert entry.officer_id == page._officer.id

    page.select_file(Path(made.path).name)
    assert page.restore_command.text().endswith(f"restore {made.path} --force")
    with qtbot.waitSignal(page.verified, timeout=WAIT) as checked:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].ok and "is sound" in page.message.text()


def test_a_foreign_file_is_refused_in_the_core_s_words(folder: Path, qtbot: QtBot,
                                                      tmp_path: Path,
                                                      open_page: Callable[..., BackupPage]
                                                      ) -> None:
    page = open_page()
    foreign = tmp_path / "daftar.csv"
    foreign.write_text("no_permohonan;nama\n")
    with qtbot.waitSignal(page.verified, timeout=WAIT):
        page.verify_file(str(foreign))
    assert page.message.refused
    assert "cannot be used" in page.message.text() and "not a Loket backup" in (
        page.message.text())
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)  # nothing chosen
    assert "Choose a backup" in page.message.text()


def test_a_supervisor_cannot_change_the_schedule(folder: Path, qtbot: QtBot,
                                                 open_page: Callable[..., BackupPage]) -> None:
    page = open_page("supervisor")
    for widget in (page.daily, page.time, page.folder, page.keep, page.save_schedule_button,
                   page.retention_days, page.save_retention_button, page.purge_button):
        assert not widget.isEnabled()
    assert "(admin)" in page.save_schedule_button.text()
    assert "(admin)" in page.purge_button.text()
    assert "admin" in page.save_schedule_button.toolTip()
    assert page.backup_button.isEnabled()  # backing up is a supervisor's job
    # The rule is the core's: asked anyway, it refuses and nothing changes.
    page.time.setTime(QTime(6, 0))
    page.save_schedule()
    qtbot.waitUntil(lambda: page.message.refused, timeout=WAIT)
    assert page.message.text() == "Only an admin may do this."
    assert settings.get_settings(fresh=True).backup_time == "18:00"


def test_an_admin_changes_the_schedule_and_the_retention(folder: Path, qtbot: QtBot,
                                                        tmp_path: Path,
                                                        open_page: Callable[..., BackupPage]
                                                        ) -> None:
    page = open_page("admin")
    assert page.save_schedule_button.isEnabled() and page.purge_button.isEnabled()
    assert page.folder.text() == str(folder) and page.time.time() == QTime(18, 0)
    page.folder.setText("relatif/folder")
    page.save_schedule()
    qtbot.waitUntil(lambda: page.message.refused, timeout=WAIT)
    assert "full path" in page.message.text()
    page.daily.setChecked(False)
    page.time.setTime(QTime(19, 30))
    page.folder.setText(str(tmp_path / "elsewhere"))
    page.keep.setValue(7)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.save_schedule_button, Qt.MouseButton.LeftButton)
    office = settings.get_settings(fresh=True)
    assert (office.backup_daily, office.backup_time, office.backup_folder,
            office.backup_keep) == (False, "19:30", str(tmp_path / "elsewhere"), 7)
    assert "The daily backup is off" in page.state_label.text()
    page.retention_days.setValue(400)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.save_retention_button, Qt.MouseButton.LeftButton)
    assert settings.get_settings(fresh=True).retention_days == 400
    assert "400 days" in page.message.text()


def test_purge_asks_first_then_erases(folder: Path, qtbot: QtBot,
                                      travel: Callable[[dt.datetime], None],
                                      open_page: Callable[..., BackupPage]) -> None:
    travel(dt.datetime(2024, 7, 1, 3, 0))
    backlog.import_backlog(b"no_permohonan;nama;no_paspor;tanggal_siap\n"
                           b"2024-TNG-000001;Budi Santoso;X1234567;28/06/2024\n"
                           b"2024-TNG-000002;Siti Aminah;X7654321;28/06/2024\n",
                               officer=setup_admin())
    officers.add_officer("petugas1", "petugas123")
    pickup.hand_over("2024-TNG-000001", 5, "petugas1", "proxy", "Nyai Kuasa", id_checked=True)
    travel(dt.datetime(2025, 2, 1, 3, 0))
    page = open_page("admin")

    def ask() -> QMessageBox:
        with qtbot.waitSignal(page.confirm_shown, timeout=WAIT):
            qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
        box = page.confirm_box
        assert box is not None and box.isVisible()
        return box

    box = ask()
    assert "1 passports" in box.text() and "1 audit entries" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert PickupRecord.get(PickupRecord.application_no == "2024-TNG-000001").name == (
        "Budi Santoso")
    box = ask()
    with qtbot.waitSignal(page.purged, timeout=WAIT) as done:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert done.args[0].records == 1
    first, second = PickupRecord.select().order_by(PickupRecord.id)
    assert (first.name, first.passport_no) == (retention.PLACEHOLDER, "")
    assert second.name == "Siti Aminah"  # still on the shelf
    assert "Erased" in page.message.text()
    purge = AuditEntry.get(AuditEntry.action == "personal_data_purged")
    assert purge.officer_id == page._officer.id
    qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)  # nothing left
    qtbot.waitUntil(lambda: "Nothing to erase" in page.message.text(), timeout=WAIT)
    assert page.confirm_box is None


def test_the_open_window_makes_the_daily_backup_when_it_is_due(
        folder: Path, qtbot: QtBot, travel: Callable[[dt.datetime], None],
        open_page: Callable[..., BackupPage]) -> None:
    travel(dt.datetime(2024, 7, 1, 11, 30))  # 18:30 in Jakarta, never backed up
    checking = open_page("supervisor", schedule_ms=100)
    qtbot.waitUntil(lambda: checking.file_names() != [], timeout=WAIT)
    assert "The daily backup was made" in checking.message.text()
    page = open_page("supervisor")
    assert len(page.file_names()) == 1 and page.file_names()[0].startswith(
        "loket-20240701-1830")
    assert "is done" in page.state_label.text()
    with qtbot.waitSignal(page.scheduled_checked, timeout=WAIT) as again:
        page.check_schedule()  # done for today: the next check makes nothing
    assert again.args[0] is None
    assert AuditEntry.select().where(AuditEntry.action == "backup_made").count() == 1
