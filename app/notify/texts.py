"""What a message says: the template (the office's or the program's) filled for one
passport, with the pickup days and hours from the office's day profiles.

Never the passport number: no placeholder gives it (:mod:`app.notify.templates`), and a
text that holds it anyway (typed into a template by hand) has it blanked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from app import clock
from app.messages import DEFAULT_LANGUAGE, MESSAGES, render
from app.messages.formats import date_text
from app.notify import templates
from app.office import days
from app.office.settings import OfficeSettings, get_settings
from app.storage.models import DayProfile, Queue

AHEAD_DAYS: Final = 7  # the pickup days a message lists


@dataclass(frozen=True)
class Passport:
    """What a message may say about one passport (the number is not here)."""

    name: str
    application_no: str
    batch: str
    collect_by: dt.date | None
    passport_no: str = ""  # only to make sure it is not in the text


def queue_id_of(ref: str) -> int | None:
    row = Queue.get_or_none((Queue.code == ref.lower()) | (Queue.prefix == ref.upper()))
    return int(row.id) if row is not None else None


def schedule_words(queue_ref: str, lang: str, now_utc: dt.datetime | None = None,
                   office: OfficeSettings | None = None) -> dict[str, str]:
    """{hari}, {jam} and {jadwal} for the pickup queue ``queue_ref``: the days it is open
    in the coming week, with the hours numbers are issued. Without day profiles the
    office's week is not known: plain words, and no {jadwal} sentence."""
    office = office or get_settings()
    plain = {"hari": render("notify_days_unknown", {}, lang),
             "jam": render("notify_hours_unknown", {}, lang), "jadwal": ""}
    if not DayProfile.select().exists():
        return plain
    queue_id = queue_id_of(queue_ref)
    now = clock.local_time(now_utc or clock.utcnow(), office.timezone)
    opened: list[tuple[dt.date, str]] = []
    for ahead in range(AHEAD_DAYS):
        day = now.date() + dt.timedelta(days=ahead)
        plan = days.plan_for(day)
        if queue_id is not None and not plan.queue_open(queue_id):
            continue
        if ahead == 0 and plan.hours_state(now) == "late":
            continue
        hours = (f"{plan.opens or dt.time():%H:%M}–{plan.issue_until or dt.time(23, 59):%H:%M}"
                 if plan.opens or plan.issue_until else "")
        opened.append((day, hours))
    if not opened:
        return plain
    names = days.weekday_words(lang)
    hours_seen = {hours for _, hours in opened}
    same = len(hours_seen) == 1
    shown = [f"{names[d.weekday()]} {d:%d/%m}" + ("" if same or not h else f" {h}")
             for d, h in opened]
    words: dict[str, str] = {"hari": ", ".join(shown),
             "jam": (hours_seen.pop() or plain["jam"]) if same else
             render("notify_hours_as_listed", {}, lang)}
    words["jadwal"] = render("notify_schedule_sentence", dict(words), lang)
    return words


def text_for(kind: str, passport: Passport, office: OfficeSettings | None = None,
             schedule: dict[str, str] | None = None) -> str:
    """The message of ``kind`` about ``passport``, in the office's language."""
    office = office or get_settings()
    queue = office.backlog_pickup_queue if passport.batch else office.regular_pickup_queue
    values = {"nama": passport.name, "permohonan": passport.application_no,
              "batas": date_text(passport.collect_by) if passport.collect_by else "",
              **(schedule if schedule is not None else schedule_words(
                  queue, office.language, office=office))}
    text = filled(kind, values, office)
    number = passport.passport_no.strip()
    if len(number) >= 4 and number.upper() in text.upper():
        text = _blank(text, number)
    return text


def filled(kind: str, values: dict[str, str], office: OfficeSettings) -> str:
    """The office's template of ``kind`` (or the program's, in the office's language)
    filled with ``values`` and the office's name, on one line."""
    own = str(getattr(office, f"notify_template_{kind}", "") or "")
    catalogue = MESSAGES[f"notify_text_{kind}"]
    template = own or catalogue.get(office.language) or catalogue[DEFAULT_LANGUAGE]
    return " ".join(templates.fill(template, {"kantor": office.office_name,
                                              **values}).split())


def _blank(text: str, number: str) -> str:
    upper, target = text.upper(), number.upper()
    out, start = [], 0
    while (found := upper.find(target, start)) >= 0:
        out.append(text[start:found] + "*" * len(number))
        start = found + len(number)
    return "".join(out) + text[start:]
