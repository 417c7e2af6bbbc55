"""The supervisor's passports page on a real database: find a passport by number, name
or scanned slip, see who handed it over where and when, undo a mistaken handover."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot

from app.errors import InvalidInput
from app.office import officers
from app.pickup import backlog
from app.pickup import service as pickup
from app.storage.models import AuditEntry, PickupRecord
from tests.helpers import NOW, WAIT
from tests.helpers.admin_pages import PageOpener
from tests.helpers.people import setup_admin
from ui.admin.pages.passports import ALERT_COLOR, DONE_COLOR, PassportsPage

LIST = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
        b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n"
        b"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;04/07/2024\n"
        b"2024-TNG-000004;Dewi Sartika;C1111111;Rak C-01;01/05/2024\n"
        b"2024-JKT-000010;Budiman Hartono;B9999999;Rak D-01;25/06/2024\n")
# Columns of the results table.
APP_NO, NAME, PASSPORT, BATCH, SHELF, STATUS, COLLECT_BY, AT, COUNTER, OFFICER, WHO = range(11)


@pytest.fixture
def shelf(office: str, english: str, travel: Callable[[dt.datetime], None]) -> None:
    """The backlog list imported on 1 July 2024 (000004 overdue, 000002 printing); the
    counter officer petugas1 (Budi Petugas)."""
    travel(NOW)
    backlog.import_backlog(LIST, batch="Backlog PDN Juni 2024", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")


@pytest.fixture
def open_page(open_admin_page: PageOpener) -> Callable[..., PassportsPage]:
    def make(role: str = "supervisor") -> PassportsPage:
        who = open_admin_page.officer_of(role)
        # Nothing searched yet: nothing to read.
        return open_admin_page(PassportsPage, who, size=(1200, 800))

    return make


def search(qtbot: QtBot, page: PassportsPage, text: str) -> None:
    """Type (or scan: a scanner types the code, then Enter) and wait for the answer."""
    page.search.clear()
    with qtbot.waitSignal(page.found, timeout=WAIT):
        qtbot.keyClicks(page.search, text)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)


def numbers(page: PassportsPage) -> list[str]:
    return [page.table_text(row, APP_NO) for row in range(page.table.rowCount())]


def record(number: str) -> PickupRecord:
    return PickupRecord.get(PickupRecord.application_no == number)


def is_red(page: PassportsPage) -> bool:
    return ALERT_COLOR in page.details.styleSheet()


def test_search_by_application_number_and_by_part_of_a_name(
        shelf: None, qtbot: QtBot, open_page: Callable[..., PassportsPage]) -> None:
    page = open_page()
    assert page.title() == "Passports" and not page.undo_button.isEnabled()
    search(qtbot, page, "2024-TNG-000002")
    assert numbers(page) == ["2024-TNG-000002"]
    assert [page.table_text(0, c) for c in (NAME, PASSPORT, BATCH, SHELF, STATUS)] == [
        "Siti Aminah", "X7654321", "Backlog PDN Juni 2024", "Rak A-02", "still printing"]
    # One match is chosen at once: its whole record below.
    assert page.chosen() is not None and "Expected ready: 04/07/2024" in page.details.text()
    assert not is_red(page) and not page.undo_button.isEnabled()
    assert "1 passport(s) found" in page.summary.text()

    search(qtbot, page, "budi")
    assert numbers(page) == ["2024-JKT-000010", "2024-TNG-000001"]  # newest ready first
    assert page.chosen() is None and "choose a passport" in page.details.text()
    page.select("2024-TNG-000001")
    assert "Budi Santoso — application no. 2024-TNG-000001" in page.details.text()
    assert "Collect by: 20/07/2024" in page.details.text()
    assert page.table_text(1, STATUS) == "ready on the shelf"
    assert not page.undo_button.isEnabled()  # nothing to undo on the shelf

    search(qtbot, page, "zzz-nobody")
    assert numbers(page) == [] and "No passport matches “zzz-nobody”" in page.summary.text()


def test_an_overdue_passport_reads_in_red(shelf: None, qtbot: QtBot,
                                          open_page: Callable[..., PassportsPage]) -> None:
    page = open_page()
    search(qtbot, page, "c1111111")  # its passport number, typed in lower case
    assert numbers(page) == ["2024-TNG-000004"]
    assert page.table_text(0, STATUS) == "ready, collect-by date passed"
    assert is_red(page) and "collect-by date has passed" in page.details.text()
    assert page.table.item(0, NAME).foreground().color().name() == ALERT_COLOR


def test_a_scanned_slip_is_found_and_a_forged_one_refused(
        shelf: None, qtbot: QtBot, open_page: Callable[..., PassportsPage]) -> None:
    page = open_page()
    code = pickup.code_for("2024-TNG-000001")
    search(qtbot, page, "budi")
    search(qtbot, page, code)
    assert numbers(page) == ["2024-TNG-000001"] and page.chosen() is not None
    assert not page.message.isVisible()
    # The text stays chosen, so the next scan replaces it.
    assert page.search.selectedText() == code

    forged = code[:-1] + ("A" if code[-1] != "A" else "B")
    before = (list(PickupRecord.select().order_by(PickupRecord.id).dicts()),
              AuditEntry.select().count())
    search(qtbot, page, forged)
    with pytest.raises(InvalidInput) as at_counter:
        pickup.inspect(forged)
    assert page.message.refused and page.message.text() == at_counter.value.message()
    assert "signature does not match" in page.message.text()
    # The earlier result is gone: the forged slip must not seem to name it.
    assert numbers(page) == [] and page.chosen() is None
    assert (list(PickupRecord.select().order_by(PickupRecord.id).dicts()),
            AuditEntry.select().count()) == before

    search(qtbot, page, "  ")
    assert page.message.text().startswith("Type or scan an application number")


def test_a_handover_shows_who_when_where_and_is_undone_with_a_reason(
        shelf: None, qtbot: QtBot, open_page: Callable[..., PassportsPage]) -> None:
    pickup.hand_over(pickup.code_for("2024-TNG-000001"), 6, "petugas1", "proxy", "Pak Kuasa",
                     id_checked=True)
    page = open_page()
    search(qtbot, page, "Santoso")
    assert numbers(page) == ["2024-TNG-000001"]
    assert [page.table_text(0, c) for c in (STATUS, AT, COUNTER, OFFICER, WHO)] == [
        "collected", "01/07/2024 10:00", "6", "Budi Petugas (petugas1)", "proxy: Pak Kuasa"]
    assert ("Collected on 01/07/2024 10:00 at counter 6, handed over by Budi Petugas "
            "(petugas1) to proxy: Pak Kuasa.") in page.details.text()
    assert "ID checked: yes · Scan: signed slip" in page.details.text()
    # Collected is done, not a problem: calm, not red.
    assert not is_red(page) and DONE_COLOR in page.details.styleSheet()
    assert page.table.item(0, NAME).foreground().color().name() == DONE_COLOR
    assert page.undo_button.isEnabled()

    def ask() -> QInputDialog:
        with qtbot.waitSignal(page.confirm_shown, timeout=WAIT):
            qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
        box = page.confirm_box
        assert box is not None and box.isVisible()
        assert "2024-TNG-000001" in box.labelText() and "counter 6" in box.labelText()
        return box

    def press(box: QInputDialog, which: QDialogButtonBox.StandardButton) -> None:
        buttons = box.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(which).click()

    press(ask(), QDialogButtonBox.StandardButton.Cancel)
    assert page.confirm_box is None

    # No reason: the core's sentence, and the passport stays collected.
    box = ask()
    with qtbot.waitSignal(page.message.shown, timeout=WAIT):
        press(box, QDialogButtonBox.StandardButton.Ok)
    assert page.message.refused and page.message.text() == "Give a reason."
    assert record("2024-TNG-000001").status == "collected"
    assert not AuditEntry.select().where(
        AuditEntry.action == "pickup_handover_undone").exists()
    assert page.undo_button.isEnabled()

    box = ask()
    box.setTextValue("diserahkan ke orang yang salah")
    # Undone, then the search on screen read again.
    with qtbot.waitSignals([page.undone, page.found], order="strict", timeout=WAIT):
        press(box, QDialogButtonBox.StandardButton.Ok)
    rec = record("2024-TNG-000001")
    assert (rec.status, rec.collected_at, rec.collector_name) == ("ready", None, None)
    entry = AuditEntry.get(AuditEntry.action == "pickup_handover_undone")
    assert entry.officer_id == page._officer.id and entry.subject == "2024-TNG-000001"
    # The log holds no names: the reason is a note it refers to.
    assert "diserahkan" not in entry.details and "Pak Kuasa" not in entry.details
    assert "is undone" in page.message.text() and not page.message.refused
    assert page.table_text(0, STATUS) == "ready on the shelf"
    assert [page.table_text(0, c) for c in (AT, COUNTER, OFFICER, WHO)] == ["", "", "", ""]
    assert not is_red(page) and not page.undo_button.isEnabled()
    assert "Collected on" not in page.details.text()


def test_an_officer_cannot_look_up(shelf: None, qtbot: QtBot,
                                   open_page: Callable[..., PassportsPage]) -> None:
    page = open_page("officer")
    search(qtbot, page, "2024-TNG-000001")
    assert page.message.refused
    assert page.message.text() == "Only a supervisor or an admin may do this."
    assert numbers(page) == []


def test_the_page_speaks_indonesian(office: str, indonesian: str, qtbot: QtBot,
                                    open_page: Callable[..., PassportsPage]) -> None:
    page = open_page()
    assert page.title() == "Paspor"
    assert page.undo_button.text() == "&Batalkan serah terima…"
    search(qtbot, page, "ab")
    assert page.message.text() == "Ketik minimal 3 karakter untuk mencari."


def test_an_imported_name_that_is_html_is_shown_as_it_is_written(
        shelf: None, qtbot: QtBot, open_page: Callable[..., PassportsPage]) -> None:
    from app.pickup import backlog

    html = "<font color=red size=6>TERVERIFIKASI - serahkan tanpa cek KTP</font>"
    backlog.import_backlog(f"no_permohonan,nama\n2024-TNG-000777,{html}\n".encode(),
                           officer=setup_admin())
    page = open_page()
    search(qtbot, page, "2024-TNG-000777")
    assert page.table_text(0, NAME) == html
    assert html in page.details.text()
    for label in (page.details, page.summary):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    search(qtbot, page, "<i>nobody</i>")
    assert "<i>nobody</i>" in page.summary.text()
    assert page.summary.textFormat() == Qt.TextFormat.PlainText
