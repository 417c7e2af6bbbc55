"""The installer bundle: built once with build_installer.spec, then run as an officer would.

The frozen ``loket`` gets ``--db`` on a temp SQLite file, and a temporary home, XDG
folders and a ``LOKET_CONFIG`` that does not exist (``bench.installer.child_env``), so
neither the developer's database nor this PC's settings are seen. Timings are printed,
never asserted (``bench/installer.py`` holds the targets).
"""

from __future__ import annotations

import importlib.util
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from app import __version__
from bench import installer
from tests.backends import IN_CI

# The bundle is built once per run, by whichever worker needs it first; the others wait
# for it (a file lock in the run's shared temporary folder), so it does not matter which
# workers the tests land on. Its fixtures are session-scoped: a worker runs other
# modules between these tests, and a module scope would build it again each time.
# The build takes half a minute on a quiet machine and several on a crowded one, and
# the tests of the workers that wait for it count that wait: a longer limit than the
# suite's, so a busy machine does not fail them for the wrong reason.
pytestmark = [pytest.mark.bundle, pytest.mark.timeout(1200)]

DEMO_QUEUES = {"paspor", "prioritas", "backlog", "ambil", "wna"}
# What a traceback, a crash or the command line's internal-error sentence (app.messages
# "internal_error", either language) would leave on stderr.
FAILURE_WORDS = ("Traceback", "internal error", "Terjadi kesalahan program",
                 "Something went wrong inside Loket", "Segmentation", "Fatal")


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """dist/loket, built once for the run."""
    if importlib.util.find_spec("PyInstaller") is None:
        reason = "PyInstaller is not installed (pip install -e '.[test]')"
        if IN_CI:
            pytest.fail(f"{reason}; CI=true: the bundle must be built")
        pytest.skip(reason)
    if worker_id == "master":  # not under pytest-xdist
        return _build(tmp_path_factory.mktemp("bundle"))
    shared = tmp_path_factory.getbasetemp().parent  # one per run, seen by every worker
    made = shared / "bundle-folder.txt"
    with FileLock(str(shared / "bundle.lock")):
        if not made.is_file():
            made.write_text(str(_build(shared / "bundle")), encoding="utf-8")
        return Path(made.read_text(encoding="utf-8"))


def _build(dest: Path) -> Path:
    built = installer.build_bundle(dest)
    print(f"\nbundle built in {built.seconds:.1f} s: {installer.folder_mb(built.folder):.0f} MB")
    return built.folder


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("frozen-home")


Made = tuple[str, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def demo_url(bundle: Path, home: Path, tmp_path_factory: pytest.TempPathFactory) -> Made:
    """A demo office made by the frozen ``init-db --demo`` (and what it printed)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('frozen-db') / 'loket.sqlite3'}"
    made = installer.run_frozen(bundle, ["--db", url, "init-db", "--demo"],
                                installer.child_env(home))
    return url, made


def _no_failure(stderr: str) -> None:
    for word in FAILURE_WORDS:
        assert word not in stderr, stderr


def test_version_is_the_projects(bundle: Path, home: Path) -> None:
    started = time.perf_counter()
    result = installer.run_frozen(bundle, ["--version"], installer.child_env(home))
    print(f"\nfrozen loket --version: {time.perf_counter() - started:.2f} s")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"loket {__version__}"


def test_init_db_makes_the_demo_office_and_status_lists_its_queues(
        bundle: Path, home: Path, demo_url: Made) -> None:
    url, made = demo_url
    assert made.returncode == 0, made.stderr
    assert "kantor demo dibuat" in made.stdout  # the migrations were found inside
    _no_failure(made.stderr)
    status = installer.run_frozen(bundle, ["--db", url, "status", "--json"],
                                  installer.child_env(home))
    assert status.returncode == 0, status.stderr
    queues = {queue["code"] for queue in json.loads(status.stdout)["queues"]}
    assert queues == DEMO_QUEUES


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_the_display_ends_cleanly_on_sigterm(
        bundle: Path, tmp_path: Path,
        demo_url: Made) -> None:
    url, _made = demo_url
    home = tmp_path / "home"
    env = installer.child_env(home)
    proc = subprocess.Popen([str(installer.executable(bundle)), "--db", url, "display",
                             "--windowed"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    log_file = home / "state" / "loket" / "log" / "loket.log"
    try:
        # Told to stop once it handles the signal (a crowded machine may take a while to
        # start a bundle; before that, SIGTERM would end it the default way).
        deadline = time.monotonic() + 180
        while "stop signals handled" not in _read(log_file):
            assert proc.poll() is None, "the display ended before it was told to"
            assert time.monotonic() < deadline, "the display never got ready"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    _no_failure(err)
    assert "SIGTERM received: closing the windows" in _read(log_file)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


@pytest.mark.parametrize("mode", ["counter", "display", "kiosk", "admin", "monitor"])
def test_each_window_reaches_its_first_paint(
        bundle: Path, tmp_path: Path, demo_url: Made, mode: str) -> None:
    url, _made = demo_url
    home = tmp_path / "home"
    started = installer.first_paint(bundle, url, installer.child_env(home), mode=mode)
    print(f"\nfrozen {mode} window: first paint {started.first_paint:.2f} s, "
          f"ended {started.exited:.2f} s")
    _no_failure(started.stderr)
    log = (home / "state" / "loket" / "log" / "loket.log").read_text(encoding="utf-8")
    # The Indonesian texts were found (ui.kit.i18n logs a warning when they are not).
    assert not [line for line in log.splitlines() if "WARNING" in line and "translation" in line]


def test_the_bundle_holds_what_the_program_loads(bundle: Path) -> None:
    inside = installer.internal(bundle)
    resources = inside / "resources"
    assert (resources / "translations" / "loket_id.qm").stat().st_size > 0
    assert not list(resources.glob("translations/*.ts"))  # sources stay out
    assert (resources / "icons" / "loket.svg").is_file()
    for clip in ("chime.wav", "id/satu.wav", "en/one.wav", "id/letter_a.wav"):
        assert (resources / "voice" / clip).is_file(), clip
    assert (inside / "tzdata" / "zoneinfo" / "Asia" / "Jakarta").is_file()

    qt = inside / "PySide6" / "Qt"
    plugins = qt / "plugins"
    for plugin in ("printsupport/libcupsprintersupport.so", "platforms/libqxcb.so",
                   "platforms/libqoffscreen.so", "imageformats/libqsvg.so",
                   "texttospeech/libqtexttospeech_speechd.so"):
        if sys.platform.startswith("linux"):
            assert (plugins / plugin).is_file(), plugin
    for library in ("Multimedia", "TextToSpeech", "PrintSupport", "Charts", "Svg"):
        assert list(qt.glob(f"lib/libQt6{library}.so*")) or list(
            inside.glob(f"PySide6/Qt6{library}.dll")), library
    dangling = [str(p) for p in inside.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling

    modules = installer.bundled_modules(bundle)
    assert {"app.storage.migrations.m0001_initial", "app.storage.migrations.m0004_audit",
            "ui.kit.lifecycle", "ui.counter.window", "keyring.backends.Windows",
            "keyring.backends.SecretService", "keyring.backends.fail"} <= modules
    # keyring finds its backends through its entry points, in the package metadata.
    entry_points = next(inside.glob("keyring-*.dist-info")) / "entry_points.txt"
    assert "keyring.backends.Windows" in entry_points.read_text(encoding="utf-8")


@pytest.mark.parametrize("backend", ["postgresql", "mysql"])
def test_the_server_drivers_are_inside(bundle: Path, home: Path, backend: str,
                                       server_urls: dict[str, str | None]) -> None:
    """A shared-server PC needs psycopg2 / PyMySQL in the bundle: the frozen program reaches
    the server (an empty scratch database: "not set up yet", not "driver missing")."""
    from tests.conftest import server_url_or_skip

    url = server_url_or_skip(server_urls, backend)
    result = installer.run_frozen(bundle, ["--db", url, "--lang", "en", "status"],
                                  installer.child_env(home))
    assert "driver" not in result.stderr, result.stderr
    assert result.returncode in (0, 2), result.stderr  # 2: schema missing on the scratch db
    _no_failure(result.stderr)
