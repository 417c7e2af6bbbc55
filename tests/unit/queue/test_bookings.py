"""M-Paspor bookings: the day's list imported all or nothing, checked in once, called by
slot ahead of walk-ins issued after it, listed, reported and purged; on every backend."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import threading
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from app import cli
from app.errors import InvalidInput, NotFound, Refused
from app.messages import render
from app.office import booking_report, officers, retention
from app.office import settings as office_settings
from app.pickup.backlog import ImportRejected
from app.queue import bookings, desk, engine, kiosk
from app.storage import db as dbmod
from app.storage.models import AuditEntry, Booking, Ticket
from tests.helpers import NOW, jakarta
from tests.helpers.people import setup_admin, stdin_lines
from tests.helpers.threads import run_together

Travel = Callable[[dt.datetime], None]
DAY = NOW.date()  # a Monday



LIST = (b"kode_booking;nama;layanan;tanggal;jam\r\n"
        b"MP-0001;Budi Santoso;A;01/07/2024;09:30\r\n"
        b"MP-0002;Siti Aminah;paspor;2024-07-01;10.00\r\n"
        b"MP-0003;John Smith;W;01/07/2024;13:15\r\n")


def supervisor() -> int:
    return officers.add_officer("kepala", "super123!", role="supervisor").id


@pytest.fixture
def listed(office: str, travel: Travel) -> int:
    travel(jakarta(7))
    sup = supervisor()
    bookings.import_bookings(LIST, officer=sup, source="hari-ini.csv")
    return sup


# --- import -------------------------------------------------------------------------------


def test_the_list_is_imported_once_and_again_changes_nothing(listed: int) -> None:
    rows = {b.code: b for b in Booking.select()}
    assert sorted(rows) == ["MP-0001", "MP-0002", "MP-0003"]
    assert rows["MP-0001"].slot_at == jakarta(9, 30)  # stored as UTC
    assert rows["MP-0002"].service_day == DAY
    again = bookings.import_bookings(LIST, officer=listed)
    assert (again.rows, again.created, again.unchanged) == (3, 0, 3)
    assert Booking.select().count() == 3
    assert AuditEntry.select().where(AuditEntry.action == "bookings_imported").count() == 1


def test_an_english_xlsx_list_with_real_cells_is_read(office: str, travel: Travel) -> None:
    travel(jakarta(7))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Booking code", "Name", "Service", "Date", "Time", "Note"])
    sheet.append(["mp-0100", "René Ĉu", "wna", dt.datetime(2024, 7, 1), dt.time(8, 5), "x"])
    out = io.BytesIO()
    book.save(out)
    result = bookings.import_bookings(out.getvalue(), officer=supervisor())
    assert (result.created, result.encoding, result.ignored_columns) == (1, "xlsx", ["Note"])
    row = Booking.get()
    assert (row.code, row.name, row.slot_at) == ("MP-0100", "René Ĉu", jakarta(8, 5))


def test_conflicting_or_bad_lines_are_refused_by_number_and_nothing_is_written(
        listed: int) -> None:
    bad = (b"booking_code,name,service,date,time\n"
           b"MP-0009,Ani,A,01/07/2024,11:00\n"
           b"MP-0001,Budi Santoso,A,01/07/2024,09:45\n"  # imported before with 09:30
           b"MP-0010,Rudi,Z,01/07/2024,11:00\n"  # no such service
           b"MP-0011,Rina,B,01/07/2024,11:00\n"  # a pickup queue is not booked
           b"MP-0012,Dewi,A,31/02/2024,11:00\n"
           b"MP-0013,Eko,A,01/07/2024,25:00\n"
           b"MP-0009,Ani Lain,A,01/07/2024,11:00\n"  # the same code twice, other name
           b"MP-0002,Siti Aminah,A,01/07/2024,10:00\n")  # the same again: fine
    with pytest.raises(ImportRejected) as err:
        bookings.import_bookings(bad, officer=listed)
    assert [(p.line, p.code) for p in err.value.problems] == [
        (3, "booking_conflict"), (4, "booking_bad_service"), (5, "booking_bad_service"),
        (6, "import_bad_date"), (7, "booking_bad_time"), (8, "booking_duplicate")]
    assert err.value.problems[0].message("en") == (
        "line 3: booking code MP-0001 was already imported with other data (jam/time); "
        "correct this line or ask M-Paspor")
    assert "baris 2" in err.value.problems[-1].message("id")
    assert Booking.select().count() == 3


def test_the_reader_refuses_what_the_backlog_import_refuses(listed: int) -> None:
    with pytest.raises(InvalidInput) as err:
        bookings.import_bookings(b"kode_booking;nama;jam\nMP-1;x;09:00\n",
                                 officer=listed)
    assert err.value.code == "import_no_header"
    mixed = "kode_booking;nama;layanan;tanggal;jam\nMP-0050;Ren\u00e9;A;01/07/2024;09:00\n"
    with pytest.raises(InvalidInput) as err:
        bookings.import_bookings(mixed.encode("utf-8") + "Fran\u00e7ois".encode("cp1252"),
                                 officer=listed)
    assert err.value.code == "import_mixed_encoding"


def test_only_a_supervisor_imports(office: str) -> None:
    clerk = officers.add_officer("petugas9", "petugas123").id
    with pytest.raises(Refused) as err:
        bookings.import_bookings(LIST, officer=clerk)
    assert err.value.code == "needs_supervisor"


# --- check-in -----------------------------------------------------------------------------


def test_a_booking_checks_in_once(listed: int, travel: Travel) -> None:
    travel(jakarta(9, 5))
    first = kiosk.check_in_booking("mp-0001", request_id="tap-1")
    assert (first.number, first.queue, first.booking_slot, first.again) == (
        "A001", "paspor", "09:30", False)
    assert kiosk.check_in_booking("mp-0001", request_id="tap-1") == first  # a retried tap
    travel(jakarta(9, 20))
    second = kiosk.check_in_booking(" MP-0001 ")
    assert (second.id, second.number, second.again) == (first.id, "A001", True)
    assert Ticket.select().count() == 1
    ticket = Ticket.get()
    assert (ticket.booked, ticket.line_at, ticket.issued_at) == (
        True, jakarta(9, 30), jakarta(9, 5))
    assert engine.get_ticket("A001").booked_slot == jakarta(9, 30).isoformat()
    audited = AuditEntry.get(AuditEntry.action == "booking_checked_in")
    assert audited.subject == "MP-0001" and "Budi" not in audited.details


def test_too_early_or_too_late_is_told_what_to_do(listed: int, travel: Travel) -> None:
    travel(jakarta(8, 0))
    with pytest.raises(Refused) as err:
        bookings.check_in("MP-0001")
    assert err.value.code == "booking_too_early"
    assert render(err.value.code, err.value.params, "id").endswith(
        "silakan kembali pukul 08:30.")
    assert render(err.value.code, err.value.params, "en").endswith(
        "please come back at 08:30.")
    travel(jakarta(10, 1))
    with pytest.raises(Refused) as err:
        bookings.check_in("MP-0001")
    assert err.value.code == "booking_too_late"
    assert "ambil nomor antrian biasa (walk-in) di kios" in render(
        err.value.code, err.value.params, "id")
    assert "take a walk-in number at the kiosk" in render(
        err.value.code, err.value.params, "en")
    with pytest.raises(NotFound):
        bookings.check_in("MP-9999")
    assert Ticket.select().count() == 0


def test_the_window_follows_the_settings(listed: int, travel: Travel) -> None:
    office_settings.update_settings(listed, booking_early_min="10", booking_late_min="0")
    office_settings.invalidate_cache()
    travel(jakarta(9, 15))
    with pytest.raises(Refused) as err:
        bookings.check_in("MP-0001")
    assert err.value.params["back"] == "09:20"
    travel(jakarta(9, 31))
    with pytest.raises(Refused) as err:
        bookings.check_in("MP-0001")
    assert err.value.code == "booking_too_late"


def test_a_scan_at_the_kiosk_tells_a_booking_from_a_pickup(listed: int,
                                                            travel: Travel) -> None:
    travel(jakarta(9, 45))
    assert bookings.is_booking("MP-0002") and not bookings.is_booking("2024-TNG-000001")
    assert kiosk.check_in_scanned("MP-0002").booking_slot == "10:00"
    with pytest.raises(Refused) as err:
        kiosk.check_in_scanned("2024-TNG-000001")
    assert err.value.code.startswith("pickup_")


def test_two_kiosks_checking_one_booking_in_at_once_issue_one_ticket(
        listed: int, travel: Travel) -> None:
    codes = [f"MP-1{i:03d}" for i in range(10)]
    bookings.import_bookings(("kode_booking;nama;layanan;tanggal;jam\n" + "".join(
        f"{code};Pemohon {code};A;01/07/2024;10:00\n" for code in codes)).encode(),
        officer=listed)
    travel(jakarta(9, 45))
    for code in codes:
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def tap(code: str = code, barrier: threading.Barrier = barrier,
                outcomes: list[str] = outcomes) -> None:
            with dbmod.database.obj.connection_context():
                barrier.wait()
                outcomes.append(bookings.check_in(code).ticket.number)

        run_together(tap, tap)
        assert len(outcomes) == 2 and outcomes[0] == outcomes[1], outcomes
    assert Ticket.select().count() == len(codes)
    assert Booking.select().where(Booking.ticket.is_null(False)).count() == len(codes)


def test_two_counters_calling_bookings_and_walk_ins_at_once_call_each_once(
        listed: int, travel: Travel) -> None:
    more = (b"kode_booking;nama;layanan;tanggal;jam\n"
            + b"".join(f"MP-2{i:03d};Pemohon;A;01/07/2024;09:{i:02d}\n".encode()
                       for i in range(0, 40, 2)))
    bookings.import_bookings(more, officer=listed)
    for i in range(0, 40, 2):
        travel(jakarta(9, i + 1))
        engine.issue_ticket("A")  # a walk-in a minute after each slot
        bookings.check_in(f"MP-2{i:03d}")
    called: list[str] = []
    for _ in range(20):
        barrier = threading.Barrier(2)
        outcomes: dict[int, str] = {}

        def press(counter: int, barrier: threading.Barrier = barrier,
                  outcomes: dict[int, str] = outcomes) -> None:
            with dbmod.database.obj.connection_context():
                barrier.wait()
                try:
                    outcomes[counter] = engine.call_next(counter).number
                except Refused as exc:
                    outcomes[counter] = exc.code

        run_together(*(functools.partial(press, n) for n in (1, 2)))
        assert "nothing_waiting" not in outcomes.values(), outcomes
        assert outcomes[1] != outcomes[2]
        for counter, number in outcomes.items():
            engine.finish(number, counter)
        called.extend(sorted(outcomes.values(), key=lambda n: Ticket.get(
            Ticket.number == n).line_at))
    assert len(set(called)) == 40
    # Each pair is the next two in line: a booking (its slot), then the walk-in after it.
    booked = {t.number for t in Ticket.select().where(Ticket.booked == True)}  # noqa: E712
    assert [n in booked for n in called] == [True, False] * 20


# --- call order ---------------------------------------------------------------------------


def test_bookings_are_called_by_slot_ahead_of_later_walk_ins(listed: int,
                                                              travel: Travel) -> None:
    more = (b"kode_booking;nama;layanan;tanggal;jam\n"
            b"MP-0020;Eka;A;01/07/2024;09:40\n")
    bookings.import_bookings(more, officer=listed)
    issued = []
    for at, act in ((jakarta(9, 0), "walk"),  # before every slot
                    (jakarta(9, 10), "MP-0002"),  # early for 10:00
                    (jakarta(9, 20), "MP-0001"),  # early for 09:30
                    (jakarta(9, 25), "walk"),  # before 09:30: ahead of MP-0001
                    (jakarta(9, 35), "walk"),  # after 09:30, before 09:40 and 10:00
                    (jakarta(9, 50), "walk"),  # after 09:40: behind the late MP-0020
                    (jakarta(10, 5), "MP-0020")):  # 25 minutes late: still at 09:40
        travel(at)
        number = (engine.issue_ticket("A").number if act == "walk"
                  else bookings.check_in(act).ticket.number)
        issued.append((act, number))
    assert [n for _, n in issued] == ["A001", "A002", "A003", "A004", "A005", "A006", "A007"]
    travel(jakarta(10, 6))
    desk_order = [w.number for w in desk.counter_desk(2).waiting]
    called = []
    for _ in range(7):
        ticket = engine.call_next(2)
        called.append(ticket.number)
        engine.finish(ticket.number, 2)
    # 09:00, 09:25, [09:30], 09:35, [09:40], 09:50, [10:00]
    assert called == ["A001", "A004", "A003", "A005", "A007", "A006", "A002"]
    assert desk_order == called


def test_a_kiosk_ticket_counts_ahead_by_place_in_line(listed: int, travel: Travel) -> None:
    travel(jakarta(9, 0))
    engine.issue_ticket("A")
    travel(jakarta(9, 25))
    engine.issue_ticket("A")
    travel(jakarta(9, 28))
    engine.issue_ticket("A")
    travel(jakarta(9, 29))
    # Slot 09:30: the three walk-ins before it wait ahead; none after it.
    assert kiosk.check_in_booking("MP-0001").ahead == 3
    travel(jakarta(9, 31))
    assert kiosk.take_ticket("A").ahead == 4


# --- the supervisor's list, the report, the purge ----------------------------------------


def test_the_days_list_and_report(listed: int, travel: Travel) -> None:
    travel(jakarta(9, 0))
    bookings.check_in("MP-0001")  # 30 min early
    engine.issue_ticket("A")
    travel(jakarta(10, 10))
    bookings.check_in("MP-0002")  # 10 min late
    travel(jakarta(14, 0))  # MP-0003 (13:15) never came
    shown = bookings.day_list(by=listed)
    assert [(b.code, b.slot_local, b.state, b.ticket, b.punctuality) for b in shown] == [
        ("MP-0001", "09:30", "checked_in", "A001", "early"),
        ("MP-0002", "10:00", "checked_in", "A003", "late"),
        ("MP-0003", "13:15", "missed", None, None)]
    assert shown[0].name == "Budi Santoso" and shown[0].checked_in_local == "09:00"
    days = booking_report.booking_days(DAY - dt.timedelta(days=1), DAY, by=listed)
    assert [(d.day, d.booked, d.walk_in, d.on_time, d.early, d.late, d.missed)
            for d in days] == [("2024-06-30", 0, 0, 0, 0, 0, 0),
                               ("2024-07-01", 2, 1, 0, 1, 1, 1)]
    clerk = officers.add_officer("petugas9", "petugas123").id
    with pytest.raises(Refused):
        bookings.day_list(by=clerk)


def test_the_retention_purge_erases_booking_names(listed: int, travel: Travel) -> None:
    admin = setup_admin()
    travel(jakarta(9, 0, DAY + dt.timedelta(days=180)))
    assert retention.purge(admin, dry_run=True).bookings == 0  # the cutoff day itself
    travel(jakarta(9, 0, DAY + dt.timedelta(days=181)))
    assert retention.purge(admin, dry_run=True).bookings == 3
    result = retention.purge(admin)
    assert result.bookings == 3
    assert {b.name for b in Booking.select()} == {retention.PLACEHOLDER}
    assert retention.purge(admin).bookings == 0


# --- the command line ---------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code = cli.main(["--db", url, "--json", *args])
    dbmod.connect(url)  # the command closed its connection; the test goes on
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else {}), err


def test_bookings_from_the_command_line(office: str, travel: Travel, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    travel(jakarta(7))
    supervisor()
    path = tmp_path / "booking.csv"
    path.write_bytes(LIST)
    stdin_lines(monkeypatch, "super123!")
    code, body, _ = run(capsys, office, "--as", "kepala", "booking", "import", str(path))
    assert code == 0 and (body["created"], body["unchanged"]) == (3, 0)
    path.write_bytes(LIST + b"MP-0001;Budi Santoso;W;01/07/2024;09:30\r\n")
    stdin_lines(monkeypatch, "super123!")
    code, body, _ = run(capsys, office, "booking", "import", str(path), "--as", "kepala")
    assert code != 0 and body["error"] == "import_rejected"
    assert [(p["line"], p["reason"]) for p in body["problems"]] == [(5, "booking_conflict")]
    travel(jakarta(9, 10))
    code, body, _ = run(capsys, office, "booking", "check-in", "MP-0001", "--request-id", "r1")
    assert code == 0 and (body["number"], body["booking_slot"]) == ("A001", "09:30")
    code, again, _ = run(capsys, office, "booking", "check-in", "MP-0001")
    assert code == 0 and (again["id"], again["again"]) == (body["id"], True)
    travel(jakarta(7))
    code, body, err = run(capsys, office, "--lang", "en", "booking", "check-in", "MP-0002")
    assert code != 0 and body["error"] == "booking_too_early"
    assert "come back at 09:00" in body["message"]
    travel(jakarta(9, 15))
    stdin_lines(monkeypatch, "super123!")
    code, body, _ = run(capsys, office, "--as", "kepala", "booking", "list")
    assert [(b["code"], b["state"]) for b in body["bookings"]] == [
        ("MP-0001", "checked_in"), ("MP-0002", "expected"), ("MP-0003", "expected")]
    stdin_lines(monkeypatch, "super123!")
    code, body, _ = run(capsys, office, "--as", "kepala", "booking", "report",
                        "--from", "2024-07-01", "--to", "2024-07-01")
    assert code == 0 and body["days"][0]["booked"] == 1
