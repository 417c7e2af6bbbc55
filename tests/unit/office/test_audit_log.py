"""Reading the audit log: filters in office time, keyset paging, CSV export, who may read."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import InvalidInput, NotFound, Refused
from app.office import audit, audit_log, officers
from app.office import settings as office_settings
from app.office.audit_log import AuditFilter
from app.storage.models import AuditEntry, Officer
from app.storage.transactions import run_in_transaction
from tests.helpers import NOW
from tests.helpers.people import setup_admin

JULY_1 = dt.date(2024, 7, 1)


@pytest.fixture
def people(office: str, travel: Callable[[dt.datetime], None]) -> dict[str, int]:
    travel(NOW)
    ids = {role: officers.add_officer(role, "rahasia-123", role=role,
                                      full_name=f"{role.title()} Satu").id
           for role in ("officer", "supervisor")}
    ids["petugas2"] = officers.add_officer("petugas2", "rahasia-123", full_name="Ani Dua").id
    return ids


def write(at: dt.datetime, action: str, officer: int | None = None, counter: int | None = None,
          subject: str = "", **details: object) -> int:
    def work() -> int:
        entry = AuditEntry.create(at=at, action=action, officer=officer, counter=counter,
                                  subject=subject, details=json.dumps(details))
        return int(entry.id)

    return run_in_transaction(work)


def many(count: int, action: str = "pickup_handed_over", start: dt.datetime = NOW,
         officer: int | None = None, counter: int | None = None) -> list[int]:
    """``count`` entries a second apart, written in one transaction; their ids."""

    def work() -> list[int]:
        return [int(AuditEntry.create(at=start + dt.timedelta(seconds=i), action=action,
                                      officer=officer, counter=counter,
                                      subject=f"2024-TNG-{i:06d}").id) for i in range(count)]

    return run_in_transaction(work)


def ids(viewer: int, filt: AuditFilter | None = None) -> list[int]:
    return [r.id for r in audit_log.entries(viewer, filt, limit=1000).rows]


def everything(viewer: int, filt: AuditFilter | None = None, limit: int = 200) -> list[int]:
    """Every matching id, page by page with "older"."""
    seen: list[int] = []
    page = audit_log.entries(viewer, filt, limit=limit)
    while True:
        seen += [r.id for r in page.rows]
        if not page.has_older:
            return seen
        page = audit_log.entries(viewer, filt, older_than=page.rows[-1].id, limit=limit)


# --- filters -----------------------------------------------------------------------------


def test_dates_are_the_office_s_local_dates(people: dict[str, int]) -> None:
    sup = people["supervisor"]
    before = write(dt.datetime(2024, 6, 30, 16, 59), "login")  # 30 June 23:59 WIB
    first = write(dt.datetime(2024, 6, 30, 17, 0), "login")  # 1 July 00:00 WIB
    last = write(dt.datetime(2024, 7, 1, 16, 59, 59), "login")  # 1 July 23:59:59 WIB
    after = write(dt.datetime(2024, 7, 1, 17, 0), "login")  # 2 July 00:00 WIB
    only_july_1 = AuditFilter(date_from=JULY_1, date_to=JULY_1, action="login")
    assert ids(sup, only_july_1) == [last, first]
    assert ids(sup, AuditFilter(date_from=dt.date(2024, 7, 2), action="login")) == [after]
    assert ids(sup, AuditFilter(date_to=dt.date(2024, 6, 30), action="login")) == [before]
    row = audit_log.entries(sup, only_july_1).rows[1]
    assert row.local == dt.datetime(2024, 7, 1, 0, 0) and row.at == dt.datetime(2024, 6, 30, 17)
    # An office in central Indonesia (UTC+8) draws the line an hour earlier.
    office_settings.update_settings(setup_admin(), timezone="Asia/Makassar")
    assert ids(sup, only_july_1) == [first, before]


def test_officer_counter_action_and_text_filters(people: dict[str, int]) -> None:
    sup, one, two = people["supervisor"], people["officer"], people["petugas2"]
    a = write(NOW, "pickup_handed_over", one, 5, "2024-TNG-000001", collector="self")
    b = write(NOW, "pickup_handed_over", two, 6, "2024-TNG-000002")
    c = write(NOW, "login", one, 5, "officer")
    d = write(NOW, "login_failed", None, 6, "100%_sure")
    e = write(NOW, "settings_changed", sup, None, "", office_name="Kantor")
    assert ids(sup, AuditFilter(officer=one)) == [c, a]
    assert ids(sup, AuditFilter(counter=6)) == [d, b]
    assert ids(sup, AuditFilter(action="pickup_handed_over")) == [b, a]
    assert ids(sup, AuditFilter(text="tng-00000")) == [b, a]  # any case, any part
    assert ids(sup, AuditFilter(text="  2024-TNG-000002 ")) == [b]
    assert ids(sup, AuditFilter(text="%_")) == [d]  # wildcards are plain characters
    assert ids(sup, AuditFilter(text="0%")) == [d]
    assert ids(sup, AuditFilter(officer=one, counter=5, action="login")) == [c]
    assert ids(sup, AuditFilter(officer=two, action="login")) == []
    everyone = ids(sup)
    assert everyone[:5] == [e, d, c, b, a]
    row = audit_log.entries(sup, AuditFilter(officer=one, action="pickup_handed_over")).rows[0]
    assert (row.officer, row.officer_name, row.counter, row.details) == (
        "officer", "Officer Satu", 5, {"collector": "self"})
    # In words, in the language asked (Indonesian by default); codes and flags too.
    assert row.details_text() == "pengambil: pemilik paspor"
    assert row.details_text("en") == "collector: the holder"
    assert audit_log.details_text({"a": None, "b": [1, 2], "c": True, "d": {"x": 1}}) == \
        "a: –; b: 1, 2; c: ya; d: {x: 1}"
    assert audit_log.details_text({"role": "officer", "id_checked": False,
                                   "before": "2024-07-01"}, "en") == \
        "role: officer; ID checked: no; before: 01/07/2024"
    assert audit_log.details_text({"backup_daily": False, "reason": "prayer"}) == \
        "cadangan harian: tidak; alasan: ibadah"
    # A moment in the details is stored in UTC and read in the office's time, as the
    # entry's own time is (the restore's "backup made at 07:58" was UTC beside 14:58).
    restored = write(NOW, "database_restored", sup, None, "loket.sqlite3",
                     backup_made_at="2024-07-01T00:58:00", collected_at="2024-07-01T03:00:00")
    row = next(r for r in audit_log.entries(sup).rows if r.id == restored)
    assert row.details_text() == "cadangan dibuat: 01/07/2024 07:58; " \
        "diambil pada: 01/07/2024 10:00"
    assert audit_log.details_text({"backup_made_at": "2024-07-01T00:58:00"}) == \
        "cadangan dibuat: 01/07/2024 00:58"  # no zone given: as stored


def test_filter_choices_offer_what_the_log_holds(people: dict[str, int]) -> None:
    write(NOW, "counter_closed", people["supervisor"], 42)
    choices = audit_log.filter_choices(people["supervisor"])
    assert [u for _, u, _ in choices.officers] == ["officer", "petugas2", "supervisor"]
    assert 42 in choices.counters and {1, 2, 3, 4, 5, 6} <= set(choices.counters)
    assert "counter_closed" in choices.actions and "officer_added" in choices.actions


def test_a_bad_filter_is_refused_in_plain_words(people: dict[str, int]) -> None:
    with pytest.raises(InvalidInput) as err:
        audit_log.entries(people["supervisor"],
                      AuditFilter(date_from=dt.date(2024, 7, 2), date_to=JULY_1))
    assert err.value.code == "audit_dates_reversed"
    assert "2024-07-02" in err.value.message("en")
    with pytest.raises(InvalidInput) as err:
        audit_log.entries(people["supervisor"], AuditFilter(text="x" * 101))
    assert err.value.code == "audit_text_too_long"


# --- paging ------------------------------------------------------------------------------


def test_pages_have_no_gaps_or_repeats_while_entries_arrive(people: dict[str, int]) -> None:
    sup = people["supervisor"]
    base = AuditEntry.select().count()
    first_ids = many(450, officer=people["officer"], counter=5)
    page = audit_log.entries(sup, limit=200)
    assert page.has_older and not page.has_newer
    seen = [r.id for r in page.rows]
    assert seen == sorted(first_ids, reverse=True)[:200]
    arrived = many(30, start=NOW + dt.timedelta(hours=1))  # while the supervisor reads
    while page.has_older:
        page = audit_log.entries(sup, older_than=page.rows[-1].id, limit=200)
        seen += [r.id for r in page.rows]
        arrived += many(7, start=NOW + dt.timedelta(hours=2))
    assert len(seen) == len(set(seen)) == 450 + base
    assert seen == sorted(seen, reverse=True)
    assert set(first_ids) <= set(seen) and not set(arrived) & set(seen)
    # "Newer" from the first page reaches everything written since, newest first.
    newest_seen = max(first_ids)
    page = audit_log.entries(sup, newer_than=newest_seen, limit=20)
    newer: list[int] = []
    while True:
        assert page.rows == sorted(page.rows, key=lambda r: -r.id)
        newer = [r.id for r in page.rows] + newer
        if not page.has_newer:
            break
        page = audit_log.entries(sup, newer_than=page.rows[0].id, limit=20)
    assert newer == sorted(arrived, reverse=True) and page.has_older


def test_paging_a_filter_keeps_to_the_filter(people: dict[str, int]) -> None:
    sup = people["supervisor"]
    mine = many(120, action="login", officer=people["petugas2"])
    many(90, action="logout", officer=people["petugas2"])
    filt = AuditFilter(action="login", officer=people["petugas2"])
    assert everything(sup, filt, limit=50) == sorted(mine, reverse=True)
    page = audit_log.entries(sup, filt, older_than=min(mine))
    assert (page.rows, page.has_older, page.has_newer) == ([], False, True)


# --- export ------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))  # Indonesian Excel's separator


def test_the_export_holds_exactly_the_filtered_entries(
        people: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sup, one = people["supervisor"], people["officer"]
    monkeypatch.setattr(audit_log, "EXPORT_STEP_ROWS", 7)  # many steps, as with a big log
    handed = many(40, officer=one, counter=5)
    many(25, action="login", officer=one, counter=5)
    tricky = write(NOW, "login_failed", None, 5, "=HYPERLINK(\"http://x\")")
    write(NOW, "pickup_handed_over", people["petugas2"], 6, "Sri \"Ani\", Jl. Melati; Café")
    filt = AuditFilter(officer=one, action="pickup_handed_over", date_from=JULY_1)
    target = tmp_path / "audit.csv"
    count = audit_log.export_csv(sup, filt, target, action_names={"pickup_handed_over":
                                                               "paspor diserahkan"}, lang="en")
    rows = read_csv(target)
    assert rows[0] == ["no", "time", "action_code", "action", "officer", "officer_name",
                       "counter", "subject", "details"]
    assert count == 40 == len(rows) - 1
    assert [int(r[0]) for r in rows[1:]] == sorted(handed, reverse=True) == everything(sup, filt)
    assert rows[-1][1:] == ["2024-07-01 10:00:00", "pickup_handed_over", "paspor diserahkan",
                            "officer", "Officer Satu", "5", "2024-TNG-000000", ""]
    assert not (tmp_path / "audit.csv.part").exists()

    # Text that a spreadsheet would run as a formula arrives as text; quotes survive.
    every = tmp_path / "semua.csv"
    audit_log.export_csv(sup, AuditFilter(counter=5, action="login_failed"), every, lang="id")
    rows = read_csv(every)
    assert rows[0][:3] == ["no", "waktu", "kode_tindakan"]
    assert [int(rows[1][0]), rows[1][7]] == [tricky, "'=HYPERLINK(\"http://x\")"]
    audit_log.export_csv(sup, AuditFilter(counter=6), every)
    assert read_csv(every)[1][7] == "Sri \"Ani\", Jl. Melati; Café"

    # Each export is itself in the log, with the filter and how many rows left.
    done = (AuditEntry.select().where(AuditEntry.action == "audit_exported")
            .order_by(AuditEntry.id).first())
    assert done.officer_id == sup and done.subject == "audit.csv"
    assert json.loads(done.details) == {"rows": 40, "filter": {
        "officer": one, "action": "pickup_handed_over", "date_from": "2024-07-01"}}


def test_an_export_that_cannot_be_written_leaves_no_file(
        people: dict[str, int], tmp_path: Path) -> None:
    many(3)
    target = tmp_path / "missing-folder" / "audit.csv"
    with pytest.raises(InvalidInput) as err:
        audit_log.export_csv(people["supervisor"], None, target)
    assert err.value.code == "audit_export_unwritable"
    assert not target.parent.exists()
    assert not AuditEntry.select().where(AuditEntry.action == "audit_exported").exists()


# --- who may read ------------------------------------------------------------------------


def test_only_supervisors_and_admins_read_or_export_the_log(
        people: dict[str, int], tmp_path: Path) -> None:
    many(3)
    for viewer, code in ((people["officer"], "needs_supervisor"), (None, "needs_supervisor")):
        with pytest.raises(Refused) as err:
            audit_log.entries(viewer)
        assert err.value.code == code
        with pytest.raises(Refused):
            audit_log.filter_choices(viewer)
        with pytest.raises(Refused):
            audit_log.export_csv(viewer, None, tmp_path / "x.csv")
        assert not (tmp_path / "x.csv").exists()
    # A supervisor deactivated a minute ago is refused at the next read.
    run_in_transaction(lambda: Officer.update(active=False).where(
        Officer.id == people["supervisor"]).execute())
    with pytest.raises(NotFound):
        audit_log.entries(people["supervisor"])
    admin = officers.add_officer("admin", "rahasia-123", role="admin").id
    assert len(audit_log.entries(admin).rows) >= 3


@pytest.mark.parametrize("module", [audit, audit_log])
def test_the_module_offers_no_way_to_change_the_log(module: object) -> None:
    names = {n for n in dir(module) if not n.startswith("_")}
    assert not {n for n in names if n.startswith(("update", "delete", "remove", "purge",
                                                  "edit"))}
