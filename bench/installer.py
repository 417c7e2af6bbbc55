"""Installer bundle benchmark: build time, folder size and the frozen program's start-up.

Run it from the project root (PyInstaller installed: ``pip install -e '.[build]'``)::

    python bench/installer.py              # build into a temp folder, time, write the section
    python bench/installer.py --runs 5 --no-write

It builds the one-folder bundle with ``build_installer.spec`` into a temporary
folder twice, from scratch (an empty PyInstaller cache) and again with the cache,
notes both build times and the folder's size with its biggest items, then times the
frozen ``loket``:

* ``loket --version``: process start to exit (the command line alone);
* ``loket --db sqlite:///… counter --windowed`` with ``LOKET_EXIT_AFTER_FIRST_PAINT=1``
  (see :mod:`ui.kit.lifecycle`): process start to the counter window's first paint,
  on a demo database made with the frozen ``init-db --demo``. Offscreen, and on a
  real X server (Xvfb) when one is installed.

Each child gets a temporary home and XDG folders and a ``LOKET_CONFIG`` that does not
exist, so the developer's own database and settings are never touched.

The numbers go between ``<!-- bench:installer:start -->`` and
``<!-- bench:installer:end -->`` in ``docs/benchmarks.md``. Target: the counter window
painted within 2 s of starting (median and slowest run).

The helpers (``build_bundle``, ``child_env``, ``time_first_paint``, ...) are also
what ``tests/bundle`` uses to build and run the bundle.
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
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.engine import write_section  # noqa: E402

MARK_START = "<!-- bench:installer:start -->"
MARK_END = "<!-- bench:installer:end -->"
SPEC = ROOT / "build_installer.spec"
STARTUP_TARGET_S = 2.0
PROBE_VARIABLE = "LOKET_EXIT_AFTER_FIRST_PAINT"  # read by ui.kit.lifecycle
FIRST_PAINT_LINE = "first-paint"
XVFB_DISPLAY = 91  # the first X display number tried


# --- building -----------------------------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    folder: Path  # dist/loket
    seconds: float  # wall-clock build time


def build_bundle(dest: Path, *, cache: Path | None = None, timeout: float = 900) -> Bundle:
    """Build the bundle with the spec into ``dest`` (``dest/dist/loket``); raise on failure.

    ``cache``: PyInstaller's configuration folder, where it keeps the libraries it has
    processed (default: the user's; an empty one gives a build from scratch).
    PyInstaller's log goes to ``dest/build.log``; its last lines are in the error.
    """
    dest.mkdir(parents=True, exist_ok=True)
    log_path = dest / "build.log"
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
               "--distpath", str(dest / "dist"), "--workpath", str(dest / "work")]
    env = dict(os.environ)
    if cache is not None:
        env["PYINSTALLER_CONFIG_DIR"] = str(cache)
    started = time.perf_counter()
    with log_path.open("w", encoding="utf-8") as log:
        result = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                env=env, timeout=timeout, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        tail = "\n".join(log_path.read_text(encoding="utf-8", errors="replace")
                         .splitlines()[-30:])
        raise RuntimeError(f"pyinstaller failed (exit {result.returncode}):\n{tail}")
    return Bundle(dest / "dist" / "loket", seconds)


def executable(folder: Path, name: str = "loket") -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def internal(folder: Path) -> Path:
    """Where the libraries and resources are (``_internal``, PyInstaller 6's default)."""
    return folder / "_internal"


def bundled_modules(folder: Path) -> set[str]:
    """The Python modules inside the executable's archive (PYZ)."""
    from PyInstaller.archive.readers import pkg_archive_contents

    return set(pkg_archive_contents(str(executable(folder)), recursive=True))


# --- sizes --------------------------------------------------------------------------


def _size(path: Path) -> int:
    """Bytes on disk of a file or folder; links count as links, not what they point at."""
    if path.is_symlink() or not path.is_dir():
        return path.lstat().st_size
    total = 0
    for parent, dirs, files in os.walk(path):
        for name in dirs + files:
            entry = Path(parent) / name
            if entry.is_symlink() or entry.is_file():
                total += entry.lstat().st_size
    return total


def folder_mb(folder: Path) -> float:
    return _size(folder) / 2**20


def biggest(folder: Path, count: int = 8) -> list[tuple[str, float]]:
    """The biggest items a level below ``_internal`` (a library, or a package's folder),
    with the Qt folder split into its libraries and plugins: (path, MB), biggest first."""
    base = internal(folder)
    items: list[Path] = []
    for entry in base.iterdir():
        if entry.name == "PySide6":
            for sub in entry.iterdir():
                if sub.name == "Qt":
                    for qt in sub.iterdir():
                        items.extend(qt.iterdir() if qt.name == "lib" else [qt])
                else:
                    items.append(sub)
        else:
            items.append(entry)
    sized = sorted(((str(item.relative_to(folder)), _size(item) / 2**20) for item in items),
                   key=lambda pair: -pair[1])
    return sized[:count]


# --- running the frozen program -----------------------------------------------------


def child_env(home: Path, *, qpa: str = "offscreen", display: str | None = None,
              probe: bool = False) -> dict[str, str]:
    """The environment of a frozen child: its own home, XDG folders and no loket.ini.

    ``LOKET_DB`` and ``LOKET_LANG`` of the caller are left out (the children get
    ``--db``); ``qpa`` is the Qt platform (offscreen, or xcb with ``display``).
    """
    env = {key: value for key, value in os.environ.items()
           if key not in ("LOKET_DB", "LOKET_LANG", "LOKET_CONFIG", PROBE_VARIABLE)}
    for name in ("data", "state", "config", "cache"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update({
        "HOME": str(home), "USERPROFILE": str(home),
        "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
        "APPDATA": str(home / "config"), "LOCALAPPDATA": str(home / "data"),
        "LOKET_CONFIG": str(home / "config" / "no-loket.ini"),
        "QT_QPA_PLATFORM": qpa,
    })
    if display is not None:
        env["DISPLAY"] = display
    if probe:
        env[PROBE_VARIABLE] = "1"
    return env


def run_frozen(folder: Path, args: Sequence[str], env: dict[str, str],
               timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(executable(folder)), *args], env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


def time_version(folder: Path, env: dict[str, str], runs: int) -> list[float]:
    """Seconds from start to exit of ``loket --version``, one per run."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = run_frozen(folder, ["--version"], env)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise RuntimeError(f"loket --version failed: {result.stderr.strip()}")
    return times


@dataclass(frozen=True)
class Startup:
    first_paint: float  # seconds from start to the "first-paint" line
    exited: float  # seconds from start to the process's end
    stderr: str


def first_paint(folder: Path, db_url: str, env: dict[str, str], *, mode: str = "counter",
                timeout: float = 60) -> Startup:
    """Start ``loket --db URL MODE --windowed`` with the probe; time it to first paint.

    (``monitor``, always a normal window, without ``--windowed``.) Raises when the
    window never paints, or the program does not end with 0.
    """
    command = [str(executable(folder)), "--db", db_url, mode]
    if mode != "monitor":
        command.append("--windowed")
    probe_env = {**env, PROBE_VARIABLE: "1"}
    painted: list[float] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err:
        started = time.perf_counter()
        with subprocess.Popen(command, env=probe_env, stdout=subprocess.PIPE, stderr=err,
                              text=True) as proc:
            assert proc.stdout is not None
            stdout = proc.stdout

            def read() -> None:
                for line in stdout:
                    if line.strip() == FIRST_PAINT_LINE and not painted:
                        painted.append(time.perf_counter() - started)

            reader = threading.Thread(target=read, daemon=True)
            reader.start()
            try:
                code = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise RuntimeError(f"loket {mode} did not end within {timeout:.0f} s") from None
            exited = time.perf_counter() - started
            reader.join(timeout=5)
        err.seek(0)
        stderr = err.read()
    if code != 0 or not painted:
        raise RuntimeError(f"loket {mode} ended with {code} "
                           f"{'after' if painted else 'before'} its first paint: {stderr}")
    return Startup(painted[0], exited, stderr)


def time_first_paint(folder: Path, db_url: str, env: dict[str, str], runs: int,
                     mode: str = "counter") -> list[Startup]:
    return [first_paint(folder, db_url, env, mode=mode) for _ in range(runs)]


def start_xvfb(first: int = XVFB_DISPLAY) -> tuple[subprocess.Popen[bytes], str] | None:
    """An X server to paint real windows on, and its display (the first free from
    ``:first``); None where Xvfb is not installed or does not start."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return None
    sockets = Path("/tmp/.X11-unix")
    number = next(n for n in range(first, first + 50)
                  if not (sockets / f"X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists())
    display = f":{number}"
    proc = subprocess.Popen([xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not (sockets / f"X{number}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            return None
        time.sleep(0.05)
    return proc, display


# --- the benchmark ------------------------------------------------------------------


def measure(runs: int, workdir: Path) -> dict[str, object]:
    # From scratch (an empty PyInstaller cache, as on a fresh CI machine), then again
    # with the cache that build filled (a developer's next build).
    cache = workdir / "pyinstaller-cache"
    shutil.rmtree(cache, ignore_errors=True)
    cold = build_bundle(workdir / "build-cold", cache=cache)
    bundle = build_bundle(workdir / "build", cache=cache)
    shutil.rmtree(workdir / "build-cold", ignore_errors=True)
    home = workdir / "home"
    env = child_env(home)
    db_url = f"sqlite:///{workdir / 'loket.sqlite3'}"
    made = run_frozen(bundle.folder, ["--db", db_url, "init-db", "--demo"], env)
    if made.returncode != 0:
        raise RuntimeError(f"frozen init-db failed: {made.stderr}")
    version = time_version(bundle.folder, env, runs)
    offscreen = time_first_paint(bundle.folder, db_url, env, runs)
    xcb: list[Startup] = []
    xvfb = start_xvfb()
    if xvfb is not None:
        server, display = xvfb
        try:
            xcb = time_first_paint(bundle.folder, db_url,
                                   child_env(home, qpa="xcb", display=display), runs)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return {"cold_build_s": cold.seconds, "build_s": bundle.seconds,
            "size_mb": folder_mb(bundle.folder), "biggest": biggest(bundle.folder),
            "files": sum(1 for _ in bundle.folder.rglob("*") if not _.is_dir()),
            "version": version, "offscreen": offscreen, "xcb": xcb}


def _row(label: str, seconds: list[float]) -> str:
    return (f"| {label} | {len(seconds)} | {statistics.median(seconds):.2f} | "
            f"{min(seconds):.2f} | {max(seconds):.2f} |")


def render(r: dict[str, object], command: str) -> str:
    offscreen: list[Startup] = r["offscreen"]  # type: ignore[assignment]
    xcb: list[Startup] = r["xcb"]  # type: ignore[assignment]
    version: list[float] = r["version"]  # type: ignore[assignment]
    biggest_items: list[tuple[str, float]] = r["biggest"]  # type: ignore[assignment]
    paints = [s.first_paint for s in offscreen + xcb]
    worst = max(paints)
    lines = [
        MARK_START, "## Installer bundle", "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores; "
        f"Python {platform.python_version()}; {platform.system()} {platform.machine()}",
        f"- Command: `{command}`",
        "- `pyinstaller build_installer.spec` into a temporary folder, twice: from scratch "
        "(an empty PyInstaller cache, as on a fresh CI machine), then again with the libraries "
        "that build processed in the cache (a developer's next build). Then the frozen "
        "`loket` from that folder, with a temporary home and no loket.ini. First paint: "
        "`loket --db sqlite:///… counter --windowed` with `LOKET_EXIT_AFTER_FIRST_PAINT=1`, "
        "from process start to the `first-paint` line, on the demo database "
        "(`init-db --demo`, frozen).",
        f"- Target: the counter window painted within {STARTUP_TARGET_S:.0f} s "
        "(median and slowest run).", "",
        f"Build {float(r['cold_build_s']):.1f} s from scratch, "  # type: ignore[arg-type]
        f"{float(r['build_s']):.1f} s with the cache; "  # type: ignore[arg-type]
        f"folder {float(r['size_mb']):.0f} MB in {r['files']:,} files. "  # type: ignore[arg-type]
        "Biggest items:", "",
        "| item | MB |", "|---|---:|",
        *(f"| `{name}` | {size:.1f} |" for name, size in biggest_items), "",
        "| frozen start-up | runs | median s | min s | max s |",
        "|---|---:|---:|---:|---:|",
        _row("`loket --version` (start to exit)", version),
        _row("counter window, offscreen: start to first paint", [s.first_paint for s in offscreen]),
        _row("counter window, offscreen: start to exit", [s.exited for s in offscreen]),
    ]
    if xcb:
        lines += [
            _row("counter window, Xvfb (xcb): start to first paint", [s.first_paint for s in xcb]),
            _row("counter window, Xvfb (xcb): start to exit", [s.exited for s in xcb]),
        ]
    lines += [
        "",
        f"First paint {'meets' if worst < STARTUP_TARGET_S else 'MISSES'} the "
        f"{STARTUP_TARGET_S:.0f} s target (slowest run {worst:.2f} s)."
        + ("" if xcb else " Xvfb was not installed: offscreen only."),
        MARK_END]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="timed starts of each kind")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a "
                        "temporary folder, removed at the end)")
    args = parser.parse_args(argv)
    if args.keep:
        result = measure(args.runs, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="loket-installer-bench-") as tmp:
            result = measure(args.runs, Path(tmp))
    command = "python bench/installer.py " + " ".join(argv if argv is not None else sys.argv[1:])
    section = render(result, command.strip())
    print(section)
    if not args.no_write:
        write_section(args.out, section, MARK_START, MARK_END)
        print(f"written to {args.out}")
    offscreen: list[Startup] = result["offscreen"]  # type: ignore[assignment]
    xcb: list[Startup] = result["xcb"]  # type: ignore[assignment]
    return 0 if max(s.first_paint for s in offscreen + xcb) < STARTUP_TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
