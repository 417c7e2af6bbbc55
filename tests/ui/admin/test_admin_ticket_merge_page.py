"""The supervisor's emergency PC tickets page on a real database: the server was lost
this morning, an emergency PC served walk-ins on its restored file, the server came
back. Preview lists what would become of each ticket and writes nothing; Merge writes
them once; a file that is not Loket's, or another office's, is refused in Indonesian
and nothing changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.storage.models import AuditEntry, DailySequence, SurveyResponse, Ticket
from tests.helpers import WAIT
from tests.helpers.admin_pages import PageOpener
from tests.helpers.emergency import an_outage, another_offices_copy
from ui.admin.pages.replay import ATTENTION
from ui.admin.pages.ticket_merge import TicketMergePage
from ui.admin.window import PAGES

# What the emergency PC's file holds of today, as the preview lists it.
PREVIEW = [
    ["01/07/2024", "paspor", "A001", "selesai", "sudah ada", "sudah ada dari cadangan"],
    ["01/07/2024", "paspor", "A005", "menunggu", "dilewati",
     "A005 (01/07/2024): TIDAK digabung: di sana masih menunggu atau dilayani, padahal "
     "harinya sudah lewat."],
    ["01/07/2024", "paspor", "A002", "selesai", "akan digabung", ""],
    ["01/07/2024", "paspor", "A003", "selesai", "akan digabung",
     "A003 (01/07/2024): loket 9 tidak dikenal di sini; dicatat tanpa loket. "
     "A003 (01/07/2024): petugas 'darurat' tidak dikenal di sini; dicatat tanpa "
     "petugas."],
    ["01/07/2024", "paspor", "A004", "tidak hadir", "akan digabung", ""],
    ["01/07/2024", "wna", "W001", "selesai", "akan digabung", ""]]


@pytest.fixture
def outage(office: str, indonesian: str, tmp_path: Path,
           travel: Callable[[dt.datetime], None]) -> Path:
    return an_outage(tmp_path, travel)


@pytest.fixture
def open_page(open_admin_page: PageOpener) -> Callable[..., TicketMergePage]:
    def make(role: str = "supervisor") -> TicketMergePage:
        who = open_admin_page.officer_of(role)
        return open_admin_page(TicketMergePage, who, size=(1000, 700))

    return make


def snapshot() -> tuple[Any, ...]:
    return (list(Ticket.select().order_by(Ticket.id).dicts()),
            list(SurveyResponse.select().order_by(SurveyResponse.id).dicts()),
            list(DailySequence.select().dicts()), AuditEntry.select().count())


def button_text(page: TicketMergePage) -> str:
    return page.merge_button.text().replace("&", "")


def preview(qtbot: QtBot, page: TicketMergePage) -> None:
    with qtbot.waitSignal(page.previewed, timeout=WAIT):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)


def refused(qtbot: QtBot, page: TicketMergePage) -> str:
    with qtbot.waitSignal(page.message.shown, timeout=WAIT):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.message.refused
    return page.message.text()


def marked(page: TicketMergePage) -> list[str]:
    """The numbers of the rows a person must look at."""
    return [page.table.item(row, 2).text() for row in range(page.table.rowCount())
            if page.table.item(row, 0).background().color() == ATTENTION]


def test_the_preview_lists_each_ticket_and_writes_nothing(
        outage: Path, qtbot: QtBot, open_page: Callable[..., TicketMergePage]) -> None:
    page = open_page()
    assert page.title() == "Nomor dari PC darurat"
    assert not page.merge_button.isEnabled()
    before, file_before = snapshot(), outage.read_bytes()
    page.choose_database(str(outage))
    preview(qtbot, page)
    assert page.rows() == PREVIEW
    # Skipped, or without its counter and officer: a person reads it.
    assert marked(page) == ["A005", "A003"]
    assert page.total_label.text() == (
        "Jumlah 6: 4 digabung, 1 sudah ada, 1 dilewati; 1 hari sama persis dengan di sini. "
        "(hanya percobaan — tidak ada yang ditulis)")
    assert button_text(page) == "Gabungkan 4 nomor" and page.merge_button.isEnabled()
    assert snapshot() == before and outage.read_bytes() == file_before
    # Another file chosen: what is on screen no longer says what Merge would write.
    page.choose_database(str(outage.with_name("lain.sqlite3")))
    assert page.rows() == [] and not page.merge_button.isEnabled()


def test_merge_writes_the_tickets_once_and_a_second_preview_finds_them_here(
        outage: Path, qtbot: QtBot, open_page: Callable[..., TicketMergePage]) -> None:
    page = open_page()
    page.choose_database(str(outage))
    preview(qtbot, page)
    with qtbot.waitSignal(page.merged, timeout=WAIT) as done:
        qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert done.args[0].report.counts() == {"merged": 4, "already": 1, "skipped": 1}
    assert [row[4] for row in page.rows()] == ["sudah ada", "dilewati", "digabung",
                                               "digabung", "digabung", "digabung"]
    # The server gave A002 too: the merged ones took the day's next sequence numbers
    # (3 to 5), keeping their printed numbers, and say so.
    assert page.rows()[2][5] == ("A002 (01/07/2024): digabung dengan urutan 3 (nomor di "
                                 "sini sudah terpakai); nomor tercetak tetap A002.")
    assert marked(page) == ["A005", "A002", "A003", "A004"]
    assert page.message.text() == ("4 nomor antrian digabung dengan waktu, loket, dan "
                                   "petugas aslinya.") and not page.message.refused
    assert button_text(page) == "Gabungkan 0 nomor" and not page.merge_button.isEnabled()
    today = Ticket.select().where(Ticket.service_day == dt.date(2024, 7, 1))
    assert sorted(t.number for t in today) == ["A001", "A002", "A002", "A003", "A004",
                                               "W001"]
    assert SurveyResponse.select().count() == 1  # A002's answer came along
    [entry] = AuditEntry.select().where(AuditEntry.action == "tickets_merged")
    assert entry.officer_id == page._officer.id

    # Again: every finished ticket is here now, nothing to merge, nothing written.
    before = snapshot()
    preview(qtbot, page)
    before_merged = ["sudah ada", "sudah digabung sebelumnya"]
    assert [row[2:3] + row[4:] for row in page.rows()] == [
        ["A001", "sudah ada", "sudah ada dari cadangan"],
        *[[number, *before_merged] for number in ("A002", "A003", "A004")],
        ["A005", "dilewati", PREVIEW[1][5]], ["W001", *before_merged]]
    assert marked(page) == ["A005"]
    assert button_text(page) == "Gabungkan 0 nomor" and not page.merge_button.isEnabled()
    assert snapshot() == before


def test_a_file_that_is_no_loket_database_is_refused_in_indonesian(
        outage: Path, qtbot: QtBot, tmp_path: Path,
        open_page: Callable[..., TicketMergePage]) -> None:
    page = open_page()
    page.choose_database(str(outage))
    preview(qtbot, page)  # a good preview on screen first: the refusal clears it
    garbage = tmp_path / "foto.jpg"
    garbage.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    page.choose_database(str(garbage))
    assert not page.merge_button.isEnabled()  # another source: preview again first
    before = snapshot()
    assert "bukan basis data Loket" in refused(qtbot, page)
    assert page.rows() == [] and not page.merge_button.isEnabled()
    # Another office's database: the window says what to tick, not a command's option.
    page.choose_database(str(another_offices_copy(outage, tmp_path / "lain.sqlite3")))
    text = refused(qtbot, page)
    assert "basis data kantor lain" in text and "“Juga dari basis data lain”" in text
    assert "--any-database" not in text
    assert snapshot() == before
    # Ticked, it is previewed as this office's.
    page.any_database.setChecked(True)
    preview(qtbot, page)
    assert button_text(page) == "Gabungkan 4 nomor"
    assert snapshot() == before


def test_an_officer_cannot_use_the_page_and_the_core_refuses_anyway(
        outage: Path, qtbot: QtBot, open_page: Callable[..., TicketMergePage]) -> None:
    keys = [key for key, _, _ in PAGES]
    assert keys.index("ticket_merge") == keys.index("reconcile") + 1
    page = open_page("officer")
    assert page.message.refused and "supervisor" in page.message.text()
    for widget in (page.preview_button, page.merge_button, page.database,
                   page.choose_database_button, page.any_database):
        assert not widget.isEnabled()
    before = snapshot()
    page.choose_database(str(outage))
    with qtbot.waitSignal(page.message.shown, timeout=WAIT):
        page.preview()
    assert page.message.refused and page.rows() == []
    assert snapshot() == before
