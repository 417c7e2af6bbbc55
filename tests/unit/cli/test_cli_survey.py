"""``loket survey``: an applicant's answer and the supervisor's IKM from the command line,
on every backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli, spreadsheet
from app.office import officers, survey
from app.office.settings import office_today
from app.storage import db as dbmod
from tests.helpers.people import stdin_lines


def loket(capsys: pytest.CaptureFixture[str], office: str, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", office, *args])
    out, err = capsys.readouterr()
    dbmod.connect(office)  # the command closed its connection; the test reads on
    return code, out, err


def test_answers_once_and_the_supervisors_report_with_csv(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    sup = officers.add_officer("sup", "super123!", role="supervisor").id
    budi = officers.add_officer("budi", "petugas123", full_name="Budi Santoso").id
    for _ in range(2):
        assert loket(capsys, office, "ticket", "issue", "A")[0] == 0
    for number in ("A001", "A002"):
        stdin_lines(monkeypatch, "petugas123")
        assert loket(capsys, office, "--as", "budi", "ticket", "call-next",
                     "--counter", "1")[0] == 0
        assert loket(capsys, office, "ticket", "finish", number, "--counter", "1")[0] == 0
    code, out, _ = loket(capsys, office, "--json", "survey", "answer", "A001", "--scores",
                         "4,4,4,4,4,4,4,4,4", "--comment", "ramah", "--request-id", "r1")
    assert code == 0 and json.loads(out)["form"] == "full"
    # The same request again is the same answer; another is refused in a sentence.
    assert loket(capsys, office, "survey", "answer", "A001", "--scores", "1,1,1,1,1,1,1,1,1",
                 "--request-id", "r1")[0] == 0
    code, _, err = loket(capsys, office, "--lang", "en", "survey", "answer", "A001",
                         "--scores", "1,1,1,1,1,1,1,1,1")
    assert code == 1 and "already been answered" in err
    code, _, err = loket(capsys, office, "survey", "answer", "A002", "--scores", "4,5,4")
    assert code == 2 and "1 sampai 4" in err
    assert loket(capsys, office, "survey", "answer", "A002", "--scores",
                 "3,3,2,3,3,2,3,3,2")[0] == 0

    today = office_today().isoformat()
    stdin_lines(monkeypatch, "petugas123")
    assert loket(capsys, office, "--as", "budi", "survey", "report", "--from", today,
                 "--to", today)[0] == 1
    target = tmp_path / "ikm.csv"
    stdin_lines(monkeypatch, "super123!")
    code, out, _ = loket(capsys, office, "--json", "--as", "sup", "survey", "report",
                         "--from", today, "--to", today, "--by", "counter",
                         "--csv", str(target))
    data = json.loads(out)
    # NRR: 3.5 for the six elements at 4 and 3; 3 for U3, U6, U9 (4 and 2):
    # Σ = 6 × 3.5 + 3 × 3 = 30; IKM = 30 / 9 × 25 = 83.33 (B)
    assert code == 0 and data["official"] is True and "officer" not in data
    assert (data["total"]["ikm"], data["total"]["mutu"], data["total"]["responses"]) == (
        83.33, "B", 2)
    assert [(r["key"], r["ikm"]) for r in data["counter"]] == [("1", 83.33)]
    rep = survey.report(office_today(), office_today(), sup)
    same = survey.to_csv(rep, "counter", "id")  # the window's export
    assert spreadsheet.read_back(target.read_bytes()) == spreadsheet.read_back(same)
    stdin_lines(monkeypatch, "super123!")
    code, out, _ = loket(capsys, office, "--as", "sup", "survey", "report", "--from", today,
                         "--to", today)
    assert code == 0 and "83,33  B Baik" in out and "Per petugas" in out
    assert "Budi Santoso" in out and "Per loket" in out and "Per antrian" in out
    assert survey.report(office_today(), office_today(), sup).officers[0].key == "budi"
    assert budi
