"""``loket counter pause|resume``: a counter's break, prayer or system fault.

(``loket counter`` alone opens the counter window: the program's entry point, which
opens windows, hands the command here when an action follows it.)"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, MAX_INT4, emit, request_id, whole_number
from app.cli.connection import office_database
from app.cli.signin import maybe_signed_in
from app.messages import render
from app.queue import pauses
from app.storage.models import PAUSE_REASONS

NUMBER = whole_number("NUMBER", 1, MAX_INT4)


def add_arguments(command: str, parser: argparse.ArgumentParser,
                  required: bool = True) -> None:
    csub = parser.add_subparsers(dest="action", metavar="ACTION", required=required)
    pause = csub.add_parser("pause", help="pause a counter: it calls nobody and receives no "
                            "transfer until resumed; the lobby display shows it paused "
                            "(audited)")
    pause.add_argument("number", type=NUMBER, metavar="NUMBER")
    pause.add_argument("--reason", required=True, metavar="|".join(PAUSE_REASONS),
                       help="break (istirahat), prayer (ibadah) or system (gangguan sistem)")
    resume = csub.add_parser("resume", help="end the counter's pause (audited)")
    resume.add_argument("number", type=NUMBER, metavar="NUMBER")
    for sub in (pause, resume):
        sub.add_argument("--request-id", type=request_id,
                         help="client-made id; repeating it does not act twice")


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        signed = maybe_signed_in(args)
        officer = signed.id if signed else None
        if args.action == "pause":
            view = pauses.pause_counter(args.number, args.reason, officer,
                                        request_id=args.request_id)
        else:
            view = pauses.resume_counter(args.number, officer, request_id=args.request_id)
        code = "cli_out_counter_paused" if view.ended_at is None else "cli_out_counter_resumed"
        reason = pauses.reason_word(view.reason, args.lang)
        emit(args, view, render(code, {"counter": view.counter, "reason": reason}, args.lang))
    return EXIT_OK
