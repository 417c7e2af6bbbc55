"""``loket backlog …`` and ``loket pickup …``: the passports waiting to be collected,
from the imported list to the handover."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

from app.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    MAX_INT4,
    emit,
    request_id,
    whole_number,
)
from app.cli.connection import office_database
from app.cli.signin import signed_in
from app.messages import render
from app.messages.cli_words import pickup_status, word
from app.messages.formats import date_text
from app.office.settings import get_settings
from app.pickup import backlog, forecast, journal_check, reconcile
from app.pickup import service as pickup
from app.storage.models import PRINTING, READY


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    if command == "backlog":
        _add_backlog(parser)
    else:
        _add_pickup(parser)


def _add_backlog(parser: argparse.ArgumentParser) -> None:
    bsub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = bsub.add_parser("import", help="import a CSV list (all or nothing; safe to repeat)")
    imp.add_argument("file", help="CSV file (comma, semicolon or tab separated)")
    imp.add_argument("--batch", help='batch name for every row, e.g. "Backlog PDN Juni 2024"')
    imp.add_argument("--dry-run", action="store_true",
                     help="check the file and say what would change, write nothing")
    bsub.add_parser("batches", help="each batch's passports by status (the burn-down)")


def _add_pickup(parser: argparse.ArgumentParser) -> None:
    psub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def with_request_id(a: argparse.ArgumentParser) -> argparse.ArgumentParser:
        a.add_argument("--request-id", type=request_id,
                       help="client-made id; repeating it does not act twice")
        return a

    pcode = psub.add_parser("code", help="the signed pickup code of an application")
    pcode.add_argument("application_no")
    slips = psub.add_parser("slips", help="printable pickup slips with QR codes")
    slips.add_argument("--batch", help="only this batch")
    slips.add_argument("--status", default="ready",
                       choices=["ready", "printing", "all-open"],
                       help="which passports (default: ready)")
    slips.add_argument("--out", required=True, help="FILE.pdf or FILE.png")
    for name, helptext in (("verify", "what a scan is and whether it may be handed over"),
                           ("show", "the whole record behind a scan (for the counter)")):
        a = psub.add_parser(name, help=helptext)
        a.add_argument("code", help="scanned pickup code or application number")
    chk = with_request_id(psub.add_parser("check-in", help="take a pickup queue ticket"))
    chk.add_argument("code")
    chk.add_argument("--priority", action="store_true",
                     help="elderly, disabled or pregnant: the office's priority pickup "
                     "queue, called first (priority_pickup_queue; audited)")
    ho = with_request_id(psub.add_parser("hand-over", help="record a handover (once)"))
    ho.add_argument("code")
    ho.add_argument("--counter", type=whole_number("--counter", 1, MAX_INT4), required=True)
    ho.add_argument("--collector", required=True, choices=["self", "family", "proxy"])
    ho.add_argument("--collector-name", help="required for family and proxy")
    ho.add_argument("--id-checked", action="store_true",
                    help="the collector's original ID was checked (required)")
    undo = psub.add_parser("undo-hand-over", help="undo a handover (supervisor; audited)")
    undo.add_argument("code")
    undo.add_argument("--reason", required=True)
    rec = psub.add_parser("reconcile", help="write handovers the database lacks, from an "
                          "emergency PC's database or a counter PC's journal (supervisor)")
    source = rec.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-db", metavar="URL_OR_FILE",
                        help="another Loket database: a URL or a SQLite file "
                        "(darurat.sqlite3), read only")
    source.add_argument("--journal", nargs="?", const="", metavar="FILE",
                        help="a PC's handover journal (default: this PC's)")
    rec.add_argument("--dry-run", action="store_true",
                     help="say what would be recorded, write nothing")
    rec.add_argument("--any-database", action="store_true",
                     help="also handovers made on another database (a server made anew "
                     "instead of restored)")
    jrn = psub.add_parser("journal", help="handovers in a PC's journal that the database "
                          "lacks (exit 1 while any is)")
    jrn.add_argument("file", nargs="?", metavar="FILE",
                     help="a PC's handover journal (default: this PC's)")
    psub.add_parser("overdue", help="ready passports past their collect-by date")
    psub.add_parser("cancel-overdue", help="cancel overdue passports (supervisor, signed in "
                    "with --as)")


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        if args.command == "backlog":
            return _backlog(args)
        return _pickup(args, args.lang)


def _backlog(args: argparse.Namespace) -> int:
    if args.action == "batches":
        rows = pickup.batches()
        clears = forecast.forecasts(rows)
        lang = args.lang
        w = {key: word(key, lang) for key in ("batch", "total", "printing", "ready",
                                              "overdue", "collected", "cancelled", "clear_by")}
        head = (f"{w['batch']:<32} {w['total']:>6} {w['printing']:>8} {w['ready']:>6} "
                f"{w['overdue']:>7} {w['collected']:>9} {w['cancelled']:>9}  "
                f"{w['clear_by']:<10}")
        emit(args, {"batches": [{**dataclasses.asdict(b),
                                 "forecast_clear_date": clears.get(b.batch)} for b in rows]},
             "\n".join([head] + [
            f"{(b.batch or word('regular', lang))[:32]:<32} {b.total:>6} {b.printing:>8} "
            f"{b.ready:>6} "
            f"{b.overdue:>7} {b.collected:>9} {b.cancelled:>9}  "
            f"{_clear_text(clears.get(b.batch))}" for b in rows]))
        return EXIT_OK
    who = signed_in(args)
    summary = backlog.import_backlog(backlog.read_list_file(args.file)[0], batch=args.batch,
                                     officer=who.id, source=args.file,
                                     dry_run=args.dry_run)
    emit(args, summary,
         render("cli_out_import", {"rows": summary.rows, "created": summary.created,
                                   "updated": summary.updated, "unchanged": summary.unchanged,
                                   "closed": summary.closed}, args.lang)
         + (render("cli_out_dry_run", {}, args.lang) if summary.dry_run else ""))
    return EXIT_OK


def _clear_text(day: dt.date | None) -> str:
    """The forecast clear date, or ``-`` when there is no rate yet."""
    return date_text(day) if day is not None else "-"


def _pickup_line(v: pickup.PickupView, lang: str) -> str:
    due = (render("cli_out_collect_by", {"date": date_text(v.collect_by)}, lang)
           if v.collect_by else "")
    late = word("overdue_mark", lang) if v.overdue else ""
    return (f"{v.application_no}  {pickup_status(v.status, lang)}{late}  "
            f"{v.location or '-'}  {v.batch or '-'}{due}")


def _pickup(args: argparse.Namespace, lang: str) -> int:
    action = args.action
    rid = getattr(args, "request_id", None)
    if action == "code":
        code = pickup.code_for(args.application_no)
        emit(args, {"application_no": args.application_no.strip().upper(), "code": code},
             code)
    elif action == "slips":
        from app.pickup import slips  # qrcode and Pillow, for this action only

        statuses = {"ready": [READY], "printing": [PRINTING],
                    "all-open": [PRINTING, READY]}[args.status]
        items = pickup.slips_for(args.batch, statuses)
        office = get_settings()
        written = slips.save_slips(items, office.office_name, office.collect_by_days,
                                   Path(args.out))
        emit(args, {"slips": len(items), "files": [str(p) for p in written]},
             render("cli_out_slips", {"count": len(items),
                                      "files": ", ".join(str(p) for p in written)}, lang))
    elif action == "verify":
        result = pickup.verify(args.code, lang)
        text = word("valid" if result.valid else "invalid", lang) + (
            "" if result.verified or not result.valid else word("not_verified", lang))
        if result.record:
            text += "\n" + _pickup_line(result.record, lang)
        if result.message:
            text += "\n" + result.message
        emit(args, result.to_dict(), text)
        return EXIT_OK if result.valid and result.reason is None else EXIT_REFUSED
    elif action == "show":
        view, signed = pickup.details(args.code)
        warn = "" if signed else "\n" + render("pickup_not_verified", {}, lang)
        emit(args, {**view.to_dict(), "scan_verified": signed},
             f"{_pickup_line(view, lang)}\n{view.name}  {view.passport_no}{warn}")
    elif action == "check-in":
        ci = pickup.check_in(args.code, request_id=rid, priority=args.priority)
        emit(args, ci.to_dict(), f"{ci.ticket.number}  {ci.ticket.service_queue}"
             + ("" if ci.created else render("cli_out_already_checked_in", {}, lang)))
    elif action == "hand-over":
        done = pickup.hand_over(args.code, args.counter, signed_in(args).id, args.collector,
                                args.collector_name, args.id_checked, request_id=rid)
        emit(args, done.to_dict(),
             render("cli_out_handed_over", {"application": done.record.application_no}, lang)
             + (render("cli_out_ticket_finished", {"number": done.ticket.number}, lang)
                if done.ticket else ""))
    elif action == "undo-hand-over":
        view = pickup.undo_hand_over(args.code, signed_in(args).id, args.reason)
        emit(args, view.to_dict(), render("cli_out_back_to", {
            "application": view.application_no,
            "status": pickup_status(view.status, lang)}, lang))
    elif action == "reconcile":
        return _reconcile(args, lang)
    elif action == "journal":
        check = journal_check.unrecorded(Path(args.file) if args.file else None)
        emit(args, check.to_dict(), "\n".join(check.lines(lang)))
        return EXIT_REFUSED if check.missing else EXIT_OK
    elif action == "overdue":
        late = pickup.overdue()
        emit(args, {"overdue": [v.public() for v in late]},
             "\n".join(_pickup_line(v, lang) for v in late) or "-")
    elif action == "cancel-overdue":
        numbers = pickup.cancel_overdue(signed_in(args).id)
        emit(args, {"cancelled": numbers},
             render("cli_out_overdue_cancelled", {"count": len(numbers)}, lang))
    return EXIT_OK


def _reconcile(args: argparse.Namespace, lang: str) -> int:
    """Exit 0 when every handover is in the database now (recorded or already there),
    1 when some need a person (a conflict, an unknown or skipped one)."""
    who = signed_in(args)
    if args.from_db is not None:
        facts, source = reconcile.facts_from_database(args.from_db)
    else:
        facts, source = reconcile.facts_from_journal(Path(args.journal) if args.journal
                                                     else None)
    report = reconcile.reconcile(facts, who.id, source=source, dry_run=args.dry_run,
                                 any_database=args.any_database)
    emit(args, report.to_dict(), "\n".join(report.lines(lang)))
    settled = report.counts()[reconcile.RECORDED] + report.counts()[reconcile.ALREADY]
    return EXIT_OK if settled == len(report.outcomes) else EXIT_REFUSED
