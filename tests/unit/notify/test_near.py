"""``number_near``: a phone left at the kiosk for one walk-in ticket, one message when
the ticket comes within ``notify_near_places`` of its turn, none for the others, once
however many senders run, and the phone erased once its day is over."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest

from app.errors import InvalidInput, Refused
from app.notify import near
from app.notify.sender import Channels, Sender
from app.office import retention
from app.office.settings import get_settings, update_settings
from app.queue import engine
from app.storage import db as dbmod
from app.storage.models import Notification, TicketContact
from tests.helpers import NOW
from tests.helpers.gateway import gateway
from tests.helpers.people import setup_admin
from tests.helpers.threads import run_together

PHONE = "+6281234567890"


@pytest.fixture
def told(office: str, travel: Callable[[dt.datetime], None]) -> str:
    """An office that sends text messages, a walk-in told 2 tickets before its turn."""
    travel(NOW)
    update_settings(setup_admin(), notify_url="http://127.0.0.1:9/unused",
                    notify_near_places=2)
    return office


def near_messages() -> list[Notification]:
    return list(Notification.select().where(Notification.kind == near.NUMBER_NEAR)
                .order_by(Notification.created_at))


def test_a_phone_is_kept_in_its_stored_form_and_a_bad_one_changes_nothing(
        told: str) -> None:
    ticket = engine.issue_ticket("A")
    for bad in ("812 3456 7890", "021 555 1234", "budi@example.com", "", "08123"):
        with pytest.raises(InvalidInput) as refused:
            near.leave_phone(ticket.id, bad)
        assert refused.value.code == "notify_phone_bad"
        assert refused.value.message("id").startswith("Nomor telepon tidak valid")
    assert TicketContact.select().count() == 0
    near.leave_phone(ticket.id, "0812-3456-7890")
    near.leave_phone(ticket.id, "0811 1111 1111")  # a second one: the first stays
    assert [(c.ticket_id, c.phone, c.notified_at) for c in TicketContact.select()] == [
        (ticket.id, PHONE, None)]


def test_only_a_waiting_walk_in_and_only_while_the_office_sends(told: str) -> None:
    called = engine.issue_ticket("A")
    engine.call_next(1)
    with pytest.raises(Refused) as refused:
        near.leave_phone(called.id, PHONE)
    assert refused.value.code == "notify_near_ticket_closed"
    waiting = engine.issue_ticket("A")
    update_settings(setup_admin(), notify_near_places=0)
    with pytest.raises(Refused) as refused:
        near.leave_phone(waiting.id, PHONE)
    assert refused.value.code == "notify_near_off"
    assert TicketContact.select().count() == 0


def test_one_message_when_the_ticket_comes_within_its_places_and_none_for_others(
        told: str) -> None:
    before = [engine.issue_ticket("A") for _ in range(4)]
    mine = engine.issue_ticket("A")
    other = engine.issue_ticket("A")  # no phone: never told
    gone = engine.issue_ticket("A")
    near.leave_phone(mine.id, PHONE)
    near.leave_phone(gone.id, "0811 2222 3333")
    engine.cancel(gone.id, 1, reason="test")  # left before its turn: nothing
    assert near.enqueue_number_near() == 0  # four before it
    engine.call_next(1)
    assert near.enqueue_number_near() == 0  # three
    engine.finish(before[0].id, 1)
    engine.call_next(1)  # two before it now
    assert near.enqueue_number_near() == 1
    assert near.enqueue_number_near() == 0  # once
    engine.finish(before[1].id, 1)
    engine.call_next(1)
    assert near.enqueue_number_near() == 0
    (message,) = near_messages()
    assert (message.to, message.pickup_id, message.state) == (PHONE, None, "pending")
    assert message.text == (f"Nomor antrian {mine.number}: giliran Anda sekitar 2 nomor "
                            "lagi. Silakan menuju ruang tunggu "
                            f"{get_settings().office_name}.")
    contact = TicketContact.get(TicketContact.ticket == mine.id)
    assert (contact.notified_at, contact.notification) == (NOW, message.id)
    assert other.id not in {c.ticket_id for c in TicketContact.select()}


def test_the_sender_delivers_it_and_a_ticket_called_first_gets_nothing(told: str) -> None:
    first = engine.issue_ticket("A")
    near.leave_phone(first.id, PHONE)
    second = engine.issue_ticket("A")
    near.leave_phone(second.id, "0811 2222 3333")
    with gateway() as gw:
        assert near.enqueue_number_near() == 2  # written now, sent below
        engine.call_next(1)  # the first is called before its message leaves
        done = Sender(Channels(url=gw.url)).run_once()
    assert (done.sent, done.cancelled) == (1, 1)
    ((_, body),) = gw.requests
    assert (body["kind"], body["to"]) == ("number_near", "+6281122223333")
    assert second.number in body["text"]
    cancelled = Notification.get(Notification.to == PHONE)
    assert (cancelled.state, cancelled.failed_reason) == ("cancelled", "ticket_closed: ")


def test_a_template_of_the_office_is_used_and_knows_the_ticket(told: str) -> None:
    update_settings(setup_admin(), notify_template_number_near="{nomor}: {sisa} lagi")
    ticket = engine.issue_ticket("A")
    near.leave_phone(ticket.id, PHONE)
    assert near.enqueue_number_near() == 1
    assert near_messages()[0].text == f"{ticket.number}: 1 lagi"
    with pytest.raises(InvalidInput):
        update_settings(setup_admin(), notify_template_number_near="{paspor}")


def test_two_senders_at_once_write_one_message_per_ticket(told: str, backend: str) -> None:
    update_settings(setup_admin(), notify_near_places=50)
    tickets = [engine.issue_ticket("A") for _ in range(30)]
    for i, ticket in enumerate(tickets):
        near.leave_phone(ticket.id, f"0812 9{i:07d}")
    start = threading.Barrier(2)
    written: list[Any] = []

    with gateway() as gw:
        def send() -> None:
            try:
                start.wait(30)
                written.append(Sender(Channels(url=gw.url)).run_once())
            finally:
                dbmod.database.obj.close()  # this thread's own connection

        run_together(send, send, names=["sender-1", "sender-2"])
    assert len(written) == 2 and sum(r.enqueued for r in written) == 30
    assert sum(r.sent for r in written) == 30
    messages = near_messages()
    assert len(messages) == 30 and len({m.to for m in messages}) == 30
    assert set(gw.accepted) == {m.id for m in messages} and set(gw.accepted.values()) == {1}
    assert {c.notification for c in TicketContact.select()} == {m.id for m in messages}


def test_the_phone_goes_when_its_day_is_over_by_the_sender_and_by_the_purge(
        told: str, travel: Callable[[dt.datetime], None]) -> None:
    ticket = engine.issue_ticket("A")
    near.leave_phone(ticket.id, PHONE)
    assert near.enqueue_number_near() == 1
    next_day = NOW + dt.timedelta(days=1)
    planned = retention.purge(setup_admin(), today=next_day.date(), dry_run=True)
    assert planned.ticket_contacts == 1 and TicketContact.select().count() == 1
    assert retention.purge(setup_admin(), today=NOW.date()).ticket_contacts == 0
    done = retention.purge(setup_admin(), today=next_day.date())
    assert done.ticket_contacts == 1
    assert TicketContact.select().count() == 0 and near_messages() == []

    travel(next_day)
    today = engine.issue_ticket("A")
    near.leave_phone(today.id, PHONE)
    travel(next_day + dt.timedelta(days=1))
    Sender(Channels(url="")).run_once()  # no channel: the day's phones still go
    assert TicketContact.select().count() == 0


def test_schema_version_14_adds_the_phones_table_to_an_older_database(told: str) -> None:
    from playhouse.migrate import SchemaMigrator

    from app.storage import migrations
    from app.storage.migrations import m0014_ticket_contact
    from app.storage.models import SchemaVersion

    db = dbmod.database.obj
    db.drop_tables([TicketContact])
    SchemaVersion.delete().where(SchemaVersion.version >= 13).execute()
    before = migrations.current_version(db)
    assert "ticket_contact" not in db.get_tables()

    assert migrations.migrate(db) == (before, migrations.head_version())
    m0014_ticket_contact.migrate(db, SchemaMigrator.from_database(db))  # twice: no change
    ticket = engine.issue_ticket("A")  # the new table works as the current model expects
    near.leave_phone(ticket.id, PHONE)
    assert near.enqueue_number_near() == 1
