"""Following the change feed without missing an event.

Event ids come from an auto-increment, but on a server two transactions may
commit out of id order: a reader may see 102 before 101 is committed. Reading
only ``id > last_seen`` would then skip 101 forever. The cursor remembers such
gaps for a short grace period and asks for them again; a gap left by a rolled
back transaction simply ages out.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from app.queue.engine import EventView, changes_since, last_event_id

GAP_GRACE_SECONDS = 10.0
# A jump larger than this is a pruned or restarted feed, not commits in flight.
MAX_TRACKED_GAP = 1000


class FeedCursor:
    """Reads each event of the feed once, in id order per poll."""

    def __init__(self, after: int | None = None, *, grace: float = GAP_GRACE_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.after = last_event_id() if after is None else after
        self.grace = grace
        self._now = monotonic
        self._gaps: dict[int, float] = {}

    @property
    def gaps(self) -> set[int]:
        return set(self._gaps)

    def poll(self, limit: int = 500) -> list[EventView]:
        now = self._now()
        self._gaps = {i: t for i, t in self._gaps.items() if now - t < self.grace}
        start = min(self._gaps) - 1 if self._gaps else self.after
        fresh = []
        for event in changes_since(start, limit):
            if event.id in self._gaps:
                del self._gaps[event.id]
                fresh.append(event)
            elif event.id > self.after:
                if event.id - self.after <= MAX_TRACKED_GAP:
                    for missing in range(self.after + 1, event.id):
                        self._gaps[missing] = now
                self.after = event.id
                fresh.append(event)
        return fresh
