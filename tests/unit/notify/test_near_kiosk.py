"""``number_near`` beyond the walk-in: a pickup is asked yes or no for its passport's own
mobile number (the kiosk learns only its last 4 digits), a checked-in booking types one;
each gets one message when within ``notify_near_places``, none when declined, opted out
or called first, and the offer is made only when a gateway is set and more wait ahead."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from app.errors import Refused
from app.notify import near, outbox
from app.notify.sender import Channels, Sender
from app.office import officers
from app.office.settings import update_settings
from app.pickup import service as pickup
from app.queue import bookings, engine, kiosk
from app.storage.models import Notification, RequestLog, TicketContact
from tests.helpers import NOW
from tests.helpers.gateway import Gateway, gateway
from tests.helpers.people import setup_admin

PHONE = "+6281234567890"  # 2024-TNG-000001's, from the shelf's list
EMAIL_HOLDER = "2024-TNG-000002"
PICKUP_COUNTER = 6  # serves "ambil" first, where passports of no batch are collected


@pytest.fixture
def told(shelf: str) -> str:
    """The shelf, an office that sends text messages and tells an applicant 1 ticket
    before their turn, and two pickup tickets already waiting."""
    update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused",
                    notify_near_places=1)
    engine.issue_ticket("ambil")
    engine.issue_ticket("ambil")
    return shelf


def near_messages() -> list[Notification]:
    return list(Notification.select().where(Notification.kind == near.NUMBER_NEAR))


def near_sent(gw: Gateway) -> list[dict[str, Any]]:
    """What the gateway got of ``number_near`` (the shelf's ``passport_ready`` goes too)."""
    return [body for _key, body in gw.requests if body["kind"] == near.NUMBER_NEAR]


def check_in(application_no: str = "2024-TNG-000001") -> kiosk.KioskTicket:
    return kiosk.check_in(pickup.code_for(application_no), request_id=uuid.uuid4().hex)


def serve(counter: int = PICKUP_COUNTER) -> None:
    """The counter calls its next ticket and is done with it."""
    engine.finish(engine.call_next(counter).id, counter)


def call_two() -> None:
    """The two tickets before it are served: it is next, within 1 of its turn."""
    serve()
    serve()


def test_a_pickup_with_a_phone_is_offered_its_last_4_digits_and_a_yes_is_told_once(
        told: str) -> None:
    ticket = check_in()
    assert (ticket.near_places, ticket.near_phone_ending) == (1, "7890")
    stored = RequestLog.get(RequestLog.operation == "kiosk_check_in").result
    assert "7890" not in stored and "near_places" not in stored  # never stored
    assert near.use_passport_phone(ticket.id) == "7890"
    assert near.use_passport_phone(ticket.id) == "7890"  # a second yes: still one row
    assert [(c.ticket_id, c.phone) for c in TicketContact.select()] == [(ticket.id, PHONE)]
    assert near.enqueue_number_near() == 0  # two before it
    call_two()
    with gateway() as gw:
        assert Sender(Channels(url=gw.url)).run_once().enqueued == 1
        assert Sender(Channels(url=gw.url)).run_once().enqueued == 0  # once
    (body,) = near_sent(gw)
    assert body["to"] == PHONE
    assert ticket.number in body["text"] and "Budi" not in body["text"]


def test_a_pickup_that_declines_gets_nothing(told: str) -> None:
    ticket = check_in()
    assert ticket.near_phone_ending == "7890"  # offered; the applicant touches "No"
    call_two()
    assert near.enqueue_number_near() == 0
    assert TicketContact.select().count() == 0 and near_messages() == []


def test_a_passport_that_opted_out_is_not_offered_and_a_later_opt_out_holds(
        told: str) -> None:
    supervisor = officers.add_officer("kepala", "super123!", role="supervisor").id
    outbox.opt_out(supervisor, application_no="2024-TNG-000001")
    ticket = check_in()
    assert (ticket.near_places, ticket.near_phone_ending) == (0, "")
    with pytest.raises(Refused) as refused:
        near.use_passport_phone(ticket.id)
    assert refused.value.code == "notify_near_no_phone"
    assert refused.value.message("id").startswith(f"Paspor untuk nomor {ticket.number}")
    assert TicketContact.select().count() == 0


def test_an_email_address_is_not_offered(told: str) -> None:
    ticket = check_in(EMAIL_HOLDER)
    assert (ticket.near_places, ticket.near_phone_ending) == (0, "")
    with pytest.raises(Refused) as refused:
        near.use_passport_phone(ticket.id)
    assert refused.value.code == "notify_near_no_phone"
    assert TicketContact.select().count() == 0


def test_a_number_that_opted_out_after_the_yes_is_not_told(told: str) -> None:
    ticket = check_in()
    near.use_passport_phone(ticket.id)
    supervisor = officers.add_officer("kepala", "super123!", role="supervisor").id
    outbox.opt_out(supervisor, contact="0812-3456-7890")
    call_two()
    assert near.enqueue_number_near() == 0 and near_messages() == []


def test_a_passport_that_opted_out_after_the_yes_is_not_told(told: str) -> None:
    ticket = check_in()
    near.use_passport_phone(ticket.id)
    call_two()
    assert near.enqueue_number_near() == 1  # written, not sent yet
    supervisor = officers.add_officer("kepala", "super123!", role="supervisor").id
    outbox.opt_out(supervisor, application_no="2024-TNG-000001")
    assert near.enqueue_number_near() == 0
    with gateway() as gw:
        done = Sender(Channels(url=gw.url)).run_once()
    assert (done.cancelled, near_sent(gw)) == (1, [])
    assert near_messages()[0].failed_reason == "opted_out: "


def test_a_pickup_called_first_gets_nothing(told: str) -> None:
    ticket = check_in()
    near.use_passport_phone(ticket.id)
    call_two()
    assert engine.call_next(PICKUP_COUNTER).id == ticket.id  # before the sender's pass
    with gateway() as gw:
        done = Sender(Channels(url=gw.url)).run_once()
    assert (done.enqueued, near_sent(gw)) == (0, [])
    with pytest.raises(Refused) as refused:  # nor is it kept once called
        near.use_passport_phone(ticket.id)
    assert refused.value.code == "notify_near_ticket_closed"


def test_no_offer_without_a_gateway_or_with_no_more_than_n_ahead(
        told: str, travel: Callable[[dt.datetime], None]) -> None:
    update_settings(setup_admin(), notify_near_places=2)  # two ahead: near already
    ticket = check_in()
    assert (ticket.near_places, ticket.near_phone_ending) == (0, "")
    assert check_in().again  # the same ticket again: not offered again
    update_settings(setup_admin(), notify_near_places=1, notify_url="")
    assert check_in().near_places == 0
    with pytest.raises(Refused) as refused:
        near.use_passport_phone(ticket.id)
    assert refused.value.code == "notify_near_off"
    update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused")
    with pytest.raises(Refused) as refused:  # a pickup is not typed, it is asked
        near.leave_phone(ticket.id, "0811 2222 3333")
    assert refused.value.code == "notify_near_ticket_closed"
    travel(NOW + dt.timedelta(days=1))  # yesterday's ticket: nothing kept
    with pytest.raises(Refused):
        near.use_passport_phone(ticket.id)
    assert TicketContact.select().count() == 0


# --- a booking checked in at the kiosk ---------------------------------------------------


@pytest.fixture
def booked(told: str) -> str:
    """Bookings at 10:30 and 10:45 (it is 10:00), and two walk-ins already in line."""
    sup = officers.add_officer("kepala", "super123!", role="supervisor").id
    bookings.import_bookings(b"kode_booking;nama;layanan;tanggal;jam\n"
                             b"MP-0001;Budi Santoso;A;01/07/2024;10:30\n"
                             b"MP-0002;Siti Aminah;A;01/07/2024;10:45\n", officer=sup)
    engine.issue_ticket("A")
    engine.issue_ticket("A")
    return told


def check_in_booking(code: str = "MP-0001") -> kiosk.KioskTicket:
    return kiosk.check_in_booking(code, request_id=uuid.uuid4().hex)


def test_a_checked_in_booking_may_leave_a_phone_and_is_told_once(booked: str) -> None:
    ticket = check_in_booking()
    assert (ticket.near_places, ticket.near_phone_ending, ticket.booking_slot) == (
        1, "", "10:30")
    near.leave_phone(ticket.id, "0811 2222 3333")
    assert near.enqueue_number_near() == 0
    serve(1)
    serve(1)
    with gateway() as gw:
        assert Sender(Channels(url=gw.url)).run_once().enqueued == 1
        assert Sender(Channels(url=gw.url)).run_once().enqueued == 0
    (body,) = near_sent(gw)
    assert body["to"] == "+6281122223333" and ticket.number in body["text"]
    assert check_in_booking().near_places == 0  # checked in again: not offered again


def test_a_booking_that_declines_or_is_called_first_gets_nothing(booked: str) -> None:
    declined = check_in_booking("MP-0001")
    called = check_in_booking("MP-0002")
    assert declined.near_places == called.near_places == 1
    near.leave_phone(called.id, "0811 2222 3333")
    for _ in range(3):
        serve(1)  # the walk-ins and the 10:30 booking
    assert engine.call_next(1).id == called.id  # before the sender's pass
    with gateway() as gw:
        done = Sender(Channels(url=gw.url)).run_once()
    assert (done.enqueued, near_sent(gw)) == (0, [])
    assert near_messages() == []
