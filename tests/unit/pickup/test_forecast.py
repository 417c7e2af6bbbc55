"""When a backlog batch is cleared at the recent daily pickup rate (dates by hand)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from app import cli
from app.office.reports import BurnDay, BurnDown
from app.pickup import forecast
from app.storage import db as dbmod
from tests.helpers.reports import Hall

TODAY = dt.date(2024, 7, 10)
FIRST = dt.date(2024, 7, 1)


def _day(n: int) -> dt.date:
    return dt.date(2024, 7, n)


def test_the_rate_of_the_last_seven_complete_days() -> None:
    # 10 a day on 3-9 July: 25 left take three days, today being the first.
    week = {_day(n): 10 for n in range(3, 10)}
    assert forecast.clear_date(TODAY, 25, week, FIRST) == _day(12)
    # Exactly a day's worth: cleared by tonight.
    assert forecast.clear_date(TODAY, 10, week, FIRST) == TODAY
    # Collections before the window (2 July) and today's (half a day) do not count:
    # 14 in 7 days is 2 a day, 5 left take 3 days.
    assert forecast.clear_date(TODAY, 5, {_day(2): 50, _day(9): 14, _day(10): 99},
                               FIRST) == _day(12)
    # A closed Sunday is a day with none: 6 in 7 days, 6 left take 7 days.
    assert forecast.clear_date(TODAY, 6, {_day(n): 1 for n in (3, 4, 5, 6, 8, 9)},
                               FIRST) == _day(16)


def test_a_young_batch_uses_the_days_since_its_import() -> None:
    # Imported on the 8th: 10 collected on the 8th and 9th, 5 a day; 12 left take 3 days.
    assert forecast.clear_date(TODAY, 12, {_day(8): 6, _day(9): 4}, _day(8)) == _day(12)


def test_no_date_without_a_rate_or_with_nothing_left() -> None:
    assert forecast.clear_date(TODAY, 5, {}, FIRST) is None  # nothing collected
    assert forecast.clear_date(TODAY, 5, {TODAY: 3}, TODAY) is None  # imported today
    assert forecast.clear_date(TODAY, 0, {_day(9): 3}, FIRST) is None  # all collected


def test_the_burndown_gives_the_same_date() -> None:
    # Imported on the 5th with 30; 4 collected on each of the 6th-9th; 2 overdue.
    cumulative = {5: 0, 6: 4, 7: 8, 8: 12, 9: 16, 10: 16}
    bd = BurnDown(batch="b", total=30, first_day=_day(5), days=tuple(
        BurnDay(day=_day(d), collected=c, waiting=30 - c - 2, overdue=2, cancelled=0)
        for d, c in cumulative.items()))
    # 16 in the 5 complete days since the import: 3.2 a day; 12 left take 4 days.
    assert forecast.burndown_clear_date(bd) == _day(13)
    assert forecast.burndown_clear_date(BurnDown("b", 0, None, ())) is None


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> str:
    """Batch "Juni": 20 imported on 1 July, one collected a day 3-9 July and one today
    (10 July), 2 cancelled, 3 printing, 7 ready. Batch "Baru": none collected yet."""
    travel(dt.datetime(2024, 7, 10, 3, 0))  # 10:00 in Jakarta
    hall = Hall()
    imported = dt.datetime(2024, 7, 1, 2, 0)
    for n in range(3, 11):
        hall.passport(batch="Juni", status="collected", imported=imported,
                      collect_by=dt.date(2024, 8, 1), collected=dt.datetime(2024, 7, n, 3, 0),
                      counter=5, officer=hall.budi, collector="self")
    for _ in range(2):
        hall.passport(batch="Juni", status="cancelled", imported=imported,
                      cancelled=dt.datetime(2024, 7, 5, 3, 0))
    for _ in range(3):
        hall.passport(batch="Juni", status="printing", imported=imported)
    for _ in range(7):
        hall.passport(batch="Juni", status="ready", imported=imported,
                      collect_by=dt.date(2024, 8, 1))
    hall.passport(batch="Baru", status="ready", imported=imported,
                  collect_by=dt.date(2024, 8, 1))
    return office


def test_backlog_batches_tells_the_forecast_clear_date(
        shelf: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", shelf, "--json", "backlog", "batches"]) == 0
    rows = {b["batch"]: b for b in json.loads(capsys.readouterr().out)["batches"]}
    dbmod.connect(shelf)
    # 7 collected on 3-9 July (today's does not count): 1 a day; 10 left take 10 days.
    assert rows["Juni"]["forecast_clear_date"] == "2024-07-19"
    assert rows["Baru"]["forecast_clear_date"] is None
    assert cli.main(["--db", shelf, "--lang", "en", "backlog", "batches"]) == 0
    lines = capsys.readouterr().out.splitlines()
    dbmod.connect(shelf)
    assert "clear by" in lines[0]
    assert next(line for line in lines if line.startswith("Juni")).endswith("19/07/2024")
    assert next(line for line in lines if line.startswith("Baru")).rstrip().endswith("-")
