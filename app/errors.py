"""Errors the core raises on purpose.

Two families, kept apart as the user must see them differently:
:class:`Refused` is a rule saying no (empty queue, full quota, wrong state) and
:class:`DatabaseUnavailable` is "not our fault" (server gone, disk full). Any
other exception is a bug and belongs in the log.
"""

from __future__ import annotations

from typing import Final

from app.messages import render

# Parameters that are ids, codes, counts, dates or technical reasons: what a refusal
# may put in the log file. Any other (a typed username, a value read from an imported
# file, a name) is left out: the log is not purged and must not name people.
_LOGGABLE: Final = frozenset({
    "queue", "queue_code", "quota", "counter", "holder", "number", "status_id", "status_en",
    "action_id", "action_en", "application_no", "when", "ready_date", "collect_by",
    "seconds", "max", "min", "minimum", "max_mb", "low", "high", "count", "line", "column",
    "table", "ref_table", "tables", "key", "keys", "field", "option", "command", "kind",
    "role", "format", "expected", "version", "period", "start", "end", "tickets",
    "officers", "passports", "database", "host", "port", "server", "scheme", "reason",
    "path", "folder", "log", "prefix", "suffix", "missing", "code"})


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

    def for_log(self) -> str:
        """What the log file gets: the message's code and its id-and-code parameters,
        never the sentence (which may name the person it concerns)."""
        shown = " ".join(f"{key}={value!r}" if key in _LOGGABLE else f"{key}=…"
                         for key, value in sorted(self.params.items()))
        return f"{self.code} {shown}".rstrip()


def for_log(exc: BaseException) -> str:
    """An error as the log file may hold it (see :meth:`LoketError.for_log`)."""
    if isinstance(exc, LoketError):
        return exc.for_log()
    return f"{type(exc).__name__}: {exc}"


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
