"""``loket``: the command line, a thin layer over the same services the windows use.

:mod:`app.cli.parser` reads the command line; each command group is a module of its
own (:mod:`~app.cli.office`, :mod:`~app.cli.tickets`, :mod:`~app.cli.pickups`,
:mod:`~app.cli.officers`, :mod:`~app.cli.settings`, :mod:`~app.cli.backups`,
:mod:`~app.cli.pc`) and only the one of the command given is imported.

The core opens no window: the program's entry point (``ui.main``) handles the commands
that do and hands every other one to :func:`main` (``python -m app`` is this command
line alone).

Exit codes: 0 done; 1 refused by a rule (empty queue, full quota, wrong state);
2 bad usage or input; 3 database unreachable; 4 an internal error (see the log).
Errors are one line on stderr, never a traceback.

What a command prints, and its help, is in one language: ``--lang``, else
``LOKET_LANG``, else this PC's language (``loket.ini``, as ``loket pc`` sets it), else
Bahasa Indonesia (:func:`app.cli.parser.language`).
``--json`` keeps its English keys whatever the language.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app import messages
from app.cli import parser
from app.cli.common import (
    EXIT_INTERNAL,
    EXIT_REFUSED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    shown,
)
from app.errors import DatabaseUnavailable, InvalidInput, LoketError, Refused, SchemaError
from app.messages import render

log = logging.getLogger("loket.cli")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line (``sys.argv`` without the program's name by default)."""
    try:
        args = parser.parse(argv)
    except InvalidInput as exc:  # before the command is known: no log, no --json yet
        words = list(sys.argv[1:] if argv is None else argv)
        lang = parser.language(parser.option_value(words, "--lang"))
        print(f"loket: {exc.message(lang)}", file=sys.stderr)
        return EXIT_USAGE
    return run(args)


def run(args: argparse.Namespace, command: Callable[[argparse.Namespace], int] | None = None,
        *, configure_logs: bool = True) -> int:
    """Run the parsed command — its group's, or ``command`` — and turn what it raises
    into an exit code and one sentence in the chosen language. ``configure_logs``: off
    for a second run in the same process (its log is already set up)."""
    from app import logs

    if configure_logs:
        logs.configure(args.verbose)
    lang = args.lang = parser.language(args.lang)
    before = messages.chosen_language()
    messages.use_language(lang)  # the core's sentences, wherever they are rendered
    try:
        if command is None:
            if args.command is None:  # loket alone: this PC's mode, in its windows
                raise InvalidInput("command_needs_windows", command="loket")
            return int(parser.group_of(args.command).run(args))
        return command(args)
    except Refused as exc:
        return _fail(args, exc, exc.message(lang), EXIT_REFUSED)
    except (InvalidInput, SchemaError) as exc:
        return _fail(args, exc, exc.message(lang), EXIT_USAGE)
    except DatabaseUnavailable as exc:
        return _fail(args, exc, exc.message(lang), EXIT_UNREACHABLE)
    except LoketError as exc:
        return _fail(args, exc, exc.message(lang), EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``loket status | head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # a file or folder the system refused: a name too long, no room
        name = shown(str(exc.filename), 60) if exc.filename is not None else "-"
        text = render("cli_file_name_bad", {"shown": name,
                                            "reason": exc.strerror or type(exc).__name__},
                      lang)
        return _fail(args, exc, text, EXIT_USAGE)
    except Exception as exc:  # a bug: the officer gets one line, the log the traceback
        log.exception("internal error")
        text = render("internal_error", {"log": logs.log_file()}, lang)
        return _fail(args, exc, text, EXIT_INTERNAL)
    finally:
        messages.use_language(before)


def _fail(args: argparse.Namespace, exc: BaseException, text: str, code: int) -> int:
    # A refusal is logged by its code: the sentence may name the person it concerns.
    log.info("exit %d: %s", code, exc.for_log() if isinstance(exc, LoketError) else text)
    problems: list[Any] | None = None
    if getattr(exc, "code", None) == "import_rejected":  # every bad line of a backlog list
        from app.pickup.backlog import ImportRejected

        if isinstance(exc, ImportRejected):
            problems = exc.problems
    if args.json:
        out: dict[str, Any] = {"error": getattr(exc, "code", "internal_error"),
                               "message": text, "exit": code}
        if problems is not None:
            out["problems"] = [{"line": p.line, "reason": p.code,
                                "message": p.message(args.lang)} for p in problems]
        print(json.dumps(out, ensure_ascii=False))
    print(f"loket: {text}", file=sys.stderr)
    for p in problems or []:
        print(f"  {p.message(args.lang)}", file=sys.stderr)
    return code
