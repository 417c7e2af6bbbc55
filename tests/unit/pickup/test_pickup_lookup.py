"""The supervisor's passport lookup: by code, application number, passport number or
name; the whole record; refusals like the counter's — on every backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from playhouse.test_utils import assert_query_count

from app import codes
from app.errors import InvalidInput, NotFound, Refused
from app.office import officers, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.storage.models import AuditEntry, Officer, PickupRecord, Ticket
from tests.helpers import NOW
from tests.helpers.people import setup_admin

LIST = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
        b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n"
        b"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;04/07/2024\n"
        b"2024-TNG-000003;Agus Salim;;Rak B-01;\n"
        b"2024-TNG-000004;Dewi Sartika;C1111111;Rak C-01;01/05/2024\n"
        b"2024-TNG-0000012;Rina Wati;E2222222;Rak C-02;28/06/2024\n"
        b"2024-JKT-000010;Budiman Hartono;B9999999;Rak D-01;25/06/2024\n")


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> dict[str, int]:
    """The list imported on 1 July 2024; returns the ids of the supervisor and the officer.

    Ready: 000001 (20 June), 000004 (May: overdue), 0000012 (28 June), JKT-000010
    (25 June); printing: 000002 (expected 4 July), 000003 (no date).
    """
    travel(NOW)
    backlog.import_backlog(LIST, batch="Backlog PDN Juni 2024", officer=setup_admin())
    officer = officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    boss = officers.add_officer("supervisor", "super123!", role="supervisor",
                                full_name="Siti Super")
    return {"supervisor": boss.id, "officer": officer.id}


def numbers(views: list[pickup.PickupView]) -> list[str]:
    return [v.application_no for v in views]


def snapshot() -> tuple[list[dict], int, int]:  # type: ignore[type-arg]
    return (list(PickupRecord.select().order_by(PickupRecord.id).dicts()),
            AuditEntry.select().count(), Ticket.select().count())


def test_an_application_number_finds_its_record_first_then_those_it_begins(
        shelf: dict[str, int]) -> None:
    boss = shelf["supervisor"]
    # Exact first, though 0000012 (which it begins) was ready later.
    assert numbers(pickup.find("2024-tng-000001", boss)) == ["2024-TNG-000001",
                                                             "2024-TNG-0000012"]
    # A beginning: ready ones newest first, then printing ones (undated last); the
    # other office's numbers stay out.
    assert numbers(pickup.find(" 2024-TNG ", boss)) == [
        "2024-TNG-0000012", "2024-TNG-000001", "2024-TNG-000004", "2024-TNG-000002",
        "2024-TNG-000003"]
    assert numbers(pickup.find("2024-TNG", boss, limit=2)) == ["2024-TNG-0000012",
                                                              "2024-TNG-000001"]
    assert pickup.find("2025-TNG", boss) == []


def test_a_passport_number_finds_its_record_whatever_the_case_or_spaces(
        shelf: dict[str, int]) -> None:
    boss = shelf["supervisor"]
    found = pickup.find("x765 4321", boss)
    assert numbers(found) == ["2024-TNG-000002"]
    view = found[0]
    assert (view.name, view.passport_no, view.batch, view.location, view.status) == (
        "Siti Aminah", "X7654321", "Backlog PDN Juni 2024", "Rak A-02", "printing")
    assert view.ready_date == "2024-07-04" and view.collected_at is None
    assert numbers(pickup.find("C1111111", boss)) == ["2024-TNG-000004"]
    assert pickup.find("C1111111", boss)[0].overdue


def test_part_of_a_name_finds_every_holder_it_is_in(shelf: dict[str, int]) -> None:
    boss = shelf["supervisor"]
    assert numbers(pickup.find("budi", boss)) == ["2024-JKT-000010", "2024-TNG-000001"]
    assert numbers(pickup.find("SANTOSO", boss)) == ["2024-TNG-000001"]
    assert numbers(pickup.find("ti a", boss)) == ["2024-TNG-000002"]  # "Siti Aminah"
    # What LIKE would take as wildcards is searched for as it is.
    assert pickup.find("%%%", boss) == [] and pickup.find("___", boss) == []


def test_a_scanned_slip_names_its_record_only(shelf: dict[str, int]) -> None:
    boss = shelf["supervisor"]
    code = pickup.code_for("2024-TNG-000001")
    assert numbers(pickup.find(code, boss)) == ["2024-TNG-000001"]
    # A scanner with Caps Lock on types it in lower case, and Enter after it.
    assert numbers(pickup.find(code.lower() + "\r\n", boss)) == ["2024-TNG-000001"]


def test_a_forged_damaged_or_foreign_code_gets_the_counter_s_refusal(
        shelf: dict[str, int]) -> None:
    boss = shelf["supervisor"]
    good = pickup.code_for("2024-TNG-000001")
    forged = good[:-1] + ("A" if good[-1] != "A" else "B")
    before = snapshot()
    for raw, reason in {forged: "scan_bad_signature",
                        codes.sign(codes.PICKUP, 1, bytes(32)): "scan_bad_signature",
                        good[:-3]: "scan_damaged",
                        "LK9.P.1.AAAAAAAAAAAAAAAA": "scan_unknown_version"}.items():
        with pytest.raises(InvalidInput) as err:
            pickup.find(raw, boss)
        with pytest.raises(InvalidInput) as at_counter:
            pickup.inspect(raw)
        assert err.value.code == at_counter.value.code == reason
    genuine_but_unknown = codes.sign(codes.PICKUP, 999_999,
                                     settings.signing_keys()[0])
    with pytest.raises(NotFound) as missing:
        pickup.find(genuine_but_unknown, boss)
    assert missing.value.code == "pickup_unknown"
    ticket = engine.issue_ticket("A")
    with pytest.raises(Refused) as err_ticket:
        pickup.find(engine.ticket_code(ticket.id), boss)
    assert err_ticket.value.code == "scan_is_ticket"
    assert snapshot()[0] == before[0] and snapshot()[1] == before[1]


def test_empty_short_long_or_garbled_text_is_refused_with_a_sentence(
        shelf: dict[str, int]) -> None:
    boss = shelf["supervisor"]
    for text, code in {"": "lookup_empty", "   ": "lookup_empty", "ab": "lookup_too_short",
                       "x" * 101: "lookup_too_long", "Bu\x00di": "scan_control_chars"}.items():
        with pytest.raises(InvalidInput) as err:
            pickup.find(text, boss)
        assert err.value.code == code
    with pytest.raises(InvalidInput) as err:
        pickup.find("ab", boss)
    assert err.value.message("en") == "Type at least 3 characters to search."
    assert err.value.message("id") == "Ketik minimal 3 karakter untuk mencari."


def test_a_collected_passport_shows_who_where_when_in_one_query(
        shelf: dict[str, int], travel: Callable[[dt.datetime], None]) -> None:
    boss = shelf["supervisor"]
    for number, counter in (("2024-TNG-000001", 6), ("2024-TNG-0000012", 5),
                            ("2024-JKT-000010", 4)):
        pickup.hand_over(pickup.code_for(number), counter, "petugas1", "proxy",
                         f"Kuasa {counter}", id_checked=True)
    found = pickup.find("2024-TNG-000001", boss)
    view = found[0]
    assert (view.status, view.collected_at, view.collected_counter) == (
        "collected", NOW.isoformat(), 6)
    assert (view.collected_by, view.collected_by_name) == ("petugas1", "Budi Petugas")
    assert (view.collector, view.collector_name, view.id_checked) == ("proxy", "Kuasa 6", True)
    # Still to collect first, collected after.
    assert numbers(pickup.find("2024", boss)) == [
        "2024-TNG-000004", "2024-TNG-000002", "2024-TNG-000003", "2024-TNG-0000012",
        "2024-JKT-000010", "2024-TNG-000001"]
    # The handover's counter and officer come with the rows: the permission check and
    # one query, however many passports were collected.
    settings.get_settings()
    with assert_query_count(2):
        assert [v.collected_counter for v in pickup.find("2024", boss)][-3:] == [5, 4, 6]
    # Undone, the record reads as ready again.
    pickup.undo_hand_over(pickup.code_for("2024-TNG-000001"), boss, "salah serah")
    again = pickup.find("X1234567", boss)[0]
    assert (again.status, again.collected_at, again.collected_by, again.collector) == (
        "ready", None, None, None)


def test_only_a_supervisor_may_look_up(shelf: dict[str, int]) -> None:
    with pytest.raises(Refused) as err:
        pickup.find("2024-TNG-000001", shelf["officer"])
    assert err.value.code == "needs_supervisor"
    with pytest.raises(Refused) as err:
        pickup.find(pickup.code_for("2024-TNG-000001"), shelf["officer"])
    assert err.value.code == "needs_supervisor"
    # The role is read at the moment of the search: a supervisor demoted a minute ago
    # is refused.
    Officer.update(role="officer").where(Officer.id == shelf["supervisor"]).execute()
    with pytest.raises(Refused):
        pickup.find("2024-TNG-000001", shelf["supervisor"])
