"""Officers: accounts, roles and passwords (argon2id; never stored or logged in clear)."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import math
import re
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import argon2
import argon2.low_level
import peewee

from app import clock
from app.errors import DatabaseUnavailable, InvalidInput, NotFound, Refused
from app.office import audit_outbox, permissions
from app.office.audit import record
from app.storage import logins
from app.storage.models import ROLES, Officer
from app.storage.transactions import read, run_in_transaction

MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9._-]{2,32}$")
_hasher = argon2.PasswordHasher()
_dummy_hash: str | None = None
_dummy_lock = threading.Lock()


def _dummy() -> str:
    """A hash to verify a wrong username against, so it is as slow as a wrong password.

    Made on the first sign-in, once (about 0.2 s: never at import, where every
    command line would pay for it)."""
    global _dummy_hash
    if _dummy_hash is None:
        with _dummy_lock:
            if _dummy_hash is None:
                _dummy_hash = _hasher.hash("loket-dummy-password")
    return _dummy_hash


@dataclass(frozen=True)
class OfficerView:
    id: int
    username: str
    full_name: str
    role: str
    active: bool

    @classmethod
    def of(cls, officer: Officer) -> OfficerView:
        return cls(officer.id, officer.username, officer.full_name, officer.role,
                   bool(officer.active))


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password_too_short", min=MIN_PASSWORD_LENGTH)
    return _hasher.hash(password)


def valid_username(username: str) -> bool:
    """2–32 lowercase letters, digits, dots, underscores or dashes (after trimming)."""
    return bool(_USERNAME.match(username.strip().lower()))


def add_officer(username: str, password: str, role: str = "officer",
                full_name: str = "", by: Officer | None = None) -> OfficerView:
    username = username.strip().lower()
    if not valid_username(username):
        raise InvalidInput("officer_bad_username")
    if role not in ROLES:
        raise InvalidInput("officer_bad_role", role=role)
    password_hash = hash_password(password)

    def work() -> OfficerView:
        try:
            with Officer._meta.database.atomic():
                officer = Officer.create(username=username, full_name=full_name or username,
                                         role=role, password_hash=password_hash,
                                         created_at=clock.utcnow())
        except peewee.IntegrityError as exc:
            raise Refused("officer_exists", username=username) from exc
        record("officer_added", officer=by, subject=username, details={"role": role})
        return OfficerView.of(officer)

    return run_in_transaction(work)


def list_officers() -> list[OfficerView]:
    return read(lambda: [OfficerView.of(o) for o in Officer.select().order_by(Officer.username)])


def get_officer(username: str) -> Officer:
    officer = read(lambda: Officer.without_hash().where(
        Officer.username == username.strip().lower()).first())
    if officer is None:
        raise NotFound("officer_unknown", username=username)
    return officer


def _typed(username: str) -> str:
    return username.strip().lower()


def _account(username: str) -> Officer | None:
    """The account a typed name finds, as the database compares names.

    MariaDB's ``utf8mb4_general_ci`` finds ``admin`` for ``ädmin``: what is found
    is the account to throttle, but only the stored name byte for byte signs in
    (:func:`_check`). A name no account could have is not looked up at all.
    """
    typed = _typed(username)
    if not valid_username(typed):
        return None
    return read(lambda: Officer.without_hash().where(Officer.username == typed).first())


class _RecordedRefusal(Refused):
    """A failed sign-in the database's check already wrote to the audit log."""


def _hash_readable() -> bool:
    """Whether this PC's login may read password hashes (the owner, an admin PC, SQLite);
    asked once per connection's database."""
    db = Officer._meta.database.obj
    key = (id(db), str(db.database), str(getattr(db, "connect_params", {}).get("user")))
    known = _readable.get(key)
    if known is None:
        known = read(lambda: logins.may_read_password_hashes(db))
        _readable[key] = known
    return known


_readable: dict[tuple[int, str, str], bool] = {}


def _check_by_server(username: str, officer: Officer | None, password: str,
                     counter: int | None) -> OfficerView:
    """Sign-in on a login that may not read hashes: the database gives the account's
    argon2 parameters and salt, this PC hashes the typed password with them, and the
    database compares (:mod:`app.storage.logins`); the stored hash never leaves it."""
    typed = _typed(username)
    db = Officer._meta.database.obj
    param = db.param
    settings = None
    if officer is not None and officer.active and str(officer.username) == typed:
        settings = read(lambda: db.execute_sql(
            f"SELECT {logins.SALT_FUNCTION}({param})", (typed,)).fetchone()[0])
    if not settings:
        with contextlib.suppress(argon2.exceptions.VerifyMismatchError):
            _hasher.verify(_dummy(), password)  # as slow as a wrong password
        raise Refused("login_failed")
    prefix, _, digest_chars = str(settings).rpartition("$")
    try:
        params = argon2.extract_parameters(prefix + "$" + "A" * int(digest_chars))
        salt_text = prefix.rsplit("$", 1)[1]
        salt = base64.b64decode(salt_text + "=" * (-len(salt_text) % 4))
    except (ValueError, argon2.exceptions.InvalidHashError) as exc:
        raise Refused("login_failed") from exc
    computed = argon2.low_level.hash_secret(
        password.encode("utf-8", "surrogatepass"), salt, time_cost=params.time_cost,
        memory_cost=params.memory_cost, parallelism=params.parallelism,
        hash_len=params.hash_len, type=params.type, version=params.version).decode("ascii")
    answer = run_in_transaction(lambda: db.execute_sql(
        f"SELECT {logins.CHECK_FUNCTION}({param}, {param}, {param})",
        (typed, computed, counter)).fetchone()[0])
    if answer is None:
        raise Refused("login_failed")
    if int(answer) < 0:
        raise _RecordedRefusal("login_throttled", seconds=-int(answer))
    if int(answer) == 0:
        raise _RecordedRefusal("login_failed")
    assert officer is not None
    return OfficerView.of(officer)


def _check(username: str, officer: Officer | None, password: str,
           counter: int | None = None) -> OfficerView:
    if not _hash_readable():
        return _check_by_server(username, officer, password, counter)
    if officer is not None:  # read with its hash only where this login may
        found = officer.id
        officer = read(lambda: Officer.get_or_none(Officer.id == found))
    exact = (officer is not None and officer.active
             and str(officer.username) == _typed(username))
    stored = officer.password_hash if officer is not None and exact else _dummy()
    try:
        _hasher.verify(stored, password)
    except (argon2.exceptions.VerifyMismatchError, argon2.exceptions.InvalidHashError) as exc:
        raise Refused("login_failed") from exc
    if officer is None or not exact:
        raise Refused("login_failed")
    if _hasher.check_needs_rehash(stored):
        def rehash() -> None:
            Officer.update(password_hash=_hasher.hash(password)).where(
                Officer.id == officer.id).execute()
        run_in_transaction(rehash)
    return OfficerView.of(officer)


def authenticate(username: str, password: str) -> OfficerView:
    """Check a login. Every failure reads the same, whichever part was wrong."""
    return _check(username, _account(username), password)


def require_active(officer: int | None) -> None:
    """Refuse the act of an officer deactivated since signing in (call inside the act's
    transaction: a window still open does not outlive the deactivation)."""
    if officer is not None and not Officer.select(Officer.active).where(
            Officer.id == officer).scalar():
        raise Refused("officer_inactive")


def throttle_key(username: str, account: Officer | None = None) -> str:
    """Whose failures a sign-in counts: the account found, else the typed name with
    accents and case folded (so ``ädmin`` and ``ADMIN`` count as ``admin`` on every
    backend).

    Kept as a digest only: a typed name that finds no account may be a person's name
    or a password typed in the wrong field, and a command line's throttle keeps its
    keys in a file."""
    typed = str(account.username) if account is not None else username
    folded = unicodedata.normalize("NFKD", _typed(typed))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return hashlib.sha256(plain.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class LoginThrottle:
    """Repeated failed logins slow down, per username, in this program.

    The first ``free_attempts`` failures cost nothing; each further one makes
    the next attempt wait twice as long (2 s, 4 s, 8 s … at most ``max_delay``).
    A success forgets the failures. It is kept per program (per PC) rather than
    in the database, so a typo storm at one counter never locks an officer out
    of every other PC, and a dead database cannot break logging in twice.
    """

    def __init__(self, free_attempts: int = 3, base_delay: float = 2.0,
                 max_delay: float = 60.0,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.free_attempts = free_attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._now = monotonic
        self._failures: dict[str, tuple[int, float]] = {}  # name → (count, last failure)

    @staticmethod
    def _key(username: str) -> str:
        return username.strip().lower()

    def delay_after(self, failures: int) -> float:
        extra = failures - self.free_attempts
        if extra < 0:
            return 0.0
        return float(min(self.max_delay, self.base_delay * 2 ** extra))

    def wait_left(self, username: str) -> float:
        """Seconds before ``username`` may try again (0 when it may now)."""
        count, last = self._failures.get(self._key(username), (0, 0.0))
        return max(0.0, last + self.delay_after(count) - self._now()) if count else 0.0

    def failed(self, username: str) -> None:
        count, _ = self._failures.get(self._key(username), (0, 0.0))
        self._failures[self._key(username)] = (count + 1, self._now())

    def succeeded(self, username: str) -> None:
        self._failures.pop(self._key(username), None)


def log_in(username: str, password: str, counter: int | None,
           throttle: LoginThrottle) -> OfficerView:
    """A window's login: throttled, and written to the audit log either way.

    A refusal never says which part was wrong; while throttled the password is
    not even checked (so waiting cannot be skipped by guessing faster).
    """
    account = _account(username)
    key = throttle_key(username, account)
    left = throttle.wait_left(key)
    if left > 0:
        raise Refused("login_throttled", seconds=math.ceil(left))
    try:
        officer = _check(username, account, password, counter)
    except _RecordedRefusal:
        throttle.failed(key)
        raise
    except Refused:
        throttle.failed(key)
        # Ids only: a typed name may be a password typed in the wrong field, and the
        # audit log keeps what it is given for ever.
        run_in_transaction(lambda: record(
            "login_failed", officer=account.id if account is not None else None,
            counter=counter))
        raise
    throttle.succeeded(key)
    run_in_transaction(lambda: record("login", officer=officer.id, counter=counter,
                                      subject=officer.username))
    return officer


def end_if_revoked(officer: OfficerView, counter: int | None,
                   act: str | None = None) -> str | None:
    """After a change to ``officer``'s account, whether their sign-in must end now.

    The message code saying why (the account deactivated, or its role no longer
    allows ``act``, the window's own act), recorded as a forced sign-out in the
    same transaction; None while the sign-in may go on. A window that follows the
    change feed asks it when the account changes, so a deactivation ends every
    window of that officer within a poll of the feed."""
    def work() -> str | None:
        row = Officer.without_hash().where(Officer.id == officer.id).first()
        if row is None or not row.active:
            code = "signed_out_inactive"
        elif act is not None and not permissions.allows(str(row.role), act):
            code = "signed_out_role"
        else:
            return None
        record("logout_forced", officer=officer.id, counter=counter,
               subject=officer.username, details={"reason": code})
        return code

    return run_in_transaction(work)


def log_out(officer: OfficerView, counter: int | None) -> None:
    """A window's sign-out, audited; during an outage the entry is kept on this PC and
    written, with its real time, once the database answers (the sign-out itself is
    the window's and never waits for the database)."""
    try:
        run_in_transaction(lambda: record("logout", officer=officer.id, counter=counter,
                                          subject=officer.username))
    except DatabaseUnavailable:
        audit_outbox.keep("logout", officer=officer.id, counter=counter,
                          subject=officer.username)
