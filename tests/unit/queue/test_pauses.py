"""A counter's pause: it calls nobody, receives no transfer, and its time is summed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from app.errors import InvalidInput, NotFound, Refused
from app.office import officers
from app.queue import engine, pauses
from app.storage.models import AuditEntry, CounterPause, Event

T0 = dt.datetime(2026, 3, 2, 3, 0)  # 10:00 in Jakarta


def test_a_paused_counter_calls_nobody_until_it_resumes(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(T0)
    rina = officers.add_officer("rina", "petugas123").id
    a1 = engine.issue_ticket("A")
    view = pauses.pause_counter(1, "prayer", rina, request_id="p-1")
    assert (view.counter, view.reason, view.ended_at) == (1, "prayer", None)
    for call in (lambda: engine.call_next(1), lambda: engine.call_ticket(a1.number, 1)):
        with pytest.raises(Refused) as err:
            call()
        assert err.value.code == "counter_paused"
        assert err.value.message("id") == (
            "Loket 1 sedang dijeda (ibadah) sejak pukul 10:00. Lanjutkan layanan dulu, lalu "
            "panggil nomor berikutnya.")
        assert "paused (prayer) since 10:00. Resume first" in err.value.message("en")
    assert engine.get_ticket(a1.number).status == "waiting"
    # Another counter serving A calls it meanwhile.
    assert engine.call_next(2).number == a1.number
    engine.finish(a1.number, 2)

    travel(T0 + dt.timedelta(minutes=15))
    back = pauses.resume_counter(1, rina, request_id="r-1")
    assert back.ended_at is not None and pauses.current_pause(1) is None
    engine.issue_ticket("A")
    assert engine.call_next(1).counter == 1

    actions = [(e.action, e.counter, e.officer_id, json.loads(e.details))
               for e in AuditEntry.select().where(AuditEntry.action.startswith("counter_"))
               .order_by(AuditEntry.id)]
    assert [a[:3] for a in actions] == [("counter_paused", 1, rina),
                                        ("counter_resumed", 1, rina)]
    assert actions[0][3]["reason"] == "prayer" and actions[1][3]["paused_s"] == 900
    kinds = [e.kind for e in Event.select().where(Event.counter == 1).order_by(Event.id)]
    assert kinds[:2] == ["counter_paused", "counter_resumed"]


def test_pause_and_resume_are_done_once_per_request_id(office: str) -> None:
    first = pauses.pause_counter(3, "break", request_id="p-once")
    assert pauses.pause_counter(3, "break", request_id="p-once") == first
    assert CounterPause.select().count() == 1
    with pytest.raises(Refused) as err:
        pauses.pause_counter(3, "system")
    assert err.value.code == "counter_already_paused"
    assert "sudah dijeda (istirahat)" in err.value.message("id")
    resumed = pauses.resume_counter(3, request_id="r-once")
    assert pauses.resume_counter(3, request_id="r-once") == resumed
    with pytest.raises(Refused) as err:
        pauses.resume_counter(3)
    assert err.value.code == "counter_not_paused"
    assert "is not paused" in err.value.message("en")
    assert AuditEntry.select().where(AuditEntry.action.startswith("counter_")).count() == 2


def test_a_counter_holding_a_ticket_cannot_pause(office: str) -> None:
    t = engine.issue_ticket("A")
    engine.call_next(1)
    with pytest.raises(Refused) as err:
        pauses.pause_counter(1, "break")
    assert err.value.code == "counter_busy" and t.number in err.value.message("en")
    assert pauses.current_pause(1) is None


def test_no_transfer_to_a_paused_counter(office: str) -> None:
    t = engine.issue_ticket("A")
    engine.call_next(1)
    pauses.pause_counter(2, "system")
    with pytest.raises(Refused) as err:
        engine.transfer(t.number, 1, to_counter=2)
    assert err.value.code == "transfer_to_paused_counter"
    assert "gangguan sistem" in err.value.message("id")
    assert "transfer to another counter or to its queue" in err.value.message("en")
    assert engine.get_ticket(t.number).counter == 1
    pauses.resume_counter(2)
    assert engine.transfer(t.number, 1, to_counter=2).target_counter == 2


def test_bad_reason_and_unknown_counter(office: str) -> None:
    with pytest.raises(InvalidInput) as err:
        pauses.pause_counter(1, "lunch")
    assert "break (istirahat), prayer (ibadah)" in err.value.message("id")
    assert pauses.pause_counter(1, "Istirahat").reason == "break"  # the Indonesian word
    with pytest.raises(NotFound):
        pauses.pause_counter(42, "break")


def test_paused_time_is_summed_within_a_window(
        office: str, travel: Callable[[dt.datetime], None]) -> None:
    travel(T0)
    pauses.pause_counter(1, "break")
    travel(T0 + dt.timedelta(minutes=30))
    pauses.resume_counter(1)
    travel(T0 + dt.timedelta(minutes=50))
    pauses.pause_counter(1, "prayer")
    counter_id = engine.find_counter(1).id
    now = T0 + dt.timedelta(minutes=60)
    # The window cuts the first pause; the open one counts until now.
    total = pauses.paused_seconds(T0 + dt.timedelta(minutes=20), T0 + dt.timedelta(hours=2),
                                  now=now)
    assert total == {counter_id: 10 * 60 + 10 * 60}


def test_the_board_reads_and_follows_pauses(office: str) -> None:
    from app.feed import changes_since
    from app.queue import board

    pauses.pause_counter(2, "break")
    loaded = board.load_board()
    assert {c.number: c.paused for c in loaded.counters} == {1: None, 2: "break", 3: None,
                                                            4: None, 5: None, 6: None}
    last = max(e.id for e in changes_since(0))
    pauses.resume_counter(2)
    pauses.pause_counter(5, "system")
    folded, calls = board.apply_events(loaded, changes_since(last))
    assert calls == [] and {c.number: c.paused for c in folded.counters if c.paused} == {
        5: "system"}
