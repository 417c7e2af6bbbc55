"""``loket officer add|set-password|list``: officer accounts."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, emit, read_password
from app.cli.connection import office_database
from app.cli.signin import maybe_signed_in, signed_in
from app.messages import render
from app.messages.cli_words import word
from app.messages.record_words import detail_value
from app.office import admin, officers


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    osub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = osub.add_parser("add", help="add an officer (signed in with --as; without it only "
                          "the office's first account, an admin); the new password from "
                          "the next line of stdin or a prompt")
    add.add_argument("username")
    add.add_argument("--role", default="officer", help="officer, supervisor or admin")
    add.add_argument("--name", default="", help="full name")
    pw = osub.add_parser("set-password", help="give an account a new password (signed in "
                         "with --as; the new password from the next line of stdin)")
    pw.add_argument("username")
    osub.add_parser("list", help="all officers")


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        if args.action == "add":
            who = maybe_signed_in(args)
            if who is None:  # a new office's first account: nobody to sign in as yet
                o = admin.add_first_officer(args.username, read_password(), role=args.role,
                                            full_name=args.name)
            else:
                o = admin.add_officer(who.id, args.username, read_password(line=2),
                                      role=args.role, full_name=args.name)
            emit(args, o, render("cli_out_officer_added", {
                "username": o.username, "role": detail_value(o.role, args.lang)}, args.lang))
        elif args.action == "set-password":
            who = signed_in(args)
            target = officers.get_officer(args.username)
            admin.reset_password(who.id, target.id, read_password(line=2))
            emit(args, {"username": target.username, "password_set": True},
                 render("cli_out_password_set", {"username": target.username}, args.lang))
        else:
            people = officers.list_officers()
            emit(args, {"officers": people},
                 "\n".join(f"{o.username:<16} {detail_value(o.role, args.lang):<10} "
                           f"{'' if o.active else word('inactive', args.lang)}{o.full_name}"
                           for o in people))
    return EXIT_OK
