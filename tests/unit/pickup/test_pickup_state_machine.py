"""Pickup as a state machine: random check-ins, calls, handovers, undos and ends of
service at counters 5 and 6, each checked against a plain model of the shelf.

After every step the database must agree with the model, and always:

* a passport is collected exactly when it has one more handover than undo in the
  audit log;
* a passport has at most one open ticket, and none waiting once it is collected;
* a refused action changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from app import clock
from app.errors import Refused
from app.office import officers
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.storage import db as dbmod
from app.storage.models import AuditEntry, PickupRecord, Ticket
from tests import backends
from tests.helpers.people import setup_admin

# Two backlog passports (queue B), one regular (queue C), one still printing.
LIST = ("no_permohonan,nama,tanggal_siap,status,batch\n"
        "2024-TNG-000001,Budi,{ready},siap,Juni\n"
        "2024-TNG-000002,Ani,{ready},siap,Juni\n"
        "2024-TNG-000003,Ana,{ready},siap,\n"
        "2024-TNG-000004,Ina,,cetak,Juni\n")
RECORDS = ("2024-TNG-000001", "2024-TNG-000002", "2024-TNG-000003", "2024-TNG-000004")
QUEUE_OF = {"2024-TNG-000001": "B", "2024-TNG-000002": "B", "2024-TNG-000003": "C",
            "2024-TNG-000004": "B"}
COUNTER_ORDER = {5: ("B", "C"), 6: ("C", "B")}  # the demo office's pickup counters
OPEN = ("waiting", "called", "serving")
WIPED = ["request_log", "event", "audit_entry", "audit_note", "ticket", "daily_sequence",
         "pickup_record"]


@dataclass
class T:
    record: str
    status: str
    counter: int | None
    order: int  # issue order


class PickupMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        db = dbmod.database.obj
        backends.wipe(db, WIPED)
        ready = clock.service_day(clock.DEFAULT_TIMEZONE) - dt.timedelta(days=3)
        backlog.import_backlog(LIST.format(ready=ready.isoformat()).encode(), officer=setup_admin())
        self.codes = {r: pickup.code_for(r) for r in RECORDS}
        self.status = {r: ("printing" if r.endswith("4") else "ready") for r in RECORDS}
        self.tickets: dict[int, T] = {}
        self.issued = 0

    # --- model helpers ------------------------------------------------------------

    def held_by(self, counter: int) -> int | None:
        return next((tid for tid, t in self.tickets.items()
                     if t.counter == counter and t.status in ("called", "serving")), None)

    def open_ticket(self, record: str) -> int | None:
        return next((tid for tid, t in self.tickets.items()
                     if t.record == record and t.status in OPEN), None)

    def refusal_for(self, record: str) -> str | None:
        status = self.status[record]
        return {"printing": "pickup_not_ready_undated",
                "collected": "pickup_already_collected"}.get(status)

    def expect_refused(self, code: str, action: object, *args: object, **kw: object) -> None:
        before = (list(PickupRecord.select().order_by(PickupRecord.id).dicts()),
                  list(Ticket.select().order_by(Ticket.id).dicts()), AuditEntry.select().count())
        with pytest.raises(Refused) as err:
            action(*args, **kw)  # type: ignore[operator]
        assert err.value.code == code
        after = (list(PickupRecord.select().order_by(PickupRecord.id).dicts()),
                 list(Ticket.select().order_by(Ticket.id).dicts()), AuditEntry.select().count())
        assert after == before

    # --- rules -----------------------------------------------------------------------

    @rule(record=st.sampled_from(RECORDS), bare=st.booleans())
    def check_in(self, record: str, bare: bool) -> None:
        scan = record if bare else self.codes[record]
        refusal = self.refusal_for(record)
        if refusal:
            self.expect_refused(refusal, pickup.check_in, scan)
            return
        result = pickup.check_in(scan)
        existing = self.open_ticket(record)
        if existing is not None:
            assert (result.created, result.ticket.id) == (False, existing)
        else:
            assert result.created and result.ticket.number.startswith(QUEUE_OF[record])
            self.issued += 1
            self.tickets[result.ticket.id] = T(record, "waiting", None, self.issued)
        assert result.verified is (not bare)

    @rule(counter=st.sampled_from([5, 6]))
    def call_next(self, counter: int) -> None:
        holding = self.held_by(counter)
        if holding is not None:
            self.expect_refused("counter_busy", engine.call_next, counter)
            return
        waiting = [(COUNTER_ORDER[counter].index(QUEUE_OF[t.record]), t.order, tid)
                   for tid, t in self.tickets.items() if t.status == "waiting"]
        if not waiting:
            self.expect_refused("nothing_waiting", engine.call_next, counter)
            return
        expected = min(waiting)[2]
        assert engine.call_next(counter).id == expected
        self.tickets[expected].status, self.tickets[expected].counter = "called", counter

    @rule(record=st.sampled_from(RECORDS), counter=st.sampled_from([5, 6]),
          bare=st.booleans())
    def hand_over(self, record: str, counter: int, bare: bool) -> None:
        scan = record if bare else self.codes[record]
        held = self.held_by(counter)
        # The passport's own state speaks first; then a counter serving someone else
        # is refused (handing over there would strand the other applicant).
        refusal = self.refusal_for(record) or (
            "counter_busy" if held is not None and self.tickets[held].record != record
            else None)
        if refusal:
            self.expect_refused(refusal, pickup.hand_over, scan, counter, "petugas1", "self",
                                id_checked=True)
            return
        done = pickup.hand_over(scan, counter, "petugas1", "self", id_checked=True)
        self.status[record] = "collected"
        if held is not None and self.tickets[held].record == record:
            self.tickets[held].status = "done"
            assert done.ticket is not None and done.ticket.id == held
        else:
            assert done.ticket is None
        for t in self.tickets.values():
            if t.record == record and t.status == "waiting":
                t.status = "cancelled"
        assert done.record.verified is (not bare)

    @rule(record=st.sampled_from(RECORDS))
    def undo(self, record: str) -> None:
        if self.status[record] != "collected":
            with pytest.raises(Refused):
                pickup.undo_hand_over(self.codes[record], "supervisor", "keliru")
            return
        assert pickup.undo_hand_over(record, "supervisor", "keliru").status == "ready"
        self.status[record] = "ready"

    @rule(counter=st.sampled_from([5, 6]), how=st.sampled_from(["finish", "no_show"]))
    def end_service(self, counter: int, how: str) -> None:
        held = self.held_by(counter)
        if held is None:
            return
        getattr(engine, how)(held, counter)
        self.tickets[held].status = "done" if how == "finish" else "no_show"

    # --- the database agrees ---------------------------------------------------------

    @invariant()
    def shelf_matches(self) -> None:
        stored = {r.application_no: r.status for r in PickupRecord.select()}
        assert stored == self.status
        handed = AuditEntry.select().where(AuditEntry.action == "pickup_handed_over").count()
        undone = AuditEntry.select().where(AuditEntry.action == "pickup_handover_undone").count()
        assert handed - undone == sum(s == "collected" for s in self.status.values())

    @invariant()
    def tickets_match(self) -> None:
        rows = {t.id: t for t in Ticket.select()}
        assert set(rows) == set(self.tickets)
        ids = {r.id: r.application_no for r in PickupRecord.select()}
        for tid, t in self.tickets.items():
            row = rows[tid]
            counter = row.counter.number if row.counter_id else None
            assert (ids[row.pickup_id], row.status) == (t.record, t.status)
            if t.status in ("called", "serving"):
                assert counter == t.counter
        for record in RECORDS:
            open_ = [t for t in self.tickets.values() if t.record == record and t.status in OPEN]
            assert len(open_) <= 1
            if self.status[record] == "collected":
                assert all(t.status != "waiting" for t in open_)


_CHECKS = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


def test_pickup_state_machine(office: str, backend: str) -> None:
    officers.add_officer("petugas1", "petugas123")
    officers.add_officer("supervisor", "super123!", role="supervisor")
    examples = 40 if backend == "sqlite" else 10
    run_state_machine_as_test(PickupMachine, settings=settings(
        max_examples=examples, stateful_step_count=25, deadline=None,
        suppress_health_check=_CHECKS))
