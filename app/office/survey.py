"""The community satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017).

An applicant whose ticket was finished rates the service on the survey screen at the
counter (or at the kiosk, by scanning the ticket's QR): each element of the survey
from 1 (tidak baik) to 4 (sangat baik). The nine elements of the regulation are
:data:`ELEMENTS`; an office may choose the short form (setting ``survey_form`` =
``short``): :data:`SHORT_ELEMENTS`, the four an applicant can judge at the counter
itself (completion time, staff competence, staff conduct, facilities). An IKM
computed from the short form is **not** the official nine-element index, and the
report says so.

Rules of an answer (:func:`answer`):

* it concerns one ticket that is finished (``done``) and was finished at most
  ``survey_hours`` hours ago (setting, default 24);
* one answer per ticket, whoever asks and however often: the unique index on
  ``survey_response.ticket`` decides, and a second answer is refused in a sentence;
  a retry of the same request (same request id) returns the first answer instead;
* it is tied to the ticket's service queue (where it was served; after a transfer
  that is the queue it was transferred to), and to the counter and officer that
  finished it;
* it writes its audit entry (``survey_answered``: the ticket's id and number, the
  counter, no scores, no comment) in the same transaction.

The optional comment is free text and may name a person: the retention purge erases
the comments of answers older than ``retention_days`` (:mod:`app.office.retention`).

The index (IKM), per PermenPANRB 14/2017:

* NRR of an element = the mean of its scores (answers that have it);
* NRR tertimbang = Σ NRR × (1 / number of elements), over the elements answered
  (nine for the full form). The regulation's worked example rounds the weight 1/9 to
  0.111; here the weight is exact, so that all answers "sangat baik" give 100.00;
* IKM = NRR tertimbang × 25, rounded half up to two decimals;
* mutu: A (88.31–100) Sangat Baik, B (76.61–88.30) Baik, C (65.00–76.60) Kurang Baik,
  D (25.00–64.99) Tidak Baik, read from the rounded IKM.

Arithmetic is exact (fractions) up to that one rounding. A report (:func:`report`)
covers the service days of the tickets answered, as :mod:`app.office.reports` does,
with the whole office and a breakdown per queue, counter and officer (each group's
IKM from its own answers). The CSV (:func:`to_csv`) is in the dialect of every Loket
export (:mod:`app.spreadsheet`); its decimals are written with a comma, the decimal
mark of the Indonesian Excel the dialect is made for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Final, cast

import peewee as pw

from app import clock, spreadsheet
from app.errors import InvalidInput, NotFound, Refused
from app.messages import current_language, render
from app.office import permissions
from app.office.audit import record
from app.office.reports import check_range, save
from app.office.settings import get_settings, office_today, parse_code
from app.storage.models import DONE, Counter, Officer, Queue, SurveyResponse, Ticket
from app.storage.transactions import idempotent, read

ELEMENTS: Final = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
# The short form: what an applicant can judge at the counter itself.
SHORT_ELEMENTS: Final = ("u3", "u6", "u7", "u9")
FORMS: Final[dict[str, tuple[str, ...]]] = {"full": ELEMENTS, "short": SHORT_ELEMENTS}
SCORES: Final = (1, 2, 3, 4)
COMMENT_MAX: Final = 500
BREAKDOWNS: Final = ("queue", "counter", "officer")
# The lowest IKM of each mutu, best first (PermenPANRB 14/2017, lampiran).
GRADES: Final = (("A", Decimal("88.31")), ("B", Decimal("76.61")), ("C", Decimal("65.00")),
                 ("D", Decimal("25.00")))
_CENT = Decimal("0.01")


# --- answering --------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyQuestions:
    """What the survey screen asks about one finished ticket."""

    ticket: int
    number: str
    counter: int | None  # the counter's number
    form: str  # "full" | "short"
    elements: tuple[str, ...]


@dataclass(frozen=True)
class SurveyAnswer:
    """An answer as stored (no comment: it is not echoed back)."""

    id: int
    ticket: int
    number: str
    form: str
    scores: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "ticket": self.ticket, "number": self.number,
                "form": self.form, "scores": dict(self.scores)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SurveyAnswer:
        return cls(id=int(data["id"]), ticket=int(data["ticket"]), number=str(data["number"]),
                   form=str(data["form"]), scores={k: int(v) for k, v in data["scores"].items()})


def form_elements(form: str | None = None) -> tuple[str, ...]:
    """The elements the office's form asks (default: the ``survey_form`` setting)."""
    return FORMS.get(form or get_settings().survey_form, ELEMENTS)


def _eligible(ticket_id: int) -> tuple[Ticket, int | None]:
    """The finished ticket ``ticket_id`` and its counter's number, if it may be rated now;
    else the refusal. Inside a read or a transaction."""
    ticket = Ticket.get_or_none(Ticket.id == ticket_id)
    if ticket is None:
        raise NotFound("survey_ticket_unknown")
    if ticket.status != DONE or ticket.finished_at is None:
        raise Refused("survey_not_finished", number=ticket.number)
    hours = get_settings().survey_hours
    if clock.utcnow() - ticket.finished_at > dt.timedelta(hours=hours):
        raise Refused("survey_too_late", number=ticket.number, hours=hours)
    if SurveyResponse.select().where(SurveyResponse.ticket == ticket.id).exists():
        raise Refused("survey_already_answered", number=ticket.number)
    counter = (Counter.select(Counter.number).where(Counter.id == ticket.counter_id).scalar()
               if ticket.counter_id is not None else None)
    return ticket, counter


def questions(ticket_id: int) -> SurveyQuestions:
    """The questions for ticket ``ticket_id``, or why it cannot be rated (not finished,
    finished too long ago, already rated)."""

    def work() -> SurveyQuestions:
        ticket, counter = _eligible(ticket_id)
        form = get_settings().survey_form
        return SurveyQuestions(ticket.id, str(ticket.number), counter, form,
                               form_elements(form))

    return read(work)


def ticket_of_code(raw: str | bytes) -> int:
    """The ticket id a scanned ticket QR names (the kiosk's way in); a scan that is no
    signed ticket code is refused with the scan's own reason."""
    scan = parse_code(raw)
    if scan.kind == "invalid":
        raise InvalidInput(scan.reason or "scan_not_understood")
    if scan.kind != "ticket" or scan.ident is None:
        raise NotFound("survey_ticket_unknown")
    return scan.ident


def ticket_of_number(number: str) -> int:
    """The id of today's ticket ``number`` (``A017``), for the command line."""

    def work() -> int:
        ident = (Ticket.select(Ticket.id)
                 .where((Ticket.number == number.strip().upper())
                        & (Ticket.service_day == office_today())
                        & Ticket.origin.is_null())  # not one merged from elsewhere
                 .order_by(Ticket.id.desc()).scalar())
        if ident is None:
            raise NotFound("survey_ticket_unknown")
        return int(ident)

    return read(work)


def questions_for_code(raw: str | bytes) -> SurveyQuestions:
    """:func:`questions` for a scanned ticket QR."""
    return questions(ticket_of_code(raw))


def _checked_scores(scores: Mapping[str, int]) -> tuple[str, dict[str, int]]:
    """(form, scores) if ``scores`` answers exactly one form's elements with 1 … 4."""
    given = {str(k).lower(): v for k, v in scores.items()}
    for form, elements in FORMS.items():
        if set(given) == set(elements) and all(
                isinstance(v, int) and not isinstance(v, bool) and v in SCORES
                for v in given.values()):
            return form, {k: int(given[k]) for k in elements}
    expected = ", ".join(e.upper() for e in form_elements())
    raise InvalidInput("survey_answers_incomplete", expected=expected)


def answer(ticket_id: int, scores: Mapping[str, int], comment: str = "",
           request_id: str | None = None) -> SurveyAnswer:
    """Record the applicant's answer for ticket ``ticket_id``: once per ticket.

    ``scores``: each element of the full or the short form, 1 … 4. A second answer for
    the ticket is refused; the same ``request_id`` again returns the first answer.
    """
    form, checked = _checked_scores(scores)
    text = comment.replace("\r\n", "\n").strip()
    if len(text) > COMMENT_MAX:
        raise InvalidInput("survey_comment_too_long", max=COMMENT_MAX)

    def work() -> SurveyAnswer:
        ticket, counter = _eligible(ticket_id)
        row_id = SurveyResponse.insert(
            ticket=ticket.id, service_day=ticket.service_day,
            queue=ticket.service_queue_id, counter=ticket.counter_id,
            officer=ticket.officer_id, form=form, comment=text or None,
            created_at=clock.utcnow(), **checked).execute()
        record("survey_answered", counter=counter, subject=str(ticket.number),
               details={"ticket": ticket.id, "form": form})
        return SurveyAnswer(int(row_id), ticket.id, str(ticket.number), form, checked)

    try:
        return idempotent("survey_answer", request_id, work, SurveyAnswer.to_dict,
                          SurveyAnswer.from_dict)
    except pw.IntegrityError:
        # Another screen answered for the same ticket at the same moment: the unique
        # index kept one; this one is the second.
        number = read(lambda: Ticket.select(Ticket.number)
                      .where(Ticket.id == ticket_id).scalar())
        raise Refused("survey_already_answered", number=str(number)) from None


def purge_comments_before(cutoff: dt.datetime, dry_run: bool = False) -> int:
    """Erase the comments of answers given before ``cutoff`` (inside the purge's
    transaction); how many (or would be)."""
    old = (SurveyResponse.comment.is_null(False)) & (SurveyResponse.created_at < cutoff)
    if dry_run:
        return int(SurveyResponse.select().where(old).count())
    return int(SurveyResponse.update(comment=None).where(old).execute())


# --- the index --------------------------------------------------------------------------


def rounded(value: Fraction, places: int = 2) -> Decimal:
    """``value`` rounded half up to ``places`` decimals."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def ikm_of(nrr: Mapping[str, Fraction]) -> Fraction | None:
    """IKM = Σ NRR × (1/n) × 25 over the ``n`` elements given; None without any."""
    if not nrr:
        return None
    return sum(nrr.values(), Fraction(0)) / len(nrr) * 25


def mutu(ikm: Decimal | None) -> str | None:
    """The grade (A … D) of an IKM rounded to two decimals."""
    if ikm is None:
        return None
    for grade, lowest in GRADES:
        if ikm >= lowest:
            return grade
    return None


@dataclass(frozen=True)
class SurveyRow:
    """The index of one group of answers: the office, a queue, a counter or an officer."""

    key: str
    name_id: str
    name_en: str
    responses: int
    nrr: dict[str, float | None]  # per element, three decimals; None: never asked
    ikm: float | None  # two decimals
    mutu: str | None  # "A" … "D"
    elements: int = 0  # elements answered (9: the full form's IKM)

    def name(self, lang: str | None = None) -> str:
        return self.name_en if (lang or current_language()) == "en" else self.name_id

    def mutu_text(self, lang: str | None = None) -> str:
        return render(f"survey_mutu_{self.mutu}", {}, lang) if self.mutu else ""


@dataclass(frozen=True)
class SurveyReport:
    start: dt.date
    end: dt.date
    office_name: str
    form: str  # "full", "short", "mixed", or "" without answers
    total: SurveyRow
    queues: tuple[SurveyRow, ...] = ()
    counters: tuple[SurveyRow, ...] = ()
    officers: tuple[SurveyRow, ...] = ()
    generated_at: dt.datetime = field(default_factory=clock.utcnow)

    @property
    def official(self) -> bool:
        """Whether the IKM is the regulation's nine-element index."""
        return self.form == "full"

    def breakdown(self, by: str) -> tuple[SurveyRow, ...]:
        return {"queue": self.queues, "counter": self.counters,
                "officer": self.officers}[by]


class _Tally:
    def __init__(self) -> None:
        self.responses = 0
        self.sums = dict.fromkeys(ELEMENTS, 0)
        self.counts = dict.fromkeys(ELEMENTS, 0)

    def add(self, scores: Iterable[int | None]) -> None:
        self.responses += 1
        for element, score in zip(ELEMENTS, scores, strict=True):
            if score is not None:
                self.sums[element] += score
                self.counts[element] += 1

    def row(self, key: str, name_id: str, name_en: str) -> SurveyRow:
        nrr = {e: Fraction(self.sums[e], self.counts[e]) for e in ELEMENTS if self.counts[e]}
        ikm = ikm_of(nrr)
        ikm_2 = rounded(ikm) if ikm is not None else None
        return SurveyRow(key=key, name_id=name_id, name_en=name_en,
                         responses=self.responses,
                         nrr={e: float(rounded(nrr[e], 3)) if e in nrr else None
                              for e in ELEMENTS},
                         ikm=float(ikm_2) if ikm_2 is not None else None,
                         mutu=mutu(ikm_2), elements=len(nrr))


def report(start: dt.date, end: dt.date, by: int) -> SurveyReport:
    """The IKM of the tickets of service days ``start`` … ``end``, for ``by`` (a
    supervisor), with its breakdowns per queue, counter and officer."""
    check_range(start, end)

    def work() -> SurveyReport:
        permissions.require(by, "reports_view")
        return _build(start, end, get_settings().office_name)

    return read(work)


def _build(start: dt.date, end: dt.date, office_name: str) -> SurveyReport:
    columns = [getattr(SurveyResponse, e) for e in ELEMENTS]
    rows = cast(Iterable[tuple[Any, ...]], SurveyResponse
            .select(SurveyResponse.queue, SurveyResponse.counter, SurveyResponse.officer,
                    SurveyResponse.form, *columns)
            .where(SurveyResponse.service_day.between(start, end))
            .tuples())
    total = _Tally()
    groups: dict[str, dict[int | None, _Tally]] = {b: {} for b in BREAKDOWNS}
    forms: set[str] = set()
    for row in rows:
        queue, counter, officer, form = row[:4]
        scores: list[int | None] = list(row[4:])
        forms.add(str(form))
        total.add(scores)
        for by, ident in (("queue", queue), ("counter", counter), ("officer", officer)):
            groups[by].setdefault(ident, _Tally()).add(scores)
    form = "" if not forms else forms.pop() if len(forms) == 1 else "mixed"
    names_total = (render("survey_section_total", {}, "id"),
                   render("survey_section_total", {}, "en"))
    return SurveyReport(
        start=start, end=end, office_name=office_name, form=form,
        total=total.row("", *names_total),
        queues=_named_rows(groups["queue"], _queue_names),
        counters=_named_rows(groups["counter"], _counter_names),
        officers=_named_rows(groups["officer"], _officer_names))


_Names = dict[int | None, tuple[str, str, str]]  # id → (key, name id, name en)


def _queue_names(ids: set[int]) -> _Names:
    return {q.id: (str(q.prefix), f"{q.prefix} · {q.name_id}", f"{q.prefix} · {q.name_en}")
            for q in Queue.select().where(Queue.id.in_(ids))}


def _counter_names(ids: set[int]) -> _Names:
    return {c.id: (str(c.number), str(c.name), str(c.name))
            for c in Counter.select().where(Counter.id.in_(ids))}


def _officer_names(ids: set[int]) -> _Names:
    return {o.id: (str(o.username), str(o.full_name), str(o.full_name))
            for o in Officer.select().where(Officer.id.in_(ids))}


def _named_rows(tallies: dict[int | None, _Tally], names_of: Any) -> tuple[SurveyRow, ...]:
    names: _Names = names_of({i for i in tallies if i is not None}) if tallies else {}
    nobody = ("", render("survey_nobody", {}, "id"), render("survey_nobody", {}, "en"))
    rows = [tally.row(*names.get(ident, nobody)) for ident, tally in tallies.items()]
    return tuple(sorted(rows, key=lambda r: (r.key == "", _sort_key(r.key))))


def _sort_key(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)


# --- text and CSV -----------------------------------------------------------------------


def decimal_text(value: float | None, places: int = 2, lang: str | None = None) -> str:
    """A decimal as the language writes it (``82,50`` in Indonesian); empty for None."""
    if value is None:
        return ""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if (lang or current_language()) == "id" else text


CSV_COLUMNS: Final = ("from", "to", "section", "key", "name", "responses",
                      *(f"nrr_{e}" for e in ELEMENTS), "ikm", "mutu", "kinerja")


def sections(rep: SurveyReport, by: str | None = None) -> list[tuple[str, tuple[SurveyRow, ...]]]:
    """The whole office, then each breakdown (only ``by`` when given)."""
    if by is not None and by not in BREAKDOWNS:
        raise InvalidInput("survey_by_unknown", value=by)
    chosen = (by,) if by else BREAKDOWNS
    return [("total", (rep.total,)), *((b, rep.breakdown(b)) for b in chosen)]


def to_csv(rep: SurveyReport, by: str | None = None, lang: str | None = None) -> bytes:
    """The report as one CSV table (decimals with a comma: see the module's docstring)."""
    lang = lang or current_language()
    table: list[list[object]] = [[render(f"survey_col_{c}", {}, lang) for c in CSV_COLUMNS]]
    for section, rows in sections(rep, by):
        label = render(f"survey_section_{section}", {}, lang)
        for row in rows:
            table.append([rep.start.isoformat(), rep.end.isoformat(), label, row.key,
                          row.name(lang), row.responses,
                          *(decimal_text(row.nrr[e], 3, "id") for e in ELEMENTS),
                          decimal_text(row.ikm, 2, "id"), row.mutu or "", row.mutu_text(lang)])
    return spreadsheet.to_bytes(table)


def save_csv(rep: SurveyReport, path: str | Path, by: str | None = None,
             lang: str | None = None) -> Path:
    """Write :func:`to_csv` to ``path`` (a file that cannot be written is refused)."""
    return save(to_csv(rep, by, lang), path)
