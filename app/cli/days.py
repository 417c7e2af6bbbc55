"""``loket day-profile set|schedule|unschedule|show``: the office's days.

A pickup-only weekend is one profile scheduled on ``sat`` and ``sun``; nothing is
undone on Monday (see :mod:`app.office.days`).
"""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli.common import EXIT_OK, date, emit
from app.cli.connection import office_database
from app.cli.signin import signed_in
from app.errors import InvalidInput
from app.messages import render
from app.messages.cli_words import word
from app.messages.formats import date_text
from app.office import days


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    put = sub.add_parser("set", help="create or change a profile; what is not given stays "
                         "as it was (signed in with --as; audited)")
    put.add_argument("name", help="the profile's name (\"default\": a day nothing is "
                     "scheduled on)")
    put.add_argument("--open", metavar="QUEUES",
                     help="the queues that issue numbers, by prefix or code (B,C); "
                     "\"all\": every active queue")
    put.add_argument("--hours", metavar="HH:MM-HH:MM",
                     help="from opening to the last number issued (08:00-15:00); "
                     "\"none\": no limit")
    put.add_argument("--counter", metavar="N[,N…]=QUEUES", action="append",
                     help="what counters serve that day, in call order (1,2,3,4=C,B); "
                     "repeat for more counters; a counter not named serves nothing. "
                     "\"standing\": the counters' own queues")
    on = sub.add_parser("schedule", help="run a profile on a weekday or a date "
                        "(a date beats a weekday; audited)")
    on.add_argument("name")
    on.add_argument("--on", required=True, metavar="YYYY-MM-DD|mon..sun")
    off = sub.add_parser("unschedule", help="take a weekday or a date off the schedule "
                         "(audited)")
    off.add_argument("--on", required=True, metavar="YYYY-MM-DD|mon..sun")
    show = sub.add_parser("show", help="the profiles, the schedule and the profile of a "
                          "date (default today)")
    show.add_argument("--date", type=date("--date"), help="YYYY-MM-DD")


def _queues(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _counters(values: list[str]) -> dict[int, list[str]] | None:
    if any(v.strip().lower() == "standing" for v in values):
        return None
    mapping: dict[int, list[str]] = {}
    for value in values:
        numbers, sep, queues = value.partition("=")
        try:
            parsed = [int(n) for n in numbers.split(",") if n.strip()]
        except ValueError:
            raise InvalidInput("day_counter_bad", value=value) from None
        if not sep or not parsed:
            raise InvalidInput("day_counter_bad", value=value)
        for number in parsed:
            mapping[number] = _queues(queues)
    return mapping


def on_text(key: str, lang: str) -> str:
    """A schedule's key in words: a weekday's name (``Sabtu``), a date ``dd/mm/yyyy``."""
    if key in days.WEEKDAYS:
        return days.weekday_words(lang)[days.WEEKDAYS.index(key)]
    return date_text(key) if len(key) == 10 else key


def overview_text(o: days.Overview, lang: str) -> str:
    by = f" ({on_text(o.scheduled_by, lang)})" if o.scheduled_by else ""
    lines = [f"{date_text(o.day)}: {o.profile}{by}", ""]
    for p in o.profiles:
        opened = ",".join(p.open) if p.open is not None else word("all", lang)
        counters = (word("standing", lang) if p.counters is None else
                    " ".join(f"{n}={','.join(q)}" for n, q in p.counters.items()))
        on = ",".join(on_text(key, lang) for key in p.scheduled_on) or "-"
        lines.append(render("cli_out_day_profile", {
            "name": p.name, "opened": opened, "hours": p.hours or "-", "on": on,
            "counters": counters}, lang))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        when: dt.date | None = None
        if args.action == "set":
            changes: dict[str, object] = {}
            if args.open is not None:
                changes["open_queues"] = (None if args.open.strip().lower() == "all"
                                          else _queues(args.open))
            if args.hours is not None:
                changes["hours"] = None if args.hours.strip().lower() == "none" else args.hours
            if args.counter:
                changes["counters"] = _counters(args.counter)
            days.set_profile(signed_in(args).id, args.name, **changes)  # type: ignore[arg-type]
        elif args.action == "schedule":
            key = days.schedule(signed_in(args).id, args.name, args.on)
            when = dt.date.fromisoformat(key) if len(key) == 10 else None
        elif args.action == "unschedule":
            days.unschedule(signed_in(args).id, args.on)
        else:
            when = args.date
        shown = days.overview(when)
        emit(args, shown, overview_text(shown, args.lang))
    return EXIT_OK
