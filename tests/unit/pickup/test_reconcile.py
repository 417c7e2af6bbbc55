"""Handovers made on the emergency PC's file, or since the backup a server came back
from, written into the office's database once, with their original time, counter and
officer — on every backend."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import InvalidInput, Refused
from app.notify.sender import Channels, Sender
from app.office import admin, officers
from app.pickup import journal, reconcile
from app.pickup import service as pickup
from app.private_files import append_json_line
from app.queue import engine
from app.storage import json_text
from app.storage.models import (
    AuditEntry,
    Counter,
    Event,
    Notification,
    Officer,
    PickupRecord,
    Ticket,
)
from tests.helpers import NOW
from tests.helpers.emergency import (
    backup_of_the_office,
    emergency_file,
    give,
    number,
    older_copy,
    stock_the_shelf,
    working_on,
)
from tests.helpers.gateway import gateway
from tests.helpers.people import setup_admin

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> str:
    travel(NOW)
    stock_the_shelf()
    return office


def supervisor() -> int:
    return int(Officer.get(Officer.username == "supervisor").id)


def record(i: int) -> PickupRecord:
    return PickupRecord.get(PickupRecord.application_no == number(i))


def snapshot() -> tuple[Any, ...]:
    return (list(PickupRecord.select().order_by(PickupRecord.id).dicts()),
            AuditEntry.select().count(), list(Ticket.select().order_by(Ticket.id).dicts()),
            Event.select().count())


def reconciled() -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action == "pickup_handover_reconciled")
                .order_by(AuditEntry.id))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def results(report: reconcile.ReconcileReport) -> dict[str, str]:
    return {o.fact.application_no: o.result + (f":{o.reason}" if o.reason else "")
            for o in report.outcomes}


# --- the emergency PC's file -------------------------------------------------------------


@pytest.fixture
def emergency_day(shelf: str, tmp_path: Path,
                  travel: Callable[[dt.datetime], None]) -> Path:
    """Last night's backup (000006 already collected then) run on the emergency PC:
    000001 to 000004 handed over there, one by an officer and one at a counter only that
    PC knows. Meanwhile the server (back, from the same backup's day) handed 000003 over
    itself, holds a called ticket for 000001 at counter 5 and a waiting one for 000004."""
    give(6, counter=2)
    file = emergency_file(backup_of_the_office(tmp_path / "backups"), tmp_path)
    with working_on(f"sqlite:///{file}"):
        admin.add_counter(setup_admin(), 9, "Loket Darurat", ["ambil"])
        officers.add_officer("darurat", "darurat123", full_name="Petugas Darurat")
        for i, (counter, officer) in enumerate(((5, "petugas1"), (5, "darurat"),
                                                (6, "petugas1"), (9, "petugas1")), 1):
            travel(NOW + i * HOUR)
            give(i, counter, officer)
    travel(NOW + 30 * dt.timedelta(minutes=1))
    pickup.check_in(number(1))
    assert engine.call_next(5).pickup == record(1).id
    pickup.check_in(number(4))
    travel(NOW + 5 * HOUR)
    give(3, counter=1)
    travel(NOW + 6 * HOUR)
    return file


def test_the_emergency_pcs_handovers_are_recorded_with_their_own_time_counter_and_officer(
        emergency_day: Path) -> None:
    facts, source = reconcile.facts_from_database(str(emergency_day))
    assert source == str(emergency_day)
    report = reconcile.reconcile(facts, supervisor(), source=source)
    assert results(report) == {number(1): "recorded", number(2): "recorded",
                               number(3): "conflict:collected_otherwise",
                               number(4): "recorded", number(6): "already_recorded"}
    first = record(1)
    assert (first.status, first.collected_at, first.collector, first.id_checked) == (
        "collected", NOW + HOUR, "self", True)
    assert first.collected_counter_id == Counter.get(Counter.number == 5).id
    assert first.collected_officer_id == Officer.get(Officer.username == "petugas1").id
    # An officer or a counter only the emergency PC knew: recorded without, and said.
    second, fourth = record(2), record(4)
    assert (second.status, second.collected_officer_id, second.collected_at) == (
        "collected", None, NOW + 2 * HOUR)
    assert (fourth.status, fourth.collected_counter_id) == ("collected", None)
    by_no = {o.fact.application_no: o for o in report.outcomes}
    assert by_no[number(2)].unknown_officer and not by_no[number(2)].unknown_counter
    assert by_no[number(4)].unknown_counter and not by_no[number(4)].unknown_officer
    # The server's own handover of 000003 stays as it is.
    third = record(3)
    assert (third.collected_at, third.collected_counter_id) == (
        NOW + 5 * HOUR, Counter.get(Counter.number == 1).id)
    assert by_no[number(3)].collected_at == (NOW + 5 * HOUR).isoformat()
    assert by_no[number(3)].counter == 1
    # Audited as what it is, naming the source and the supervisor.
    entries = reconciled()
    assert [e.subject for e in entries] == [number(1), number(2), number(4)]
    details = json_text.loads(entries[0].details)
    assert details["source"] == f"database:{emergency_day}"
    assert details["supervisor"] == "supervisor"
    assert details["collected_at"] == (NOW + HOUR).isoformat()
    assert entries[0].counter == 5
    # The ticket counter 5 held for 000001 is finished, 000004's waiting one cancelled.
    tickets = {t.pickup_id: t.status for t in Ticket.select()}
    assert tickets == {first.id: "done", fourth.id: "cancelled"}
    # The sender tells nobody who already has their passport.
    with gateway() as gw:
        Sender(Channels(url=gw.url)).run_once()
    told = {n.pickup_id: (n.state, n.failed_reason) for n in Notification.select()}
    for rec in (first, second, third, fourth):
        assert told[rec.id][0] == "cancelled" and told[rec.id][1] == "closed_collected: "
    assert told[record(5).id][0] == "sent"


def test_running_it_again_writes_nothing(emergency_day: Path) -> None:
    facts, source = reconcile.facts_from_database(str(emergency_day))
    reconcile.reconcile(facts, supervisor(), source=source)
    before = snapshot()
    again = reconcile.reconcile(*reconcile.facts_from_database(str(emergency_day))[:1],
                                supervisor())
    assert again.counts() == {"recorded": 0, "already_recorded": 4, "conflict": 1,
                              "unknown_application": 0, "other_database": 0}
    assert snapshot() == before


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(emergency_day: Path) -> None:
    before, file_before = snapshot(), digest(emergency_day)
    facts, source = reconcile.facts_from_database(str(emergency_day))
    report = reconcile.reconcile(facts, supervisor(), source=source, dry_run=True)
    assert report.dry_run and report.counts()["recorded"] == 3
    lines = report.lines("en")
    assert lines[0] == (f"{number(1)}: would be recorded as collected 01/07/2024 11:00 at "
                        "counter 5 by petugas1.")
    assert "nothing written" in lines[-1]
    assert snapshot() == before
    assert digest(emergency_day) == file_before  # read only


def test_the_report_speaks_indonesian_by_default(emergency_day: Path) -> None:
    facts, source = reconcile.facts_from_database(str(emergency_day))
    lines = reconcile.reconcile(facts, supervisor(), source=source).lines()
    assert f"{number(2)}: dicatat sudah diambil 01/07/2024 12:00 di loket 5 oleh darurat." \
        in lines[1] and "Petugas 'darurat' tidak dikenal" in lines[1]
    assert lines[2].startswith(f"{number(3)}: TIDAK dicatat: di sini sudah diambil "
                               "01/07/2024 15:00 di loket 1")
    assert lines[-1] == ("Jumlah 5: 3 dicatat, 1 sudah tercatat, 1 bentrok, 0 tidak dikenal, "
                         "0 dari basis data lain.")


def test_only_a_supervisor_reconciles(emergency_day: Path) -> None:
    facts, _ = reconcile.facts_from_database(str(emergency_day))
    before = snapshot()
    with pytest.raises(Refused) as refused:
        reconcile.reconcile(facts, int(Officer.get(Officer.username == "petugas1").id))
    assert refused.value.code == "needs_supervisor"
    assert snapshot() == before


def test_garbage_and_foreign_files_are_refused_and_nothing_is_written(
        emergency_day: Path, tmp_path: Path) -> None:
    before = snapshot()
    garbage = tmp_path / "foto.jpg"
    garbage.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    other = tmp_path / "lain.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE pickup_record (id INTEGER PRIMARY KEY)")
    conn.close()
    older = older_copy(emergency_day, tmp_path / "lama.sqlite3")
    for path in (garbage, other, tmp_path / "kosong.sqlite3"):
        if path.name == "kosong.sqlite3":
            path.write_bytes(b"")
        with pytest.raises(Refused) as refused:
            reconcile.facts_from_database(str(path))
        assert refused.value.code == "reconcile_not_loket", path
        assert str(path) in refused.value.message("en")
    with pytest.raises(Refused) as refused:
        reconcile.facts_from_database(f"sqlite:///{older}")
    assert refused.value.code == "reconcile_schema_differs"
    assert "versi Loket lain" in refused.value.message("id")
    with pytest.raises(InvalidInput) as missing:
        reconcile.facts_from_database(str(tmp_path / "tidak-ada.sqlite3"))
    assert missing.value.code == "reconcile_source_missing"
    assert not (tmp_path / "tidak-ada.sqlite3").exists()
    assert snapshot() == before


# --- the PC's journal -------------------------------------------------------------------


def test_each_handover_is_journalled_once_it_is_saved_and_a_refused_one_is_not(
        shelf: str) -> None:
    give(1, counter=5)
    with pytest.raises(Refused):
        give(1, counter=6)  # already collected
    with pytest.raises(Refused):
        pickup.hand_over(number(2), 5, "petugas1", "self", id_checked=False)
    lines = journal.entries()
    assert len(lines) == 1
    line = lines[0]
    assert {k: line[k] for k in ("application_no", "collected_at", "counter", "officer",
                                 "collector", "id_checked")} == {
        "application_no": number(1), "collected_at": NOW.isoformat(), "counter": 5,
        "officer": "petugas1", "collector": "self", "id_checked": True}
    assert line["database"] == pickup.get_settings().database_id != ""
    assert journal.journal_path().stat().st_mode & 0o077 == 0


def test_a_restore_from_an_older_backup_gets_its_handovers_back_from_the_journal(
        shelf: str, tmp_path: Path, travel: Callable[[dt.datetime], None]) -> None:
    from app.backup.restore import restore

    backup = backup_of_the_office(tmp_path / "backups")
    travel(NOW + HOUR)
    give(1, counter=5)
    travel(NOW + 2 * HOUR)
    pickup.hand_over(number(2), 6, "petugas1", "family", "Ani", id_checked=True)
    travel(NOW + 3 * HOUR)
    restore(backup, shelf, force=True)  # the server is lost: last night's backup
    assert record(1).status == record(2).status == "ready"

    facts, source = reconcile.facts_from_journal()
    assert source == str(journal.journal_path())
    report = reconcile.reconcile(facts, supervisor(), source=source)
    assert report.counts()["recorded"] == 2
    second = record(2)
    assert (second.status, second.collected_at, second.collector, second.collector_name) == (
        "collected", NOW + 2 * HOUR, "family", "Ani")
    assert second.collected_counter_id == Counter.get(Counter.number == 6).id
    assert json_text.loads(reconciled()[0].details)["source"] == f"journal:{source}"

    # A handover a supervisor undoes afterwards does not come back by a later replay.
    pickup.undo_hand_over(number(1), "supervisor", "salah orang")
    again = reconcile.reconcile(reconcile.facts_from_journal()[0], supervisor())
    assert results(again) == {number(1): "conflict:undone", number(2): "already_recorded"}
    assert record(1).status == "ready"


def test_a_handover_of_another_database_is_replayed_only_when_asked(shelf: str) -> None:
    fact = reconcile.HandoverFact(number(1), NOW, 5, "petugas1", "self", None, True, True,
                                  "journal:x", database_id="kantor-lain")
    refused = reconcile.reconcile([fact], supervisor())
    assert results(refused) == {number(1): "other_database"}
    assert "--any-database" in refused.lines("en")[-1]
    assert record(1).status == "ready"
    taken = reconcile.reconcile([fact], supervisor(), any_database=True)
    assert results(taken) == {number(1): "recorded"}
    assert record(1).status == "collected"


def test_an_application_the_database_does_not_know_is_listed(shelf: str) -> None:
    fact = reconcile.HandoverFact("2024-TNG-999999", NOW, 5, "petugas1", "self", None, True,
                                  True, "journal:x")
    before = snapshot()
    report = reconcile.reconcile([fact, fact], supervisor())
    assert results(report) == {"2024-TNG-999999": "unknown_application"}
    assert len(report.outcomes) == 1  # the same handover twice is one
    assert snapshot() == before


def test_the_journal_keeps_thirty_days(shelf: str,
                                       travel: Callable[[dt.datetime], None]) -> None:
    path = journal.journal_path()
    old = {"application_no": number(5), "collected_at": (NOW - dt.timedelta(days=31))
           .isoformat(), "counter": 5, "officer": "petugas1", "database": ""}
    recent = {**old, "application_no": number(6),
              "collected_at": (NOW - dt.timedelta(days=29)).isoformat()}
    append_json_line(path, old)
    append_json_line(path, recent)
    give(1)
    assert [e["application_no"] for e in journal.entries()] == [number(6), number(1)]


def test_a_pc_that_hands_over_nothing_more_forgets_too(shelf: str) -> None:
    """At its next start (and at a purge run on it), not only at its next handover;
    a purge's later cutoff counts as well."""
    path = journal.journal_path()
    line = {"application_no": number(5), "counter": 5, "officer": "petugas1",
            "database": ""}
    append_json_line(path, {**line, "collected_at": (NOW - dt.timedelta(days=31))
                            .isoformat()})
    append_json_line(path, {**line, "application_no": number(6),
                            "collected_at": (NOW - dt.timedelta(days=10)).isoformat()})
    append_json_line(path, {**line, "application_no": number(7),
                            "collected_at": (NOW - dt.timedelta(days=2)).isoformat()})
    journal.prune()
    assert [e["application_no"] for e in journal.entries()] == [number(6), number(7)]
    journal.prune(NOW - dt.timedelta(days=5))
    assert [e["application_no"] for e in journal.entries()] == [number(7)]


def test_a_journal_that_is_missing_or_holds_damaged_lines(
        shelf: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(InvalidInput) as missing:
        reconcile.facts_from_journal(tmp_path / "none.jsonl")
    assert missing.value.code == "reconcile_source_missing"
    give(1)
    path = journal.journal_path()
    with path.open("a", encoding="utf-8") as out:
        out.write('{"application_no": "2024-TNG-000002"}\n[1, 2]\n{"applicat')
    with caplog.at_level("WARNING", "app"):
        facts, _ = reconcile.facts_from_journal()
    assert [f.application_no for f in facts] == [number(1)]
    assert len(caplog.records) == 3  # two lines that are no handover, one cut short


def test_another_database_is_read_by_its_url_as_well(shelf: str) -> None:
    """A server's URL (here the office's own database, read through a second
    connection): its handovers are facts like a file's, and this one is already here."""
    give(1, counter=6)
    facts, _ = reconcile.facts_from_database(shelf)
    assert [(f.application_no, f.collected_at, f.counter, f.officer, f.database_id)
            for f in facts] == [(number(1), NOW, 6, "petugas1",
                                 pickup.get_settings().database_id)]
    before = snapshot()
    assert results(reconcile.reconcile(facts, supervisor())) == {
        number(1): "already_recorded"}
    assert snapshot() == before


def test_a_file_that_is_no_journal_is_refused_and_an_empty_journal_is_fine(
        shelf: str, tmp_path: Path) -> None:
    """A list or a database picked by mistake says so, rather than "nothing to do"."""
    listing = tmp_path / "daftar.csv"
    listing.write_text("no_permohonan;nama\n2024-TNG-000001;Budi\n", encoding="utf-8")
    binary = tmp_path / "foto.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    numbers = tmp_path / "angka.jsonl"
    numbers.write_text('1\n"2024-TNG-000001"\n{"nama": "Budi"}\n', encoding="utf-8")
    before = snapshot()
    for path in (listing, binary, numbers):
        with pytest.raises(Refused) as refused:
            reconcile.facts_from_journal(path)
        assert refused.value.code == "reconcile_not_journal", path
        assert refused.value.message("id") == (
            f"'{path}' bukan jurnal penyerahan Loket (tidak ada satu baris pun yang berisi "
            "penyerahan); tidak ada yang dicatat.")
        assert str(path) in refused.value.message("en")
    empty = tmp_path / "kosong.jsonl"
    for content in ("", "\n\n"):
        empty.write_text(content, encoding="utf-8")
        assert reconcile.facts_from_journal(empty) == ([], str(empty))
    assert snapshot() == before
