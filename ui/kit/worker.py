"""A window's database worker: one background thread, results back by signal.

Modelled on Anki's ``CollectionOp``: a window hands :meth:`DbWorker.submit` a
plain function that talks to ``app/`` (never to a widget) and two callbacks.
The function runs on the worker's one thread, in submission order, with that
thread's own database connection; the callbacks run later on the GUI thread.
The GUI thread never waits for the database, however slow or dead it is.

The worker also keeps the window's view of the database's health:

* ``availability_changed(False, message)`` when an operation finds the database
  unreachable, ``(True, "")`` when one succeeds again;
* ``slow_changed(True)`` when an operation has been running for longer than
  ``slow_after_ms`` (default 1.5 s), so a window can say "the database is not
  answering" within 2 s even while a connection attempt is still hanging.

Exceptions that are not :class:`~app.errors.LoketError` are bugs: they are
logged with their traceback and reach ``on_error`` like any other failure, so
a window shows one calm sentence and never a traceback.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.errors import DatabaseUnavailable, LoketError
from app.storage import db as dbmod

log = logging.getLogger("loket.ui.worker")

SLOW_AFTER_MS = 1500

Op = Callable[[], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class _Signals(QObject):
    finished = Signal(int, object)  # job id, result
    failed = Signal(int, object)  # job id, exception


def _run_job(job_id: int, op: Op, signals: _Signals) -> None:
    try:
        result = op()
    except Exception as exc:  # handed to the GUI thread, which decides what to show
        if not isinstance(exc, LoketError):
            log.error("database work failed", exc_info=exc)
        signals.failed.emit(job_id, exc)
    else:
        signals.finished.emit(job_id, result)


@dataclass
class _Pending:
    on_done: Done | None
    on_error: Failed | None
    started: float


def _close_thread_connection() -> None:
    """Close the calling thread's connection (peewee keeps one per thread)."""
    try:
        db = dbmod.database.obj
        if db is not None and not db.is_closed():
            db.close()
    except Exception as exc:  # closing a dead connection may fail; nothing is lost
        log.debug("closing the worker's connection failed: %s", exc)


class DbWorker(QObject):
    """Runs database operations one at a time on a private thread."""

    availability_changed = Signal(bool, str)
    slow_changed = Signal(bool)
    idle = Signal()

    def __init__(self, parent: QObject | None = None, *,
                 slow_after_ms: int = SLOW_AFTER_MS) -> None:
        super().__init__(parent)
        # One plain Python thread that lives as long as the worker: operations never
        # overlap and keep reusing that thread's connection. (Not a QThreadPool: PySide
        # gives every QRunnable a fresh Python thread state, so peewee's thread-local
        # connection would be forgotten — and leaked — after every job.)
        self._jobs: queue.SimpleQueue[tuple[int, Op] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name="loket-db-worker",
                                        daemon=True)
        # No parent: the thread holds it, so a job still running when the window (and
        # this worker) is deleted emits into nothing instead of raising in the thread.
        self._signals = _Signals()
        self._signals.finished.connect(self._finished)
        self._signals.failed.connect(self._failed)
        self._pending: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        self._available = True
        self._down_message = ""
        self._slow = False
        self._closed = False
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(max(50, slow_after_ms // 5))
        self._watchdog.timeout.connect(self._check_slow)
        self._slow_after = slow_after_ms / 1000
        self._thread.start()

    def _serve(self) -> None:  # the worker thread
        while True:
            job = self._jobs.get()
            if job is None:
                _close_thread_connection()
                return
            _run_job(*job, self._signals)

    # --- what windows use ---------------------------------------------------------

    @property
    def available(self) -> bool:
        """False from an operation that found the database unreachable until one succeeds."""
        return self._available

    @property
    def down_message(self) -> str:
        return self._down_message

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def slow(self) -> bool:
        return self._slow

    def submit(self, op: Op, on_done: Done | None = None,
               on_error: Failed | None = None) -> None:
        """Run ``op()`` on the worker thread; its outcome goes to a callback on this thread.

        ``op`` must not touch widgets. Without ``on_error`` a failure is only logged
        (and reported through ``availability_changed`` when the database is down).
        """
        if self._closed:
            return
        job_id = next(self._ids)
        self._pending[job_id] = _Pending(on_done, on_error, time.monotonic())
        if not self._watchdog.isActive():
            self._watchdog.start()
        self._jobs.put((job_id, op))

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Let queued work end, close the thread's connection, ignore later results."""
        if self._closed:
            return
        self._closed = True
        self._watchdog.stop()
        self._jobs.put(None)
        self._thread.join(timeout_ms / 1000)
        if self._thread.is_alive():
            log.warning("database worker still busy after %d ms; left to finish alone",
                        timeout_ms)
        self._pending.clear()

    # --- outcomes, on the GUI thread ---------------------------------------------

    @Slot(int, object)
    def _finished(self, job_id: int, result: object) -> None:
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        self._set_available(True, "")
        self._after_job()
        if pending.on_done is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _failed(self, job_id: int, exc: Exception) -> None:
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        if isinstance(exc, DatabaseUnavailable):
            log.warning("database unavailable: %s", exc)
            self._set_available(False, exc.message())
        elif isinstance(exc, LoketError):
            # A refusal is an answer: the database is there.
            self._set_available(True, "")
        self._after_job()
        if pending.on_error is not None:
            pending.on_error(exc)

    def _after_job(self) -> None:
        if not self._pending:
            self._watchdog.stop()
            self._set_slow(False)
            self.idle.emit()
        else:
            self._check_slow()

    @Slot()
    def _check_slow(self) -> None:
        if not self._pending:
            return
        oldest = min(p.started for p in self._pending.values())
        # Jobs wait their turn: the one running is the oldest unfinished one.
        self._set_slow(time.monotonic() - oldest >= self._slow_after)

    def _set_available(self, available: bool, message: str) -> None:
        if available == self._available and message == self._down_message:
            return
        self._available = available
        self._down_message = message
        self.availability_changed.emit(available, message)

    def _set_slow(self, slow: bool) -> None:
        if slow != self._slow:
            self._slow = slow
            self.slow_changed.emit(slow)
