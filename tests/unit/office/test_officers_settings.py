"""Officer accounts, passwords and the office settings."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading

import pytest

from app.errors import InvalidInput, Refused
from app.office import officers, settings
from app.storage.models import AuditEntry, Officer, Setting
from tests.helpers.people import setup_admin
from tests.helpers.threads import run_together


def test_add_and_authenticate(office: str) -> None:
    o = officers.add_officer("Budi", "rahasia-sekali", role="supervisor", full_name="Budi S")
    assert o.username == "budi" and o.role == "supervisor"
    stored = Officer.get(Officer.username == "budi").password_hash
    assert stored.startswith("$argon2id$") and "rahasia" not in stored
    assert officers.authenticate("BUDI", "rahasia-sekali").username == "budi"
    assert AuditEntry.select().where(AuditEntry.action == "officer_added").count() == 1


def test_wrong_password_and_unknown_user_read_the_same(office: str) -> None:
    officers.add_officer("dewi", "kata-sandi-1")
    with pytest.raises(Refused) as wrong_pw:
        officers.authenticate("dewi", "salah-salah")
    with pytest.raises(Refused) as no_user:
        officers.authenticate("nobody", "kata-sandi-1")
    assert wrong_pw.value.message("id") == no_user.value.message("id")
    assert wrong_pw.value.code == no_user.value.code == "login_failed"


def test_the_wrong_username_hash_is_made_once_on_first_need(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing officers costs no argon2 hash (every command line would pay for it);
    the first sign-ins, even at once on many threads, make exactly one."""
    probe = ("import app.office.officers as o; import sys; "
             "sys.exit(0 if o._dummy_hash is None else 1)")
    assert subprocess.run([sys.executable, "-c", probe], timeout=60).returncode == 0
    made: list[str] = []
    hasher = officers._hasher

    class Counting:
        def hash(self, password: str) -> str:
            made.append(password)
            return hasher.hash(password)

    monkeypatch.setattr(officers, "_hasher", Counting())
    monkeypatch.setattr(officers, "_dummy_hash", None)
    start = threading.Barrier(8)
    seen: list[str] = []

    def first_sign_in() -> None:
        start.wait()
        seen.append(officers._dummy())

    run_together(*[first_sign_in] * 8)
    assert len(made) == 1 and len(set(seen)) == 1 and seen[0].startswith("$argon2id$")


def test_inactive_officer_cannot_log_in(office: str) -> None:
    officers.add_officer("eko", "kata-sandi-1")
    Officer.update(active=False).where(Officer.username == "eko").execute()
    with pytest.raises(Refused):
        officers.authenticate("eko", "kata-sandi-1")


@pytest.mark.parametrize(("username", "password", "role", "code"), [
    ("a", "long-enough", "officer", "officer_bad_username"),
    ("bad name", "long-enough", "officer", "officer_bad_username"),
    ("ok", "short", "officer", "password_too_short"),
    ("ok", "long-enough", "boss", "officer_bad_role"),
])
def test_bad_officer_input_is_refused(office: str, username: str, password: str, role: str,
                                      code: str) -> None:
    with pytest.raises(InvalidInput) as err:
        officers.add_officer(username, password, role=role)
    assert err.value.code == code
    assert Officer.select().count() == 0


def test_duplicate_officer_refused(office: str) -> None:
    officers.add_officer("fitri", "kata-sandi-1")
    with pytest.raises(Refused) as err:
        officers.add_officer("Fitri", "kata-sandi-2")
    assert err.value.code == "officer_exists"


def test_password_never_reaches_the_log(office: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    officers.add_officer("gita", "sangat-rahasia-123")
    officers.authenticate("gita", "sangat-rahasia-123")
    assert "sangat-rahasia-123" not in caplog.text


def test_settings_defaults_and_secret(office: str) -> None:
    s = settings.get_settings(fresh=True)
    assert s.timezone == "Asia/Jakarta" and s.language == "id"
    keys = settings.stored_keys(fresh=True)
    assert len(bytes.fromhex(keys.signing_secret)) == 32
    assert keys.signing_secret not in repr(keys) and keys.signing_secret not in repr(s)
    # A second init never replaces the secret (printed codes must keep verifying).
    settings.ensure_defaults()
    assert settings.stored_keys(fresh=True).signing_secret == keys.signing_secret


def test_update_settings_audited_and_validated(office: str) -> None:
    settings.update_settings(setup_admin(),
                             office_name="Kantor Imigrasi Tangerang", timezone="Asia/Makassar")
    s = settings.get_settings()
    assert s.office_name == "Kantor Imigrasi Tangerang" and s.timezone == "Asia/Makassar"
    entry = AuditEntry.get(AuditEntry.action == "settings_changed")
    assert "Tangerang" in entry.details
    with pytest.raises(InvalidInput):
        settings.update_settings(setup_admin(), timezone="Mars/Olympus")
    with pytest.raises(InvalidInput):
        settings.update_settings(setup_admin(), colour="red")
    assert Setting.get(Setting.key == "timezone").value == '"Asia/Makassar"'


def test_audit_entries_cannot_be_changed(office: str) -> None:
    entry = AuditEntry.select().first() or AuditEntry.create(
        at=settings.clock.utcnow(), action="x")
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete_instance()
    with pytest.raises(PermissionError):
        AuditEntry.update(action="y")
    with pytest.raises(PermissionError):
        AuditEntry.delete()


def test_a_deactivated_officer_acts_no_more(office: str) -> None:
    """Their window may still be open: the core refuses their acts in the transaction."""
    from app.office import admin
    from app.queue import engine

    boss = officers.add_officer("kepala", "kepala-123", role="admin")
    clerk = officers.add_officer("budi", "budi-password")
    first = engine.issue_ticket("A")
    engine.issue_ticket("A")
    assert engine.call_next(1, clerk.id).number == first.number
    engine.finish(first.number, 1)
    admin.set_officer_active(boss.id, clerk.id, False)
    waiting = engine.issue_ticket("A")
    for act in (lambda: engine.call_next(1, clerk.id),
                lambda: engine.call_ticket(waiting.number, 1, clerk.id),
                lambda: engine.cancel(waiting.number, officer=clerk.id),
                lambda: engine.transfer(waiting.number, to_queue="B", officer=clerk.id)):
        with pytest.raises(Refused) as err:
            act()
        assert err.value.code == "officer_inactive"
    assert "dinonaktifkan" in err.value.message("id")


def test_mariadb_collation_cannot_multiply_the_sign_in_throttle(office: str) -> None:
    """``ädmin`` finds ``admin`` under utf8mb4_general_ci: it is the same account's
    throttle, and a name that is not the stored one byte for byte never signs in."""
    officers.add_officer("admin2", "right-password")
    throttle = officers.LoginThrottle(free_attempts=3)
    for typed in ("ädmin2", "ADMIN2", "àdmin2", "âdmin2"):
        with pytest.raises(Refused):
            officers.log_in(typed, "wrong-password", None, throttle)
    with pytest.raises(Refused) as err:
        officers.log_in("ådmin2", "wrong-password", None, throttle)
    assert err.value.code == "login_throttled"
    with pytest.raises(Refused) as err:
        officers.log_in("admin2", "right-password", None, throttle)
    assert err.value.code == "login_throttled"  # the account itself waits too
    with pytest.raises(Refused) as err:
        officers.authenticate("ädmin2", "right-password")
    assert err.value.code == "login_failed"
    assert officers.authenticate("admin2", "right-password").username == "admin2"
