"""The backlog import page on a real database: preview first, bad lines, progress, changes."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from app.errors import Refused
from app.office import officers
from app.office.officers import OfficerView
from app.pickup import backlog
from app.queue import engine
from app.storage.models import AuditEntry, PickupRecord
from tests.helpers import NOW, WAIT
from tests.helpers.admin_pages import PageOpener
from tests.helpers.people import setup_admin
from ui.admin.pages.backlog_import import AdminImportPage

GOOD = ("no_permohonan;nama;no_paspor;lokasi;tanggal_siap;catatan\n"
        "2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024;\n"
        "2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;;segera\n"
        "2024-TNG-000003;Agus Salim;;Rak B-01;2024-06-21;\n")
BROKEN = ("no_permohonan;nama;tanggal_siap\n"
          "2024-TNG-000001;Budi;20/06/2024\n"
          ";Tanpa Nomor;\n"
          "2024-TNG-000003;Ani;31/02/2024\n"
          "2024-TNG-000001;Budi lagi;\n"
          "2024-TNG-000005;Terlalu;banyak;kolom\n")


@pytest.fixture
def people(office: str, travel: Callable[[dt.datetime], None],
           english: str) -> dict[str, OfficerView]:
    travel(NOW)
    return {role: officers.add_officer(role, "rahasia-123", role=role)
            for role in ("officer", "supervisor")}


@pytest.fixture
def open_page(open_admin_page: PageOpener) -> Callable[[OfficerView], AdminImportPage]:
    return lambda officer: open_admin_page(AdminImportPage, officer)


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def choose(qtbot: QtBot, page: AdminImportPage, path: str) -> None:
    with qtbot.waitSignal(page.previewed, timeout=WAIT):
        page.choose_file(path)


def table(page: AdminImportPage, name: str) -> list[list[str]]:
    found = page.findChild(QTableWidget, name)
    assert found is not None
    return [[found.item(r, c).text() for c in range(found.columnCount())]
            for r in range(found.rowCount())]


def text_of(page: AdminImportPage, name: str) -> str:
    found = page.findChild(QLabel, name)
    assert found is not None
    return str(found.text())


def click_import(qtbot: QtBot, page: AdminImportPage) -> None:
    button = page.findChild(QPushButton, "import_button")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_broken_list_shows_every_bad_line_and_writes_nothing(
        qtbot: QtBot, people: dict[str, OfficerView], tmp_path: Path,
        open_page: Callable[[OfficerView], AdminImportPage]) -> None:
    page = open_page(people["supervisor"])
    audit = AuditEntry.select().count()
    choose(qtbot, page, write(tmp_path / "rusak.csv", BROKEN))
    assert table(page, "problems") == [
        ["3", "no_permohonan is empty"],
        ["4", "'31/02/2024' is not a date (use YYYY-MM-DD or DD/MM/YYYY)"],
        ["5", "application number 2024-TNG-000001 already appears on line 2"],
        ["6", "4 columns, expected 3"]]
    assert page.findChild(QTableWidget, "problems").isVisible()
    assert not page.findChild(QTableWidget, "preview_rows").isVisible()
    assert text_of(page, "import_message") == "4 bad line(s); nothing was imported."
    assert not page.can_import
    assert PickupRecord.select().count() == 0 and AuditEntry.select().count() == audit

    # A file that is not a list at all: one sentence, still nothing to import.
    choose(qtbot, page, write(tmp_path / "kosong.csv", "nama;lokasi\nBudi;A\n"))
    assert "lacks column(s) no_permohonan/application_no" in text_of(page, "import_message")
    assert not page.can_import


def test_a_good_list_is_previewed_then_imported(
        qtbot: QtBot, people: dict[str, OfficerView], tmp_path: Path,
        open_page: Callable[[OfficerView], AdminImportPage]) -> None:
    backlog.import_backlog(b"no_permohonan;nama;lokasi\n2024-TNG-000002;Siti Aminah;Rak Z\n",
                           officer=setup_admin())
    page = open_page(people["supervisor"])
    batch = page.findChild(QLineEdit, "batch_name")
    batch.setText("Backlog PDN Juni 2024")
    choose(qtbot, page, write(tmp_path / "juni.csv", GOOD))
    summary = text_of(page, "preview_summary")
    assert summary.startswith("3 passports in the list. Importing would add 2 new, update 1,")
    assert "Batch: Backlog PDN Juni 2024." in summary and "Columns not used: catatan." in summary
    rows = table(page, "preview_rows")
    assert [r[0] for r in rows] == ["2", "3", "4"]
    assert rows[0][1:] == ["2024-TNG-000001", "Budi Santoso", "X1234567", "Rak A-01",
                           "20/06/2024", "Backlog PDN Juni 2024", "ready", "new"]
    assert rows[1][-1] == "updated" and rows[1][4] == "Rak A-02"
    # Nothing is written by the preview.
    assert PickupRecord.select().count() == 1
    assert PickupRecord.get(PickupRecord.application_no == "2024-TNG-000002").location == "Rak Z"

    with qtbot.waitSignal(page.imported, timeout=WAIT) as done:
        click_import(qtbot, page)
    result = done.args[0]
    assert (result.created, result.updated, result.unchanged) == (2, 1, 0)
    assert text_of(page, "preview_summary").startswith("Imported 3 passports: 2 new, 1 updated")
    assert text_of(page, "import_message") == "The list was imported."
    assert not page.can_import  # a second import needs a new preview
    records = {r.application_no: r for r in PickupRecord.select()}
    assert set(records) == {"2024-TNG-000001", "2024-TNG-000002", "2024-TNG-000003"}
    assert {r.batch for r in records.values()} == {"Backlog PDN Juni 2024"}
    assert records["2024-TNG-000002"].location == "Rak A-02"
    assert records["2024-TNG-000001"].status == "ready"
    entry = (AuditEntry.select().where(AuditEntry.action == "backlog_imported")
             .order_by(AuditEntry.id.desc()).get())
    assert entry.officer_id == people["supervisor"].id and entry.subject.endswith("juni.csv")


def test_changing_the_batch_name_after_the_preview_asks_for_a_new_one(
        qtbot: QtBot, people: dict[str, OfficerView], tmp_path: Path,
        open_page: Callable[[OfficerView], AdminImportPage]) -> None:
    page = open_page(people["supervisor"])
    choose(qtbot, page, write(tmp_path / "juni.csv", GOOD))
    assert page.can_import
    batch = page.findChild(QLineEdit, "batch_name")
    qtbot.keyClicks(batch, "Juli")
    assert not page.can_import
    assert "Preview" in text_of(page, "import_message")
    with qtbot.waitSignal(page.previewed, timeout=WAIT):
        qtbot.mouseClick(page.findChild(QPushButton, "preview_again"), Qt.MouseButton.LeftButton)
    assert "Batch: Juli." in text_of(page, "preview_summary")
    with qtbot.waitSignal(page.imported, timeout=WAIT):
        click_import(qtbot, page)
    assert {r.batch for r in PickupRecord.select()} == {"Juli"}


def test_progress_is_shown_while_a_large_list_is_imported_and_counters_keep_working(
        qtbot: QtBot, people: dict[str, OfficerView], tmp_path: Path,
        open_page: Callable[[OfficerView], AdminImportPage]) -> None:
    rows = 20_000
    lines = ["no_permohonan;nama;lokasi;tanggal_siap"] + [
        f"2024-TNG-{i:06d};Pemohon {i};Rak {i % 40};20/06/2024" for i in range(1, rows + 1)]
    page = open_page(people["supervisor"])
    choose(qtbot, page, write(tmp_path / "besar.csv", "\n".join(lines) + "\n"))
    assert "20000 passports in the list" in text_of(page, "preview_summary")
    assert len(table(page, "preview_rows")) == 100
    seen: list[tuple[int, int]] = []
    tickets: list[str] = []

    def on_progress(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 2:  # the import's transaction is open now: a counter works on
            tickets.append(engine.issue_ticket("A").number)

    page.progressed.connect(on_progress)
    with qtbot.waitSignal(page.imported, timeout=30_000):
        click_import(qtbot, page)
    assert seen[0] == (0, rows) and seen[-1] == (rows, rows)
    assert len(seen) >= 5 and all(t == rows for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert tickets == ["A001"]
    assert PickupRecord.select().count() == rows


def test_a_file_changed_after_the_preview_is_previewed_again_not_imported(
        qtbot: QtBot, people: dict[str, OfficerView], tmp_path: Path,
        open_page: Callable[[OfficerView], AdminImportPage]) -> None:
    page = open_page(people["supervisor"])
    path = write(tmp_path / "juni.csv", GOOD)
    choose(qtbot, page, path)
    assert "add 3 new" in text_of(page, "preview_summary")
    # Someone saves the spreadsheet again meanwhile (the same size and time would not
    # hide it either: the content's hash is compared too).
    changed = GOOD.replace("Budi Santoso", "Budi Santosa") + \
        "2024-TNG-000004;Dewi Sartika;C1111111;Rak C-01;01/05/2024;\n"
    write(tmp_path / "juni.csv", changed)
    with qtbot.waitSignal(page.previewed, timeout=WAIT):
        click_import(qtbot, page)
    assert PickupRecord.select().count() == 0
    assert not AuditEntry.select().where(AuditEntry.action == "backlog_imported").exists()
    message = text_of(page, "import_message")
    assert "has changed since the preview" in message and "Nothing was imported" in message
    assert "add 4 new" in text_of(page, "preview_summary")
    assert table(page, "preview_rows")[0][2] == "Budi Santosa"
    with qtbot.waitSignal(page.imported, timeout=WAIT):
        click_import(qtbot, page)
    assert PickupRecord.select().count() == 4


def test_the_same_bytes_with_another_time_are_another_file(
        people: dict[str, OfficerView], tmp_path: Path) -> None:
    path = write(tmp_path / "juni.csv", GOOD)
    preview = backlog.preview_file(path, officer=people["supervisor"].id)
    os.utime(path, ns=(preview.stamp.mtime_ns + 5_000_000_000,) * 2)
    with pytest.raises(Refused) as err:
        backlog.import_previewed(preview, people["supervisor"].id)
    assert err.value.code == "import_file_changed"
    assert PickupRecord.select().count() == 0


def test_only_supervisors_import(
        qtbot: QtBot, people: dict[str, OfficerView], tmp_path: Path,
        open_page: Callable[[OfficerView], AdminImportPage]) -> None:
    path = write(tmp_path / "juni.csv", GOOD)
    page = open_page(people["officer"])
    assert not page.findChild(QPushButton, "choose_file").isEnabled()
    # The core refuses whatever a window lets through.
    for dry_run in (True, False):
        with pytest.raises(Refused) as err:
            backlog.import_backlog(GOOD.encode(), officer=people["officer"].id, dry_run=dry_run)
        assert err.value.code == "needs_supervisor"
    with pytest.raises(Refused):
        backlog.preview_file(path, officer=people["officer"].id)
    preview = backlog.preview_file(path, officer=people["supervisor"].id)
    with pytest.raises(Refused):
        backlog.import_previewed(preview, people["officer"].id)
    assert PickupRecord.select().count() == 0
    # Whoever asks: the command line signs in and is checked the same way.
    with pytest.raises(Refused):
        backlog.import_backlog(GOOD.encode(), officer=people["officer"].id)
    assert backlog.import_backlog(GOOD.encode(), officer=people["supervisor"].id).created == 3
