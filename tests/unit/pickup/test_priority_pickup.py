"""Priority pickups: elderly, disabled and pregnant applicants checking in for a passport
are called before the other pickup tickets, through the office's priority pickup queue —
on every backend."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from app import cli
from app.errors import InvalidInput, Refused
from app.office import days, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine, kiosk
from app.storage.models import AuditEntry, Counter, Queue, Ticket
from tests.helpers import NOW
from tests.helpers.days import SATURDAY, schedule_pickup_weekend
from tests.helpers.people import setup_admin
from tests.helpers.priority_pickup import add_priority_pickup_route

LIST = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
        b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;28/06/2024\n"
        b"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;28/06/2024\n"
        b"2024-TNG-000003;Agus Salim;X5555555;Rak B-01;28/06/2024\n")


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> dict[str, str]:
    """Three ready passports of the backlog batch (queue B); codes by application number."""
    travel(NOW)
    backlog.import_backlog(LIST, batch="Backlog PDN Juni 2024", officer=setup_admin())
    return {f"00000{i}": pickup.code_for(f"2024-TNG-00000{i}") for i in range(1, 4)}


def test_a_priority_check_in_is_called_before_earlier_plain_pickup_tickets(
        shelf: dict[str, str]) -> None:
    add_priority_pickup_route()
    first = pickup.check_in(shelf["000001"])
    second = pickup.check_in(shelf["000002"])
    urgent = pickup.check_in(shelf["000003"], priority=True)
    assert (first.ticket.number, second.ticket.number) == ("B001", "B002")
    assert (urgent.ticket.number, urgent.ticket.queue, urgent.ticket.pickup) == (
        "Q001", "ambil-prioritas", urgent.record.id)
    assert engine.call_next(6).number == "Q001"
    assert engine.call_next(5).number == "B001"
    entry = AuditEntry.get(AuditEntry.action == "pickup_priority_check_in")
    assert entry.subject == "2024-TNG-000003"
    assert json.loads(entry.details) == {"priority": True, "ticket": "Q001",
                                         "queue": "ambil-prioritas", "verified": True}
    assert "Agus" not in entry.details and "X5555555" not in entry.details
    # The kiosk offers the route, and its check-in takes it.
    assert kiosk.board().priority_pickup


def test_without_a_priority_route_a_priority_check_in_is_refused_in_both_languages(
        shelf: dict[str, str]) -> None:
    assert not kiosk.board().priority_pickup
    for check_in in (pickup.check_in, kiosk.check_in):
        with pytest.raises(Refused) as err:
            check_in(shelf["000001"], priority=True)
        assert err.value.code == "pickup_priority_unavailable"
        assert err.value.message("id").startswith(
            "Kantor ini belum menyediakan antrian prioritas untuk pengambilan paspor.")
        assert err.value.message("en").startswith(
            "This office has no priority queue for passport pickups.")
    assert Ticket.select().count() == 0
    assert not AuditEntry.select().where(
        AuditEntry.action == "pickup_priority_check_in").exists()


def test_only_a_pickup_queue_with_priority_can_be_the_priority_route(office: str) -> None:
    who = setup_admin()
    for ref in ("B", "P", "nothing"):  # no priority; a service queue; no such queue
        with pytest.raises(InvalidInput) as err:
            settings.update_settings(who, priority_pickup_queue=ref)
        assert err.value.code == "setting_priority_pickup_queue"
        assert "priority above 0" in err.value.message("en")
        assert "prioritas di atas 0" in err.value.message("id")
    add_priority_pickup_route()
    assert settings.get_settings(fresh=True).priority_pickup_queue == "Q"
    settings.update_settings(who, priority_pickup_queue="")  # the route closed again
    assert settings.get_settings(fresh=True).priority_pickup_queue == ""


def test_a_pickup_only_weekend_opens_and_serves_the_priority_route(
        shelf: dict[str, str], travel: Callable[[dt.datetime], None]) -> None:
    schedule_pickup_weekend()  # made before the route existed: it names B and C only
    add_priority_pickup_route()
    travel(SATURDAY)
    plan = days.plan_for()
    route = Queue.get(Queue.prefix == "Q").id
    assert plan.queue_open(route)
    assert all(plan.queues_for(c.id)[0] == route for c in Counter.select())
    pickup.check_in(shelf["000001"])
    assert pickup.check_in(shelf["000002"], priority=True).ticket.number == "Q001"
    assert engine.call_next(1).number == "Q001"  # a weekend pickup counter serves it first
    assert engine.call_next(2).number == "B001"


def _run(capsys: pytest.CaptureFixture[str], url: str,
         *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code = cli.main(["--db", url, "--json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else {}), err


def test_the_command_line_checks_in_with_priority(
        shelf: dict[str, str], capsys: pytest.CaptureFixture[str], office: str) -> None:
    add_priority_pickup_route()
    code, body, _ = _run(capsys, office, "pickup", "check-in", shelf["000002"])
    assert code == 0 and body["ticket"]["number"] == "B001"
    code, body, _ = _run(capsys, office, "pickup", "check-in", shelf["000001"], "--priority")
    assert code == 0 and body["ticket"]["number"] == "Q001"
    code, body, _ = _run(capsys, office, "ticket", "call-next", "--counter", "5")
    assert body["number"] == "Q001"


def test_the_command_line_refuses_a_priority_check_in_without_a_route(
        shelf: dict[str, str], capsys: pytest.CaptureFixture[str], office: str) -> None:
    code, body, err = _run(capsys, office, "pickup", "check-in", shelf["000001"], "--priority")
    assert code == 1 and body["error"] == "pickup_priority_unavailable"
    assert "antrian prioritas" in err
    assert cli.main(["--db", office, "--lang", "en", "pickup", "check-in", shelf["000001"],
                     "--priority"]) == 1
    assert "no priority queue for passport pickups" in capsys.readouterr().err
