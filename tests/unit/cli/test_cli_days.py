"""``loket day-profile``: the 2024 pickup-only weekend from the command line."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from app import cli
from app.office import officers
from app.storage import db as dbmod
from app.storage.models import AuditEntry
from tests.helpers.people import stdin_lines

SATURDAY = dt.datetime(2024, 7, 6, 3, 0)  # 10:00 in Jakarta
MONDAY = dt.datetime(2024, 7, 8, 3, 0)
WEEKEND = "Akhir pekan"


def loket(capsys: pytest.CaptureFixture[str], office: str, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", office, *args])
    out, err = capsys.readouterr()
    dbmod.connect(office)  # the command closed its connection; the test reads on
    return code, out, err


@pytest.fixture
def sup(office: str) -> str:
    officers.add_officer("sup", "super123!", role="supervisor")
    return "sup"


def as_sup(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_lines(monkeypatch, "super123!")


def test_the_pickup_weekend_is_set_scheduled_and_followed(
        office: str, sup: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, travel: Callable[[dt.datetime], None]) -> None:
    travel(SATURDAY)
    as_sup(monkeypatch)
    code, out, _ = loket(capsys, office, "--as", sup, "day-profile", "set", WEEKEND,
                         "--open", "B,C", "--hours", "08:00-15:00",
                         "--counter", "1,2,3,4=C,B", "--counter", "5=B,C", "--counter", "6=C,B")
    assert code == 0 and WEEKEND in out
    for day in ("sat", "sun"):
        as_sup(monkeypatch)
        assert loket(capsys, office, "--as", sup, "day-profile", "schedule", WEEKEND,
                     "--on", day)[0] == 0
    code, out, _ = loket(capsys, office, "day-profile", "show", "--json")
    shown = json.loads(out)
    assert shown["profile"] == WEEKEND and shown["scheduled_by"] == "sat"
    weekend = next(p for p in shown["profiles"] if p["name"] == WEEKEND)
    assert (weekend["open"], weekend["hours"], weekend["scheduled_on"]) == (
        ["B", "C"], "08:00-15:00", ["sat", "sun"])
    assert weekend["counters"]["4"] == ["C", "B"]
    assert json.loads(loket(capsys, office, "status", "--json")[1])["profile"] == WEEKEND

    code, out, err = loket(capsys, office, "ticket", "issue", "A")
    assert code == 1 and out == ""
    assert err.strip() == ("loket: Layanan A tidak dibuka hari ini. Dibuka kembali "
                           "Senin, 08/07/2024.")
    code, _, err = loket(capsys, office, "--lang", "en", "ticket", "issue", "A")
    assert code == 1 and "opens again Monday 08/07/2024" in err
    assert loket(capsys, office, "ticket", "issue", "B")[0] == 0
    code, out, _ = loket(capsys, office, "ticket", "call-next", "--counter", "4", "--json")
    assert code == 0 and json.loads(out)["number"] == "B001"

    travel(SATURDAY.replace(hour=9))  # 16:00: after the cut-off
    code, _, err = loket(capsys, office, "ticket", "issue", "C")
    assert code == 1 and "ditutup pukul 15:00" in err and "Minggu, 07/07/2024 pukul 08:00" in err

    travel(MONDAY)
    assert json.loads(loket(capsys, office, "status", "--json")[1])["profile"] == "default"
    assert loket(capsys, office, "ticket", "issue", "A")[0] == 0
    code, out, _ = loket(capsys, office, "day-profile", "show", "--date", "2024-07-07")
    assert code == 0 and out.startswith(f"07/07/2024: {WEEKEND} (Minggu)")
    assert "pada Sabtu,Minggu" in out  # the schedule in words, as a person types it

    as_sup(monkeypatch)
    assert loket(capsys, office, "--as", sup, "day-profile", "unschedule", "--on", "sun")[0] == 0
    code, out, _ = loket(capsys, office, "day-profile", "show", "--date", "2024-07-07",
                         "--json")
    assert json.loads(out)["profile"] == "default"
    assert AuditEntry.select().where(AuditEntry.action.startswith("day_profile")).count() == 4


def test_changing_needs_a_signed_in_supervisor_and_bad_input_is_usage(
        office: str, sup: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = loket(capsys, office, "day-profile", "schedule", "default", "--on", "sun")
    assert code == 2 and "--as" in err
    officers.add_officer("budi", "petugas123")
    stdin_lines(monkeypatch, "petugas123")
    code, _, err = loket(capsys, office, "--as", "budi", "day-profile", "set", "x",
                         "--open", "B")
    assert code == 1 and err.count("\n") == 1
    for bad in (["--hours", "15-08"], ["--counter", "satu=B"], ["--open", "Z"]):
        as_sup(monkeypatch)
        code, _, err = loket(capsys, office, "--as", sup, "day-profile", "set", "x", *bad)
        assert code in (1, 2) and "Traceback" not in err and err.count("\n") == 1
    as_sup(monkeypatch)
    code, _, err = loket(capsys, office, "--as", sup, "day-profile", "schedule", "x",
                         "--on", "someday")
    assert code == 2 and "YYYY-MM-DD" in err
