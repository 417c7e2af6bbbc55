"""Reports, burn-down and CSV export against hand-computed numbers, on every backend.

The constructed day is Monday 1 July 2024 in Jakarta (UTC+7); timestamps are UTC
as stored. Each ticket's line says its local times and durations.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import InvalidInput, NotFound, Refused
from app.office import reports
from app.pickup import service as pickup
from app.queue import engine
from app.storage.models import Officer, PickupRecord, Queue, Ticket
from tests.helpers.reports import BATCH, NOW, D, Hall, at


@pytest.fixture
def hall(office: str, travel: Callable[[dt.datetime], None]) -> Hall:
    travel(NOW)
    return Hall()


@pytest.fixture
def day(hall: Hall) -> Hall:
    """The constructed day (local times in the comments)."""
    h, b, a = hall, hall.budi, hall.ani
    # 1 A: 08:00 issued, waits 600, serves 540 at counter 1 (Budi)
    h.ticket("A", at(1, 0), "done", called=at(1, 10), started=at(1, 11), finished=at(1, 20),
             counter=1, officer=b)
    # 2 A: 08:05, waits 1200, serves 270 at counter 2 (Ani)
    h.ticket("A", at(1, 5), "done", called=at(1, 25), started=at(1, 26),
             finished=at(1, 30, 30), counter=2, officer=a)
    # 3 A: 08:30, waits 600, no-show at counter 1 (Budi)
    h.ticket("A", at(1, 30), "no_show", called=at(1, 40), finished=at(1, 45), counter=1,
             officer=b)
    # 4 A: 09:00, cancelled before any call
    h.ticket("A", at(2, 0), "cancelled", finished=at(2, 10))
    # 5 P: 09:15, waits 100, finished without a start: service from the call, 600
    h.ticket("P", at(2, 15), "done", called=at(2, 16, 40), finished=at(2, 26, 40), counter=4,
             officer=b)
    # 6 A → W: 09:20, transferred, called after it at counter 3: waits 2400, serves 600
    h.ticket("A", at(2, 20), "done", called=at(3, 0), started=at(3, 1), finished=at(3, 11),
             counter=3, officer=a, now_in="W", transfers=1)
    # 7 W: 09:30, still waiting
    h.ticket("W", at(2, 30), "waiting")
    # 8 A: 09:40, waits 300, being served at counter 2 (Ani)
    h.ticket("A", at(2, 40), "serving", called=at(2, 45), started=at(2, 46), counter=2,
             officer=a)
    # 9 C: 10:00 pickup, waits 120, serves 120 at counter 5 (Budi)
    h.ticket("C", at(3, 0), "done", called=at(3, 2), started=at(3, 3), finished=at(3, 5),
             counter=5, officer=b)
    # 10 A: 15:50, never called, expired at the day's end
    h.ticket("A", at(8, 50), "expired", finished=at(9, 0))
    # 11 W: 00:30 on 1 July (17:30 UTC on 30 June), cancelled
    h.ticket("W", at(17, 30, day=-1), "cancelled", finished=at(17, 35, day=-1))
    # 12 A: 06:30 on 2 July (23:30 UTC on 1 July): the next service day.
    # Waits 600, serves 300 at counter 1 (Budi)
    h.ticket("A", at(23, 30), "done", day=D + dt.timedelta(days=1), called=at(23, 40),
             started=at(23, 41), finished=at(23, 46), counter=1, officer=b)
    # Handovers: 10:05 (counter 5, Budi, the holder); 11:00 (6, Ani, family);
    # 00:10 on 1 July (17:10 UTC on 30 June; 5, Budi, proxy); 00:30 on 2 July (not on 1 July)
    h.passport(status="collected", collected=at(3, 5), counter=5, officer=b, collector="self")
    h.passport(status="collected", collected=at(4, 0), counter=6, officer=a,
               collector="family")
    h.passport(status="collected", collected=at(17, 10, day=-1), counter=5, officer=b,
               collector="proxy", imported=at(1, 0, day=-2))
    h.passport(status="collected", collected=at(17, 30), counter=6, officer=a,
               collector="self")
    h.passport(status="ready", collect_by=D + dt.timedelta(days=20))
    # The first handover finished ticket 9 (the C ticket it was called with).
    Ticket.update(pickup=PickupRecord.get(PickupRecord.application_no == "2024-TNG-000001")
                  ).where(Ticket.queue == Queue.get(Queue.prefix == "C").id).execute()
    return h


def times(row: reports.Row) -> tuple[Any, ...]:
    return (row.waited, row.wait_avg_s, row.wait_p90_s, row.timed, row.service_avg_s,
            row.service_p90_s)


def outcomes(row: reports.Row) -> tuple[int, ...]:
    return (row.issued, row.served, row.no_shows, row.cancelled, row.expired, row.open,
            row.transferred)


def handed(row: reports.Row) -> tuple[int, ...]:
    return row.handed_over, row.handed_self, row.handed_family, row.handed_proxy


def test_the_day_total(day: Hall) -> None:
    rep = reports.report(D, D, by=day.sup)
    assert (rep.start, rep.end, rep.days, rep.timezone) == (D, D, 1, "Asia/Jakarta")
    assert outcomes(rep.total) == (11, 5, 1, 2, 1, 2, 1)
    # waits 600 1200 600 100 2400 300 120: sum 5320 / 7 = 760; p90 = 7th of 7
    # service 540 270 600 600 120: sum 2130 / 5 = 426; p90 = 5th of 5
    assert times(rep.total) == (7, 760, 2400, 5, 426, 600)
    assert handed(rep.total) == (3, 1, 1, 1)
    assert rep.generated_at == NOW


def test_per_queue_counts_transferred_tickets_under_the_issuing_queue(day: Hall) -> None:
    rep = reports.report(D, D, by=day.sup)
    rows = {r.key: r for r in rep.queues}
    assert list(rows) == ["paspor", "backlog", "ambil", "prioritas", "wna"]  # by prefix
    assert rows["paspor"].name("id") == "A · Permohonan Paspor"
    assert rows["paspor"].name("en") == "A · Passport application"
    a = rows["paspor"]
    assert outcomes(a) == (7, 3, 1, 1, 1, 1, 1)
    # waits 600 1200 600 2400 300 → 5100/5 = 1020, p90 = 5th; service 540 270 600 → 470
    assert times(a) == (5, 1020, 2400, 3, 470, 600)
    assert outcomes(rows["prioritas"]) == (1, 1, 0, 0, 0, 0, 0)
    assert times(rows["prioritas"]) == (1, 100, 100, 1, 600, 600)
    assert times(rows["ambil"]) == (1, 120, 120, 1, 120, 120)
    assert outcomes(rows["wna"]) == (2, 0, 0, 1, 0, 1, 0)
    assert times(rows["wna"]) == (0, None, None, 0, None, None)
    assert outcomes(rows["backlog"]) == (0,) * 7
    # A handover counts under the queue of the pickup ticket it finished; the others
    # (handed over without a ticket) under no queue, but in the total.
    assert handed(rows["ambil"]) == (1, 1, 0, 0)
    assert sum(r.handed_over for r in rep.queues) == 1
    assert sum(r.issued for r in rep.queues) == rep.total.issued


def test_per_counter(day: Hall) -> None:
    rep = reports.report(D, D, by=day.sup)
    rows = {r.key: r for r in rep.counters}
    assert list(rows) == ["1", "2", "3", "4", "5", "6", ""]
    assert rows["1"].name("id") == "Loket 1"
    assert outcomes(rows["1"]) == (2, 1, 1, 0, 0, 0, 0)
    assert times(rows["1"]) == (2, 600, 600, 1, 540, 540)
    assert outcomes(rows["2"]) == (2, 1, 0, 0, 0, 1, 0)
    assert times(rows["2"]) == (2, 750, 1200, 1, 270, 270)
    assert outcomes(rows["3"]) == (1, 1, 0, 0, 0, 0, 1)
    assert times(rows["3"]) == (1, 2400, 2400, 1, 600, 600)
    assert handed(rows["5"]) == (2, 1, 0, 1)
    assert times(rows["5"]) == (1, 120, 120, 1, 120, 120)
    assert handed(rows["6"]) == (1, 0, 1, 0) and rows["6"].issued == 0
    # Never called: cancelled 4 and 11, waiting 7, expired 10.
    assert outcomes(rows[""]) == (4, 0, 0, 2, 1, 1, 0)
    assert rows[""].name("en") == "(not called to a counter)"
    assert sum(r.issued for r in rep.counters) == rep.total.issued


def test_per_officer(day: Hall) -> None:
    rep = reports.report(D, D, by=day.sup)
    rows = {r.key: r for r in rep.officers}
    assert list(rows) == ["ani", "budi", ""]  # only officers with work, by username
    budi, ani = rows["budi"], rows["ani"]
    assert budi.name() == "Budi Santoso"
    assert outcomes(budi) == (4, 3, 1, 0, 0, 0, 0)
    # waits 600 600 100 120 → 1420/4 = 355, p90 = 4th smallest = 600; service 540 600 120
    assert times(budi) == (4, 355, 600, 3, 420, 600)
    assert handed(budi) == (2, 1, 0, 1)
    assert outcomes(ani) == (3, 2, 0, 0, 0, 1, 1)
    # waits 1200 2400 300 → 1300, p90 = 3rd; service 270 600 → 435, p90 = 2nd
    assert times(ani) == (3, 1300, 2400, 2, 435, 600)
    assert handed(ani) == (1, 0, 1, 0)
    assert outcomes(rows[""])[0] == 4


def test_per_hour_is_office_local_time(day: Hall) -> None:
    rep = reports.report(D, D, by=day.sup)
    hours = {r.key: r for r in rep.hours}
    # From the first hour with activity to the last, gaps included.
    assert list(hours) == [f"{h:02d}" for h in range(0, 16)]
    assert hours["08"].name() == "08:00"
    # 00:30 local (17:30 UTC the day before) and the handover at 00:10
    assert outcomes(hours["00"]) == (1, 0, 0, 1, 0, 0, 0)
    assert handed(hours["00"]) == (1, 0, 0, 1)
    assert outcomes(hours["08"]) == (3, 2, 1, 0, 0, 0, 0)
    assert times(hours["08"]) == (3, 800, 1200, 2, 405, 540)
    # 09: waits 100 2400 300 → 2800/3 = 933.3 → 933
    assert outcomes(hours["09"]) == (5, 2, 0, 1, 0, 2, 1)
    assert times(hours["09"]) == (3, 933, 2400, 2, 600, 600)
    assert handed(hours["10"]) == (1, 1, 0, 0) and hours["10"].issued == 1
    assert handed(hours["11"]) == (1, 0, 1, 0) and hours["11"].issued == 0
    assert outcomes(hours["12"]) == (0,) * 7
    assert outcomes(hours["15"]) == (1, 0, 0, 0, 1, 0, 0)
    assert sum(r.issued for r in rep.hours) == 11


def test_a_range_of_two_days(day: Hall) -> None:
    rep = reports.report(D, D + dt.timedelta(days=1), by=day.sup)
    assert rep.days == 2
    # Ticket 12 (06:30 on 2 July: waits 600, serves 300) and the handover at 00:30 join.
    assert outcomes(rep.total) == (12, 6, 1, 2, 1, 2, 1)
    # waits + 600 → 5920 / 8 = 740; service + 300 → 2430 / 6 = 405
    assert times(rep.total) == (8, 740, 2400, 6, 405, 600)
    assert handed(rep.total) == (4, 2, 1, 1)
    assert "06" in {r.key for r in rep.hours}
    second = reports.report(D + dt.timedelta(days=1), D + dt.timedelta(days=1), by=day.sup)
    assert [(r.key, r.issued) for r in second.hours] == [("00", 0), *[
        (f"{h:02d}", 0) for h in range(1, 6)], ("06", 1)]
    assert handed(second.hours[0]) == (1, 1, 0, 0)


def test_an_empty_range(hall: Hall) -> None:
    rep = reports.report(D, D, by=hall.sup)
    assert outcomes(rep.total) == (0,) * 7
    assert times(rep.total) == (0, None, None, 0, None, None)
    assert handed(rep.total) == (0, 0, 0, 0)
    assert [r.key for r in rep.queues] == ["paspor", "backlog", "ambil", "prioritas", "wna"]
    assert [r.key for r in rep.counters] == ["1", "2", "3", "4", "5", "6"]
    assert rep.officers == () and rep.hours == ()
    data = reports.to_csv(rep, "en")
    assert len(data.decode("utf-8-sig").splitlines()) == 1 + 1 + 5 + 6


def test_p90_is_nearest_rank() -> None:
    assert reports.nearest_rank([]) is None
    assert reports.nearest_rank([7]) == 7
    assert reports.nearest_rank(list(range(1, 11))) == 9  # ⌈9.0⌉ = 9th
    assert reports.nearest_rank(list(range(11, 0, -1))) == 10  # ⌈9.9⌉ = 10th
    assert reports.nearest_rank(list(range(1, 21))) == 18
    assert reports.nearest_rank([5, 1, 3], 0.5) == 3


def test_p90_and_rounding_in_the_database(hall: Hall) -> None:
    # 20 tickets waiting 1..20 minutes: average 10.5 min = 630 s; p90 = 18th = 18 min.
    for i in range(1, 21):
        hall.ticket("W", at(2, 0), "no_show", called=at(2, i), finished=at(2, 30),
                    counter=1, officer=hall.budi)
    # One more, waiting 90.5 s: the 21 waits' p90 is the 19th (⌈18.9⌉) = 18 min.
    hall.ticket("P", at(2, 0), "done", called=at(2, 1, 30) + dt.timedelta(microseconds=500000),
                started=at(2, 5), finished=at(2, 5, 1), counter=4, officer=hall.budi)
    rep = reports.report(D, D, by=hall.sup)
    w = {r.key: r for r in rep.queues}["wna"]
    assert (w.waited, w.wait_avg_s, w.wait_p90_s) == (20, 630, 1080)
    p = {r.key: r for r in rep.queues}["prioritas"]
    assert (p.wait_avg_s, p.wait_p90_s) == (91, 91)  # 90.5 rounds half up
    # (12600 + 90.5) / 21 = 604.31 → 604
    assert (rep.total.waited, rep.total.wait_avg_s, rep.total.wait_p90_s) == (21, 604, 1080)


def test_a_clock_behind_counts_as_zero(hall: Hall) -> None:
    hall.ticket("A", at(2, 0), "done", called=at(1, 59), started=at(2, 1), finished=at(2, 0),
                counter=1)
    rep = reports.report(D, D, by=hall.sup)
    assert times(rep.total) == (1, 0, 0, 1, 0, 0)


def test_tickets_run_through_the_engine(hall: Hall,
                                        travel: Callable[[dt.datetime], None]) -> None:
    travel(at(2, 0))  # 09:00
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    travel(at(2, 4))
    first = engine.call_next(1, officer=hall.budi)
    travel(at(2, 9, 30))  # finished straight from "called": the call counts as the start
    engine.finish(first.number, 1)
    second = engine.call_next(1, officer=hall.budi)
    engine.transfer(second.number, 1, to_queue="W")
    travel(at(2, 20))
    engine.call_next(3, officer=hall.ani)
    travel(at(2, 21))
    engine.no_show(second.number, 3)
    rep = reports.report(D, D, by=hall.sup)
    a = {r.key: r for r in rep.queues}["paspor"]
    assert outcomes(a) == (2, 1, 1, 0, 0, 0, 1)
    # waits 240 (first) and 1200 (second: issue to the call after its transfer)
    assert times(a) == (2, 720, 1200, 1, 330, 330)
    counters = {r.key: r for r in rep.counters}
    assert (counters["1"].served, counters["3"].no_shows) == (1, 1)
    assert {r.key: r.issued for r in rep.officers} == {"ani": 1, "budi": 1}


def test_only_supervisors_read_reports(hall: Hall) -> None:
    with pytest.raises(Refused) as err:
        reports.report(D, D, by=hall.budi)
    assert err.value.code == "needs_supervisor"
    with pytest.raises(NotFound):
        reports.report(D, D, by=9999)
    with pytest.raises(Refused):
        reports.burndown("", by=hall.budi)
    with pytest.raises(Refused):
        reports.batch_names(by=hall.ani)


def test_bad_ranges_are_refused_in_plain_words(hall: Hall) -> None:
    with pytest.raises(InvalidInput) as err:
        reports.report(D, D - dt.timedelta(days=1), by=hall.sup)
    assert err.value.code == "reports_range_backwards"
    assert "30/06/2024" in err.value.message("id") and "01/07/2024" in err.value.message("en")
    with pytest.raises(InvalidInput) as err:
        reports.report(D, D + dt.timedelta(days=366), by=hall.sup)
    assert "366" in err.value.message("id")
    reports.report(D, D + dt.timedelta(days=365), by=hall.sup)  # a whole leap year is fine
    with pytest.raises(InvalidInput):
        reports.report("2024-07-01", D, by=hall.sup)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as err:
        reports.period("year", D)
    assert "year" in err.value.message("en")


def test_periods() -> None:
    wednesday = dt.date(2024, 7, 3)
    assert reports.period("today", wednesday) == (wednesday, wednesday)
    assert reports.period("week", wednesday) == (dt.date(2024, 7, 1), wednesday)
    assert reports.period("month", wednesday) == (dt.date(2024, 7, 1), wednesday)
    assert reports.period("week", dt.date(2024, 7, 1)) == (dt.date(2024, 7, 1),) * 2
    assert reports.period("month", dt.date(2024, 2, 29)) == (dt.date(2024, 2, 1),
                                                               dt.date(2024, 2, 29))


def test_clock_text() -> None:
    assert [reports.clock_text(s) for s in (None, 0, 59, 60, 605, 3599, 3600, 3725)] == [
        "", "00:00", "00:59", "01:00", "10:05", "59:59", "1:00:00", "1:02:05"]


# --- CSV ---------------------------------------------------------------------------------


def parse_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    assert b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_parses_back_to_the_same_numbers(day: Hall) -> None:
    rep = reports.report(D, D, by=day.sup)
    table = parse_csv(reports.to_csv(rep, "en"))
    header, lines = table[0], table[1:]
    assert header == reports.csv_header("en")
    assert header[:6] == ["from", "to", "section", "key", "name", "issued"]
    assert len(lines) == 1 + len(rep.queues) + len(rep.counters) + len(rep.officers) + len(
        rep.hours)
    for section, rows in reports.sections(rep):
        mine = [dict(zip(header, line, strict=True)) for line in lines
                if line[2] == reports.section_name(section, "en")]
        assert len(mine) == len(rows)
        for got, row in zip(mine, rows, strict=True):
            assert (got["from"], got["to"]) == ("2024-07-01", "2024-07-01")
            assert (got["key"], got["name"]) == (row.key, row.name("en"))
            for column in ("issued", "served", "no_shows", "cancelled", "expired", "open",
                           "transferred", "called", "service_timed", "handed_over",
                           "handed_self", "handed_family", "handed_proxy"):
                attr = {"called": "waited", "service_timed": "timed"}.get(column, column)
                assert int(got[column]) == getattr(row, attr), (section, column)
            for column in ("wait_avg", "wait_p90", "service_avg", "service_p90"):
                seconds = getattr(row, f"{column}_s")
                assert got[f"{column}_s"] == ("" if seconds is None else str(seconds))
                assert got[column] == reports.clock_text(seconds)
    total = dict(zip(header, lines[0], strict=True))
    assert (total["section"], total["wait_avg_s"], total["wait_avg"], total["wait_p90"]) == (
        "total", "760", "12:40", "40:00")


def test_csv_in_indonesian(day: Hall, tmp_path: Path) -> None:
    rep = reports.report(D, D, by=day.sup)
    table = parse_csv(reports.to_csv(rep, "id"))
    assert table[0][:6] == ["dari_tanggal", "sampai_tanggal", "bagian", "kode", "nama",
                            "nomor_diambil"]
    assert table[1][2:5] == ["jumlah", "", "Jumlah"]
    assert {line[2] for line in table[1:]} == {"jumlah", "antrian", "loket", "petugas", "jam"}
    written = reports.save(reports.to_csv(rep, "id"), tmp_path / "laporan.csv")
    assert written.read_bytes() == reports.to_csv(rep, "id")
    with pytest.raises(InvalidInput) as err:
        reports.save(b"x", tmp_path / "no-such-folder" / "laporan.csv")
    assert err.value.code == "reports_file_unwritable"
    assert "laporan.csv" in err.value.message("id")


# --- burn-down ----------------------------------------------------------------------------

@pytest.fixture
def batch(hall: Hall, travel: Callable[[dt.datetime], None]) -> Hall:
    """Imported 25 June (5 passports) and 27 June (1 more); today is 29 June.

    r1 collected 26th; r2 collected 28th (01:00, after its collect-by of the 27th);
    r3 ready, collect by 26th: overdue from the 27th; r4 collect by 26th, overdue on
    the 27th, cancelled on the 28th; r5 still printing; r6 (27th) ready until 27 July.
    """
    travel(dt.datetime(2024, 6, 29, 5, 0))
    june = dt.date(2024, 6, 1)
    first, later = dt.datetime(2024, 6, 25, 2, 0), dt.datetime(2024, 6, 27, 5, 0)
    h = hall
    h.passport(batch=BATCH, status="collected", imported=first,
               collect_by=june.replace(day=27), collected=dt.datetime(2024, 6, 26, 3, 0),
               counter=5, officer=h.budi, collector="self")
    h.passport(batch=BATCH, status="collected", imported=first,
               collect_by=june.replace(day=27), collected=dt.datetime(2024, 6, 27, 18, 0),
               counter=5, officer=h.budi, collector="self")
    h.passport(batch=BATCH, status="ready", imported=first, collect_by=june.replace(day=26))
    h.passport(batch=BATCH, status="cancelled", imported=first,
               collect_by=june.replace(day=26), cancelled=dt.datetime(2024, 6, 28, 3, 0))
    h.passport(batch=BATCH, status="printing", imported=first)
    h.passport(batch=BATCH, status="ready", imported=later, collect_by=dt.date(2024, 7, 27))
    # The regular flow, imported earlier: a batch of its own.
    h.passport(status="ready", imported=dt.datetime(2024, 6, 20, 2, 0),
               collect_by=dt.date(2024, 7, 20))
    return h


def days(bd: reports.BurnDown) -> list[tuple[int, ...]]:
    return [(d.day.day, d.collected, d.waiting, d.overdue, d.cancelled, d.past_collect_by)
            for d in bd.days]


def test_burndown_day_by_day(batch: Hall) -> None:
    bd = reports.burndown(BATCH, by=batch.sup)
    assert (bd.batch, bd.total, bd.first_day) == (BATCH, 6, dt.date(2024, 6, 25))
    assert days(bd) == [
        # day, collected, waiting, overdue, cancelled, past collect-by
        (25, 0, 5, 0, 0, 0),
        (26, 1, 4, 0, 0, 0),
        (27, 1, 3, 2, 0, 2),
        (28, 2, 2, 1, 1, 2),
        (29, 2, 2, 1, 1, 2),
    ]
    # Today's numbers are app.pickup.service's.
    now = {b.batch: b for b in pickup.batches()}[BATCH]
    today = bd.days[-1]
    assert (today.collected, today.waiting, today.overdue, today.cancelled) == (
        now.collected, now.printing + now.ready - now.overdue, now.overdue, now.cancelled)
    assert today.total == now.total


def test_burndown_until_the_range_end(batch: Hall) -> None:
    bd = reports.burndown(BATCH, by=batch.sup, until=dt.date(2024, 6, 27))
    assert [d[0] for d in days(bd)] == [25, 26, 27]
    # Never past today.
    assert days(reports.burndown(BATCH, by=batch.sup, until=dt.date(2024, 7, 30)))[-1][0] == 29
    assert reports.burndown(BATCH, by=batch.sup, until=dt.date(2024, 6, 1)).days == ()
    regular = reports.burndown("", by=batch.sup)
    assert (regular.total, regular.first_day, len(regular.days)) == (1, dt.date(2024, 6, 20), 10)


def test_batches_and_unknown_batch(batch: Hall) -> None:
    assert reports.batch_names(by=batch.sup) == [BATCH, ""]
    with pytest.raises(NotFound) as err:
        reports.burndown("Tidak ada", by=batch.sup)
    assert "Tidak ada" in err.value.message("id")


def test_burndown_csv(batch: Hall) -> None:
    bd = reports.burndown(BATCH, by=batch.sup)
    table = parse_csv(reports.burndown_csv(bd, "en"))
    assert table[0] == ["batch", "day", "collected", "still_waiting", "past_collect_by",
                        "overdue", "cancelled"]
    assert table[3] == [BATCH, "2024-06-27", "1", "3", "2", "2", "0"]
    assert len(table) == 1 + len(bd.days)


def test_schema_version_3_adds_the_handover_index(office: str) -> None:
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_ops

    from app.storage import db as dbmod
    from app.storage import migrations
    from app.storage.migrations import m0003_reports
    from app.storage.models import SchemaVersion

    db = dbmod.database.obj
    indexes = {i.name for i in db.get_indexes("pickup_record")}
    assert m0003_reports.INDEX in indexes  # a new database has it from the models
    run_ops(SchemaMigrator.from_database(db).drop_index("pickup_record",
                                                        m0003_reports.INDEX))
    SchemaVersion.delete().where(SchemaVersion.version >= 3).execute()
    assert migrations.migrate(db) == (2, migrations.head_version())
    assert m0003_reports.INDEX in {i.name for i in db.get_indexes("pickup_record")}
    # Run again over an existing index: nothing to do, no error.
    m0003_reports.migrate(db, SchemaMigrator.from_database(db))


def test_mariadb_reads_a_month_through_the_day_index(hall: Hall, backend: str,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("DEBUG", logger="peewee"):
        reports.report(D, D + dt.timedelta(days=30), by=hall.sup)
    ticket_reads = [r.getMessage() for r in caplog.records if "service_day" in r.getMessage()]
    assert ticket_reads
    hinted = ["FORCE INDEX (`ticket_service_day_number`)" in sql for sql in ticket_reads]
    assert all(hinted) if backend == "mysql" else not any(hinted)


def test_a_name_that_is_a_formula_reaches_the_csv_as_text(day: Hall) -> None:
    Officer.update(full_name="=HYPERLINK(\"http://x\")").where(Officer.id == day.budi).execute()
    rep = reports.report(D, D, by=day.sup)
    names = [row[4] for row in parse_csv(reports.to_csv(rep, "en"))[1:]]
    assert "'=HYPERLINK(\"http://x\")" in names
    assert not any(name.startswith("=") for name in names)


def test_a_batch_that_is_a_formula_reaches_the_burndown_csv_as_text(batch: Hall) -> None:
    bd = reports.burndown(BATCH, batch.sup)
    bd = type(bd)(batch="@SUM(A1)", total=bd.total, first_day=bd.first_day, days=bd.days)
    assert {row[0] for row in parse_csv(reports.burndown_csv(bd, "en"))[1:]} == {"'@SUM(A1)"}
