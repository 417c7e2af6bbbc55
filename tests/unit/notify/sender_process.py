"""``loket notify run`` in a process of its own, for the tests that kill a sender.

    python -m tests.unit.notify.sender_process AHEAD_S [loket arguments …]

runs the command line's ``main`` with the program's clock set ``AHEAD_S`` seconds
ahead (what ``travel`` does inside a test, here for a whole process): a second sender
started "after the lease" needs no test to sleep for minutes.
"""

from __future__ import annotations

import datetime as dt
import sys

from app import clock


def main(argv: list[str]) -> int:
    ahead = dt.timedelta(seconds=float(argv[0]))
    real = clock.utcnow
    clock.utcnow = lambda: real() + ahead  # type: ignore[method-assign]
    from app.cli import main as loket

    return loket(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
