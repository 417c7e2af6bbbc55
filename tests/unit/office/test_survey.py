"""The satisfaction survey (SKM) against hand-computed numbers, on every backend.

Three full-form answers on Monday 1 July 2024 (scores u1 … u9):

* A001, counter 1, Budi: 4 4 4 4 4 4 4 4 4
* A002, counter 2, Ani:  3 3 3 3 3 3 3 3 3
* P001, counter 1, Budi: 2 3 4 1 2 3 4 1 2

NRR: u1 = 9/3 = 3, u2 = 10/3, u3 = 11/3, u4 = 8/3, u5 = 3, u6 = 10/3, u7 = 11/3,
u8 = 8/3, u9 = 3; Σ = 85/3; NRR tertimbang = 85/27; IKM = 2125/27 = 78.7037 → 78.70 (B).
Budi (= counter 1): Σ NRR = 29, IKM = 725/9 = 80.56 (B); Ani (= counter 2): 75.00 (C);
queue A: every NRR 3.5, IKM 87.50 (B); queue P: Σ = 22, IKM = 550/9 = 61.11 (D).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest

from app import spreadsheet
from app.errors import InvalidInput, Refused
from app.office import retention, settings, survey
from app.storage.models import AuditEntry, SurveyResponse, Ticket
from tests.helpers.people import setup_admin
from tests.helpers.reports import D, Hall, at

ANSWERS = {
    "A001": [4] * 9,
    "A002": [3] * 9,
    "P001": [2, 3, 4, 1, 2, 3, 4, 1, 2],
}
ANSWERED_AT = at(4, 0)  # 11:00 in Jakarta on 1 July


def scores(values: list[int], elements: tuple[str, ...] = survey.ELEMENTS) -> dict[str, int]:
    return dict(zip(elements, values, strict=True))


def ticket_id(number: str) -> int:
    return int(Ticket.get(Ticket.number == number).id)


@pytest.fixture
def hall(office: str, travel: Callable[[dt.datetime], None]) -> Hall:
    travel(ANSWERED_AT)
    h = Hall()
    h.ticket("A", at(1, 0), "done", called=at(1, 10), started=at(1, 11), finished=at(1, 20),
             counter=1, officer=h.budi)
    h.ticket("A", at(1, 5), "done", called=at(1, 25), started=at(1, 26), finished=at(1, 30),
             counter=2, officer=h.ani)
    h.ticket("P", at(2, 15), "done", called=at(2, 16), finished=at(2, 26), counter=1,
             officer=h.budi)
    h.ticket("A", at(2, 20), "waiting")  # A003
    return h


@pytest.fixture
def answered(hall: Hall) -> Hall:
    for number, values in ANSWERS.items():
        survey.answer(ticket_id(number), scores(values))
    return hall


def test_the_ikm_and_its_breakdowns_match_the_hand_computed_numbers(answered: Hall) -> None:
    rep = survey.report(D, D, answered.sup)
    assert (rep.form, rep.official, rep.total.responses) == ("full", True, 3)
    assert rep.total.nrr == {"u1": 3.0, "u2": 3.333, "u3": 3.667, "u4": 2.667, "u5": 3.0,
                             "u6": 3.333, "u7": 3.667, "u8": 2.667, "u9": 3.0}
    assert (rep.total.ikm, rep.total.mutu, rep.total.elements) == (78.70, "B", 9)
    assert [(r.key, r.responses, r.ikm, r.mutu) for r in rep.officers] == [
        ("ani", 1, 75.00, "C"), ("budi", 2, 80.56, "B")]
    assert [(r.key, r.ikm, r.mutu) for r in rep.counters] == [("1", 80.56, "B"),
                                                              ("2", 75.00, "C")]
    assert [(r.key, r.ikm, r.mutu) for r in rep.queues] == [("A", 87.50, "B"),
                                                            ("P", 61.11, "D")]
    assert rep.officers[1].name("id") == "Budi Santoso"
    assert rep.total.mutu_text("id") == "Baik" and rep.total.mutu_text("en") == "Good"


def test_the_index_is_exact_until_its_one_rounding() -> None:
    assert survey.ikm_of({e: Fraction(4) for e in survey.ELEMENTS}) == 100
    assert survey.ikm_of({"u1": Fraction(10, 3), "u2": Fraction(3)}) == Fraction(475, 6)
    assert survey.rounded(Fraction(88305, 1000)) == Decimal("88.31")  # half up
    assert survey.ikm_of({}) is None


@pytest.mark.parametrize(("ikm", "grade"), [
    ("100.00", "A"), ("88.31", "A"), ("88.30", "B"), ("76.61", "B"), ("76.60", "C"),
    ("65.00", "C"), ("64.99", "D"), ("25.00", "D")])
def test_mutu_follows_the_regulations_bands(ikm: str, grade: str) -> None:
    assert survey.mutu(Decimal(ikm)) == grade


def test_one_answer_per_ticket_and_a_retry_returns_the_first(hall: Hall) -> None:
    first = survey.answer(ticket_id("A001"), scores([4] * 9), request_id="req-1")
    again = survey.answer(ticket_id("A001"), scores([1] * 9), request_id="req-1")
    assert again == first and again.scores["u1"] == 4
    with pytest.raises(Refused) as refused:
        survey.answer(ticket_id("A001"), scores([1] * 9), request_id="req-2")
    assert refused.value.code == "survey_already_answered"
    assert refused.value.message("id") == "Survei untuk nomor A001 sudah diisi. Terima kasih."
    assert refused.value.message("en") == ("The survey for ticket A001 has already been "
                                           "answered. Thank you.")
    with pytest.raises(Refused, match="already"):
        survey.questions(ticket_id("A001"))
    row = SurveyResponse.get()
    assert (row.u1, row.form, row.counter_id, row.officer_id) == (
        4, "full", hall.counter[1], hall.budi)
    assert SurveyResponse.select().count() == 1
    entries = list(AuditEntry.select().where(AuditEntry.action == "survey_answered"))
    assert [(e.subject, e.counter) for e in entries] == [("A001", 1)]


def test_a_ticket_not_finished_or_finished_too_long_ago_is_refused(
        hall: Hall, travel: Callable[[dt.datetime], None]) -> None:
    with pytest.raises(Refused) as refused:
        survey.answer(ticket_id("A003"), scores([4] * 9))
    assert refused.value.code == "survey_not_finished"
    assert "A003" in refused.value.message("id") and "A003" in refused.value.message("en")
    travel(at(1, 20) + dt.timedelta(hours=24))  # exactly 24 hours after A001: still open
    assert survey.questions(ticket_id("A001")).elements == survey.ELEMENTS
    travel(at(1, 20) + dt.timedelta(hours=24, seconds=1))
    with pytest.raises(Refused) as late:
        survey.answer(ticket_id("A001"), scores([4] * 9))
    assert late.value.code == "survey_too_late"
    assert late.value.message("en") == ("Ticket A001 was served more than 24 hours ago; its "
                                        "survey is closed.")
    settings.update_settings(hall.sup, survey_hours=48)
    assert survey.answer(ticket_id("A001"), scores([4] * 9)).number == "A001"
    assert SurveyResponse.select().count() == 1


def test_answers_must_cover_one_form_with_scores_one_to_four(hall: Hall) -> None:
    for bad in (scores([4] * 8, survey.ELEMENTS[:8]), scores([5] * 9), scores([0] * 9),
                {**scores([4] * 4, survey.SHORT_ELEMENTS), "u1": 4}):
        with pytest.raises(InvalidInput) as refused:
            survey.answer(ticket_id("A001"), bad)
        assert refused.value.code == "survey_answers_incomplete"
    with pytest.raises(InvalidInput, match="500"):
        survey.answer(ticket_id("A001"), scores([4] * 9), comment="x" * 501)
    assert SurveyResponse.select().count() == 0


def test_the_short_form_is_asked_and_reported_as_not_official(hall: Hall) -> None:
    settings.update_settings(hall.sup, survey_form="short")
    asked = survey.questions(ticket_id("A001"))
    assert (asked.form, asked.elements, asked.number, asked.counter) == (
        "short", ("u3", "u6", "u7", "u9"), "A001", 1)
    survey.answer(ticket_id("A001"), scores([4, 3, 4, 3], survey.SHORT_ELEMENTS))
    rep = survey.report(D, D, hall.sup)
    assert (rep.form, rep.official, rep.total.ikm, rep.total.elements) == ("short", False,
                                                                           87.50, 4)
    assert rep.total.nrr["u1"] is None and rep.total.nrr["u3"] == 4.0
    # A full answer beside it: u1, u2, u4, u5, u8 at 4; u3, u6, u7, u9 at (4+4)/2, (3+4)/2 …
    survey.answer(ticket_id("A002"), scores([4] * 9))
    mixed = survey.report(D, D, hall.sup)
    # Σ NRR = 5 × 4 + 4 + 3.5 + 4 + 3.5 = 35; IKM = 35 / 9 × 25 = 97.22
    assert (mixed.form, mixed.official, mixed.total.ikm, mixed.total.mutu) == (
        "mixed", False, 97.22, "A")


def test_the_report_needs_a_supervisor_and_the_csv_has_every_row(answered: Hall) -> None:
    with pytest.raises(Refused):
        survey.report(D, D, answered.budi)
    rep = survey.report(D, D, answered.sup)
    table = spreadsheet.read_back(survey.to_csv(rep, by="officer", lang="id"))
    assert table[0][:6] == ["Dari", "Sampai", "Bagian", "Kode", "Nama", "Responden"]
    assert table[0][-3:] == ["IKM", "Mutu", "Kinerja unit"]
    assert [row[3] for row in table[1:]] == ["", "ani", "budi"]
    assert table[1][6:9] == ["3,000", "3,333", "3,667"]
    assert table[1][-3:] == ["78,70", "B", "Baik"]
    assert len(spreadsheet.read_back(survey.to_csv(rep))) == 1 + 1 + 2 + 2 + 2
    with pytest.raises(InvalidInput):
        survey.to_csv(rep, by="hour")
    empty = survey.report(D + dt.timedelta(days=1), D + dt.timedelta(days=1), answered.sup)
    assert (empty.form, empty.total.responses, empty.total.ikm, empty.queues) == ("", 0, None,
                                                                                 ())


def test_the_retention_purge_erases_comments_and_keeps_the_scores(
        hall: Hall, travel: Callable[[dt.datetime], None]) -> None:
    survey.answer(ticket_id("A001"), scores([4] * 9), comment="Pak Budi ramah sekali")
    survey.answer(ticket_id("A002"), scores([3] * 9))
    admin = setup_admin()
    travel(ANSWERED_AT + dt.timedelta(days=170))
    assert retention.purge(admin, dry_run=True).survey_comments == 0
    travel(ANSWERED_AT + dt.timedelta(days=182))
    assert retention.purge(admin, dry_run=True).survey_comments == 1
    assert retention.purge(admin).survey_comments == 1
    assert [(r.comment, r.u1) for r in SurveyResponse.select().order_by(SurveyResponse.id)] == [
        (None, 4), (None, 3)]
    assert retention.purge(admin).survey_comments == 0


def test_schema_version_12_adds_the_survey_table_to_an_older_database(hall: Hall) -> None:
    from app.storage import db as dbmod
    from app.storage import migrations
    from app.storage.models import SchemaVersion

    db = dbmod.database.obj
    db.drop_tables([SurveyResponse])  # an older database has no survey
    SchemaVersion.delete().where(SchemaVersion.version >= 12).execute()
    before, after = migrations.migrate(db)
    assert before < 12 and after == migrations.head_version()
    survey.answer(ticket_id("A001"), scores([4] * 9), comment="cepat")
    assert SurveyResponse.get().comment == "cepat"


def test_two_screens_answering_at_once_store_one_answer(
        hall: Hall, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both pass the "not answered yet" check before either writes (where the database
    lets them): the unique index keeps one answer and the other is refused."""
    import contextlib
    import threading

    from app.errors import LoketError
    from app.storage import db as dbmod
    from tests.helpers.threads import run_together

    both_checked = threading.Barrier(2, timeout=2)
    real = survey._eligible

    def checked_then_wait(ticket: int) -> object:
        found = real(ticket)
        # On SQLite the other one waits for the write lock: the barrier breaks, fine.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_checked.wait()
        return found

    monkeypatch.setattr(survey, "_eligible", checked_then_wait)
    ident = ticket_id("A001")
    results: dict[str, object] = {}

    def answer(name: str, score: int) -> None:
        try:
            results[name] = survey.answer(ident, scores([score] * 9), request_id=name)
        except LoketError as exc:
            results[name] = exc
        finally:
            dbmod.database.obj.close()

    run_together(lambda: answer("screen", 4), lambda: answer("kiosk", 2))
    lost = [r for r in results.values() if isinstance(r, LoketError)]
    assert len(lost) == 1 and isinstance(lost[0], Refused), results
    assert lost[0].code == "survey_already_answered"
    assert SurveyResponse.select().count() == 1
    assert AuditEntry.select().where(AuditEntry.action == "survey_answered").count() == 1
