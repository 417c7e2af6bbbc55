"""What every command group shares: exit codes, printing, passwords."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import re
import sys
from collections.abc import Callable
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


def _is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):  # closed, or taken away (a test's captured input)
        return False


def read_line(prompt: str, line: int) -> str:
    """The next line of standard input (a script) or what a person types at ``prompt``.

    ``line`` only names the line in the refusal when there is none. Bytes that are
    not UTF-8 are refused in a sentence, never decoded by guess."""
    if _is_terminal():
        return getpass.getpass(prompt)
    try:
        stream = getattr(sys.stdin, "buffer", None)
        raw = stream.readline() if stream is not None else sys.stdin.readline()
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise InvalidInput("cli_input_not_text") from None
    except (OSError, ValueError, AttributeError):  # no standard input at all
        text = ""
    text = text.rstrip("\r\n")
    if not text:
        raise InvalidInput("cli_password_missing", line=line)
    return text


def read_password(prompt_twice: bool = True, line: int = 1) -> str:
    """A password from stdin's next line (a script) or a prompt (a person, asked twice).

    ``line``: which line of standard input it is (2 after an ``--as`` sign-in)."""
    first = read_line("Password: ", line)
    if prompt_twice and _is_terminal() and getpass.getpass("Again: ") != first:
        raise InvalidInput("login_failed")
    return first



# --- argument types: a value out of range is a usage error (exit 2), not a database's --

MAX_INT4 = 2_147_483_647  # the largest id or number every backend stores
REQUEST_ID_MAX = 64
_REQUEST_ID = re.compile(rf"[A-Za-z0-9._:-]{{1,{REQUEST_ID_MAX}}}")


def whole_number(option: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip()) if len(text) <= 20 else None
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise InvalidInput("cli_number_out_of_range", option=option, low=low, high=high,
                               value=shown(text))
        return value

    return parse


def request_id(text: str) -> str:
    """An argparse type: a client-made request id (at most 64 plain characters)."""
    if not _REQUEST_ID.fullmatch(text):
        raise InvalidInput("cli_request_id_bad", max=REQUEST_ID_MAX)
    return text


def date(option: str) -> Callable[[str], dt.date]:
    def parse(text: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            raise InvalidInput("cli_date_bad", option=option, value=shown(text)) from None

    return parse


def shown(text: str, limit: int = 40) -> str:
    """``text`` short and printable enough to quote in a sentence."""
    clean = text.encode("utf-8", "backslashreplace").decode("utf-8")
    clean = "".join(c if c.isprintable() else "?" for c in clean)
    return clean if len(clean) <= limit else clean[:limit] + "…"
