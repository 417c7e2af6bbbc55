"""The database a command works on: chosen, connected, brought up to date, closed."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import peewee as pw

from app.setup.pc_config import resolve_database_url
from app.storage import migrations
from app.storage.db import connect, redact_url

log = logging.getLogger("loket.cli")


def database_url(args: argparse.Namespace) -> str:
    """``--db``, else ``$LOKET_DB``, else this PC's set-up, else the per-user SQLite file."""
    url = resolve_database_url(args.db)
    log.info("database %s, command %s", redact_url(url), args.command)
    return url


@contextmanager
def office_database(args: argparse.Namespace, *,
                    migrate: bool = True) -> Iterator[tuple[pw.Database, str]]:
    """Connected to the command's database (and its URL), brought up to date unless
    ``migrate`` is off (``init-db`` does that itself); closed afterwards."""
    url = database_url(args)
    db = connect(url)
    try:
        if migrate:
            migrations.ensure_current(db)  # the first PC on a new version migrates, once
        yield db, url
    finally:
        db.close()

