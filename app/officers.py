"""Officers: accounts, roles and passwords (argon2id; never stored or logged in clear)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import argon2
import peewee

from app import clock
from app.audit import record
from app.db import read, run_in_transaction
from app.errors import InvalidInput, NotFound, Refused
from app.models import ROLES, Officer

MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9._-]{2,32}$")
_hasher = argon2.PasswordHasher()
# Verifying against this keeps a wrong username as slow as a wrong password.
_DUMMY_HASH = _hasher.hash("loket-dummy-password")


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


def add_officer(username: str, password: str, role: str = "officer",
                full_name: str = "", by: Officer | None = None) -> OfficerView:
    username = username.strip().lower()
    if not _USERNAME.match(username):
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
    officer = read(lambda: Officer.get_or_none(Officer.username == username.strip().lower()))
    if officer is None:
        raise NotFound("officer_unknown", username=username)
    return officer


def authenticate(username: str, password: str) -> OfficerView:
    """Check a login. Every failure reads the same, whichever part was wrong."""
    officer = read(lambda: Officer.get_or_none(Officer.username == username.strip().lower()))
    stored = officer.password_hash if officer is not None and officer.active else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (argon2.exceptions.VerifyMismatchError, argon2.exceptions.InvalidHashError) as exc:
        raise Refused("login_failed") from exc
    if officer is None or not officer.active:
        raise Refused("login_failed")
    if _hasher.check_needs_rehash(stored):
        def rehash() -> None:
            Officer.update(password_hash=_hasher.hash(password)).where(
                Officer.id == officer.id).execute()
        run_in_transaction(rehash)
    return OfficerView.of(officer)
