"""The sender: at most once to a gateway that accepts, retries with back-off, and two
senders at once never send one message twice (real servers, a gateway on 127.0.0.1)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest

from app.notify import outbox
from app.notify.channels import ACCEPTED, Message, send_mail
from app.notify.sender import MAX_ATTEMPTS, Channels, Sender, backoff
from app.office import officers
from app.pickup import service as pickup
from app.storage import db as dbmod
from app.storage.models import AuditEntry, Notification
from tests.helpers import NOW
from tests.helpers.gateway import gateway, smtp_server
from tests.helpers.people import setup_admin
from tests.helpers.threads import run_together
from tests.unit.notify.conftest import PASSPORTS, import_list

pytestmark = pytest.mark.expect_log("app.notify", "WARNING")


def state(to: str) -> Notification:
    return Notification.get(Notification.to == to)


BUDI = "+6281234567890"


def test_a_message_goes_once_with_its_key_and_is_marked_sent(shelf: str) -> None:
    with gateway() as gw:
        done = Sender(Channels(url=gw.url)).run_once()
        again = Sender(Channels(url=gw.url)).run_once()
    budi = state(BUDI)
    assert (done.sent, again.sent) == (1, 0)
    assert (budi.state, budi.attempts, budi.sent_at) == ("sent", 1, NOW)
    assert gw.accepted == {budi.id: 1}
    key, body = gw.requests[0]
    assert key == budi.id and body == {"id": budi.id, "kind": "passport_ready", "to": BUDI,
                                       "text": budi.text}
    assert state("siti@example.co.id").state == "pending"  # no mail server set up


def test_a_refusal_fails_at_once_and_a_busy_gateway_is_retried_later(
        shelf: str, july: Callable[[dt.datetime], None]) -> None:
    answers = iter([429, 503, 200])
    with gateway(lambda body, key: next(answers)) as gw:
        sender = Sender(Channels(url=gw.url))
        assert sender.run_once().retrying == 1
        budi = state(BUDI)
        assert budi.next_attempt_at == NOW + backoff(1) == NOW + dt.timedelta(minutes=1)
        assert "429" in budi.failed_reason
        assert sender.run_once().sent == 0  # not due yet
        july(NOW + dt.timedelta(minutes=1))
        assert sender.run_once().retrying == 1
        assert state(BUDI).next_attempt_at == NOW + dt.timedelta(minutes=3)
        july(NOW + dt.timedelta(minutes=3))
        assert sender.run_once().sent == 1
    assert [k for k, _ in gw.requests] == [budi.id] * 3 and gw.accepted == {budi.id: 1}

    import_list("no_permohonan;nama;tanggal_siap;status;telepon\n"
                "2024-TNG-000009;Ani;28/06/2024;siap;0811 2222 3333\n")
    with gateway(lambda body, key: 400) as gw:
        assert Sender(Channels(url=gw.url)).run_once().failed == 1
    ani = state("+6281122223333")
    assert (ani.state, ani.attempts) == ("failed", 1)
    assert outbox.listing(["failed"], lang="en")[0].why == (
        "the gateway refused the message (HTTP 400 Bad Request)")


def test_back_off_is_capped_and_ends_in_failed(
        shelf: str, july: Callable[[dt.datetime], None]) -> None:
    assert backoff(30) == dt.timedelta(hours=1)
    now = NOW
    with gateway(lambda body, key: 500) as gw:
        sender = Sender(Channels(url=gw.url))
        for _ in range(MAX_ATTEMPTS):
            sender.run_once()
            now += dt.timedelta(hours=1)
            july(now)
    budi = state(BUDI)
    assert (budi.state, budi.attempts) == ("failed", MAX_ATTEMPTS)
    assert len(gw.requests) == MAX_ATTEMPTS and not gw.accepted
    # A supervisor sends it again (audited); a second retry is refused.
    sup = officers.add_officer("sup", "super123!", role="supervisor").id
    assert outbox.retry(sup, budi.id).state == "pending"
    with pytest.raises(Exception, match="tidak gagal|has not failed"):
        outbox.retry(sup, budi.id)
    assert AuditEntry.select().where(AuditEntry.action == "notification_retried").count() == 1
    with gateway() as gw:
        assert Sender(Channels(url=gw.url)).run_once().sent == 1


def test_a_passport_collected_before_its_message_went_is_not_told(shelf: str) -> None:
    pickup.hand_over("2024-TNG-000001", 1, setup_admin(), "self", id_checked=True)
    with gateway() as gw:
        done = Sender(Channels(url=gw.url)).run_once()
    assert (done.sent, done.cancelled, gw.requests) == (0, 1, [])
    assert state(BUDI).failed_reason == "closed_collected: "


def test_mail_goes_through_smtp_and_a_refused_address_fails(shelf: str) -> None:
    import_list("no_permohonan;nama;tanggal_siap;status;email\n"
                "2024-TNG-000009;Ani;28/06/2024;siap;nobody@example.com\n")
    with smtp_server() as box:
        box.refuse.add("nobody@example.com")
        done = Sender(Channels(smtp_host="127.0.0.1", smtp_port=box.port,
                               smtp_from="loket@example.go.id")).run_once()
    assert (done.sent, done.failed) == (1, 1)
    (sender, rcpts, data), = box.mails
    assert (sender, rcpts) == ("loket@example.go.id", ["siti@example.co.id"])
    assert "Siti Aminah" in data and "X7654321" not in data
    assert state("nobody@example.com").failed_reason.startswith("mail_refused: 550")
    assert state(BUDI).state == "pending"  # no gateway set up


def test_a_mail_sent_again_carries_the_same_message_id() -> None:
    # A retry after a lost answer must look like the same mail to the mail system.
    message = Message("0b6f3c52-7d1e-4a7e-9c1f-2f4a8d6e1b90", "passport_ready",
                      "siti@example.co.id", "Paspor Anda siap diambil.")
    with smtp_server() as box:
        for _ in range(2):
            verdict = send_mail("127.0.0.1", box.port, "loket@example.go.id", message)
            assert verdict.outcome == ACCEPTED
    ids = [next(line for line in data.splitlines() if line.startswith("Message-ID:"))
           for _, _, data in box.mails]
    assert ids == ["Message-ID: <0b6f3c52-7d1e-4a7e-9c1f-2f4a8d6e1b90@example.go.id>"] * 2


def test_two_senders_at_once_never_send_one_message_twice(
        shelf: str, backend: str) -> None:
    rows = "".join(f"2024-TNG-1{i:05d};Pemohon {i};28/06/2024;siap;0812 9{i:07d}\n"
                   for i in range(40))
    import_list("no_permohonan;nama;tanggal_siap;status;telepon\n" + rows)
    expected = {m.id for m in Notification.select() if "@" not in m.to}
    start = threading.Barrier(2)
    results: list[Any] = []

    with gateway() as gw:
        def send() -> None:
            try:
                start.wait(30)
                results.append(Sender(Channels(url=gw.url)).run_once())
            finally:
                dbmod.database.obj.close()  # this thread's own connection

        run_together(send, send, names=["sender-1", "sender-2"])
    assert len(results) == 2 and sum(r.sent for r in results) == len(expected) == 41
    assert set(gw.accepted) == expected and set(gw.accepted.values()) == {1}
    assert len(gw.requests) == len(expected)
    assert {m.state for m in Notification.select() if "@" not in m.to} == {"sent"}
    assert not any(number in body["text"] for _, body in gw.requests for number in PASSPORTS)
