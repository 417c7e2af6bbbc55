"""Two weeks of made-up history for the demo office, so its reports and burn-down have
something to show: tickets served on earlier days and a backlog batch being collected.

Deterministic (a fixed random seed) and written only once: a database that already has
tickets of an earlier day is left alone. Every name is invented.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from app import clock
from app.office.settings import get_settings
from app.setup.schema import DEMO_BATCH
from app.storage.models import (
    CANCELLED,
    COLLECTED,
    DONE,
    NO_SHOW,
    READY,
    Counter,
    CounterQueue,
    DailySequence,
    Officer,
    PickupRecord,
    Queue,
    Ticket,
)
from app.storage.transactions import run_in_transaction

_GIVEN = ("Ahmad", "Siti", "Budi", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko",
          "Kartika", "Lukman", "Mega", "Nanda", "Oki", "Putri", "Rudi", "Sari", "Taufik",
          "Wulan", "Yanti", "Zainal")
_FAMILY = ("Pratama", "Saputra", "Wijaya", "Lestari", "Hidayat", "Nugroho", "Kusuma",
           "Rahayu", "Santoso", "Permana", "Siregar", "Nasution", "Simanjuntak", "Harahap")

# Applicants per weekday (Monday first): busy at the start of the week, quiet on Friday
# afternoon, a weekend pickup session on Saturday as offices held after the outage.
_PER_DAY = (150, 130, 125, 120, 100, 60, 0)
# Share of the day's tickets per queue code.
_MIX = {"paspor": 0.55, "prioritas": 0.07, "wna": 0.08, "backlog": 0.2, "ambil": 0.1}
HISTORY_BATCH_SIZE = 400


def _local(day: dt.date, seconds: int, zone: str) -> dt.datetime:
    """Naive UTC of ``seconds`` after local midnight of ``day``."""
    return clock.day_start_utc(day, zone) + dt.timedelta(seconds=seconds)


def seed_history(days: int = 14, seed: int = 2024) -> int:
    """Add ``days`` earlier days of tickets and a backlog batch's collections.

    Returns how many tickets were written (0 when history exists already).
    """
    office = get_settings(fresh=True)
    today = clock.service_day(office.timezone)
    rng = random.Random(seed)

    def work() -> int:
        if Ticket.select().where(Ticket.service_day < today).exists():
            return 0
        queues = {q.code: q for q in Queue.select()}
        if not all(code in queues for code in _MIX):
            return 0
        officers: list[int | None] = [
            o.id for o in Officer.select().where(Officer.role == "officer")] or [None]
        counters_for: dict[int, list[int | None]] = {}
        for link in CounterQueue.select(CounterQueue, Counter).join(Counter):
            counters_for.setdefault(link.queue_id, []).append(link.counter.id)
        start = today - dt.timedelta(days=days)
        records = _backlog_batch(start, today, office.timezone, rng, officers,
                                 counters_for.get(queues["backlog"].id, [None]))
        tickets: list[dict[str, Any]] = []
        for offset in range(days):
            day = start + dt.timedelta(days=offset)
            count = _PER_DAY[day.weekday()]
            for code, share in _MIX.items():
                queue = queues[code]
                pickups = records.get(day, []) if code == "backlog" else []
                n = len(pickups) if code == "backlog" else round(count * share)
                tickets.extend(_day_tickets(queue, day, n, office.timezone, rng, officers,
                                            counters_for.get(queue.id, [None]), pickups))
        for first in range(0, len(tickets), 200):
            Ticket.insert_many(tickets[first:first + 200]).execute()
        return len(tickets)

    return run_in_transaction(work)


def _backlog_batch(start: dt.date, today: dt.date, zone: str, rng: random.Random,
                   officers: list[int | None], counters: list[int | None],
                   ) -> dict[dt.date, list[int]]:
    """The held-back passports, all ready on the first day; most collected since.

    Returns the record ids collected on each day (each gets a backlog ticket).
    """
    collect_by_days = get_settings().collect_by_days
    imported = _local(start, 7 * 3600, zone)
    # Ready in waves as printing caught up: a third on each of the first three days.
    rows = []
    for i in range(HISTORY_BATCH_SIZE):
        ready = start + dt.timedelta(days=i * 3 // HISTORY_BATCH_SIZE)
        name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        rows.append({
            "application_no": f"2024-TNG-H{i + 1:05d}", "name": name,
            "passport_no": f"E{8000000 + i}", "batch": DEMO_BATCH,
            "location": f"Rak H-{i // 50 + 1:02d}", "status": READY, "ready_date": ready,
            "collect_by": ready + dt.timedelta(days=collect_by_days),
            "imported_at": imported, "updated_at": imported})
    for first in range(0, len(rows), 200):
        PickupRecord.insert_many(rows[first:first + 200]).execute()
    ready_on: dict[int, dt.date] = {r.id: r.ready_date or start for r in
                PickupRecord.select(PickupRecord.id, PickupRecord.ready_date)
                .where(PickupRecord.application_no.startswith("2024-TNG-H"))}
    ids = sorted(ready_on)
    rng.shuffle(ids)
    collected: dict[dt.date, list[int]] = {}
    days = (today - start).days
    # Fast at first (the weekend sessions), then the stragglers; about 10 % never come.
    # Nobody collects a passport before the day it is ready.
    waiting = ids[: int(len(ids) * 0.9)]
    for offset in range(days):
        day = start + dt.timedelta(days=offset)
        if not waiting or _PER_DAY[day.weekday()] == 0:
            continue
        take = max(3, int(len(waiting) * (0.35 if day.weekday() == 5 else 0.18)))
        can = [rid for rid in waiting if ready_on[rid] <= day][:take]
        chosen = set(can)
        collected[day], waiting = can, [rid for rid in waiting if rid not in chosen]
    for day, day_ids in collected.items():
        for rid in day_ids:
            at = _local(day, rng.randint(8 * 3600, 15 * 3600), zone)
            kind = rng.choices(("self", "family", "proxy"), (80, 15, 5))[0]
            PickupRecord.update(
                status=COLLECTED, collected_at=at, updated_at=at,
                collected_counter=rng.choice(counters), collected_officer=rng.choice(officers),
                collector=kind, id_checked=True, verified=True,
                collector_name=None if kind == "self" else
                f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
            ).where(PickupRecord.id == rid).execute()
    return collected


def _day_tickets(queue: Queue, day: dt.date, count: int, zone: str, rng: random.Random,
                 officers: list[int | None], counters: list[int | None],
                 pickups: list[int]) -> list[dict[str, Any]]:
    """``count`` finished tickets of one queue on one earlier day, in issue order."""
    if count == 0:
        return []
    opening, closing = 8 * 3600, 15 * 3600
    arrivals = sorted(rng.randint(opening - 1800, closing - 3600) for _ in range(count))
    free_at = {c: opening for c in counters}
    rows = []
    for seq, arrived in enumerate(arrivals, start=1):
        counter = min(free_at, key=lambda c: free_at[c])
        called = max(arrived + 20, free_at[counter]) + rng.randint(0, 90)
        started = called + rng.randint(20, 120)
        service = rng.randint(240, 900) if queue.kind == "service" else rng.randint(60, 240)
        finished = started + service
        fate = DONE if pickups else rng.choices((DONE, NO_SHOW, CANCELLED), (92, 6, 2))[0]
        if fate == DONE:
            free_at[counter] = finished
        elif fate == NO_SHOW:
            free_at[counter] = called + 120
        rows.append({
            "queue": queue.id, "service_day": day, "seq": seq,
            "number": f"{queue.prefix}{seq:03d}", "service_queue": queue.id,
            "status": fate, "issued_at": _local(day, arrived, zone),
            "line_at": _local(day, arrived, zone),
            "called_at": None if fate == CANCELLED else _local(day, called, zone),
            "started_at": _local(day, started, zone) if fate == DONE else None,
            "finished_at": _local(day, finished if fate == DONE else called + 120, zone),
            "counter": None if fate == CANCELLED else counter,
            "officer": None if fate == CANCELLED else rng.choice(officers),
            "pickup": pickups[seq - 1] if pickups else None,
        })
    DailySequence.insert(queue=queue.id, service_day=day, last=count).execute()
    return rows
