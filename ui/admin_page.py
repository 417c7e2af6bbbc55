"""Small parts the supervisor's window's pages share.

Composed into a page rather than inherited: Qt looks a ``self.tr`` string up under
the class of the object at run time, so a string written in a base class would go
untranslated in every subclass.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.errors import DatabaseUnavailable, LoketError

DONE_STYLE = "QLabel { background: #e3f2fd; color: #0d3c61; font-size: 12pt; padding: 6px; }"
REFUSED_STYLE = "QLabel { background: #fff3cd; color: #5c4400; font-size: 12pt; padding: 6px; }"


class PageMessage(QLabel):
    """A page's answer line: what was done, or why not in the core's own sentence."""

    shown = Signal(str, bool)  # text, refused

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_message")
        self.setWordWrap(True)
        self._refused = False
        self.hide()

    def show_done(self, text: str) -> None:
        self._show(text, refused=False)

    def show_error(self, exc: Exception) -> None:
        self._show(self.text_for(exc), refused=True)

    def show_refusal(self, text: str) -> None:
        self._show(text, refused=True)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    @property
    def refused(self) -> bool:
        """Whether the sentence shown says why something was not done."""
        return self._refused

    def text_for(self, exc: Exception) -> str:
        if isinstance(exc, DatabaseUnavailable):
            return self.tr("The database could not be reached. Nothing you typed is lost; "
                           "try again when the connection is back.")
        if isinstance(exc, LoketError):
            return exc.message()
        return self.tr("Something went wrong inside Loket; nothing was changed. The details "
                       "are in the log file.")

    def _show(self, text: str, *, refused: bool) -> None:
        self._refused = refused
        self.setStyleSheet(REFUSED_STYLE if refused else DONE_STYLE)
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            self.shown.emit(text, refused)


def enable_choice(combo: QComboBox, index: int, enabled: bool) -> None:
    """Grey out one entry of a combo box (an admin-only role for a supervisor)."""
    model = combo.model()
    item = getattr(model, "item", None)
    if item is not None and item(index) is not None:
        item(index).setEnabled(enabled)
