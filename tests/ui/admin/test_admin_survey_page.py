"""The "Survei (IKM)" page on a real database: the index of the hand-computed answers of
tests/unit/office/test_survey.py, its breakdowns, the short-form note and the CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app import spreadsheet
from app.office import survey
from app.office.officers import OfficerView
from tests.helpers import WAIT
from tests.helpers.reports import D, Hall, at
from tests.unit.office.test_survey import ANSWERED_AT, ANSWERS, scores
from ui.admin.pages.survey import SurveyPage
from ui.kit.i18n import install_language
from ui.kit.worker import DbWorker


@pytest.fixture
def hall(office: str, travel: Callable[[dt.datetime], None]) -> Hall:
    travel(ANSWERED_AT)
    h = Hall()
    for prefix, counter, officer in (("A", 1, h.budi), ("A", 2, h.ani), ("P", 1, h.budi)):
        h.ticket(prefix, at(1, 0), "done", called=at(1, 10), finished=at(1, 20),
                 counter=counter, officer=officer)
    from app.storage.models import Ticket

    for number, values in ANSWERS.items():
        survey.answer(Ticket.get(Ticket.number == number).id, scores(values))
    return h


@pytest.fixture
def page(qtbot: QtBot, hall: Hall, english: str) -> Iterator[SurveyPage]:
    worker = DbWorker()
    shown = SurveyPage(worker, OfficerView(hall.sup, "sup", "Kepala", "supervisor", True))
    qtbot.addWidget(shown)
    shown.resize(1280, 700)
    shown.show()
    yield shown
    worker.shutdown()


def cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def load(qtbot: QtBot, page: SurveyPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.set_range(D, D)


def test_the_page_shows_the_index_its_elements_and_breakdowns(
        qtbot: QtBot, page: SurveyPage, tmp_path: Path) -> None:
    assert page.title() == "Survey (IKM)"
    load(qtbot, page)
    assert page._ikm.text() == "IKM 78.70 · mutu B (Good) · 3 responses"
    nrr = cells(page.findChild(QTableWidget, "nrr_table"))
    assert nrr[0] == ["U1 · Requirements", "3.000"]
    assert nrr[3] == ["U4 · Cost/fee", "2.667"]
    assert page._note.isHidden()
    breakdown = page.findChild(QTableWidget, "breakdown_table")
    assert cells(breakdown) == [["A · Passport application", "2", "87.50", "B (Good)"],
                                ["P · Priority service", "1", "61.11", "D (Poor)"]]
    page.choose_breakdown("officer")
    assert cells(breakdown) == [["Ani Lestari", "1", "75.00", "C (Fair)"],
                                ["Budi Santoso", "2", "80.56", "B (Good)"]]
    target = tmp_path / "ikm.csv"
    assert page.export_csv(target)
    rep = page.report
    assert rep is not None
    assert spreadsheet.read_back(target.read_bytes()) == spreadsheet.read_back(
        survey.to_csv(rep, lang="en"))


def test_indonesian_words_and_the_short_form_note(
        qtbot: QtBot, page: SurveyPage, hall: Hall) -> None:
    from app.storage.models import Ticket

    hall.ticket("A", at(2, 0), "done", called=at(2, 5), finished=at(2, 15), counter=2,
                officer=hall.ani)
    survey.answer(Ticket.get(Ticket.number == "A003").id,
                  scores([4, 4, 4, 4], survey.SHORT_ELEMENTS))
    install_language("id")
    try:
        assert page.title() == "Survei (IKM)"
        load(qtbot, page)
        # U3, U6, U7, U9 gain a 4: (11 + 4) / 4, (10 + 4) / 4, (11 + 4) / 4, (9 + 4) / 4;
        # Σ NRR = 3 + 10/3 + 15/4 + 8/3 + 3 + 14/4 + 15/4 + 8/3 + 13/4 = 28.9167
        # IKM = 28.9167 / 9 × 25 = 80.32 (B)
        assert page._ikm.text() == "IKM 80,32 · mutu B (Baik) · 4 responden"
        assert not page._note.isHidden()
        assert page._note.text().startswith("Sebagian jawaban dari formulir singkat")
        nrr = cells(page.findChild(QTableWidget, "nrr_table"))
        assert nrr[2] == ["U3 · Waktu penyelesaian", "3,750"]
    finally:
        install_language("en")
