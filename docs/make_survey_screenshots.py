"""Take the survey screenshots for the README (run on a real X screen).

    Xvfb :79 -screen 0 1366x768x24 &
    DISPLAY=:79 .venv/bin/python docs/make_survey_screenshots.py

Builds the demo office with its two weeks of history in a temp SQLite file, has the
applicants of the last week's finished tickets answer the survey (made-up scores,
mostly good), and saves the supervisor's "Survei (IKM)" page as
``docs/admin-survey.png`` and counter 1's survey screen asking about a ticket it has
just finished as ``docs/survey-screen.png``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from app.office import settings, survey
from app.office.officers import OfficerView
from app.queue import engine
from app.setup.demo_history import seed_history
from app.setup.schema import init_database
from app.storage import db as dbmod
from app.storage.models import DONE, Officer, Ticket
from ui.admin.pages.survey import SurveyPage
from ui.kit.application import create_application
from ui.kit.i18n import install_language
from ui.kit.worker import DbWorker
from ui.survey.window import SurveyWindow

DOCS = Path(__file__).parent


def answer_history(admin: int) -> dt.date:
    """Answers for the finished tickets of the last 7 days; the first of those days."""
    settings.update_settings(admin, survey_hours=720)
    first = settings.office_today() - dt.timedelta(days=7)
    rng = random.Random(14)
    done = Ticket.select(Ticket.id).where((Ticket.status == DONE)
                                          & (Ticket.service_day >= first))
    for index, row in enumerate(done):
        if index % 3:  # about one applicant in three answers
            continue
        scores = {e: rng.choices((1, 2, 3, 4), weights=(1, 3, 12, 8))[0]
                  for e in survey.ELEMENTS}
        survey.answer(row.id, scores)
    return first


def save(widget: QWidget, name: str) -> None:
    widget.grab().save(str(DOCS / name))
    print("saved", name)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="loket-survey-shots-"))
    init_database(dbmod.connect(f"sqlite:///{tmp / 'demo.sqlite3'}"), demo=True)
    seed_history()
    admin = Officer.get(Officer.role == "admin")
    first = answer_history(admin.id)
    qt = create_application(sys.argv)
    install_language("id")

    worker = DbWorker()
    page = SurveyPage(worker, OfficerView(admin.id, admin.username, admin.full_name,
                                          "admin", True))
    page.setWindowTitle("Survei (IKM)")
    page.resize(1180, 620)
    page.show()
    screen = SurveyWindow(1)
    screen.resize(1024, 600)
    screen.move(0, 0)

    def page_loaded() -> None:
        page.choose_breakdown("officer")
        QTimer.singleShot(300, lambda: (save(page, "admin-survey.png"), page.close(),
                                        screen.show()))
        QTimer.singleShot(1500, finish_one)

    def finish_one() -> None:
        engine.issue_ticket("paspor")
        called = engine.call_next(1, officer=admin.id)
        screen.offered.connect(lambda _q: QTimer.singleShot(300, asked))
        engine.finish(called.id, 1)

    def asked() -> None:
        screen.panel.choose(4)
        screen.panel.choose(3)  # two answered: the third question shows
        QTimer.singleShot(300, lambda: (save(screen, "survey-screen.png"), qt.quit()))

    page.loaded.connect(page_loaded)
    page.set_range(first, settings.office_today())
    code = qt.exec()
    worker.shutdown()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
