"""``loket backup``, ``restore``, ``verify-backup`` and ``purge``: the office's data kept
safe, and personal data erased when its time is up."""

from __future__ import annotations

import argparse
import datetime as dt

from app.backup import make, restore, schedule, verify
from app.cli.common import EXIT_OK, EXIT_REFUSED, emit
from app.cli.connection import database_url, office_database
from app.cli.signin import signed_in
from app.messages import render
from app.messages.cli_words import WORDS, word
from app.messages.formats import date_time_text, duration_text
from app.office import permissions, retention
from app.storage.transactions import read


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    if command == "backup":
        parser.add_argument("dest", nargs="?", help="a folder (a time-stamped "
                            "loket-YYYYMMDD-HHMMSS file is made there; default: the "
                            "backup_folder setting) or a new file")
        parser.add_argument("--format", choices=["sqlite", "dump"],
                            help="sqlite: a copy of a SQLite database (its default); dump: "
                            "the portable Loket dump, restorable into any backend (a "
                            "server's default)")
        parser.add_argument("--if-due", action="store_true",
                            help="make the daily backup only if it is due, into the "
                            "backup_folder setting, keeping backup_keep files (for cron or "
                            "Windows Task Scheduler); exit 0 when nothing was due")
    elif command == "restore":
        parser.add_argument("file", help="a .sqlite3 backup or a .loketdump.gz dump")
        parser.add_argument("--force", action="store_true",
                            help="replace a database that already holds tickets, officers or "
                            "passports (an admin of it signed in with --as; it is backed up "
                            "first, into the backup folder)")
    elif command == "verify-backup":
        parser.add_argument("file")
    else:  # purge
        parser.add_argument("--dry-run", action="store_true",
                            help="only say how many records would be erased")


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace,
                    lang: str) -> None:
    if args.command == "backup" and args.if_due and (args.dest or args.format):
        parser.error(render("cli_if_due_alone", {}, lang))


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    if args.command == "verify-backup":  # a file only
        result = verify.verify_backup(args.file)
        emit(args, result.to_dict(), _check_text(result, lang))
        return EXIT_OK if result.ok else EXIT_REFUSED
    if args.command == "restore":  # the target may be empty: no schema check, own connection
        return _restore(args, database_url(args), lang)
    with office_database(args):
        if args.command == "backup":
            return _backup(args, lang)
        purged = retention.purge(signed_in(args).id, dry_run=args.dry_run)
        verb = word("would_be_erased" if purged.dry_run else "erased", lang)
        emit(args, purged, render("cli_out_purged", {
            "records": purged.records, "entries": purged.audit_entries, "verb": verb,
            "comments": purged.survey_comments, "bookings": purged.bookings,
            "phones": purged.ticket_contacts,
            "cutoff": purged.cutoff, "days": purged.retention_days}, lang))
    return EXIT_OK


def _size_text(size: int, lang: str) -> str:
    if size < 1024:
        return render("cli_out_bytes", {"count": size}, lang)
    amount = float(size)
    for unit in ("KB", "MB", "GB"):
        amount /= 1024
        if amount < 1024 or unit == "GB":
            break
    return f"{amount:.1f} {unit}"


def _counts_text(counts: dict[str, int]) -> str:
    return "\n".join(f"  {table:<16} {rows:>9}" for table, rows in counts.items())


def _backup(args: argparse.Namespace, lang: str) -> int:
    if args.if_due:  # the office's schedule, run by cron or Task Scheduler: nobody signs in
        made = schedule.run_scheduled_backup()
        if made is None:
            emit(args, {"made": False, "backup": None}, render("cli_out_no_backup_due", {}, lang))
            return EXIT_OK
        result = made
    else:
        result = make.make_backup(args.dest, args.format, by=signed_in(args).id)
    text = render("cli_out_backup_written", {
        "path": result.path, "size": _size_text(result.size, lang),
        "rows": sum(result.counts.values()), "version": result.schema_version,
        "duration": duration_text(result.seconds, lang)}, lang)
    emit(args, {"made": True, "backup": result} if args.if_due else result, text)
    return EXIT_OK


def _check_text(v: verify.BackupCheck, lang: str) -> str:
    state = word("ok" if v.ok else "not_ok", lang)
    known = [word(f"kind_{v.kind}", lang) if f"kind_{v.kind}" in WORDS else v.kind]
    if v.schema_version is not None:
        known.append(render("cli_out_schema", {"version": v.schema_version}, lang))
    known += ([render("cli_out_from", {"backend": v.source_backend}, lang)]
              if v.source_backend else [])
    # A live database has no date. Read without a database, so without the office's
    # time zone: the time is said in UTC.
    if v.made_at:
        made = date_time_text(dt.datetime.fromisoformat(v.made_at).replace(tzinfo=None))
        known.append(render("cli_out_made", {"at": f"{made} UTC"}, lang))
    lines = [render("cli_out_check", {"path": v.path, "state": state,
                                      "known": ", ".join(known)}, lang)]
    lines += [f"  ! {text}" for text in v.messages(lang)]
    if v.counts:
        lines.append(_counts_text(v.counts))
    return "\n".join(lines)


def _restore(args: argparse.Namespace, url: str, lang: str) -> int:
    if args.force:  # replacing an office's data is an admin's act: signed in, role checked
        with office_database(args, migrate=False):
            who = signed_in(args)
            read(lambda: permissions.require(who.id, "restore"))
    # What --force replaces is backed up first; without the copy there is no restore.
    copy = restore.copy_before_restore(url, args.file) if args.force else None
    result = restore.restore(args.file, url, force=args.force)
    moved = (render("cli_out_schema", {"version": result.backup_schema_version}, lang)
             + (render("cli_out_migrated", {"version": result.schema_version}, lang)
                if result.schema_version != result.backup_schema_version else ""))
    emit(args, {**result.to_dict(), "copy_before": copy.path if copy else None},
         (render("cli_out_copy_before", {"path": copy.path}, lang) if copy else "")
         + render("cli_out_restored", {
             "path": result.path, "target": result.target, "moved": moved,
             "rows": sum(result.counts.values()),
             "duration": duration_text(result.seconds, lang),
             "replaced": render("cli_out_replaced", {}, lang) if result.replaced else "",
             "check": _check_text(result.verification, lang)}, lang))
    return EXIT_OK
