"""Messages are written with the event that causes them: once per passport and kind,
to a normalised contact, never with the passport number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.errors import InvalidInput, Refused
from app.notify import outbox
from app.office import officers, retention, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.storage.models import AuditEntry, Notification, PickupRecord
from tests.helpers import NOW
from tests.helpers.people import setup_admin
from tests.unit.notify.conftest import PASSPORTS, SHELF, import_list, weekend_pickups


def messages() -> list[Notification]:
    return list(Notification.select().order_by(Notification.to))


def test_a_passport_ready_with_a_contact_gets_one_message_in_the_import(shelf: str) -> None:
    rows = messages()
    assert [(m.kind, m.to, m.state, m.attempts) for m in rows] == [
        ("passport_ready", "+6281234567890", "pending", 0),
        ("passport_ready", "siti@example.co.id", "pending", 0)]
    budi = rows[0]
    assert budi.pickup_id == PickupRecord.get(PickupRecord.application_no
                                              == "2024-TNG-000001").id
    assert len(budi.id) == 36 and budi.due_at == budi.next_attempt_at == NOW
    assert budi.text.startswith("Yth. Budi Santoso, paspor Anda (permohonan 2024-TNG-000001)"
                                " sudah siap diambil di")
    assert "Batas pengambilan 28/07/2024." in budi.text
    assert not any(number in m.text for m in rows for number in PASSPORTS)
    # The contact went to the record too, normalised; the printing one has no message yet.
    agus = PickupRecord.get(PickupRecord.application_no == "2024-TNG-000003")
    assert agus.contact == "+6281311112222" and agus.status == "printing"

    import_list(SHELF)  # the same list again: nothing new to tell
    assert len(messages()) == 2


def test_a_passport_that_becomes_ready_later_is_told_then_once(shelf: str) -> None:
    later = SHELF.replace("2024-TNG-000003;Agus Salim;C1111111;Rak B-01;;cetak",
                          "2024-TNG-000003;Agus Salim;C1111111;Rak B-01;01/07/2024;siap")
    import_list(later)
    import_list(later)
    agus = [m for m in messages() if m.to == "+6281311112222"]
    assert len(agus) == 1 and "Agus Salim" in agus[0].text and "C1111111" not in agus[0].text
    # A contact that arrives for a passport already on the shelf: told too, once.
    import_list(SHELF.replace("28/06/2024;siap;\n", "28/06/2024;siap;dewi@example.com\n"))
    assert len([m for m in messages() if m.to == "dewi@example.com"]) == 1


def test_a_bad_number_refuses_the_whole_list_naming_the_line(office: str, july: None) -> None:
    bad = SHELF.replace("+62 813-1111-2222", "8131111222")
    with pytest.raises(backlog.ImportRejected) as err:
        import_list(bad)
    assert [(p.line, p.code) for p in err.value.problems] == [(4, "import_bad_contact")]
    assert err.value.lines("id")[0].startswith("baris 4: telepon '8131111222' bukan nomor HP")
    assert "format the phone column as Text" in err.value.lines("en")[0]
    assert PickupRecord.select().count() == 0 and Notification.select().count() == 0


def test_an_import_that_fails_writes_no_message(office: str, july: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the audit write failed")

    monkeypatch.setattr(backlog, "record", broken)
    with pytest.raises(RuntimeError):
        import_list(SHELF)
    assert Notification.select().count() == 0 and PickupRecord.select().count() == 0


def test_an_opt_out_is_kept_across_imports_and_cancels_what_waits(shelf: str) -> None:
    sup = officers.add_officer("sup", "super123!", role="supervisor").id
    assert outbox.opt_out(sup, contact="0812-3456-7890") == 1
    assert outbox.opt_out(sup, application_no="2024-TNG-000002") == 1
    assert {m.state for m in messages()} == {"cancelled"}
    assert {m.why for m in outbox.listing(lang="en")} == {"the applicant asked for no messages"}
    # A new list with the same number does not bring the messages back.
    Notification.delete().execute()
    import_list(SHELF)
    assert messages() == []
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.id)]
    assert actions.count("notify_opted_out") == 2
    assert "0812" not in "".join(e.details for e in AuditEntry.select())
    with pytest.raises(InvalidInput):
        outbox.opt_out(sup, contact="12345")
    clerk = officers.add_officer("clerk", "clerk123!", role="officer").id
    with pytest.raises(Refused):
        outbox.opt_out(clerk, contact="0812-3456-7890")


def test_the_office_wording_and_its_pickup_days_go_into_the_text(
        office: str, july: None) -> None:
    admin = weekend_pickups()
    settings.update_settings(admin, notify_template_passport_ready=(
        "{nama}: paspor {permohonan} siap. Ambil {hari} jam {jam} di {kantor}."))
    import_list(SHELF, batch="Backlog PDN Juni 2024")
    text = messages()[0].text
    assert text == ("Budi Santoso: paspor 2024-TNG-000001 siap. Ambil Sabtu 06/07, Minggu 07/07 "
                    "jam 08:00–15:00 di Kantor Imigrasi Kelas I TPI Tangerang.") or \
        text.endswith("jam 08:00–15:00 di " + settings.get_settings().office_name + ".")
    assert "Sabtu 06/07, Minggu 07/07" in text
    for bad in ("Paspor {paspor} siap", "{nama.__init__.__globals__}"):
        with pytest.raises(InvalidInput):
            settings.update_settings(admin, notify_template_passport_ready=bad)


def test_the_passport_number_never_reaches_a_text_even_typed_into_the_wording(
        office: str, july: None) -> None:
    settings.update_settings(setup_admin(), notify_template_passport_ready=(
        "Halo {nama}, paspor X1234567 siap ({permohonan})."))
    import_list(SHELF)
    budi = messages()[0]
    assert budi.to == "+6281234567890"
    assert budi.text == "Halo Budi Santoso, paspor ******** siap (2024-TNG-000001)."


def test_reminders_come_a_few_days_before_the_collect_by_date_once(
        shelf: str, july: Callable[[dt.datetime], None]) -> None:
    assert outbox.enqueue_collect_by_soon() == 0  # 28/07 is four weeks away
    july(dt.datetime(2024, 7, 25, 3))  # three days before
    assert outbox.enqueue_collect_by_soon() == 2
    assert outbox.enqueue_collect_by_soon() == 0
    soon = [m for m in messages() if m.kind == "collect_by_soon"]
    assert {m.to for m in soon} == {"+6281234567890", "siti@example.co.id"}
    assert "paling lambat 28/07/2024" in soon[0].text and "X1234567" not in soon[0].text


def test_the_purge_takes_the_messages_and_the_contact_with_the_name(
        shelf: str, july: Callable[[dt.datetime], None]) -> None:
    admin = setup_admin()
    pickup.hand_over("2024-TNG-000001", 1, admin, "self", id_checked=True)
    july(NOW + dt.timedelta(days=400))
    retention.purge(admin)
    budi = PickupRecord.get(PickupRecord.application_no == "2024-TNG-000001")
    assert budi.contact is None
    assert [m.to for m in messages()] == ["siti@example.co.id"]
