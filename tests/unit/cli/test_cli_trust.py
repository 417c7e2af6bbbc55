"""Commands that act as someone sign in; reports and the audit log for Excel; hostile
input ends with exit 2 and one sentence."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import cli, spreadsheet
from app.office import officers
from app.storage import db as dbmod
from app.storage.models import AuditEntry, Officer, Setting
from tests.helpers.people import stdin_lines


@pytest.fixture
def people(office: str) -> dict[str, int]:
    return {"kepala": officers.add_officer("kepala", "admin12345", role="admin").id,
            "sup": officers.add_officer("sup", "super123!", role="supervisor").id,
            "budi": officers.add_officer("budi", "petugas123").id}


def loket(capsys: pytest.CaptureFixture[str], office: str, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", office, *args])
    out, err = capsys.readouterr()
    dbmod.connect(office)  # the command closed its connection; the test reads on
    return code, out, err


def test_officer_on_trust_is_gone(office: str, people: dict[str, int],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = loket(capsys, office, "settings", "set", "office_name", "X",
                         "--officer", "kepala")
    assert code == 2 and "--as" in err and err.count("\n") == 1
    code, _, err = loket(capsys, office, "settings", "set", "office_name", "X")
    assert code == 2 and "--as" in err and "Traceback" not in err


def test_a_wrong_password_acts_not_and_is_audited(office: str, people: dict[str, int],
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_lines(monkeypatch, "salah-sandi")
    code, _, err = loket(capsys, office, "--as", "kepala", "settings", "set", "office_name", "X")
    assert code == 1 and "kata sandi salah" in err
    assert Setting.get(Setting.key == "office_name").value != '"X"'
    assert AuditEntry.select().where(AuditEntry.action == "login_failed").count() == 1


def test_roles_are_checked_for_the_signed_in_officer(office: str, people: dict[str, int],
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_lines(monkeypatch, "petugas123", "rahasia-baru-1")
    code, _, err = loket(capsys, office, "--as", "budi", "officer", "add", "mallory",
                         "--role", "admin")
    assert code == 1 and not Officer.select().where(Officer.username == "mallory").exists()
    stdin_lines(monkeypatch, "petugas123")
    assert loket(capsys, office, "--as", "budi", "settings", "rotate-key")[0] == 1
    stdin_lines(monkeypatch, "super123!")
    assert loket(capsys, office, "--as", "sup", "settings", "set", "office_name", "Kanim")[0] == 0
    changed = AuditEntry.select().where(AuditEntry.action == "settings_changed").get()
    assert changed.officer_id == people["sup"]  # audited under who signed in
    # Without --as, only an office's very first account may be made.
    stdin_lines(monkeypatch, "rahasia-baru-1")
    code, _, err = loket(capsys, office, "officer", "add", "mallory", "--role", "admin")
    assert code == 1 and "--as" in err


def test_set_password_reads_the_new_one_from_the_next_line(
        office: str, people: dict[str, int], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_lines(monkeypatch, "admin12345", "sandi-baru-budi")
    assert loket(capsys, office, "--as", "kepala", "officer", "set-password", "budi")[0] == 0
    assert officers.authenticate("budi", "sandi-baru-budi").id == people["budi"]
    stdin_lines(monkeypatch, "admin12345")  # no second line
    code, _, err = loket(capsys, office, "--as", "kepala", "officer", "set-password", "budi")
    assert code == 2 and "baris 2" in err


def test_guessing_by_running_again_is_throttled(office: str, people: dict[str, int],
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli import signin

    now = [1_000_000.0]  # the throttle's clock stands still: no wall time in the test
    monkeypatch.setattr(signin.time, "time", lambda: now[0])
    for _ in range(4):
        stdin_lines(monkeypatch, "tebakan")
        assert loket(capsys, office, "--as", "kepala", "purge", "--dry-run")[0] == 1
    stdin_lines(monkeypatch, "admin12345")  # the right one, too soon: not even checked
    code, _, err = loket(capsys, office, "--as", "kepala", "purge", "--dry-run")
    assert code == 1 and "detik" in err
    assert (signin.throttle_file().stat().st_mode & 0o777) == 0o600
    now[0] += 3600
    stdin_lines(monkeypatch, "admin12345")
    assert loket(capsys, office, "--as", "kepala", "purge", "--dry-run")[0] == 0


def test_report_and_audit_for_excel(office: str, people: dict[str, int], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from app.office import reports
    from app.office.settings import office_today

    Officer.update(full_name="=HYPERLINK(\"http://x\")").where(
        Officer.id == people["budi"]).execute()
    day = office_today()
    today = day.isoformat()
    stdin_lines(monkeypatch, "petugas123")
    assert loket(capsys, office, "--as", "budi", "report", "--from", today, "--to", today)[0] == 1
    target = tmp_path / "laporan.csv"
    stdin_lines(monkeypatch, "super123!")
    code, out, _ = loket(capsys, office, "--json", "--as", "sup", "report", "--from", today,
                         "--to", today, "--csv", str(target))
    assert code == 0 and json.loads(out)["start"] == today
    same = reports.to_csv(reports.report(day, day, people["sup"]), "id")  # the window's
    assert spreadsheet.read_back(target.read_bytes()) == spreadsheet.read_back(same)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")

    log = tmp_path / "audit.csv"
    stdin_lines(monkeypatch, "super123!")
    code, out, _ = loket(capsys, office, "--as", "sup", "audit", "--from", today, "--to", today,
                         "--csv", str(log))
    assert code == 0
    rows = spreadsheet.read_back(log.read_bytes())
    assert rows[0][:3] == ["no", "waktu", "kode_tindakan"]
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    stdin_lines(monkeypatch, "super123!")
    code, out, _ = loket(capsys, office, "--json", "--as", "sup", "audit", "--from", today,
                         "--to", today)
    assert code == 0 and {e["action"] for e in json.loads(out)["entries"]} >= {"login"}
    code, _, err = loket(capsys, office, "--as", "sup", "audit", "--from", "kemarin",
                         "--to", today)
    assert code == 2 and "kemarin" in err


HOSTILE = [
    ["ticket", "issue", "A\udcff"],
    ["ticket", "call-next", "--counter", "9" * 40],
    ["ticket", "call-next", "--counter", "99999999999"],
    ["ticket", "issue", "A", "--request-id", "r" * 65],
    ["events", "--limit", "-5"],
    ["events", "--after", "-1"],
    ["backlog", "batches", "--as", "x" * 5000],
    ["verify-backup", "x" * 300],
    ["verify-backup", str(Path("/tmp") / ("x" * 300) / "y")],
    ["pickup", "slips", "--out", "/tmp/" + "y" * 300 + ".pdf"],
    ["backup", "/tmp/loket-\udcff-folder"],
]


@pytest.mark.parametrize("words", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_exits_2_with_one_sentence(office: str, words: list[str],
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_lines(monkeypatch, "")
    code, _, err = loket(capsys, office, *words)
    assert code == 2, err
    assert "Traceback" not in err and "Logging error" not in err
    assert err.startswith("loket: ") and err.count("\n") == 1


def test_stdin_that_is_not_text_is_refused(office: str, people: dict[str, int],
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"\xff\xfe sandi\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    code, _, err = loket(capsys, office, "--as", "kepala", "purge", "--dry-run")
    assert code == 2 and "UTF-8" in err


WORDS = st.sampled_from([
    "ticket", "issue", "call-next", "call", "cancel", "transfer", "A", "A001", "--counter",
    "1", "-5", "99999999999999999999", "--request-id", "events", "--limit", "--after",
    "pickup", "verify", "hand-over", "backlog", "import", "settings", "set", "show",
    "office_name", "officer", "add", "list", "--as", "kepala", "report", "audit", "--from",
    "--to", "2024-07-01", "--csv", "--json", "--lang", "en", "status", "purge", "--dry-run",
    "--officer", "x" * 300, "\udcff", "=1+1", "", "--to-queue", "W", "housekeeping"])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=8),
       stdin=st.binary(max_size=40))
def test_no_input_makes_an_internal_error(office: str, tmp_path: Path, words: list[str],
                                          stdin: bytes) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)  # a --csv written by chance lands here
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        try:
            code = cli.main(["--db", office, *words])
        except SystemExit as exc:  # argparse's usage errors and --help
            code = exc.code if isinstance(exc.code, int) else 2
        err = sys.stderr.getvalue()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        os.chdir(cwd)
    assert code in {0, 1, 2, 3}, (words, err)
    assert "Traceback" not in err and "Logging error" not in err, (words, err)
