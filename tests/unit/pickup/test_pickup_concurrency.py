"""Two counters scanning the same passports at the same moment: each passport is handed
over exactly once, and two kiosks checking in the same slip get one ticket. Real
processes on real databases."""

from __future__ import annotations

from collections import Counter as Tally

import pytest

from app.office import officers
from app.pickup import backlog
from app.pickup import service as pickup
from app.storage.models import AuditEntry, PickupRecord, Ticket
from tests import workers
from tests.helpers.people import setup_admin

PASSPORTS = 40


@pytest.fixture
def shelf(office: str) -> list[str]:
    rows = "".join(f"2024-TNG-{i:06d},Pemohon {i},Rak {i}\n" for i in range(1, PASSPORTS + 1))
    backlog.import_backlog(("no_permohonan,nama,lokasi,status\n" + rows.replace(
        "\n", ",siap\n")).encode(), batch="Backlog", officer=setup_admin())
    for name in ("petugas5", "petugas6"):
        officers.add_officer(name, "petugas123")
    return [pickup.code_for(f"2024-TNG-{i:06d}") for i in range(1, PASSPORTS + 1)]


def run_all(procs: workers.Workers, target, arg_sets):  # type: ignore[no-untyped-def]
    start = procs.ctx.Event()
    for i, args in enumerate(arg_sets):
        procs.start(f"{target.__name__} {i + 1}", target, *args, start, procs.out)
    start.set()
    results = [procs.result() for _ in arg_sets]
    procs.join()
    return results


@pytest.mark.slow
def test_two_counters_hand_over_the_same_passports_exactly_once(
        office: str, shelf: list[str], worker_processes: workers.Workers) -> None:
    results = run_all(worker_processes, workers.hand_over_all, [(office, shelf, 5, "petugas5"),
                                              (office, shelf, 6, "petugas6")])
    won = [scan for _, scans, _ in results for scan in scans]
    refused = [(scan, code) for _, _, pairs in results for scan, code in pairs]
    assert sorted(won) == sorted(shelf)  # each passport won exactly once
    assert len(refused) == PASSPORTS
    assert {code for _, code in refused} == {"pickup_already_collected"}
    assert PickupRecord.select().where(PickupRecord.status == "collected").count() == PASSPORTS
    entries = Tally(e.subject for e in AuditEntry.select().where(
        AuditEntry.action == "pickup_handed_over"))
    assert len(entries) == PASSPORTS and set(entries.values()) == {1}
    # The record names the counter that won it.
    by_counter = {counter: set(scans) for counter, scans, _ in results}
    for rec in PickupRecord.select():
        code = pickup.code_for(rec.application_no)
        assert code in by_counter[rec.collected_counter.number]


@pytest.mark.slow
def test_two_kiosks_checking_in_the_same_slips_get_one_ticket_each(
        office: str, shelf: list[str], worker_processes: workers.Workers) -> None:
    results = run_all(worker_processes, workers.check_in_all,
                      [(office, shelf), (office, list(reversed(shelf)))])
    first, second = (dict(r) for r in results)
    assert first == second
    assert Ticket.select().count() == PASSPORTS
    assert Ticket.select().where(Ticket.pickup.is_null()).count() == 0
