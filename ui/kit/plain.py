"""Text from the database or a file is shown as written, never as markup.

A QLabel guesses whether its text is HTML; a name imported as
``<font color=red size=6>TERVERIFIKASI</font>`` would show as big red instructions.
Every label of Loket is a :class:`PlainLabel`, and a tooltip that repeats data goes
through :func:`plain_tip`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class PlainLabel(QLabel):
    """A QLabel that never interprets its text as HTML."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.setTextFormat(Qt.TextFormat.PlainText)


def plain_tip(text: str) -> str:
    """A tooltip showing ``text`` literally (Qt guesses markup in tooltips too)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
