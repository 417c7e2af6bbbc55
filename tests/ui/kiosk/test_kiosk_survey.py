"""The kiosk opens a ticket's satisfaction survey when the ticket's QR is scanned."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.queue import engine
from app.setup.pc_settings import PcSettings
from app.storage.models import SurveyResponse
from tests.helpers import WAIT
from tests.ui.kiosk.conftest import shown_kiosk
from ui.kiosk.window import KioskWindow


@pytest.fixture
def kiosk(office: str, qtbot: QtBot, pc: PcSettings, english: str,
          tmp_path: Path) -> KioskWindow:
    return shown_kiosk(qtbot, pc, tmp_path)


def test_a_finished_tickets_qr_opens_its_survey_and_a_waiting_one_is_refused(
        kiosk: KioskWindow, qtbot: QtBot) -> None:
    served = engine.issue_ticket("A")
    waiting = engine.issue_ticket("A")
    engine.call_next(1)
    engine.finish(served.id, 1)
    kiosk.survey._timeouts.update(thanks=200, message=200)

    kiosk._on_scan(engine.ticket_code(waiting.id).lower())  # a scanner with Caps Lock on
    with qtbot.waitSignal(kiosk.survey.refused, timeout=WAIT) as refused:
        pass
    assert refused.args == ["survey_not_finished"] and kiosk.page == "survey"
    qtbot.waitUntil(lambda: kiosk.page == "start", timeout=WAIT)

    kiosk._on_scan(engine.ticket_code(served.id))
    qtbot.waitUntil(lambda: kiosk.survey.ticket == served.id, timeout=WAIT)
    assert kiosk.page == "survey" and kiosk.survey.page == "question"
    for _ in range(8):
        qtbot.mouseClick(kiosk.survey.faces[4], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.survey.answered, timeout=WAIT):
        qtbot.mouseClick(kiosk.survey.faces[3], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.page == "start", timeout=WAIT)
    row = SurveyResponse.get()
    assert (row.ticket_id, row.u1, row.u9) == (served.id, 4, 3)
