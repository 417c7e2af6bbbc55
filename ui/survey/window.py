"""``loket survey-screen --counter N``: the applicant's survey window beside a counter.

A small touch screen facing the applicant. It follows the change feed as the lobby
display and the counters do (:class:`~ui.kit.feed_watcher.FeedWatcher`, on the
window's own :class:`~ui.kit.worker.DbWorker`): when its counter finishes a ticket
(a ``finished`` event of that counter), it asks the core for that ticket's questions
and shows them (:class:`~ui.survey.panel.SurveyPanel`); after the thanks, a skip or
a minute without a tap it returns to the idle page. Nothing here queries the
database on the GUI thread, and every rule (finished, within ``survey_hours``, one
answer per ticket) is the core's.

The language button switches this window only (its words come from
:mod:`app.messages.survey`), and the next applicant starts in the PC's language.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.errors import for_log
from app.feed import EventView
from app.messages import render
from app.office import survey
from app.office.survey import SurveyQuestions
from app.setup.pc_settings import PcSettings
from ui.kit.banner import DatabaseBanner
from ui.kit.feed_watcher import FeedWatcher
from ui.kit.full_screen import show_public
from ui.kit.operation import run_read
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker
from ui.survey.panel import SurveyPanel

log = logging.getLogger("loket.ui.survey")

STYLE = """
SurveyWindow { background: #eef2f7; }
QLabel#idle_title { font-size: 40px; font-weight: bold; color: #0d47a1; }
QLabel#idle_hint { font-size: 26px; color: #37474f; }
QPushButton#idle_language { background: white; color: #0d47a1; border: 2px solid #0d47a1;
    border-radius: 10px; font-size: 20px; font-weight: bold; padding: 10px 22px; }
"""


class SurveyWindow(QWidget):
    """The survey screen of counter ``counter``."""

    offered = Signal(object)  # SurveyQuestions now on screen
    went_idle = Signal()

    def __init__(self, counter: int, parent: QWidget | None = None, **panel: Any) -> None:
        super().__init__(parent)
        self.setObjectName("survey_screen")
        self.setStyleSheet(STYLE)
        self._counter = counter
        self._worker = DbWorker(self)
        self._banner = DatabaseBanner(self._worker, self, show_reason=False)
        self._pages = QStackedWidget(self)
        self._idle = QWidget(self._pages)
        self._idle.setObjectName("idle_page")
        idle = QVBoxLayout(self._idle)
        idle.addStretch(1)
        self._title = PlainLabel(self._idle)
        self._title.setObjectName("idle_title")
        self._hint = PlainLabel(self._idle)
        self._hint.setObjectName("idle_hint")
        for label in (self._title, self._hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            idle.addWidget(label)
        idle.addStretch(1)
        self._language = QPushButton(self._idle)
        self._language.setObjectName("idle_language")
        self._language.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        idle.addWidget(self._language, 0, Qt.AlignmentFlag.AlignRight)
        self.panel = SurveyPanel(self._worker, self._pages, **panel)
        self._pages.addWidget(self._idle)
        self._pages.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._banner)
        layout.addWidget(self._pages, 1)
        self.setWindowTitle(render("survey_screen_idle", {}, self.panel.lang))
        self._connect_callbacks()
        self._retranslate()
        self._feed = FeedWatcher(self._worker, self)
        self._feed.changed.connect(self._on_events)
        self._feed.start()

    def _connect_callbacks(self) -> None:
        self._language.clicked.connect(self._toggle_language)
        self.panel.language_changed.connect(lambda _lang: self._retranslate())
        self.panel.done.connect(self._go_idle)

    def _retranslate(self) -> None:
        lang = self.panel.lang
        self._title.setText(render("survey_screen_idle", {}, lang))
        self._hint.setText(render("survey_screen_idle_hint", {"counter": self._counter}, lang))
        self._language.setText(render("survey_screen_language", {}, lang))

    # --- what tests and the program see ----------------------------------------------

    @property
    def page(self) -> str:
        """idle, or the panel's page (question, thanks, message)."""
        return "idle" if self._pages.currentWidget() is self._idle else self.panel.page

    @property
    def feed(self) -> FeedWatcher:
        return self._feed

    @property
    def counter(self) -> int:
        return self._counter

    # --- the flow ---------------------------------------------------------------------

    def _on_events(self, events: list[EventView]) -> None:
        finished = [e.ticket for e in events
                    if e.kind == "finished" and e.counter == self._counter and e.ticket]
        if finished:
            self.offer(int(finished[-1]))  # the applicant now at the counter: the last one

    def offer(self, ticket: int) -> None:
        """Ask the core for ``ticket``'s questions; show them if it may be rated."""
        run_read(self._worker, lambda: survey.questions(ticket), self._ask, self._not_offered)

    def _ask(self, questions: SurveyQuestions) -> None:
        self._pages.setCurrentWidget(self.panel)
        self.panel.ask(questions)
        self.offered.emit(questions)

    def _not_offered(self, exc: Exception) -> None:
        # Rated already (another screen), or the database is away: stay idle; the
        # applicant was not asked anything yet.
        log.info("survey screen: no survey for this ticket: %s", for_log(exc))

    def _go_idle(self) -> None:
        self._pages.setCurrentWidget(self._idle)
        self._retranslate()
        self.went_idle.emit()

    def _toggle_language(self) -> None:
        self.panel.set_language("en" if self.panel.lang == "id" else "id")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._feed.stop()
        self._worker.shutdown()
        super().closeEvent(event)


def open_window(pc: PcSettings, *, windowed: bool = False,
                counter: int | None = None) -> SurveyWindow:
    """``loket survey-screen``: full screen on the applicant's touch screen (``windowed``:
    a window); ``counter`` defaults to this PC's counter."""
    number = counter if counter is not None else pc.counter
    window = SurveyWindow(int(number or 1))
    show_public(window, windowed=windowed, width=1024, height=600)
    return window
