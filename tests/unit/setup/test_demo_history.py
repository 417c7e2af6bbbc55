"""The demo office's made-up history: written once, consistent with the rules."""

from __future__ import annotations

import peewee as pw

from app import clock
from app.office import reports
from app.office.officers import add_officer
from app.office.settings import get_settings
from app.queue import engine
from app.setup.demo_history import HISTORY_BATCH_SIZE, seed_history
from app.storage.models import COLLECTED, OPEN_STATUSES, DailySequence, PickupRecord, Ticket


def test_history_is_written_once_and_obeys_the_numbering_rules(office: str) -> None:
    boss = add_officer("boss", "boss-password", role="supervisor")
    written = seed_history(days=7)
    assert written > 0 and seed_history(days=7) == 0
    today = clock.service_day(get_settings().timezone)
    assert Ticket.select().count() == written
    assert not Ticket.select().where((Ticket.service_day >= today)
                                     | Ticket.status.in_(OPEN_STATUSES)).exists()
    # Each queue's daily sequence is its last number, so today's numbering is untouched.
    last = {(s.queue_id, s.service_day): s.last for s in DailySequence.select()}
    for queue, day, top in (Ticket.select(Ticket.queue, Ticket.service_day,
                                            pw.fn.MAX(Ticket.seq))
                              .group_by(Ticket.queue, Ticket.service_day).tuples()):
        assert last[(queue, day)] == top
    # Every collected backlog passport came through a finished backlog ticket.
    collected = PickupRecord.select().where(PickupRecord.status == COLLECTED).count()
    assert 0 < collected < HISTORY_BATCH_SIZE
    assert Ticket.select().where(Ticket.pickup.is_null(False)).count() == collected
    for rec in PickupRecord.select().where(PickupRecord.status == COLLECTED):
        assert clock.service_day(get_settings().timezone, rec.collected_at) >= rec.ready_date
    # The numbers a supervisor sees add up.
    first_day = min(day for _, day in last)
    total = reports.report(first_day, today, boss.id).total
    assert total.issued == written == total.served + total.no_shows + total.cancelled
    assert total.handed_over == collected
    assert engine.issue_ticket("paspor").number == "A001"  # today starts from one
