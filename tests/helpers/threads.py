"""Threads a test starts end with the test: joined with a deadline, named when late.

A bare ``thread.join()`` waits for ever when a thread hangs (a lock never released, a
server that stopped answering), and the whole run stalls until pytest-timeout; a
``join(30)`` that runs out goes on silently and leaves the thread holding its
connection into the next test. :func:`join_all` waits for every thread up to one
generous deadline and, if any is still running, fails the test with each late
thread's name and current stack, so the report says which thread did what.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from typing import Any

DEADLINE_S = 120.0  # generous: a busy shared machine is slow, a hung thread is not merely slow


def join_all(threads: Iterable[threading.Thread], deadline_s: float = DEADLINE_S) -> None:
    """Join every thread within ``deadline_s`` in all; fail naming the late ones."""
    threads = list(threads)
    end = time.monotonic() + deadline_s
    for thread in threads:
        thread.join(max(0.0, end - time.monotonic()))
    late = [t for t in threads if t.is_alive()]
    if late:
        frames = sys._current_frames()
        stacks = []
        for thread in late:
            frame = frames.get(thread.ident or -1)
            stack = "".join(traceback.format_stack(frame)) if frame else "(no frame)\n"
            stacks.append(f"--- thread {thread.name} still running:\n{stack}")
        raise AssertionError(f"{len(late)} of {len(threads)} threads did not end within "
                             f"{deadline_s:.0f} s:\n" + "".join(stacks))


def run_together(*targets: Callable[[], Any], deadline_s: float = DEADLINE_S,
                 names: Iterable[str] | None = None) -> None:
    """Start one daemon thread per target, then :func:`join_all` them.

    Daemon threads: a thread that outlives its deadline cannot keep the run's process
    alive after the failure has been reported."""
    labels = list(names) if names is not None else [f"worker-{i}" for i in range(len(targets))]
    threads = [threading.Thread(target=target, name=label, daemon=True)
               for target, label in zip(targets, labels, strict=True)]
    for thread in threads:
        thread.start()
    join_all(threads, deadline_s)
