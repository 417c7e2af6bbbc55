"""The audit log page on a real database: filter, page, export; nothing to edit."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from app.office import officers
from app.office.officers import OfficerView
from app.storage.models import AuditEntry
from app.storage.transactions import run_in_transaction
from tests.helpers import NOW, WAIT
from tests.helpers.admin_pages import PageOpener
from ui.admin.pages.audit import AdminAuditPage


@pytest.fixture
def people(office: str, travel: Callable[[dt.datetime], None],
           english: str) -> dict[str, OfficerView]:
    travel(NOW)
    return {name: officers.add_officer(name, "rahasia-123", role=role, full_name=full)
            for name, role, full in (("petugas1", "officer", "Budi Petugas"),
                                     ("supervisor", "supervisor", "Siti Super"))}


def log_entries(count: int, action: str, officer: int | None, counter: int | None,
                start: dt.datetime, step: dt.timedelta = dt.timedelta(minutes=1)) -> list[int]:
    def work() -> list[int]:
        return [int(AuditEntry.create(at=start + i * step, action=action, officer=officer,
                                      counter=counter, subject=f"2024-TNG-{i:06d}",
                                      details='{"collector": "self", "id_checked": true}').id)
                for i in range(count)]

    return run_in_transaction(work)


@pytest.fixture
def open_page(open_admin_page: PageOpener) -> Callable[[OfficerView], AdminAuditPage]:
    return lambda officer: open_admin_page(AdminAuditPage, officer, size=(1200, 700),
                                           loaded="shown")


def click(qtbot: QtBot, page: AdminAuditPage, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(page: AdminAuditPage) -> list[list[str]]:
    table = page.findChild(QTableWidget, "audit_table")
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def choose(page: AdminAuditPage, name: str, data: object) -> None:
    box = page.findChild(QComboBox, name)
    index = box.findData(data)
    assert index >= 0, (name, data)
    box.setCurrentIndex(index)


def test_filters_show_the_matching_entries_in_readable_words(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminAuditPage]) -> None:
    budi = people["petugas1"].id
    handed = log_entries(3, "pickup_handed_over", budi, 5, NOW)
    log_entries(2, "login", budi, 6, NOW)
    log_entries(2, "pickup_handed_over", budi, 5, dt.datetime(2024, 6, 29, 3, 0))
    page = open_page(people["supervisor"])
    table = page.findChild(QTableWidget, "audit_table")
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert len(shown(page)) == AuditEntry.select().count()

    choose(page, "action_filter", "pickup_handed_over")
    choose(page, "counter_filter", 5)
    choose(page, "officer_filter", budi)
    page.findChild(QDateEdit, "date_from").setDate(QDate(2024, 7, 1))
    click(qtbot, page, "apply_filter")
    rows = shown(page)
    assert [r.id for r in page.rows] == sorted(handed, reverse=True)
    assert rows[0] == ["01/07/2024 10:02:00", "passport handed over",
                       "petugas1 (Budi Petugas)", "5", "2024-TNG-000002",
                       "collector: the holder; ID checked: yes"]
    assert "3 entries, 01/07/2024 10:02 to 01/07/2024 10:00" in \
        page.findChild(QLabel, "page_position").text()

    text = page.findChild(QLineEdit, "text_filter")
    text.setText("tng-000001")
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        qtbot.keyClick(text, Qt.Key.Key_Return)
    assert [r[4] for r in shown(page)] == ["2024-TNG-000001"]

    # A reversed date range is refused in words; the table keeps what it showed.
    page.findChild(QDateEdit, "date_to").setDate(QDate(2024, 6, 30))
    with qtbot.waitSignal(page.failed, timeout=WAIT):
        qtbot.mouseClick(page.findChild(QPushButton, "apply_filter"), Qt.MouseButton.LeftButton)
    assert "after the end date" in page.findChild(QLabel, "audit_message").text()
    assert len(shown(page)) == 1

    click(qtbot, page, "clear_filter")
    assert len(shown(page)) == AuditEntry.select().count()
    assert page.findChild(QComboBox, "action_filter").currentData() is None


def test_paging_older_newer_and_what_arrived_meanwhile(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminAuditPage]) -> None:
    first = log_entries(450, "login", people["petugas1"].id, 1, NOW, dt.timedelta(seconds=1))
    page = open_page(people["supervisor"])
    newer = page.findChild(QPushButton, "newer_page")
    assert len(shown(page)) == 200 and not newer.isEnabled()
    seen = [r.id for r in page.rows]
    arrived = log_entries(5, "logout", people["petugas1"].id, 1, NOW + dt.timedelta(hours=1))
    while page.findChild(QPushButton, "older_page").isEnabled():
        click(qtbot, page, "older_page")
        seen += [r.id for r in page.rows]
    assert len(seen) == len(set(seen)) and set(first) <= set(seen)
    assert not set(arrived) & set(seen)
    assert seen == sorted(seen, reverse=True)
    oldest_page = [r.id for r in page.rows]
    click(qtbot, page, "newer_page")
    assert [r.id for r in page.rows] == seen[200:400]
    assert newer.isEnabled() and page.findChild(QPushButton, "older_page").isEnabled()
    click(qtbot, page, "older_page")
    assert [r.id for r in page.rows] == oldest_page
    click(qtbot, page, "newest_page")
    assert [r.id for r in page.rows][:5] == sorted(arrived, reverse=True)
    assert shown(page)[0][1] == "signed out"


def test_export_writes_every_matching_entry_not_only_the_page(
        qtbot: QtBot, people: dict[str, OfficerView], tmp_path: Path,
        open_page: Callable[[OfficerView], AdminAuditPage]) -> None:
    budi = people["petugas1"].id
    handed = log_entries(260, "pickup_handed_over", budi, 5, NOW, dt.timedelta(seconds=1))
    log_entries(40, "login", budi, 5, NOW)
    page = open_page(people["supervisor"])
    choose(page, "action_filter", "pickup_handed_over")
    click(qtbot, page, "apply_filter")
    assert len(shown(page)) == 200
    target = tmp_path / "audit juli.csv"
    with qtbot.waitSignal(page.exported, timeout=WAIT) as done:
        page.export_to(str(target))
    assert done.args == [260]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))  # Indonesian Excel's separator
    assert rows[0][:4] == ["no", "time", "action_code", "action"]
    assert [int(r[0]) for r in rows[1:]] == sorted(handed, reverse=True)
    assert {r[3] for r in rows[1:]} == {"passport handed over"}
    assert f"260 entries written to {target}" in page.findChild(QLabel, "audit_message").text()
    assert AuditEntry.select().where(AuditEntry.action == "audit_exported").count() == 1


def test_an_officer_gets_a_refusal_not_the_log(
        qtbot: QtBot, people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminAuditPage]) -> None:
    log_entries(3, "login", people["petugas1"].id, 1, NOW)
    page = open_page(people["petugas1"])
    assert shown(page) == []
    assert page.findChild(QLabel, "audit_message").text() == \
        "Only a supervisor or an admin may do this."
    assert not page.findChild(QPushButton, "export_csv").isEnabled()


def test_the_page_offers_nothing_that_changes_the_log(
        people: dict[str, OfficerView],
        open_page: Callable[[OfficerView], AdminAuditPage]) -> None:
    page = open_page(people["supervisor"])
    labels = " ".join(b.text().lower() for b in page.findChildren(QPushButton))
    assert not any(word in labels for word in ("delete", "edit", "remove", "hapus", "ubah"))
