"""Kiosk benchmark: the time from a tap to the print job, on the real kiosk window.

Run it from the project root::

    python bench/kiosk.py                          # SQLite and PostgreSQL, 200 taps each
    python bench/kiosk.py --backends sqlite --taps 500

For each backend, on a fresh demo office (a temp SQLite file, or a scratch database
on the local server, dropped at the end), a :class:`ui.kiosk.window.KioskWindow`
runs off screen (``QT_QPA_PLATFORM=offscreen``) with its ticket printer writing one
PDF per ticket (80 mm roll, 203 dpi) to a temp directory, its change-feed watcher
polling as in the hall. Timed, as the window measures it: from the tap (the
button's handler) to the print job handed to Qt's printing system (``QPainter.end``
on the printer returned), through the window's database worker:

* **tap → print job, service**: ``take("paspor")`` — issue (one transaction, with
  what waits ahead), render the ticket image, print;
* **tap → print job, pickup**: a scanned pickup slip — check in, render, print;

and, called directly on the main thread, the parts: ``app.queue.kiosk.take_ticket``,
``app.queue.ticket_image.render_ticket`` and ``TicketPrinter.print_image`` (PDF).

The numbers are written between ``<!-- bench:kiosk:start -->`` and
``<!-- bench:kiosk:end -->`` in ``docs/benchmarks.md``. Target: tap → print job
p95 under 300 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import PySide6  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.office import settings  # noqa: E402
from app.pickup import backlog  # noqa: E402
from app.pickup import service as pickup  # noqa: E402
from app.queue import kiosk  # noqa: E402
from app.queue import ticket_image as tickets  # noqa: E402
from app.setup.pc_settings import PcSettings  # noqa: E402
from app.setup.schema import init_database, seed_demo  # noqa: E402
from app.storage.db import connect, server_version  # noqa: E402
from bench.engine import BACKEND_TITLES, cpu_name, write_section  # noqa: E402
from tests.backends import create_scratch_database, drop_scratch_database  # noqa: E402
from tests.helpers.people import setup_admin  # noqa: E402
from ui.kiosk.ticket_printer import TicketPrinter, to_qimage  # noqa: E402
from ui.kiosk.window import KioskWindow  # noqa: E402
from ui.kit.application import create_application  # noqa: E402
from ui.kit.i18n import install_language  # noqa: E402

MARK_START = "<!-- bench:kiosk:start -->"
MARK_END = "<!-- bench:kiosk:end -->"
TARGET_MS = 300.0
PAPER_MM = 80
WARMUP = 3


@dataclass
class Result:
    backend: str
    version: str
    taps: int
    latencies: dict[str, list[float]] = field(default_factory=dict)


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _wait_print(window: KioskWindow, start: Callable[[], None]) -> float:
    """Run ``start`` (a tap) and the event loop until the ticket is printed; its ms."""
    loop = QEventLoop()
    got: list[float] = []

    def printed(_ticket: object, elapsed_ms: float) -> None:
        got.append(elapsed_ms)
        loop.quit()

    def refused(code: str) -> None:
        raise RuntimeError(f"the kiosk refused: {code}")

    window.ticket_printed.connect(printed)
    window.refused.connect(refused)
    window.print_failed.connect(lambda _t: loop.quit())
    QTimer.singleShot(10_000, loop.quit)
    try:
        start()
        if not got:
            loop.exec()
    finally:
        window.ticket_printed.disconnect(printed)
        window.refused.disconnect(refused)
    if not got:
        raise RuntimeError("no ticket was printed within 10 s")
    return got[0]


def _passport_list(count: int) -> bytes:
    ready = (dt.date.today() - dt.timedelta(days=2)).strftime("%d/%m/%Y")
    lines = ["no_permohonan;nama;no_paspor;lokasi;tanggal_siap"]
    lines += [f"2025-BEN-{i:06d};Pemohon {i};X{i:07d};Rak {i % 50};{ready}"
              for i in range(1, count + 1)]
    return ("\n".join(lines) + "\n").encode()


def bench_backend(backend: str, url: str, taps: int, folder: Path) -> Result:
    db = connect(url)
    settings.invalidate_cache()
    init_database(db)
    seed_demo(with_officers=False, with_passports=False)
    backlog.import_backlog(_passport_list(taps + WARMUP), batch="Benchmark", officer=setup_admin())
    slips = [pickup.code_for(f"2025-BEN-{i:06d}") for i in range(1, taps + WARMUP + 1)]
    kind, version = server_version(db)
    result = Result(backend, ".".join(map(str, version)), taps)

    pc = PcSettings(folder / "loket.ini")
    printed = folder / "printed"
    printed.mkdir(exist_ok=True)
    printer = TicketPrinter(f"pdf:{printed}", PAPER_MM)
    window = KioskWindow(pc, printer=printer, idle_ms=3_600_000, ticket_ms=3_600_000)
    window.resize(1280, 800)
    window.show()
    loop = QEventLoop()
    window.board_changed.connect(loop.quit)
    loop.exec()

    def tap_service() -> None:
        window.go_home()
        window.take("paspor")

    def scan_slip(code: str) -> Callable[[], None]:
        def start() -> None:
            window.go_home()
            window.check_in(code)
        return start

    service = [_wait_print(window, tap_service) for _ in range(taps + WARMUP)][WARMUP:]
    pickups = [_wait_print(window, scan_slip(code)) for code in slips][WARMUP:]
    result.latencies["tap → print job, service ticket"] = service
    result.latencies["tap → print job, pickup check-in"] = pickups
    window.close()

    # The parts, one after another on this thread.
    take, render, send = [], [], []
    direct = TicketPrinter(f"pdf:{printed}", PAPER_MM)
    for _ in range(taps):
        started = time.perf_counter()
        ticket = kiosk.take_ticket("wna")
        took = time.perf_counter()
        image = tickets.render_ticket(ticket, PAPER_MM)
        rendered = time.perf_counter()
        direct.print_image(to_qimage(image), ticket.number)
        sent = time.perf_counter()
        take.append((took - started) * 1000)
        render.append((rendered - took) * 1000)
        send.append((sent - rendered) * 1000)
    result.latencies["part: app.queue.kiosk.take_ticket"] = take
    result.latencies["part: app.queue.ticket_image.render_ticket (80 mm)"] = render
    result.latencies["part: TicketPrinter.print_image (PDF)"] = send
    db.close()
    del kind
    return result


def machine_line(results: Sequence[Result]) -> str:
    cpu = cpu_name()
    servers = ", ".join(f"{BACKEND_TITLES[r.backend]} {r.version}" for r in results)
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, PySide6 {PySide6.__version__}; {servers}")


def render(results: Sequence[Result], command: str, load: float | None,
           note: str = "") -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [MARK_START, "## Kiosk: tap to print job", "",
             f"- Date: {now}",
             f"- Machine: {machine_line(results)}",
             "- Other load: 1-minute load average "
             + (f"{load:.2f}" if load is not None else "unknown") + " just before the run",
             f"- Command: `{command}`",
             "- " + ", ".join(f"{r.taps} timed taps per row on {BACKEND_TITLES[r.backend]}"
                             for r in results)
             + f" (after {WARMUP} untimed), one after another, on "
             "the real kiosk window off screen (`QT_QPA_PLATFORM=offscreen`) with its "
             "database worker and change-feed watcher running; the printer writes one PDF "
             f"per ticket ({PAPER_MM} mm roll, 203 dpi). Time from the tap's handler to the "
             "print job handed to Qt (`QPainter.end()` on the `QPrinter`), as the window "
             "measures it: issue or check in (one transaction), render the ticket image, "
             "print. The *part* rows are the same steps called directly on one thread. "
             f"Target: p95 under {TARGET_MS:.0f} ms.",
             *([f"- Note: {note}"] if note else []),
             ""]
    for result in results:
        lines += [f"### {BACKEND_TITLES[result.backend]} {result.version}", "",
                  "| step | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|"]
        for name, values in result.latencies.items():
            p95 = _percentile(values, 0.95)
            mark = " **over target**" if not name.startswith("part") and p95 > TARGET_MS \
                else ""
            lines.append(f"| {name} | {_percentile(values, 0.5):.1f} | {p95:.1f}{mark} | "
                         f"{max(values):.1f} |")
        lines.append("")
    lines.append(MARK_END)
    return "\n".join(lines) + "\n"


def _shown_args(argv: list[str]) -> list[str]:
    """The command line as written in the section, the note's text left out."""
    shown: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--note" or arg.startswith("--note="):
            shown.append('--note "…"')
            skip = arg == "--note"
        else:
            shown.append(arg)
    return shown


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--taps", type=int, default=200)
    parser.add_argument("--server-taps", type=int, default=None,
                        help="taps on PostgreSQL/MariaDB (default: --taps)")
    parser.add_argument("--note", default="", help="a line added to the section")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    create_application(["loket-bench"])
    install_language("en")
    results = []
    for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
        folder = Path(tempfile.mkdtemp(prefix="loket-kiosk-bench-"))
        url = (f"sqlite:///{folder}/loket.sqlite3" if backend == "sqlite"
               else create_scratch_database(backend))
        taps = args.taps if backend == "sqlite" or args.server_taps is None \
            else args.server_taps
        try:
            print(f"{backend}: {taps} taps ...", flush=True)
            result = bench_backend(backend, url, taps, folder)
            for name, values in result.latencies.items():
                print(f"  {name}: p50 {_percentile(values, 0.5):.1f} ms, "
                      f"p95 {_percentile(values, 0.95):.1f} ms", flush=True)
            results.append(result)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if backend != "sqlite":
                drop_scratch_database(backend, url)
    command = "python bench/kiosk.py " + " ".join(_shown_args(
        list(argv if argv is not None else sys.argv[1:])))
    write_section(args.out, render(results, command.strip(), load, args.note),
                  MARK_START, MARK_END)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
