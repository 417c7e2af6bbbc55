"""Per counter, the report splits its working time into serving, paused and idle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.office import reports
from app.storage.models import CounterPause
from tests.helpers.reports import NOW, Hall, at

D = dt.date(2024, 7, 1)


def test_serving_paused_and_idle_per_counter(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW)
    hall = Hall()
    # Counter 1, 1 July (UTC; Jakarta +7): called 01:00, served 01:02–01:12; a break
    # 01:20–01:50; called 02:00, served 02:01–02:21. Working span 01:00–02:21 = 81 min:
    # serving 10 + 20 = 30, paused 30, idle 81 − 60 = 21 minutes.
    hall.ticket("A", at(0, 50), "done", called=at(1, 0), started=at(1, 2), finished=at(1, 12),
                counter=1, officer=hall.budi)
    hall.ticket("A", at(0, 55), "done", called=at(2, 0), started=at(2, 1), finished=at(2, 21),
                counter=1, officer=hall.budi)
    CounterPause.insert(counter=hall.counter[1], reason="break", started_at=at(1, 20),
                        ended_at=at(1, 50)).execute()
    # Counter 2 paused a whole hour without a call (a system fault): all paused, no idle.
    CounterPause.insert(counter=hall.counter[2], reason="system", started_at=at(3, 0),
                        ended_at=at(4, 0)).execute()
    # A pause of another day is outside the report.
    CounterPause.insert(counter=hall.counter[1], reason="prayer", started_at=at(5, 0, day=1),
                        ended_at=at(5, 10, day=1)).execute()
    rep = reports.report(D, D, hall.sup)
    rows = {r.key: (r.serving_s, r.paused_s, r.idle_s) for r in rep.counters}
    assert rows["1"] == (30 * 60, 30 * 60, 21 * 60)
    assert rows["2"] == (0, 60 * 60, 0)
    assert rows["3"] == (0, 0, 0)
    assert rep.total.paused_s is None  # counter rows only


def test_a_pause_still_going_on_counts_until_now(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(at(4, 0))
    hall = Hall()
    CounterPause.insert(counter=hall.counter[3], reason="prayer", started_at=at(3, 45),
                        ended_at=None).execute()
    rep = reports.report(D, D, hall.sup)
    assert {r.key: r.paused_s for r in rep.counters}["3"] == 15 * 60


def test_the_csv_and_the_command_line_carry_the_working_time(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW)
    hall = Hall()
    CounterPause.insert(counter=hall.counter[2], reason="system", started_at=at(3, 0),
                        ended_at=at(4, 0)).execute()
    rep = reports.report(D, D, hall.sup)
    lines = reports.to_csv(rep, "id").decode("utf-8-sig").splitlines()
    header = lines[0].split(";")
    assert header[-3:] == ["melayani_detik", "jeda_detik", "menganggur_detik"]
    counter_2 = next(line.split(";") for line in lines if ";2;" in line)
    assert counter_2[-3:] == ["0", "3600", "0"]
    total = next(line.split(";") for line in lines[1:])
    assert total[-3:] == ["", "", ""]
