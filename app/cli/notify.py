"""``loket notify run|list|invited|retry|opt-out``: messages to applicants (see
:mod:`app.notify`)."""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from app.cli.common import EXIT_OK, emit
from app.cli.connection import office_database
from app.cli.signin import signed_in
from app.errors import InvalidInput, Refused
from app.messages import render
from app.notify import invitations, outbox
from app.notify.sender import POLL_S, Channels, Sender
from app.office.settings import get_settings
from app.storage.models import NOTIFY_FAILED


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    run = sub.add_parser("run", help="deliver what is due; without --once keep delivering "
                         "until stopped (SIGTERM or Ctrl+C end it cleanly)")
    run.add_argument("--once", action="store_true", help="one pass, then end")
    run.add_argument("--interval", type=float, default=POLL_S, metavar="SECONDS",
                     help=f"pause between passes (default {POLL_S:.0f})")
    show = sub.add_parser("list", help="the messages and why any could not be delivered "
                          "(no passport numbers)")
    show.add_argument("--failed", action="store_true", help="only those that failed")
    sub.add_parser("invited", help="the holders invited per pickup day, from today on, "
                   "and how many of them have collected")
    again = sub.add_parser("retry", help="send a failed message again (supervisor; audited)")
    again.add_argument("id")
    out = sub.add_parser("opt-out", help="no more messages to a number or address, or "
                         "about one passport (supervisor; audited)")
    out.add_argument("contact", nargs="?", help="+62…, 08… or an e-mail address")
    out.add_argument("--application", metavar="NO", help="one passport's application number")


def _run(args: argparse.Namespace) -> int:
    channels = Channels.of(get_settings(fresh=True))
    if not channels.any():
        raise Refused("notify_no_channel")
    sender = Sender()
    if args.once:
        done = sender.run_once()
    else:
        stop = threading.Event()

        def ask_to_stop(signum: int, frame: FrameType | None) -> None:
            stop.set()

        before = {sig: signal.signal(sig, ask_to_stop)
                  for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            done = sender.run_until(stop, max(0.1, args.interval))
        finally:
            for sig, handler in before.items():
                signal.signal(sig, handler)
    emit(args, done.to_dict(), render("cli_out_notify_run", {**done.to_dict()}, args.lang))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    views = outbox.listing([NOTIFY_FAILED] if args.failed else None, lang=args.lang)
    lines = []
    for v in views:
        state = render(f"notify_state_{v.state}", {}, args.lang)
        kind = render(f"notify_kind_{v.kind}", {}, args.lang)
        lines.append(f"{v.id}  {v.when_text(args.lang):<28} {state:<10} {kind:<18} "
                     f"{v.to:<28} {v.application_no or '-':<18} {v.why}")
    emit(args, {"notifications": [v.to_dict() for v in views], "counts": outbox.counts()},
         "\n".join(lines) or "-")
    return EXIT_OK


def _invited(args: argparse.Namespace) -> int:
    outlook = invitations.from_today()
    lang = args.lang or outlook.language
    lines = [render("cli_out_notify_invited_day", {
        "day": invitations.day_words(day, lang), "invited": invited,
        "collected": collected}, args.lang) for day, invited, collected in outlook.days]
    emit(args, {"limit": outlook.limit,
                "days": [{"day": day.isoformat(), "invited": invited, "collected": collected}
                         for day, invited, collected in outlook.days]},
         "\n".join(lines) or render("cli_out_notify_invited_none",
                                    {"limit": outlook.limit}, args.lang))
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        if args.action == "run":
            return _run(args)
        if args.action == "list":
            return _list(args)
        if args.action == "invited":
            return _invited(args)
        if args.action == "retry":
            view = outbox.retry(signed_in(args).id, args.id)
            emit(args, view.to_dict(), render(f"notify_state_{view.state}", {}, args.lang))
            return EXIT_OK
        if (args.contact is None) == (args.application is None):
            raise InvalidInput("notify_contact_bad", value=args.contact or "")
        cancelled = outbox.opt_out(signed_in(args).id, contact=args.contact,
                                   application_no=args.application)
        emit(args, {"cancelled": cancelled},
             render("cli_out_notify_opted_out", {"count": cancelled}, args.lang))
    return EXIT_OK
