"""How honest is the wait told on a ticket? Replayed against the demo's history.

Run it from the project root::

    python bench/waits.py                  # 28 days of demo history, SQLite
    python bench/waits.py --days 14 --no-write

On a fresh demo office (a temp SQLite file) with ``--days`` earlier days of made-up
history (:func:`app.setup.demo_history.seed_history`: arrivals, calls and services
of every queue), every ticket that was called is replayed: the estimate it would have
been given at its issue time — :func:`app.queue.waits.estimate` with the tickets of
its queue issued before it and not yet called then, the counters serving its queue,
and the queue's service history up to that moment (:func:`app.queue.waits.service_times`,
``until`` the issue time) — is compared with its real wait (issue to call).

Reported per queue and overall: tickets with an estimate (the rest had too little
history), the share whose real wait fell inside the range, below it and above it, and
the range's width (median and 90th percentile, minutes). The numbers are written
between ``<!-- bench:waits:start -->`` and ``<!-- bench:waits:end -->`` in
``docs/benchmarks.md``. Target: 80-90 % inside, ranges not uselessly wide.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import clock  # noqa: E402
from app.queue import waits  # noqa: E402
from app.setup.demo_history import seed_history  # noqa: E402
from app.setup.schema import init_database, seed_demo  # noqa: E402
from app.storage.db import connect  # noqa: E402
from app.storage.models import Counter, CounterQueue, Queue, Ticket  # noqa: E402
from bench.engine import write_section  # noqa: E402

MARK_START, MARK_END = "<!-- bench:waits:start -->", "<!-- bench:waits:end -->"


@dataclass
class Tally:
    told: int = 0
    untold: int = 0
    inside: int = 0
    below: int = 0  # the real wait was shorter than the range
    above: int = 0  # longer: the worse surprise
    widths: list[int] = field(default_factory=list)

    def add(self, estimate: tuple[int, int] | None, real_min: float) -> None:
        if estimate is None:
            self.untold += 1
            return
        low, high = estimate
        self.told += 1
        self.widths.append(high - low)
        if real_min < low:
            self.below += 1
        elif real_min > high:
            self.above += 1
        else:
            self.inside += 1

    def row(self, name: str) -> str:
        def share(n: int) -> str:
            return f"{100 * n / self.told:.1f} %" if self.told else "-"

        widths = sorted(self.widths)
        median = widths[len(widths) // 2] if widths else 0
        p90 = widths[min(len(widths) - 1, int(len(widths) * 0.9))] if widths else 0
        return (f"| {name} | {self.told:,} | {self.untold:,} | {share(self.inside)} | "
                f"{share(self.below)} | {share(self.above)} | {median} | {p90} |")


def replay(url: str, days: int) -> tuple[dict[str, Tally], Tally]:
    """Every called ticket of the history, estimated as of its issue time."""
    init_database(connect(url))
    seed_demo()
    seed_history(days=days)
    links = [(c, q) for c, q in CounterQueue.select(CounterQueue.counter, CounterQueue.queue)
             .join(Counter).where(Counter.active == True).tuples()]  # noqa: E712
    # The demo's history knows no day profiles: the standing queues of every counter.
    serving: dict[int, int] = {}
    for _, queue_id in links:
        serving[queue_id] = serving.get(queue_id, 0) + 1
    names = {q.id: q.prefix for q in Queue.select()}
    per_queue: dict[str, Tally] = {}
    overall = Tally()
    rows = list(Ticket.select(Ticket.service_queue, Ticket.service_day, Ticket.issued_at,
                              Ticket.called_at)
                .where(Ticket.called_at.is_null(False))
                .order_by(Ticket.issued_at).tuples())
    by_day: dict[tuple[int, object], list[tuple[dt.datetime, dt.datetime]]] = {}
    for queue_id, day, issued, called in rows:
        by_day.setdefault((queue_id, day), []).append(
            (clock.as_datetime(issued), clock.as_datetime(called)))
    for (queue_id, _day), tickets in sorted(by_day.items(), key=lambda kv: str(kv[0][1])):
        for i, (issued, called) in enumerate(tickets):
            ahead = sum(1 for before, was_called in tickets[:i] if was_called > issued)
            estimate = waits.estimate(ahead, serving.get(queue_id, 0),
                                      waits.service_times(queue_id, until=issued))
            real = (called - issued).total_seconds() / 60
            per_queue.setdefault(names[queue_id], Tally()).add(estimate, real)
            overall.add(estimate, real)
    return per_queue, overall


def report(days: int, per_queue: dict[str, Tally], overall: Tally) -> str:
    lines = [
        MARK_START,
        "## Waits told on tickets",
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: Python {platform.python_version()}, SQLite (a temp file)",
        f"- Command: `python bench/waits.py --days {days}`",
        f"- Model: {waits.RUNS} seeded runs per ticket; range = the {waits.LOW_Q:.0%} and "
        f"{waits.HIGH_Q:.0%} quantiles of the simulated wait; history = the queue's last "
        f"{waits.HISTORY_TICKETS} services within {waits.HISTORY_DAYS} days; at least "
        f"{waits.MIN_SAMPLES} services for a range.",
        "",
        f"Every called ticket of {days} days of demo history (`app.setup.demo_history`), "
        "estimated as of its issue time and compared with its real wait (issue to call). "
        "*below*: served sooner than the range said; *above*: later (the worse surprise). "
        "Widths in whole minutes (high - low).",
        "",
        "| queue | with a range | without (too little history) | inside | below | above "
        "| median width | p90 width |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [t.row(name) for name, t in sorted(per_queue.items())]
    lines.append(overall.row("**all**"))
    lines.append(MARK_END)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--days", type=int, default=28, help="days of demo history")
    parser.add_argument("--no-write", action="store_true",
                        help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        per_queue, overall = replay(f"sqlite:///{Path(tmp) / 'bench.db'}", args.days)
    text = report(args.days, per_queue, overall)
    print(text)
    if not args.no_write:
        write_section(ROOT / "docs" / "benchmarks.md", text, MARK_START, MARK_END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
