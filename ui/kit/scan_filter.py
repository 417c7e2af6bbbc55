"""Catching a keyboard-wedge scanner's codes wherever the focus is in a window.

A USB QR scanner "types" its code as key presses a few milliseconds apart and
ends with Enter; a person types a key every 100 ms or more. The filter holds
back printable key presses aimed at its window for ``max_gap_ms``: if the next
one comes sooner, they are a burst; a burst of at least ``min_length``
characters ended by Enter is a scan and is emitted as ``scanned(text)`` — the
focused widget never sees it. Anything else (a pause, a short burst, a key
that is not text, a Ctrl/Alt shortcut) hands the held keys back to the widget
they were meant for, in order, so typing works as before (just a few
milliseconds later).
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

MAX_GAP_MS = 50
MIN_LENGTH = 4
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A scanner presses Shift before each capital letter; modifiers alone are not typing.
_MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr,
                  Qt.Key.Key_Meta, Qt.Key.Key_CapsLock)
_SHORTCUT_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)


class _Held:
    __slots__ = ("key", "modifiers", "receiver", "text")

    def __init__(self, receiver: QWidget, event: QKeyEvent) -> None:
        self.receiver = receiver
        self.key = event.key()
        self.modifiers = event.modifiers()
        self.text = event.text()


class ScanFilter(QObject):
    """Install on the application with :meth:`attach`; active for one window."""

    scanned = Signal(str)

    def __init__(self, window: QWidget, *, max_gap_ms: int = MAX_GAP_MS,
                 min_length: int = MIN_LENGTH) -> None:
        super().__init__(window)
        self._window = window
        self._gap = max_gap_ms / 1000
        self._min_length = min_length
        self._held: list[_Held] = []
        self._last = 0.0
        self._replaying = False
        self.enabled = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max_gap_ms)
        self._timer.timeout.connect(self._release)

    def attach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def detach(self) -> None:
        self._release()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._replaying or not self.enabled or not isinstance(watched, QWidget):
            return False
        if event.type() == QEvent.Type.MouseButtonPress and self._held:
            self._release()  # typed text first, then the click that acts on it
            return False
        if event.type() != QEvent.Type.KeyPress or watched.window() is not self._window:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() in _MODIFIER_KEYS:
            return False
        now = time.monotonic()
        if event.key() in _ENTER:
            burst = "".join(h.text for h in self._held)
            if len(burst) >= self._min_length and now - self._last <= self._gap:
                self._held.clear()
                self._timer.stop()
                self.scanned.emit(burst)
                return True
            self._release()
            return False
        text = event.text()
        is_text = (len(text) == 1 and text.isprintable()
                   and not event.modifiers() & _SHORTCUT_MODIFIERS)
        if not is_text:
            self._release()
            return False
        if self._held and now - self._last > self._gap:
            self._release()
        self._held.append(_Held(watched, event))
        self._last = now
        self._timer.start()
        return True

    def _release(self) -> None:
        """Hand held keys back to the widgets they were meant for (it was typing)."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for h in held:
                if shiboken6.isValid(h.receiver):  # a dialog may have closed meanwhile
                    QApplication.sendEvent(h.receiver, QKeyEvent(
                        QEvent.Type.KeyPress, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False
