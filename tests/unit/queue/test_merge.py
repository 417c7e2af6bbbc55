"""Tickets the emergency PC issued and served on its restored file, written into the
office's database once, with their own times, counters and officers and their survey
answers — on every backend — so the reports count the outage day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import Refused
from app.office import reports, survey
from app.queue import bookings, engine, merge
from app.storage import json_text
from app.storage.models import (
    AuditEntry,
    Booking,
    Counter,
    DailySequence,
    Officer,
    SurveyResponse,
    Ticket,
)
from tests.helpers import NOW
from tests.helpers.emergency import (
    SHORT_FORM,
    an_outage,
    another_offices_copy,
    backup_of_the_office,
    emergency_file,
    older_copy,
    serve,
    stock_the_shelf,
    working_on,
)
from tests.helpers.people import setup_admin

HOUR = dt.timedelta(hours=1)
TODAY = dt.date(2024, 7, 1)
YESTERDAY = TODAY - dt.timedelta(days=1)


def officer_id(username: str) -> int:
    return int(Officer.get(Officer.username == username).id)


def supervisor() -> int:
    return officer_id("supervisor")


def snapshot() -> tuple[Any, ...]:
    return (list(Ticket.select().order_by(Ticket.id).dicts()),
            list(SurveyResponse.select().order_by(SurveyResponse.id).dicts()),
            list(DailySequence.select().dicts()), AuditEntry.select().count())


def merges() -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action == "tickets_merged"))


@pytest.fixture
def outage(office: str, tmp_path: Path, travel: Callable[[dt.datetime], None]) -> Path:
    """See :func:`tests.helpers.emergency.an_outage`."""
    return an_outage(tmp_path, travel)


def test_the_emergency_days_tickets_join_the_servers_reports(outage: Path) -> None:
    before = reports.report(TODAY, TODAY, supervisor())
    assert (before.total.issued, before.total.served) == (2, 2)

    report = merge.merge(str(outage), supervisor())

    assert report.groups() == [
        {"day": "2024-07-01", "queue": "paspor", "merged": 3, "already": 1, "skipped": 1,
         "reasons": {"in_server": 1, "unfinished": 1}},
        {"day": "2024-07-01", "queue": "wna", "merged": 1, "already": 0, "skipped": 0,
         "reasons": {}}]
    assert report.same_days == 1  # yesterday: the backup's, as it was
    after = reports.report(TODAY, TODAY, supervisor())
    assert (after.total.issued, after.total.served, after.total.no_shows) == (6, 5, 1)
    by_counter = {row.key: row.served for row in after.counters}
    assert by_counter["2"] == 1 and by_counter["1"] == 2
    # Yesterday is untouched.
    assert reports.report(YESTERDAY, YESTERDAY, supervisor()).total.issued == 1
    # Its survey answer came along, tied to the same queue, counter and officer.
    rated = survey.report(TODAY, TODAY, supervisor())
    assert rated.total.responses == 1
    answer = SurveyResponse.get()
    merged_a002 = Ticket.get(Ticket.id == answer.ticket_id)
    assert (merged_a002.number, merged_a002.seq, merged_a002.issued_at) == ("A002", 3, NOW)
    assert merged_a002.origin == f"paspor:2024-07-01:2:{NOW.isoformat()}"
    assert answer.counter_id == Counter.get(Counter.number == 2).id
    assert answer.officer_id == officer_id("petugas1") and answer.comment == "cepat"
    # Counter 9 and the officer "darurat" are not the server's: NULL, and said.
    a003 = Ticket.get(Ticket.number == "A003")
    assert (a003.counter_id, a003.officer_id, a003.status) == (None, None, "done")
    said = {o.number: o for o in report.outcomes}
    assert (said["A003"].unknown_counter, said["A003"].unknown_officer) == (9, "darurat")
    assert said["A005"].reason == "unfinished" and not Ticket.select().where(
        Ticket.number == "A005").exists()
    # Audited once per day, naming the source and the supervisor.
    [entry] = merges()
    details = json_text.loads(entry.details)
    assert (entry.subject, entry.officer_id, details["source"]) == (
        "2024-07-01", supervisor(), str(outage))
    assert details["queues"]["paspor"] == {"merged": 3, "seq_from": 3, "seq_to": 5}


def test_a_number_the_server_gave_too_keeps_its_print_and_the_day_goes_on_after_it(
        outage: Path) -> None:
    report = merge.merge(str(outage), supervisor())
    lines = report.lines("en")
    assert "A002 (01/07/2024): merged as sequence 3 (its number was taken here); " \
        "it keeps its printed number A002." in lines
    # The unique (queue, day, seq) holds; a counter finding A002 finds the server's own.
    seqs = [t.seq for t in Ticket.select().where(Ticket.service_day == TODAY)
            .where(Ticket.queue == Ticket.get(Ticket.number == "A001").queue_id)]
    assert sorted(seqs) == [1, 2, 3, 4, 5]
    assert engine.get_ticket("A002").counter == 3
    assert survey.ticket_of_number("A002") == engine.get_ticket("A002").id
    # The next number of the day follows the merged ones.
    assert engine.issue_ticket("A").number == "A006"


def test_merging_again_writes_nothing(outage: Path) -> None:
    merge.merge(str(outage), supervisor())
    before = snapshot()
    again = merge.merge(f"sqlite:///{outage}", supervisor())
    assert again.counts() == {"merged": 0, "already": 5, "skipped": 1}
    assert again.groups()[0]["reasons"] == {"in_server": 1, "merged_before": 3,
                                            "unfinished": 1}
    assert snapshot() == before and len(merges()) == 1


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(outage: Path) -> None:
    before = snapshot()
    file_before = outage.read_bytes()
    report = merge.merge(str(outage), supervisor(), dry_run=True)
    assert report.dry_run and report.counts() == {"merged": 4, "already": 1, "skipped": 1}
    assert report.lines("en")[-1].endswith("(would be — nothing written)")
    assert snapshot() == before
    assert outage.read_bytes() == file_before  # read only


def test_the_report_speaks_indonesian_by_default(outage: Path) -> None:
    lines = merge.merge(str(outage), supervisor()).lines()
    assert lines[0] == ("01/07/2024 antrian paspor: 3 digabung, 1 sudah ada, 1 dilewati "
                        "(1 sudah ada dari cadangan, 1 belum selesai).")
    assert ("A005 (01/07/2024): TIDAK digabung: di sana masih menunggu atau dilayani, "
            "padahal harinya sudah lewat.") in lines
    assert "A003 (01/07/2024): petugas 'darurat' tidak dikenal di sini; dicatat tanpa " \
        "petugas." in lines
    assert lines[-1] == ("Jumlah 6: 4 digabung, 1 sudah ada, 1 dilewati; 1 hari sama "
                         "persis dengan di sini.")


def test_refusals_change_nothing(outage: Path, tmp_path: Path) -> None:
    before = snapshot()
    with pytest.raises(Refused) as refused:
        merge.merge(str(outage), officer_id("petugas1"))
    assert refused.value.code == "needs_supervisor"
    garbage = tmp_path / "foto.jpg"
    garbage.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    with pytest.raises(Refused) as refused:
        merge.merge(str(garbage), supervisor())
    assert refused.value.code == "reconcile_not_loket"
    older = older_copy(outage, tmp_path / "lama.sqlite3")
    with pytest.raises(Refused) as refused:
        merge.merge(str(older), supervisor())
    assert refused.value.code == "reconcile_schema_differs"
    assert snapshot() == before


def test_another_offices_database_is_merged_only_when_asked(outage: Path,
                                                             tmp_path: Path) -> None:
    elsewhere = another_offices_copy(outage, tmp_path / "lain.sqlite3")
    before = snapshot()
    with pytest.raises(Refused) as refused:
        merge.merge(str(elsewhere), supervisor())
    assert refused.value.code == "ticket_merge_other_database"
    assert "--any-database" in refused.value.message("id")
    assert snapshot() == before
    assert merge.merge(str(elsewhere), supervisor(),
                       any_database=True).counts()["merged"] == 4


def test_a_booking_checked_in_there_is_checked_in_here_with_its_ticket(
        office: str, tmp_path: Path, travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW - HOUR)
    stock_the_shelf()
    bookings.import_bookings(b"kode_booking;nama;layanan;tanggal;jam\n"
                             b"MP-0001;Budi;A;01/07/2024;10:00\n", officer=setup_admin())
    file = emergency_file(backup_of_the_office(tmp_path / "backups"), tmp_path)
    with working_on(f"sqlite:///{file}"):
        travel(NOW)
        ticket = bookings.check_in("MP-0001").ticket
        assert engine.call_next(1, officer_id("petugas1")).number == ticket.number
        engine.finish(ticket.number, 1)
    travel(NOW + 8 * HOUR)
    assert Booking.get().ticket_id is None
    [merged] = merge.merge(str(file), supervisor()).outcomes
    assert merged.booking == "MP-0001"
    booking, ticket_here = Booking.get(), Ticket.get()
    assert (booking.ticket_id, booking.checked_in_at) == (ticket_here.id, NOW)
    assert ticket_here.booked and ticket_here.line_at == booking.slot_at


@pytest.fixture
def waiting_at_backup(office: str, tmp_path: Path, travel: Callable[[dt.datetime], None]
                      ) -> tuple[Path, engine.TicketView]:
    """A001 takes its number, the backup is made while it waits, the server is lost;
    the emergency PC serves it (and its applicant answers the survey) and also serves
    A002 of its own. The server still holds A001 waiting."""
    travel(NOW - HOUR)
    stock_the_shelf()
    waiting = serve("A", 1, "petugas1", "waiting")
    file = emergency_file(backup_of_the_office(tmp_path / "backups"), tmp_path)
    with working_on(f"sqlite:///{file}"):
        travel(NOW)
        assert engine.call_next(1, officer_id("petugas1")).number == "A001"
        engine.start_serving("A001", 1)
        served = engine.finish("A001", 1)
        survey.answer(served.id, SHORT_FORM, comment="akhirnya")
        serve("A", 2, "petugas1")
    travel(NOW + 8 * HOUR)
    return file, waiting


def a001() -> Ticket:
    return Ticket.get(Ticket.number == "A001")


@pytest.mark.parametrize("expired", [False, True], ids=["still-waiting", "expired"])
def test_a_ticket_waiting_at_backup_time_and_served_there_is_finished_here(
        waiting_at_backup: tuple[Path, engine.TicketView], expired: bool,
        travel: Callable[[dt.datetime], None]) -> None:
    file, waiting = waiting_at_backup
    if expired:  # the server's next day closed it unserved
        travel(NOW + 24 * HOUR)
        assert engine.close_previous_days() == 1
        assert a001().status == "expired"
    assert reports.report(TODAY, TODAY, supervisor()).total.served == 0

    preview = merge.merge(str(file), supervisor(), dry_run=True)
    assert preview.groups()[0]["reasons"] == {"completed": 1}
    assert a001().status == ("expired" if expired else "waiting")

    report = merge.merge(str(file), supervisor())

    assert report.groups() == [
        {"day": "2024-07-01", "queue": "paspor", "merged": 2, "already": 0, "skipped": 0,
         "reasons": {"completed": 1}}]
    said = {o.number: o for o in report.outcomes}
    assert (said["A001"].result, said["A001"].reason, said["A001"].seq) == (
        "merged", "completed", 1)
    assert said["A001"].survey
    # The server's own row (same id, number and sequence) took the outcome it got there.
    ticket = a001()
    assert ticket.id == waiting.id and ticket.origin is None
    assert (ticket.status, ticket.counter_id, ticket.officer_id) == (
        "done", Counter.get(Counter.number == 1).id, officer_id("petugas1"))
    assert (ticket.called_at, ticket.finished_at) == (NOW, NOW)
    after = reports.report(TODAY, TODAY, supervisor())
    assert (after.total.issued, after.total.served, after.total.no_shows) == (2, 2, 0)
    answer = SurveyResponse.get(SurveyResponse.ticket == ticket.id)
    assert answer.comment == "akhirnya" and survey.report(
        TODAY, TODAY, supervisor()).total.responses == 1
    [entry] = merges()
    assert json_text.loads(entry.details)["completed"] == 1
    assert any("menunggu saat cadangan dibuat" in line for line in report.lines())

    before = snapshot()
    again = merge.merge(str(file), supervisor())
    assert again.counts() == {"merged": 0, "already": 0, "skipped": 0}
    assert again.same_days == 1  # the day now reads here exactly as there
    assert snapshot() == before and len(merges()) == 1


def test_a_ticket_served_there_is_found_on_a_day_that_looks_the_same_otherwise(
        office: str, tmp_path: Path, travel: Callable[[dt.datetime], None]) -> None:
    """The emergency PC served only the ticket that waited at backup time: the same
    tickets, ids and issue times on both sides; only its outcome differs."""
    travel(NOW - HOUR)
    stock_the_shelf()
    serve("A", 1, "petugas1", "waiting")
    file = emergency_file(backup_of_the_office(tmp_path / "backups"), tmp_path)
    with working_on(f"sqlite:///{file}"):
        travel(NOW)
        assert engine.call_next(1, officer_id("petugas1")).number == "A001"
        engine.no_show("A001", 1)
    report = merge.merge(str(file), supervisor())
    assert report.same_days == 0 and report.counts()["merged"] == 1
    assert a001().status == "no_show"


def test_a_ticket_the_server_served_itself_keeps_the_servers_outcome(
        waiting_at_backup: tuple[Path, engine.TicketView],
        travel: Callable[[dt.datetime], None]) -> None:
    file, _ = waiting_at_backup
    travel(NOW + 2 * HOUR)  # the server came back and its counter 3 served A001
    assert engine.call_next(3, officer_id("supervisor")).number == "A001"
    engine.no_show("A001", 3)
    [outcome] = [o for o in merge.merge(str(file), supervisor()).outcomes
                 if o.number == "A001"]
    assert (outcome.result, outcome.reason) == ("already", "in_server")
    assert (a001().status, a001().counter_id) == (
        "no_show", Counter.get(Counter.number == 3).id)
    assert not SurveyResponse.select().where(SurveyResponse.ticket == a001().id).exists()


def test_a_ticket_called_here_while_the_merge_reads_is_listed_not_overwritten(
        waiting_at_backup: tuple[Path, engine.TicketView],
        monkeypatch: pytest.MonkeyPatch) -> None:
    file, _ = waiting_at_backup
    read_here = merge._here

    def a_counter_calls_it_meanwhile(day: dt.date) -> Any:
        here = read_here(day)
        if day != TODAY:  # the permission check's read
            return here
        Ticket.update(status="called", counter=Counter.get(Counter.number == 3).id,
                      called_at=NOW + 8 * HOUR).where(Ticket.number == "A001").execute()
        return here

    monkeypatch.setattr(merge, "_here", a_counter_calls_it_meanwhile)
    report = merge.merge(str(file), supervisor())
    said = {o.number: o for o in report.outcomes}
    assert (said["A001"].result, said["A001"].reason) == ("skipped", "changed_here")
    assert (a001().status, a001().called_at) == ("called", NOW + 8 * HOUR)
    assert not SurveyResponse.select().where(SurveyResponse.ticket == a001().id).exists()
    assert ("A001 (01/07/2024): NOT merged: finished there, but called or changed here "
            "a moment ago. Check this number, then run again.") in report.lines("en")
    assert said["A002"].result == "merged"  # the rest of the day is not held up
