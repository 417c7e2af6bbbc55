"""What every command group shares: exit codes, printing, passwords."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import sys
from typing import Any

from app.errors import InvalidInput

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4


def _plain(value: Any) -> Any:
    """JSON fallback: the core's result dataclasses become objects."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    """Print ``text``, or ``data`` as one JSON object with ``--json``."""
    if args.json:
        print(json.dumps(data, default=_plain, ensure_ascii=False, sort_keys=True))
    else:
        print(text)


def read_password(prompt_twice: bool = True) -> str:
    """A password from stdin (a script) or a prompt (a person, asked twice)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if prompt_twice and getpass.getpass("Again: ") != first:
        raise InvalidInput("login_failed")
    return first

