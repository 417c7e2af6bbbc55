"""The program's entry point: ``loket`` (``loket.exe``; ``loketw.exe`` without a console).

What opens a window is handled here: ``loket`` alone (this PC's mode, the set-up
first on a new PC), ``loket setup`` without ``--mode``, the window modes (counter,
display, kiosk, admin, monitor), the windows of ``loket demo`` once the core has
seeded the demo office, and ``loket pc printers`` (Qt's print system lists them).
Every other command goes to the core's command line, :func:`app.cli.main`.

PySide6 is imported only when a window is about to open, so ``loket status``,
``loket pc set …`` or ``loket setup --mode …`` work on a PC without Qt; a window
asked for there gets one sentence and exit code 2.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from app import cli
from app.cli import parser
from app.cli.common import EXIT_OK, MAX_INT4, emit, whole_number
from app.errors import InvalidInput

log = logging.getLogger("loket.ui.main")

WINDOW_MODES = {
    "counter": "the counter officer's window: call, serve, scan, hand over; with pause N "
               "--reason … or resume N, a counter's break from the command line",
    "display": "the lobby display: who is served where, calls spoken aloud",
    "kiosk": "the ticket kiosk: take a number, check in for a passport pickup",
    "admin": "the supervisor's window: officers, counters, queues, settings, backlog "
             "import, reports, audit log, backup (supervisors and admins only)",
}


def _windowed(command: str, window: argparse.ArgumentParser) -> None:
    window.add_argument("--windowed", action="store_true",
                        help="a normal window instead of full screen")


def _counter(command: str, window: argparse.ArgumentParser) -> None:
    """``loket counter`` opens the window; ``loket counter pause|resume N`` is the core's."""
    from app.cli import counters

    _windowed(command, window)
    counters.add_arguments(command, window, required=False)


def _survey_screen(command: str, window: argparse.ArgumentParser) -> None:
    _windowed(command, window)
    window.add_argument("--counter", type=whole_number("--counter", 1, MAX_INT4),
                        help="the counter whose finished tickets it asks about (default: "
                        "this PC's counter)")


def _nothing(command: str, window: argparse.ArgumentParser) -> None:
    """``monitor`` takes no arguments of its own."""


# The commands only this program has: each opens a window.
WINDOW_COMMANDS = {
    "monitor": parser.Command("a window with the office status (needs a display)",
                              add_arguments=_nothing),
    **{mode: parser.Command(text, add_arguments=_counter if mode == "counter" else _windowed)
       for mode, text in WINDOW_MODES.items()},
    "survey-screen": parser.Command(
        "the applicant's satisfaction survey (SKM) on a touch screen at a counter: asks "
        "about each ticket that counter finishes", add_arguments=_survey_screen),
}


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse(words, extra=WINDOW_COMMANDS)
    if args.command == "demo":
        code = cli.main(words)  # the core seeds the demo office and prints its status
        if code != EXIT_OK or args.no_window or args.json or not has_display():
            return code
        return cli.run(args, lambda a: _open(a, "hall"), configure_logs=False)
    if opens_window(args):
        return cli.run(args, lambda a: _open(a, a.command))
    return cli.main(words)


def opens_window(args: argparse.Namespace) -> bool:
    """Whether the command needs Qt (all but ``demo``, which the core runs first)."""
    if args.command == "counter" and getattr(args, "action", None):
        return False  # loket counter pause|resume: the core's command line
    return (args.command is None or args.command in WINDOW_COMMANDS
            or (args.command == "setup" and not args.mode)
            or (args.command == "pc" and args.action == "printers"))


def has_display() -> bool:
    """Whether windows can be shown here (a desktop session)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY"))


def _require_qt() -> None:
    """One sentence where Qt is not installed (or cannot load), instead of a traceback."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        log.warning("Qt cannot be loaded: %s", exc)
        raise InvalidInput("windows_need_qt") from None


def _open(args: argparse.Namespace, command: str | None) -> int:
    _require_qt()
    from app.setup import pc_config
    from app.setup.pc_config import explicit_database_url

    if command == "pc":
        return _printers(args)
    if command in (None, "setup") and not has_display():
        if command is None and pc_config.exists():
            raise InvalidInput("display_missing")
        raise InvalidInput("pc_config_missing")
    from ui.setup import first_run, pc_settings

    pc_settings.import_from_qsettings()  # once, on a PC an older Loket set up
    if command in ("monitor", "hall", "survey-screen"):
        from ui import launch

        first_run.open_database(explicit_database_url(args.db))
        if command == "survey-screen":
            return int(launch.run(command, windowed=args.windowed,
                                  options={"counter": args.counter}))
        return int(launch.run(command))
    mode = command if command in WINDOW_MODES else None
    return int(first_run.run(mode, windowed=getattr(args, "windowed", False),
                             force_setup=command == "setup",
                             explicit_url=explicit_database_url(args.db)))


def _printers(args: argparse.Namespace) -> int:
    from ui.kit.application import create_application
    from ui.setup import pc_settings

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is opened
    create_application(sys.argv[:1])
    names = pc_settings.printer_names()
    emit(args, {"printers": names}, "\n".join(names) or "(no printer)")
    return EXIT_OK
