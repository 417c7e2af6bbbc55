"""How long a ticket will wait: how many are ahead, and an honest range in minutes.

An applicant is told a range, never a single number: "10–25 minutes" is a promise the
office can keep, "17 minutes" is not. The range comes from two things the office
knows now:

* the queue's recent **service times** (from the call to the end of the service,
  which is how long a counter is busy with one ticket): the last
  :data:`HISTORY_TICKETS` finished tickets of the queue within :data:`HISTORY_DAYS`;
* the **counters open now** that serve the queue (active, and serving it in the
  day's profile, or by their standing queues on a day the profile says nothing).

:func:`estimate` is pure: with ``c`` counters and ``n`` tickets ahead, it plays the
line out :data:`RUNS` times, each time drawing service times from the history (a
counter busy when the ticket is issued has a random part of one service left), and
reports a low and a high quantile (:data:`LOW_Q`, :data:`HIGH_Q`) of the wait, not a
mean: service times are skewed, and a mean hides how long a bad day is. The draw is
seeded, so the same history and line always give the same range. With fewer than
:data:`MIN_SAMPLES` services in the history, or no counter open for the queue, there
is no honest range to give: the estimate is None and the ticket says only how many
are ahead.

``python bench/waits.py`` replays the demo's days and reports how often the real
wait fell inside the range (docs/benchmarks.md); the constants here were tuned with
it.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final, cast

import peewee as pw

from app import clock
from app.office import days
from app.storage.models import DONE, WAITING, Counter, CounterQueue, Ticket
from app.storage.transactions import read

HISTORY_DAYS: Final = 14
HISTORY_TICKETS: Final = 200
MIN_SAMPLES: Final = 20
RUNS: Final = 200
LOW_Q: Final = 0.1
HIGH_Q: Final = 0.9
SEED: Final = 16

Range = tuple[int, int]


@dataclass(frozen=True)
class Told:
    """What a ticket tells about its wait."""

    ahead: int  # tickets of the same queue that will be called first
    estimate_min: Range | None  # [low, high] in whole minutes; None: not enough history


def _quantile(ordered: Sequence[float], q: float) -> float:
    """The nearest-rank ``q`` quantile of ``ordered`` (ascending, not empty)."""
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def estimate(ahead: int, counters: int, service_seconds: Sequence[float],
             runs: int = RUNS) -> Range | None:
    """The wait of a ticket with ``ahead`` tickets before it, in whole minutes
    ``(low, high)``; None without enough history or with no counter open.

    Each run: every counter is busy with a random part of one service; the tickets
    ahead go, in order, to the counter free first; the ticket's wait is when a
    counter is free after them. ``low`` is rounded down and ``high`` up, so the range
    is never narrower than what the runs showed.
    """
    if counters < 1 or len(service_seconds) < MIN_SAMPLES or ahead < 0:
        return None
    samples = list(service_seconds)
    rng = random.Random(SEED)
    waits = []
    for _ in range(runs):
        free = [rng.random() * rng.choice(samples) for _ in range(counters)]
        heapq.heapify(free)
        for _ in range(ahead):
            heapq.heappush(free, heapq.heappop(free) + rng.choice(samples))
        waits.append(free[0])
    waits.sort()
    low = math.floor(_quantile(waits, LOW_Q) / 60)
    high = max(low + 1, math.ceil(_quantile(waits, HIGH_Q) / 60))
    return low, high


# --- what the office knows now --------------------------------------------------------


def _tuples(query: pw.BaseQuery) -> list[tuple[Any, ...]]:
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def service_times_by_queue(queue_ids: Iterable[int],
                           until: dt.datetime | None = None) -> dict[int, list[float]]:
    """Queue id → seconds from call to finish of its last finished services, newest
    first, for every queue in ``queue_ids`` in one query (a window function numbers
    each queue's services, so a busy queue does not crowd out a quiet one)."""
    ids = list(queue_ids)
    if not ids:
        return {}
    end = until or clock.utcnow()
    rank = pw.fn.ROW_NUMBER().over(partition_by=[Ticket.service_queue],
                                   order_by=[Ticket.finished_at.desc(), Ticket.id.desc()])
    recent = (Ticket.select(Ticket.service_queue, Ticket.called_at, Ticket.finished_at,
                            rank.alias("rank"))
              .where(Ticket.service_queue.in_(ids) & (Ticket.status == DONE)
                     & Ticket.called_at.is_null(False)
                     & (Ticket.finished_at <= end)
                     & (Ticket.finished_at > end - dt.timedelta(days=HISTORY_DAYS)))
              .alias("recent"))
    rows = _tuples(pw.Select(from_list=[recent],
                             columns=[recent.c.service_queue_id, recent.c.called_at,
                                      recent.c.finished_at])
                   .where(recent.c.rank <= HISTORY_TICKETS)
                   .bind(Ticket._meta.database))
    found: dict[int, list[float]] = {qid: [] for qid in ids}
    for qid, called, finished in rows:
        seconds = (clock.as_datetime(finished) - clock.as_datetime(called)).total_seconds()
        found[int(qid)].append(max(0.0, seconds))
    return found


def service_times(queue_id: int, until: dt.datetime | None = None) -> list[float]:
    """Seconds from call to finish of the queue's last finished services."""
    return service_times_by_queue([queue_id], until)[queue_id]


def counters_per_queue(links: Iterable[tuple[int, int | None]],
                       plan: days.DayPlan) -> dict[int, int]:
    """Queue id → how many of the counters serve it on ``plan``'s day: the day's profile
    says what a counter serves, else its standing queues. ``links`` are (counter id,
    standing queue id or None) of the active counters."""
    standing: dict[int, list[int]] = {}
    for counter_id, queue_id in links:
        queues = standing.setdefault(counter_id, [])
        if queue_id is not None:
            queues.append(queue_id)
    serving: dict[int, int] = {}
    for counter_id, queues in standing.items():
        todays = plan.queues_for(counter_id)
        for queue_id in set(queues if todays is None else todays):
            serving[queue_id] = serving.get(queue_id, 0) + 1
    return serving


def open_counters(day: dt.date | None = None) -> dict[int, int]:
    """Queue id → how many active counters serve it on ``day`` (default today), one query."""
    links = _tuples(Counter.select(Counter.id, CounterQueue.queue)
                    .join(CounterQueue, pw.JOIN.LEFT_OUTER)
                    .where(Counter.active == True))  # noqa: E712 (peewee builds SQL from ==)
    return counters_per_queue(links, days.plan_for(day))


def queue_waits(waiting: Iterable[tuple[int, int]], day: dt.date | None = None,
                counters: dict[int, int] | None = None) -> dict[int, Range | None]:
    """Queue id → the wait a ticket taken now would have, for ``(queue id, waiting)``
    pairs: one query for the histories, and one for the counters unless given."""
    lines = list(waiting)
    serving = open_counters(day) if counters is None else counters
    history = service_times_by_queue([qid for qid, _ in lines if serving.get(qid)])
    return {qid: estimate(n, serving.get(qid, 0), history.get(qid, [])) for qid, n in lines}


def ahead_query(ticket_id: int | pw.Node, line_at: dt.datetime | pw.Node,
                day: dt.date | pw.Node, queue: Any) -> pw.ModelSelect[Ticket]:
    """How many tickets waiting in ``queue`` stand before this one in line (issued
    earlier, or booked for an earlier slot): they will be called first. Each argument is
    a value, or a column of an outer query's ticket (an alias) for a subquery."""
    return (Ticket.select(pw.fn.COUNT(Ticket.id))
            .where((Ticket.service_queue == queue) & (Ticket.service_day == day)
                   & (Ticket.status == WAITING)
                   & ((Ticket.line_at < line_at)
                      | ((Ticket.line_at == line_at) & (Ticket.id < ticket_id)))))


def told(queue_id: int, ahead: int, day: dt.date | None = None) -> Told:
    """What a ticket of ``queue_id`` with ``ahead`` before it is told about its wait."""
    return Told(ahead=ahead, estimate_min=queue_waits([(queue_id, ahead)], day)[queue_id])


def told_for(ticket_id: int) -> Told:
    """What ticket ``ticket_id`` is told now: how many are ahead and the wait (a read)."""

    def work() -> Told:
        ticket = Ticket.get_by_id(ticket_id)
        day = clock.as_date(ticket.service_day)
        assert day is not None  # a ticket always has its day
        queue = ticket.service_queue_id
        ahead = int(ahead_query(ticket.id, clock.as_datetime(ticket.line_at), day, queue)
                    .scalar() or 0)
        return told(queue, ahead, day)

    return read(work)
