"""Errors the core raises on purpose.

Two families, kept apart as the user must see them differently:
:class:`Refused` is a rule saying no (empty queue, full quota, wrong state) and
:class:`DatabaseUnavailable` is "not our fault" (server gone, disk full). Any
other exception is a bug and belongs in the log.
"""

from __future__ import annotations

from app.messages import render


class LoketError(Exception):
    """Base of every error with a message a person can read."""

    code: str = "error"

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(render(code, params, "en"))

    def message(self, lang: str | None = None) -> str:
        """The sentence for a person, in ``lang`` (default: the configured language)."""
        return render(self.code, self.params, lang)


class Refused(LoketError):
    """A rule refused the action; nothing was changed."""


class NotFound(Refused):
    """The thing asked for does not exist."""


class InvalidInput(LoketError):
    """The input itself is malformed (bad role, bad username, bad URL)."""


class DatabaseUnavailable(LoketError):
    """The database cannot be reached or refused to work; retrying later may help.

    A person reads one sentence (:meth:`message`); the driver's own words, which name
    the server, the port and the system call, are kept in ``detail`` and in ``str()``,
    which is what the log records.
    """

    @property
    def detail(self) -> str:
        return str(self.params.get("reason", ""))

    def __str__(self) -> str:
        sentence = super().__str__()
        return f"{sentence} [{self.detail}]" if self.detail else sentence


class SchemaError(LoketError):
    """The database schema is missing or newer than this program."""
