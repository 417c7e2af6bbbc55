"""Transactions: one write transaction that may be retried, a read, and acting once.

* :func:`run_in_transaction` runs a unit of work in one write transaction (``BEGIN
  IMMEDIATE`` on SQLite, row locks on the servers) and re-runs it on a transient
  conflict (deadlock, serialisation failure, lock wait timeout);
* :func:`read` runs read-only work;
* :func:`idempotent` runs work at most once per client-made request id: a retry
  after a lost reply returns the first result instead of acting twice.

A lost connection becomes :class:`~app.errors.DatabaseUnavailable` in all three,
after one quiet retry on a fresh connection when the connection was found dead
before anything of the work reached the server (see :func:`_fresh_connection_helps`).
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import peewee as pw

from app import clock
from app.errors import DatabaseUnavailable, Refused
from app.storage import json_text
from app.storage.db import (
    DATABASE_ERRORS,
    backend_of,
    database,
    discard_connection,
    ensure_connected,
    is_connection_error,
    is_retryable,
    is_timeout,
    unavailable,
)
from app.storage.models import RequestLog

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Work left for when the database answers again (an audit entry kept on the PC during an
# outage): run once after the next transaction or read of this process that succeeds.
_waiting: list[Callable[[], object]] = []
_waiting_lock = threading.Lock()
_catching_up = threading.local()


def after_next_success(callback: Callable[[], object]) -> None:
    """Run ``callback`` after the next successful transaction or read (outside any
    transaction); it may raise :class:`DatabaseUnavailable` to wait for the next one."""
    with _waiting_lock:
        if callback not in _waiting:
            _waiting.append(callback)


def _reached() -> None:
    """The database answered: run what waited for it (not from inside a transaction,
    whose failure would then undo it, nor from inside one of those callbacks)."""
    if not _waiting or getattr(_catching_up, "on", False) or database.obj.in_transaction():
        return
    with _waiting_lock:
        callbacks = list(_waiting)
        _waiting.clear()
    _catching_up.on = True
    try:
        for callback in callbacks:
            try:
                callback()
            except DatabaseUnavailable:
                after_next_success(callback)
            except Exception:
                # Not retried on every later success (it would fail the same way): the
                # work stays where it is kept, for the next start of the program.
                log.exception("work waiting for the database failed")
    finally:
        _catching_up.on = False


@contextmanager
def _write_transaction() -> Iterator[None]:
    """A transaction that takes the write lock up front on SQLite.

    SQLite's default deferred transaction upgrades its lock on the first write
    and then fails with "database is locked" under contention; BEGIN IMMEDIATE
    queues writers on the busy timeout instead. The servers lock rows.
    """
    db = database.obj
    if backend_of(db) == "sqlite":
        with db.atomic("IMMEDIATE"):
            yield
    else:
        with db.atomic():
            yield


def _fresh_connection_helps(exc: BaseException, reused: bool, work_started: bool) -> bool:
    """May the transaction run once more, on a new connection, without telling anyone?

    Only for a connection this thread already had (a new one that fails means the server
    is really away) that failed before ``work`` began, i.e. at BEGIN: the server dropped
    it while idle (restarted, ended by an administrator, a failover, a firewall's idle
    limit). Nothing of the work was sent, so running it again acts once. A connection
    that fails later in the transaction is reported: the commit may have happened.
    """
    return reused and not work_started and is_connection_error(exc)


def run_in_transaction(work: Callable[[], T], attempts: int = 8) -> T:
    """Run ``work`` in one write transaction, re-running it on transient conflicts.

    ``work`` must only touch the database (no side effects outside it), which is
    what makes re-running it safe. A lost connection becomes
    :class:`DatabaseUnavailable`.
    """
    fresh_tried = False
    attempt = 0
    while True:
        attempt += 1
        reused = not database.obj.is_closed()
        started = False
        try:
            ensure_connected()
            with _write_transaction():
                started = True
                result = work()
            _reached()
            return result
        except DATABASE_ERRORS as exc:
            if is_retryable(exc) and attempt < attempts:
                delay = min(0.2, 0.005 * 2**attempt) * (0.5 + random.random())
                log.debug("transient conflict (%s), retry %d in %.3fs", exc, attempt, delay)
                time.sleep(delay)
                continue
            if is_connection_error(exc) or is_timeout(exc):
                discard_connection()
                if not fresh_tried and _fresh_connection_helps(exc, reused, started):
                    fresh_tried = True
                    log.info("connection found dead at BEGIN (%s); once more on a new one",
                             exc)
                    continue
                raise unavailable(exc) from exc
            raise


def read(work: Callable[[], T]) -> T:
    """Run a read-only ``work``; a lost connection becomes :class:`DatabaseUnavailable`.

    A read changes nothing, so one found dead on a connection this thread already had
    is read again on a new one before anything is reported.
    """
    for last in (False, True):
        reused = not database.obj.is_closed()
        try:
            ensure_connected()
            result = work()
            _reached()
            return result
        except DATABASE_ERRORS as exc:
            if not (is_connection_error(exc) or is_timeout(exc)):
                raise
            discard_connection()
            if last or not reused or is_timeout(exc):
                raise unavailable(exc) from exc
            log.info("connection found dead (%s); reading again on a new one", exc)
    raise AssertionError("unreachable")  # pragma: no cover


def idempotent(operation: str, request_id: str | None, work: Callable[[], R],
               dump: Callable[[R], dict[str, Any]],
               load: Callable[[dict[str, Any]], R]) -> R:
    """Run ``work`` in a transaction once per ``request_id``; a repeat returns the first
    result, rebuilt by ``load`` (inside the transaction) from what ``dump`` stored."""
    if request_id is None:
        return run_in_transaction(work)

    def stored() -> R | None:
        prior = RequestLog.get_or_none(RequestLog.request_id == request_id)
        if prior is None:
            return None
        if prior.operation != operation:
            raise Refused("request_reused")
        return load(json_text.loads(prior.result))

    def guarded() -> R:
        earlier = stored()
        if earlier is not None:
            return earlier
        result = work()
        RequestLog.insert(request_id=request_id, operation=operation,
                          result=json_text.dumps(dump(result)),
                          created_at=clock.utcnow()).execute()
        return result

    try:
        return run_in_transaction(guarded)
    except pw.IntegrityError:
        # A concurrent attempt with the same id committed first: return its result.
        earlier = read(stored)
        if earlier is None:
            raise
        return earlier


def prune_request_ids(cutoff: dt.datetime) -> int:
    """Forget request ids remembered before ``cutoff`` (inside a transaction)."""
    return int(RequestLog.delete().where(RequestLog.created_at < cutoff).execute())


def rows(query: pw.BaseQuery) -> list[tuple[Any, ...]]:
    """A query's rows as plain tuples (peewee's type hints do not know ``tuples()``)."""
    return cast(list[tuple[Any, ...]], list(query.tuples()))
