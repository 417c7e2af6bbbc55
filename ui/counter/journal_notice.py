"""The counter's notice that this PC's journal holds handovers the database lacks.

After the server came back from an older backup, the passports this PC handed over
since are collected on the shelf and ``ready`` in the database until a supervisor
replays the journal (``loket pickup reconcile --journal``). The window asks for a
check after an officer signs in and after the database is back
(:meth:`JournalNotice.check`); the check runs on the window's worker
(:func:`app.pickup.journal_check.unrecorded`) and, when lines are missing, one amber
line says how many and what to ask for. It asks again while shown whenever a
handover reaches the database (a replay's are announced in the change feed like
any other), so it goes away once the supervisor has run the replay. Nothing shows
while all is recorded; a check that fails (the database is away, which the banner
says) leaves the notice as it was and is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app import feed
from app.errors import DatabaseUnavailable, for_log
from app.messages import LANGUAGES
from app.pickup import journal_check
from app.pickup.journal_check import JournalCheck
from ui.kit.feed_watcher import FeedWatcher
from ui.kit.i18n import WindowText
from ui.kit.operation import Refresher
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.counter")

STYLE = ("QLabel#journal_notice { background: #fff3cd; color: #5c4400; font-size: 13pt;"
         " font-weight: 600; padding: 6px; }")

# The check and its sentence in every language, made on the worker: the sentence's
# local time reads the office's time zone from the settings.
Checked = tuple[JournalCheck, dict[str, str]]


def _checked() -> Checked:
    check = journal_check.unrecorded()
    return check, {lang: check.notice(lang) for lang in LANGUAGES}


class JournalNotice(WindowText, QLabel):
    """One line while this PC's journal holds handovers the database lacks."""

    checked = Signal(object)  # JournalCheck, after each check that answered

    def __init__(self, worker: DbWorker, feed_watcher: FeedWatcher,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journal_notice")
        self.setStyleSheet(STYLE)
        self.setWordWrap(True)
        self._texts: dict[str, str] = {}
        self._reader: Refresher[Checked] = Refresher(worker, self._prepare, self._show,
                                                     self._failed)
        feed_watcher.changed.connect(self._feed_changed)
        self.hide()

    @property
    def text_shown(self) -> str:
        """The notice's text while it shows, ``""`` while hidden."""
        return self.text() if not self.isHidden() else ""

    def check(self) -> None:
        """Look at the journal again (one check at a time)."""
        self._reader.request()

    def clear(self) -> None:
        """Hide until the next check (the officer signed out)."""
        self._texts = {}
        self._update_text()

    def _prepare(self) -> Callable[[], Checked]:
        return _checked

    def _show(self, result: Checked) -> None:
        check, self._texts = result
        self._update_text()
        self.checked.emit(check)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DatabaseUnavailable):
            log.info("journal not checked, the database is away: %s", for_log(exc))
        else:
            log.warning("journal not checked: %s", for_log(exc))

    def _feed_changed(self, events: list[feed.EventView]) -> None:
        if not self.isHidden() and any(e.kind == "pickup_collected" for e in events):
            self.check()

    def _update_text(self) -> None:
        text = self._texts.get(self.language, "")
        self.setText(text)
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._update_text()
        super().changeEvent(event)
