"""The retention purge (UU PDP 27/2022): names and passport numbers go, numbers stay."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable

import pytest

from app.errors import Refused
from app.office import audit_log, officers, reports, retention, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import status
from app.storage.models import AuditEntry, PickupRecord
from tests.helpers.people import setup_admin

JAKARTA = dt.timedelta(hours=7)
SHELF = ("no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status\n"
         "2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;28/06/2024;siap\n"
         "2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;28/06/2024;siap\n"
         "2024-TNG-000003;Agus Salim;X2222222;Rak B-01;01/05/2024;siap\n"
         "2024-TNG-000004;Dewi Sartika;C1111111;Rak C-01;;cetak\n"
         "2024-TNG-000005;Rina Marlina;C3333333;Rak C-02;28/06/2024;siap\n"
         "2024-TNG-000006;Joko Widodo Ñ;C4444444;Rak C-03;28/06/2024;siap\n").encode()
NAMES = ("Budi Santoso", "Siti Aminah", "Agus Salim", "Dewi Sartika", "Rina Marlina",
         "Joko Widodo Ñ", "X1234567", "X7654321", "X2222222", "C1111111", "C3333333",
         "C4444444", "Nyai Kuasa", "Pak Rudi", "Ibu Tini")


def jakarta(month: int, day: int, hour: int = 10, year: int = 2024) -> dt.datetime:
    return dt.datetime(year, month, day, hour) - JAKARTA


@pytest.fixture
def history(office: str, travel: Callable[[dt.datetime], None]) -> dict[str, int]:
    """Half a year of a shelf: handed over, undone, handed over again, cancelled.

    000001 collected 1 July by a proxy; 000002 handed to a family member on 1 July,
    undone, collected again on 25 July by the holder; 000003 cancelled as overdue on
    1 July; 000004 still printing; 000005 ready, never collected; 000006 handed over,
    undone and handed over again (all on 2 July, by family).
    """
    travel(jakarta(7, 1))
    backlog.import_backlog(SHELF, batch="Backlog PDN Juni 2024", officer=setup_admin())
    clerk = officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    officers.add_officer("supervisor", "super123!", role="supervisor", full_name="Siti Super")
    admin = officers.add_officer("kepala", "admin12345", role="admin", full_name="Kepala")
    pickup.hand_over("2024-TNG-000001", 5, "petugas1", "proxy", "Nyai Kuasa", id_checked=True)
    pickup.hand_over("2024-TNG-000002", 5, "petugas1", "family", "Pak Rudi", id_checked=True)
    pickup.undo_hand_over("2024-TNG-000002", "supervisor", "paspor tertukar")
    pickup.cancel_overdue("supervisor")
    travel(jakarta(7, 2))
    pickup.hand_over("2024-TNG-000006", 6, "petugas1", "family", "Ibu Tini", id_checked=True)
    pickup.undo_hand_over("2024-TNG-000006", "supervisor", "salah catat")
    pickup.hand_over("2024-TNG-000006", 6, "petugas1", "family", "Ibu Tini", id_checked=True)
    travel(jakarta(7, 25))
    pickup.hand_over("2024-TNG-000002", 6, "petugas1", "self", id_checked=True)
    settings.update_settings(setup_admin(), retention_days=180)
    return {"admin": admin.id, "clerk": clerk.id}


def record_of(number: str) -> PickupRecord:
    return PickupRecord.get(PickupRecord.application_no == f"2024-TNG-{number}")



def statistics(by: int) -> tuple[object, ...]:
    rep = reports.report(dt.date(2024, 7, 1), dt.date(2024, 7, 31), by)
    return (dataclasses.replace(rep, generated_at=dt.datetime(2000, 1, 1)),
            pickup.batches(),
            [(r.status, r.collected_at, r.collected_counter_id, r.collected_officer_id,
              r.collector, r.id_checked, r.verified, r.batch, r.ready_date, r.cancelled_at)
             for r in PickupRecord.select().order_by(PickupRecord.id)])


def test_only_records_closed_before_the_cutoff_lose_their_names(
        history: dict[str, int], travel: Callable[[dt.datetime], None]) -> None:
    # 20 January 2025 - 180 days = 24 July 2024: closed on 1–2 July goes, 25 July stays.
    travel(jakarta(1, 20, year=2025))
    before = statistics(history["admin"])
    result = retention.purge(history["admin"])
    assert (result.cutoff, result.records, result.dry_run) == ("2024-07-24", 3, False)
    for number in ("000001", "000003", "000006"):
        rec = record_of(number)
        assert (rec.name, rec.passport_no) == (retention.PLACEHOLDER, "")
    assert record_of("000001").collector_name == retention.PLACEHOLDER
    assert record_of("000006").collector_name == retention.PLACEHOLDER
    assert record_of("000003").collector_name is None  # it never had one
    for number, name in (("000002", "Siti Aminah"), ("000004", "Dewi Sartika"),
                         ("000005", "Rina Marlina")):
        assert record_of(number).name == name  # collected later, printing, ready
    assert statistics(history["admin"]) == before  # every number still counts


def shown_entries_of(number: str, viewer: int) -> list[dict[str, object]]:
    """The details as the supervisor's log viewer shows them (names joined in)."""
    page = audit_log.entries(viewer, audit_log.AuditFilter(text=f"2024-TNG-{number}"))
    return [row.details for row in reversed(page.rows)]


def test_the_audit_log_holds_no_names_and_the_viewer_joins_them(
        history: dict[str, int]) -> None:
    raw = json.dumps([e.details + e.subject for e in AuditEntry.select()], ensure_ascii=False)
    assert not [name for name in NAMES + ("paspor tertukar", "salah catat") if name in raw]
    shown = shown_entries_of("000006", history["admin"])
    assert [d.get("collector_name") for d in shown] == ["Ibu Tini", None, "Ibu Tini"]
    assert shown[1]["reason"] == "salah catat"


def test_audit_notes_of_purged_passports_are_erased_and_the_log_stays_as_written(
        history: dict[str, int], travel: Callable[[dt.datetime], None]) -> None:
    travel(jakarta(1, 20, year=2025))
    log = list(AuditEntry.select().order_by(AuditEntry.id).dicts())
    result = retention.purge(history["admin"])
    assert result.audit_entries == 4  # 000001's handover; 000006: two and the undo
    assert list(AuditEntry.select().where(AuditEntry.id <= log[-1]["id"])
                .order_by(AuditEntry.id).dicts()) == log
    shown = shown_entries_of("000001", history["admin"]) + shown_entries_of(
        "000006", history["admin"])
    text = json.dumps(shown, ensure_ascii=False)
    assert "Nyai Kuasa" not in text and "Ibu Tini" not in text
    undo = next(d for d in shown if "undone" in d)
    # The written reason is free text that may name people: erased too; the facts stay.
    assert undo["reason"] == retention.PLACEHOLDER
    assert undo["undone"]["collector"] == "family"  # type: ignore[index]
    # 000002 was collected after the cutoff: its history keeps the name it had.
    assert "Pak Rudi" in json.dumps(shown_entries_of("000002", history["admin"]),
                                    ensure_ascii=False)
    purged = AuditEntry.get(AuditEntry.action == "personal_data_purged")
    details = json.loads(purged.details)
    assert details == {"cutoff": "2024-07-24", "retention_days": 180, "records": 3,
                       "audit_entries": 4, "bookings": 0, "survey_comments": 0,
                       "ticket_contacts": 0}
    assert purged.officer_id == history["admin"]
    assert not any(name in purged.details + purged.subject for name in NAMES)


def test_a_dry_run_counts_and_changes_nothing(history: dict[str, int],
                                              travel: Callable[[dt.datetime], None]) -> None:
    travel(jakarta(1, 20, year=2025))
    records = list(PickupRecord.select().order_by(PickupRecord.id).dicts())
    log = list(AuditEntry.select().order_by(AuditEntry.id).dicts())
    result = retention.purge(history["admin"], dry_run=True)
    assert (result.records, result.audit_entries, result.dry_run) == (3, 4, True)
    assert list(PickupRecord.select().order_by(PickupRecord.id).dicts()) == records
    assert list(AuditEntry.select().order_by(AuditEntry.id).dicts()) == log


def test_purge_is_for_admins_only(history: dict[str, int],
                                             travel: Callable[[dt.datetime], None]) -> None:
    travel(jakarta(1, 20, year=2025))
    supervisor = officers.get_officer("supervisor").id
    for who, code in ((history["clerk"], "needs_admin"), (supervisor, "needs_admin"),
                      (None, "needs_admin")):  # nobody signed in: no "operator" exception
        with pytest.raises(Refused) as err:
            retention.purge(who)  # type: ignore[arg-type]
        assert err.value.code == code
    assert record_of("000001").name == "Budi Santoso"
    assert retention.purge(history["admin"]).records == 3
    assert AuditEntry.get(
        AuditEntry.action == "personal_data_purged").officer_id == history["admin"]


def test_purge_is_idempotent_and_later_runs_take_what_has_aged(
        history: dict[str, int], travel: Callable[[dt.datetime], None]) -> None:
    travel(jakarta(1, 20, year=2025))
    assert retention.purge(history["admin"]).records == 3
    after = list(PickupRecord.select().order_by(PickupRecord.id).dicts())
    again = retention.purge(history["admin"])
    assert (again.records, again.audit_entries) == (0, 0)
    assert list(PickupRecord.select().order_by(PickupRecord.id).dicts()) == after
    assert retention.purge(history["admin"], dry_run=True).records == 0
    travel(jakarta(1, 22, year=2025))  # 000002 (25 July) is now past 180 days
    later = retention.purge(history["admin"])
    assert (later.records, later.audit_entries) == (1, 2)  # its handover and the undo
    assert "Pak Rudi" not in json.dumps(shown_entries_of("000002", history["admin"]),
                                        ensure_ascii=False)


def test_the_cutoff_follows_the_setting(history: dict[str, int],
                                        travel: Callable[[dt.datetime], None]) -> None:
    travel(jakarta(1, 20, year=2025))
    settings.update_settings(setup_admin(), retention_days=365)
    assert retention.purge(history["admin"], dry_run=True).records == 0
    result = retention.purge(history["admin"], today=dt.date(2025, 7, 30))
    assert (result.cutoff, result.records) == ("2024-07-30", 4)


def test_a_purged_passport_still_reads_at_the_counter(history: dict[str, int],
                                                     travel: Callable[[dt.datetime], None]
                                                     ) -> None:
    travel(jakarta(1, 20, year=2025))
    retention.purge(history["admin"])
    code = pickup.code_for("2024-TNG-000001")
    check = pickup.verify(code, "en")
    assert check.reason == "pickup_already_collected"
    assert check.message.endswith("handed over to a proxy.")  # a refusal names no one
    panel = pickup.inspect(code)
    assert panel.record.name == retention.PLACEHOLDER and panel.record.passport_no == ""
    assert panel.refusal is not None
    view, _ = pickup.details("2024-TNG-000003")
    assert view.status == "cancelled" and view.name == retention.PLACEHOLDER
    assert [r.application_no for r in pickup.records(statuses=["collected"])] == [
        "2024-TNG-000001", "2024-TNG-000002", "2024-TNG-000006"]
    # A passport whose record was erased is not handed over again.
    with pytest.raises(Refused):
        pickup.hand_over(code, 5, "petugas1", "self", id_checked=True)
    assert status.office_status().queues  # the rest of the office is unaffected
