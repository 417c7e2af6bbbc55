"""Signing-key rotation: printed codes keep verifying for the grace period, then stop.

Dates are office dates (Asia/Jakarta); the clock is moved with ``travel``.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable

import pytest

from app import cli, codes
from app.errors import InvalidInput, Refused
from app.office import officers, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.storage.models import AuditEntry, SigningKey
from tests.helpers import NOW
from tests.helpers.people import setup_admin, stdin_lines

LIST = (b"no_permohonan;nama;lokasi;tanggal_siap\n"
        b"2024-TNG-000001;Budi Santoso;Rak A-01;20/06/2024\n"
        b"2024-TNG-000002;Siti Aminah;Rak A-02;24/06/2024\n")


def at_day(day: dt.date) -> dt.datetime:
    """10:00 in Jakarta on ``day``, as UTC."""
    return dt.datetime.combine(day, dt.time(3, 0))


@pytest.fixture
def people(office: str, travel: Callable[[dt.datetime], None]) -> dict[str, int]:
    travel(NOW)
    backlog.import_backlog(LIST, batch="Backlog PDN Juni 2024", officer=setup_admin())
    return {role: officers.add_officer(role, "rahasia-123", role=role).id
            for role in ("officer", "supervisor", "admin")}


def secrets_stored() -> list[str]:
    current = settings.stored_keys(fresh=True)
    return [current.signing_secret, *(k["secret"] for k in current.previous_signing_keys)]


def verifies(code: str) -> bool:
    return pickup.verify(code).verified


def test_a_slip_printed_before_rotation_verifies_until_its_date_then_reads_as_forged(
        people: dict[str, int], travel: Callable[[dt.datetime], None]) -> None:
    slip = pickup.code_for("2024-TNG-000001")
    ticket = engine.issue_ticket("B")
    ticket_code = engine.ticket_code(ticket.id)
    settings.update_settings(setup_admin(), signing_grace_days=10)
    settings.rotate_signing_key(people["admin"])
    until = dt.date(2024, 7, 11)
    assert settings.shown_settings()["previous_signing_keys"] == [
        {"retired_on": "2024-07-01", "valid_until": until.isoformat()}]

    check = pickup.verify(slip, "en")
    assert (check.valid, check.verified, check.reason) == (True, True, None)
    # A ticket printed a minute before the rotation is still called by its QR.
    assert engine.call_scanned(ticket_code, 5).number == ticket.number
    travel(at_day(until))  # the last day of grace, inclusive
    assert verifies(slip) and pickup.classify(ticket_code).kind == "ticket"

    travel(at_day(until + dt.timedelta(days=1)))
    check = pickup.verify(slip, "en")
    assert (check.valid, check.verified, check.reason) == (False, False, "scan_bad_signature")
    assert "signature does not match" in check.message
    assert pickup.classify(ticket_code).reason == codes.BAD_SIGNATURE
    with pytest.raises(InvalidInput) as err:
        engine.call_scanned(ticket_code, 5)
    assert err.value.code == "scan_bad_signature"
    # The application number from the receipt still finds the record, unverified.
    assert pickup.verify("2024-TNG-000001").warning == "pickup_not_verified"


def test_new_codes_are_signed_with_the_new_key_only(people: dict[str, int]) -> None:
    old_key = settings.signing_keys()[0]
    before = pickup.code_for("2024-TNG-000002")
    settings.rotate_signing_key(people["admin"])
    new_key = settings.signing_keys()[0]
    assert new_key != old_key and len(new_key) == 32
    after = pickup.code_for("2024-TNG-000002")
    assert after != before
    assert codes.parse(after, [new_key]).kind == "pickup"
    assert codes.parse(after, [old_key]).reason == codes.BAD_SIGNATURE
    assert codes.parse(before, [new_key]).reason == codes.BAD_SIGNATURE
    ticket = engine.issue_ticket("A")
    assert codes.parse(engine.ticket_code(ticket.id), [new_key]).kind == "ticket"
    assert verifies(after) and verifies(before)


def test_two_rotations_keep_each_old_key_until_its_own_date(
        people: dict[str, int], travel: Callable[[dt.datetime], None]) -> None:
    first_slip = pickup.code_for("2024-TNG-000001")  # key 0
    settings.rotate_signing_key(people["admin"], grace_days=10)  # key 0 until 11 July
    travel(at_day(dt.date(2024, 7, 5)))
    second_slip = pickup.code_for("2024-TNG-000001")  # key 1
    settings.rotate_signing_key(people["admin"], grace_days=20)  # key 1 until 25 July
    third_slip = pickup.code_for("2024-TNG-000001")  # key 2
    assert len({first_slip, second_slip, third_slip}) == 3
    dates = [k["valid_until"] for k in settings.stored_keys().previous_signing_keys]
    assert dates == ["2024-07-25", "2024-07-11"]  # newest retired first

    for day, expected in ((dt.date(2024, 7, 11), (True, True, True)),
                          (dt.date(2024, 7, 12), (False, True, True)),
                          (dt.date(2024, 7, 25), (False, True, True)),
                          (dt.date(2024, 7, 26), (False, False, True))):
        travel(at_day(day))
        assert tuple(verifies(c) for c in (first_slip, second_slip, third_slip)) == expected, day


def test_keys_past_their_date_are_dropped_at_the_next_rotation(
        people: dict[str, int], travel: Callable[[dt.datetime], None]) -> None:
    original = settings.stored_keys().signing_secret
    settings.rotate_signing_key(people["admin"], grace_days=3)  # original until 4 July
    second = settings.stored_keys().signing_secret
    travel(at_day(dt.date(2024, 7, 4)))
    settings.rotate_signing_key(people["admin"], grace_days=5)  # original still in date
    assert original in secrets_stored()
    travel(at_day(dt.date(2024, 7, 5)))
    assert len(settings.signing_keys(fresh=True)) == 2  # expired: not used
    settings.rotate_signing_key(people["admin"], grace_days=5)
    stored = secrets_stored()
    assert original not in stored and second in stored and len(stored) == 3


def test_only_an_admin_rotates_and_a_refusal_changes_nothing(people: dict[str, int]) -> None:
    before = secrets_stored()
    audit = AuditEntry.select().count()
    for who, code in ((people["supervisor"], "needs_admin"), (people["officer"], "needs_admin"),
                      (None, "needs_admin")):
        with pytest.raises(Refused) as err:
            settings.rotate_signing_key(who)
        assert err.value.code == code
    with pytest.raises(InvalidInput) as bad:
        settings.rotate_signing_key(people["admin"], grace_days=-1)
    assert bad.value.code == "setting_invalid"
    assert secrets_stored() == before and AuditEntry.select().count() == audit
    # A supervisor may not set the grace period either; an admin may.
    with pytest.raises(Refused):
        settings.update_settings(people["supervisor"], signing_grace_days=5)
    settings.update_settings(people["admin"], signing_grace_days=5)
    settings.rotate_signing_key(people["admin"])
    assert secrets_stored()[1] == before[0]
    assert settings.stored_keys().previous_signing_keys[0]["valid_until"] == "2024-07-06"


def test_the_secret_is_never_changed_by_a_plain_settings_update(people: dict[str, int]) -> None:
    before = secrets_stored()
    for key in ("signing_secret", "previous_signing_keys"):
        with pytest.raises(InvalidInput) as err:
            settings.update_settings(people["admin"], **{key: "ab" * 32})
        assert err.value.code == "setting_unknown"
    assert secrets_stored() == before


def test_rotation_is_audited_without_key_material(people: dict[str, int]) -> None:
    old = settings.stored_keys().signing_secret
    settings.rotate_signing_key(people["admin"], grace_days=30)
    new = settings.stored_keys().signing_secret
    entry = AuditEntry.get(AuditEntry.action == "signing_key_rotated")
    assert entry.officer_id == people["admin"]
    assert json.loads(entry.details) == {"old_codes_valid_until": "2024-07-31",
                                         "retired_keys_kept": 1}
    everything = " ".join(f"{e.subject} {e.details}" for e in AuditEntry.select())
    for secret in (old, new):
        assert secret not in everything and secret[:16] not in everything


def test_settings_show_never_shows_key_material(
        people: dict[str, int], office: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    settings.rotate_signing_key(people["admin"], grace_days=30)
    stored = secrets_stored()
    for args, until in ((["--json", "settings", "show"], "2024-07-31"),
                        (["settings", "show"], "berlaku sampai: 31/07/2024")):
        assert cli.main(["--db", office, *args]) == 0
        out, err = capsys.readouterr()
        for secret in stored:
            assert secret not in out and secret not in err
        assert until in out  # when the retired key stops verifying is shown
    stdin_lines(monkeypatch, "rahasia-123")  # the admin signs in to rotate
    assert cli.main(["--db", office, "--json", "--as", "admin", "settings", "rotate-key",
                     "--grace-days", "7"]) == 0
    out, _ = capsys.readouterr()
    shown = json.loads(out)
    assert "signing_secret" not in shown
    assert [k["valid_until"] for k in shown["previous_signing_keys"]] == ["2024-07-08",
                                                                         "2024-07-31"]
    for secret in secrets_stored():
        assert secret not in out


def test_a_pc_that_read_the_keys_before_another_pc_rotated_still_accepts_new_codes(
        people: dict[str, int]) -> None:
    """Settings are cached per process: a counter may hold the old keys for a while."""
    stale = settings.stored_keys()
    settings.rotate_signing_key(people["admin"])  # as on the supervisor's PC
    fresh_slip = pickup.code_for("2024-TNG-000001")
    fresh_ticket = engine.ticket_code(engine.issue_ticket("A").id)
    settings._keys_cache = (time.monotonic(), stale)  # this counter still holds the old keys
    assert pickup.verify(fresh_slip).verified
    assert engine.call_scanned(fresh_ticket, 1).status == "called"
    # A forged code is still refused after looking again.
    forged = fresh_slip[:-2] + ("AA" if not fresh_slip.endswith("AA") else "BB")
    assert pickup.verify(forged).reason == "scan_bad_signature"


def test_what_the_database_holds_after_rotation(people: dict[str, int]) -> None:
    settings.rotate_signing_key(people["admin"], grace_days=60)
    stored = {row.key: json.loads(row.value) for row in SigningKey.select()}
    assert len(bytes.fromhex(stored["signing_secret"])) == 32
    [old] = stored["previous_signing_keys"]
    assert set(old) == {"secret", "retired_on", "valid_until"}
    assert (old["retired_on"], old["valid_until"]) == ("2024-07-01", "2024-08-30")
