"""Command-line start-up: how long ``loket status`` and ``loket --version`` take.

Run it from the project root, in the virtual environment Loket is installed in::

    python bench/cli_start.py               # 20 runs of each
    python bench/cli_start.py --runs 50 --no-write

Each run is a fresh process of the installed ``loket`` command (the console script
beside this Python, as a person or a script runs it), timed from start to exit:
``loket --version`` (the parser only) and ``loket --db sqlite:///… status`` on a demo
office in a temp SQLite file (made first with ``init-db --demo``), with a temporary
home and no ``loket.ini``. Then one ``python -X importtime`` run of ``status`` lists
the imports that cost the most (cumulative, including what they import).

The numbers are written between ``<!-- bench:cli:start -->`` and
``<!-- bench:cli:end -->`` in ``docs/benchmarks.md``. Target: ``loket status`` on a
SQLite file under 0.3 s (median).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.engine import cpu_name, write_section  # noqa: E402

MARK_START = "<!-- bench:cli:start -->"
MARK_END = "<!-- bench:cli:end -->"
TARGET_S = 0.3


@dataclass(frozen=True)
class Timing:
    label: str
    seconds: list[float]

    def median(self) -> float:
        return statistics.median(self.seconds)

    def p90(self) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Import:
    module: str
    self_us: int
    cumulative_us: int
    depth: int


def loket_command() -> list[str]:
    """The installed ``loket`` beside this Python (what a person runs)."""
    script = Path(sys.executable).parent / ("loket.exe" if os.name == "nt" else "loket")
    if not script.exists():
        found = shutil.which("loket")
        if found is None:
            raise SystemExit("no loket command installed: pip install -e . first")
        script = Path(found)
    return [str(script)]


def child_env(home: Path) -> dict[str, str]:
    """A temporary home: no loket.ini, no per-user database, no log in the real one."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("LOKET_DB", "LOKET_CONFIG", "LOKET_LANG")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               LOKET_CONFIG=str(home / "config" / "loket" / "loket.ini"))
    return env


def timed(command: Sequence[str], env: dict[str, str], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        seconds.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}")
    return seconds


def import_times(command: Sequence[str], env: dict[str, str]) -> tuple[list[Import], int]:
    """``python -X importtime`` of ``command`` (a console script): every import."""
    done = subprocess.run([sys.executable, "-X", "importtime", *command], env=env,
                          capture_output=True, text=True, timeout=120)
    found = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:"):].split("|")
        depth = (len(name) - len(name.lstrip(" "))) // 2
        found.append(Import(name.strip(), int(self_us), int(cumulative), depth))
    total = sum(i.cumulative_us for i in found if i.depth == 0)
    return found, total


def render(timings: Sequence[Timing], imports: Sequence[Import], total_us: int, runs: int,
           command: str, load: float | None) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [MARK_START, "## Command-line start-up", "",
             f"- Date: {now}",
             f"- Machine: {os.cpu_count()} cores ({cpu_name()}), {platform.system()} "
             f"{platform.release()}, Python {platform.python_version()}",
             f"- Other load: 1-minute load average {load:.2f} just before the run"
             if load is not None else "- Other load: unknown",
             f"- Command: `{command}`",
             f"- {runs} runs of each, each a fresh process of the installed `loket` "
             "(the console script), start to exit, with a temporary home and no "
             "loket.ini; `status` on the demo office in a temp SQLite file. "
             f"Target: `loket status` under {TARGET_S} s (median).",
             "",
             "| command | runs | median s | p90 s | min s | max s |",
             "|---|---:|---:|---:|---:|---:|"]
    for t in timings:
        lines.append(f"| `{t.label}` | {len(t.seconds)} | {t.median():.3f} | {t.p90():.3f} "
                     f"| {min(t.seconds):.3f} | {max(t.seconds):.3f} |")
    status = timings[-1]
    verdict = "meets" if status.median() < TARGET_S else "misses"
    lines += ["", f"`loket status` {verdict} the {TARGET_S} s target "
              f"(median {status.median():.3f} s, p90 {status.p90():.3f} s).", "",
              f"What `loket status` imports, by `python -X importtime` (one run; "
              f"{total_us / 1000:.0f} ms of imports in all): what the program imports "
              "itself, with what they import in turn (cumulative), and the costliest "
              "modules on their own (self):", "",
              "| imported by the program | cumulative ms | | costliest on its own | self ms |",
              "|---|---:|---|---|---:|"]
    top = sorted((i for i in imports if i.depth == 0), key=lambda i: i.cumulative_us,
                 reverse=True)[:10]
    own = sorted(imports, key=lambda i: i.self_us, reverse=True)[:10]
    for first, second in zip(top, own, strict=False):
        lines.append(f"| `{first.module}` | {first.cumulative_us / 1000:.1f} | "
                     f"| `{second.module}` | {second.self_us / 1000:.1f} |")
    names = {i.module for i in imports}
    heavy = [m for m in ("app.backup", "openpyxl", "qrcode", "PIL", "argon2", "PySide6")
             if m in names or any(n.startswith(m + ".") for n in names)]
    lines += ["", "Not imported by `loket status`: " + ", ".join(
        f"`{m}`" for m in ("app.backup", "openpyxl", "qrcode", "PIL", "argon2", "PySide6")
        if m not in heavy) + "." + (f" Imported all the same: {', '.join(heavy)}."
                                    if heavy else ""),
              MARK_END]
    return "\n".join(lines) + "\n"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20, help="runs of each (default: 20)")
    parser.add_argument("--no-write", action="store_true",
                        help="print the section only, leave docs/benchmarks.md alone")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    loket = loket_command()
    with tempfile.TemporaryDirectory(prefix="loket-cli-bench-") as tmp:
        home = Path(tmp)
        env = child_env(home)
        url = f"sqlite:///{home / 'office.sqlite3'}"
        timed([*loket, "--db", url, "init-db", "--demo"], env, 1)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        status = [*loket, "--db", url, "status"]
        timed(status, env, 2)  # warm the file cache
        timings = [Timing("loket --version", timed([*loket, "--version"], env, args.runs)),
                   Timing("loket --db sqlite:///… status", timed(status, env, args.runs))]
        imports, total = import_times(status, env)
    command = "python bench/cli_start.py" + (f" --runs {args.runs}" if args.runs != 20 else "")
    section = render(timings, imports, total, args.runs, command, load)
    print(section)
    if not args.no_write:
        write_section(ROOT / "docs" / "benchmarks.md", section, MARK_START, MARK_END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
