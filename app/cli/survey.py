"""``loket survey …``: the satisfaction survey (SKM) on the command line.

``survey report`` is the supervisor's IKM of office days ``--from`` … ``--to``
(signed in with ``--as``, like ``loket report``); ``survey answer`` records an
applicant's answer for a finished ticket (what the survey screen does), for scripts
and checks. The core checks and computes everything; nothing is computed here.
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, date, emit, request_id
from app.cli.connection import office_database
from app.cli.signin import signed_in
from app.errors import InvalidInput
from app.messages import render
from app.messages.formats import date_text
from app.office import survey


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    rep = sub.add_parser("report", help="the IKM of office days --from … --to … "
                         "(supervisor, signed in with --as)")
    rep.add_argument("--from", dest="date_from", metavar="DATE", required=True,
                     type=date("--from"), help="first office day, e.g. 2024-07-01")
    rep.add_argument("--to", dest="date_to", metavar="DATE", required=True,
                     type=date("--to"), help="last office day (inclusive)")
    rep.add_argument("--by", choices=survey.BREAKDOWNS,
                     help="only this breakdown (default: all three)")
    rep.add_argument("--csv", metavar="FILE", help="also write it as CSV (; separated, "
                     "UTF-8 with BOM, decimal comma: Excel in an Indonesian locale opens it)")
    ans = sub.add_parser("answer", help="record an applicant's answer for a finished ticket")
    ans.add_argument("ticket", help="today's number (A017) or the ticket's id")
    ans.add_argument("--scores", required=True,
                     help="one score 1-4 per element, in order: nine (U1..U9) for the full "
                     "form, four (U3,U6,U7,U9) for the short one; e.g. 4,4,3,4")
    ans.add_argument("--comment", default="", help="the applicant's suggestion (erased by "
                     "the retention purge)")
    ans.add_argument("--request-id", type=request_id,
                     help="client-made id; repeating it does not answer twice")


def run(args: argparse.Namespace) -> int:
    lang = args.lang or "id"
    with office_database(args):
        if args.action == "answer":
            return _answer(args, lang)
        return _report(args, signed_in(args).id, lang)


def _scores(text: str) -> dict[str, int]:
    parts = [p.strip() for p in text.split(",")]
    elements = {len(e): e for e in survey.FORMS.values()}.get(len(parts))
    if elements is None or not all(p.isdigit() and len(p) == 1 for p in parts):
        raise InvalidInput("survey_answers_incomplete",
                           expected=", ".join(e.upper() for e in survey.ELEMENTS))
    return dict(zip(elements, (int(p) for p in parts), strict=True))


def _answer(args: argparse.Namespace, lang: str) -> int:
    scores = _scores(args.scores)
    ticket = (int(args.ticket) if args.ticket.strip().isdigit()
              else survey.ticket_of_number(args.ticket))
    done = survey.answer(ticket, scores, args.comment, request_id=args.request_id)
    emit(args, done.to_dict(), render("survey_screen_thanks", {}, lang)
         + f" ({done.number}, {done.form})")
    return EXIT_OK


def _report(args: argparse.Namespace, by: int, lang: str) -> int:
    rep = survey.report(args.date_from, args.date_to, by)
    if args.csv:
        survey.save_csv(rep, args.csv, args.by, lang)
    lines = [rep.office_name, render("survey_report_title", {
        "start": date_text(rep.start), "end": date_text(rep.end)}, lang)]
    if rep.form == "short":
        lines.append(render("survey_report_short_form", {
            "elements": ", ".join(e.upper() for e in survey.SHORT_ELEMENTS)}, lang))
    elif rep.form == "mixed":
        lines.append(render("survey_report_mixed_form", {}, lang))
    elif not rep.form:
        lines.append(render("survey_report_empty", {}, lang))
    for section, rows in survey.sections(rep, args.by):
        lines.append(f"\n{render(f'survey_section_{section}', {}, lang)}")
        lines += [f"  {row.name(lang)[:32]:<32} {row.responses:>6}  IKM "
                  f"{survey.decimal_text(row.ikm, 2, lang) or '-':>6}  {row.mutu or '-'} "
                  f"{row.mutu_text(lang)}" for row in rows]
        if section == "total":
            lines += [f"    NRR {e.upper()} {render(f'survey_{e}', {}, lang)[:34]:<34} "
                      f"{survey.decimal_text(rep.total.nrr[e], 3, lang) or '-':>6}"
                      for e in survey.ELEMENTS]
    if args.csv:
        lines.append(f"\nCSV: {args.csv}")
    data = {"start": rep.start.isoformat(), "end": rep.end.isoformat(), "form": rep.form,
            "official": rep.official, "total": rep.total,
            **{b: rep.breakdown(b) for b in (args.by,) if b}}
    if not args.by:
        data.update(queue=rep.queues, counter=rep.counters, officer=rep.officers)
    emit(args, data, "\n".join(lines))
    return EXIT_OK
