"""Failover benchmark: the primary is killed mid-hour; how soon does the hall work again?

Run it from the project root (as root or as the ``postgres`` account; Debian packages
``postgresql-15-auto-failover`` and ``pg-auto-failover-cli``)::

    python bench/failover.py                 # defaults, quick checks, then fast (all three)
    python bench/failover.py --settings defaults --runs 2

Each run builds three private clusters on loopback ports (pg_auto_failover's monitor,
a primary and its synchronous standby), sets up the demo office through the multi-host
URL, runs the hall through the engine as ``tests/failover_run.py`` does (a kiosk
issuing, three counters calling and finishing, a pickup desk handing over, each
intent retried with its request id until answered), kills the primary (pg_autoctl
and PostgreSQL, SIGKILL: the PC switched off) after a few seconds and goes on until
every actor worked on the new primary. Reported: seconds from the kill to the first
success on the new primary, actions attempted / succeeded / refused / failed and
reported, and the audit of the database (lost, duplicate numbers, gaps, double
calls, double handovers). Every process and file is removed at the end.

The numbers are written between ``<!-- bench:failover:start -->`` and
``<!-- bench:failover:end -->`` in ``docs/benchmarks.md``. Target: first success
within 15 s of the kill.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.storage import db as dbmod  # noqa: E402
from tests.failover_run import audit, prepare_office, run_through_failover  # noqa: E402
from tests.private_clusters import (  # noqa: E402
    FAST_DEMOTE,
    NETWORK_PARTITION_TIMEOUT_S,
    QUICK_HEALTH_CHECKS,
    Formation,
)

DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:failover:start -->", "<!-- bench:failover:end -->"


def one_run(settings: str) -> list[str]:
    formation = Formation(quick=settings == "quick", fast=settings == "fast")
    try:
        prepare_office(formation.url)
        first = formation.primary()
        run = run_through_failover(first.kill, deadline_s=240)
        new = formation.primary()
        found = audit(run.acknowledged)
        tally = run.tally
        seconds = ("never" if run.seconds_to_first_success is None
                   else f"{run.seconds_to_first_success:.1f}")
        row = [seconds, f"{first.name} → {new.name}", str(tally.attempted),
               str(tally.succeeded), str(tally.refused), str(tally.reported),
               str(tally.unanswered), str(len(run.acknowledged.tickets)),
               str(len(run.acknowledged.calls)), str(len(run.acknowledged.handovers)),
               f"{found.lost_tickets}/{found.duplicate_numbers}/{found.gaps}/"
               f"{found.double_calls}/{found.double_handovers}"]
        print(" | ".join(row), flush=True)
        return row
    finally:
        if dbmod.database.obj is not None:
            dbmod.discard_connection()
        formation.close()


def load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "n/a"


def write(results: dict[str, list[list[str]]], command: str, load: str) -> None:
    quick = ", ".join(f"`{k.split('.')[1]} = {v}`" for k, v in QUICK_HEALTH_CHECKS.items())
    demote = ", ".join(f"`{k.split('.')[1]} = {v}`" for k, v in FAST_DEMOTE.items())
    lines = [
        START,
        "## Failover: the primary killed mid-hour",
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; pg_auto_failover 2.0, PostgreSQL 15, three "
        "private clusters on loopback ports",
        f"- Other load: 1-minute load average {load} just before the run",
        f"- Command: `{command}`",
        "- Each run: monitor + primary + synchronous standby made by the bench; the demo "
        "office through the multi-host URL; a kiosk issuing, counters 1–3 calling and "
        "finishing, counter 6 handing over passports, each intent retried with its request "
        "id every 0.25 s until answered; after 3 s the primary's pg_autoctl and PostgreSQL "
        "are killed (SIGKILL); the run goes on until every actor worked on the new primary, "
        "then 3 s more. *First success* is seconds from the kill to the first answer from "
        "the new primary. *Audit* is lost / duplicate numbers / gaps / double calls / "
        "double handovers, read on the new primary.",
        f"- *defaults*: the monitor as installed; *quick*: {quick} (milliseconds); *fast*: "
        f"quick and {demote} on the monitor, `timeout.network_partition_timeout = "
        f"{NETWORK_PARTITION_TIMEOUT_S}` (seconds) on both nodes.",
        "",
        "| monitor settings | first success s | primary | attempted | succeeded | refused "
        "| failed and reported | unanswered at stop | tickets acknowledged | calls "
        "acknowledged | handovers acknowledged | audit |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, rows in results.items():
        for row in rows:
            lines.append(f"| {name} | " + " | ".join(row) + " |")
    lines += ["", END]
    text = DOC.read_text(encoding="utf-8")
    block = "\n".join(lines)
    if START in text:
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--settings", choices=("defaults", "quick", "fast", "all"),
                        default="all")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    load = load_average()
    chosen = ["defaults", "quick", "fast"] if args.settings == "all" else [args.settings]
    results = {name: [one_run(name) for _ in range(args.runs)] for name in chosen}
    if not args.no_write:
        write(results, "python bench/failover.py " + " ".join(sys.argv[1:]), load)


if __name__ == "__main__":
    main()
