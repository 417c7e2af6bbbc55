"""``loket``: the command line, a thin layer over the same services the windows use.

Exit codes: 0 done; 1 refused by a rule (empty queue, full quota, wrong state);
2 bad usage or input; 3 database unreachable; 4 an internal error (see the log).
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import __version__, logs
from app.backup import make, restore, schedule, verify
from app.errors import DatabaseUnavailable, InvalidInput, LoketError, Refused, SchemaError
from app.messages import render
from app.office import officers, retention
from app.office.settings import SECRET_KEYS, get_settings, rotate_signing_key, update_settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.setup import pc_config
from app.storage import migrations
from app.storage.db import connect, explicit_database_url, redact_url, resolve_database_url
from app.storage.models import PRINTING, READY

log = logging.getLogger("loket.cli")

WINDOW_MODES = {
    "counter": "the counter officer's window: call, serve, scan, hand over",
    "display": "the lobby display: who is served where, calls spoken aloud",
    "kiosk": "the ticket kiosk: take a number, check in for a passport pickup",
    "admin": "the supervisor's window: officers, counters, queues, settings, backlog "
             "import, reports, audit log, backup (supervisors and admins only)",
}

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4


class _Parser(argparse.ArgumentParser):
    """Accepts ``--json`` after the command too (``loket ticket issue A --json``)."""

    def add_subparsers(self, **kwargs: Any) -> Any:
        action = super().add_subparsers(**kwargs)
        add = action.add_parser

        def add_parser(name: str, **kw: Any) -> argparse.ArgumentParser:
            sub = add(name, **kw)
            sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                             help="print one JSON object")
            return sub

        action.add_parser = add_parser  # type: ignore[method-assign]
        return action


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="loket", description="Loket: queues and passport pickup "
                                "for an immigration office's service hall.")
    p.add_argument("--db", metavar="URL", help="database URL (sqlite:///file, "
                   "postgresql://user@host/db, mysql://user@host/db); default: $LOKET_DB, "
                   "else a SQLite file in the user's data directory")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--lang", choices=["id", "en"], help="language of messages (default id)")
    p.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    p.add_argument("--version", action="version", version=f"loket {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=False,
                           parser_class=_Parser)
    setup = sub.add_parser(
        "setup", help="set up this PC: its mode, its database and its counter. Without "
        "--mode, the set-up window (this PC only, or a shared server, with Test "
        "connection); with --mode, from the command line on the database of --db (tested "
        "first; a server's password from the URL, else stdin or a prompt), for setting up "
        "many PCs by script. Without a command, loket starts the mode set up here")
    setup.add_argument("--mode", choices=sorted(WINDOW_MODES),
                       help="what this PC is (set it up without the window)")
    setup.add_argument("--counter", type=int, help="with --mode counter: its number")

    init = sub.add_parser("init-db", help="create or migrate the schema (idempotent)")
    init.add_argument("--demo", action="store_true", help="add the demo office")
    init.add_argument("--office-name", help="office name for a new database")

    demo = sub.add_parser("demo", help="set up the demo office on this database and open "
                          "the lobby display, a kiosk and a counter on it")
    demo.add_argument("--no-window", action="store_true",
                      help="only print the office's status (also without a display)")
    sub.add_parser("status", help="waiting per queue and what each counter serves")
    sub.add_parser("monitor", help="a window with the office status (needs a display)")
    for mode, text in WINDOW_MODES.items():
        window = sub.add_parser(mode, help=text)
        window.add_argument("--windowed", action="store_true",
                            help="a normal window instead of full screen")
    sub.add_parser("housekeeping",
                   help="expire tickets of earlier days, prune the change feed")

    events = sub.add_parser("events", help="the change feed after an event id")
    events.add_argument("--after", type=int, default=0)
    events.add_argument("--limit", type=int, default=100)

    ticket = sub.add_parser("ticket", help="issue, call and serve tickets")
    tsub = ticket.add_subparsers(dest="action", metavar="ACTION", required=True)

    def with_request_id(a: argparse.ArgumentParser) -> argparse.ArgumentParser:
        a.add_argument("--request-id", help="client-made id; repeating it does not act twice")
        return a

    issue = with_request_id(tsub.add_parser("issue", help="take a number in a queue"))
    issue.add_argument("queue", help="queue code or prefix, e.g. A or paspor")

    nxt = with_request_id(tsub.add_parser("call-next", help="call the next ticket"))
    nxt.add_argument("--counter", type=int, required=True)
    nxt.add_argument("--officer", help="username of the officer at the counter")

    call = with_request_id(tsub.add_parser("call", help="call a given waiting ticket"))
    call.add_argument("number")
    call.add_argument("--counter", type=int, required=True)
    call.add_argument("--officer")

    for name, helptext in (("recall", "call the ticket again"),
                           ("start", "the applicant is at the counter"),
                           ("finish", "service done"),
                           ("no-show", "called, nobody came")):
        a = with_request_id(tsub.add_parser(name, help=helptext))
        a.add_argument("number")
        a.add_argument("--counter", type=int, required=True)

    cancel = with_request_id(tsub.add_parser("cancel", help="void a ticket (audited)"))
    cancel.add_argument("number")
    cancel.add_argument("--counter", type=int)
    cancel.add_argument("--officer")
    cancel.add_argument("--reason", default="")

    tr = with_request_id(tsub.add_parser("transfer", help="send to another queue or counter"))
    tr.add_argument("number")
    tr.add_argument("--counter", type=int, help="the counter handing it on")
    tr.add_argument("--officer")
    target = tr.add_argument_group("target (one or both)")
    target.add_argument("--to-queue")
    target.add_argument("--to-counter", type=int)

    show = tsub.add_parser("show", help="one ticket of today")
    show.add_argument("number")
    tcode = tsub.add_parser("code", help="the signed code printed as a QR on a ticket")
    tcode.add_argument("number")

    backlog = sub.add_parser("backlog", help="the list of passports waiting for pickup")
    bsub = backlog.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = bsub.add_parser("import", help="import a CSV list (all or nothing; safe to repeat)")
    imp.add_argument("file", help="CSV file (comma, semicolon or tab separated)")
    imp.add_argument("--batch", help='batch name for every row, e.g. "Backlog PDN Juni 2024"')
    imp.add_argument("--officer", help="username of who imports (for the audit log)")
    imp.add_argument("--dry-run", action="store_true",
                     help="check the file and say what would change, write nothing")
    bsub.add_parser("batches", help="each batch's passports by status (the burn-down)")

    pickup = sub.add_parser("pickup", help="verify, check in and hand over passports")
    psub = pickup.add_subparsers(dest="action", metavar="ACTION", required=True)
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
    ho = with_request_id(psub.add_parser("hand-over", help="record a handover (once)"))
    ho.add_argument("code")
    ho.add_argument("--counter", type=int, required=True)
    ho.add_argument("--officer", required=True, help="username of the officer handing over")
    ho.add_argument("--collector", required=True, choices=["self", "family", "proxy"])
    ho.add_argument("--collector-name", help="required for family and proxy")
    ho.add_argument("--id-checked", action="store_true",
                    help="the collector's original ID was checked (required)")
    undo = psub.add_parser("undo-hand-over", help="undo a handover (supervisor; audited)")
    undo.add_argument("code")
    undo.add_argument("--officer", required=True, help="supervisor's username")
    undo.add_argument("--reason", required=True)
    psub.add_parser("overdue", help="ready passports past their collect-by date")
    cov = psub.add_parser("cancel-overdue", help="cancel overdue passports (supervisor)")
    cov.add_argument("--officer", required=True, help="supervisor's username")

    bk = sub.add_parser("backup", help="write a consistent backup while the counters keep "
                        "working (audited)")
    bk.add_argument("dest", nargs="?", help="a folder (a time-stamped loket-YYYYMMDD-HHMMSS "
                    "file is made there; default: the backup_folder setting) or a new file")
    bk.add_argument("--format", choices=["sqlite", "dump"],
                    help="sqlite: a copy of a SQLite database (its default); dump: the "
                    "portable Loket dump, restorable into any backend (a server's default)")
    bk.add_argument("--if-due", action="store_true",
                    help="make the daily backup only if it is due, into the backup_folder "
                    "setting, keeping backup_keep files (for cron or Windows Task Scheduler); "
                    "exit 0 when nothing was due")
    bk.add_argument("--officer", help="who makes it (for the audit log)")
    rs = sub.add_parser("restore", help="restore a backup into the database of --db, "
                        "$LOKET_DB or this PC's set-up (stop every counter first); prints the "
                        "check of the result")
    rs.add_argument("file", help="a .sqlite3 backup or a .loketdump.gz dump")
    rs.add_argument("--force", action="store_true",
                    help="replace a database that already holds tickets, officers or passports "
                    "(it is backed up first, into the backup folder)")
    vb = sub.add_parser("verify-backup", help="check a backup file without restoring it "
                        "(no database needed)")
    vb.add_argument("file")
    pg = sub.add_parser("purge", help="erase names and passport numbers of passports collected "
                        "or cancelled more than retention_days ago (UU PDP 27/2022; audited)")
    pg.add_argument("--dry-run", action="store_true",
                    help="only say how many records would be erased")
    pg.add_argument("--officer", help="the admin who purges (checked; default: this "
                    "machine's operator)")

    sett = sub.add_parser("settings", help="office settings shared by every PC")
    ssub = sett.add_subparsers(dest="action", metavar="ACTION", required=True)
    ssub.add_parser("show", help="every setting (the signing secret is not shown)")
    sset = ssub.add_parser("set", help="change one setting (audited)")
    sset.add_argument("key", help="office_name, timezone, language, notice_text, "
                      "collect_by_days, backlog_pickup_queue, regular_pickup_queue, "
                      "signing_grace_days, retention_days, backup_daily, backup_time, "
                      "backup_folder, backup_keep")
    sset.add_argument("value")
    sset.add_argument("--officer", help="who changes it (for the audit log)")
    rot = ssub.add_parser("rotate-key", help="sign new QR codes with a new key; codes "
                          "already printed keep verifying for the grace period (audited)")
    rot.add_argument("--grace-days", type=int,
                     help="days old codes stay valid (default: signing_grace_days)")
    rot.add_argument("--officer", help="who rotates it (for the audit log)")

    pc = sub.add_parser("pc", help="this PC's own settings: its counter, language, "
                        "ticket printer, paper width, English calls (no database needed)")
    psub = pc.add_subparsers(dest="action", metavar="ACTION", required=True)
    psub.add_parser("show", help="this PC's settings")
    psub.add_parser("printers", help="the printers this PC can print tickets on")
    pset = psub.add_parser("set", help="change one of this PC's settings")
    pset.add_argument("key", help="counter, language (id|en), printer (a printer's name, "
                      "pdf:FOLDER, or '' for an on-screen ticket), paper_mm (58|80), "
                      "speak_english (on|off)")
    pset.add_argument("value")

    officer = sub.add_parser("officer", help="officer accounts")
    osub = officer.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = osub.add_parser("add", help="add an officer; password from stdin or a prompt")
    add.add_argument("username")
    add.add_argument("--role", default="officer", help="officer, supervisor or admin")
    add.add_argument("--name", default="", help="full name")
    osub.add_parser("list", help="all officers")
    return p


# --- output --------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """JSON fallback: the core's result dataclasses become objects."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(data, default=_plain, ensure_ascii=False, sort_keys=True))
    else:
        print(text)


def _ticket_line(t: engine.TicketView) -> str:
    where = f" loket {t.counter}" if t.counter else ""
    return f"{t.number}  {t.service_queue}  {t.status}{where}"


def _status_text(s: engine.OfficeStatus, lang: str) -> str:
    lines = [f"{s.service_day}", ""]
    for q in s.queues:
        wait = f"{q.longest_wait_s // 60} min" if q.longest_wait_s is not None else "-"
        name = q.name_en if lang == "en" else q.name_id
        closed = "" if q.active else " (closed)"
        lines.append(f"  {q.prefix}  {name:<32} {q.waiting:>4} waiting   longest {wait:>7}"
                     f"   issued {q.issued_today}{closed}")
    lines.append("")
    for c in s.counters:
        now = f"{c.ticket.number} ({c.ticket.status})" if c.ticket else "-"
        lines.append(f"  {c.number:>2}  {c.name:<24} {now:<18} {', '.join(c.queues)}")
    return "\n".join(lines)


def _read_password(prompt_twice: bool = True) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if prompt_twice and getpass.getpass("Again: ") != first:
        raise InvalidInput("login_failed")
    return first


# --- commands ----------------------------------------------------------------------


def _officer_id(username: str | None) -> int | None:
    return officers.get_officer(username).id if username else None


def _run(args: argparse.Namespace) -> int:
    lang = args.lang or "id"
    if args.command == "pc":  # this PC's own settings: no database involved
        return _pc_command(args)
    if args.command == "verify-backup":  # a file only
        return _verify_backup_command(args, lang)
    if args.command == "setup" and args.mode:
        return _setup_command(args)
    if args.command is None or args.command == "setup" or args.command in WINDOW_MODES:
        return _open_pc(args)
    wants_demo = args.command == "demo" or (args.command == "init-db" and args.demo)
    if wants_demo and explicit_database_url(args.db) is None and pc_config.exists():
        # Made-up tickets and passports must never reach an office's database.
        raise InvalidInput("demo_on_office_pc", path=str(pc_config.config_path()))
    url = resolve_database_url(args.db)
    log.info("database %s, command %s", redact_url(url), args.command)
    if args.command == "restore":  # the target may be empty: no schema check, own connection
        return _restore_command(args, url, lang)
    db = connect(url)
    try:
        if args.command == "init-db":
            from app.setup.schema import init_database

            result = init_database(db, demo=args.demo, office_name=args.office_name)
            _emit(args, {**result, "database": redact_url(url)},
                  f"schema version {result['schema_version']} ready at {redact_url(url)}"
                  + (" (demo office created)" if result["demo_created"] else ""))
            return EXIT_OK
        if args.command == "demo":
            from app.setup.demo_history import seed_history
            from app.setup.schema import init_database

            init_database(db, demo=True)
            seed_history()  # two weeks behind it, for the reports (once)
            engine.close_previous_days()
            status = engine.office_status()
            _emit(args, status, f"Loket demo at {redact_url(url)}\n" + _status_text(status, lang))
            if args.no_window or args.json or not _has_display():
                return EXIT_OK
            return _open_window("hall")

        migrations.ensure_current(db)  # the first PC on a new version migrates, once
        if args.command == "monitor":
            return _open_window("monitor")
        if args.command == "status":
            status = engine.office_status()
            _emit(args, status, _status_text(status, lang))
        elif args.command == "housekeeping":
            expired = engine.close_previous_days()
            pruned = engine.prune()
            _emit(args, {"expired": expired, "pruned": pruned},
                  f"expired {expired} old tickets, pruned {pruned} feed rows")
        elif args.command == "events":
            evs = engine.changes_since(args.after, args.limit)
            _emit(args, {"events": evs},
                  "\n".join(f"{e.id} {e.at} {e.kind} {e.number or ''} {e.counter or ''}"
                            for e in evs))
        elif args.command == "ticket" and args.action == "code":
            code = engine.ticket_code(args.number)
            _emit(args, {"number": args.number.strip().upper(), "code": code}, code)
        elif args.command == "ticket":
            t = _ticket_command(args)
            _emit(args, t, _ticket_line(t))
        elif args.command == "backlog":
            return _backlog_command(args)
        elif args.command == "pickup":
            return _pickup_command(args, lang)
        elif args.command == "backup":
            return _backup_command(args)
        elif args.command == "purge":
            purged = retention.purge(_officer_id(args.officer), dry_run=args.dry_run)
            verb = "would be erased" if purged.dry_run else "erased"
            _emit(args, purged, f"{purged.records} passports and {purged.audit_entries} audit "
                  f"entries {verb} (collected or cancelled before {purged.cutoff}; "
                  f"retention {purged.retention_days} days)")
        elif args.command == "settings":
            who = officers.get_officer(args.officer) if getattr(args, "officer", None) else None
            if args.action == "set":
                if args.key in SECRET_KEYS:
                    raise InvalidInput("setting_unknown", key=args.key)
                update_settings(who, **{args.key: args.value})
            elif args.action == "rotate-key":
                rotate_signing_key(who, args.grace_days, check_role=False)
            shown = get_settings(fresh=True).public()
            _emit(args, shown, "\n".join(f"{k:<22} {v}" for k, v in shown.items()))
        elif args.command == "officer":
            if args.action == "add":
                o = officers.add_officer(args.username, _read_password(), role=args.role,
                                         full_name=args.name)
                _emit(args, o, f"{o.username} ({o.role}) added")
            else:
                people = officers.list_officers()
                _emit(args, {"officers": people},
                      "\n".join(f"{o.username:<16} {o.role:<10} "
                                f"{'' if o.active else '(inactive) '}{o.full_name}"
                                for o in people))
        return EXIT_OK
    finally:
        db.close()


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


def _backup_command(args: argparse.Namespace) -> int:
    by = _officer_id(args.officer)
    if args.if_due:
        made = schedule.run_scheduled_backup()
        if made is None:
            _emit(args, {"made": False, "backup": None}, "no backup due")
            return EXIT_OK
        result = made
    else:
        result = make.make_backup(args.dest, args.format, by=by)
    text = (f"backup written: {result.path}\n  {_size_text(result.size)}, "
            f"{sum(result.counts.values())} rows, schema version {result.schema_version}, "
            f"{result.seconds:.2f} s")
    _emit(args, {"made": True, "backup": result} if args.if_due else result, text)
    return EXIT_OK


def _verification_text(v: verify.BackupCheck, lang: str) -> str:
    state = "OK" if v.ok else "NOT OK"
    known = [v.kind, f"schema version {v.schema_version}"]
    known += [f"from {v.source_backend}"] if v.source_backend else []
    known += [f"made {v.made_at}"] if v.made_at else []  # a live database has no date
    lines = [f"{v.path}: {state} ({', '.join(known)})"]
    lines += [f"  ! {text}" for text in v.messages(lang)]
    if v.counts:
        lines.append(_counts_text(v.counts))
    return "\n".join(lines)


def _verify_backup_command(args: argparse.Namespace, lang: str) -> int:
    result = verify.verify_backup(args.file)
    _emit(args, result.to_dict(), _verification_text(result, lang))
    return EXIT_OK if result.ok else EXIT_REFUSED


def _restore_command(args: argparse.Namespace, url: str, lang: str) -> int:
    # What --force replaces is backed up first; without the copy there is no restore.
    copy = restore.copy_before_restore(url, args.file) if args.force else None
    result = restore.restore(args.file, url, force=args.force)
    moved = (f"schema version {result.backup_schema_version}"
             + (f" migrated to {result.schema_version}"
                if result.schema_version != result.backup_schema_version else ""))
    _emit(args, {**result.to_dict(), "copy_before": copy.path if copy else None},
          (f"the database as it was is saved in {copy.path}\n" if copy else "")
          + f"restored {result.path} into {result.target} ({moved}, "
          f"{sum(result.counts.values())} rows, {result.seconds:.2f} s"
          + (", the previous data replaced" if result.replaced else "") + ")\n"
          + "check of the restored database: " + _verification_text(result.verification, lang))
    return EXIT_OK


def _pc_command(args: argparse.Namespace) -> int:
    """Handed to the Qt layer by name: the settings live in Qt's per-user store."""
    import importlib

    pc_settings = importlib.import_module("ui.setup.pc_settings")
    shown = pc_settings.run_command(args.action, getattr(args, "key", None),
                                    getattr(args, "value", None))
    if args.action == "printers":
        text = "\n".join(shown["printers"]) or "(no printer)"
    else:
        text = "\n".join(f"{k:<14} {'' if v is None else v}" for k, v in shown.items())
    _emit(args, shown, text)
    return EXIT_OK


def _setup_command(args: argparse.Namespace) -> int:
    """``loket setup --mode …``: the set-up window's result, from a script.

    The database must already hold Loket's office (the window, or ``init-db``, makes a
    new one); it is tested as Test connection tests it, and nothing is saved when it
    fails.
    """
    from dataclasses import replace

    from app.setup import connection_check

    if args.mode == "counter" and not args.counter:
        raise InvalidInput("setup_counter_missing")
    choice = pc_config.choice_from_url(resolve_database_url(args.db))
    if choice.is_server and not choice.password:
        choice = replace(choice, password=_read_password(prompt_twice=False))
    report = connection_check.check(choice)
    if not report.ok:
        assert report.problem is not None
        raise DatabaseUnavailable(report.problem, **report.params)
    if report.state in (connection_check.EMPTY, connection_check.FOREIGN):
        raise Refused("setup_no_office" if report.state == connection_check.EMPTY
                      else "connection_state_foreign", tables=report.foreign_tables)
    if report.state == connection_check.NEWER:
        raise SchemaError("schema_too_new", found=report.schema_version,
                          known=report.head_version)
    if args.mode == "counter" and args.counter not in {n for n, _ in report.counters}:
        raise Refused("counter_unknown", counter=args.counter)
    saved = pc_config.save(pc_config.PcConfig(mode=args.mode, database=choice))
    if args.mode == "counter":
        import importlib

        importlib.import_module("ui.setup.pc_settings").run_command(
            "set", "counter", str(args.counter))
    where = {"keyring": "in the system's password store",
             "file": f"in {pc_config.config_path()} (readable by this user only)",
             "none": ""}[saved.password_store]
    _emit(args, {"mode": args.mode, "counter": args.counter, "database": choice.describe(),
                 "password_store": saved.password_store,
                 "config": str(pc_config.config_path()), "server": report.server},
          f"this PC: {args.mode}" + (f" {args.counter}" if args.mode == "counter" else "")
          + f" on {choice.describe()} ({report.server})"
          + (f"; password {where}" if where else "")
          + f"\nsaved in {pc_config.config_path()}")
    return EXIT_OK


def _open_pc(args: argparse.Namespace) -> int:
    """``loket``, ``loket setup`` and the window modes: the Qt layer (imported by name)
    runs the set-up wizard where needed, opens the database, then the mode."""
    import importlib

    if args.command in (None, "setup") and not _has_display():
        if args.command is None and pc_config.exists():
            raise InvalidInput("display_missing")
        raise InvalidInput("pc_config_missing")
    first_run = importlib.import_module("ui.setup.first_run")
    mode = args.command if args.command in WINDOW_MODES else None
    return int(first_run.run(mode, windowed=getattr(args, "windowed", False),
                             force_setup=args.command == "setup",
                             explicit_url=explicit_database_url(args.db)))


def _has_display() -> bool:
    """Whether windows can be shown here (a desktop session)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY"))


def _open_window(mode: str, *, windowed: bool = False) -> int:
    """Hand a window mode to the Qt layer, imported by name (app/ never imports Qt)."""
    import importlib

    launcher = importlib.import_module("ui.launch")
    return int(launcher.run(mode, windowed=windowed))


def _ticket_command(args: argparse.Namespace) -> engine.TicketView:
    rid = getattr(args, "request_id", None)
    simple: dict[str, Callable[..., engine.TicketView]] = {
        "recall": engine.recall, "start": engine.start_serving,
        "finish": engine.finish, "no-show": engine.no_show,
    }
    if args.action == "issue":
        return engine.issue_ticket(args.queue, request_id=rid)
    if args.action == "call-next":
        return engine.call_next(args.counter, _officer_id(args.officer), request_id=rid)
    if args.action == "call":
        if args.number.strip().upper().startswith("LK"):  # a scanned ticket QR
            return engine.call_scanned(args.number, args.counter, _officer_id(args.officer),
                                       request_id=rid)
        return engine.call_ticket(args.number, args.counter, _officer_id(args.officer),
                                  request_id=rid)
    if args.action in simple:
        return simple[args.action](args.number, args.counter, request_id=rid)
    if args.action == "cancel":
        return engine.cancel(args.number, args.counter, _officer_id(args.officer),
                             reason=args.reason, request_id=rid)
    if args.action == "transfer":
        return engine.transfer(args.number, args.counter, to_queue=args.to_queue,
                               to_counter=args.to_counter,
                               officer=_officer_id(args.officer), request_id=rid)
    return engine.get_ticket(args.number)


def _read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(backlog.MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidInput("import_unreadable", reason=exc.strerror or str(exc)) from None


def _backlog_command(args: argparse.Namespace) -> int:
    if args.action == "batches":
        rows = pickup.batches()
        head = (f"{'batch':<32} {'total':>6} {'printing':>8} {'ready':>6} {'overdue':>7} "
                f"{'collected':>9} {'cancelled':>9}")
        _emit(args, {"batches": rows}, "\n".join([head] + [
            f"{(b.batch or '(regular)')[:32]:<32} {b.total:>6} {b.printing:>8} {b.ready:>6} "
            f"{b.overdue:>7} {b.collected:>9} {b.cancelled:>9}" for b in rows]))
        return EXIT_OK
    summary = backlog.import_backlog(_read_file(args.file), batch=args.batch,
                                     officer=_officer_id(args.officer), source=args.file,
                                     dry_run=args.dry_run)
    verb = "would be" if summary.dry_run else ""
    _emit(args, summary,
          f"{summary.rows} rows: {summary.created} created, {summary.updated} updated, "
          f"{summary.unchanged} unchanged, {summary.closed} already collected or cancelled"
          + (f" ({verb} — nothing written)" if verb else ""))
    return EXIT_OK


def _pickup_line(v: pickup.PickupView) -> str:
    due = f" collect by {v.collect_by}" if v.collect_by else ""
    late = " OVERDUE" if v.overdue else ""
    return f"{v.application_no}  {v.status}{late}  {v.location or '-'}  {v.batch or '-'}{due}"


def _pickup_command(args: argparse.Namespace, lang: str) -> int:
    action = args.action
    rid = getattr(args, "request_id", None)
    if action == "code":
        code = pickup.code_for(args.application_no)
        _emit(args, {"application_no": args.application_no.strip().upper(), "code": code},
              code)
    elif action == "slips":
        from app.pickup import slips

        statuses = {"ready": [READY], "printing": [PRINTING],
                    "all-open": [PRINTING, READY]}[args.status]
        items = pickup.slips_for(args.batch, statuses)
        office = get_settings()
        written = slips.save_slips(items, office.office_name, office.collect_by_days,
                                   Path(args.out))
        _emit(args, {"slips": len(items), "files": [str(p) for p in written]},
              f"{len(items)} slips written to {', '.join(str(p) for p in written)}")
    elif action == "verify":
        result = pickup.verify(args.code, lang)
        text = ("valid" if result.valid else "INVALID") + (
            "" if result.verified or not result.valid else " (not verified)")
        if result.record:
            text += "\n" + _pickup_line(result.record)
        if result.message:
            text += "\n" + result.message
        _emit(args, result.to_dict(), text)
        return EXIT_OK if result.valid and result.reason is None else EXIT_REFUSED
    elif action == "show":
        view, signed = pickup.details(args.code)
        warn = "" if signed else "\n" + render("pickup_not_verified", {}, lang)
        _emit(args, {**view.to_dict(), "scan_verified": signed},
              f"{_pickup_line(view)}\n{view.name}  {view.passport_no}{warn}")
    elif action == "check-in":
        ci = pickup.check_in(args.code, request_id=rid)
        _emit(args, ci.to_dict(), f"{ci.ticket.number}  {ci.ticket.service_queue}"
              + ("" if ci.created else "  (already checked in)"))
    elif action == "hand-over":
        done = pickup.hand_over(args.code, args.counter, args.officer, args.collector,
                                args.collector_name, args.id_checked, request_id=rid)
        _emit(args, done.to_dict(), f"{done.record.application_no} handed over"
              + (f"; {done.ticket.number} finished" if done.ticket else ""))
    elif action == "undo-hand-over":
        view = pickup.undo_hand_over(args.code, args.officer, args.reason)
        _emit(args, view.to_dict(), f"{view.application_no} back to {view.status}")
    elif action == "overdue":
        late = pickup.overdue()
        _emit(args, {"overdue": [v.public() for v in late]},
              "\n".join(_pickup_line(v) for v in late) or "-")
    elif action == "cancel-overdue":
        numbers = pickup.cancel_overdue(args.officer)
        _emit(args, {"cancelled": numbers}, f"{len(numbers)} overdue passports cancelled")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "backup" and args.if_due and (args.dest or args.format):
        parser.error("--if-due writes into the backup_folder setting in its default format; "
                     "leave out DEST and --format")
    logs.configure(args.verbose)
    lang = args.lang
    try:
        return _run(args)
    except Refused as exc:
        return _fail(args, exc, exc.message(lang), EXIT_REFUSED)
    except (InvalidInput, SchemaError) as exc:
        return _fail(args, exc, exc.message(lang), EXIT_USAGE)
    except DatabaseUnavailable as exc:
        return _fail(args, exc, exc.message(lang), EXIT_UNREACHABLE)
    except LoketError as exc:
        return _fail(args, exc, exc.message(lang), EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``loket status | head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # a bug: the officer gets one line, the log the traceback
        log.exception("internal error")
        where = logs.log_file()
        text = render("internal_error", {"log": where}, lang)
        return _fail(args, exc, text, EXIT_INTERNAL)


def _fail(args: argparse.Namespace, exc: BaseException, text: str, code: int) -> int:
    log.info("exit %d: %s", code, text)
    lines = exc.lines(args.lang) if isinstance(exc, backlog.ImportRejected) else []
    if args.json:
        out: dict[str, Any] = {"error": getattr(exc, "code", "internal_error"),
                               "message": text, "exit": code}
        if isinstance(exc, backlog.ImportRejected):
            out["problems"] = [{"line": p.line, "reason": p.code, "message": p.message(args.lang)}
                               for p in exc.problems]
        print(json.dumps(out, ensure_ascii=False))
    print(f"loket: {text}", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    return code
