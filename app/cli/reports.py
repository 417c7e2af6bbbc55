"""``loket report`` and ``loket audit``: the supervisor's window's numbers and log, on the
command line (signed in with ``--as``; the core checks the role and reads them, nothing
is computed here)."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, date, emit
from app.cli.connection import office_database
from app.cli.signin import signed_in
from app.messages import render
from app.messages.formats import date_text, duration_text
from app.messages.record_words import action_name
from app.office import audit_log, reports


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE", required=True,
                        type=date("--from"), help="first office day, e.g. 2024-07-01")
    parser.add_argument("--to", dest="date_to", metavar="DATE", required=True,
                        type=date("--to"), help="last office day (inclusive)")
    parser.add_argument("--csv", metavar="FILE", help="also write it as CSV (; separated, "
                        "UTF-8 with BOM: Excel in an Indonesian locale opens it)")


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    with office_database(args):
        who = signed_in(args)
        if args.command == "report":
            return _report(args, who.id, lang)
        return _audit(args, who.id, lang)


def _report(args: argparse.Namespace, by: int, lang: str) -> int:
    rep = reports.report(args.date_from, args.date_to, by)
    if args.csv:
        reports.save(reports.to_csv(rep, lang), args.csv)
    lines = [f"{rep.office_name}  {date_text(rep.start)} – {date_text(rep.end)}"]
    for section, rows in reports.sections(rep):
        lines.append(f"\n{reports.section_name(section, lang)}")
        lines += [render("cli_out_report_row", {
            "name": row.name(lang)[:32], "issued": row.issued, "served": row.served,
            "no_shows": row.no_shows, "wait": duration_text(row.wait_avg_s, lang),
            "handed_over": row.handed_over}, lang) + _working_time(row, lang) for row in rows]
    if args.csv:
        lines.append(f"\nCSV: {args.csv}")
    emit(args, rep, "\n".join(lines))
    return EXIT_OK


def _working_time(row: reports.Row, lang: str) -> str:
    """A counter's serving, paused and idle time (nothing on the other rows)."""
    if row.serving_s is None:
        return ""
    return render("cli_out_report_working", {
        "serving": duration_text(row.serving_s, lang), "paused": duration_text(row.paused_s, lang),
        "idle": duration_text(row.idle_s, lang)}, lang)


def _audit(args: argparse.Namespace, viewer: int, lang: str) -> int:
    filt = audit_log.AuditFilter(date_from=args.date_from, date_to=args.date_to)
    if args.csv:
        count = audit_log.export_csv(viewer, filt, args.csv, lang=lang)
        emit(args, {"rows": count, "csv": args.csv},
             render("cli_out_audit_written", {"count": count, "file": args.csv}, lang))
        return EXIT_OK
    rows: list[audit_log.AuditRow] = []
    older: int | None = None
    while True:  # page by page, as the window reads it
        page = audit_log.entries(viewer, filt, older_than=older,
                                 limit=audit_log.MAX_PAGE_ROWS)
        rows += page.rows
        if not page.has_older or not page.rows:
            break
        older = page.rows[-1].id
    emit(args, {"entries": rows}, "\n".join(
        f"{r.id:>7} {audit_log.time_text(r)} {action_name(r.action, lang):<28} "
        f"{r.officer or '-':<16} {'' if r.counter is None else r.counter:>3} {r.subject} "
        f"{r.details_text(lang)}" for r in rows) or "-")
    return EXIT_OK
