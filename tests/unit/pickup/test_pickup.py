"""Verify, check in, hand over once, undo, and the collect-by deadline — on every backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from app import codes, feed
from app.errors import InvalidInput, LoketError, NotFound, Refused
from app.office import audit_log, officers, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.storage.models import AuditEntry, PickupRecord, RequestLog, SigningKey, Ticket
from tests.helpers import NOW
from tests.helpers.people import setup_admin

LIST = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
        b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n"
        b"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;04/07/2024\n"
        b"2024-TNG-000003;Agus Salim;;Rak B-01;\n"
        b"2024-TNG-000004;Dewi Sartika;C1111111;Rak C-01;01/05/2024\n")


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> dict[str, str]:
    """The backlog list imported on 1 July 2024; codes by application number.

    000001 ready (collect by 20 July), 000002 printing (expected 4 July),
    000003 printing (no date), 000004 ready since May: overdue.
    """
    travel(NOW)
    backlog.import_backlog(LIST, batch="Backlog PDN Juni 2024", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    officers.add_officer("supervisor", "super123!", role="supervisor", full_name="Siti Super")
    return {f"00000{i}": pickup.code_for(f"2024-TNG-00000{i}") for i in range(1, 5)}


def snapshot() -> tuple[list[dict], int, int]:  # type: ignore[type-arg]
    return (list(PickupRecord.select().order_by(PickupRecord.id).dicts()),
            AuditEntry.select().count(), Ticket.select().count())


def give(code: str, counter: int = 5, **kw: object) -> pickup.Handover:
    args: dict[str, object] = {"officer": "petugas1", "collector": "self", "id_checked": True}
    args.update(kw)
    return pickup.hand_over(code, counter, **args)  # type: ignore[arg-type]


# --- verify ------------------------------------------------------------------------------


def test_a_signed_code_of_a_ready_passport_verifies(shelf: dict[str, str]) -> None:
    v = pickup.verify(shelf["000001"], "en")
    assert (v.valid, v.verified, v.status, v.reason, v.warning) == (True, True, "ready", None,
                                                                   None)
    public = v.to_dict()["record"]
    assert public["application_no"] == "2024-TNG-000001" and public["location"] == "Rak A-01"
    assert public["collect_by"] == "2024-07-20"
    assert "Budi" not in str(v.to_dict()) and "X1234567" not in str(v.to_dict())


def test_a_bare_application_number_is_accepted_but_marked_not_verified(
        shelf: dict[str, str]) -> None:
    v = pickup.verify("2024-tng-000001\r\n", "en")
    assert (v.valid, v.verified, v.reason) == (True, False, None)
    assert v.warning == "pickup_not_verified"
    assert v.message == "Not verified — check the receipt and ID carefully."


def test_forged_foreign_and_garbage_scans_are_refused_and_change_nothing(
        shelf: dict[str, str]) -> None:
    good = shelf["000001"]
    forged = good[:-1] + ("A" if good[-1] != "A" else "B")
    foreign = codes.sign(codes.PICKUP, 1, bytes(32))
    before = snapshot()
    cases = {forged: "scan_bad_signature", foreign: "scan_bad_signature",
             "LK9.P.1.AAAAAAAAAAAAAAAA": "scan_unknown_version",
             "x" * 5000: "scan_too_long", "2024-TNG\x00-000001": "scan_control_chars",
             "selamat pagi": "scan_not_understood", "": "scan_empty",
             "2024-TNG-999999": "pickup_unknown_application",
             codes.sign(codes.PICKUP, 999_999, settings.signing_keys()[0]):
                 "pickup_unknown"}
    for raw, reason in cases.items():
        v = pickup.verify(raw, "id")
        assert (v.valid, v.reason, v.record) == (False, reason, None), raw[:40]
        assert v.message
        with pytest.raises(LoketError):
            give(raw)
        with pytest.raises(LoketError):
            pickup.check_in(raw)
    assert snapshot() == before


def test_garbage_bytes_verify_as_invalid(shelf: dict[str, str]) -> None:
    v = pickup.verify(b"\xff\xfe\xfa\x00", "en")
    assert (v.valid, v.reason) == (False, "scan_not_text")


def test_a_ticket_code_is_not_a_pickup_code(shelf: dict[str, str]) -> None:
    ticket = engine.issue_ticket("A")
    v = pickup.verify(engine.ticket_code(ticket.id), "en")
    assert (v.valid, v.reason) == (False, "scan_is_ticket")


def test_verify_says_why_a_passport_cannot_be_handed_over(shelf: dict[str, str]) -> None:
    printing = pickup.verify(shelf["000002"], "id")
    assert printing.reason == "pickup_not_ready" and "04/07/2024" in printing.message
    assert pickup.verify(shelf["000003"]).reason == "pickup_not_ready_undated"
    overdue = pickup.verify(shelf["000004"], "en")
    assert overdue.reason == "pickup_overdue" and "31/05/2024" in overdue.message
    assert overdue.record is not None and overdue.record.overdue


# --- hand over ---------------------------------------------------------------------------


def test_handover_records_who_where_when_and_is_audited(shelf: dict[str, str]) -> None:
    done = give(shelf["000001"], counter=6, collector="family", collector_name="Ibu Budi")
    rec = done.record
    assert (rec.status, rec.collected_counter, rec.collected_by) == ("collected", 6, "petugas1")
    assert (rec.collector, rec.collector_name, rec.id_checked, rec.verified) == (
        "family", "Ibu Budi", True, True)
    assert rec.collected_at == NOW.isoformat()
    entry = AuditEntry.get(AuditEntry.action == "pickup_handed_over")
    assert entry.subject == "2024-TNG-000001" and entry.counter == 6
    assert '"collector": "family"' in entry.details
    # Windows following the feed hear of it; the feed carries no personal data.
    event = feed.changes_since(0)[-1]
    assert (event.kind, event.counter, event.data) == ("pickup_collected", 6,
                                                       {"record": rec.id})


def test_the_second_handover_says_when_where_and_by_whom(shelf: dict[str, str]) -> None:
    give(shelf["000001"], counter=6, collector="proxy", collector_name="Pak Kuasa")
    with pytest.raises(Refused) as err:
        give("2024-TNG-000001", counter=5)
    assert err.value.code == "pickup_already_collected"
    assert err.value.message("id") == (
        "Paspor 2024-TNG-000001 sudah diambil pada 01/07/2024 10:00 di loket 6, diserahkan "
        "kepada penerima kuasa.")  # a refusal is logged and printed: it names no person
    assert "at counter 6" in err.value.message("en")
    assert PickupRecord.get(PickupRecord.application_no == "2024-TNG-000001").collected_counter \
        is not None
    assert AuditEntry.select().where(AuditEntry.action == "pickup_handed_over").count() == 1


@pytest.mark.parametrize(("kw", "code"), [
    ({"id_checked": False}, "handover_id_not_checked"),
    ({"collector": "family"}, "handover_name_required"),
    ({"collector": "proxy", "collector_name": "  "}, "handover_name_required"),
    ({"collector": "tetangga"}, "handover_collector_unknown"),
    ({"officer": None}, "handover_needs_officer"),
    ({"officer": "nobody"}, "officer_unknown"),
    ({"collector": "proxy", "collector_name": "x" * 101}, "handover_name_invalid"),
    ({"collector": "proxy", "collector_name": "Ibu\x1bSiti"}, "handover_name_invalid"),
])
def test_an_incomplete_handover_is_refused_and_changes_nothing(
        shelf: dict[str, str], kw: dict[str, object], code: str) -> None:
    before = snapshot()
    with pytest.raises(LoketError) as err:
        give(shelf["000001"], **kw)
    assert err.value.code == code
    assert snapshot() == before


def test_a_passport_not_ready_cancelled_or_overdue_is_not_handed_over(
        shelf: dict[str, str]) -> None:
    for key, code in (("000002", "pickup_not_ready"), ("000003", "pickup_not_ready_undated"),
                      ("000004", "pickup_overdue")):
        with pytest.raises(Refused) as err:
            give(shelf[key])
        assert err.value.code == code
    PickupRecord.update(status="cancelled").where(
        PickupRecord.application_no == "2024-TNG-000001").execute()
    with pytest.raises(Refused) as err:
        give(shelf["000001"])
    assert err.value.code == "pickup_cancelled"


def test_collect_by_is_the_last_day(shelf: dict[str, str],
                                    travel: Callable[[dt.datetime], None]) -> None:
    travel(dt.datetime(2024, 7, 20, 9, 0))  # 16:00 in Jakarta on 20 July: still allowed
    assert pickup.verify(shelf["000001"]).reason is None
    travel(dt.datetime(2024, 7, 20, 17, 30))  # 00:30 on 21 July in Jakarta: too late
    assert pickup.verify(shelf["000001"]).reason == "pickup_overdue"


def test_handover_finishes_the_counters_pickup_ticket(shelf: dict[str, str]) -> None:
    checked_in = pickup.check_in(shelf["000001"])
    called = engine.call_next(5, None)
    assert called.id == checked_in.ticket.id and called.pickup is not None
    view = pickup.for_ticket(called.id)
    assert view is not None and view.location == "Rak A-01" and view.name == "Budi Santoso"
    done = give(shelf["000001"], counter=5)
    assert done.ticket is not None and done.ticket.status == "done"
    assert engine.get_ticket(called.id).status == "done"


def test_a_ticket_still_waiting_for_a_collected_passport_is_cancelled(
        shelf: dict[str, str]) -> None:
    checked_in = pickup.check_in(shelf["000001"])
    give(shelf["000001"], counter=6)  # the slip was scanned at counter 6 directly
    ticket = engine.get_ticket(checked_in.ticket.id)
    assert ticket.status == "cancelled"
    with pytest.raises(Refused):
        engine.call_next(5)  # nothing left to call for that passport


def test_a_repeated_request_returns_the_first_handover(shelf: dict[str, str]) -> None:
    first = give(shelf["000001"], request_id="rq-1")
    again = give(shelf["000001"], request_id="rq-1")
    assert again == first


def test_undo_is_for_supervisors_with_a_reason_and_is_audited(shelf: dict[str, str]) -> None:
    give(shelf["000001"], collector="family", collector_name="Ibu Budi")
    with pytest.raises(Refused) as err:
        pickup.undo_hand_over(shelf["000001"], "petugas1", "salah orang")
    assert err.value.code == "needs_supervisor"
    with pytest.raises(InvalidInput):
        pickup.undo_hand_over(shelf["000001"], "supervisor", "   ")
    view = pickup.undo_hand_over(shelf["000001"], "supervisor", "diserahkan ke orang yang salah")
    assert (view.status, view.collected_at, view.collector_name) == ("ready", None, None)
    entry = AuditEntry.get(AuditEntry.action == "pickup_handover_undone")
    # The log holds no names; the reason and the collector live in purgeable notes.
    assert "diserahkan" not in entry.details and "Ibu" not in entry.details
    shown = audit_log.entries(officers.get_officer("supervisor").id).rows
    assert "diserahkan ke orang yang salah" in str(shown) and "Ibu Budi" in str(shown)
    with pytest.raises(Refused) as err:
        pickup.undo_hand_over(shelf["000001"], "supervisor", "lagi")
    assert err.value.code == "pickup_not_collected"
    assert give(shelf["000001"]).record.status == "collected"  # the rightful holder


# --- check in ------------------------------------------------------------------------------


def test_check_in_issues_one_linked_ticket_per_passport(shelf: dict[str, str]) -> None:
    first = pickup.check_in(shelf["000001"])
    assert first.created and first.verified
    assert (first.ticket.number, first.ticket.queue, first.ticket.pickup) == (
        "B001", "backlog", first.record.id)
    again = pickup.check_in("2024-TNG-000001")
    assert (again.created, again.verified, again.ticket.id) == (False, False, first.ticket.id)
    assert Ticket.select().count() == 1
    assert "Budi" not in str(first.to_dict())


def test_a_repeated_check_in_request_returns_the_first_check_in(
        shelf: dict[str, str]) -> None:
    first = pickup.check_in(shelf["000001"], request_id="kiosk-1")
    again = pickup.check_in(shelf["000001"], request_id="kiosk-1")
    assert again == first and again.record.id is not None
    assert Ticket.select().count() == 1
    stored = RequestLog.get(RequestLog.request_id == "kiosk-1").result
    assert "Budi" not in stored and "X1234567" not in stored  # ids, not personal data


def test_check_in_after_a_no_show_gives_a_new_ticket(shelf: dict[str, str]) -> None:
    first = pickup.check_in(shelf["000001"])
    engine.call_next(5)
    engine.no_show(first.ticket.id, 5)
    second = pickup.check_in(shelf["000001"])
    assert second.created and second.ticket.number == "B002"


def test_check_in_is_refused_for_passports_not_ready(shelf: dict[str, str]) -> None:
    with pytest.raises(Refused) as err:
        pickup.check_in(shelf["000002"])
    assert err.value.code == "pickup_not_ready" and "04/07/2024" in err.value.message()
    give(shelf["000001"])
    with pytest.raises(Refused) as err:
        pickup.check_in(shelf["000001"])
    assert err.value.code == "pickup_already_collected"
    assert Ticket.select().count() == 0


# --- ticket codes -------------------------------------------------------------------------


def test_a_scanned_ticket_code_calls_that_ticket(shelf: dict[str, str]) -> None:
    engine.issue_ticket("A")
    second = engine.issue_ticket("A")
    called = engine.call_scanned(engine.ticket_code("A002").lower() + "\r\n", 2)
    assert (called.id, called.status, called.counter) == (second.id, "called", 2)
    with pytest.raises(Refused) as err:
        engine.call_scanned(shelf["000001"], 2)
    assert err.value.code == "scan_is_pickup"
    with pytest.raises(InvalidInput):
        engine.call_scanned("LK1.T.1.AAAAAAAAAAAAAAAA", 3)


def test_a_ticket_code_from_another_day_is_not_called(
        shelf: dict[str, str], travel: Callable[[dt.datetime], None]) -> None:
    ticket = engine.issue_ticket("A")
    code = engine.ticket_code(ticket.id)
    travel(NOW + dt.timedelta(days=1))
    with pytest.raises(NotFound):
        engine.call_scanned(code, 2)


# --- deadline -----------------------------------------------------------------------------


def test_overdue_passports_are_listed_and_cancelled_by_a_supervisor(
        shelf: dict[str, str]) -> None:
    assert [v.application_no for v in pickup.overdue()] == ["2024-TNG-000004"]
    with pytest.raises(Refused):
        pickup.cancel_overdue("petugas1")
    assert pickup.cancel_overdue("supervisor") == ["2024-TNG-000004"]
    assert pickup.overdue() == [] and pickup.cancel_overdue("supervisor") == []
    assert pickup.verify(shelf["000004"]).reason == "pickup_cancelled"
    entry = AuditEntry.get(AuditEntry.action == "pickup_overdue_cancelled")
    assert "2024-TNG-000004" in entry.details


def test_batch_progress_counts_every_status(shelf: dict[str, str]) -> None:
    give(shelf["000001"])
    backlog.import_backlog(b"no_permohonan,nama,status\n2024-TNG-000009,Eka,siap\n",
                           officer=setup_admin())
    juni, regular = sorted(pickup.batches(), key=lambda b: b.batch, reverse=True)
    assert (juni.batch, juni.total, juni.printing, juni.ready, juni.overdue, juni.collected,
            juni.cancelled) == ("Backlog PDN Juni 2024", 4, 2, 1, 1, 1, 0)
    assert (regular.batch, regular.total, regular.ready) == ("", 1, 1)


def test_the_signing_secret_is_per_office(shelf: dict[str, str]) -> None:
    code = shelf["000001"]
    # Another office's database: the same record id, its own secret.
    SigningKey.update(value='"' + "ab" * 32 + '"').where(
        SigningKey.key == "signing_secret").execute()
    settings.invalidate_cache()
    assert pickup.verify(code).reason == "scan_bad_signature"


def test_the_demo_office_has_passports_to_hand_over(database_url: str) -> None:
    from app.setup.schema import DEMO_PASSPORTS, init_database
    from app.storage import db as dbmod

    db = dbmod.connect(database_url)
    try:
        init_database(db, demo=True)
        assert PickupRecord.select().count() == len(DEMO_PASSPORTS)
        assert [v.application_no for v in pickup.overdue()] == ["2024-TNG-000009"]
        assert pickup.check_in("2024-TNG-000001").ticket.number == "B001"
        assert pickup.verify("2024-TNG-000010").reason == "pickup_not_ready"
    finally:
        db.close()


def test_a_printed_slip_scans_back_to_a_code_that_verifies(
        office: str, shelf: dict[str, str], tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    from app import cli

    out = tmp_path / "slips.png"
    assert cli.main(["--db", office, "pickup", "slips", "--status", "all-open",
                     "--out", str(out)]) == 0
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(out).convert("L"))]
    assert sorted(decoded) == sorted(shelf.values())  # every ready or printing passport
    for text in decoded:
        v = pickup.verify(text)
        assert v.valid and v.verified and v.record is not None
        assert shelf[v.record.application_no[-6:]] == text


def test_a_counter_holding_another_ticket_is_refused_the_handover_and_nothing_changes(
        shelf: dict[str, str]) -> None:
    """Counter 6 holds C001; the passport's own ticket B002 waits. Handing the passport
    over there would cancel B002 and leave C001 called: refused until C001 is dealt with."""
    engine.issue_ticket("ambil")  # C001, nothing to do with this passport
    own = pickup.check_in(shelf["000001"]).ticket
    unrelated = engine.call_ticket("C001", 6)
    audit_before = AuditEntry.select().count()
    with pytest.raises(Refused) as err:
        give(shelf["000001"], counter=6)
    assert err.value.code == "counter_busy" and err.value.params["number"] == unrelated.number
    assert engine.get_ticket(own.id).status == "waiting"
    assert engine.get_ticket(unrelated.id).status == "called"
    assert pickup.verify(shelf["000001"]).reason is None  # still on the shelf, ready
    assert AuditEntry.select().count() == audit_before
    engine.finish(unrelated.id, 6)
    done = give(shelf["000001"], counter=6)
    assert done.record.status == "collected"


def test_verify_names_no_person(shelf: dict[str, str]) -> None:
    """``pickup verify`` (and its JSON) is printed and logged: no collector, no officer."""
    give(shelf["000001"], counter=6, collector="family", collector_name="Ibu Budi")
    for lang in ("id", "en"):
        check = pickup.verify(shelf["000001"], lang)
        assert check.reason == "pickup_already_collected" and "loket 6" in (
            check.message if lang == "id" else check.message.replace("counter", "loket"))
        assert not [w for w in ("Ibu Budi", "Budi Petugas", "petugas1")
                    if w in check.message]
