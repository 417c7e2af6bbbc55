"""``loket settings show|set|rotate-key``: the office's settings, shared by every PC.

A setting prints as its key (what ``settings set`` takes), its value in words and, in
brackets, what it is, in the command line's language."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import EXIT_OK, emit, whole_number
from app.cli.connection import office_database
from app.cli.signin import signed_in
from app.errors import InvalidInput
from app.messages.record_words import detail_value, setting_name
from app.office.settings import SECRET_KEYS, rotate_signing_key, shown_settings, update_settings


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    ssub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    ssub.add_parser("show", help="every setting (the signing secret is not shown)")
    sset = ssub.add_parser("set", help="change one setting (signed in with --as; audited)")
    sset.add_argument("key", help="office_name, timezone, language, notice_text, "
                      "collect_by_days, backlog_pickup_queue, regular_pickup_queue, "
                      "priority_pickup_queue (\"\" for none), "
                      "signing_grace_days, retention_days, backup_daily, backup_time, "
                      "backup_folder, backup_keep, requeue_grace_min, "
                      "auto_no_show_after_recalls, notify_url, notify_smtp_host, "
                      "notify_smtp_port, notify_smtp_from, notify_collect_by_days, "
                      "notify_template_passport_ready, notify_template_collect_by_soon, "
                      "notify_near_places (0: off), notify_template_number_near, "
                      "pickup_invite_per_day (0: off)")
    sset.add_argument("value")
    rot = ssub.add_parser("rotate-key", help="sign new QR codes with a new key; codes "
                          "already printed keep verifying for the grace period (audited)")
    rot.add_argument("--grace-days", type=whole_number("--grace-days", 0, 730),
                     help="days old codes stay valid (default: signing_grace_days)")


def run(args: argparse.Namespace) -> int:
    with office_database(args):
        if args.action == "set":
            if args.key in SECRET_KEYS:
                raise InvalidInput("setting_unknown", key=args.key)
            update_settings(signed_in(args).id, **{args.key: args.value})
        elif args.action == "rotate-key":
            rotate_signing_key(signed_in(args).id, args.grace_days)
        shown = shown_settings()
        emit(args, shown, settings_text(shown, args.lang))
    return EXIT_OK


def settings_text(shown: dict[str, Any], lang: str) -> str:
    """Each setting: its key (what ``settings set`` takes), its value and what it is, in
    words."""
    width = max(map(len, shown), default=0)
    lines = []
    for key, value in shown.items():
        name = setting_name(key, lang)
        lines.append(f"{key:<{width}}  {detail_value(value, lang)}"
                     + (f"  · {name}" if name else ""))
    return "\n".join(lines)
