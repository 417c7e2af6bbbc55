"""``loket db-user create|list|drop``: one database login per kind of PC.

Run by an admin signed in with ``--as`` on the database owner's URL (``--db``): the
owner makes the logins and the sign-in functions (:mod:`app.storage.logins`). The
new login's password is the next line of stdin after the ``--as`` password. SQLite
has no logins and refuses in one sentence.
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, emit, read_line
from app.cli.connection import office_database
from app.cli.signin import signed_in
from app.messages import render
from app.office import permissions
from app.office.audit import record
from app.storage import logins
from app.storage.db import backend_of
from app.storage.transactions import run_in_transaction


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = sub.add_parser("create", help="create (or renew) a login for one kind of PC; "
                            "its password from the line of stdin after the --as password")
    create.add_argument("name")
    create.add_argument("--mode", required=True, choices=logins.MODES)
    create.add_argument("--host", default="%", help="MariaDB: the hosts it may connect "
                        "from (default %%: any)")
    sub.add_parser("list", help="the logins of this database and their modes")
    drop = sub.add_parser("drop", help="remove a login")
    drop.add_argument("name")


def run(args: argparse.Namespace) -> int:
    with office_database(args) as (db, _url):
        if backend_of(db) == "sqlite":
            from app.errors import Refused

            raise Refused("db_user_sqlite")
        who = signed_in(args)
        run_in_transaction(lambda: permissions.require(who.id, "db_logins"))
        if args.action == "list":
            found = logins.list_logins(db)
            emit(args, {"logins": found},
                 "\n".join(f"{login.name:<24} {login.mode}" for login in found))
            return EXIT_OK
        if args.action == "create":
            password = read_line(f"Password for the new login {args.name}: ", line=2)
            login = logins.create_login(db, args.name, password, args.mode, args.host)
            run_in_transaction(lambda: record("db_login_created", officer=who.id,
                                              subject=login.name,
                                              details={"mode": login.mode}))
            emit(args, login, render("cli_out_db_user_made",
                                     {"name": login.name, "mode": login.mode}, args.lang))
        else:
            logins.drop_login(db, args.name)
            run_in_transaction(lambda: record("db_login_dropped", officer=who.id,
                                              subject=args.name))
            emit(args, {"name": args.name, "dropped": True},
                 render("cli_out_db_user_dropped", {"name": args.name}, args.lang))
    return EXIT_OK
