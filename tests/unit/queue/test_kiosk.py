"""The kiosk's core: the board in one query, tickets with what is ahead, pickup check-in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from playhouse.test_utils import assert_query_count

from app import codes
from app.errors import Refused
from app.office import officers
from app.office.settings import get_settings, signing_keys, update_settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine, kiosk
from app.storage.models import AuditEntry, Queue, Ticket
from tests.helpers import NOW
from tests.helpers.people import setup_admin

LIST = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
        b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n"
        b"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;04/07/2024\n"
        b"2024-TNG-000004;Dewi Sartika;C1111111;Rak C-01;01/05/2024\n")


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> dict[str, str]:
    """000001 ready, 000002 printing (expected 4 July), 000004 overdue; codes by number."""
    travel(NOW)
    backlog.import_backlog(LIST, batch="Backlog PDN Juni 2024", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    return {key: pickup.code_for(f"2024-TNG-{key}") for key in ("000001", "000002", "000004")}


def _service(board: kiosk.KioskBoard, code: str) -> kiosk.KioskService:
    return next(s for s in board.services if s.code == code)


def test_the_board_lists_active_services_and_pickups_in_one_query(office: str) -> None:
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    engine.issue_ticket("W")
    engine.call_next(1)  # A001 leaves the waiting line
    Queue.update(active=False).where(Queue.code == "prioritas").execute()
    get_settings()  # the office name comes from the settings cache
    with assert_query_count(1):
        board = kiosk.board()
    assert [s.prefix for s in board.services] == ["A", "W"]
    assert [s.prefix for s in board.pickups] == ["B", "C"]
    paspor = _service(board, "paspor")
    assert (paspor.waiting, paspor.issued_today, paspor.full) == (1, 2, False)
    assert (paspor.name("id"), paspor.name("en")) == ("Permohonan Paspor", "Passport application")
    assert _service(board, "wna").waiting == 1
    assert board.pickup_open and board.pickup_waiting == 0
    assert board.office_name == get_settings().office_name


def test_a_ticket_says_how_many_wait_ahead_and_carries_a_valid_signed_code(
        office: str) -> None:
    update_settings(setup_admin(), office_name="Kantor Imigrasi Tangerang")
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    engine.issue_ticket("W")  # another queue: not ahead
    ticket = kiosk.take_ticket("paspor")
    assert (ticket.number, ticket.queue, ticket.prefix, ticket.kind) == (
        "A003", "paspor", "A", "service")
    assert (ticket.name_id, ticket.name_en) == ("Permohonan Paspor", "Passport application")
    assert ticket.ahead == 2
    assert ticket.office_name == "Kantor Imigrasi Tangerang"
    assert ticket.code == engine.ticket_code(ticket.id)
    scan = codes.parse(ticket.code, signing_keys())
    assert (scan.kind, scan.ident) == ("ticket", ticket.id)
    engine.call_next(1)
    assert kiosk.take_ticket("A").ahead == 2  # A002 and A003 still wait


def test_the_issue_time_is_printed_in_the_office_zone(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW)
    ticket = kiosk.take_ticket("A")
    assert ticket.issued_local == "01/07/2024 10:00"
    assert ticket.service_day == "2024-07-01"


def test_a_repeated_tap_request_returns_the_first_ticket(office: str) -> None:
    first = kiosk.take_ticket("A", request_id="tap-1")
    again = kiosk.take_ticket("A", request_id="tap-1")
    assert again == first
    assert Ticket.select().count() == 1


def test_a_full_quota_is_shown_and_refused_without_using_a_number(office: str) -> None:
    Queue.update(daily_quota=2).where(Queue.code == "paspor").execute()
    kiosk.take_ticket("A")
    assert not _service(kiosk.board(), "paspor").full
    kiosk.take_ticket("A")
    assert _service(kiosk.board(), "paspor").full
    with pytest.raises(Refused) as err:
        kiosk.take_ticket("A")
    assert err.value.code == "quota_full"
    assert Ticket.select().count() == 2
    paspor = _service(kiosk.board(), "paspor")
    assert (paspor.issued_today, paspor.full) == (2, True)


def test_a_pickup_queue_is_joined_by_the_slip_not_by_a_button(office: str) -> None:
    with pytest.raises(Refused) as err:
        kiosk.take_ticket("ambil")
    assert err.value.code == "kiosk_pickup_needs_slip"
    assert Ticket.select().count() == 0


def test_a_closed_or_unknown_queue_is_refused(office: str) -> None:
    Queue.update(active=False).where(Queue.code == "wna").execute()
    for ref, code in (("W", "queue_inactive"), ("zz", "queue_unknown")):
        with pytest.raises(Refused) as err:
            kiosk.take_ticket(ref)
        assert err.value.code == code


def test_a_ready_passport_checks_in_to_a_pickup_ticket_without_personal_data(
        shelf: dict[str, str]) -> None:
    first = kiosk.check_in(shelf["000001"], request_id="scan-1")
    assert (first.number, first.queue, first.kind, first.pickup) == (
        "B001", "backlog", "pickup", True)
    assert not first.again and first.ahead == 0
    text = str(first.to_dict())
    for private in ("Budi", "Santoso", "X1234567", "Rak A-01"):
        assert private not in text
    assert kiosk.check_in(shelf["000001"], request_id="scan-1") == first
    again = kiosk.check_in("2024-tng-000001")  # typed on the keypad, later
    assert again.again and again.id == first.id
    assert Ticket.select().count() == 1


@pytest.mark.parametrize(("key", "reason", "shown"), [
    ("000002", "pickup_not_ready", "04/07/2024"),
    ("000004", "pickup_overdue", "31/05/2024"),
])
def test_a_passport_not_ready_or_overdue_is_explained(
        shelf: dict[str, str], key: str, reason: str, shown: str) -> None:
    with pytest.raises(Refused) as err:
        kiosk.check_in(shelf[key])
    assert err.value.code == reason
    assert shown in err.value.message("en") and shown in err.value.message("id")
    assert Ticket.select().count() == 0


def test_a_collected_passport_is_explained_without_naming_anyone(
        shelf: dict[str, str]) -> None:
    pickup.hand_over(shelf["000001"], 5, "petugas1", "family", "Ibu Budi", id_checked=True)
    with pytest.raises(Refused) as err:
        kiosk.check_in(shelf["000001"])
    assert err.value.code == "kiosk_pickup_collected"
    for lang in ("id", "en"):
        text = err.value.message(lang)
        assert "2024-TNG-000001" in text and "01/07/2024" in text and " 5" in text
        for private in ("Ibu Budi", "Budi Petugas", "petugas1"):
            assert private not in text
    assert Ticket.select().count() == 0


def test_an_unprinted_ticket_is_cancelled_and_leaves_the_line(office: str) -> None:
    ticket = kiosk.take_ticket("A")
    assert _service(kiosk.board(), "paspor").waiting == 1
    view = kiosk.cancel_unprinted(ticket.id)
    assert view.status == "cancelled"
    assert _service(kiosk.board(), "paspor").waiting == 0
    with pytest.raises(Refused):
        engine.call_next(1)


def test_a_check_in_whose_describing_step_fails_issues_nothing_and_retries_as_one(
        shelf: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The check-in is one transaction: a connection lost after the number is drawn
    leaves no ticket behind, and the retry with the same id gives exactly one."""
    from app.errors import DatabaseUnavailable
    from app.storage.models import Ticket

    real = kiosk._describe
    lost = [True]

    def drop_once(*args: Any, **kw: Any) -> kiosk.KioskTicket:
        if lost[0]:
            lost[0] = False
            raise DatabaseUnavailable("database_unreachable", reason="connection reset")
        return real(*args, **kw)

    monkeypatch.setattr(kiosk, "_describe", drop_once)
    with pytest.raises(DatabaseUnavailable):
        kiosk.check_in(shelf["000001"], request_id="scan-9")
    assert Ticket.select().count() == 0  # nothing was issued behind the applicant's back
    ticket = kiosk.check_in(shelf["000001"], request_id="scan-9")
    assert ticket.number == "B001" and not ticket.again
    assert Ticket.select().count() == 1


def test_withdrawing_a_tap_voids_its_ticket_once(office: str) -> None:
    ticket = kiosk.take_ticket("paspor", "tap-1")
    voided = kiosk.withdraw_tap("tap-1")
    assert voided is not None and voided.id == ticket.id and voided.status == "cancelled"
    again = kiosk.withdraw_tap("tap-1")  # a retry after a lost reply: the first answer
    assert again is not None and again.id == ticket.id
    assert AuditEntry.select().where(AuditEntry.action == "ticket_cancelled").count() == 1


def test_withdrawing_a_tap_leaves_a_called_ticket_alone(office: str) -> None:
    ticket = kiosk.take_ticket("paspor", "tap-1")
    engine.call_next(1)
    assert kiosk.withdraw_tap("tap-1") is None
    assert engine.get_ticket(ticket.id).status == "called"


def test_a_withdrawn_tap_that_issued_nothing_yet_never_issues(office: str) -> None:
    assert kiosk.withdraw_tap("tap-1") is None
    with pytest.raises(Refused) as refused:
        kiosk.take_ticket("paspor", "tap-1")  # its commit, arriving after all
    assert refused.value.code == "request_reused"
    assert Ticket.select().count() == 0
