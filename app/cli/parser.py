"""The command line's parser: the global options, then one sub-parser per command.

Each command belongs to a command group, a module of :mod:`app.cli` that adds the
command's arguments (``add_arguments(command, parser)``) and runs it (``run(args)``).
Only the group of the command given is imported: a first pass finds the command with
a light stand-in for every sub-parser, a second builds that command's real one. So
``loket status`` never imports what ``loket backup`` or ``loket pickup slips`` need.

The program's entry point (``ui.main``) adds the commands that open windows through
``extra``: the core's command line knows none of them.

The help speaks the command's language (:func:`language`, known before parsing): the
help texts are written in English here and in each group, and in Indonesian they are
replaced from :mod:`app.messages.cli_help` once the parser is built; argparse's own
words ("usage:", "invalid choice") come from the same catalogue while the parser runs.
"""

from __future__ import annotations

import argparse
import gettext
import importlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from app import __version__, messages
from app.cli.common import shown
from app.errors import InvalidInput
from app.messages.cli_help import ARGPARSE_WORDS, HELP

log = logging.getLogger("loket.cli")


@dataclass(frozen=True)
class Command:
    """A command as the parser lists it: its help line and who adds its arguments."""

    help: str
    group: str = ""  # the module of app.cli that adds its arguments and runs it
    add_arguments: Callable[[str, argparse.ArgumentParser], None] | None = None  # or this


COMMANDS: Mapping[str, Command] = {
    "setup": Command(
        "set up this PC: its mode, its database and its counter. Without --mode, the "
        "set-up window (this PC only, or a shared server, with Test connection); with "
        "--mode, from the command line on the database of --db (tested first; a server's "
        "password from the URL, else stdin or a prompt), for setting up many PCs by "
        "script. Without a command, loket starts the mode set up here", "pc"),
    "init-db": Command("create or migrate the schema (idempotent)", "office"),
    "demo": Command("set up the demo office on this database and open the lobby display, "
                    "a kiosk and a counter on it", "office"),
    "status": Command("waiting per queue and what each counter serves", "office"),
    "housekeeping": Command("expire tickets of earlier days, prune the change feed",
                            "office"),
    "events": Command("the change feed after an event id", "office"),
    "ticket": Command("issue, call and serve tickets", "tickets"),
    "counter": Command("pause a counter (break, prayer, system fault) or resume it "
                       "(signed in with --as; audited)", "counters"),
    "backlog": Command("the list of passports waiting for pickup", "pickups"),
    "pickup": Command("verify, check in and hand over passports", "pickups"),
    "booking": Command("the day's M-Paspor bookings: import the list, check a booking in, "
                       "list them, report booked against walk-in", "bookings"),
    "backup": Command("write a consistent backup while the counters keep working (audited)",
                      "backups"),
    "restore": Command("restore a backup into the database of --db, $LOKET_DB or this PC's "
                       "set-up (stop every counter first); prints the check of the result",
                       "backups"),
    "verify-backup": Command("check a backup file without restoring it (no database needed)",
                             "backups"),
    "purge": Command("erase names and passport numbers of passports collected or cancelled "
                     "more than retention_days ago (UU PDP 27/2022; audited)", "backups"),
    "settings": Command("office settings shared by every PC", "settings"),
    "notify": Command("messages to applicants that their passport is ready: deliver them "
                      "(run), what failed and why (list), retry, opt-out", "notify"),
    "day-profile": Command("how the office runs a weekday or a date (which queues open, "
                           "which counter serves what, the hours numbers are issued), and "
                           "the schedule (supervisor, signed in with --as)", "days"),
    "pc": Command("this PC's own settings: its counter, language, ticket printer, paper "
                  "width, English calls (no database needed)", "pc"),
    "officer": Command("officer accounts", "officers"),
    "db-user": Command("a PostgreSQL or MariaDB login per kind of PC (display, kiosk, "
                       "counter, admin) with only what it needs (admin, signed in with "
                       "--as, on the database owner's --db URL)", "dbusers"),
    "report": Command("the supervisor's report for office days --from … --to … (supervisor, "
                      "signed in with --as); --csv FILE writes it for Excel", "reports"),
    "audit": Command("the audit log of office days --from … --to … (supervisor, signed in "
                     "with --as); --csv FILE writes it for Excel (audited)", "reports"),
    "survey": Command("the satisfaction survey (SKM): survey report --from … --to … [--by "
                      "queue|counter|officer] [--csv FILE] (supervisor, signed in with --as), "
                      "survey answer TICKET --scores …", "survey"),
}


AS_HELP = ("sign in as this officer: the password is the first line of standard input "
           "(or asked on a terminal); the act is checked against their role and audited "
           "under their name")
MAX_ARGUMENT = 4096  # characters of one argument: a path, a reason, a name


def check_words(words: Sequence[str]) -> None:
    """Refuse what argparse would pass on to break later: text that is not UTF-8 (the
    bytes Python kept as surrogates), a giant argument, and the gone ``--officer``."""
    for word in words:
        try:
            word.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidInput("cli_argument_not_text", shown=shown(word)) from None
        if len(word) > MAX_ARGUMENT:
            raise InvalidInput("cli_argument_too_long", shown=shown(word, 20),
                               max=MAX_ARGUMENT)
        if word == "--officer" or word.startswith("--officer="):
            raise InvalidInput("cli_officer_option_gone")


class _Parser(argparse.ArgumentParser):
    """Accepts ``--json`` and ``--as`` after the command too (``loket ticket issue A
    --json``)."""

    def add_subparsers(self, **kwargs: Any) -> Any:
        action = super().add_subparsers(**kwargs)
        add = action.add_parser

        def add_parser(name: str, **kw: Any) -> argparse.ArgumentParser:
            sub = add(name, **kw)
            sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                             help="print one JSON object")
            sub.add_argument("--as", dest="as_user", metavar="USER", default=argparse.SUPPRESS,
                             help=AS_HELP)
            return sub

        action.add_parser = add_parser  # type: ignore[method-assign]
        return action


def group_of(command: str) -> ModuleType:
    """The command group's module that adds and runs ``command``."""
    return importlib.import_module(f"app.cli.{COMMANDS[command].group}")


def build(command: str | None = None, extra: Mapping[str, Command] | None = None,
          lang: str = "en") -> argparse.ArgumentParser:
    """The parser; every command but ``command`` is a stand-in taking what follows it.
    Its help in ``lang`` (argparse's own words need :func:`speaking` around it too)."""
    p = _Parser(prog="loket", description="Loket: queues and passport pickup "
                                "for an immigration office's service hall.")
    p.add_argument("--db", metavar="URL", help="database URL (sqlite:///file, "
                   "postgresql://user@host/db, mysql://user@host/db); default: $LOKET_DB, "
                   "else a SQLite file in the user's data directory")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--lang", choices=["id", "en"], help="language of messages (default id)")
    p.add_argument("--as", dest="as_user", metavar="USER", help=AS_HELP)
    p.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    p.add_argument("--version", action="version", version=f"loket {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=False,
                           parser_class=_Parser)
    for name, cmd in {**COMMANDS, **(extra or {})}.items():
        if name != command:
            stand_in = sub.add_parser(name, help=cmd.help, add_help=False)
            stand_in.add_argument("rest", nargs=argparse.REMAINDER)
            continue
        real = sub.add_parser(name, help=cmd.help)
        if cmd.add_arguments is not None:
            cmd.add_arguments(name, real)
        else:
            group_of(name).add_arguments(name, real)
    if lang == "id":
        for owner, field, text in help_texts(p):
            setattr(owner, field, HELP.get(text, ARGPARSE_WORDS.get(text, text)))
    return p


def help_texts(p: argparse.ArgumentParser) -> Iterator[tuple[Any, str, str]]:
    """Every help text of ``p`` and its sub-parsers, as (object, attribute, text): the
    parsers' descriptions and epilogs, their own groups' titles and descriptions, each
    argument's and each command's help. Metavars are names a person types: not here."""
    seen: set[int] = set()
    parsers = [p]
    while parsers:
        one = parsers.pop()
        if id(one) in seen:  # a command's aliases share its parser
            continue
        seen.add(id(one))
        found: list[tuple[Any, str]] = [(one, "description"), (one, "epilog")]
        for group in [*one._action_groups, *one._mutually_exclusive_groups]:
            if group not in (one._positionals, one._optionals):  # argparse's own titles
                found += [(group, "title"), (group, "description")]
        for action in one._actions:
            found.append((action, "help"))
            if isinstance(action, argparse._SubParsersAction):
                found += [(choice, "help") for choice in action._choices_actions]
                parsers += action.choices.values()
        for owner, field in found:
            text = getattr(owner, field, None)
            if isinstance(text, str) and text and text != argparse.SUPPRESS:
                yield owner, field, text


class _Words(gettext.NullTranslations):
    """argparse's own words in Indonesian (English where the catalogue has none)."""

    def gettext(self, message: str) -> str:
        return ARGPARSE_WORDS.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return ARGPARSE_WORDS.get(msgid1 if n == 1 else msgid2,
                                  msgid1 if n == 1 else msgid2)


_SPEAKING = threading.RLock()


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse's own words ("usage:", "invalid choice", "error") in ``lang`` while
    Loket's parser is built and runs. argparse looks its words up through its module's
    ``_`` and ``ngettext`` as it needs them; those two are Indonesian only inside this
    block (one block at a time), so another program's argparse is left as it was."""
    if lang != "id":
        yield
        return
    with _SPEAKING:
        before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
        words = _Words()
        argparse._ = words.gettext  # type: ignore[attr-defined]
        argparse.ngettext = words.ngettext  # type: ignore[attr-defined]
        try:
            yield
        finally:
            argparse._, argparse.ngettext = before  # type: ignore[attr-defined]


def language(chosen: str | None) -> str:
    """``--lang``, else ``LOKET_LANG``, else this PC's language, else Indonesian."""
    if chosen in messages.LANGUAGES:
        return chosen
    if os.environ.get("LOKET_LANG", "").strip().lower()[:2] in messages.LANGUAGES:
        return messages.current_language()
    from app.setup.pc_settings import PcSettings

    try:
        return PcSettings().language_or_default()
    except (OSError, ValueError) as exc:  # an unreadable loket.ini: the default
        log.info("this PC's language not read: %s", exc)
        return messages.DEFAULT_LANGUAGE


def option_value(words: Sequence[str], option: str) -> str | None:
    """The value of ``option`` in ``words`` (``--lang en`` or ``--lang=en``), before
    the parser has read them."""
    for i, word in enumerate(words):
        if word == option and i + 1 < len(words):
            return words[i + 1]
        if word.startswith(option + "="):
            return word.split("=", 1)[1]
    return None


def parse(argv: Sequence[str] | None = None,
          extra: Mapping[str, Command] | None = None) -> argparse.Namespace:
    """The command line's arguments; usage errors exit 2 with argparse's message, or
    raise :class:`InvalidInput` (a value out of range, text that is not UTF-8)."""
    words = list(sys.argv[1:] if argv is None else argv)
    check_words(words)
    lang = language(option_value(words, "--lang"))
    with speaking(lang):
        first, _ = build(None, extra, lang).parse_known_args(words)
        parser = build(first.command, extra, lang)
        args = parser.parse_args(words)
        if args.command in COMMANDS:
            check = getattr(group_of(args.command), "check_arguments", None)
            if check is not None:
                check(parser, args, lang)
    return args
