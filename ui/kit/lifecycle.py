"""How a window process ends when told to, and a start-up probe for measuring it.

* :class:`QuitOnSignals`: SIGTERM (``systemctl stop``, a shutdown), SIGINT (Ctrl+C)
  and, where they exist, SIGHUP (the session or terminal going away) and SIGBREAK
  (Ctrl+Break in a Windows console) end the program as closing its windows would:
  every window's ``closeEvent`` stops its timers and its database worker (which
  closes that thread's connection), the event loop returns 0 and the command line
  closes its own connection. Python runs signal handlers only between bytecodes,
  and Qt's event loop runs none while it waits, so the C-level handler's wake-up
  byte (:func:`signal.set_wakeup_fd`) is watched with a :class:`QSocketNotifier`:
  the loop wakes at once, without a polling timer. Signals after the first are
  only logged (a log-out may send SIGTERM and SIGHUP together; the second must not
  cut the first's clean ending short).
* :class:`FirstPaintProbe`: with ``LOKET_EXIT_AFTER_FIRST_PAINT=1`` the first
  window's first paint prints ``first-paint`` on stdout and quits with 0, so a
  benchmark can time start-up from process start to a painted window.

:func:`install` sets up both for the windows :func:`ui.launch.run` opened.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from collections.abc import Sequence
from types import FrameType
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, QTimer, Slot
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("loket.ui.lifecycle")

STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK")
    if hasattr(signal, name))
PROBE_VARIABLE = "LOKET_EXIT_AFTER_FIRST_PAINT"
FIRST_PAINT_LINE = "first-paint"


def close_and_quit(app: QApplication, code: int = 0) -> None:
    """End the event loop as a person closing every window would, with ``code``."""
    app.closeAllWindows()
    still_open = [w for w in app.topLevelWidgets() if w.isVisible()]
    if still_open:
        log.warning("%d window(s) refused to close; quitting all the same", len(still_open))
    # Closing the last window posted a Quit event; left in the queue after this loop
    # ends, it would end the next loop of this process (a set-up wizard's) at once.
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    app.exit(code)


class QuitOnSignals(QObject):
    """Close the windows and quit with 0 when a stop signal arrives.

    Must be made on the main thread (Python's signal handlers live there).
    :meth:`uninstall` gives back the handlers and wake-up descriptor it replaced.
    """

    def __init__(self, app: QApplication,
                 signals: Sequence[signal.Signals] = STOP_SIGNALS) -> None:
        super().__init__(app)
        self._app = app
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in signals}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._wake)
        self._installed = True
        log.info("stop signals handled (%s): they close the windows",
                 ", ".join(signal.Signals(sig).name for sig in self._previous))

    @Slot()
    def _wake(self) -> None:
        # Only empties the wake-up bytes: running this slot lets Python call the
        # handler of the signal that arrived (``_on_signal``).
        while True:
            try:
                if not self._reader.recv(512):
                    return
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                log.warning("signal wake-up socket failed: %s", exc)
                self._notifier.setEnabled(False)
                return

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if self.received is not None:
            log.info("%s while already closing; ignored", name)
            return
        self.received = signum
        log.info("%s received: closing the windows", name)
        # Not from inside the handler: it may interrupt any Python code, a
        # closeEvent included. The loop runs this next.
        QTimer.singleShot(0, self._app, lambda: close_and_quit(self._app, 0))

    def uninstall(self) -> None:
        """Give back the previous handlers and wake-up descriptor (idempotent)."""
        if not self._installed:
            return
        self._installed = False
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


class FirstPaintProbe(QObject):
    """Print ``first-paint`` and quit with 0 once ``window`` has first been painted.

    Watches the whole application for the first paint event of any widget in the
    window (a window whose children cover it gets none itself), then reports on the
    next turn of the loop, when that paint is done.
    """

    def __init__(self, app: QApplication, window: QWidget, out: TextIO | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._out = out
        self.painted = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (not self.painted and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self._window):
            self.painted = True
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self, self._report)
        return False

    @Slot()
    def _report(self) -> None:
        out = self._out if self._out is not None else sys.stdout
        if out is not None:  # None in a Windows program without a console
            print(FIRST_PAINT_LINE, file=out, flush=True)
        close_and_quit(self._app, 0)


def install(app: QApplication, windows: Sequence[QWidget]) -> QuitOnSignals:
    """Clean quitting on stop signals, and the start-up probe when asked for.

    The signal handlers are given back when the event loop ends.
    """
    stopper = QuitOnSignals(app)
    app.aboutToQuit.connect(stopper.uninstall)
    if os.environ.get(PROBE_VARIABLE) == "1" and windows:
        FirstPaintProbe(app, windows[0])
    return stopper
