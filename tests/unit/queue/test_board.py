"""The lobby board: read in a few queries, folded from the feed, no personal data."""

from __future__ import annotations

import random

from playhouse.test_utils import count_queries

from app import clock
from app.errors import Refused
from app.feed import EventView, FeedCursor
from app.office import days
from app.office.settings import get_settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.queue.board import (
    PICKUP,
    RECENT_CALLS,
    SERVICE,
    Board,
    Call,
    apply_events,
    calls_to_announce,
    fold_recent,
    load_board,
)
from tests.helpers.people import setup_admin


def _numbers(calls: list[Call]) -> list[str]:
    return [c.number for c in calls]


def test_sections_split_walk_in_services_from_pickups(office: str) -> None:
    for ref in ("A", "A", "W", "B", "B", "C"):
        engine.issue_ticket(ref)
    engine.call_next(2)
    engine.call_next(5)
    board = load_board()
    service, pickups = board.section(SERVICE), board.section(PICKUP)
    assert [c.number for c in service.counters] == [1, 2, 3, 4]
    assert [c.number for c in pickups.counters] == [5, 6]
    assert {q.prefix: q.waiting for q in service.queues} == {"A": 1, "P": 0, "W": 1}
    assert {q.prefix: q.waiting for q in pickups.queues} == {"B": 1, "C": 1}
    assert board.serving_in(2, SERVICE) is not None
    assert board.serving_in(2, SERVICE).number == "A001"  # type: ignore[union-attr]
    assert board.serving_in(5, PICKUP).number == "B001"  # type: ignore[union-attr]
    assert board.serving_in(5, SERVICE) is None
    assert _numbers(service.recent) == ["A001"] and _numbers(pickups.recent) == ["B001"]
    assert board.office_name == get_settings().office_name


def test_a_counter_serving_both_kinds_is_in_both_sections(office: str) -> None:
    from app.storage.models import Counter, CounterQueue, Queue

    counter = Counter.get(Counter.number == 3)
    CounterQueue.create(counter=counter, queue=Queue.get(Queue.code == "ambil"), position=9)
    engine.issue_ticket("C")
    engine.call_next(3)
    board = load_board()
    assert 3 in [c.number for c in board.section(PICKUP).counters]
    assert 3 in [c.number for c in board.section(SERVICE).counters]
    assert board.serving_in(3, PICKUP).number == "C001"  # type: ignore[union-attr]
    assert board.serving_in(3, SERVICE) is None


def test_the_board_is_read_in_few_queries_however_busy_the_day(office: str) -> None:
    get_settings()  # cached for the process, as in the window
    days.plan_for()  # the day's profile: cached with the settings
    with count_queries() as quiet:
        load_board()
    for _ in range(30):
        engine.issue_ticket("A")
        engine.issue_ticket("B")
    for counter in (1, 2, 3, 5, 6):
        engine.call_next(counter)
    engine.recall("A001", 1)
    with count_queries() as busy:
        board = load_board()
    assert busy.count == quiet.count <= 8
    assert len(board.serving) == 5


def test_recent_calls_newest_first_each_ticket_once_bounded_per_section(office: str) -> None:
    for _ in range(RECENT_CALLS + 3):
        engine.issue_ticket("A")
    engine.issue_ticket("B")
    engine.call_next(5)
    for i in range(RECENT_CALLS + 2):
        ticket = engine.call_next(1)
        if i == 0:
            engine.recall(ticket.number, 1)
        engine.finish(ticket.number, 1)
    ticket = engine.call_next(2)
    engine.recall(ticket.number, 2)
    board = load_board()
    service = _numbers(board.section(SERVICE).recent)
    assert service == ["A007", "A006", "A005", "A004"]  # A001 (recalled early) is gone
    assert _numbers(board.section(PICKUP).recent) == ["B001"]  # not pushed off by A


def test_folding_the_feed_gives_the_board_a_fresh_read_gives(office: str) -> None:
    """Work at the counters (scripted, then random); the board folded from the feed
    matches a fresh read after every step."""
    rng = random.Random(5)
    cursor = FeedCursor()
    board = load_board()
    seen: set[str] = set()
    script = [("issue", 1), ("issue", 1), ("call", 1), ("transfer", 1), ("call", 3),
              ("recall", 3), ("start", 3), ("finish", 3), ("call", 2), ("no_show", 2)]
    randomly = [(rng.choice(["issue", "call", "call", "recall", "start", "finish", "no_show",
                             "transfer"]), rng.randint(1, 6)) for _ in range(150)]
    for action, counter in script + randomly:
        held = board.serving.get(counter)
        try:
            if action == "issue":
                engine.issue_ticket(rng.choice("APWBC") if counter > 1 else "A")
            elif action == "call":
                engine.call_next(counter)
            elif held is None:
                continue
            elif action == "recall":
                engine.recall(held.number, counter)
            elif action == "start":
                engine.start_serving(held.number, counter)
            elif action == "finish":
                engine.finish(held.number, counter)
            elif action == "no_show":
                engine.no_show(held.number, counter)
            else:
                engine.transfer(held.number, counter, to_queue="wna")
        except Refused:
            pass
        events = cursor.poll()
        seen.update(e.kind for e in events)
        board, _ = apply_events(board, events)
        fresh = load_board()
        assert board.serving == fresh.serving
        assert _numbers(board.recent) == _numbers(fresh.recent)
    assert {"called", "recalled", "serving", "finished", "no_show", "transferred"} <= seen


def _event(i: int, kind: str, number: str | None, counter: int | None,
           ticket: int | None = None, queue: int = 1) -> EventView:
    return EventView(id=i, at=f"2025-03-03T01:00:{i:02d}", kind=kind, ticket=ticket or i,
                     number=number, queue=queue, counter=counter, data={})


def test_every_call_of_a_burst_is_announced_in_order_recalls_again() -> None:
    events = [_event(1, "called", "A001", 1, ticket=11), _event(2, "called", "A002", 2),
              _event(3, "issued", "A009", None), _event(4, "called", "B001", 5, queue=3),
              _event(5, "recalled", "A001", 1, ticket=11), _event(6, "finished", "A002", 2)]
    calls = calls_to_announce(events, kinds={1: SERVICE, 3: PICKUP})
    assert [(c.number, c.counter, c.recall) for c in calls] == [
        ("A001", 1, False), ("A002", 2, False), ("B001", 5, False), ("A001", 1, True)]
    assert calls[2].kind == PICKUP


def test_after_an_outage_only_what_each_counter_calls_now_is_announced() -> None:
    events = [_event(1, "called", "A001", 1), _event(2, "finished", "A001", 1, ticket=1),
              _event(3, "called", "A002", 1), _event(4, "called", "A003", 2),
              _event(5, "finished", "A003", 2, ticket=4), _event(6, "called", "A004", 3),
              _event(7, "recalled", "A004", 3, ticket=6)]
    calls = calls_to_announce(events, catch_up=True)
    assert [(c.number, c.counter, c.recall) for c in calls] == [("A002", 1, False),
                                                                ("A004", 3, True)]
    assert len(calls_to_announce(events)) == 5


def test_recent_calls_fold_moves_a_recall_up_bounded_per_section() -> None:
    def call(i: int, number: str, kind: str = SERVICE) -> Call:
        return Call(event=i, ticket=i, number=number, counter=1, kind=kind, recall=False,
                    at="")

    recent = fold_recent([], [call(1, "A001"), call(2, "A002"), call(3, "B001", PICKUP)])
    assert _numbers(recent) == ["B001", "A002", "A001"]
    recent = fold_recent(recent, [call(1, "A001")])
    assert _numbers(recent) == ["A001", "B001", "A002"]
    many = fold_recent(recent, [call(10 + i, f"A1{i:02d}") for i in range(50)], limit=3)
    assert _numbers(many) == ["A149", "A148", "A147", "B001"]


def test_applying_nothing_new_keeps_the_same_board() -> None:
    board = Board(office_name="x", notice_text="", timezone="Asia/Jakarta",
                  service_day="2025-03-03", queues=[], counters=[])
    same, calls = apply_events(board, [_event(1, "issued", "A001", None)])
    assert same is board and calls == []


def test_no_personal_data_on_the_board(office: str) -> None:
    ready = clock.service_day(get_settings().timezone).isoformat()
    backlog.import_backlog(
        "no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status\n"
        f"2024-TNG-777001;Rahmat Hidayatullah;E7654321;Rak Z-09;{ready};siap\n".encode(),
        batch="Backlog PDN Juni 2024", officer=setup_admin())
    checked_in = pickup.check_in("2024-TNG-777001")
    cursor = FeedCursor(0)
    called = engine.call_next(5)
    assert called.number == checked_in.ticket.number
    board, _ = apply_events(load_board(), cursor.poll())
    shown = repr(board)
    assert called.number in shown
    for secret in ("Rahmat", "Hidayatullah", "E7654321", "777001", "Rak Z-09"):
        assert secret not in shown
