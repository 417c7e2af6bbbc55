"""The commands that open windows, handed to the Qt layer by name (app/ never imports
Qt). Temporary: they move to the program's entry point in ui/."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app.cli.connection import office_database
from app.errors import InvalidInput
from app.setup import pc_config
from app.storage.db import explicit_database_url

WINDOW_MODES = {
    "counter": "the counter officer's window: call, serve, scan, hand over",
    "display": "the lobby display: who is served where, calls spoken aloud",
    "kiosk": "the ticket kiosk: take a number, check in for a passport pickup",
    "admin": "the supervisor's window: officers, counters, queues, settings, backlog "
             "import, reports, audit log, backup (supervisors and admins only)",
}


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    if command in WINDOW_MODES:
        parser.add_argument("--windowed", action="store_true",
                            help="a normal window instead of full screen")


def run(args: argparse.Namespace) -> int:
    if args.command == "monitor":
        with office_database(args):
            return _open_window("monitor")
    return open_pc(args)


def open_pc(args: argparse.Namespace) -> int:
    """``loket``, ``loket setup`` and the window modes: the Qt layer (imported by name)
    runs the set-up wizard where needed, opens the database, then the mode."""
    if args.command in (None, "setup") and not has_display():
        if args.command is None and pc_config.exists():
            raise InvalidInput("display_missing")
        raise InvalidInput("pc_config_missing")
    first_run = importlib.import_module("ui.setup.first_run")
    mode = args.command if args.command in WINDOW_MODES else None
    return int(first_run.run(mode, windowed=getattr(args, "windowed", False),
                             force_setup=args.command == "setup",
                             explicit_url=explicit_database_url(args.db)))


def open_hall() -> int:
    return _open_window("hall") if has_display() else 0


def has_display() -> bool:
    """Whether windows can be shown here (a desktop session)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY"))


def _open_window(mode: str, *, windowed: bool = False) -> int:
    launcher = importlib.import_module("ui.launch")
    return int(launcher.run(mode, windowed=windowed))
