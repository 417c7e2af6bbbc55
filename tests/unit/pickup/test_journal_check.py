"""The handovers of this PC's journal that the database lacks, counted without writing
anything — on every backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playhouse.test_utils import count_queries

from app.backup.restore import restore
from app.office.settings import get_settings
from app.pickup import journal, reconcile
from app.pickup import service as pickup
from app.pickup.journal_check import BATCH, unrecorded
from app.private_files import append_json_line, write_json_lines
from app.storage.models import Officer
from tests.helpers import NOW
from tests.helpers.emergency import backup_of_the_office, give, number, stock_the_shelf

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> str:
    travel(NOW)
    stock_the_shelf()
    get_settings()  # the database this PC has seen, as after signing in
    return office


def supervisor() -> int:
    return int(Officer.get(Officer.username == "supervisor").id)


def record_queries(counted: Any) -> list[str]:
    return [q.msg[0] for q in counted.get_queries() if "pickup_record" in q.msg[0]]


@pytest.fixture
def restored(shelf: str, tmp_path: Path, travel: Callable[[dt.datetime], None]) -> str:
    """The server came back from last night's backup: this PC's handovers of 000001
    (11:00 UTC) and 000002 (12:00) are in its journal only; 000003 was handed over
    after the restore, so the database has it."""
    backup = backup_of_the_office(tmp_path / "backups")
    travel(NOW + HOUR)
    give(1, counter=5)
    travel(NOW + 2 * HOUR)
    give(2, counter=6)
    travel(NOW + 3 * HOUR)
    restore(backup, shelf, force=True)
    travel(NOW + 4 * HOUR)
    give(3, counter=5)
    return shelf


def test_a_pc_without_a_journal_or_with_an_empty_one_asks_the_database_nothing(
        shelf: str) -> None:
    with count_queries() as counted:
        check = unrecorded()
    assert (check.checked, check.missing, check.newest_missing) == (0, (), None)
    journal.journal_path().parent.mkdir(parents=True, exist_ok=True)
    journal.journal_path().write_text("", encoding="utf-8")
    with count_queries() as again:
        assert unrecorded().checked == 0
    assert counted.count == again.count == 0
    assert check.notice() == ""


def test_the_handovers_a_restore_lost_are_reported(restored: str) -> None:
    with count_queries() as counted:
        check = unrecorded()
    assert len(record_queries(counted)) == 1
    assert check.checked == 3
    assert [f.application_no for f in check.missing] == [number(1), number(2)]
    assert check.newest_missing == NOW + 2 * HOUR
    assert check.source == str(journal.journal_path())
    # The counter's sentence, in the office's local time (Asia/Jakarta, UTC+7).
    assert check.notice() == (
        "2 penyerahan di PC ini belum ada di basis data (terakhir 01/07/2024 12:00).\n"
        "Minta supervisor mencatatnya dari jurnal PC ini (halaman Penyerahan susulan, "
        "atau loket pickup reconcile --journal).")
    assert "not in the database" in check.notice("en")
    assert check.lines()[0] == (f"{number(1)}: diserahkan 01/07/2024 11:00 di loket 5 oleh "
                                "petugas1, belum ada di basis data.")
    assert check.lines()[-1].startswith("3 baris jurnal diperiksa; 2 penyerahan belum ada")
    assert check.to_dict()["missing"][1]["collected_at"] == (NOW + 2 * HOUR).isoformat()


def test_after_the_replay_none_is_missing(restored: str) -> None:
    facts, source = reconcile.facts_from_journal()
    reconcile.reconcile(facts, supervisor(), source=source)
    check = unrecorded()
    assert (check.checked, check.missing, check.newest_missing) == (3, (), None)
    assert check.lines() == ["3 baris jurnal diperiksa; 0 penyerahan belum ada di basis "
                             "data."]


def test_a_handover_a_supervisor_undid_afterwards_is_not_missing(
        restored: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW + 5 * HOUR)
    pickup.undo_hand_over(number(3), "supervisor", "salah orang")
    facts, source = reconcile.facts_from_journal()
    reconcile.reconcile(facts, supervisor(), source=source)
    travel(NOW + 6 * HOUR)
    pickup.undo_hand_over(number(1), "supervisor", "salah orang")
    assert pickup.details(number(1))[0].status == "ready"
    assert unrecorded().missing == ()


def test_a_passport_handed_over_again_after_the_restore_is_not_missing(
        restored: str, travel: Callable[[dt.datetime], None]) -> None:
    """The database shows a later handover of its own: a person settles that with the
    replay's conflict list, not by a notice that never goes away."""
    travel(NOW + 5 * HOUR)
    give(2, counter=1)
    assert [f.application_no for f in unrecorded().missing] == [number(1)]


def test_lines_of_another_database_are_left_out(shelf: str) -> None:
    give(1)
    append_json_line(journal.journal_path(), {
        "application_no": "2024-TNG-999999", "collected_at": NOW.isoformat(), "counter": 5,
        "officer": "petugas1", "database": "kantor-lain"})
    check = unrecorded()
    assert (check.checked, check.other_database, check.missing) == (1, 1, ())
    assert "1 baris dari basis data lain dilewati." in check.lines()[-1]


def test_an_application_the_database_does_not_know_is_missing(shelf: str) -> None:
    line = {"application_no": "2024-tng-999999", "collected_at": NOW.isoformat(),
            "counter": 5, "officer": "petugas1", "database": get_settings().database_id}
    append_json_line(journal.journal_path(), line)
    append_json_line(journal.journal_path(), line)  # the same handover twice is one
    check = unrecorded()
    assert [f.application_no for f in check.missing] == ["2024-tng-999999"]


def test_a_long_journal_is_asked_for_in_batches(shelf: str, tmp_path: Path) -> None:
    give(1)
    here = get_settings().database_id
    lines = [{"application_no": f"2024-TNG-9{i:05d}", "collected_at": NOW.isoformat(),
              "counter": 5, "officer": "petugas1", "database": here}
             for i in range(BATCH + 10)]
    path = tmp_path / "jurnal-loket-3.jsonl"
    write_json_lines(path, [*journal.entries(), *lines])
    with count_queries() as counted:
        check = unrecorded(path)
    assert len(record_queries(counted)) == 2
    assert check.checked == BATCH + 11 and len(check.missing) == BATCH + 10
    assert check.source == str(path)
