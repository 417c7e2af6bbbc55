"""Passport pickup benchmark: backlog import of a large list, and verify/handover latency.

Run it from the project root::

    python bench/pickup.py                       # SQLite, PostgreSQL and MariaDB
    python bench/pickup.py --backends sqlite --rows 100000

For each backend, on a fresh database (a temp SQLite file, or a scratch database on
the local servers, dropped at the end):

* a CSV list of ``--rows`` passports is generated as a spreadsheet would export it
  (UTF-8 with BOM, semicolons, CRLF, 10 % of rows still printing);
* **parse**: :func:`app.pickup.backlog.parse_backlog` alone (read and check every line);
* **import**: :func:`app.pickup.backlog.import_backlog` into the empty table (parse, plan,
  insert, audit; one transaction);
* **re-import**: the same file again (every row unchanged, nothing written);
* **update**: a later list where 10 % of the passports moved shelf;
* **verify**: :func:`app.pickup.service.verify` of ``--lookups`` random signed codes, and of
  as many bare application numbers, with the table full (p50 / p99 / max);
* **hand over**: :func:`app.pickup.service.hand_over` of ``--handovers`` random ready passports;
* **parse xlsx**: the same list as an Excel workbook (SQLite run only);
* **slips**: :func:`app.pickup.slips.save_slips` of ``--slips`` passports (the 2024 office's
  1,500) to one PDF, as ``loket pickup slips`` does (SQLite run only: it does not
  depend on the database).

The numbers are written between ``<!-- pickup-bench:start -->`` and
``<!-- pickup-bench:end -->`` in ``docs/benchmarks.md``. Targets: import of 100,000
rows under 10 s and verify p99 under 5 ms, on SQLite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import codes
from app.office import officers
from app.office.settings import signing_keys
from app.pickup import backlog
from app.pickup import service as pickup
from app.setup.schema import init_database, seed_demo
from app.storage.db import connect, server_version
from app.storage.models import PickupRecord

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.engine import BACKEND_TITLES, write_section  # noqa: E402
from tests.backends import create_scratch_database, drop_scratch_database  # noqa: E402
from tests.helpers.people import setup_admin  # noqa: E402

MARK_START = "<!-- pickup-bench:start -->"
MARK_END = "<!-- pickup-bench:end -->"
IMPORT_TARGET_S = 10.0
VERIFY_TARGET_MS = 5.0


def make_list(rows: int, moved_every: int = 0) -> bytes:
    """A list as the passport system exports it; ``moved_every``: every n-th passport
    has a new shelf (a later list)."""
    lines = ["No. Permohonan;Nama;No. Paspor;Lokasi;Tanggal Siap"]
    ready = (dt.date.today() - dt.timedelta(days=5)).strftime("%d/%m/%Y")
    for i in range(1, rows + 1):
        printing = i % 10 == 0
        shelf = f"Rak {i % 200:03d}-{i % 7}" + ("B" if moved_every and i % moved_every == 0
                                                else "")
        lines.append(f"2024-TNG-{i:06d};Pemohon Nomor {i};"
                     f"{'' if printing else f'X{i:07d}'};{shelf};"
                     f"{'' if printing else ready}")
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def make_workbook(rows: int) -> bytes:
    """The same list as an Excel workbook with typed date cells."""
    import io

    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["no_permohonan", "nama", "no_paspor", "lokasi", "tanggal_siap"])
    ready = dt.datetime.combine(dt.date.today() - dt.timedelta(days=5), dt.time())
    for i in range(1, rows + 1):
        printing = i % 10 == 0
        sheet.append([f"2024-TNG-{i:06d}", f"Pemohon Nomor {i}",
                      None if printing else f"X{i:07d}", f"Rak {i % 200:03d}-{i % 7}",
                      None if printing else ready])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Result:
    backend: str
    version: str
    rows: int
    timings: dict[str, float] = field(default_factory=dict)  # seconds
    latencies: dict[str, list[float]] = field(default_factory=dict)  # milliseconds
    counts: dict[str, Any] = field(default_factory=dict)
    rss_before_mb: float = 0.0
    peak_rss_mb: float = 0.0


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = work()
    return time.perf_counter() - start, value


def _latencies(work: Callable[[Any], Any], items: Sequence[Any]) -> list[float]:
    out = []
    for item in items:
        start = time.perf_counter()
        work(item)
        out.append((time.perf_counter() - start) * 1000)
    return out


def bench_backend(backend: str, url: str, rows: int, lookups: int,
                  handovers: int, slip_count: int) -> Result:
    db = connect(url)
    init_database(db)
    seed_demo(with_officers=False, with_passports=False)
    officers.add_officer("petugas1", "petugas123")
    name, parts = server_version(db)
    result = Result(backend, ".".join(map(str, parts)), rows)
    data = make_list(rows)
    result.counts["file_mb"] = round(len(data) / 1e6, 1)

    result.rss_before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.timings["parse"], _ = _timed(lambda: backlog.parse_backlog(data))
    result.timings["import"], first = _timed(
        lambda: backlog.import_backlog(data, batch="Backlog PDN Juni 2024", officer=setup_admin()))
    assert first.created == rows, first
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.timings["re-import"], again = _timed(
        lambda: backlog.import_backlog(data, batch="Backlog PDN Juni 2024", officer=setup_admin()))
    assert again.unchanged == rows, again
    later = make_list(rows, moved_every=10)
    result.timings["update"], moved = _timed(
        lambda: backlog.import_backlog(later, batch="Backlog PDN Juni 2024", officer=setup_admin()))
    assert moved.updated == rows // 10, moved
    result.counts["updated"] = moved.updated
    assert PickupRecord.select().count() == rows

    key = signing_keys()[0]
    rng = random.Random(7)
    ids = [rid for (rid,) in PickupRecord.select(PickupRecord.id).tuples()]
    signed = [codes.sign(codes.PICKUP, rng.choice(ids), key) for _ in range(lookups)]
    bare = [f"2024-TNG-{rng.randint(1, rows):06d}" for _ in range(lookups)]
    for code in signed[:20]:  # warm caches and prepared statements
        pickup.verify(code)
    result.latencies["verify (signed code)"] = _latencies(pickup.verify, signed)
    result.latencies["verify (application number)"] = _latencies(pickup.verify, bare)
    ready = [rid for (rid,) in PickupRecord.select(PickupRecord.id)
             .where(PickupRecord.status == "ready").tuples()]
    chosen = rng.sample(ready, handovers)
    result.latencies["hand over"] = _latencies(
        lambda rid: pickup.hand_over(codes.sign(codes.PICKUP, rid, key), 5, "petugas1", "self",
                                     id_checked=True), chosen)
    if backend == "sqlite":  # the reader does not depend on the database
        workbook = make_workbook(rows)
        result.counts["xlsx_mb"] = round(len(workbook) / 1e6, 1)
        result.timings["parse xlsx"], _ = _timed(lambda: backlog.parse_backlog(workbook))
    if slip_count and backend == "sqlite":
        items = pickup.slips_for()[:slip_count]
        result.timings["slips"], result.counts["slips_mb"] = _timed(lambda: _slips(items))
        result.counts["slips"] = len(items)
    db.close()
    return result


def _slips(items: list[Any]) -> float:
    from app.pickup import slips

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "slips.pdf"
        slips.save_slips(items, "Kantor Imigrasi", 30, out)
        return round(out.stat().st_size / 1e6, 1)


def render(results: Sequence[Result], command: str) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    rows = results[0].rows if results else 0
    lines = [MARK_START, "## Passport pickup", "",
             f"- Date: {now}; {os.cpu_count()} cores; Python {sys.version.split()[0]}; "
             "1-minute load average " + (f"{load:.2f}" if load is not None else "unknown"),
             f"- Command: `{command}`",
             f"- A list of {rows:,} passports ({results[0].counts['file_mb']} MB CSV, "
             "UTF-8 with BOM, semicolons, CRLF; ready five days ago, 10 % still printing) "
             "on an empty database. "
             "*parse*: read and check every line. *import*: parse + plan + insert + audit "
             "in one transaction. *re-import*: the same file again (all unchanged). "
             "*update*: a later list in which every 10th passport moved shelf. Then, with "
             "the table full: verify random signed codes and bare application numbers, "
             "and hand over random ready passports (each a transaction with its audit "
             "entry).",
             f"- Targets: import of 100,000 rows under {IMPORT_TARGET_S:.0f} s and verify "
             f"p99 under {VERIFY_TARGET_MS:.0f} ms, on SQLite.",
             "",
             "| backend | parse s | import s | re-import s | update s | RSS MB before → "
             "after import |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        t = r.timings
        flag = ("" if r.backend != "sqlite" or rows < 100_000
                or t["import"] < IMPORT_TARGET_S else " **over target**")
        lines.append(f"| {BACKEND_TITLES[r.backend]} {r.version} | {t['parse']:.2f} | "
                     f"{t['import']:.2f}{flag} | {t['re-import']:.2f} | {t['update']:.2f} | "
                     f"{r.rss_before_mb:.0f} → {r.peak_rss_mb:.0f} |")
    lines += ["", "| backend | operation | n | p50 ms | p99 ms | max ms |",
              "|---|---|---:|---:|---:|---:|"]
    for r in results:
        for name, values in r.latencies.items():
            p99 = _percentile(values, 0.99)
            flag = (" **over target**" if r.backend == "sqlite" and name.startswith("verify")
                    and p99 >= VERIFY_TARGET_MS else "")
            lines.append(f"| {BACKEND_TITLES[r.backend]} | {name} | {len(values):,} | "
                         f"{_percentile(values, 0.5):.2f} | {p99:.2f}{flag} | "
                         f"{max(values):.2f} |")
    for r in results:
        if "parse xlsx" in r.timings:
            lines += ["", f"The same list as an Excel workbook ({r.counts['xlsx_mb']} MB, typed "
                      f"date cells): parse {r.timings['parse xlsx']:.1f} s (openpyxl, "
                      "read-only mode)."]
        if "slips" in r.timings:
            lines += ["", f"Pickup slips: {r.counts['slips']:,} passports to one A4 PDF "
                      f"({-(-r.counts['slips'] // 8)} pages, {r.counts['slips_mb']} MB) in "
                      f"{r.timings['slips']:.1f} s."]
    lines += ["", "RSS is the high-water mark of the process that benchmarks one backend: "
              "before the first parse (Python, drivers, the generated file) and after the "
              "first import, which "
              "holds the file, its checked rows and the insert plan at once (about 0.8 KB "
              "per row of Python objects at the peak).", MARK_END]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql,mysql")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--handovers", type=int, default=500)
    parser.add_argument("--slips", type=int, default=1500)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    results = []
    for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
        if backend == "sqlite":
            folder = tempfile.mkdtemp(prefix="loket-bench-")
            url = f"sqlite:///{folder}/loket.sqlite3"
        else:
            folder = ""
            url = create_scratch_database(backend)
        try:
            print(f"{backend}: {args.rows:,} rows ...", flush=True)
            # A process per backend, so its memory high-water mark is its own.
            with mp.get_context("spawn").Pool(1) as pool:
                r = pool.apply(bench_backend, (backend, url, args.rows, args.lookups,
                                               args.handovers, args.slips))
            print(f"  parse {r.timings['parse']:.2f} s, import {r.timings['import']:.2f} s, "
                  f"re-import {r.timings['re-import']:.2f} s, update {r.timings['update']:.2f} "
                  f"s; verify p99 "
                  f"{_percentile(r.latencies['verify (signed code)'], 0.99):.2f} ms",
                  flush=True)
            results.append(r)
        finally:
            if folder:
                shutil.rmtree(folder, ignore_errors=True)
            else:
                drop_scratch_database(backend, url)
    command = "python bench/pickup.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_section(args.out, render(results, command.strip()), MARK_START, MARK_END)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
