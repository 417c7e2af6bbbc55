"""The database banner: one red line, the same in every window, bound to its worker.

A window puts one at the top of its layout and forgets about it::

    self._banner = DatabaseBanner(self._worker, self)
    layout.addWidget(self._banner)

It shows itself when the worker finds the database unreachable
(``availability_changed``) or an operation has run too long (``slow_changed``),
and hides itself when the database answers again. ``show_reason=False`` leaves
the technical reason out, for screens the public reads (kiosk, lobby display);
:meth:`DatabaseBanner.set_text_px` sizes its words for a screen read from afar (the
lobby display sets it from its own height), the look otherwise the same everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QLabel, QWidget

from ui.kit.i18n import WindowText
from ui.kit.worker import DbWorker

STYLE = ("QLabel#database_banner {{ background: #c62828; color: white; font-size: {size};"
         " font-weight: 600; padding: {padding}; }}")


class DatabaseBanner(WindowText, QLabel):
    """Says that the database is away or slow; hidden while all is well."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None, *,
                 show_reason: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("database_banner")
        self.setStyleSheet(STYLE.format(size="14pt", padding="8px"))
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._worker = worker
        self._show_reason = show_reason
        worker.availability_changed.connect(self._availability_changed)
        worker.slow_changed.connect(self._slow_changed)
        self.update_text()

    @property
    def text_shown(self) -> str:
        """The banner's text while it shows, ``""`` while hidden."""
        return self.text() if not self.isHidden() else ""

    def set_text_px(self, px: int) -> None:
        """Words ``px`` pixels high (and padding to match), for a screen read from afar."""
        px = max(1, px)
        self.setStyleSheet(STYLE.format(size=f"{px}px", padding=f"{max(2, px // 4)}px"))

    @Slot(bool, str)
    def _availability_changed(self, _available: bool, _message: str) -> None:
        self.update_text()

    @Slot(bool)
    def _slow_changed(self, _slow: bool) -> None:
        self.update_text()

    def update_text(self) -> None:
        worker = self._worker
        if not worker.available:
            text = self.tr("No connection to the database. Nothing is lost: Loket keeps "
                           "trying and carries on by itself when the connection is back.")
            if self._show_reason and worker.down_message:
                text += "\n" + worker.down_message
        elif worker.slow:
            text = self.tr("The database is not answering. Waiting for it…")
        else:
            self.hide()
            return
        self.setText(text)
        self.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.update_text()
        super().changeEvent(event)
