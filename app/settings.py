"""Office settings: one typed object, stored in the database and shared by every PC.

What belongs to a single PC (its mode, its counter, its printer) is not here:
the UI keeps that in ``QSettings``.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import time
from dataclasses import dataclass, field

from app import clock
from app.audit import record
from app.db import read, run_in_transaction
from app.errors import InvalidInput, SchemaError
from app.messages import LANGUAGES
from app.models import Officer, Queue, Setting

_CACHE_SECONDS = 30.0


@dataclass(frozen=True)
class OfficeSettings:
    office_name: str = "Kantor Imigrasi"
    timezone: str = clock.DEFAULT_TIMEZONE
    language: str = "id"
    notice_text: str = ""
    # Days a ready passport waits before it is cancelled by regulation.
    collect_by_days: int = 30
    # Pickup queues (code or prefix): a backlog batch, and the regular flow.
    backlog_pickup_queue: str = "backlog"
    regular_pickup_queue: str = "ambil"
    # Signs QR codes; made at first init, never shown. Hex of 32 random bytes.
    signing_secret: str = field(default="", repr=False)

    def signing_keys(self) -> list[bytes]:
        """Keys that verify a code, current first (the first one signs).

        The secret is written by ``init-db``; without it the database is not set up.
        """
        if not self.signing_secret:
            raise SchemaError("schema_missing")
        return [bytes.fromhex(self.signing_secret)]


_FIELDS = {f.name for f in dataclasses.fields(OfficeSettings)}
_cache: tuple[float, OfficeSettings] | None = None


def _load() -> OfficeSettings:
    values = {row.key: json.loads(row.value) for row in Setting.select()
              if row.key in _FIELDS}
    return OfficeSettings(**values)


def get_settings(fresh: bool = False) -> OfficeSettings:
    """The office settings, cached for a few seconds per process."""
    global _cache
    now = time.monotonic()
    if fresh or _cache is None or now - _cache[0] > _CACHE_SECONDS:
        _cache = (now, read(_load))
    return _cache[1]


def invalidate_cache() -> None:
    global _cache
    _cache = None


def ensure_defaults(office_name: str | None = None) -> OfficeSettings:
    """Write any missing setting (and a new signing secret) without touching existing ones."""

    def work() -> None:
        defaults = dataclasses.asdict(OfficeSettings())
        defaults["signing_secret"] = secrets.token_hex(32)
        if office_name:
            defaults["office_name"] = office_name
        rows = [{"key": k, "value": json.dumps(v)} for k, v in defaults.items()]
        Setting.insert_many(rows).on_conflict_ignore().execute()

    run_in_transaction(work)
    invalidate_cache()
    return get_settings()


def _checked(key: str, value: object) -> object:
    """``value`` as stored for ``key``, or InvalidInput."""
    if key not in _FIELDS:
        raise InvalidInput("setting_unknown", key=key)
    bad = InvalidInput("setting_invalid", key=key, value=value)
    if key == "collect_by_days":
        try:
            days = int(str(value))
        except ValueError:
            raise bad from None
        if not 1 <= days <= 365:
            raise bad
        return days
    if key in ("backlog_pickup_queue", "regular_pickup_queue"):
        ref = str(value).strip()
        known = read(lambda: Queue.select().where(
            (Queue.code == ref.lower()) | (Queue.prefix == ref.upper())).exists())
        if not known:
            raise bad
        return ref
    if key == "language" and value not in LANGUAGES:
        raise bad
    if key == "timezone" and not clock.is_known_zone(str(value)):
        raise bad
    return str(value)


def update_settings(officer: Officer | None = None, **changes: object) -> OfficeSettings:
    """Change settings and audit who changed what (the secret's value is never logged)."""
    changes = {key: _checked(key, value) for key, value in changes.items()}

    def work() -> None:
        for key, value in changes.items():
            updated = Setting.update(value=json.dumps(value)).where(Setting.key == key).execute()
            if not updated:
                Setting.insert(key=key, value=json.dumps(value)).execute()
        shown = {k: ("***" if k == "signing_secret" else v) for k, v in changes.items()}
        record("settings_changed", officer=officer, details=shown)

    run_in_transaction(work)
    invalidate_cache()
    return get_settings()
