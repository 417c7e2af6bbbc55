"""``loket``: the command line, a thin layer over the same services the windows use.

Exit codes: 0 done; 1 refused by a rule (empty queue, full quota, wrong state);
2 bad usage or input; 3 database unreachable; 4 an internal error (see the log).
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app import __version__, engine, logs, migrations, officers
from app.db import connect, redact_url, resolve_database_url
from app.errors import DatabaseUnavailable, InvalidInput, LoketError, Refused, SchemaError
from app.messages import render

log = logging.getLogger("loket.cli")

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4


class _Parser(argparse.ArgumentParser):
    """Accepts ``--json`` after the command too (``loket ticket issue A --json``)."""

    def add_subparsers(self, **kwargs: Any) -> Any:
        action = super().add_subparsers(**kwargs)
        add = action.add_parser

        def add_parser(name: str, **kw: Any) -> argparse.ArgumentParser:
            sub = add(name, **kw)
            sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                             help="print one JSON object")
            return sub

        action.add_parser = add_parser  # type: ignore[method-assign]
        return action


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="loket", description="Loket: queues and passport pickup "
                                "for an immigration office's service hall.")
    p.add_argument("--db", metavar="URL", help="database URL (sqlite:///file, "
                   "postgresql://user@host/db, mysql://user@host/db); default: $LOKET_DB, "
                   "else a SQLite file in the user's data directory")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--lang", choices=["id", "en"], help="language of messages (default id)")
    p.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    p.add_argument("--version", action="version", version=f"loket {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True,
                           parser_class=_Parser)

    init = sub.add_parser("init-db", help="create or migrate the schema (idempotent)")
    init.add_argument("--demo", action="store_true", help="add the demo office")
    init.add_argument("--office-name", help="office name for a new database")

    sub.add_parser("demo", help="set up the demo office on this database and show it")
    sub.add_parser("status", help="waiting per queue and what each counter serves")
    sub.add_parser("monitor", help="a window with the office status (needs a display)")
    sub.add_parser("housekeeping",
                   help="expire tickets of earlier days, prune the change feed")

    events = sub.add_parser("events", help="the change feed after an event id")
    events.add_argument("--after", type=int, default=0)
    events.add_argument("--limit", type=int, default=100)

    ticket = sub.add_parser("ticket", help="issue, call and serve tickets")
    tsub = ticket.add_subparsers(dest="action", metavar="ACTION", required=True)

    def with_request_id(a: argparse.ArgumentParser) -> argparse.ArgumentParser:
        a.add_argument("--request-id", help="client-made id; repeating it does not act twice")
        return a

    issue = with_request_id(tsub.add_parser("issue", help="take a number in a queue"))
    issue.add_argument("queue", help="queue code or prefix, e.g. A or paspor")

    nxt = with_request_id(tsub.add_parser("call-next", help="call the next ticket"))
    nxt.add_argument("--counter", type=int, required=True)
    nxt.add_argument("--officer", help="username of the officer at the counter")

    call = with_request_id(tsub.add_parser("call", help="call a given waiting ticket"))
    call.add_argument("number")
    call.add_argument("--counter", type=int, required=True)
    call.add_argument("--officer")

    for name, helptext in (("recall", "call the ticket again"),
                           ("start", "the applicant is at the counter"),
                           ("finish", "service done"),
                           ("no-show", "called, nobody came")):
        a = with_request_id(tsub.add_parser(name, help=helptext))
        a.add_argument("number")
        a.add_argument("--counter", type=int, required=True)

    cancel = with_request_id(tsub.add_parser("cancel", help="void a ticket (audited)"))
    cancel.add_argument("number")
    cancel.add_argument("--counter", type=int)
    cancel.add_argument("--officer")
    cancel.add_argument("--reason", default="")

    tr = with_request_id(tsub.add_parser("transfer", help="send to another queue or counter"))
    tr.add_argument("number")
    tr.add_argument("--counter", type=int, help="the counter handing it on")
    tr.add_argument("--officer")
    target = tr.add_argument_group("target (one or both)")
    target.add_argument("--to-queue")
    target.add_argument("--to-counter", type=int)

    show = tsub.add_parser("show", help="one ticket of today")
    show.add_argument("number")

    officer = sub.add_parser("officer", help="officer accounts")
    osub = officer.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = osub.add_parser("add", help="add an officer; password from stdin or a prompt")
    add.add_argument("username")
    add.add_argument("--role", default="officer", help="officer, supervisor or admin")
    add.add_argument("--name", default="", help="full name")
    osub.add_parser("list", help="all officers")
    return p


# --- output --------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """JSON fallback: the core's result dataclasses become objects."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(data, default=_plain, ensure_ascii=False, sort_keys=True))
    else:
        print(text)


def _ticket_line(t: engine.TicketView) -> str:
    where = f" loket {t.counter}" if t.counter else ""
    return f"{t.number}  {t.service_queue}  {t.status}{where}"


def _status_text(s: engine.OfficeStatus, lang: str) -> str:
    lines = [f"{s.service_day}", ""]
    for q in s.queues:
        wait = f"{q.longest_wait_s // 60} min" if q.longest_wait_s is not None else "-"
        name = q.name_en if lang == "en" else q.name_id
        closed = "" if q.active else " (closed)"
        lines.append(f"  {q.prefix}  {name:<32} {q.waiting:>4} waiting   longest {wait:>7}"
                     f"   issued {q.issued_today}{closed}")
    lines.append("")
    for c in s.counters:
        now = f"{c.ticket.number} ({c.ticket.status})" if c.ticket else "-"
        lines.append(f"  {c.number:>2}  {c.name:<24} {now:<18} {', '.join(c.queues)}")
    return "\n".join(lines)


def _read_password(prompt_twice: bool = True) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if prompt_twice and getpass.getpass("Again: ") != first:
        raise InvalidInput("login_failed")
    return first


# --- commands ----------------------------------------------------------------------


def _officer_id(username: str | None) -> int | None:
    return officers.get_officer(username).id if username else None


def _run(args: argparse.Namespace) -> int:
    lang = args.lang or "id"
    url = resolve_database_url(args.db)
    log.info("database %s, command %s", redact_url(url), args.command)
    db = connect(url)
    try:
        if args.command == "init-db":
            from app.setup import init_database

            result = init_database(db, demo=args.demo, office_name=args.office_name)
            _emit(args, {**result, "database": redact_url(url)},
                  f"schema version {result['schema_version']} ready at {redact_url(url)}"
                  + (" (demo office created)" if result["demo_created"] else ""))
            return EXIT_OK
        if args.command == "demo":
            from app.setup import init_database

            init_database(db, demo=True)
            engine.close_previous_days()
            status = engine.office_status()
            _emit(args, status, f"Loket demo at {redact_url(url)}\n" + _status_text(status, lang))
            return EXIT_OK

        migrations.check_schema(db)
        if args.command == "monitor":
            return _open_window("monitor")
        if args.command == "status":
            status = engine.office_status()
            _emit(args, status, _status_text(status, lang))
        elif args.command == "housekeeping":
            expired = engine.close_previous_days()
            pruned = engine.prune()
            _emit(args, {"expired": expired, "pruned": pruned},
                  f"expired {expired} old tickets, pruned {pruned} feed rows")
        elif args.command == "events":
            evs = engine.changes_since(args.after, args.limit)
            _emit(args, {"events": evs},
                  "\n".join(f"{e.id} {e.at} {e.kind} {e.number or ''} {e.counter or ''}"
                            for e in evs))
        elif args.command == "ticket":
            t = _ticket_command(args)
            _emit(args, t, _ticket_line(t))
        elif args.command == "officer":
            if args.action == "add":
                o = officers.add_officer(args.username, _read_password(), role=args.role,
                                         full_name=args.name)
                _emit(args, o, f"{o.username} ({o.role}) added")
            else:
                people = officers.list_officers()
                _emit(args, {"officers": people},
                      "\n".join(f"{o.username:<16} {o.role:<10} "
                                f"{'' if o.active else '(inactive) '}{o.full_name}"
                                for o in people))
        return EXIT_OK
    finally:
        db.close()


def _open_window(mode: str) -> int:
    """Hand a window mode to the Qt layer, imported by name (app/ never imports Qt)."""
    import importlib

    launcher = importlib.import_module("ui.launch")
    return int(launcher.run(mode))


def _ticket_command(args: argparse.Namespace) -> engine.TicketView:
    rid = getattr(args, "request_id", None)
    simple: dict[str, Callable[..., engine.TicketView]] = {
        "recall": engine.recall, "start": engine.start_serving,
        "finish": engine.finish, "no-show": engine.no_show,
    }
    if args.action == "issue":
        return engine.issue_ticket(args.queue, request_id=rid)
    if args.action == "call-next":
        return engine.call_next(args.counter, _officer_id(args.officer), request_id=rid)
    if args.action == "call":
        return engine.call_ticket(args.number, args.counter, _officer_id(args.officer),
                                  request_id=rid)
    if args.action in simple:
        return simple[args.action](args.number, args.counter, request_id=rid)
    if args.action == "cancel":
        return engine.cancel(args.number, args.counter, _officer_id(args.officer),
                             reason=args.reason, request_id=rid)
    if args.action == "transfer":
        return engine.transfer(args.number, args.counter, to_queue=args.to_queue,
                               to_counter=args.to_counter,
                               officer=_officer_id(args.officer), request_id=rid)
    return engine.get_ticket(args.number)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logs.configure(args.verbose)
    lang = args.lang
    try:
        return _run(args)
    except Refused as exc:
        return _fail(args, exc, exc.message(lang), EXIT_REFUSED)
    except (InvalidInput, SchemaError) as exc:
        return _fail(args, exc, exc.message(lang), EXIT_USAGE)
    except DatabaseUnavailable as exc:
        return _fail(args, exc, exc.message(lang), EXIT_UNREACHABLE)
    except LoketError as exc:
        return _fail(args, exc, exc.message(lang), EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: the officer gets one line, the log the traceback
        log.exception("internal error")
        where = logs.log_file()
        text = render("internal_error", {"log": where}, lang)
        return _fail(args, exc, text, EXIT_INTERNAL)


def _fail(args: argparse.Namespace, exc: BaseException, text: str, code: int) -> int:
    log.info("exit %d: %s", code, text)
    if args.json:
        print(json.dumps({"error": getattr(exc, "code", "internal_error"), "message": text,
                          "exit": code}, ensure_ascii=False))
    print(f"loket: {text}", file=sys.stderr)
    return code
