"""The survey's questions for one finished ticket, one at a time, four faces each.

Shown by the survey screen at a counter (:mod:`ui.survey.window`) and by the kiosk
after a ticket's QR is scanned. The panel asks the elements the core gives
(:func:`app.office.survey.questions`), one per page: the question, then four big
buttons (a face and its word: Tidak baik, Kurang baik, Baik, Sangat baik). A tap
records the score and moves on; after the last one the answer goes to the core
through one :class:`~ui.kit.operation.Operation` carrying the request id of this
ticket's answer (a lost reply is tried again by itself for a few seconds, the same
answer, never two). Then thanks, and ``done`` after a few seconds.

Its words come from :mod:`app.messages.survey` in the panel's own language: the
language button switches this panel only (the kiosk or counter PC around it keeps
its own), and ``reset_language`` brings it back for the next applicant.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DatabaseUnavailable, LoketError, for_log
from app.messages import current_language, render
from app.office import survey
from app.office.survey import SurveyAnswer, SurveyQuestions
from ui.kit.operation import KIOSK_RETRY_MS, Intents, Operation, run_read
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker
from ui.survey.faces import COLOURS, face_icon

log = logging.getLogger("loket.ui.survey")

QUESTION_IDLE_MS = 60_000  # a question nobody answers: the applicant has left
THANKS_MS = 6_000
MESSAGE_MS = 8_000

STYLE = """
QLabel#survey_header { font-size: 20px; color: #37474f; }
QLabel#survey_element { font-size: 22px; font-weight: bold; color: #0d47a1; }
QLabel#survey_question { font-size: 32px; font-weight: bold; color: #1a2433; }
QLabel#survey_thanks, QLabel#survey_message { font-size: 40px; font-weight: bold;
    color: #0d47a1; }
QLabel#survey_hint { font-size: 24px; color: #37474f; }
QToolButton[kind="face"] { background: white; border: 3px solid #cfd8dc; border-radius: 18px;
    font-size: 22px; font-weight: bold; color: #1a2433; padding: 10px; }
QToolButton[kind="face"]:pressed { background: #e3f2fd; }
QToolButton[kind="face"]:disabled { color: #90a4ae; }
QPushButton[kind="survey_secondary"] { background: white; color: #1565c0;
    border: 2px solid #1565c0; border-radius: 12px; font-size: 20px; font-weight: bold;
    padding: 12px 26px; }
QPushButton[kind="survey_secondary"]:disabled { color: #90a4ae; border-color: #90a4ae; }
"""


class SurveyPanel(QWidget):
    """One applicant's survey. ``done`` when it is over (answered, refused, left)."""

    done = Signal()
    answered = Signal(object)  # SurveyAnswer
    refused = Signal(str)  # the reason's message id ("" for an outage)
    language_changed = Signal(str)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None, *,
                 question_idle_ms: int = QUESTION_IDLE_MS, thanks_ms: int = THANKS_MS,
                 message_ms: int = MESSAGE_MS, retry_ms: int = KIOSK_RETRY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("survey_panel")
        self.setStyleSheet(STYLE)
        self._worker = worker
        self._intents = Intents()  # the one answer waiting for the core's reply
        self._retry_ms = retry_ms
        self._home_language = current_language()
        self._lang = self._home_language
        self._questions: SurveyQuestions | None = None
        self._index = 0
        self._scores: dict[str, int] = {}
        self._sending = False
        self._message_code = ""
        self._message_exc: Exception | None = None
        self._timeouts = {"question": question_idle_ms, "thanks": thanks_ms,
                          "message": message_ms}
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._time_out)
        self._retranslate()

    # --- layout --------------------------------------------------------------------

    def _build(self) -> None:
        self._pages = QStackedWidget(self)
        question = QWidget(self._pages)
        question.setObjectName("question_page")
        layout = QVBoxLayout(question)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(14)
        self.header = PlainLabel(question)
        self.header.setObjectName("survey_header")
        self.element = PlainLabel(question)
        self.element.setObjectName("survey_element")
        self.question = PlainLabel(question)
        self.question.setObjectName("survey_question")
        self.question.setWordWrap(True)
        layout.addWidget(self.header)
        layout.addWidget(self.element)
        layout.addWidget(self.question)
        layout.addStretch(1)
        faces = QHBoxLayout()
        faces.setSpacing(16)
        self.faces: dict[int, QToolButton] = {}
        for score in survey.SCORES:
            button = QToolButton(question)
            button.setObjectName(f"face_{score}")
            button.setProperty("kind", "face")
            button.setIcon(face_icon(score))
            button.setIconSize(QSize(112, 112))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setMinimumHeight(190)
            button.setStyleSheet(f"QToolButton {{ border-color: {COLOURS[score]}; }}")
            button.clicked.connect(lambda _=False, s=score: self.choose(s))
            faces.addWidget(button)
            self.faces[score] = button
        layout.addLayout(faces, 3)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.back = self._secondary("back", question)
        self.skip = self._secondary("skip", question)
        self.language = self._secondary("language", question)
        self.back.clicked.connect(self._back)
        self.skip.clicked.connect(self.finish)
        self.language.clicked.connect(self._toggle_language)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.language)
        row.addWidget(self.skip)
        layout.addLayout(row)

        self._thanks, self._thanks_title, self._thanks_hint = self._notice(
            "thanks_page", "survey_thanks")
        self._message, self._message_title, self._message_hint = self._notice(
            "message_page", "survey_message")
        self._question_page = question
        self._pages.addWidget(question)
        self._pages.addWidget(self._thanks)
        self._pages.addWidget(self._message)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._pages)

    def _secondary(self, name: str, parent: QWidget) -> QPushButton:
        button = QPushButton(parent)
        button.setObjectName(f"survey_{name}")
        button.setProperty("kind", "survey_secondary")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps typing elsewhere
        return button

    def _notice(self, name: str, title: str) -> tuple[QWidget, PlainLabel, PlainLabel]:
        """A page of two centred lines: (page, title, hint)."""
        page = QWidget(self._pages)
        page.setObjectName(name)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        labels = []
        for object_name in (title, "survey_hint"):
            label = PlainLabel(page)
            label.setObjectName(object_name)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
            labels.append(label)
        layout.addStretch(1)
        return page, labels[0], labels[1]

    def _text(self, code: str, **params: object) -> str:
        return render(code, params, self._lang)

    def _retranslate(self) -> None:
        for score, button in self.faces.items():
            button.setText(self._text(f"survey_score_{score}"))
        self.back.setText(self._text("survey_screen_back"))
        self.skip.setText(self._text("survey_screen_skip"))
        self.language.setText(self._text("survey_screen_language"))
        self._show_question()
        self._thanks_title.setText(self._text("survey_screen_thanks"))
        self._thanks_hint.setText(self._text("survey_screen_thanks_hint"))
        self._show_message_texts()

    # --- what the window asks --------------------------------------------------------

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def page(self) -> str:
        """question, thanks or message."""
        current = self._pages.currentWidget()
        return current.objectName().removesuffix("_page") if current is not None else ""

    @property
    def ticket(self) -> int | None:
        """The ticket being rated (None when idle)."""
        return self._questions.ticket if self._questions is not None else None

    @property
    def message(self) -> str:
        return self._message_title.text()

    def ask(self, questions: SurveyQuestions) -> None:
        """Start the survey of a ticket (another one under way is dropped unanswered)."""
        self._intents.drop()
        self._questions = questions
        self._index = 0
        self._scores = {}
        self._sending = False
        self._pages.setCurrentWidget(self._question_page)
        self._show_question()
        self._timer.start(self._timeouts["question"])

    def ask_code(self, raw: str) -> None:
        """Start the survey of the ticket whose QR was scanned (refusals shown here)."""
        run_read(self._worker, lambda: survey.questions_for_code(raw), self.ask,
                 self._not_asked)

    def choose(self, score: int) -> None:
        """The applicant tapped a face for the question showing."""
        if self._questions is None or self._sending:
            return
        self._scores[self._questions.elements[self._index]] = score
        if self._index + 1 < len(self._questions.elements):
            self._index += 1
            self._show_question()
            self._timer.start(self._timeouts["question"])
        else:
            self._send()

    def finish(self) -> None:
        """The survey is over (skipped, timed out, thanked): back to the caller."""
        self._timer.stop()
        self._intents.drop()
        self._questions = None
        self._sending = False
        self.reset_language()
        self.done.emit()

    def reset_language(self) -> None:
        if self._lang != self._home_language:
            self.set_language(self._home_language)

    # --- the flow --------------------------------------------------------------------

    def _show_question(self) -> None:
        asked = self._questions
        enabled = asked is not None and not self._sending
        for button in (*self.faces.values(), self.back, self.skip):
            button.setEnabled(enabled)
        if asked is None:
            return
        self.back.setEnabled(enabled and self._index > 0)
        element = asked.elements[self._index]
        self.header.setText(self._text("survey_screen_ticket", number=asked.number,
                                       index=self._index + 1, total=len(asked.elements)))
        self.element.setText(f"{element.upper()} · {self._text(f'survey_{element}')}")
        self.question.setText(self._text(f"survey_{element}_question"))

    def _back(self) -> None:
        if self._index > 0 and not self._sending:
            self._index -= 1
            self._show_question()
            self._timer.start(self._timeouts["question"])

    def _send(self) -> None:
        asked = self._questions
        assert asked is not None
        self._sending = True
        self._timer.stop()
        self._show_question()
        scores = dict(self._scores)
        Operation(self._worker,
                  lambda ctx: survey.answer(asked.ticket, scores, request_id=ctx.request_id),
                  intents=self._intents, key=("survey", asked.ticket),
                  retry_for_ms=self._retry_ms) \
            .success(self._thanked).failure(self._not_answered).run()

    def _thanked(self, result: SurveyAnswer) -> None:
        self._sending = False
        self._pages.setCurrentWidget(self._thanks)
        self._timer.start(self._timeouts["thanks"])
        self.answered.emit(result)

    def _not_answered(self, exc: Exception) -> None:
        self._sending = False
        self._show_refusal(exc)

    def _not_asked(self, exc: Exception) -> None:
        self._questions = None
        self._show_refusal(exc)

    def _show_refusal(self, exc: Exception) -> None:
        code = exc.code if isinstance(exc, LoketError) else ""
        if not isinstance(exc, LoketError):
            log.warning("survey: %s", for_log(exc))
        self._message_code = code if not isinstance(exc, DatabaseUnavailable) else ""
        self._message_exc = exc
        self._show_message_texts()
        self._pages.setCurrentWidget(self._message)
        self._timer.start(self._timeouts["message"])
        self.refused.emit(self._message_code)

    def _show_message_texts(self) -> None:
        exc = self._message_exc
        if isinstance(exc, LoketError) and not isinstance(exc, DatabaseUnavailable):
            self._message_title.setText(exc.message(self._lang))
        else:
            self._message_title.setText(self._text("survey_screen_not_sent"))

    def _time_out(self) -> None:
        self.finish()

    def _toggle_language(self) -> None:
        self.set_language("en" if self._lang == "id" else "id")
        if self._questions is not None and not self._sending:
            self._timer.start(self._timeouts["question"])

    def set_language(self, lang: str) -> None:
        """Show this panel in ``lang`` (id or en); nothing else changes language."""
        self._lang = lang
        self._retranslate()
        self.language_changed.emit(lang)
