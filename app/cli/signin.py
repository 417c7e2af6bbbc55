"""``--as USER``: a command that acts as an officer signs in first.

The password is the first line of standard input (a script), or asked for on a
terminal; a command that also needs a new password reads it from the next line
(:func:`app.cli.common.read_password`). The sign-in is the windows' own
(:func:`app.office.officers.log_in`, audited either way) with the same
:class:`~app.office.officers.LoginThrottle`. Each command is a process of its own, so
the throttle's count is kept between commands in a file of this PC's user (by wall
clock, which is all two processes share): guessing by running the command again waits
just as a window makes it wait.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import time
from pathlib import Path

import platformdirs

from app.cli.common import read_line
from app.errors import InvalidInput
from app.office.officers import LoginThrottle, OfficerView, log_in
from app.storage.db import APP_NAME


def throttle_file() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / "sign-in-failures.json"


class SavedThrottle(LoginThrottle):
    """The windows' throttle, its failures read from and written to :func:`throttle_file`."""

    def __init__(self, path: Path) -> None:
        super().__init__(monotonic=time.time)
        self._path = path
        with contextlib.suppress(OSError, ValueError, TypeError):
            saved = json.loads(path.read_text(encoding="utf-8"))
            self._failures = {str(k): (int(v[0]), float(v[1])) for k, v in saved.items()}

    def _save(self) -> None:
        # Losing the count (a read-only home) only makes guessing as cheap as before.
        with contextlib.suppress(OSError):
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self._path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(fd, "w", encoding="utf-8") as handle:
                json.dump({k: list(v) for k, v in self._failures.items()}, handle)

    def failed(self, username: str) -> None:
        super().failed(username)
        self._save()

    def succeeded(self, username: str) -> None:
        super().succeeded(username)
        self._save()


def command_name(args: argparse.Namespace) -> str:
    action = getattr(args, "action", None)
    return f"loket {args.command}" + (f" {action}" if action else "")


def signed_in(args: argparse.Namespace) -> OfficerView:
    """The officer of ``--as``, signed in with the password read now; a command without
    ``--as`` is refused in one sentence."""
    who = maybe_signed_in(args)
    if who is None:
        raise InvalidInput("cli_sign_in_needed", command=command_name(args))
    return who


def maybe_signed_in(args: argparse.Namespace) -> OfficerView | None:
    """The officer of ``--as`` signed in, or None when the command names nobody."""
    username = getattr(args, "as_user", None)
    if not username:
        return None
    cached = getattr(args, "_signed_in", None)
    if cached is not None:
        return cached
    password = read_line(f"Password for {username}: ", line=1)
    officer = log_in(username, password, None, SavedThrottle(throttle_file()))
    args._signed_in = officer
    return officer
