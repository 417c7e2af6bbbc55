"""The supervisor's work on officers, counters and queues: every rule, every refusal,
the audit trail, and the two rules that must hold under concurrency (the last admin,
a counter closed while it calls)."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from typing import Any

import pytest

from app.errors import InvalidInput, LoketError, NotFound, Refused
from app.office import admin, officers, settings
from app.office.officers import LoginThrottle
from app.queue import desk, engine
from app.storage import db as dbmod
from app.storage.models import AuditEntry, Counter, CounterQueue, Event, Officer, Queue, Ticket
from tests.helpers.people import setup_admin
from tests.helpers.threads import run_together


@pytest.fixture
def staff(office: str) -> dict[str, int]:
    """An admin, a supervisor and two officers; their ids by username."""
    people = {"root": "admin", "siti": "supervisor", "budi": "officer", "dewi": "officer"}
    return {name: officers.add_officer(name, f"{name}-password", role=role,
                                       full_name=name.title()).id
            for name, role in people.items()}


def audits(action: str) -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action == action).order_by(AuditEntry.id))


def details(entry: AuditEntry) -> dict[str, Any]:
    return dict(json.loads(entry.details))


def refused(code: str, call: Callable[[], object]) -> LoketError:
    with pytest.raises(LoketError) as err:
        call()
    assert err.value.code == code, err.value
    assert err.value.message("id") and err.value.message("en")
    return err.value


def events(kind: str) -> list[Event]:
    return list(Event.select().where(Event.kind == kind))


# --- signing in ----------------------------------------------------------------------------


def test_supervisor_and_admin_sign_in_officer_is_refused_and_audited(
        staff: dict[str, int]) -> None:
    throttle = LoginThrottle()
    assert admin.sign_in("siti", "siti-password", throttle).role == "supervisor"
    assert admin.sign_in("ROOT ", "root-password", throttle).role == "admin"
    err = refused("admin_login_refused", lambda: admin.sign_in("budi", "budi-password",
                                                               throttle))
    assert "jendela loket" in err.message("id")
    [entry] = audits("admin_login_refused")
    assert entry.officer_id == staff["budi"] and details(entry) == {"role": "officer"}


def test_wrong_passwords_read_as_at_the_counter_and_are_throttled(
        staff: dict[str, int]) -> None:
    now = [1000.0]
    throttle = LoginThrottle(monotonic=lambda: now[0])
    wrong = refused("login_failed", lambda: admin.sign_in("siti", "nope-nope", throttle))
    unknown = refused("login_failed", lambda: admin.sign_in("nobody", "siti-password",
                                                            throttle))
    assert wrong.message("en") == unknown.message("en") == "Wrong username or password."
    # An officer with a wrong password learns nothing about the window either.
    refused("login_failed", lambda: admin.sign_in("budi", "wrong-pass", throttle))
    for _ in range(2):  # the third failure of one name; the fourth try must wait
        refused("login_failed", lambda: admin.sign_in("siti", "nope-nope", throttle))
    refused("login_throttled", lambda: admin.sign_in("siti", "siti-password", throttle))
    now[0] += 2.5
    assert admin.sign_in("siti", "siti-password", throttle).username == "siti"
    assert len(audits("login_failed")) == 5


def test_officer_list_shows_last_sign_in_in_office_time(
        staff: dict[str, int], travel: Callable[..., None]) -> None:
    import datetime as dt

    travel(dt.datetime(2024, 7, 1, 1, 30))  # 08:30 in Jakarta
    admin.sign_in("siti", "siti-password", LoginThrottle())
    rows = {r.username: r for r in admin.list_officers()}
    assert rows["siti"].last_login == "2024-07-01 08:30"
    assert rows["budi"].last_login is None
    assert [r.username for r in admin.list_officers()] == ["budi", "dewi", "root", "siti"]


# --- officers ---------------------------------------------------------------------------------


def test_supervisor_adds_officers_but_only_an_admin_adds_staff(staff: dict[str, int]) -> None:
    new = admin.add_officer(staff["siti"], "eko", "eko-password", full_name="Eko Prasetyo")
    assert (new.role, new.full_name, new.active) == ("officer", "Eko Prasetyo", True)
    [entry] = [e for e in audits("officer_added") if e.subject == "eko"]
    assert entry.officer_id == staff["siti"]
    assert events("officer_changed")
    refused("needs_admin", lambda: admin.add_officer(staff["siti"], "fajar", "fajar-password",
                                                     role="supervisor"))
    refused("needs_supervisor", lambda: admin.add_officer(staff["budi"], "gita",
                                                          "gita-password"))
    assert admin.add_officer(staff["root"], "fajar", "fajar-password",
                             role="supervisor").role == "supervisor"
    refused("officer_exists", lambda: admin.add_officer(staff["root"], "EKO", "eko-password"))
    refused("password_too_short", lambda: admin.add_officer(staff["root"], "hana", "short"))
    refused("officer_bad_username", lambda: admin.add_officer(staff["root"], "h a", "long-pw1"))
    refused("officer_bad_role", lambda: admin.add_officer(staff["root"], "hana", "long-pw12",
                                                          role="boss"))
    assert not Officer.select().where(Officer.username.in_(["gita", "hana"])).exists()


def test_supervisor_edits_officers_not_staff_and_gives_no_role_above_officer(
        staff: dict[str, int]) -> None:
    changed = admin.update_officer(staff["siti"], staff["budi"], full_name="Budi Santoso")
    assert changed.full_name == "Budi Santoso"
    [entry] = audits("officer_changed")
    assert entry.officer_id == staff["siti"] and entry.subject == "budi"
    assert details(entry) == {"before": {"full_name": "Budi"},
                              "after": {"full_name": "Budi Santoso"}}
    # A supervisor may not touch an admin's (or a supervisor's) account …
    refused("needs_admin", lambda: admin.update_officer(staff["siti"], staff["root"],
                                                        full_name="X"))
    refused("needs_admin", lambda: admin.set_officer_active(staff["siti"], staff["root"],
                                                            False))
    refused("needs_admin", lambda: admin.reset_password(staff["siti"], staff["root"],
                                                        "new-password"))
    # … nor promote an officer.
    refused("needs_admin", lambda: admin.update_officer(staff["siti"], staff["budi"],
                                                        role="supervisor"))
    refused("officer_bad_full_name", lambda: admin.update_officer(staff["siti"],
                                                                  staff["budi"],
                                                                  full_name="  "))
    refused("officer_unknown", lambda: admin.update_officer(staff["siti"], 9999,
                                                            full_name="X"))
    assert Officer.get_by_id(staff["budi"]).role == "officer"
    assert Officer.get_by_id(staff["root"]).full_name == "Root"
    # An admin may; the role is read at the act, so the promoted one acts at once.
    assert admin.update_officer(staff["root"], staff["budi"], role="supervisor").role == \
        "supervisor"
    assert details(audits("officer_changed")[-1]) == {"before": {"role": "officer"},
                                                      "after": {"role": "supervisor"}}
    admin.update_officer(staff["budi"], staff["dewi"], full_name="Dewi Lestari")
    # Nothing to change writes nothing.
    before = AuditEntry.select().count()
    admin.update_officer(staff["root"], staff["dewi"], full_name="Dewi Lestari")
    assert AuditEntry.select().count() == before


def test_nobody_deactivates_or_demotes_the_last_active_admin(staff: dict[str, int]) -> None:
    refused("officer_last_admin", lambda: admin.update_officer(staff["root"], staff["root"],
                                                               role="supervisor"))
    second = admin.add_officer(staff["root"], "ani", "ani-password", role="admin").id
    # With two, one may go …
    admin.set_officer_active(second, staff["root"], False)
    assert not Officer.get_by_id(staff["root"]).active
    # … and an inactive admin does not count as the other one.
    err = refused("officer_last_admin", lambda: admin.update_officer(second, second,
                                                                     role="officer"))
    assert "ani" in err.message("en")
    admin.set_officer_active(second, staff["root"], True)
    assert admin.update_officer(staff["root"], second, role="officer").role == "officer"
    refused("officer_last_admin", lambda: admin.update_officer(staff["root"], staff["root"],
                                                               role="officer"))
    assert Officer.select().where(Officer.role == "admin", Officer.active == True  # noqa: E712
                                  ).count() == 1


def test_nobody_deactivates_themself(staff: dict[str, int]) -> None:
    admin.add_officer(staff["root"], "ani", "ani-password", role="admin")
    refused("officer_self_deactivate", lambda: admin.set_officer_active(staff["root"],
                                                                        staff["root"], False))
    assert Officer.get_by_id(staff["root"]).active


def test_deactivated_officer_cannot_sign_in_nor_act_until_reactivated(
        staff: dict[str, int]) -> None:
    admin.set_officer_active(staff["siti"], staff["budi"], False)
    assert [e.subject for e in audits("officer_deactivated")] == ["budi"]
    refused("login_failed", lambda: officers.log_in("budi", "budi-password", 1,
                                                    LoginThrottle()))
    admin.set_officer_active(staff["root"], staff["siti"], False)
    refused("officer_unknown", lambda: admin.update_officer(staff["siti"], staff["dewi"],
                                                            full_name="X"))
    admin.set_officer_active(staff["root"], staff["siti"], True)
    admin.set_officer_active(staff["siti"], staff["budi"], True)
    assert officers.log_in("budi", "budi-password", 1, LoginThrottle()).username == "budi"
    assert details(audits("officer_reactivated")[-1]) == {"before": {"active": False},
                                                          "after": {"active": True}}


def test_password_reset_works_and_is_audited_without_the_password(
        staff: dict[str, int]) -> None:
    refused("password_too_short", lambda: admin.reset_password(staff["siti"], staff["budi"],
                                                               "1234567"))
    assert officers.authenticate("budi", "budi-password").username == "budi"
    admin.reset_password(staff["siti"], staff["budi"], "brand-new-pw")
    refused("login_failed", lambda: officers.authenticate("budi", "budi-password"))
    assert officers.authenticate("budi", "brand-new-pw").username == "budi"
    [entry] = audits("officer_password_reset")
    assert entry.officer_id == staff["siti"] and entry.subject == "budi"
    dump = " ".join(f"{e.subject} {e.details}" for e in AuditEntry.select())
    assert "brand-new-pw" not in dump and "argon2" not in dump


def test_two_admins_demoting_each_other_at_once_leave_one_admin(
        staff: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each transaction, once it has counted the other admins, waits for the other one
    to count too. Without the lock both would count one other admin and both demote;
    with it the second cannot count before the first has committed."""
    second = admin.add_officer(staff["root"], "ani", "ani-password", role="admin").id
    both_counted = threading.Barrier(2, timeout=0.5)
    real = admin.other_active_admins

    def counted_then_wait(admins: Any, officer_id: int) -> int:
        found = real(admins, officer_id)
        # A broken barrier: the other one is (rightly) still waiting for the lock.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_counted.wait()
        return found

    monkeypatch.setattr(admin, "other_active_admins", counted_then_wait)
    results: dict[str, object] = {}

    def demote(by: int, whom: int, name: str) -> None:
        try:
            results[name] = admin.update_officer(by, whom, role="supervisor")
        except LoketError as exc:
            results[name] = exc
        finally:
            dbmod.database.obj.close()

    run_together(lambda: demote(staff["root"], second, "root→ani"),
                 lambda: demote(second, staff["root"], "ani→root"))
    won = [r for r in results.values() if not isinstance(r, LoketError)]
    lost = [r for r in results.values() if isinstance(r, LoketError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert isinstance(lost[0], Refused)
    assert lost[0].code in ("officer_last_admin", "needs_admin")
    assert Officer.select().where(Officer.role == "admin").count() == 1


# --- counters ---------------------------------------------------------------------------------


def test_counters_are_listed_with_their_queues_in_order(staff: dict[str, int]) -> None:
    rows = {c.number: c for c in admin.list_counters()}
    assert [q.code for q in rows[5].queues] == ["backlog", "ambil"]
    assert [q.code for q in rows[6].queues] == ["ambil", "backlog"]
    engine.issue_ticket("A")
    engine.call_next(2)
    assert {c.number: c.holding for c in admin.list_counters()}[2] == "A001"


def test_add_and_rename_a_counter_with_checks(staff: dict[str, int]) -> None:
    row = admin.add_counter(staff["siti"], " 7 ", "Loket 7 Mal", ["W", "paspor"])
    assert (row.number, row.name, [q.prefix for q in row.queues]) == (7, "Loket 7 Mal",
                                                                      ["W", "A"])
    assert details(audits("counter_added")[0])["after"] == {"name": "Loket 7 Mal",
                                                            "queues": ["wna", "paspor"]}
    for bad in ("0", "1000", "abc", "-3", "7.5", "", "99999999999"):
        refused("counter_bad_number", lambda b=bad: admin.add_counter(staff["siti"], b, "X"))
    refused("counter_exists", lambda: admin.add_counter(staff["siti"], 7, "Lagi"))
    refused("counter_bad_name", lambda: admin.add_counter(staff["siti"], 8, "  "))
    refused("counter_bad_name", lambda: admin.add_counter(staff["siti"], 8, "x" * 65))
    refused("needs_supervisor", lambda: admin.add_counter(staff["budi"], 8, "Loket 8"))
    assert Counter.select().count() == 7
    admin.update_counter(staff["siti"], 7, name="Loket 7 Mal Ciputra")
    assert Counter.get(Counter.number == 7).name == "Loket 7 Mal Ciputra"
    assert details(audits("counter_changed")[-1]) == {
        "before": {"name": "Loket 7 Mal"}, "after": {"name": "Loket 7 Mal Ciputra"}}
    assert [e.counter for e in events("counter_changed")] == [7, 7]


def test_served_queues_are_checked_and_replaced_in_one_go(staff: dict[str, int]) -> None:
    def links() -> list[str]:
        return [q.code for q in admin.list_counters()[0].queues]

    refused("counter_needs_queue", lambda: admin.set_counter_queues(staff["siti"], 1, []))
    refused("queue_unknown", lambda: admin.set_counter_queues(staff["siti"], 1, ["A", "Z"]))
    refused("counter_queue_twice", lambda: admin.set_counter_queues(staff["siti"], 1,
                                                                    ["A", "paspor"]))
    refused("counter_unknown", lambda: admin.set_counter_queues(staff["siti"], 42, ["A"]))
    admin.update_queue(staff["siti"], "P", active=False)
    refused("counter_queue_closed", lambda: admin.set_counter_queues(staff["siti"], 1,
                                                                     ["A", "P"]))
    assert links() == ["paspor", "wna"]
    admin.set_counter_queues(staff["siti"], 1, ["W", "A"])
    assert links() == ["wna", "paspor"]
    # A closed queue the counter already serves may stay (its tickets are still called).
    admin.set_counter_queues(staff["siti"], 4, ["paspor", "P"])
    assert [q.code for q in admin.list_counters()[3].queues] == ["paspor", "prioritas"]
    assert details(audits("counter_changed")[0]) == {
        "before": {"queues": ["paspor", "wna"]}, "after": {"queues": ["wna", "paspor"]}}


def test_a_pickup_counter_switched_to_walk_ins_and_back(staff: dict[str, int]) -> None:
    """When the backlog is done counter 5 helps with applications, then returns."""
    b1 = engine.issue_ticket("B")
    a1 = engine.issue_ticket("A")
    c1 = engine.issue_ticket("C")
    admin.set_counter_queues(staff["siti"], 5, ["paspor"])
    assert engine.call_next(5).number == a1.number
    engine.finish(a1.number, 5)
    with pytest.raises(Refused) as err:
        engine.call_next(5)
    assert err.value.code == "nothing_waiting"  # B and C are no longer its queues
    admin.set_counter_queues(staff["siti"], 5, ["backlog", "ambil"])
    assert engine.call_next(5).number == b1.number
    engine.finish(b1.number, 5)
    assert engine.call_next(5).number == c1.number
    assert len(audits("counter_changed")) == 2


def test_a_counter_holding_a_ticket_cannot_be_closed(staff: dict[str, int]) -> None:
    ticket = engine.issue_ticket("A")
    engine.call_next(2)
    err = refused("counter_holds_ticket", lambda: admin.set_counter_active(staff["siti"], 2,
                                                                           False))
    assert ticket.number in err.message("id") and "A001" in err.message("en")
    assert Counter.get(Counter.number == 2).active
    engine.finish(ticket.number, 2)
    assert not admin.set_counter_active(staff["siti"], 2, False).active
    refused("counter_inactive", lambda: engine.call_next(2))
    assert admin.set_counter_active(staff["siti"], 2, True).active
    assert [e.action for e in AuditEntry.select().where(
        AuditEntry.action.startswith("counter_")).order_by(AuditEntry.id)] == [
        "counter_closed", "counter_opened"]


def test_closing_a_counter_and_calling_there_at_once_cannot_both_happen(
        staff: dict[str, int]) -> None:
    engine.issue_ticket("A")
    outcome: dict[str, object] = {}

    def run(name: str, work: Callable[[], object]) -> None:
        try:
            outcome[name] = work()
        except LoketError as exc:
            outcome[name] = exc.code
        finally:
            dbmod.database.obj.close()

    run_together(lambda: run("call", lambda: engine.call_next(2)),
                 lambda: run("close", lambda: admin.set_counter_active(staff["siti"], 2, False)))
    counter = Counter.get(Counter.number == 2)
    held = Ticket.select().where(Ticket.counter == counter.id, Ticket.status == "called")
    # Either the call came first (the close is refused) or the close did (no call).
    assert (outcome["close"] == "counter_holds_ticket" and counter.active and held.count() == 1
            ) or (outcome["call"] == "counter_inactive" and not counter.active
                  and held.count() == 0), outcome


# --- queues -----------------------------------------------------------------------------------


def test_only_an_admin_creates_a_queue_and_its_code_and_prefix_are_checked(
        staff: dict[str, int]) -> None:
    refused("needs_admin", lambda: admin.add_queue(staff["siti"], "mal", "M", "Layanan Mal",
                                                   "Mall service"))
    row = admin.add_queue(staff["root"], "Mal", "m", "Layanan Mal", "Mall service",
                          priority="2", daily_quota="40")
    assert (row.code, row.prefix, row.priority, row.daily_quota, row.active) == (
        "mal", "M", 2, 40, True)
    assert engine.issue_ticket("M").number == "M001"
    refused("queue_code_taken", lambda: admin.add_queue(staff["root"], "mal", "N", "x", "x"))
    refused("queue_prefix_taken", lambda: admin.add_queue(staff["root"], "mall", "A", "x",
                                                          "x"))
    for bad in ("", "1", "ABC", "A1", "Ä", "-"):
        refused("queue_bad_prefix", lambda b=bad: admin.add_queue(staff["root"], "mall", b,
                                                                  "x", "x"))
    refused("queue_bad_code", lambda: admin.add_queue(staff["root"], "9x", "N", "x", "x"))
    refused("queue_bad_kind", lambda: admin.add_queue(staff["root"], "mall", "N", "x", "x",
                                                      kind="vip"))
    refused("queue_bad_name", lambda: admin.add_queue(staff["root"], "mall", "N", "", "x"))
    assert Queue.select().count() == 6
    assert details(audits("queue_added")[0])["after"]["daily_quota"] == 40


@pytest.mark.parametrize("quota", ["0", "-1", "abc", "10000", "99999999999999", "1.5", "1e3",
                                   0, -5, 10000, True])
def test_bad_daily_quotas_are_refused_and_change_nothing(staff: dict[str, int],
                                                         quota: object) -> None:
    err = refused("queue_bad_quota", lambda: admin.update_queue(staff["siti"], "A",
                                                                daily_quota=quota))
    assert "1–9999" in err.message("id") or "1 to 9999" in err.message("en")
    assert Queue.get(Queue.prefix == "A").daily_quota is None
    assert not audits("queue_changed") and not events("queue_changed")


def test_queue_settings_change_and_only_changes_are_audited(staff: dict[str, int]) -> None:
    row = admin.update_queue(staff["siti"], "A", daily_quota=" 120 ", priority="3",
                             name_id="Permohonan Paspor Baru", name_en="Passport application",
                             kind="service", active=True)
    assert (row.daily_quota, row.priority, row.name_id) == (120, 3, "Permohonan Paspor Baru")
    [entry] = audits("queue_changed")
    assert details(entry) == {
        "before": {"daily_quota": None, "name_id": "Permohonan Paspor", "priority": 0},
        "after": {"daily_quota": 120, "name_id": "Permohonan Paspor Baru", "priority": 3}}
    assert events("queue_changed")
    assert admin.update_queue(staff["siti"], "A", daily_quota="").daily_quota is None
    refused("queue_bad_priority", lambda: admin.update_queue(staff["siti"], "A", priority="100"))
    refused("queue_bad_priority", lambda: admin.update_queue(staff["siti"], "A", priority="x"))
    # The demo's priority queue was set up with 10: sending it back unchanged is fine.
    admin.update_queue(staff["siti"], "P", priority="10", name_en="Priority services")
    assert Queue.get(Queue.prefix == "P").priority == 10
    refused("queue_field_unknown", lambda: admin.update_queue(staff["siti"], "A", code="x"))
    refused("queue_unknown", lambda: admin.update_queue(staff["siti"], "Z", priority=1))
    refused("needs_supervisor", lambda: admin.update_queue(staff["budi"], "A", priority=1))
    count = AuditEntry.select().count()
    admin.update_queue(staff["siti"], "A", prefix="a", kind="service", daily_quota=None)
    assert AuditEntry.select().count() == count


def test_a_new_prefix_keeps_issued_numbers_and_continues_the_sequence(
        staff: dict[str, int]) -> None:
    a1, a2 = engine.issue_ticket("A"), engine.issue_ticket("A")
    admin.update_queue(staff["siti"], "paspor", prefix="D")
    assert [t.number for t in Ticket.select().order_by(Ticket.id)] == ["A001", "A002"]
    assert engine.get_ticket("A002").id == a2.id
    assert engine.issue_ticket("D").number == "D003"  # the day's sequence goes on
    refused("queue_unknown", lambda: engine.issue_ticket("A"))
    assert engine.call_next(2).number == a1.number  # still the oldest first
    assert details(audits("queue_changed")[0]) == {"before": {"prefix": "A"},
                                                   "after": {"prefix": "D"}}
    # Nobody else may take A today: two A002 in one day could not be told apart …
    refused("queue_prefix_used_today", lambda: admin.update_queue(staff["siti"], "wna",
                                                                  prefix="A"))
    refused("queue_prefix_taken", lambda: admin.update_queue(staff["siti"], "wna",
                                                             prefix="B"))
    # … but the queue itself may take its old prefix back and keeps counting.
    admin.update_queue(staff["siti"], "D", prefix="A")
    assert engine.issue_ticket("A").number == "A004"


def test_settings_naming_a_queue_by_prefix_follow_its_new_prefix(
        staff: dict[str, int]) -> None:
    settings.update_settings(setup_admin(), regular_pickup_queue="C")
    admin.update_queue(staff["siti"], "C", prefix="E")
    assert settings.get_settings(fresh=True).regular_pickup_queue == "ambil"
    assert details(audits("queue_changed")[0])["settings_now_name_code"] == [
        "regular_pickup_queue"]


def test_a_closed_queue_stops_issuing_but_its_waiting_tickets_are_still_called(
        staff: dict[str, int]) -> None:
    w1 = engine.issue_ticket("W")
    admin.update_queue(staff["siti"], "W", active=False)
    refused("queue_inactive", lambda: engine.issue_ticket("W"))
    assert "wna" not in [q.code for q in admin.list_queues() if q.active]
    seen = desk.counter_desk(1)
    assert [w.number for w in seen.waiting] == [w1.number]
    assert [q.waiting for q in seen.queues if q.code == "wna"] == [1]
    assert engine.call_next(1).number == w1.number
    admin.update_queue(staff["siti"], "W", active=True)
    assert engine.issue_ticket("W").number == "W002"


def test_queue_list_counts_today(staff: dict[str, int]) -> None:
    engine.issue_ticket("B")
    engine.issue_ticket("B")
    engine.call_next(5)
    row = {q.prefix: q for q in admin.list_queues()}["B"]
    assert (row.waiting, row.issued_today, row.kind) == (1, 2, "pickup")
    assert [q.prefix for q in admin.list_queues()] == ["A", "B", "C", "P", "W"]


def test_refusals_change_nothing(staff: dict[str, int]) -> None:
    """A sample of refusals after the checks inside the transaction: no row, no entry."""
    before = (AuditEntry.select().count(), Event.select().count(),
              CounterQueue.select().count())
    for call in (lambda: admin.set_counter_queues(staff["siti"], 1, ["A", "nope"]),
                 lambda: admin.update_queue(staff["siti"], "W", prefix="B"),
                 lambda: admin.set_officer_active(staff["siti"], staff["root"], False),
                 lambda: admin.add_counter(staff["siti"], 1, "Dua kali")):
        with pytest.raises((Refused, NotFound, InvalidInput)):
            call()
    assert (AuditEntry.select().count(), Event.select().count(),
            CounterQueue.select().count()) == before
