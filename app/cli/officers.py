"""``loket officer add|list``: officer accounts."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, emit, read_password
from app.cli.connection import office_database
from app.office import officers


def officer_id(username: str | None) -> int | None:
    """The officer named on the command line (None: this machine's operator)."""
    return officers.get_officer(username).id if username else None


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    osub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = osub.add_parser("add", help="add an officer; password from stdin or a prompt")
    add.add_argument("username")
    add.add_argument("--role", default="officer", help="officer, supervisor or admin")
    add.add_argument("--name", default="", help="full name")
    osub.add_parser("list", help="all officers")


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        if args.action == "add":
            o = officers.add_officer(args.username, read_password(), role=args.role,
                                     full_name=args.name)
            emit(args, o, f"{o.username} ({o.role}) added")
        else:
            people = officers.list_officers()
            emit(args, {"officers": people},
                 "\n".join(f"{o.username:<16} {o.role:<10} "
                           f"{'' if o.active else '(inactive) '}{o.full_name}"
                           for o in people))
    return EXIT_OK
