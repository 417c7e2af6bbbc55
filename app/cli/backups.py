"""``loket backup``, ``restore``, ``verify-backup`` and ``purge``: the office's data kept
safe, and personal data erased when its time is up."""

from __future__ import annotations

import argparse

from app.backup import make, restore, schedule, verify
from app.cli.common import EXIT_OK, EXIT_REFUSED, emit
from app.cli.connection import database_url, office_database
from app.cli.signin import signed_in
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


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.command == "backup" and args.if_due and (args.dest or args.format):
        parser.error("--if-due writes into the backup_folder setting in its default format; "
                     "leave out DEST and --format")


def run(args: argparse.Namespace) -> int:
    lang = args.lang or "id"
    if args.command == "verify-backup":  # a file only
        result = verify.verify_backup(args.file)
        emit(args, result.to_dict(), _check_text(result, lang))
        return EXIT_OK if result.ok else EXIT_REFUSED
    if args.command == "restore":  # the target may be empty: no schema check, own connection
        return _restore(args, database_url(args), lang)
    with office_database(args):
        if args.command == "backup":
            return _backup(args)
        purged = retention.purge(signed_in(args).id, dry_run=args.dry_run)
        verb = "would be erased" if purged.dry_run else "erased"
        emit(args, purged, f"{purged.records} passports, {purged.audit_entries} audit "
             f"entries and {purged.survey_comments} survey comments {verb} (collected or "
             f"cancelled before {purged.cutoff}; "
             f"retention {purged.retention_days} days)")
    return EXIT_OK


def _size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    amount = float(size)
    for unit in ("KB", "MB", "GB"):
        amount /= 1024
        if amount < 1024 or unit == "GB":
            break
    return f"{amount:.1f} {unit}"


def _counts_text(counts: dict[str, int]) -> str:
    return "\n".join(f"  {table:<16} {rows:>9}" for table, rows in counts.items())


def _backup(args: argparse.Namespace) -> int:
    if args.if_due:  # the office's schedule, run by cron or Task Scheduler: nobody signs in
        made = schedule.run_scheduled_backup()
        if made is None:
            emit(args, {"made": False, "backup": None}, "no backup due")
            return EXIT_OK
        result = made
    else:
        result = make.make_backup(args.dest, args.format, by=signed_in(args).id)
    text = (f"backup written: {result.path}\n  {_size_text(result.size)}, "
            f"{sum(result.counts.values())} rows, schema version {result.schema_version}, "
            f"{result.seconds:.2f} s")
    emit(args, {"made": True, "backup": result} if args.if_due else result, text)
    return EXIT_OK


def _check_text(v: verify.BackupCheck, lang: str) -> str:
    state = "OK" if v.ok else "NOT OK"
    known = [v.kind, f"schema version {v.schema_version}"]
    known += [f"from {v.source_backend}"] if v.source_backend else []
    known += [f"made {v.made_at}"] if v.made_at else []  # a live database has no date
    lines = [f"{v.path}: {state} ({', '.join(known)})"]
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
    moved = (f"schema version {result.backup_schema_version}"
             + (f" migrated to {result.schema_version}"
                if result.schema_version != result.backup_schema_version else ""))
    emit(args, {**result.to_dict(), "copy_before": copy.path if copy else None},
         (f"the database as it was is saved in {copy.path}\n" if copy else "")
         + f"restored {result.path} into {result.target} ({moved}, "
         f"{sum(result.counts.values())} rows, {result.seconds:.2f} s"
         + (", the previous data replaced" if result.replaced else "") + ")\n"
         + "check of the restored database: " + _check_text(result.verification, lang))
    return EXIT_OK
