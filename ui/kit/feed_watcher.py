"""Following the change feed from a window, on its database worker.

Every ``interval_ms`` (0.5 s) the watcher asks the feed for new events with
:class:`app.feed.FeedCursor` on the window's :class:`~ui.kit.worker.DbWorker` and
emits ``changed(events)`` on the GUI thread when there are any. While the
database is unreachable it asks less and less often (0.5 s doubling up to
``max_interval_ms``), and emits ``reconnected`` on the first good answer after
an outage, so a window reloads everything it shows (events of the outage may
have been pruned meanwhile).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.feed import EventView, FeedCursor
from app.office import settings
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.feed")

POLL_MS = 500
MAX_BACKOFF_MS = 5000


class FeedWatcher(QObject):
    changed = Signal(list)  # list[EventView]
    reconnected = Signal()
    polled = Signal()  # after every poll, good or bad (tests wait for it)

    def __init__(self, worker: DbWorker, parent: QObject | None = None, *,
                 interval_ms: int = POLL_MS, max_interval_ms: int = MAX_BACKOFF_MS) -> None:
        super().__init__(parent)
        self._worker = worker
        self._interval = interval_ms
        self._max_interval = max(max_interval_ms, interval_ms)
        self._cursor: FeedCursor | None = None
        self._in_flight = False
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll)
        self._delay = interval_ms

    def start(self) -> None:
        """Begin polling now (the first poll only notes where the feed ends)."""
        self.poll()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def delay_ms(self) -> int:
        """The wait before the next poll (longer while the database is away)."""
        return self._delay

    @Slot()
    def poll(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        self._worker.submit(self._read, self._done, self._failed)

    def _read(self) -> list[EventView]:  # on the worker thread
        if self._cursor is None:
            self._cursor = FeedCursor()
            return []
        events = self._cursor.poll()
        # Another PC changed the office settings: read them afresh before this window
        # redraws (on this thread, so the redraw's read already sees them).
        if any(e.kind == settings.SETTINGS_CHANGED for e in events):
            settings.invalidate_cache()
        return events

    def _done(self, events: list[EventView]) -> None:
        self._in_flight = False
        was_failing = self._failing
        self._failing = False
        self._delay = self._interval
        self._timer.start(self._delay)
        if was_failing:
            self.reconnected.emit()
        if events:
            self.changed.emit(events)
        self.polled.emit()

    def _failed(self, exc: Exception) -> None:
        self._in_flight = False
        self._failing = True
        self._delay = min(self._delay * 2, self._max_interval)
        log.info("feed poll failed (%s); next try in %d ms", exc, self._delay)
        self._timer.start(self._delay)
        self.polled.emit()
