"""Worker processes for the concurrency tests (module level, so ``spawn`` can import them),
and :class:`Workers`, which starts them for a test and ends them in its teardown."""

from __future__ import annotations

import multiprocessing.process
import multiprocessing.synchronize
import queue as queues
import time
import traceback
from collections.abc import Callable
from typing import Any

from app.errors import Refused
from app.queue import engine
from app.storage import db


def issue_many(url: str, queue: str, count: int, start: multiprocessing.synchronize.Event,
               out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    db.connect(url)
    start.wait()
    numbers = [engine.issue_ticket(queue).number for _ in range(count)]
    out.put(("issued", numbers))


def call_until_drained(url: str, counter: int, start: multiprocessing.synchronize.Event,
                       issuers_done: multiprocessing.synchronize.Event,
                       out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    db.connect(url)
    start.wait()
    called: list[tuple[int, str]] = []
    while True:
        try:
            ticket = engine.call_next(counter)
        except Refused:
            if issuers_done.is_set():
                try:  # one last look: a ticket may have landed after the refusal
                    ticket = engine.call_next(counter)
                except Refused:
                    break
            else:
                time.sleep(0.005)
                continue
        called.append((ticket.id, ticket.number))
        engine.finish(ticket.id, counter)
    out.put(("called", called))


def hand_over_all(url: str, scans: list[str], counter: int, officer: str,
                  start: multiprocessing.synchronize.Event,
                  out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Try to hand over every passport; report which ones this counter won."""
    from app.pickup import service as pickup

    db.connect(url)
    start.wait()
    won, refused = [], []
    for scan in scans:
        try:
            pickup.hand_over(scan, counter, officer, "self", id_checked=True)
            won.append(scan)
        except Refused as exc:
            refused.append((scan, exc.code))
    out.put((counter, won, refused))


def check_in_all(url: str, scans: list[str], start: multiprocessing.synchronize.Event,
                 out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from app.pickup import service as pickup

    db.connect(url)
    start.wait()
    out.put([(scan, pickup.check_in(scan).ticket.id) for scan in scans])


def issue_and_serve(url: str, counter: int, start: multiprocessing.synchronize.Event,
                    stop: multiprocessing.synchronize.Event,
                    out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """A kiosk and a counter in one: issue, call, finish, until told to stop.

    Reports every ticket it issued with the wall-clock time just after its commit, so a
    test can tell which tickets a backup started at a given moment must hold.
    """
    db.connect(url)
    start.wait()
    committed: list[tuple[int, float]] = []
    while not stop.is_set():
        ticket = engine.issue_ticket("A")
        committed.append((ticket.id, time.time()))
        try:
            called = engine.call_next(counter)
        except Refused:
            continue
        engine.finish(called.id, counter)
    out.put(committed)


# --- starting and ending them ------------------------------------------------------------


def _reporting(name: str, status: multiprocessing.Queue,  # type: ignore[type-arg]
               target: Callable[..., None], *args: Any) -> None:
    """Run ``target`` in the worker, saying on ``status`` whether it started and ended."""
    status.put((name, "started", ""))
    try:
        target(*args)
    except BaseException:
        status.put((name, "failed", traceback.format_exc()))
        raise
    status.put((name, "done", ""))


class Workers:
    """The worker processes of one test (the ``workers`` fixture).

    Results are awaited with generous deadlines; when one is missed the failure says
    which worker did what (started, failed with its traceback, still running, its exit
    code). Whatever happens, the test's teardown ends every process it started:
    terminate, then kill, then join, so none is left holding database locks.
    """

    RESULT_TIMEOUT = 300.0  # s: a busy shared machine may be slow, never this slow

    def __init__(self) -> None:
        self.ctx = multiprocessing.get_context("spawn")
        self.out: multiprocessing.Queue = self.ctx.Queue()  # type: ignore[type-arg]
        self._status: multiprocessing.Queue = self.ctx.Queue()  # type: ignore[type-arg]
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._seen: dict[str, list[str]] = {}

    def start(self, name: str, target: Callable[..., None], *args: Any) -> None:
        process = self.ctx.Process(target=_reporting, name=name,
                                   args=(name, self._status, target, *args))
        process.start()
        self._processes.append(process)

    def result(self, timeout: float = RESULT_TIMEOUT) -> Any:
        """The next result a worker put on :attr:`out`."""
        try:
            return self.out.get(timeout=timeout)
        except queues.Empty:
            raise AssertionError(f"no worker reported within {timeout:.0f} s:\n"
                                 + self.describe()) from None

    def join(self, timeout: float = 60.0) -> None:
        """Wait for every worker to end; each must end with exit code 0."""
        deadline = time.monotonic() + timeout
        for process in self._processes:
            process.join(max(0.0, deadline - time.monotonic()))
        failed = [p for p in self._processes if p.exitcode != 0]
        assert not failed, "workers did not end cleanly:\n" + self.describe()

    def describe(self) -> str:
        while True:
            try:
                name, state, detail = self._status.get_nowait()
            except queues.Empty:
                break
            self._seen.setdefault(name, []).append(state + (f"\n{detail}" if detail else ""))
        lines = []
        for p in self._processes:
            running = "running" if p.is_alive() else f"exit code {p.exitcode}"
            said = ", ".join(self._seen.get(p.name, [])) or "nothing"
            lines.append(f"  {p.name} (pid {p.pid}, {running}): {said}")
        return "\n".join(lines)

    def end(self) -> None:
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join(5)
        for q in (self.out, self._status):
            q.close()
            q.cancel_join_thread()
