"""The supervisor's work on people, counters and queues.

Every change takes ``by`` (the acting officer's id), checks the role with
:func:`app.office.permissions.require` inside its transaction, is written to the audit
log (who, what, before → after, never a password) and appends a change-feed
event, so open counters and kiosks read their set-up again.

Nothing here deletes: officers, counters and queues are deactivated, because the
audit log and the tickets refer to them.

Rules that must hold under concurrency are enforced under a lock: the active
admins are locked (``FOR UPDATE`` on the servers; SQLite's write transaction is
already exclusive) before anyone is demoted or deactivated, so two admins demoting
each other at the same moment cannot leave the office without one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar, cast

import peewee as pw

from app import clock, feed
from app.errors import InvalidInput, NotFound, Refused
from app.office import officers, permissions
from app.office.audit import record
from app.office.officers import LoginThrottle, OfficerView
from app.office.settings import get_settings, invalidate_cache, office_today
from app.storage import json_text
from app.storage.db import backend_of, database
from app.storage.models import (
    HELD_STATUSES,
    QUEUE_KINDS,
    ROLES,
    WAITING,
    AuditEntry,
    Counter,
    CounterQueue,
    DailySequence,
    Officer,
    Queue,
    Setting,
    Ticket,
)
from app.storage.transactions import read, run_in_transaction

T = TypeVar("T")

COUNTER_NUMBERS: Final = (1, 999)
PRIORITIES: Final = (0, 99)
QUOTAS: Final = (1, 9999)
NAME_MAX: Final = 100
COUNTER_NAME_MAX: Final = 64
_PREFIX = re.compile(r"^[A-Z]{1,2}$")
_CODE = re.compile(r"^[a-z][a-z0-9_-]{1,31}$")
_DIGITS = re.compile(r"^[0-9]{1,6}$")
# Settings that name a queue; a prefix written there follows the queue's new prefix.
_QUEUE_SETTINGS: Final = ("backlog_pickup_queue", "regular_pickup_queue",
                           "priority_pickup_queue")


# --- helpers --------------------------------------------------------------------------


def _locking(query: Any) -> Any:
    """``query`` with ``FOR UPDATE`` on a server (SQLite's write transaction locks all)."""
    return query if backend_of(database) == "sqlite" else query.for_update()


def _plain_text(value: object, limit: int, code: str, *, allow_empty: bool = False) -> str:
    text = str(value if value is not None else "").strip()
    if (not text and not allow_empty) or len(text) > limit or any(
            ord(c) < 32 or ord(c) == 127 for c in text):
        raise InvalidInput(code, max=limit)
    return text


def _whole_number(value: object, low: int, high: int, code: str) -> int:
    """An integer within [low, high] from an int or its digits; else InvalidInput."""
    shown = str(value).strip()[:20] if value is not None else ""
    bad = InvalidInput(code, value=shown, min=low, max=high)
    if isinstance(value, bool):
        raise bad
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.match(value.strip()):
        number = int(value.strip())
    else:
        raise bad
    if not low <= number <= high:
        raise bad
    return number


def _rows(query: pw.BaseQuery) -> list[tuple[Any, ...]]:
    return cast(list[tuple[Any, ...]], list(query.tuples()))


# --- opening a running PC's settings ------------------------------------------------------


def open_pc_settings(username: str, password: str, counter: int | None,
                     throttle: LoginThrottle) -> OfficerView:
    """An admin's sign-in before a running PC's set-up is opened (a kiosk has a keyboard
    port, a counter an officer who is not the IT officer). Throttled and audited like
    any sign-in; who opened it is in the audit log too."""
    officer = officers.log_in(username, password, counter, throttle)
    if not permissions.allows(officer.role, "pc_settings"):
        run_in_transaction(lambda: record("pc_settings_refused", officer=officer.id,
                                          counter=counter, subject=officer.username))
        raise Refused("pc_settings_needs_admin")
    run_in_transaction(lambda: record("pc_settings_opened", officer=officer.id,
                                      counter=counter, subject=officer.username))
    return officer


# --- signing in to the supervisor's window -----------------------------------------------


def sign_in(username: str, password: str, throttle: LoginThrottle) -> OfficerView:
    """The supervisor's window's sign-in: the counter window's (throttled, audited, every
    wrong password reads the same), and only for roles that may open this window."""
    officer = officers.log_in(username, password, None, throttle)
    if not permissions.allows(officer.role, "admin_login"):
        run_in_transaction(lambda: record("admin_login_refused", officer=officer.id,
                                          subject=officer.username,
                                          details={"role": officer.role}))
        raise Refused("admin_login_refused")
    return officer


def sign_out(officer: OfficerView) -> None:
    officers.log_out(officer, None)


# --- officers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficerRow:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    last_login: str | None  # office time, "YYYY-MM-DD HH:MM"


def _local_text(at: Any, tz_name: str) -> str | None:
    if at is None:
        return None
    if isinstance(at, str):  # SQLite hands back aggregates as text
        at = dt.datetime.fromisoformat(at)
    return clock.local_time(at, tz_name).strftime("%Y-%m-%d %H:%M")


def list_officers() -> list[OfficerRow]:
    """Every account, with its last sign-in (from the audit log: one grouped read)."""
    tz_name = get_settings().timezone

    def work() -> list[OfficerRow]:
        last = dict(_rows(AuditEntry.select(AuditEntry.officer, pw.fn.MAX(AuditEntry.at))
                          .where(AuditEntry.action == "login")
                          .group_by(AuditEntry.officer)))
        return [OfficerRow(o.id, o.username, o.full_name, o.role, bool(o.active),
                           _local_text(last.get(o.id), tz_name))
                for o in Officer.select().order_by(Officer.username)]

    return read(work)


def officer_act(*roles: str) -> str:
    """Officers are a supervisor's to manage; supervisors and admins need an admin."""
    return "officer_manage" if all(r == "officer" for r in roles) else "officer_manage_staff"


def _check_role(role: object) -> str:
    if role not in ROLES:
        raise InvalidInput("officer_bad_role", role=str(role)[:20])
    return str(role)


def add_officer(by: int, username: str, password: str, role: str = "officer",
                full_name: str = "") -> OfficerView:
    """A new account (app.office.officers.add_officer), if ``by`` may give that role."""
    role = _check_role(role)
    name = _plain_text(full_name, NAME_MAX, "officer_bad_full_name", allow_empty=True)

    def work() -> OfficerView:
        actor = permissions.require(by, officer_act(role))
        # Nested: the account is created in a savepoint of this transaction, so the role
        # check above and the insert commit together.
        view = officers.add_officer(username, password, role=role, full_name=name, by=actor)
        feed.emit_event("officer_changed", officer=view.id)
        return view

    return run_in_transaction(work)


def add_first_officer(username: str, password: str, role: str = "admin",
                      full_name: str = "") -> OfficerView:
    """The office's first account, made without anyone signed in: an admin, and only
    while the office has no account at all (afterwards an admin adds the others)."""
    if _check_role(role) != "admin":
        raise Refused("cli_first_officer_admin")
    name = _plain_text(full_name, NAME_MAX, "officer_bad_full_name", allow_empty=True)

    def work() -> OfficerView:
        if Officer.select(Officer.id).exists():
            raise Refused("cli_first_officer_only")
        view = officers.add_officer(username, password, role=role, full_name=name)
        feed.emit_event("officer_changed", officer=view.id)
        return view

    return run_in_transaction(work)


def _officer_for_update(officer_id: int) -> Officer:
    row = _locking(Officer.select().where(Officer.id == officer_id)).first()
    if row is None:
        raise NotFound("officer_unknown", username=str(officer_id))
    return cast(Officer, row)


def _lock_admins() -> list[tuple[int, bool]]:
    """(id, active) of every admin, row-locked in id order until the transaction ends.

    On the servers a transaction that waited here reads the rows as the one before it
    left them (PostgreSQL re-checks ``role = 'admin'`` on rows changed meanwhile;
    InnoDB's locking read sees the latest commit).
    """
    query = (Officer.select(Officer.id, Officer.active).where(Officer.role == "admin")
             .order_by(Officer.id))
    return [(ident, bool(active)) for ident, active in _rows(_locking(query))]


def other_active_admins(admins: Sequence[tuple[int, bool]], officer_id: int) -> int:
    """How many active admins there are besides ``officer_id`` (from the locked rows)."""
    return sum(1 for ident, active in admins if active and ident != officer_id)


def _refuse_if_last_admin(target: Officer, admins: Sequence[tuple[int, bool]]) -> None:
    if target.role == "admin" and target.active and other_active_admins(admins, target.id) == 0:
        raise Refused("officer_last_admin", username=target.username)


def update_officer(by: int, officer_id: int, *, full_name: str | None = None,
                   role: str | None = None) -> OfficerView:
    """Change an account's full name and/or role (given values only). Audited."""
    new_name = (None if full_name is None
                else _plain_text(full_name, NAME_MAX, "officer_bad_full_name"))
    new_role = None if role is None else _check_role(role)

    def work() -> OfficerView:
        admins = _lock_admins()
        target = _officer_for_update(officer_id)
        before = {"full_name": target.full_name, "role": target.role}
        after = {"full_name": new_name if new_name is not None else target.full_name,
                 "role": new_role or target.role}
        actor = permissions.require(by, officer_act(target.role, after["role"]))
        changed = {k for k in before if before[k] != after[k]}
        if not changed:
            return OfficerView.of(target)
        if "role" in changed:
            _refuse_if_last_admin(target, admins)
        Officer.update(**{k: after[k] for k in changed}).where(Officer.id == target.id).execute()
        record("officer_changed", officer=actor, subject=target.username,
               details={"before": {k: before[k] for k in sorted(changed)},
                        "after": {k: after[k] for k in sorted(changed)}})
        feed.emit_event("officer_changed", officer=target.id)
        return OfficerView(target.id, target.username, after["full_name"], after["role"],
                           bool(target.active))

    return run_in_transaction(work)


def set_officer_active(by: int, officer_id: int, active: bool) -> OfficerView:
    """Deactivate (they can no longer sign in) or reactivate an account. Never oneself;
    never the last active admin."""

    def work() -> OfficerView:
        admins = _lock_admins()
        target = _officer_for_update(officer_id)
        actor = permissions.require(by, officer_act(target.role))
        if bool(target.active) == active:
            return OfficerView.of(target)
        if not active:
            if target.id == actor.id:
                raise Refused("officer_self_deactivate")
            _refuse_if_last_admin(target, admins)
        Officer.update(active=active).where(Officer.id == target.id).execute()
        record("officer_reactivated" if active else "officer_deactivated", officer=actor,
               subject=target.username,
               details={"before": {"active": not active}, "after": {"active": active}})
        feed.emit_event("officer_changed", officer=target.id)
        return OfficerView(target.id, target.username, target.full_name, target.role, active)

    return run_in_transaction(work)


def reset_password(by: int, officer_id: int, password: str) -> None:
    """Give an account a new password (at least 8 characters). Audited without it."""
    password_hash = officers.hash_password(password)

    def work() -> None:
        _lock_admins()  # the same lock order as every other change to an account
        target = _officer_for_update(officer_id)
        actor = permissions.require(by, officer_act(target.role))
        Officer.update(password_hash=password_hash).where(Officer.id == target.id).execute()
        record("officer_password_reset", officer=actor, subject=target.username)
        feed.emit_event("officer_changed", officer=target.id)

    run_in_transaction(work)


# --- counters -----------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueRef:
    code: str
    prefix: str
    name_id: str
    name_en: str
    active: bool


@dataclass(frozen=True)
class CounterListing:
    id: int
    number: int
    name: str
    active: bool
    queues: list[QueueRef]  # in the counter's order
    holding: str | None  # the number it holds today, if any


def _counter_rows(where: pw.Expression | None = None) -> list[CounterListing]:
    today = office_today()
    counters = Counter.select().order_by(Counter.number)
    if where is not None:
        counters = counters.where(where)
    links: dict[int, list[QueueRef]] = {}
    for counter_id, code, prefix, name_id, name_en, active in _rows(
            CounterQueue.select(CounterQueue.counter, Queue.code, Queue.prefix, Queue.name_id,
                                Queue.name_en, Queue.active)
            .join(Queue).order_by(CounterQueue.counter, CounterQueue.position)):
        links.setdefault(counter_id, []).append(
            QueueRef(code, prefix, name_id, name_en, bool(active)))
    held = dict(_rows(Ticket.select(Ticket.counter, Ticket.number)
                      .where(Ticket.service_day == today, Ticket.status.in_(HELD_STATUSES))))
    return [CounterListing(c.id, c.number, c.name, bool(c.active), links.get(c.id, []),
                       held.get(c.id)) for c in counters]


def list_counters() -> list[CounterListing]:
    """Every counter with the queues it serves, in order, and what it holds now."""
    return read(_counter_rows)


def parse_counter_number(value: object) -> int:
    return _whole_number(value, *COUNTER_NUMBERS, "counter_bad_number")


def _counter_name(value: object) -> str:
    return _plain_text(value, COUNTER_NAME_MAX, "counter_bad_name")


def _counter_for_update(number: int) -> Counter:
    row = _locking(Counter.select().where(Counter.number == number)).first()
    if row is None:
        raise NotFound("counter_unknown", counter=number)
    return cast(Counter, row)


def _queue_refs(refs: Iterable[str]) -> list[str]:
    cleaned = [str(r).strip() for r in refs]
    if not cleaned or any(not r for r in cleaned):
        raise Refused("counter_needs_queue")
    return cleaned


def _replace_queues(counter: Counter, refs: list[str]) -> tuple[list[str], list[str]]:
    """Replace the counter's queue links by ``refs`` (codes or prefixes) in this order.

    A closed queue may stay on a counter that already serves it (its waiting tickets
    must still be called) but is not added to another one. Returns (before, after) codes.
    """
    before_ids = [qid for (qid,) in _rows(
        CounterQueue.select(CounterQueue.queue).where(CounterQueue.counter == counter.id)
        .order_by(CounterQueue.position))]
    queues = list(Queue.select())
    codes = {q.id: q.code for q in queues}
    chosen: list[Queue] = []
    for ref in refs:
        found = next((q for q in queues if q.code == ref.lower() or q.prefix == ref.upper()),
                     None)
        if found is None:
            raise NotFound("queue_unknown", queue=ref)
        if any(q.id == found.id for q in chosen):
            raise Refused("counter_queue_twice", queue=found.prefix)
        if not found.active and found.id not in before_ids:
            raise Refused("counter_queue_closed", queue=found.prefix)
        chosen.append(found)
    CounterQueue.delete().where(CounterQueue.counter == counter.id).execute()
    CounterQueue.insert_many([{"counter": counter.id, "queue": q.id, "position": i}
                              for i, q in enumerate(chosen)]).execute()
    return [codes[qid] for qid in before_ids], [q.code for q in chosen]


def add_counter(by: int, number: object, name: object,
                queues: Sequence[str] | None = None) -> CounterListing:
    """A new counter (number 1–999, unique), optionally with the queues it serves."""
    num = parse_counter_number(number)
    label = _counter_name(name)
    refs = _queue_refs(queues) if queues is not None else []

    def work() -> CounterListing:
        actor = permissions.require(by, "counter_manage")
        if Counter.select().where(Counter.number == num).exists():
            raise Refused("counter_exists", counter=num)
        try:
            with database.atomic():
                counter = Counter.create(number=num, name=label, active=True)
        except pw.IntegrityError as exc:  # added at another PC a moment ago
            raise Refused("counter_exists", counter=num) from exc
        served = _replace_queues(counter, refs)[1] if refs else []
        record("counter_added", officer=actor, subject=str(num),
               details={"after": {"name": label, "queues": served}})
        feed.emit_event("counter_changed", counter=counter)
        return _counter_rows(Counter.id == counter.id)[0]

    return run_in_transaction(work)


def update_counter(by: int, number: int, *, name: object | None = None,
                   queues: Sequence[str] | None = None) -> CounterListing:
    """Rename a counter and/or set the queues it serves, in its order of preference.

    The queue links are replaced in one transaction: this is how a pickup counter is
    switched to walk-ins when the backlog is done, and back.
    """
    label = _counter_name(name) if name is not None else None
    refs = _queue_refs(queues) if queues is not None else None

    def work() -> CounterListing:
        actor = permissions.require(by, "counter_manage")
        counter = _counter_for_update(number)
        before: dict[str, object] = {}
        after: dict[str, object] = {}
        if label is not None and label != counter.name:
            Counter.update(name=label).where(Counter.id == counter.id).execute()
            before["name"], after["name"] = counter.name, label
        if refs is not None:
            old, new = _replace_queues(counter, refs)
            if old != new:
                before["queues"], after["queues"] = old, new
        if after:
            record("counter_changed", officer=actor, subject=str(number),
                   details={"before": before, "after": after})
            feed.emit_event("counter_changed", counter=counter)
        return _counter_rows(Counter.id == counter.id)[0]

    return run_in_transaction(work)


def set_counter_queues(by: int, number: int, queues: Sequence[str]) -> CounterListing:
    """The queues a counter serves, in order (codes or prefixes); never none."""
    return update_counter(by, number, queues=queues)


def set_counter_active(by: int, number: int, active: bool) -> CounterListing:
    """Open or close a counter. A counter holding a called or served ticket stays open
    until that ticket is finished, marked no-show or transferred."""

    def work() -> CounterListing:
        actor = permissions.require(by, "counter_manage")
        # Locked like call-next locks it, so a call cannot slip in before the close.
        counter = _counter_for_update(number)
        if bool(counter.active) != active:
            if not active:
                held = (Ticket.select(Ticket.number)
                        .where(Ticket.counter == counter.id, Ticket.service_day == office_today(),
                               Ticket.status.in_(HELD_STATUSES)).scalar())
                if held:
                    raise Refused("counter_holds_ticket", counter=number, number=held)
            Counter.update(active=active).where(Counter.id == counter.id).execute()
            record("counter_opened" if active else "counter_closed", officer=actor,
                   subject=str(number),
                   details={"before": {"active": not active}, "after": {"active": active}})
            feed.emit_event("counter_changed", counter=counter)
        return _counter_rows(Counter.id == counter.id)[0]

    return run_in_transaction(work)


# --- queues ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    id: int
    code: str
    prefix: str
    name_id: str
    name_en: str
    kind: str
    priority: int
    daily_quota: int | None
    active: bool
    waiting: int  # today
    issued_today: int


def list_queues() -> list[QueueRow]:
    """Every queue with today's waiting count and numbers issued."""

    def work() -> list[QueueRow]:
        today = office_today()
        waiting = dict(_rows(Ticket.select(Ticket.service_queue, pw.fn.COUNT(Ticket.id))
                             .where(Ticket.service_day == today, Ticket.status == WAITING)
                             .group_by(Ticket.service_queue)))
        issued = dict(_rows(DailySequence.select(DailySequence.queue, DailySequence.last)
                            .where(DailySequence.service_day == today)))
        return [QueueRow(q.id, q.code, q.prefix, q.name_id, q.name_en, q.kind, q.priority,
                         q.daily_quota, bool(q.active), int(waiting.get(q.id, 0)),
                         int(issued.get(q.id, 0)))
                for q in Queue.select().order_by(Queue.prefix)]

    return read(work)


def parse_prefix(value: object) -> str:
    prefix = str(value if value is not None else "").strip().upper()
    if not _PREFIX.match(prefix):
        raise InvalidInput("queue_bad_prefix", prefix=prefix[:10])
    return prefix


def parse_quota(value: object) -> int | None:
    """Empty (or None) → no quota; else a whole number 1–9999."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _whole_number(value, *QUOTAS, "queue_bad_quota")


def parse_priority(value: object) -> int:
    return _whole_number(value, *PRIORITIES, "queue_bad_priority")


def _parse_active(value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput("queue_bad_active")
    return value


def _parse_kind(value: object) -> str:
    if value not in QUEUE_KINDS:
        raise InvalidInput("queue_bad_kind", kind=str(value)[:20])
    return str(value)


_QUEUE_FIELDS: Final[dict[str, Callable[[object], object]]] = {
    "prefix": parse_prefix,
    "name_id": lambda v: _plain_text(v, NAME_MAX, "queue_bad_name"),
    "name_en": lambda v: _plain_text(v, NAME_MAX, "queue_bad_name"),
    "kind": _parse_kind,
    "priority": parse_priority,
    "daily_quota": parse_quota,
    "active": _parse_active,
}


def _checked_queue_fields(changes: dict[str, object]) -> dict[str, object]:
    unknown = sorted(changes.keys() - _QUEUE_FIELDS.keys())
    if unknown:
        raise InvalidInput("queue_field_unknown", field=unknown[0])
    return {key: _QUEUE_FIELDS[key](value) for key, value in changes.items()}


def _refuse_taken_prefix(prefix: str, queue_id: int | None) -> None:
    """A prefix is one queue's; and not one whose numbers another queue gave out today
    (two tickets ``A005`` the same day could not be told apart)."""
    other = Queue.select(Queue.code).where(Queue.prefix == prefix)
    if queue_id is not None:
        other = other.where(Queue.id != queue_id)
    taken = other.scalar()
    if taken:
        raise Refused("queue_prefix_taken", prefix=prefix, queue=taken)
    numbers = Ticket.select(Ticket.number).where(Ticket.service_day == office_today(),
                                                 Ticket.number.startswith(prefix))
    if queue_id is not None:
        numbers = numbers.where(Ticket.queue != queue_id)
    pattern = re.compile(rf"^{prefix}[0-9]+$")
    if any(pattern.match(n) for (n,) in _rows(numbers)):
        raise Refused("queue_prefix_used_today", prefix=prefix)


def add_queue(by: int, code: object, prefix: object, name_id: object, name_en: object,
              kind: object = "service", priority: object = 0,
              daily_quota: object = None) -> QueueRow:
    """A new queue. Admin only (act ``queue_create``)."""
    ref = str(code if code is not None else "").strip().lower()
    if not _CODE.match(ref):
        raise InvalidInput("queue_bad_code", queue_code=ref[:40])
    fields = _checked_queue_fields({"prefix": prefix, "name_id": name_id, "name_en": name_en,
                                    "kind": kind, "priority": priority,
                                    "daily_quota": daily_quota})

    def work() -> QueueRow:
        actor = permissions.require(by, "queue_create")
        if Queue.select().where(Queue.code == ref).exists():
            raise Refused("queue_code_taken", queue_code=ref)
        _refuse_taken_prefix(str(fields["prefix"]), None)
        try:
            with database.atomic():
                queue = Queue.create(code=ref, active=True, **fields)
        except pw.IntegrityError as exc:  # the same code or prefix at another PC just now
            raise Refused("queue_code_taken", queue_code=ref) from exc
        record("queue_added", officer=actor, subject=ref, details={"after": fields})
        feed.emit_event("queue_changed", queue_code=ref)
        return _queue_row(queue.id)

    return run_in_transaction(work)


def _queue_row(queue_id: int) -> QueueRow:
    return next(q for q in list_queues() if q.id == queue_id)


def update_queue(by: int, ref: str, **changes: object) -> QueueRow:
    """Change a queue: ``prefix``, ``name_id``, ``name_en``, ``kind``, ``priority``
    (0–9), ``daily_quota`` (None or empty: none; else 1–9999), ``active``.

    Only values that differ from the stored ones are checked and written, so a form
    that sends every field back changes (and audits) exactly what was edited.

    A new prefix does not renumber tickets already issued (their number is stored);
    the day's sequence belongs to the queue, so the next ticket continues it under the
    new prefix (A001, A002, then D003). Settings naming the queue by its old prefix are
    pointed at its code. A closed queue issues no more numbers; its waiting tickets are
    still called by the counters that serve it.
    """
    fresh = dict(changes)
    if unknown := sorted(fresh.keys() - _QUEUE_FIELDS.keys()):
        raise InvalidInput("queue_field_unknown", field=unknown[0])
    wanted = ref.strip()

    def work() -> QueueRow:
        actor = permissions.require(by, "queue_manage")
        queue = _locking(Queue.select().where(
            (Queue.code == wanted.lower()) | (Queue.prefix == wanted.upper()))).first()
        if queue is None:
            raise NotFound("queue_unknown", queue=wanted)
        stored = {key: getattr(queue, key) for key in _QUEUE_FIELDS}
        stored["active"] = bool(stored["active"])
        differing = {k: v for k, v in fresh.items() if not _same(stored[k], v)}
        checked = _checked_queue_fields(differing)
        changed = {k: v for k, v in checked.items() if stored[k] != v}
        if not changed:
            return _queue_row(queue.id)
        details: dict[str, object] = {}
        if "prefix" in changed:
            _refuse_taken_prefix(str(changed["prefix"]), queue.id)
            moved = _follow_prefix_in_settings(str(stored["prefix"]), queue.code)
            if moved:
                details["settings_now_name_code"] = moved
        try:
            with database.atomic():
                Queue.update(**changed).where(Queue.id == queue.id).execute()
        except pw.IntegrityError:  # the prefix was taken at another PC just now
            _refuse_taken_prefix(str(changed.get("prefix", "")), queue.id)
            raise
        record("queue_changed", officer=actor, subject=queue.code,
               details={"before": {k: stored[k] for k in sorted(changed)},
                        "after": {k: changed[k] for k in sorted(changed)}, **details})
        feed.emit_event("queue_changed", queue_code=queue.code)
        return _queue_row(queue.id)

    row = run_in_transaction(work)
    if "prefix" in changes:
        invalidate_cache()
    return row


def _same(stored: object, value: object) -> bool:
    """Whether a form's ``value`` is the stored one (so it needs no checking)."""
    if value is None or isinstance(value, bool) or stored is None:
        return stored == value or (stored is None and value == "")
    return str(stored) == str(value).strip()


def _follow_prefix_in_settings(old_prefix: str, code: str) -> list[str]:
    """Point settings that name the queue by its old prefix at its code; their keys."""
    moved = []
    for key in _QUEUE_SETTINGS:
        row = Setting.get_or_none(Setting.key == key)
        if row is not None and str(json_text.loads(row.value)).strip().upper() == old_prefix:
            Setting.update(value=json_text.dumps(code)).where(Setting.key == key).execute()
            moved.append(key)
    return moved
