"""``loket setup --mode …`` and ``loket pc show|set``: this PC's own set-up and settings,
in ``loket.ini`` (no Qt, and for ``pc`` no database)."""

from __future__ import annotations

import argparse
from dataclasses import replace

from app.cli.common import EXIT_OK, MAX_INT4, emit, read_password, whole_number
from app.errors import DatabaseUnavailable, InvalidInput, Refused, SchemaError
from app.messages import render
from app.setup import pc_config
from app.setup.pc_config import resolve_database_url
from app.setup.pc_settings import PcSettings, apply, describe


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    if command == "setup":
        parser.add_argument("--mode", choices=sorted(pc_config.MODES),
                            help="what this PC is (set it up without the window)")
        parser.add_argument("--counter", type=whole_number("--counter", 1, MAX_INT4),
                            help="with --mode counter: its number")
        return
    psub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    psub.add_parser("show", help="this PC's settings")
    psub.add_parser("printers", help="the printers this PC can print tickets on")
    pset = psub.add_parser("set", help="change one of this PC's settings")
    pset.add_argument("key", help="counter, language (id|en), printer (a printer's name, "
                      "pdf:FOLDER, or '' for an on-screen ticket), paper_mm (58|80), "
                      "speak_english (on|off)")
    pset.add_argument("value")


def run(args: argparse.Namespace) -> int:
    if args.command == "pc":
        return _pc(args)
    if not args.mode:  # the set-up window is the program's (ui.main)
        raise InvalidInput("command_needs_windows", command="loket setup")
    return _setup(args)


def _pc(args: argparse.Namespace) -> int:
    if args.action == "printers":  # Qt's print system knows them (ui.main)
        raise InvalidInput("command_needs_windows", command="loket pc printers")
    pc = PcSettings()
    if args.action == "set":
        apply(pc, args.key, args.value)
    shown = describe(pc)
    emit(args, shown, "\n".join(f"{k:<14} {'' if v is None else v}" for k, v in shown.items()))
    return EXIT_OK


def _setup(args: argparse.Namespace) -> int:
    """``loket setup --mode …``: the set-up window's result, from a script.

    The database must already hold Loket's office (the window, or ``init-db``, makes a
    new one); it is tested as Test connection tests it, and nothing is saved when it
    fails.
    """
    from app.setup import connection_check

    if args.mode == "counter" and not args.counter:
        raise InvalidInput("setup_counter_missing")
    choice = pc_config.choice_from_url(resolve_database_url(args.db))
    if choice.is_server and not choice.password:
        choice = replace(choice, password=read_password(prompt_twice=False))
    report = connection_check.check(choice)
    if not report.ok:
        assert report.problem is not None
        raise DatabaseUnavailable(report.problem, **report.params)
    if report.state in (connection_check.EMPTY, connection_check.FOREIGN):
        raise Refused("setup_no_office" if report.state == connection_check.EMPTY
                      else "connection_state_foreign", tables=report.foreign_tables)
    if report.state == connection_check.NEWER:
        raise SchemaError("schema_too_new", found=report.schema_version,
                          known=report.head_version)
    too_strong = connection_check.owner_login_refusal(report, choice, args.mode)
    if too_strong is not None:
        raise too_strong
    if args.mode == "counter" and args.counter not in {n for n, _ in report.counters}:
        raise Refused("counter_unknown", counter=args.counter)
    saved = pc_config.save(pc_config.PcConfig(mode=args.mode, database=choice))
    if args.mode == "counter":
        PcSettings().counter = args.counter
    where = {"keyring": "in the system's password store",
             "file": f"in {pc_config.config_path()} (readable by this user only)",
             "none": ""}[saved.password_store]
    emit(args, {"mode": args.mode, "counter": args.counter, "database": choice.describe(),
                "password_store": saved.password_store,
                "config": str(pc_config.config_path()), "server": report.server},
         render("cli_out_this_pc", {"mode": args.mode}, args.lang)
         + (f" {args.counter}" if args.mode == "counter" else "")
         + f" on {choice.describe()} ({report.server})"
         + (f"; password {where}" if where else "")
         + f"\nsaved in {pc_config.config_path()}")
    return EXIT_OK
