"""A counter's pause: a break (istirahat), prayer (ibadah) or a system fault (gangguan
sistem), and its resumption.

While a counter is paused it calls nobody (call-next and calling a number are refused
with the reason), tickets cannot be sent to it, and the lobby display shows it paused.
Each pause is a row of ``counter_pause`` (start, end, reason), so the reports can sum
the time a counter was paused beside the time it served and the time it waited idle.

At most one open pause per counter: the pausing transaction locks the counter's row
(``FOR UPDATE`` on the servers, the write transaction on SQLite) before it looks, so
two PCs pausing one counter at once take turns and the second is refused. Both acts
are audited (``counter_paused``, ``counter_resumed``) and done once per request id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any, Final, cast

from app import clock, feed
from app.errors import InvalidInput, NotFound, Refused
from app.messages import PAUSE_REASON_WORDS, word_in
from app.office import officers
from app.office.audit import record
from app.office.settings import get_settings
from app.storage.db import backend_of, database
from app.storage.models import HELD_STATUSES, Counter, CounterPause, Ticket
from app.storage.transactions import idempotent, read

# How a pause's reason reads: on the lobby display, the counter window, in sentences
# and in the audit log.
REASON_WORDS: Final = PAUSE_REASON_WORDS


def reason_word(reason: str, lang: str | None = None) -> str:
    """A pause's reason as a window shows it (``istirahat``), in ``lang`` (default: the
    language chosen now)."""
    return word_in(REASON_WORDS, reason, lang)


PAUSED: Final = "counter_paused"
RESUMED: Final = "counter_resumed"


@dataclass(frozen=True)
class PauseView:
    """One pause of one counter, as callers see it (times naive UTC, ISO text)."""

    counter: int
    reason: str
    started_at: str
    ended_at: str | None
    since: str = ""  # when it began on the office's clock (``10:15``)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PauseView:
        return cls(**data)


def view_of(row: CounterPause, number: int) -> PauseView:
    started = clock.as_datetime(row.started_at)
    return PauseView(counter=number, reason=row.reason, started_at=started.isoformat(),
                     ended_at=row.ended_at.isoformat() if row.ended_at else None,
                     since=since_text(started))


def check_reason(reason: str) -> str:
    """``break``, ``prayer`` or ``system`` (or its Indonesian word); else InvalidInput."""
    text = reason.strip().lower()
    for code, words in REASON_WORDS.items():
        if text in (code, words["id"]):
            return code
    raise InvalidInput("pause_reason_bad", reason=text[:40])


def _locked_counter(number: int) -> Counter:
    """The counter's row, locked until the transaction ends (see the module's note)."""
    query = Counter.select().where(Counter.number == number)
    if backend_of(database) != "sqlite":
        query = query.for_update()
    counter = query.first()
    if counter is None:
        raise NotFound("counter_unknown", counter=number)
    return counter


def open_pause(counter_id: int) -> CounterPause | None:
    """The counter's pause going on now, if any."""
    return (CounterPause.select()
            .where((CounterPause.counter == counter_id) & CounterPause.ended_at.is_null())
            .order_by(CounterPause.id.desc()).first())


def since_text(started_at: dt.datetime) -> str:
    """``10:15``: when a pause began, on the office's clock."""
    return clock.local_time(started_at, get_settings().timezone).strftime("%H:%M")


def paused_refusal(code: str, number: int, pause: CounterPause) -> Refused:
    """A refusal that says which counter is paused, why and since when."""
    words = REASON_WORDS.get(pause.reason, {"id": pause.reason, "en": pause.reason})
    return Refused(code, counter=number, reason_id=words["id"], reason_en=words["en"],
                   since=since_text(pause.started_at))


def pause_counter(number: int, reason: str, officer: int | None = None,
                  request_id: str | None = None) -> PauseView:
    """Pause a counter for ``reason``. Refused while it holds a ticket (finish or transfer
    it first) or while it is paused already."""
    code = check_reason(reason)

    def work() -> PauseView:
        officers.require_active(officer)
        counter = _locked_counter(number)
        current = open_pause(counter.id)
        if current is not None:
            raise paused_refusal("counter_already_paused", number, current)
        held = (Ticket.select(Ticket.number)
                .where((Ticket.counter == counter.id) & Ticket.status.in_(HELD_STATUSES))
                .scalar())
        if held is not None:
            raise Refused("counter_busy", counter=number, number=held)
        row = CounterPause.create(counter=counter.id, reason=code, started_at=clock.utcnow(),
                                  officer=officer)
        feed.emit_event(PAUSED, counter, reason=code)
        record(PAUSED, officer=officer, counter=number, subject=str(number),
               details={"reason": code, "pause": row.id})
        return view_of(row, number)

    return idempotent("pause_counter", request_id, work, PauseView.to_dict,
                      PauseView.from_dict)


def resume_counter(number: int, officer: int | None = None,
                   request_id: str | None = None) -> PauseView:
    """End the counter's pause; it calls again. Refused when it is not paused."""

    def work() -> PauseView:
        officers.require_active(officer)
        counter = _locked_counter(number)
        current = open_pause(counter.id)
        if current is None:
            raise Refused("counter_not_paused", counter=number)
        current.ended_at = clock.utcnow()
        CounterPause.update(ended_at=current.ended_at).where(
            CounterPause.id == current.id).execute()
        feed.emit_event(RESUMED, counter, reason=current.reason)
        seconds = int((current.ended_at - current.started_at).total_seconds())
        record(RESUMED, officer=officer, counter=number, subject=str(number),
               details={"reason": current.reason, "pause": current.id,
                        "paused_s": max(seconds, 0)})
        return view_of(current, number)

    return idempotent("resume_counter", request_id, work, PauseView.to_dict,
                      PauseView.from_dict)


def current_pause(number: int) -> PauseView | None:
    """The counter's pause going on now, if any (a read of its own)."""

    def work() -> PauseView | None:
        row = (CounterPause.select().join(Counter)
               .where((Counter.number == number) & CounterPause.ended_at.is_null())
               .order_by(CounterPause.id.desc()).first())
        return view_of(row, number) if row is not None else None

    return read(work)


def paused_seconds(start: dt.datetime, end: dt.datetime,
                   now: dt.datetime | None = None) -> dict[int, int]:
    """Seconds each counter (by id) was paused between ``start`` and ``end`` (naive
    UTC); a pause still going on counts until ``now``. Inside a read."""
    now = now or clock.utcnow()
    rows = cast(list[tuple[int, Any, Any]], list(
        CounterPause.select(CounterPause.counter, CounterPause.started_at, CounterPause.ended_at)
        .where((CounterPause.started_at < end)
               & (CounterPause.ended_at.is_null() | (CounterPause.ended_at > start)))
        .tuples()))
    total: dict[int, int] = {}
    for counter_id, started, ended in rows:
        started, ended = clock.as_datetime(started), clock.as_datetime(ended or now)
        overlap = (min(ended, end) - max(started, start)).total_seconds()
        if overlap > 0:
            total[counter_id] = total.get(counter_id, 0) + int(overlap)
    return total

