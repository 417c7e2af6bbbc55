"""The office's days: a pickup-only weekend is one scheduled profile, and the Monday
after is a normal day by itself (issue 16, item 1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.errors import InvalidInput, NotFound, Refused
from app.feed import changes_since
from app.office import days, officers
from app.queue import board, desk, engine, kiosk, status
from app.storage.models import AuditEntry
from tests.helpers.days import schedule_pickup_weekend
from tests.helpers.people import setup_admin

# 10:00 in Jakarta (UTC+7) on Saturday 6, Sunday 7 and Monday 8 July 2024.
SATURDAY = dt.datetime(2024, 7, 6, 3, 0)
SUNDAY = dt.datetime(2024, 7, 7, 3, 0)
MONDAY = dt.datetime(2024, 7, 8, 3, 0)
FRIDAY = dt.datetime(2024, 7, 5, 3, 0)


def utc_of_jakarta(day: dt.datetime, hour: int, minute: int = 0) -> dt.datetime:
    return day.replace(hour=hour - 7, minute=minute)


@pytest.fixture
def weekend(office: str) -> int:
    """The 2024 weekend: B and C only, 08:00–15:00, counters 1–4 on pickups."""
    schedule_pickup_weekend()
    return setup_admin()


def test_a_normal_day_is_the_default_profile_with_everything_open(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(FRIDAY)
    plan = days.plan_for()
    assert (plan.profile, plan.scheduled_by, plan.open_queues, plan.counters) == (
        "default", None, None, None)
    assert engine.issue_ticket("A").number == "A001"
    assert status.office_status().profile == "default"


def test_the_weekend_issues_pickups_only_and_monday_is_normal_by_itself(
        weekend: int, travel: Callable[[dt.datetime], None]) -> None:
    travel(SATURDAY)
    assert days.plan_for().profile == "Akhir pekan: pengambilan saja"
    assert days.plan_for().scheduled_by == "sat"
    with pytest.raises(Refused) as closed:
        engine.issue_ticket("A")
    assert closed.value.code == "day_queue_closed"
    assert closed.value.message("id") == ("Layanan A tidak dibuka hari ini. Dibuka kembali "
                                          "Senin, 08/07/2024.")
    assert "opens again Monday 08/07/2024." in closed.value.message("en")
    assert engine.issue_ticket("B").number == "B001"
    assert engine.issue_ticket("C").number == "C001"
    travel(SUNDAY)
    with pytest.raises(Refused):
        engine.issue_ticket("W")
    travel(MONDAY)
    assert days.plan_for().profile == "default"
    assert engine.issue_ticket("A").number == "A001"
    assert engine.issue_ticket("W").number == "W001"


def test_outside_hours_the_refusal_names_the_next_opening(
        weekend: int, travel: Callable[[dt.datetime], None]) -> None:
    travel(utc_of_jakarta(SATURDAY, 7, 30))
    with pytest.raises(Refused) as early:
        engine.issue_ticket("B")
    assert early.value.code == "day_before_hours"
    assert "Sabtu, 06/07/2024 pukul 08:00" in early.value.message("id")
    travel(utc_of_jakarta(SATURDAY, 15, 0))  # the cut-off itself is closed
    with pytest.raises(Refused) as late:
        engine.issue_ticket("C")
    assert late.value.code == "day_after_hours"
    assert "15:00" in late.value.message("en")
    assert "Sunday 07/07/2024 at 08:00" in late.value.message("en")
    travel(utc_of_jakarta(SUNDAY, 14, 59))
    assert engine.issue_ticket("C").number == "C001"


def test_a_date_beats_a_weekday_and_unscheduling_restores_the_weekday(
        weekend: int, travel: Callable[[dt.datetime], None]) -> None:
    days.schedule(weekend, "default", "2024-07-06")  # that Saturday runs normally
    travel(SATURDAY)
    assert (days.plan_for().profile, days.plan_for().scheduled_by) == ("default", "2024-07-06")
    assert engine.issue_ticket("A").number == "A001"
    assert days.unschedule(weekend, "2024-07-06") == "2024-07-06"
    assert days.plan_for().profile == "Akhir pekan: pengambilan saja"
    with pytest.raises(Refused) as nothing:
        days.unschedule(weekend, "2024-07-06")
    assert nothing.value.code == "day_not_scheduled"


def test_call_next_serves_the_profiles_queues_for_that_counter(
        weekend: int, travel: Callable[[dt.datetime], None]) -> None:
    travel(SATURDAY)
    engine.issue_ticket("B")
    engine.issue_ticket("C")
    # Counter 1 serves walk-ins on weekdays; on the weekend C then B.
    assert engine.call_next(1).number == "C001"
    assert engine.call_next(4).number == "B001"
    lines = desk.counter_desk(2)
    assert [q.prefix for q in lines.queues] == ["C", "B"]
    served = {c.number: c.queues for c in status.office_status().counters}
    assert served[1] == ["ambil", "backlog"]
    travel(MONDAY)
    engine.issue_ticket("A")
    engine.issue_ticket("C")
    assert engine.call_next(1).number == "A001"
    with pytest.raises(Refused):
        engine.call_next(2)  # A's only ticket is taken; C is not counter 2's on Monday
    assert [q.prefix for q in desk.counter_desk(1).queues] == ["A", "W"]


def test_the_board_and_the_kiosk_show_only_what_is_open(
        weekend: int, travel: Callable[[dt.datetime], None]) -> None:
    travel(SATURDAY)
    today = board.load_board()
    assert today.profile == "Akhir pekan: pengambilan saja"
    assert today.sections == (board.PICKUP,)
    assert [q.prefix for q in today.section(board.PICKUP).queues] == ["B", "C"]
    assert [c.number for c in today.section(board.PICKUP).counters] == [1, 2, 3, 4, 5, 6]
    screen = kiosk.board()
    assert (screen.services, [q.prefix for q in screen.pickups]) == ([], ["B", "C"])
    assert screen.issuing and screen.next_opening is None
    travel(utc_of_jakarta(SATURDAY, 16))
    late = kiosk.board()
    assert not late.issuing and late.next_opening == "2024-07-07T08:00"
    travel(MONDAY)
    assert board.load_board().sections == board.SECTIONS
    monday = kiosk.board()
    assert [q.prefix for q in monday.services] == ["A", "P", "W"]
    assert monday.issuing and monday.profile == "default"


def test_changes_are_audited_announced_and_need_a_supervisor(
        weekend: int, travel: Callable[[dt.datetime], None]) -> None:
    actions = [e.action for e in AuditEntry.select().where(
        AuditEntry.action.startswith("day_profile")).order_by(AuditEntry.id)]
    assert actions == ["day_profile_set", "day_profile_scheduled", "day_profile_scheduled"]
    events = [e for e in changes_since(0) if e.kind == "settings_changed"]
    assert events and events[-1].data == {"keys": ["day_profiles"]}
    budi = officers.add_officer("budi", "petugas123").id
    with pytest.raises(Refused) as refused:
        days.schedule(budi, "default", "mon")
    assert refused.value.code == "needs_supervisor"


def test_bad_input_is_refused_with_a_reason(weekend: int) -> None:
    with pytest.raises(InvalidInput):
        days.set_profile(weekend, "x", hours="15:00-08:00")
    with pytest.raises(InvalidInput):
        days.schedule(weekend, "Akhir pekan: pengambilan saja", "someday")
    with pytest.raises(NotFound):
        days.schedule(weekend, "nobody made this", "mon")
    with pytest.raises(NotFound):
        days.set_profile(weekend, "x", open_queues=["Z"])
    assert days.parse_on("Sabtu") == "sat"
    view = days.overview(dt.date(2024, 7, 6))
    assert view.profile == "Akhir pekan: pengambilan saja"
    weekend_view = next(p for p in view.profiles if p.name != "default")
    assert (weekend_view.open, weekend_view.hours, weekend_view.scheduled_on) == (
        ["B", "C"], "08:00-15:00", ["sat", "sun"])
    assert weekend_view.counters is not None and weekend_view.counters["1"] == ["C", "B"]


def test_schema_version_7_adds_the_day_tables_to_an_older_database(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    from app.storage import db as dbmod
    from app.storage import migrations
    from app.storage.models import DayProfile, DaySchedule, SchemaVersion

    db = dbmod.database.obj
    db.drop_tables([DaySchedule, DayProfile])  # a version-6 database has neither
    SchemaVersion.delete().where(SchemaVersion.version >= 7).execute()
    assert migrations.migrate(db) == (6, migrations.head_version())
    days.schedule(setup_admin(), "default", "sun")
    travel(SUNDAY)
    assert days.plan_for().scheduled_by == "sun"
