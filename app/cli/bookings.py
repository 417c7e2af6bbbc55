"""``loket booking …``: the day's M-Paspor bookings, imported and checked in."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

from app.cli.common import EXIT_OK, emit, request_id
from app.cli.connection import office_database
from app.cli.signin import signed_in
from app.errors import InvalidInput
from app.messages import render
from app.messages.cli_words import booking_word
from app.messages.formats import date_text
from app.office import booking_report
from app.pickup.backlog import read_list_file
from app.queue import bookings, kiosk


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="import the day's booking list, CSV or XLSX "
                         "(all or nothing; supervisor, signed in with --as)")
    imp.add_argument("file", help="kode_booking;nama;layanan;tanggal;jam "
                     "(or booking_code;name;service;date;time)")
    imp.add_argument("--dry-run", action="store_true",
                     help="check the file and say what would be added, write nothing")
    chk = sub.add_parser("check-in", help="check a booking in: the ticket of its service "
                         "queue, placed in line at its slot (the same ticket again after)")
    chk.add_argument("code")
    chk.add_argument("--request-id", type=request_id,
                     help="client-made id; repeating it does not act twice")
    lst = sub.add_parser("list", help="a day's bookings and their state (supervisor, "
                         "signed in with --as)")
    lst.add_argument("--date", help="YYYY-MM-DD (default: today)")
    rep = sub.add_parser("report", help="booked and walk-in tickets and punctuality per "
                         "day (supervisor, signed in with --as)")
    rep.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    rep.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("day_on_bad", value=text) from None


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        lang = args.lang
        if args.action == "check-in":
            ticket = kiosk.check_in_booking(args.code, request_id=args.request_id)
            emit(args, ticket, render("booking_checked_in",
                                      {"booking": bookings.normalise_code(args.code),
                                       "slot": ticket.booking_slot, "number": ticket.number},
                                      lang))
            return EXIT_OK
        who = signed_in(args)
        if args.action == "import":
            summary = bookings.import_bookings(read_list_file(args.file)[0], officer=who.id,
                                               source=args.file, dry_run=args.dry_run)
            emit(args, summary, render("booking_imported", summary.to_dict(), lang)
                 + (render("cli_out_booking_dry_run", {}, lang) if args.dry_run else ""))
            return EXIT_OK
        if args.action == "list":
            shown = bookings.day_list(_date(args.date), by=who.id)
            emit(args, {"bookings": [b.to_dict() for b in shown]}, "\n".join(
                f"{b.slot_local} {b.code:<16} {b.prefix:<2} {booking_word(b.state, lang):<12} "
                f"{b.ticket or '-':<6} {booking_word(b.punctuality, lang)}" for b in shown))
            return EXIT_OK
        start, end = _date(args.date_from), _date(args.date_to)
        assert start is not None and end is not None  # both required
        days = booking_report.booking_days(start, end, by=who.id)
        heads = render("cli_out_booking_report_head", {}, lang).split("|")
        widths = [max(len(head), 10 if i == 0 else 5) for i, head in enumerate(heads)]

        def line(cells: list[str]) -> str:
            return " ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                            for i, (cell, w) in enumerate(zip(cells, widths, strict=True)))

        emit(args, {"days": [dataclasses.asdict(d) for d in days]}, "\n".join(
            [line(heads)]
            + [line([date_text(dt.date.fromisoformat(d.day))]
                    + [str(n) for n in (d.booked, d.walk_in, d.on_time, d.early, d.late,
                                        d.missed)]) for d in days]))
        return EXIT_OK
