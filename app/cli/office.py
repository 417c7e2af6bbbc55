"""``loket init-db``, ``demo``, ``status``, ``housekeeping`` and ``events``: the office's
database as a whole."""

from __future__ import annotations

import argparse
import datetime as dt

from app import clock, feed
from app.cli.common import EXIT_OK, emit, whole_number
from app.cli.connection import office_database
from app.errors import InvalidInput
from app.messages import render
from app.messages.cli_words import status_word, word
from app.messages.formats import date_text
from app.messages.record_words import event_name
from app.office.settings import get_settings
from app.queue import engine
from app.queue.status import OfficeStatus, office_status
from app.setup import pc_config
from app.setup.pc_config import explicit_database_url
from app.storage.db import redact_url


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    if command == "init-db":
        parser.add_argument("--demo", action="store_true", help="add the demo office")
        parser.add_argument("--office-name", help="office name for a new database")
    elif command == "demo":
        parser.add_argument("--no-window", action="store_true",
                            help="only print the office's status (also without a display)")
    elif command == "events":
        parser.add_argument("--after", type=whole_number("--after", 0, 2**63 - 1), default=0)
        parser.add_argument("--limit", type=whole_number("--limit", 1, 10_000), default=100)


def status_text(s: OfficeStatus, lang: str) -> str:
    lines = [f"{date_text(s.service_day)}  ({s.profile})", ""]
    for q in s.queues:
        wait = (render("cli_out_minutes", {"minutes": q.longest_wait_s // 60}, lang)
                if q.longest_wait_s is not None else "-")
        name = q.name_en if lang == "en" else q.name_id
        closed = "" if q.active else word("closed", lang)
        lines.append(render("cli_out_queue_line", {
            "prefix": q.prefix, "name": name, "waiting": q.waiting, "wait": wait,
            "issued": q.issued_today, "closed": closed}, lang))
    lines.append("")
    for c in s.counters:
        now = f"{c.ticket.number} ({status_word(c.ticket.status, lang)})" if c.ticket else "-"
        lines.append(f"  {c.number:>2}  {c.name:<24} {now:<18} {', '.join(c.queues)}")
    return "\n".join(lines)


def event_line(event: feed.EventView, lang: str, zone: dt.tzinfo) -> str:
    """One change of the feed: its id, when (office time), what in words, the ticket and
    the counter (``loket 3``)."""
    at = dt.datetime.fromisoformat(event.at).replace(tzinfo=dt.UTC).astimezone(zone)
    counter = (render("cli_out_event_counter", {"counter": event.counter}, lang)
               if event.counter is not None else "")
    return " ".join(part for part in (
        f"{event.id:>7} {date_text(at)} {at:%H:%M:%S}", event_name(event.kind, lang),
        event.number or "", counter) if part)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    if args.command in ("init-db", "demo"):
        return _create(args, lang)
    with office_database(args):
        if args.command == "status":
            status = office_status()
            emit(args, status, status_text(status, lang))
        elif args.command == "housekeeping":
            expired = engine.close_previous_days()
            pruned = feed.prune()
            emit(args, {"expired": expired, "pruned": pruned},
                 render("cli_out_housekeeping", {"expired": expired, "pruned": pruned}, lang))
        else:
            evs = feed.changes_since(args.after, args.limit)
            zone = clock.zone(get_settings().timezone)
            emit(args, {"events": evs}, "\n".join(event_line(e, lang, zone) for e in evs))
    return EXIT_OK


def _create(args: argparse.Namespace, lang: str) -> int:
    """``init-db`` (``--demo``) and ``demo``: the schema, and the made-up office."""
    from app.setup.schema import init_database

    demo = args.command == "demo" or args.demo
    if demo and explicit_database_url(args.db) is None and pc_config.exists():
        # Made-up tickets and passports must never reach an office's database.
        raise InvalidInput("demo_on_office_pc", path=str(pc_config.config_path()))
    with office_database(args, migrate=False) as (db, url):
        if args.command == "init-db":
            result = init_database(db, demo=args.demo, office_name=args.office_name)
            emit(args, {**result, "database": redact_url(url)},
                 render("cli_out_database_ready", {"version": result["schema_version"],
                                                   "url": redact_url(url)}, lang)
                 + (render("cli_out_demo_created", {}, lang) if result["demo_created"]
                    else ""))
            return EXIT_OK
        from app.setup.demo_history import seed_history

        init_database(db, demo=True)
        seed_history()  # two weeks behind it, for the reports (once)
        engine.close_previous_days()
        status = office_status()
        emit(args, status, render("cli_out_demo_at", {"url": redact_url(url)}, lang) + "\n"
             + status_text(status, lang))
        return EXIT_OK  # the windows on it are the program's (ui.main)
