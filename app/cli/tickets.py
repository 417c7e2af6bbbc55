"""``loket ticket …``: issue, call, serve, transfer and cancel tickets."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable

from app.cli.common import EXIT_OK, EXIT_REFUSED, MAX_INT4, emit, request_id, whole_number
from app.cli.connection import office_database
from app.cli.signin import maybe_signed_in, signed_in
from app.messages import render
from app.messages.cli_words import status_word
from app.queue import engine, late, merge, waits

COUNTER = whole_number("--counter", 1, MAX_INT4)


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    tsub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def with_request_id(a: argparse.ArgumentParser) -> argparse.ArgumentParser:
        a.add_argument("--request-id", type=request_id,
                       help="client-made id; repeating it does not act twice")
        return a

    issue = with_request_id(tsub.add_parser("issue", help="take a number in a queue"))
    issue.add_argument("queue", help="queue code or prefix, e.g. A or paspor")

    nxt = with_request_id(tsub.add_parser("call-next", help="call the next ticket"))
    nxt.add_argument("--counter", type=COUNTER, required=True)

    call = with_request_id(tsub.add_parser("call", help="call a given waiting ticket"))
    call.add_argument("number")
    call.add_argument("--counter", type=COUNTER, required=True)

    for name, helptext in (("recall", "call the ticket again"),
                           ("start", "the applicant is at the counter"),
                           ("finish", "service done"),
                           ("no-show", "called, nobody came")):
        a = with_request_id(tsub.add_parser(name, help=helptext))
        a.add_argument("number")
        a.add_argument("--counter", type=COUNTER, required=True)

    cancel = with_request_id(tsub.add_parser("cancel", help="void a ticket (audited)"))
    cancel.add_argument("number")
    cancel.add_argument("--counter", type=COUNTER)
    cancel.add_argument("--reason", default="")

    rq = with_request_id(tsub.add_parser(
        "requeue", help="put a no-show ticket back in line within requeue_grace_min "
        "minutes; it keeps its number (audited)"))
    rq.add_argument("number")
    rq.add_argument("--counter", type=COUNTER, help="the counter putting it back")

    tr = with_request_id(tsub.add_parser("transfer", help="send to another queue or counter"))
    tr.add_argument("number")
    tr.add_argument("--counter", type=COUNTER, help="the counter handing it on")
    target = tr.add_argument_group("target (one or both)")
    target.add_argument("--to-queue")
    target.add_argument("--to-counter", type=whole_number("--to-counter", 1, MAX_INT4))

    show = tsub.add_parser("show", help="one ticket of today")
    show.add_argument("number")
    tcode = tsub.add_parser("code", help="the signed code printed as a QR on a ticket")
    tcode.add_argument("number")

    merge_ = tsub.add_parser("merge", help="write the finished tickets an emergency PC's "
                             "database issued into this one, once (supervisor, signed in "
                             "with --as)")
    merge_.add_argument("--from-db", metavar="FILE_OR_URL", required=True,
                        help="the emergency PC's Loket database: a SQLite file "
                        "(darurat.sqlite3) or a URL, read only")
    merge_.add_argument("--dry-run", action="store_true",
                        help="say what would be merged, write nothing")
    merge_.add_argument("--any-database", action="store_true",
                        help="also from a database that is not this office's backup "
                        "(a server made anew instead of restored)")


def _ticket_line(t: engine.TicketView, lang: str) -> str:
    params: dict[str, object] = {"number": t.number, "queue": t.service_queue,
              "status": status_word(t.status, lang), "counter": t.counter}
    return render("cli_out_ticket_at" if t.counter else "cli_out_ticket", params, lang)


def wait_text(told: waits.Told, lang: str) -> str:
    """``Di depan Anda: 3 · Perkiraan tunggu: 5–15 menit``."""
    wait = (render("wait_unknown", {}, lang) if told.estimate_min is None else
            render("wait_range", {"low": told.estimate_min[0], "high": told.estimate_min[1]},
                   lang))
    return f"{render('wait_ahead', {'ahead': told.ahead}, lang)} · {wait}"


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        if args.action == "merge":
            return _merge(args)
        if args.action == "code":
            code = engine.ticket_code(args.number)
            emit(args, {"number": args.number.strip().upper(), "code": code}, code)
        elif args.action == "issue":
            t = _act(args)
            told = waits.told_for(t.id)
            emit(args, {**dataclasses.asdict(t), **dataclasses.asdict(told)},
                 f"{_ticket_line(t, args.lang)}  {wait_text(told, args.lang)}")
        else:
            t = _act(args)
            emit(args, t, _ticket_line(t, args.lang))
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    """Exit 0 when every ticket of the days that differ is here now (merged or already),
    1 when some were skipped (a person must read why)."""
    report = merge.merge(args.from_db, signed_in(args).id, dry_run=args.dry_run,
                         any_database=args.any_database)
    emit(args, report.to_dict(), "\n".join(report.lines(args.lang)))
    return EXIT_REFUSED if report.counts()[merge.SKIPPED] else EXIT_OK


def _act(args: argparse.Namespace) -> engine.TicketView:
    rid = getattr(args, "request_id", None)
    # Calling, cancelling and transferring name the officer signed in with --as (none:
    # the act is the counter's, as a display-less counter PC would do it).
    signed = maybe_signed_in(args) if args.action in (
        "call-next", "call", "cancel", "transfer", "requeue") else None
    officer = signed.id if signed else None
    simple: dict[str, Callable[..., engine.TicketView]] = {
        "recall": engine.recall, "start": engine.start_serving,
        "finish": engine.finish, "no-show": engine.no_show,
    }
    if args.action == "issue":
        return engine.issue_ticket(args.queue, request_id=rid)
    if args.action == "call-next":
        return engine.call_next(args.counter, officer, request_id=rid)
    if args.action == "call":
        if args.number.strip().upper().startswith("LK"):  # a scanned ticket QR
            return engine.call_scanned(args.number, args.counter, officer,
                                       request_id=rid)
        return engine.call_ticket(args.number, args.counter, officer,
                                  request_id=rid)
    if args.action in simple:
        return simple[args.action](args.number, args.counter, request_id=rid)
    if args.action == "cancel":
        return engine.cancel(args.number, args.counter, officer,
                             reason=args.reason, request_id=rid)
    if args.action == "requeue":
        return late.requeue(args.number, args.counter, officer, request_id=rid)
    if args.action == "transfer":
        return engine.transfer(args.number, args.counter, to_queue=args.to_queue,
                               to_counter=args.to_counter,
                               officer=officer, request_id=rid)
    return engine.get_ticket(args.number)
