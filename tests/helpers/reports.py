"""A constructed office day for the report tests (core and window): tickets and passports
written straight into the tables, with the times the tests compute their answers from."""

from __future__ import annotations

import datetime as dt

from app.office import officers
from app.storage.models import Counter, PickupRecord, Queue, Ticket

D = dt.date(2024, 7, 1)
NOW = dt.datetime(2024, 7, 2, 10, 0)  # 17:00 on 2 July in Jakarta


def at(hh: int, mm: int, ss: int = 0, day: int = 0) -> dt.datetime:
    """UTC on 1 July 2024 (``day`` days later); Jakarta is 7 hours ahead."""
    return dt.datetime(2024, 7, 1, hh, mm, ss) + dt.timedelta(days=day)


IMPORTED = at(1, 0)


class Hall:
    def __init__(self) -> None:
        self.queue = {q.prefix: q.id for q in Queue.select()}
        self.counter = {c.number: c.id for c in Counter.select()}
        self.seq: dict[tuple[str, dt.date], int] = {}
        self.sup = officers.add_officer("sup", "super123!", role="supervisor").id
        self.budi = officers.add_officer("budi", "petugas123", full_name="Budi Santoso").id
        self.ani = officers.add_officer("ani", "petugas123", full_name="Ani Lestari").id
        self.records = 0

    def ticket(self, prefix: str, issued: dt.datetime, status: str, *,
               day: dt.date = D, called: dt.datetime | None = None,
               started: dt.datetime | None = None, finished: dt.datetime | None = None,
               counter: int | None = None, officer: int | None = None,
               now_in: str | None = None, transfers: int = 0) -> None:
        seq = self.seq[(prefix, day)] = self.seq.get((prefix, day), 0) + 1
        Ticket.insert(queue=self.queue[prefix], service_day=day, seq=seq,
                      number=f"{prefix}{seq:03d}",
                      service_queue=self.queue[now_in or prefix], status=status,
                      issued_at=issued, line_at=issued, called_at=called, started_at=started,
                      finished_at=finished,
                      counter=self.counter[counter] if counter else None, officer=officer,
                      transfer_count=transfers,
                      transferred_at=issued if transfers else None).execute()

    def passport(self, *, batch: str = "", status: str = "ready",
                 imported: dt.datetime = IMPORTED, collect_by: dt.date | None = None,
                 collected: dt.datetime | None = None, counter: int | None = None,
                 officer: int | None = None, collector: str | None = None,
                 cancelled: dt.datetime | None = None) -> None:
        self.records += 1
        PickupRecord.insert(
            application_no=f"2024-TNG-{self.records:06d}", name=f"Pemohon {self.records}",
            batch=batch, status=status, collect_by=collect_by,
            ready_date=collect_by - dt.timedelta(days=30) if collect_by else None,
            imported_at=imported, updated_at=imported, collected_at=collected,
            collected_counter=self.counter[counter] if counter else None,
            collected_officer=officer, collector=collector, id_checked=collected is not None,
            cancelled_at=cancelled).execute()


BATCH = "Backlog PDN Juni 2024"
