"""The supervisor's late handovers page on a real database: the server came back from
last night's backup, this PC's journal still has the day's handovers. Preview lists
what would become of each and writes nothing; Record writes them with their original
time and counter; a file that is no journal is refused in the core's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.backup.restore import restore
from app.pickup import journal
from app.storage.models import AuditEntry, Counter, Officer, PickupRecord
from tests.helpers import NOW, WAIT
from tests.helpers.admin_pages import PageOpener
from tests.helpers.emergency import backup_of_the_office, give, number, stock_the_shelf
from ui.admin.pages.reconcile import ReconcilePage
from ui.admin.window import PAGES

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def restored(office: str, indonesian: str, tmp_path: Path,
             travel: Callable[[dt.datetime], None]) -> str:
    """Handed over since the backup: 000001 at counter 5, 000002 at counter 6, 000003 at
    counter 5; then the server came back from the backup, and handed 000003 over again
    at counter 1 before anyone noticed."""
    travel(NOW)
    stock_the_shelf()
    backup = backup_of_the_office(tmp_path / "backups")
    for i, counter in ((1, 5), (2, 6), (3, 5)):
        travel(NOW + i * HOUR)
        give(i, counter=counter)
    restore(backup, office, force=True)
    travel(NOW + 4 * HOUR)
    give(3, counter=1)
    return office


@pytest.fixture
def open_page(open_admin_page: PageOpener) -> Callable[..., ReconcilePage]:
    def make(role: str = "supervisor") -> ReconcilePage:
        who = open_admin_page.officer_of(role)
        return open_admin_page(ReconcilePage, who, size=(1000, 700))

    return make


def snapshot() -> tuple[Any, ...]:
    return (list(PickupRecord.select().order_by(PickupRecord.id).dicts()),
            AuditEntry.select().count())


def record(i: int) -> PickupRecord:
    return PickupRecord.get(PickupRecord.application_no == number(i))


def button_text(page: ReconcilePage) -> str:
    return page.record_button.text().replace("&", "")


def preview(qtbot: QtBot, page: ReconcilePage) -> None:
    with qtbot.waitSignal(page.previewed, timeout=WAIT):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)


def test_the_preview_lists_each_handover_and_writes_nothing(
        restored: str, qtbot: QtBot, open_page: Callable[..., ReconcilePage]) -> None:
    page = open_page()
    assert page.title() == "Penyerahan susulan"
    assert page.journal.text() == str(journal.journal_path())  # this PC's, by default
    assert not page.record_button.isEnabled()
    before = snapshot()
    preview(qtbot, page)
    # Local time (UTC+7), the outcome in Indonesian, and why a conflict is one.
    assert page.rows() == [
        [number(1), "01/07/2024 11:00", "5", "petugas1", "akan dicatat", ""],
        [number(2), "01/07/2024 12:00", "6", "petugas1", "akan dicatat", ""],
        [number(3), "01/07/2024 13:00", "5", "petugas1", "bentrok",
         "Di sini sudah diambil 01/07/2024 14:00 di loket 1. Periksa buku penyerahan."],
        # The journal keeps the handover since the restore too: it is there already.
        [number(3), "01/07/2024 14:00", "1", "petugas1", "sudah tercatat", ""]]
    assert page.total_label.text() == (
        "Jumlah 4: 2 dicatat, 1 sudah tercatat, 1 bentrok, 0 tidak dikenal, 0 dari basis "
        "data lain. Hanya pratinjau: belum ada yang ditulis.")
    assert button_text(page) == "Catat 2 penyerahan" and page.record_button.isEnabled()
    assert snapshot() == before
    assert record(1).status == record(2).status == "ready"


def test_record_writes_the_handovers_with_their_original_time_and_counter(
        restored: str, qtbot: QtBot, open_page: Callable[..., ReconcilePage]) -> None:
    page = open_page()
    preview(qtbot, page)
    with qtbot.waitSignal(page.recorded, timeout=WAIT) as done:
        qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert done.args[0].report.counts()["recorded"] == 2
    first, second, third = record(1), record(2), record(3)
    assert (first.status, first.collected_at, first.collected_counter_id) == (
        "collected", NOW + HOUR, Counter.get(Counter.number == 5).id)
    assert (second.status, second.collected_at, second.collected_counter_id) == (
        "collected", NOW + 2 * HOUR, Counter.get(Counter.number == 6).id)
    assert second.collected_officer_id == Officer.get(Officer.username == "petugas1").id
    # The server's own handover of 000003 stays as it is.
    assert (third.collected_at, third.collected_counter_id) == (
        NOW + 4 * HOUR, Counter.get(Counter.number == 1).id)
    assert [row[4] for row in page.rows()] == ["dicatat", "dicatat", "bentrok",
                                               "sudah tercatat"]
    assert page.message.text() == ("2 penyerahan dicatat dengan waktu, loket, dan petugas "
                                   "aslinya.") and not page.message.refused
    # Recorded: nothing left to record until the source is previewed again.
    assert button_text(page) == "Catat 0 penyerahan" and not page.record_button.isEnabled()
    entries = AuditEntry.select().where(AuditEntry.action == "pickup_handover_reconciled")
    assert sorted(e.subject for e in entries) == [number(1), number(2)]
    assert all(e.officer_id is not None for e in entries)

    # Again: everything is already recorded, the button stays disabled at 0.
    before = snapshot()
    preview(qtbot, page)
    assert [row[4] for row in page.rows()] == ["sudah tercatat", "sudah tercatat", "bentrok",
                                               "sudah tercatat"]
    assert button_text(page) == "Catat 0 penyerahan" and not page.record_button.isEnabled()
    assert snapshot() == before


def test_an_empty_journal_has_nothing_to_record(
        restored: str, qtbot: QtBot, tmp_path: Path,
        open_page: Callable[..., ReconcilePage]) -> None:
    empty = tmp_path / "handover-journal.jsonl"
    empty.write_text("", encoding="utf-8")
    page = open_page()
    page.choose_journal(str(empty))
    preview(qtbot, page)
    assert page.rows() == []
    assert page.total_label.text().startswith("Jumlah 0: 0 dicatat")
    assert not page.record_button.isEnabled()


def test_a_file_that_is_no_journal_is_refused_in_the_cores_words(
        restored: str, qtbot: QtBot, tmp_path: Path,
        open_page: Callable[..., ReconcilePage]) -> None:
    page = open_page()
    preview(qtbot, page)  # a good preview on screen first: the refusal clears it
    listing = tmp_path / "daftar.csv"
    listing.write_text("no_permohonan;nama\n2024-TNG-000001;Budi\n", encoding="utf-8")
    page.choose_journal(str(listing))
    assert not page.record_button.isEnabled()  # another source: preview again first
    before = snapshot()
    with qtbot.waitSignal(page.message.shown, timeout=WAIT):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.message.refused
    assert page.message.text() == (
        f"'{listing}' bukan jurnal penyerahan Loket (tidak ada satu baris pun yang berisi "
        "penyerahan); tidak ada yang dicatat.")
    assert page.rows() == [] and not page.record_button.isEnabled()
    # Another database that is not Loket's: the same, in its own words.
    page.choose_database(str(listing))
    assert page.from_database.isChecked()
    with qtbot.waitSignal(page.message.shown, timeout=WAIT):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert "bukan basis data Loket" in page.message.text()
    assert snapshot() == before


def test_an_officer_cannot_use_the_page_and_the_core_refuses_anyway(
        restored: str, qtbot: QtBot, open_page: Callable[..., ReconcilePage]) -> None:
    keys = [key for key, _, _ in PAGES]
    assert keys.index("reconcile") == keys.index("backup") + 1  # after the backup page
    page = open_page("officer")
    assert page.message.refused and "supervisor" in page.message.text()
    for widget in (page.preview_button, page.record_button, page.journal, page.database,
                   page.any_database):
        assert not widget.isEnabled()
    before = snapshot()
    with qtbot.waitSignal(page.message.shown, timeout=WAIT):
        page.preview()
    assert page.message.refused and page.rows() == []
    assert snapshot() == before
