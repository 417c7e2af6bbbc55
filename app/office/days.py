"""The office's days: which profile runs a given date, and what it opens.

A *day profile* names how the office runs a day: which queues issue numbers, which
counter serves which queues in which order (when it says nothing, the counters'
standing queues), and the hours numbers are issued (from ``opens`` until
``issue_until``, the office's local time). A *schedule* gives a weekday (``mon`` …
``sun``) or a date a profile; a date beats a weekday; otherwise the default profile
applies: every active queue, the standing counter queues, no hours unless the
profile named ``default`` sets them.

Nothing is switched on or off: :func:`plan_for` answers "what applies on this office
date" from the schedule, and every rule asks it — issuing (the engine, the kiosk),
call-next, the counter's lines, the lobby display. So the Monday after a pickup-only
weekend is a normal day by itself: there is no state left to undo.

The profiles and the schedule are a handful of rows, read once and kept as long as
the office settings are cached (:func:`app.office.settings.get_settings`); a change
announces itself as a settings change, so every window following the feed reads
them afresh.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Final

from app import clock, feed
from app.errors import InvalidInput, NotFound, Refused
from app.office import permissions
from app.office.audit import record
from app.office.settings import (
    SETTINGS_CHANGED,
    OfficeSettings,
    get_settings,
    invalidate_cache,
)
from app.storage import json_text
from app.storage.models import Counter, DayProfile, DaySchedule, Officer, Queue
from app.storage.transactions import read, run_in_transaction

WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT: Final = "default"
NAME_MAX: Final = 64
# How far ahead "the next opening" is looked for (a queue closed longer has none).
LOOKAHEAD_DAYS: Final = 31
CHANGE_KEY: Final = "day_profiles"  # in the settings-changed event's ``keys``

_HOURS = re.compile(r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*-\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$")

_WEEKDAY_WORDS: Final = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


@dataclass(frozen=True)
class Profile:
    """A day profile as stored (queue and counter ids)."""

    name: str
    open_queues: frozenset[int] | None = None  # None: every active queue
    counters: dict[int, tuple[int, ...]] | None = None  # counter id → queue ids
    opens: dt.time | None = None
    issue_until: dt.time | None = None


@dataclass(frozen=True)
class DayPlan:
    """What applies on one office date."""

    day: dt.date
    profile: str
    scheduled_by: str | None  # "2024-07-06", "sat", or None for the default profile
    open_queues: frozenset[int] | None
    counters: dict[int, tuple[int, ...]] | None
    opens: dt.time | None
    issue_until: dt.time | None

    def queue_open(self, queue_id: int, active: bool = True) -> bool:
        """Whether the queue issues numbers on this day (hours aside)."""
        return active and (self.open_queues is None or queue_id in self.open_queues)

    def queues_for(self, counter_id: int) -> tuple[int, ...] | None:
        """The counter's queues in call order on this day; None: its standing queues."""
        if self.counters is None:
            return None
        return self.counters.get(counter_id, ())

    def hours_state(self, local: dt.datetime) -> str | None:
        """``"early"`` before opening, ``"late"`` after the cut-off, None within hours."""
        now = local.time()
        if self.opens is not None and now < self.opens:
            return "early"
        if self.issue_until is not None and now >= self.issue_until:
            return "late"
        return None


@dataclass(frozen=True)
class _Config:
    profiles: dict[str, Profile]
    schedule: dict[str, str] = field(default_factory=dict)  # applies_on → profile name
    # The office's priority pickup queue and its other pickup queues (ids), when it has
    # one: a profile that opens or gives a counter a pickup queue gets it too.
    priority_pickup: int | None = None
    pickups: frozenset[int] = frozenset()


_cache: tuple[OfficeSettings, _Config] | None = None


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _priority_route(office: OfficeSettings) -> tuple[int | None, frozenset[int]]:
    """(id of the priority pickup queue, ids of the other pickup queues); (None, ∅) when
    the office has no priority pickup route."""
    ref = office.priority_pickup_queue.strip()
    if not ref:
        return None, frozenset()
    pickups = [q.id for q in Queue.select(Queue.id).where(Queue.kind == "pickup")]
    found = (Queue.select(Queue.id)
             .where(((Queue.code == ref.lower()) | (Queue.prefix == ref.upper()))
                    & (Queue.kind == "pickup")).scalar())
    if found is None:
        return None, frozenset()
    return int(found), frozenset(int(q) for q in pickups if q != found)


def _with_priority(queues: tuple[int, ...], config: _Config) -> tuple[int, ...]:
    """A profile's queue list with the priority pickup queue first when it holds a pickup
    queue (the priority route follows the pickups wherever a profile sends them)."""
    route = config.priority_pickup
    if route is None or route in queues or not config.pickups.intersection(queues):
        return queues
    return (route, *queues)


def _load(office: OfficeSettings | None = None) -> _Config:
    """The stored profiles and schedule; with ``office``, its priority pickup route."""
    profiles = {}
    names = {}
    for row in DayProfile.select():
        opened = json_text.loads(row.open_queues)
        counters = json_text.loads(row.counters)
        profiles[row.name] = Profile(
            name=row.name,
            open_queues=frozenset(int(q) for q in opened) if opened is not None else None,
            counters=({int(c): tuple(int(q) for q in qs) for c, qs in counters.items()}
                      if counters is not None else None),
            opens=_time(row.opens), issue_until=_time(row.issue_until))
        names[row.id] = row.name
    schedule = {s.applies_on: names[s.profile_id] for s in DaySchedule.select()
                if s.profile_id in names}
    route, pickups = _priority_route(office) if office is not None else (None, frozenset())
    return _Config(profiles, schedule, route, pickups)


def _config() -> _Config:
    """The profiles and the schedule, kept as long as the cached settings are."""
    global _cache
    office = get_settings()
    cached = _cache
    if cached is not None and cached[0] is office:
        return cached[1]
    config = read(lambda: _load(office))
    _cache = (office, config)
    return config


def _forget() -> None:
    global _cache
    _cache = None
    invalidate_cache()


def _plan(config: _Config, day: dt.date) -> DayPlan:
    key = day.isoformat()
    by: str | None = key if key in config.schedule else WEEKDAYS[day.weekday()]
    name = config.schedule.get(by or "")
    if name is None:
        by, name = None, DEFAULT
    profile = config.profiles.get(name) or Profile(DEFAULT)
    opened, counters = profile.open_queues, profile.counters
    if opened is not None:
        opened = frozenset(_with_priority(tuple(sorted(opened)), config))
    if counters is not None:
        counters = {c: _with_priority(qs, config) for c, qs in counters.items()}
    return DayPlan(day=day, profile=name, scheduled_by=by, open_queues=opened,
                   counters=counters, opens=profile.opens,
                   issue_until=profile.issue_until)


def plan_for(day: dt.date | None = None) -> DayPlan:
    """What applies on the office date ``day`` (default: today, the service day)."""
    office = get_settings()
    return _plan(_config(), day or clock.service_day(office.timezone))


def local_now() -> dt.datetime:
    """The office's wall-clock time now (naive)."""
    return clock.local_time(clock.utcnow(), get_settings().timezone)


def next_opening(after: dt.datetime, queue_id: int | None = None) -> dt.datetime | None:
    """The next moment (office local time, after ``after``) numbers are issued — in
    ``queue_id`` if given, else in any queue; None within :data:`LOOKAHEAD_DAYS`."""
    config = _config()
    for ahead in range(LOOKAHEAD_DAYS + 1):
        day = after.date() + dt.timedelta(days=ahead)
        plan = _plan(config, day)
        if queue_id is not None and not plan.queue_open(queue_id):
            continue
        if queue_id is None and plan.open_queues is not None and not plan.open_queues:
            continue
        opening = dt.datetime.combine(day, plan.opens or dt.time())
        if ahead == 0 and opening <= after:
            if plan.hours_state(after) is None:
                return after  # open right now
            continue
        return opening
    return None


def weekday_words(lang: str) -> tuple[str, ...]:
    """Monday … Sunday in ``lang`` (Indonesian for a language not known)."""
    return _WEEKDAY_WORDS.get(lang, _WEEKDAY_WORDS["id"])


def when_words(at: dt.datetime | None, lang: str) -> str:
    """``Sabtu, 06/07/2024 pukul 08:00`` / ``Saturday 06/07/2024 at 08:00``; the date
    alone for a day without opening hours."""
    if at is None:
        return ""
    day = _WEEKDAY_WORDS[lang][at.weekday()]
    if at.time() == dt.time():
        return f"{day}, {at:%d/%m/%Y}" if lang == "id" else f"{day} {at:%d/%m/%Y}"
    if lang == "en":
        return f"{day} {at:%d/%m/%Y} at {at:%H:%M}"
    return f"{day}, {at:%d/%m/%Y} pukul {at:%H:%M}"


def _when(at: dt.datetime | None) -> dict[str, str]:
    return {"when_id": when_words(at, "id"), "when_en": when_words(at, "en")}


def check_issue(queue_id: int, prefix: str, active: bool = True) -> None:
    """Refuse a number the day does not issue: a queue closed today, or outside hours.

    The refusal names the next opening (of that queue)."""
    if not active:
        raise Refused("queue_inactive", queue=prefix)
    now = local_now()
    plan = plan_for(now.date())
    if not plan.queue_open(queue_id):
        nxt = next_opening(now, queue_id)
        raise Refused("day_queue_closed" if nxt else "day_queue_closed_no_next",
                      queue=prefix, profile=plan.profile, **_when(nxt))
    state = plan.hours_state(now)
    if state is not None:
        nxt = next_opening(now, queue_id)
        code = ("day_before_hours" if state == "early" else
                "day_after_hours" if nxt else "day_queue_closed_no_next")
        raise Refused(code, queue=prefix,
                      opens=f"{plan.opens:%H:%M}" if plan.opens else "",
                      until=f"{plan.issue_until:%H:%M}" if plan.issue_until else "",
                      **_when(nxt))


# --- changing them ------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileView:
    """A profile as people read it: queue prefixes and counter numbers."""

    name: str
    open: list[str] | None  # None: every active queue
    counters: dict[str, list[str]] | None  # counter number → prefixes; None: standing
    hours: str | None  # "08:00-15:00"
    scheduled_on: list[str]


def _prefixes(ids: Any, by_id: dict[int, str]) -> list[str]:
    return [by_id[q] for q in ids if q in by_id]


def _view(profile: Profile, schedule: dict[str, str], queue_prefix: dict[int, str],
          counter_number: dict[int, int]) -> ProfileView:
    hours = None
    if profile.opens or profile.issue_until:
        hours = (f"{profile.opens or dt.time():%H:%M}-"
                 f"{profile.issue_until or dt.time(23, 59):%H:%M}")
    counters = None
    if profile.counters is not None:
        counters = {str(counter_number[c]): _prefixes(qs, queue_prefix)
                    for c, qs in sorted(profile.counters.items(),
                                        key=lambda item: counter_number.get(item[0], 0))
                    if c in counter_number}
    opened = (sorted(_prefixes(profile.open_queues, queue_prefix))
              if profile.open_queues is not None else None)
    on = sorted((k for k, v in schedule.items() if v == profile.name),
                key=lambda k: (len(k) != 3, WEEKDAYS.index(k) if len(k) == 3 else 0, k))
    return ProfileView(name=profile.name, open=opened, counters=counters, hours=hours,
                       scheduled_on=on)


@dataclass(frozen=True)
class Overview:
    """Every profile, the schedule and what applies on one date."""

    day: str
    profile: str  # the one applying on ``day``
    scheduled_by: str | None
    profiles: list[ProfileView]
    schedule: dict[str, str]


def overview(day: dt.date | None = None) -> Overview:
    """The profiles, the schedule, and which profile applies on ``day`` (default today)."""

    def work() -> Overview:
        config = _load()
        queue_prefix = {q.id: q.prefix for q in Queue.select(Queue.id, Queue.prefix)}
        counter_number = {c.id: c.number for c in Counter.select(Counter.id, Counter.number)}
        when = day or clock.service_day(get_settings().timezone)
        plan = _plan(config, when)
        profiles = dict(config.profiles)
        profiles.setdefault(DEFAULT, Profile(DEFAULT))
        views = [_view(p, config.schedule, queue_prefix, counter_number)
                 for _, p in sorted(profiles.items(), key=lambda i: (i[0] != DEFAULT, i[0]))]
        return Overview(day=when.isoformat(), profile=plan.profile,
                        scheduled_by=plan.scheduled_by, profiles=views,
                        schedule=dict(sorted(config.schedule.items())))

    return read(work)


def parse_hours(text: str) -> tuple[dt.time, dt.time]:
    """``08:00-15:00`` → (opens, issue_until); InvalidInput otherwise."""
    found = _HOURS.match(text or "")
    if not found:
        raise InvalidInput("day_hours_bad", value=text)
    opens = dt.time(int(found[1]), int(found[2]))
    until = dt.time(int(found[3]), int(found[4]))
    if until <= opens:
        raise InvalidInput("day_hours_bad", value=text)
    return opens, until


def parse_on(text: str) -> str:
    """A weekday (``mon`` … ``sun``, also ``sabtu``…) or a date (``YYYY-MM-DD``)."""
    word = (text or "").strip().lower()
    indonesian = {w.lower(): WEEKDAYS[i] for i, w in enumerate(_WEEKDAY_WORDS["id"])}
    english = {w.lower(): WEEKDAYS[i] for i, w in enumerate(_WEEKDAY_WORDS["en"])}
    if word in WEEKDAYS:
        return word
    if word in indonesian or word in english:
        return indonesian.get(word) or english[word]
    try:
        return dt.date.fromisoformat(word).isoformat()
    except ValueError:
        raise InvalidInput("day_on_bad", value=text) from None


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX or any(ord(c) < 32 for c in name):
        raise InvalidInput("day_profile_bad_name", max=NAME_MAX)
    return name


def _queue_ids(refs: list[str]) -> list[int]:
    ids = []
    for ref in refs:
        ref = ref.strip()
        if not ref:
            continue
        row = Queue.get_or_none((Queue.code == ref.lower()) | (Queue.prefix == ref.upper()))
        if row is None:
            raise NotFound("queue_unknown", queue=ref)
        if row.id not in ids:
            ids.append(int(row.id))
    return ids


def _announce(officer: Officer | int, action: str, subject: str,
              details: dict[str, Any]) -> None:
    record(action, officer=officer, subject=subject, details=details)
    feed.emit_event(SETTINGS_CHANGED, keys=[CHANGE_KEY])


_UNSET: Any = object()


def set_profile(officer: Officer | int, name: str, *, open_queues: list[str] | None = _UNSET,
                counters: dict[int, list[str]] | None = _UNSET,
                hours: str | None = _UNSET) -> ProfileView:
    """Create or change the profile ``name``; what is not given stays as it was.

    ``open_queues``: queue prefixes or codes (None: every active queue); ``counters``:
    counter number → queue prefixes in call order (None: the standing queues);
    ``hours``: ``"08:00-15:00"`` (None or "": no limit). Supervisor; audited."""
    name = _check_name(name)
    parsed_hours = parse_hours(hours) if hours not in (_UNSET, None, "") else None

    def work() -> ProfileView:
        permissions.require(officer, "day_profiles")
        row = DayProfile.get_or_none(DayProfile.name == name)
        values: dict[str, Any] = {}
        if open_queues is not _UNSET:
            values["open_queues"] = (json_text.dumps(_queue_ids(open_queues))
                                     if open_queues is not None else None)
        if counters is not _UNSET:
            if counters is None:
                values["counters"] = None
            else:
                mapping = {}
                for number, refs in counters.items():
                    counter = Counter.get_or_none(Counter.number == number)
                    if counter is None:
                        raise NotFound("counter_unknown", counter=number)
                    mapping[str(counter.id)] = _queue_ids(refs)
                values["counters"] = json_text.dumps(mapping)
        if hours is not _UNSET:
            values["opens"] = f"{parsed_hours[0]:%H:%M}" if parsed_hours else None
            values["issue_until"] = f"{parsed_hours[1]:%H:%M}" if parsed_hours else None
        values["updated_at"] = clock.utcnow()
        if row is None:
            DayProfile.insert(name=name, **values).execute()
        else:
            DayProfile.update(**values).where(DayProfile.id == row.id).execute()
        view = _view_of(name)
        _announce(officer, "day_profile_set", name,
                  {"open": view.open, "counters": view.counters, "hours": view.hours})
        return view

    try:
        return run_in_transaction(work)
    finally:
        _forget()


def _view_of(name: str) -> ProfileView:
    config = _load()
    queue_prefix = {q.id: q.prefix for q in Queue.select(Queue.id, Queue.prefix)}
    counter_number = {c.id: c.number for c in Counter.select(Counter.id, Counter.number)}
    return _view(config.profiles.get(name) or Profile(name), config.schedule, queue_prefix,
                 counter_number)


def schedule(officer: Officer | int, name: str, on: str) -> str:
    """Run profile ``name`` on ``on`` (a weekday or a date), replacing what was there.

    Scheduling ``default`` on a date makes that date a normal day (over its weekday's
    profile). Returns the normalised ``on``. Supervisor; audited."""
    name = _check_name(name)
    key = parse_on(on)

    def work() -> str:
        permissions.require(officer, "day_profiles")
        profile = DayProfile.get_or_none(DayProfile.name == name)
        if profile is None:
            if name != DEFAULT:
                raise NotFound("day_profile_unknown", name=name)
            profile_id = DayProfile.insert(name=DEFAULT, updated_at=clock.utcnow()).execute()
        else:
            profile_id = profile.id
        DaySchedule.delete().where(DaySchedule.applies_on == key).execute()
        DaySchedule.insert(applies_on=key, profile=profile_id).execute()
        _announce(officer, "day_profile_scheduled", name, {"on": key})
        return key

    try:
        return run_in_transaction(work)
    finally:
        _forget()


def unschedule(officer: Officer | int, on: str) -> str:
    """Take ``on`` (a weekday or a date) off the schedule. Supervisor; audited."""
    key = parse_on(on)

    def work() -> str:
        permissions.require(officer, "day_profiles")
        row = DaySchedule.get_or_none(DaySchedule.applies_on == key)
        if row is None:
            raise Refused("day_not_scheduled", on=key)
        DaySchedule.delete().where(DaySchedule.applies_on == key).execute()
        _announce(officer, "day_profile_unscheduled", "", {"on": key})
        return key

    try:
        return run_in_transaction(work)
    finally:
        _forget()
