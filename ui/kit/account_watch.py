"""Ending a window's sign-in when its officer's account is deactivated or demoted.

The core refuses every act of a deactivated officer already; this makes the window
say so at once instead of at the next click. The window follows the change feed:
an ``officer_changed`` event about the signed-in officer (or a reconnection, after
which events may be missing) asks :func:`app.office.officers.end_if_revoked`,
which records the forced sign-out; the window then shows its sign-in page with
the reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.feed import EventView
from app.messages import render
from app.office import officers
from app.office.officers import OfficerView
from ui.kit.feed_watcher import FeedWatcher
from ui.kit.operation import run_read
from ui.kit.worker import DbWorker

# The signed-in officer and the counter they sit at (None: nobody signed in).
Current = Callable[[], tuple[OfficerView, int | None] | None]


class AccountWatch(QObject):
    def __init__(self, worker: DbWorker, feed: FeedWatcher, current: Current,
                 end: Callable[[str], None], *, act: str | None = None,
                 parent: QObject | None = None) -> None:
        """``end(sentence)``: sign out without another audit entry and show why.
        ``act``: what the window needs the role for (None: any active account)."""
        super().__init__(parent)
        self._worker = worker
        self._current = current
        self._end = end
        self._act = act
        feed.changed.connect(self._changed)
        feed.reconnected.connect(self.check)

    def _changed(self, events: list[EventView]) -> None:
        who = self._current()
        if who is not None and any(e.kind == "officer_changed"
                                   and e.data.get("officer") == who[0].id for e in events):
            self.check()

    def check(self) -> None:
        who = self._current()
        if who is None:
            return
        officer, counter = who
        act = self._act

        def done(code: str | None) -> None:
            now = self._current()
            # Signed out (or someone else signed in) meanwhile: nothing to end.
            if code is not None and now is not None and now[0].id == officer.id:
                self._end(render(code, {}))

        # A failed read is the banner's business; the next change or reconnection asks again.
        run_read(self._worker, lambda: officers.end_if_revoked(officer, counter, act), done,
                 lambda _exc: None)
