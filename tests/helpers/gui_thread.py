"""No window runs a database query on its GUI thread (the promise behind "the GUI never
freezes on a slow or dead database", checked by structure instead of by a stopwatch).

During a window test every statement peewee executes is checked: on the main thread,
with code of ``ui/`` on the call stack, it is refused (:class:`QueryOnGuiThread`) and
the test fails at its end, even if the window swallowed the exception. The test's own
set-up, checks and slots (``engine.issue_ticket(...)`` in a test body) are the test
acting, not a window, and are not affected. The few places where a window may legitimately wait
for the database on the GUI thread are named in :data:`ALLOWED`; a test can allow more
with ``@pytest.mark.gui_thread_queries``.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import peewee
import pytest

import ui

UI_DIR = str(Path(ui.__file__).resolve().parent) + "/"
TESTS_DIR = str(Path(__file__).resolve().parent.parent) + "/"
HELPERS_DIR = str(Path(__file__).resolve().parent) + "/"

# (file under ui/, function): GUI-thread database work that is there on purpose.
ALLOWED: set[tuple[str, str]] = {
    # Start-up, before any window exists: the database is opened and migrated, and a
    # failure is asked about in a dialog (nothing else to keep responsive yet).
    ("setup/first_run.py", "open_database"),
    # The wizard tests a SQLite file on this PC as its path is typed (a local file
    # answers at once; a server's Test connection runs on the wizard's worker).
    ("setup/wizard.py", "refresh_report"),
}


class QueryOnGuiThread(AssertionError):
    """A window ran a database statement on its GUI thread."""


def _ui_frame(frame: FrameType | None) -> FrameType | None:
    """The frame of ``ui/`` code that asked for this statement, if a window did.

    The innermost frame of either ``ui/`` or the tests decides: a test's own slot
    (another counter issuing a ticket while the window shows progress) is the test
    acting, not the window. An allowed function anywhere on the stack allows it.
    """
    found = None
    decided = False
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(UI_DIR):
            if (filename[len(UI_DIR):], frame.f_code.co_name) in ALLOWED:
                return None
            if not decided:
                found, decided = frame, True
        elif filename.startswith(TESTS_DIR) and not filename.startswith(HELPERS_DIR):
            decided = True
        frame = frame.f_back
    return found


class Guard:
    def __init__(self) -> None:
        self.active = False
        self.violations: list[str] = []
        self._real = peewee.Database.execute_sql

    def install(self) -> None:
        real = self._real
        guard = self

        def execute_sql(db: peewee.Database, sql: str, *args: Any, **kw: Any) -> Any:
            if guard.active and threading.current_thread() is threading.main_thread():
                frame = _ui_frame(sys._getframe(1))
                if frame is not None:
                    where = "".join(traceback.format_stack(frame, limit=6))
                    guard.violations.append(f"{sql[:80]}\n{where}")
                    raise QueryOnGuiThread(f"database query on the GUI thread: {sql[:80]}")
            return real(db, sql, *args, **kw)

        peewee.Database.execute_sql = execute_sql  # type: ignore[method-assign]

    def uninstall(self) -> None:
        peewee.Database.execute_sql = self._real  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _no_queries_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[Guard]:
    guard = Guard()
    if request.node.get_closest_marker("gui_thread_queries") is None:
        guard.install()
        guard.active = True
    try:
        yield guard
    finally:
        guard.active = False
        guard.uninstall()
    if guard.violations:
        pytest.fail("a window ran database queries on its GUI thread:\n"
                    + "\n".join(guard.violations[:3]), pytrace=False)
