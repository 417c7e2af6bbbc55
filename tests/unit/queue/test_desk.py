"""The counter's desk: what it shows, the order of its waiting list, what it allows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.errors import InvalidInput, NotFound, Refused
from app.office import officers
from app.office.officers import LoginThrottle
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import desk, engine
from app.storage.models import PickupRecord, Queue
from tests.helpers import NOW
from tests.helpers.people import setup_admin

SHELF = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
         b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n"
         b"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;24/06/2024\n")


@pytest.fixture
def day(office: str, travel: Callable[[dt.datetime], None]) -> Callable[[int], None]:
    now = [NOW]
    travel(NOW)

    def later(seconds: int) -> None:
        now[0] += dt.timedelta(seconds=seconds)
        travel(now[0])

    return later


def test_the_waiting_list_is_in_the_order_call_next_takes(
        day: Callable[[int], None]) -> None:
    for queue in ("paspor", "prioritas", "paspor", "prioritas"):
        engine.issue_ticket(queue)
        day(30)
    engine.transfer("A002", to_counter=4)  # sent to counter 4: first there
    seen = desk.counter_desk(4)
    assert [w.number for w in seen.waiting] == ["A002", "P001", "P002", "A001"]
    assert seen.waiting[0].sent_here and seen.waiting_total == 4
    for expected in [w.number for w in seen.waiting]:
        called = engine.call_next(4)
        assert called.number == expected
        engine.finish(called.id, 4)
    # Counter 2 serves only A and never sees tickets sent to another counter.
    assert desk.counter_desk(2).waiting == []


def test_queue_loads_tally_and_held_ticket(day: Callable[[int], None]) -> None:
    engine.issue_ticket("paspor")
    engine.issue_ticket("paspor")
    day(60)
    first = engine.call_next(1)
    engine.start_serving(first.id, 1)
    day(300)
    engine.finish(first.id, 1)
    second = engine.call_next(1)
    engine.no_show(second.id, 1)
    engine.issue_ticket("wna")
    day(90)
    seen = desk.counter_desk(1)
    assert seen.ticket is None and seen.counter_name == "Loket 1"
    assert (seen.tally.served, seen.tally.no_shows, seen.tally.avg_service_s) == (1, 1, 300)
    loads = {q.code: (q.waiting, q.longest_wait_s) for q in seen.queues}
    assert loads == {"paspor": (0, None), "wna": (1, 90)}
    engine.call_next(1)
    assert desk.counter_desk(1).ticket is not None


def test_allowed_actions_follow_the_ticket_state(day: Callable[[int], None]) -> None:
    def allowed(counter: int = 1) -> set[str]:
        return set(desk.allowed_actions(desk.counter_desk(counter)))

    # Nothing waiting: no call-next. A free counter may pause.
    assert allowed() == {"call_number", "pause"}
    engine.issue_ticket("paspor")
    assert allowed() == {"call_next", "call_number", "pause"}
    t = engine.call_next(1)
    assert allowed() == {"recall", "start", "no_show", "finish", "transfer"}
    engine.start_serving(t.id, 1)
    assert allowed() == {"finish", "transfer"}
    engine.finish(t.id, 1)
    assert allowed() == {"call_number", "pause"}


def test_pickup_panel_and_handover_allowed_only_for_a_ready_passport(
        day: Callable[[int], None]) -> None:
    backlog.import_backlog(SHELF, batch="Backlog", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123")
    code = pickup.code_for("2024-TNG-000001")
    pickup.check_in(code)
    ticket = engine.call_next(5)
    seen = desk.counter_desk(5)
    assert seen.pickup is not None and seen.pickup.record.application_no == "2024-TNG-000001"
    assert seen.pickup.signed  # checked in with the signed slip: no false warning
    assert "hand_over" in desk.allowed_actions(seen)
    other = desk.counter_desk(5, scan=pickup.code_for("2024-TNG-000002"))
    assert other.pickup_mismatch and "hand_over" not in desk.allowed_actions(other)
    pickup.hand_over(code, 5, "petugas1", "self", id_checked=True)
    done = desk.counter_desk(5, scan=code)
    assert done.pickup is not None and isinstance(done.pickup.refusal, Refused)
    assert "hand_over" not in desk.allowed_actions(done)
    assert engine.get_ticket(ticket.id).status == "done"


def test_a_ticket_checked_in_by_application_number_stays_not_verified_until_the_slip(
        day: Callable[[int], None]) -> None:
    backlog.import_backlog(SHELF, batch="Backlog", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123")
    pickup.check_in("2024-TNG-000001")  # typed from the receipt
    engine.call_next(5)
    seen = desk.counter_desk(5)
    assert seen.pickup is not None and not seen.pickup.signed
    pickup.check_in(pickup.code_for("2024-TNG-000001"))  # the slip, at the kiosk again
    seen = desk.counter_desk(5)
    assert seen.pickup is not None and seen.pickup.signed
    pickup.hand_over(seen.pickup.handover_ref, 5, "petugas1", "self", id_checked=True)
    assert PickupRecord.get(PickupRecord.application_no == "2024-TNG-000001").verified


def test_a_transfer_suggests_only_a_queue_of_the_tickets_own_kind(
        day: Callable[[int], None]) -> None:
    backlog.import_backlog(SHELF, batch="Backlog", officer=setup_admin())
    pickup.check_in(pickup.code_for("2024-TNG-000001"))  # B001
    engine.call_next(5)
    seen = desk.counter_desk(5)
    suggested = desk.suggested_target(seen)
    assert suggested is not None and seen.targets[suggested].ref == "ambil"  # B → C
    engine.issue_ticket("paspor")
    engine.call_next(1)
    walk_in = desk.counter_desk(1)
    suggested = desk.suggested_target(walk_in)
    assert suggested is not None
    target = walk_in.targets[suggested]
    assert target.queue_kind == "service" and target.ref != "paspor"
    Queue.update(active=False).where(Queue.code == "ambil").execute()
    assert desk.suggested_target(desk.counter_desk(5)) is None  # nothing: Enter waits


def test_scans_are_routed_and_junk_changes_nothing(day: Callable[[int], None]) -> None:
    backlog.import_backlog(SHELF, batch="Backlog", officer=setup_admin())
    t = engine.issue_ticket("paspor")
    outcome = desk.handle_scan(engine.ticket_code(t.id), 1, None)
    assert outcome.kind == "ticket" and outcome.ticket is not None
    assert outcome.ticket.counter == 1
    slip = desk.handle_scan(pickup.code_for("2024-TNG-000002").lower(), 1, None)
    assert slip.kind == "pickup" and slip.check is not None and slip.check.signed
    bare = desk.handle_scan("2024-tng-000001", 1, None)
    assert bare.check is not None and not bare.check.signed
    with pytest.raises(InvalidInput):
        desk.handle_scan("LK1.P.1.AAAAAAAAAAAAAAAA", 1, None)
    with pytest.raises(NotFound):
        desk.handle_scan("2024-TNG-999999", 1, None)
    with pytest.raises(NotFound):
        desk.counter_desk(99)


def test_login_throttle_doubles_after_the_free_attempts() -> None:
    now = [0.0]
    throttle = LoginThrottle(free_attempts=3, base_delay=2, max_delay=10,
                             monotonic=lambda: now[0])
    for _ in range(3):
        assert throttle.wait_left("Budi") == 0
        throttle.failed("budi ")
    assert throttle.wait_left("BUDI") == 2
    now[0] += 2
    throttle.failed("budi")
    assert throttle.wait_left("budi") == 4
    for _ in range(5):
        throttle.failed("budi")
    assert throttle.wait_left("budi") == 10  # capped
    assert throttle.wait_left("ani") == 0  # per username
    throttle.succeeded("budi")
    assert throttle.wait_left("budi") == 0
