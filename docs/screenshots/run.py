"""Run the scenes: each in a process of its own, for each screen size.

Only the standard library is imported at the top: a scene's process isolates its
settings folders before it imports Loket's modules.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docs.screenshots import SHOTS, SIZES, size_name

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screens"
PAST = "past the window:"
# Longest a scene's process may take before it is stopped (a busy PC is slow).
SCENE_TIMEOUT_S = 150


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1366x768: {text!r}") from None


def _scenes(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in SHOTS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown scene {', '.join(unknown)} (scenes: {', '.join(SHOTS)})")
    return names


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m docs.screenshots",
                                     description="Take the README's screenshots.")
    parser.add_argument("--size", type=_size, action="append",
                        help="a screen size WxH (repeatable; default 1366x768 and 1920x1080)")
    parser.add_argument("--only", type=_scenes, default=list(SHOTS),
                        help=f"scenes, comma-separated (default all: {','.join(SHOTS)})")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="folder that gets a folder per size (default docs/screens)")
    parser.add_argument("--lang", default="id", choices=("id", "en"),
                        help="the windows' language (default id)")
    parser.add_argument("--scene", help=argparse.SUPPRESS)  # one scene, in this process
    return parser


@dataclass
class Outcome:
    """What a run took and found."""

    saved: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    past_the_window: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # scenes that stopped with an error

    @property
    def ok(self) -> bool:
        return not (self.missing or self.failed)


def take(scenes: list[str], sizes: list[tuple[int, int]], out: Path, lang: str = "id",
         ) -> Outcome:
    """Run each scene at each size in a process of its own; what was saved and found."""
    outcome = Outcome()
    for size in sizes:
        folder = out / size_name(size)
        folder.mkdir(parents=True, exist_ok=True)
        for scene in scenes:
            _run_scene(scene, size, folder, lang, outcome)
            for name in SHOTS[scene]:
                target = folder / f"{name}.png"
                (outcome.saved if target.exists() else outcome.missing).append(target)
    return outcome


def _run_scene(scene: str, size: tuple[int, int], folder: Path, lang: str,
               outcome: Outcome) -> None:
    for name in SHOTS[scene]:  # a picture left from an earlier run is not this run's
        (folder / f"{name}.png").unlink(missing_ok=True)
    command = [sys.executable, "-m", "docs.screenshots", "--scene", scene,
               "--size", size_name(size), "--out", str(folder), "--lang", lang]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=SCENE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        outcome.failed.append(f"{scene} {size_name(size)}: still running after "
                              f"{SCENE_TIMEOUT_S} s")
        return
    for line in done.stdout.splitlines():
        print(line, flush=True)
        if line.startswith(PAST):
            outcome.past_the_window.append(f"{size_name(size)} {line[len(PAST):].strip()}")
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr, flush=True)
        outcome.failed.append(f"{scene} {size_name(size)}: exit status {done.returncode}")


def _isolate(tmp: Path) -> None:
    """This process's Loket settings, logs and database in ``tmp``, not the user's."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(tmp / name.lower())
    os.environ["LOKET_CONFIG"] = str(tmp / "loket.ini")
    os.environ.pop("LOKET_DB", None)
    # Nothing into this PC's password store (the wizard's database password).
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run_scene(scene: str, size: tuple[int, int], folder: Path, lang: str) -> int:
    """One scene in this process (``--scene``)."""
    tmp = Path(tempfile.mkdtemp(prefix=f"loket-shots-{scene}-"))
    _isolate(tmp)
    from docs.screenshots.stage import Stage, start_qt

    start_qt(lang)
    stage = Stage(size, folder, tmp)
    importlib.import_module(f"docs.screenshots.{scene}").run(stage)
    return 0


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    sizes = args.size or list(SIZES)
    if args.scene is not None:
        if args.scene not in SHOTS or len(sizes) != 1:
            raise SystemExit("--scene takes one known scene and one --size")
        return run_scene(args.scene, sizes[0], args.out, args.lang)
    outcome = take(args.only, sizes, args.out, args.lang)
    sys.stdout.flush()
    print(f"{len(outcome.saved)} pictures in {args.out}")
    for line in outcome.past_the_window:
        print("reaches past its window:", line)
    for path in outcome.missing:
        print("missing:", path)
    for line in outcome.failed:
        print("failed:", line)
    return 0 if outcome.ok else 1
