"""The satisfaction survey: counter 1's survey screen asking about a ticket it has just
finished, and the supervisor's "Survei (IKM)" page over a week of made-up answers."""

from __future__ import annotations

import datetime as dt
import random

from app.office import settings, survey
from app.queue import engine
from app.setup.demo_history import seed_history
from app.storage.models import DONE, Officer, Ticket
from docs.screenshots.admin import open_admin, visit
from docs.screenshots.stage import Stage, close, wait_signal
from ui.survey.window import SurveyWindow


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


def run(stage: Stage) -> None:
    stage.open_office()
    seed_history()
    admin = Officer.get(Officer.role == "admin")
    first = answer_history(admin.id)

    screen = SurveyWindow(1)
    stage.show(screen)

    def finish_one() -> None:
        engine.issue_ticket("paspor")
        called = engine.call_next(1, officer=admin.id)
        engine.finish(called.id, 1)

    wait_signal(screen.offered, finish_one, "the survey's questions")
    screen.panel.choose(4)
    screen.panel.choose(3)  # two answered: the third question shows
    stage.shot("survey-screen", screen)
    close(screen)

    window = open_admin(stage, "admin", "admin123!")
    page = visit(window, "survey", lambda p: p.set_range(  # type: ignore[attr-defined]
        first, settings.office_today()))
    page.choose_breakdown("officer")  # type: ignore[attr-defined]
    stage.shot("admin-survey", window)
    close(window)
