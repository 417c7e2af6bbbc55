"""The survey screen beside counter 1, on a real database: a ticket finished there brings
its questions; the answer is stored once; the language switch is the window's own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.messages import current_language
from app.office import officers
from app.office.survey import SurveyQuestions
from app.queue import engine
from app.storage.models import SurveyResponse
from tests.helpers import WAIT
from ui.survey.window import SurveyWindow


@pytest.fixture
def screen(office: str, qtbot: QtBot) -> Iterator[SurveyWindow]:
    """Counter 1's survey screen, following the feed; two tickets issued, A001 called."""
    budi = officers.add_officer("budi", "petugas123", full_name="Budi Santoso").id
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    engine.call_next(1, officer=budi)
    window = SurveyWindow(1, thanks_ms=300, message_ms=300)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    with qtbot.waitSignal(window.feed.polled, timeout=WAIT):  # notes where the feed ends
        window.show()
    yield window
    window.close()


def tap(qtbot: QtBot, window: SurveyWindow, score: int) -> None:
    qtbot.mouseClick(window.panel.faces[score], Qt.MouseButton.LeftButton)


def test_the_counters_finished_ticket_is_asked_answered_once_then_idle(
        screen: SurveyWindow, qtbot: QtBot) -> None:
    assert screen.page == "idle"
    with qtbot.waitSignal(screen.offered, timeout=WAIT) as offered:
        engine.finish("A001", 1)
    asked: SurveyQuestions = offered.args[0]
    assert (asked.number, asked.counter, screen.page) == ("A001", 1, "question")
    assert screen.panel.header.text() == "Nomor A001 · pertanyaan 1 dari 9"
    assert screen.panel.element.text() == "U1 · Persyaratan"
    tap(qtbot, screen, 2)
    qtbot.mouseClick(screen.panel.back, Qt.MouseButton.LeftButton)  # changed their mind
    assert screen.panel.element.text() == "U1 · Persyaratan"
    for score in (4, 4, 3, 4, 4, 3, 4, 2):
        tap(qtbot, screen, score)
    with qtbot.waitSignal(screen.panel.answered, timeout=WAIT):
        tap(qtbot, screen, 3)
    assert screen.page == "thanks"
    with qtbot.waitSignal(screen.went_idle, timeout=WAIT):
        pass
    row = SurveyResponse.get()
    assert [getattr(row, f"u{i}") for i in range(1, 10)] == [4, 4, 3, 4, 4, 3, 4, 2, 3]
    assert (row.form, row.counter.number, row.officer.username) == ("full", 1, "budi")

    # A screen still showing the same ticket (a stale one) is refused in a sentence.
    screen.panel.ask(asked)
    for score in (4,) * 8:
        tap(qtbot, screen, score)
    with qtbot.waitSignal(screen.panel.refused, timeout=WAIT) as refused:
        tap(qtbot, screen, 4)
    assert refused.args == ["survey_already_answered"]
    assert screen.panel.message == "Survei untuk nomor A001 sudah diisi. Terima kasih."
    assert SurveyResponse.select().count() == 1


def test_another_counters_ticket_is_not_asked_here(screen: SurveyWindow, qtbot: QtBot) -> None:
    engine.call_next(2)
    engine.finish("A002", 2)
    for _ in range(2):
        with qtbot.waitSignal(screen.feed.polled, timeout=WAIT):
            pass
    assert screen.page == "idle"


def test_english_is_this_windows_own_and_the_next_applicant_starts_in_indonesian(
        screen: SurveyWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(screen.offered, timeout=WAIT):
        engine.finish("A001", 1)
    qtbot.mouseClick(screen.panel.language, Qt.MouseButton.LeftButton)
    assert screen.panel.question.text() == "How well did the requirements fit the service?"
    assert screen.panel.faces[4].text() == "Very good"
    assert current_language() == "id"  # the rest of the program keeps its language
    with qtbot.waitSignal(screen.went_idle, timeout=WAIT):
        qtbot.mouseClick(screen.panel.skip, Qt.MouseButton.LeftButton)
    assert screen.panel.lang == "id" and screen.page == "idle"
    assert SurveyResponse.select().count() == 0  # skipped: nothing stored
