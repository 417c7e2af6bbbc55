"""A "ready" message invites its holder on one pickup day, and no day gets more
invitations than the office set: a backlog that becomes ready at once is spread over
the coming pickup days instead of arriving on the first."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app import cli, clock
from app.errors import InvalidInput
from app.notify import invitations
from app.office import officers, settings
from app.pickup import service as pickup
from app.storage import db as dbmod
from app.storage.models import Notification
from tests.helpers.people import setup_admin
from tests.unit.notify.conftest import import_list, phone_list, weekend_pickups

TUESDAY = dt.date(2024, 7, 2)  # the day after NOW (Monday 1 July 2024)


def invited() -> list[dt.date | None]:
    return [clock.as_day(m.invited_for) if m.invited_for else None
            for m in Notification.select().where(Notification.kind == "passport_ready")
            .order_by(Notification.to)]


def per_day() -> dict[dt.date, int]:
    return {day: n for day, n, _ in invitations.per_day(TUESDAY,
                                                         TUESDAY + dt.timedelta(days=60))}


def limit(n: int) -> None:
    settings.update_settings(setup_admin(), pickup_invite_per_day=n)


def test_a_backlog_ready_at_once_is_spread_over_the_working_days(
        office: str, july: None) -> None:
    limit(2)
    import_list(phone_list(1, 5), batch="Backlog PDN Juni 2024")

    assert invited() == [TUESDAY, TUESDAY, dt.date(2024, 7, 3), dt.date(2024, 7, 3),
                         dt.date(2024, 7, 4)]
    first = Notification.select().order_by(Notification.to).first()
    assert "Agar tidak antre lama, kami mengundang Anda datang pada Selasa, 02/07/2024." \
        in first.text

    # The next batch fills the days after what is promised, skipping the weekend (an
    # office without day profiles works Monday to Friday).
    import_list(phone_list(1, 10), batch="Backlog PDN Juni 2024")
    assert per_day() == {TUESDAY: 2, dt.date(2024, 7, 3): 2, dt.date(2024, 7, 4): 2,
                         dt.date(2024, 7, 5): 2, dt.date(2024, 7, 8): 2}
    # The same list again: nobody is told twice, no day is taken again.
    import_list(phone_list(1, 10), batch="Backlog PDN Juni 2024")
    assert Notification.select().count() == 10 and sum(per_day().values()) == 10


def test_only_the_days_the_pickup_queue_opens_are_named(office: str, july: None) -> None:
    weekend_pickups()
    limit(2)
    import_list(phone_list(1, 5), batch="Backlog PDN Juni 2024")
    assert per_day() == {dt.date(2024, 7, 6): 2, dt.date(2024, 7, 7): 2,
                         dt.date(2024, 7, 13): 1}
    assert "datang pada Sabtu, 06/07/2024." in Notification.select().order_by(
        Notification.to).first().text


def test_no_day_is_named_past_the_collect_by_date(office: str, july: None) -> None:
    admin = setup_admin()
    settings.update_settings(admin, collect_by_days=3)  # ready 30/06: collect by 03/07
    limit(1)
    import_list(phone_list(1, 4, ready="30/06/2024"))
    assert invited() == [TUESDAY, dt.date(2024, 7, 3), None, None]
    untold = Notification.select().order_by(Notification.to.desc()).first()
    assert "mengundang" not in untold.text and "Batas pengambilan 03/07/2024." in untold.text


def test_without_a_limit_no_day_is_named(office: str, july: None) -> None:
    import_list(phone_list(1, 3))
    assert invited() == [None, None, None]
    assert not any("mengundang" in m.text or "  " in m.text for m in Notification.select())


def test_the_office_wording_may_place_the_invitation(office: str, july: None) -> None:
    admin = setup_admin()
    settings.update_settings(admin, notify_template_passport_ready=(
        "{nama}, paspor siap. {anjuran}"), language="en")
    limit(5)
    import_list(phone_list(1, 1))
    [message] = Notification.select()
    assert message.text == "Pemohon 1, paspor siap. To spare you a long wait, we invite " \
        "you to come on Tuesday, 02/07/2024."
    with pytest.raises(InvalidInput):
        settings.update_settings(admin, pickup_invite_per_day=-1)


def test_the_supervisor_sees_each_days_invitations_and_who_came(
        office: str, july: None, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["--db", office, "notify", "invited"])
    assert code == 0 and "Belum ada undangan" in capsys.readouterr().out
    dbmod.connect(office)
    limit(2)
    import_list(phone_list(1, 3))
    officers.add_officer("petugas1", "petugas123")
    pickup.hand_over("2024-TNG-000001", 5, "petugas1", "self", id_checked=True)

    assert cli.main(["--db", office, "notify", "invited"]) == 0
    out = capsys.readouterr().out
    dbmod.connect(office)
    assert out.splitlines() == [
        "Selasa, 02/07/2024: 2 diundang, 1 sudah mengambil paspornya",
        "Rabu, 03/07/2024: 1 diundang, 0 sudah mengambil paspornya"]
    assert cli.main(["--db", office, "--lang", "en", "notify", "invited", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    dbmod.connect(office)
    assert answer == {"limit": 2, "days": [
        {"day": "2024-07-02", "invited": 2, "collected": 1},
        {"day": "2024-07-03", "invited": 1, "collected": 0}]}
