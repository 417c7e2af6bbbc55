"""Office settings: one typed object, stored in the database and shared by every PC.

The QR signing keys are not among them: they live in a table of their own
(``signing_key``), read by :func:`signing_keys` only where codes are signed or
checked, so the lobby display's login, which reads the settings, cannot read them.

What belongs to a single PC (its mode, its counter, its printer) is not here: it is
in that PC's ``loket.ini`` (:mod:`app.setup.pc_config`, :mod:`app.setup.pc_settings`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import secrets
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from app import clock, codes, feed
from app.errors import InvalidInput, SchemaError
from app.messages import LANGUAGES
from app.office import permissions
from app.office.audit import record
from app.storage import json_text, logins
from app.storage.db import DATABASE_ERRORS, database
from app.storage.models import Officer, Queue, Setting, SigningKey
from app.storage.transactions import read, run_in_transaction

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
    # The pickup queue (code or prefix, kind pickup, priority above 0) that elderly,
    # disabled and pregnant applicants join at check-in; "" (default): no priority route.
    priority_pickup_queue: str = ""
    # Days a key retired by a rotation keeps verifying (see :class:`SigningKeys`).
    signing_grace_days: int = 60
    # UU PDP 27/2022: personal fields of collected or cancelled pickup records are
    # erased this many days after the handover or cancellation (``loket purge``).
    retention_days: int = 180
    # Daily backup: where (empty: the user's data folder), when (office time), how many kept.
    backup_daily: bool = True
    backup_time: str = "18:00"
    backup_folder: str = ""
    backup_keep: int = 14
    # A no-show ticket may be put back in line this many minutes after it was marked
    # (a late applicant keeps their number); 0 turns it off.
    requeue_grace_min: int = 30
    # After this many unanswered recalls, the next recall marks the ticket no-show; 0: off.
    auto_no_show_after_recalls: int = 0
    # M-Paspor bookings: how many minutes before its slot a booking may check in at the
    # kiosk, and how many after; outside that, the applicant is told what to do.
    booking_early_min: int = 60
    booking_late_min: int = 30
    # The satisfaction survey (SKM, :mod:`app.office.survey`): the nine elements
    # (``full``) or the office's short form (``short``), and how many hours after its
    # ticket was finished an applicant may still answer.
    survey_form: str = "full"
    survey_hours: int = 24
    # Telling applicants (app.notify): a text-message gateway taking a JSON POST, and/or
    # an SMTP server for e-mail addresses; empty: not sent. Where personal data goes,
    # so an admin's to change.
    notify_url: str = ""
    notify_smtp_host: str = ""
    notify_smtp_port: int = 25
    notify_smtp_from: str = ""
    # A reminder this many days before the collect-by date.
    notify_collect_by_days: int = 3
    # The office's own wording of each message (empty: the program's, in ``language``).
    notify_template_passport_ready: str = ""
    notify_template_collect_by_soon: str = ""
    # A walk-in who left a phone at the kiosk is told when this many tickets or fewer
    # wait before theirs (``number_near``); 0 turns the offer and the notice off.
    notify_near_places: int = 3
    notify_template_number_near: str = ""
    # A "ready" message invites its holder on one pickup day, each day taking at most
    # this many invitations (app.notify.invitations); 0: no day is named.
    pickup_invite_per_day: int = 0
    # This database's own name, made once by init-db and never changed (kept by a
    # backup and its restore): what a PC's audit outbox was meant for.
    database_id: str = ""

    def public(self) -> dict[str, Any]:
        """Every setting a person may read (the keys are not among them)."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class SigningKeys:
    """The QR signing keys as stored in ``signing_key`` (never shown, never audited)."""

    # Signs QR codes; made at first init. Hex of 32 random bytes.
    signing_secret: str = field(default="", repr=False)
    # Keys retired by a rotation, each {"secret", "retired_on", "valid_until"}: codes
    # printed under them keep verifying until ``valid_until`` (the grace period), so
    # slips already in applicants' hands are not invalidated overnight.
    previous_signing_keys: tuple[dict[str, str], ...] = field(default=(), repr=False)

    def verifying(self, today: dt.date) -> list[bytes]:
        """Keys that verify a code on ``today``, current first (the first one signs).

        A retired key verifies until its ``valid_until`` day (inclusive, office date).
        The secret is written by ``init-db``; without it the database is not set up.
        """
        if not self.signing_secret:
            raise SchemaError("schema_missing")
        keys = [bytes.fromhex(self.signing_secret)]
        for old in self.previous_signing_keys:
            if dt.date.fromisoformat(old["valid_until"]) >= today:
                keys.append(bytes.fromhex(old["secret"]))
        return keys

    def retired(self) -> list[dict[str, str]]:
        """Each retired key's dates, without the key."""
        return [{"retired_on": k["retired_on"], "valid_until": k["valid_until"]}
                for k in self.previous_signing_keys]


PRIORITY_PICKUP = "priority_pickup_queue"
_FIELDS = {f.name for f in dataclasses.fields(OfficeSettings)}
# The rows of ``signing_key``: written only by init-db and rotate_signing_key, never by
# update_settings, never shown.
SECRET_KEYS = frozenset(f.name for f in dataclasses.fields(SigningKeys))
# Written once by init-db, never by update_settings; shown.
FIXED_KEYS = frozenset({"database_id"})
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# The lowest role that may change each setting (see app.office.permissions).
SECURITY_KEYS = frozenset({"signing_grace_days", "retention_days", "backup_daily",
                           "backup_time", "backup_folder", "backup_keep", "timezone",
                           "notify_url", "notify_smtp_host", "notify_smtp_port",
                           "notify_smtp_from"})
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_HOST = re.compile(r"^[A-Za-z0-9.:\[\]-]{1,253}$")
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_cache: tuple[float, OfficeSettings] | None = None
_keys_cache: tuple[float, SigningKeys] | None = None
_seen_database_id = ""  # of the database this program last read its settings from


def _load() -> OfficeSettings:
    values = {row.key: json_text.loads(row.value) for row in Setting.select()
              if row.key in _FIELDS}
    return OfficeSettings(**values)


def _load_keys() -> SigningKeys:
    values = {row.key: json_text.loads(row.value) for row in SigningKey.select()
              if row.key in SECRET_KEYS}
    return SigningKeys(str(values.get("signing_secret", "")),
                       tuple(values.get("previous_signing_keys", ())))


def get_settings(fresh: bool = False) -> OfficeSettings:
    """The office settings, cached for a few seconds per process."""
    global _cache, _seen_database_id
    now = time.monotonic()
    if fresh or _cache is None or now - _cache[0] > _CACHE_SECONDS:
        _cache = (now, read(_load))
        _seen_database_id = _cache[1].database_id
    return _cache[1]


def stored_keys(fresh: bool = False) -> SigningKeys:
    """The signing keys, cached like the settings. Read only by what signs or checks a
    code (a kiosk, a counter, the admin's PC): the display's login may not."""
    global _keys_cache
    now = time.monotonic()
    if fresh or _keys_cache is None or now - _keys_cache[0] > _CACHE_SECONDS:
        _keys_cache = (now, read(_load_keys))
    return _keys_cache[1]


def signing_keys(today: dt.date | None = None, fresh: bool = False) -> list[bytes]:
    """Keys that verify a code on ``today`` (default: the office's date), current first:
    the first one signs (:meth:`SigningKeys.verifying`)."""
    keys = stored_keys(fresh)
    return keys.verifying(today or clock.service_day(get_settings().timezone))


def shown_settings() -> dict[str, Any]:
    """Every setting a person may read, as stored now, and until when each retired key
    still verifies (no key material). A login refused the keys (the lobby display's)
    is shown the settings alone."""
    shown = get_settings(fresh=True).public()
    try:
        shown["previous_signing_keys"] = stored_keys(fresh=True).retired()
    except DATABASE_ERRORS as exc:
        if not logins.is_denied(exc):
            raise
        database.obj.rollback()  # PostgreSQL: the refused statement ended the transaction
    return shown


def seen_database_id() -> str:
    """The ``database_id`` of the database this program last read its settings from,
    also while that database cannot be reached; "" before the first read (or of a
    database made before the setting existed and not upgraded since)."""
    return _seen_database_id


def parse_code(raw: str | bytes) -> codes.Scan:
    """Classify a scan against the office's signing keys.

    Keys are cached per process, so a key rotated on another PC in the last few
    seconds is not yet known here: a code that fails only its signature is checked
    once more against the keys as stored now, so a fresh slip is never called forged.
    """
    scan = codes.parse(raw, signing_keys())
    if scan.reason == codes.BAD_SIGNATURE:
        scan = codes.parse(raw, signing_keys(fresh=True))
    return scan


SETTINGS_CHANGED = "settings_changed"


def _announce(keys: list[str]) -> None:
    """Tell the other PCs, through the change feed, to read the settings again (which
    keys, never values). Inside the change's transaction."""

    feed.emit_event(SETTINGS_CHANGED, keys=keys)


def office_today() -> dt.date:
    """The office's local date now: the service day (see :mod:`app.clock`)."""
    return clock.service_day(get_settings().timezone)


def invalidate_cache() -> None:
    """Read the settings and the signing keys afresh next time."""
    global _cache, _keys_cache
    _cache = _keys_cache = None


def ensure_defaults(office_name: str | None = None) -> OfficeSettings:
    """Write any missing setting (and a new signing secret) without touching existing ones."""

    def work() -> None:
        defaults = dataclasses.asdict(OfficeSettings())
        defaults["database_id"] = uuid.uuid4().hex
        if office_name:
            defaults["office_name"] = office_name
        rows = [{"key": k, "value": json_text.dumps(v)} for k, v in defaults.items()]
        Setting.insert_many(rows).on_conflict_ignore().execute()
        keys = {"signing_secret": secrets.token_hex(32), "previous_signing_keys": []}
        SigningKey.insert_many([{"key": k, "value": json_text.dumps(v)}
                                for k, v in keys.items()]).on_conflict_ignore().execute()

    run_in_transaction(work)
    invalidate_cache()
    return get_settings()


def _checked(key: str, value: object) -> object:
    """``value`` as stored for ``key``, or InvalidInput."""
    if key not in _FIELDS or key in SECRET_KEYS or key in FIXED_KEYS:
        # The signing keys change only by rotation (admin, audited, with a grace period).
        raise InvalidInput("setting_unknown", key=key)
    bad = InvalidInput("setting_invalid", key=key, value=value)
    if key in _NUMBER_RANGES:
        low, high = _NUMBER_RANGES[key]
        try:
            number = int(str(value).strip())
        except ValueError:
            raise bad from None
        if not low <= number <= high:
            raise bad
        return number
    if key == "backup_daily":
        text = str(value).strip().lower()
        if text in ("1", "true", "on", "yes", "ya"):
            return True
        if text in ("0", "false", "off", "no", "tidak"):
            return False
        raise bad
    if key == "backup_time":
        if not _TIME.match(str(value).strip()):
            raise bad
        return str(value).strip()
    if key in ("office_name", "notice_text"):
        text = str(value).strip() if key == "office_name" else (
            str(value).replace("\r\n", "\n").replace("\r", "\n"))
        limit = OFFICE_NAME_MAX if key == "office_name" else NOTICE_MAX
        # The notice may have several lines (the display runs them into one).
        allowed = "\n" if key == "notice_text" else ""
        if (key == "office_name" and not text) or len(text) > limit or any(
                ord(c) < 32 and c not in allowed for c in text):
            raise bad
        return text
    if key in ("backlog_pickup_queue", "regular_pickup_queue"):
        ref = str(value).strip()
        known = read(lambda: Queue.select().where(
            (Queue.code == ref.lower()) | (Queue.prefix == ref.upper())).exists())
        if not known:
            raise bad
        return ref
    if key == "survey_form" and value not in SURVEY_FORMS:
        raise bad
    if key.startswith("notify_"):
        return _checked_notify(key, str(value).strip(), bad)
    if key == PRIORITY_PICKUP:
        ref = str(value).strip()
        if ref and not read(lambda: Queue.select().where(
                ((Queue.code == ref.lower()) | (Queue.prefix == ref.upper()))
                & (Queue.kind == "pickup") & (Queue.priority > 0)).exists()):
            raise InvalidInput("setting_priority_pickup_queue", value=ref)
        return ref
    if key == "language" and value not in LANGUAGES:
        raise bad
    if key == "timezone" and not clock.is_known_zone(str(value)):
        raise bad
    return str(value)


def _checked_notify(key: str, text: str, bad: InvalidInput) -> str:
    """A notification setting's text (empty switches that channel or wording off)."""
    if key.startswith("notify_template_"):
        from app.notify import templates  # the wording's own rules

        return templates.check(key, text) if text else ""
    pattern = {"notify_url": _URL, "notify_smtp_host": _HOST,
               "notify_smtp_from": _ADDRESS}[key]
    if text and not pattern.match(text):
        raise bad
    return text


OFFICE_NAME_MAX = 100
NOTICE_MAX = 500  # characters of the lobby display's notice
_NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "collect_by_days": (1, 365),
    "signing_grace_days": (0, 730),
    "retention_days": (30, 3650),
    "backup_keep": (1, 365),
    "requeue_grace_min": (0, 240),
    "auto_no_show_after_recalls": (0, 10),
    "booking_early_min": (0, 720),
    "booking_late_min": (0, 720),
    "survey_hours": (1, 720),
    "notify_smtp_port": (1, 65535),
    "notify_collect_by_days": (1, 60),
    "notify_near_places": (0, 50),
    "pickup_invite_per_day": (0, 5000),
}
SURVEY_FORMS = ("full", "short")


def number_range(key: str) -> tuple[int, int]:
    """The lowest and highest value a number setting may take (a window's spin box
    offers these; :func:`update_settings` refuses others)."""
    return _NUMBER_RANGES[key]


def update_settings(officer: Officer | int, **changes: object) -> OfficeSettings:
    """Change settings and audit who changed what (the secret's value is never logged).

    ``officer`` must be a supervisor, and an admin for the security settings
    (:data:`SECURITY_KEYS`), whoever asks: the window or the command line (``--as``).
    """
    changes = {key: _checked(key, value) for key, value in changes.items()}

    def work() -> None:
        permissions.require(officer, "settings_office")
        if changes.keys() & SECURITY_KEYS:
            permissions.require(officer, "settings_security")
        for key, value in changes.items():
            text = json_text.dumps(value)
            updated = Setting.update(value=text).where(Setting.key == key).execute()
            # MariaDB counts changed rows, so an unchanged value also reads as 0 here.
            if not updated and not Setting.select().where(Setting.key == key).exists():
                Setting.insert(key=key, value=text).execute()
        shown = {k: ("***" if k in SECRET_KEYS else v) for k, v in changes.items()}
        record("settings_changed", officer=officer, details=shown)
        _announce(sorted(changes))

    run_in_transaction(work)
    invalidate_cache()
    return get_settings()


@dataclass(frozen=True)
class KeyOverview:
    """The signing keys as a person may see them (no key material)."""

    retired_until: list[dt.date]  # each retired key that still verifies: its last day
    grace_days: int
    rotate_now_until: dt.date  # a rotation today keeps today's codes valid until this day


def key_overview(grace_days: int | str | None = None) -> KeyOverview:
    """Which retired keys still verify, and what a rotation today with ``grace_days``
    (default: the setting) would mean for the codes printed so far."""
    current = get_settings(fresh=True)
    grace = _checked("signing_grace_days",
                     current.signing_grace_days if grace_days is None else grace_days)
    assert isinstance(grace, int)
    today = clock.service_day(current.timezone)
    retired = sorted(d for d in (dt.date.fromisoformat(k["valid_until"])
                                 for k in stored_keys(fresh=True).retired()) if d >= today)
    return KeyOverview(retired, grace, today + dt.timedelta(days=grace))


def rotate_signing_key(officer: Officer | int, grace_days: int | None = None) -> dt.date:
    """Start signing with a new key; the old one verifies for ``grace_days`` more days.

    ``grace_days`` defaults to the ``signing_grace_days`` setting. Keys whose grace has
    ended are dropped. Admin only; audited without key material. Returns the last day
    the codes printed so far verify.
    """
    grace = _checked("signing_grace_days",
                     get_settings(fresh=True).signing_grace_days if grace_days is None
                     else grace_days)
    assert isinstance(grace, int)

    def work() -> dt.date:
        permissions.require(officer, "settings_security")
        current = _load_keys()
        today = clock.service_day(_load().timezone)
        until = today + dt.timedelta(days=grace)
        kept = [k for k in current.previous_signing_keys
                if dt.date.fromisoformat(k["valid_until"]) >= today]
        if current.signing_secret:
            kept.insert(0, {"secret": current.signing_secret, "retired_on": today.isoformat(),
                            "valid_until": until.isoformat()})
        for key, value in (("signing_secret", secrets.token_hex(32)),
                           ("previous_signing_keys", kept)):
            text = json_text.dumps(value)
            if not SigningKey.update(value=text).where(SigningKey.key == key).execute():
                SigningKey.insert(key=key, value=text).execute()
        _announce(["signing_key"])
        record("signing_key_rotated", officer=officer,
               details={"old_codes_valid_until": until.isoformat(),
                        "retired_keys_kept": len(kept)})
        return until

    until = run_in_transaction(work)
    invalidate_cache()
    return until
