"""How a window acts: one operation object on the window's :class:`~ui.kit.worker.DbWorker`.

Modelled on Anki's ``CollectionOp``: the window hands over a plain function that
talks to ``app/`` (never to a widget), says what to do with its answer, and runs
it::

    Operation(self._worker, lambda ctx: engine.call_next(counter, officer, ctx.request_id),
              intents=self._intents, key=("call_next",)) \\
        .success(self._called) \\
        .failure(lambda exc: self._show_message(error_sentence(exc), warn=True)) \\
        .run()

The function gets an :class:`OpContext`: the request id of the intent it carries
out (``None`` for work that changes nothing) and :meth:`OpContext.report` for
progress (``.progress(callback)`` receives it on the GUI thread).

**The request-id rule.** A request id belongs to exactly one intent of the person
at the screen. :class:`Intents` keeps at most one open intent per window:

* it is made when the intent starts (the first press);
* it is reused only when *that same* intent is tried again while its outcome is
  unknown (the same action on the same ticket or passport after a lost reply), or
  when the operation retries by itself (``retry_for_ms``);
* it is dropped as soon as a definite answer arrives (success or refusal), and as
  soon as the person moves on: any other action, a sign-out, a new scan, an idle
  reset (:meth:`Intents.drop`), or a window's read that shows the outcome.

So a retry after a lost connection is the same request (the core carries it out at
most once), and nothing later ever inherits an old request's answer. An
applicant's tap uses ``retry_for_ms``: it is tried again by itself for a few
seconds with the same id, then the applicant is told it did not go through and
the id is forgotten: a tap never outlives the person who made it.

:class:`Refresher` is the other recurring need: one read at a time, and once more
if it was asked for again meanwhile. :func:`error_sentence` is the one default
sentence for a failure.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from app.errors import DatabaseUnavailable, LoketError, for_log
from ui.kit import i18n
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.operation")

R = TypeVar("R")

RETRY_EVERY_MS = 500
KIOSK_RETRY_MS = 4000  # an applicant waits a few seconds at most, then is told


_NOT_CONFIRMED = QT_TRANSLATE_NOOP(
    "Operation", "Not confirmed: the database could not be reached. Try again when it is "
    "back; an action that did go through will not be done twice.")
_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Operation", "The database could not be reached. Loket tries again by itself.")
_BUG = QT_TRANSLATE_NOOP(
    "Operation", "Something went wrong inside Loket; nothing was changed. The details are "
    "in the log file. If it happens again, tell the supervisor.")


def error_sentence(exc: Exception, *, act: bool = True, widget: QObject | None = None) -> str:
    """The one default sentence for a failed operation, in ``widget``'s window's language
    (a window may speak another than the PC's, :mod:`ui.kit.i18n`).

    A refusal says its own message. An unreachable database says, for an ``act``
    (something that changes the office), that it is *not confirmed*: it may have
    gone through, and trying again will not do it twice. Anything else is a bug:
    the worker has logged its traceback; the screen gets a calm sentence.
    """
    own = i18n.own_lang(widget)

    def tr(source: str) -> str:
        if own is None:
            return QCoreApplication.translate("Operation", source)
        return source if own.code == i18n.SOURCE_LANGUAGE else own.translate("Operation", source)

    if isinstance(exc, DatabaseUnavailable):
        return tr(_NOT_CONFIRMED if act else _UNREACHABLE)
    if isinstance(exc, LoketError):
        return exc.message(own.code if own is not None else None)
    return tr(_BUG)


class Intents:
    """The one open intent of a window: its key (what and on what) and its request id."""

    def __init__(self) -> None:
        self._key: Hashable | None = None
        self._id: str | None = None

    @property
    def key(self) -> Hashable | None:
        """The open intent's key, ``None`` when nothing waits for an answer."""
        return self._key

    def request_id(self, key: Hashable) -> str:
        """The id for ``key``: the open one if it is the same intent, else a new one
        (starting another intent ends the one before)."""
        if key != self._key or self._id is None:
            self._key, self._id = key, uuid.uuid4().hex
        return self._id

    def settle(self, key: Hashable) -> None:
        """A definite answer came for ``key``: its id is used up."""
        if key == self._key:
            self.drop()

    def drop(self) -> None:
        """The person moved on: no later act may inherit the id."""
        self._key = self._id = None


class _Relay(QObject):
    """Carries progress from the worker thread to the GUI thread (queued)."""

    progressed = Signal(int, int, str)


@dataclass(frozen=True)
class OpContext:
    """What an operation's function gets on the worker thread."""

    request_id: str | None
    _relay: _Relay | None = None

    def report(self, done: int, total: int, text: str = "") -> None:
        """Progress of long work, shown by the window's ``progress`` callback."""
        if self._relay is not None:
            self._relay.progressed.emit(done, total, text)


class Operation(Generic[R]):
    """One operation of a window: ``work(ctx)`` on the worker, the answer on the GUI thread.

    ``intents`` and ``key`` make it an act that carries a request id under the rule
    in this module's docstring. ``retry_for_ms`` > 0: an unreachable database is
    tried again by itself (same id) until that time has passed; the failure that
    ends it drops the id.
    """

    def __init__(self, worker: DbWorker, work: Callable[[OpContext], R], *,
                 intents: Intents | None = None, key: Hashable | None = None,
                 retry_for_ms: int = 0, retry_every_ms: int = RETRY_EVERY_MS) -> None:
        if (intents is None) != (key is None):
            raise ValueError("an act needs both intents and key")
        self._worker = worker
        self._work = work
        self._intents = intents
        self._key = key
        self._retry_for = retry_for_ms / 1000
        self._retry_every = retry_every_ms
        self._on_success: Callable[[R], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._on_progress: Callable[[int, int, str], None] | None = None
        self._relay: _Relay | None = None
        self._deadline = 0.0
        self._request_id: str | None = None

    def success(self, callback: Callable[[R], None]) -> Operation[R]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Operation[R]:
        """Without one, a failure is only logged (and an outage shown by the banner)."""
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int, str], None]) -> Operation[R]:
        self._on_progress = callback
        return self

    @property
    def request_id(self) -> str | None:
        return self._request_id

    def run(self) -> None:
        """Start it (returns at once; the callbacks come later, on the GUI thread)."""
        if self._intents is not None:
            self._request_id = self._intents.request_id(self._key)
        if self._on_progress is not None:
            self._relay = _Relay()
            self._relay.progressed.connect(self._on_progress)
        self._deadline = time.monotonic() + self._retry_for
        self._submit()

    def _submit(self) -> None:
        ctx = OpContext(self._request_id, self._relay)
        work = self._work
        self._worker.submit(lambda: work(ctx), self._succeeded, self._failed)

    def _succeeded(self, result: R) -> None:
        if self._intents is not None:
            self._intents.settle(self._key)
        if self._on_success is not None:
            self._on_success(result)

    def _still_ours(self) -> bool:
        return self._intents is None or self._intents.key == self._key

    def _failed(self, exc: Exception) -> None:
        outage = isinstance(exc, DatabaseUnavailable)
        if outage and self._retry_for and self._still_ours() \
                and time.monotonic() < self._deadline:
            log.info("operation not confirmed (%s); trying again with the same request",
                     for_log(exc))
            # A lambda, not the bound method: Qt keeps the lambda (and so this operation)
            # alive until the timer fires; nothing else holds a running operation.
            QTimer.singleShot(self._retry_every, lambda: self._submit())
            return
        if self._intents is not None and (not outage or self._retry_for):
            # A refusal or a bug is a definite answer; a self-retrying act that gave
            # up is over for the person who started it.
            self._intents.settle(self._key)
        if self._on_failure is not None:
            self._on_failure(exc)
        elif not outage:
            log.warning("operation failed: %s", for_log(exc))


class Refresher(Generic[R]):
    """One read at a time; asked again while one runs (or while held), it runs once more.

    ``prepare()`` runs on the GUI thread when a read starts and returns the function
    for the worker (capturing what the window shows now), or ``None`` to skip.
    ``hold()``/``release()`` keep reads back while an act is under way (the act
    reads what it needs itself); a read asked for meanwhile runs on release.
    """

    def __init__(self, worker: DbWorker, prepare: Callable[[], Callable[[], R] | None],
                 show: Callable[[R], None],
                 failed: Callable[[Exception], None] | None = None) -> None:
        self._worker = worker
        self._prepare = prepare
        self._show = show
        self._on_failed = failed
        self._running = False
        self._again = False
        self._held = False

    @property
    def running(self) -> bool:
        return self._running

    def request(self) -> None:
        if self._running or self._held:
            self._again = True
            return
        read = self._prepare()
        if read is None:
            self._again = False
            return
        self._running = True
        self._again = False
        self._worker.submit(read, self._done, self._failed)

    def hold(self) -> None:
        self._held = True

    def release(self) -> None:
        self._held = False
        self._rerun()

    def _rerun(self) -> None:
        if self._again:
            self.request()

    def _done(self, result: R) -> None:
        self._running = False
        self._show(result)
        self._rerun()

    def _failed(self, exc: Exception) -> None:
        self._running = False
        if self._on_failed is not None:
            self._on_failed(exc)
        elif not isinstance(exc, DatabaseUnavailable):
            log.warning("read failed: %s", for_log(exc))
        self._rerun()


def run_read(worker: DbWorker, work: Callable[[], Any],
             done: Callable[[Any], None] | None = None,
             failed: Callable[[Exception], None] | None = None) -> None:
    """A one-off read that changes nothing (a list for a form, a count)."""
    op = Operation(worker, lambda _ctx: work())
    if done is not None:
        op.success(done)
    if failed is not None:
        op.failure(failed)
    op.run()
