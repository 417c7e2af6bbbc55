"""The hall's rules from the command line: a no-show put back in line."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.office import officers
from app.storage import db as dbmod
from app.storage.models import AuditEntry
from tests.helpers.people import stdin_lines


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code = cli.main(["--db", url, "--json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else {}), err


def test_requeue_a_no_show_signed_in(office: str, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    rina = officers.add_officer("rina", "petugas123")
    run(capsys, office, "ticket", "issue", "A")
    run(capsys, office, "ticket", "call-next", "--counter", "2")
    code, body, err = run(capsys, office, "ticket", "requeue", "A001", "--counter", "2")
    assert code == 1 and body["error"] == "requeue_not_no_show"
    assert "hanya nomor yang ditandai tidak hadir" in err
    run(capsys, office, "ticket", "no-show", "A001", "--counter", "2")
    stdin_lines(monkeypatch, "petugas123")
    code, body, _ = run(capsys, office, "--as", "rina", "ticket", "requeue", "A001",
                        "--counter", "2", "--request-id", "late-1")
    assert code == 0 and body["number"] == "A001" and body["status"] == "waiting"
    stdin_lines(monkeypatch, "petugas123")
    code, again, _ = run(capsys, office, "--as", "rina", "ticket", "requeue", "A001",
                         "--counter", "2", "--request-id", "late-1")
    assert code == 0 and again == body
    dbmod.connect(office)  # the command closed its connection
    entry = AuditEntry.get(AuditEntry.action == "ticket_requeued")
    assert entry.officer_id == rina.id and entry.counter == 2
    assert cli.main(["--db", office, "--lang", "en", "ticket", "requeue", "A001"]) == 1
    assert "only a ticket marked as no-show" in capsys.readouterr().err


def test_pause_and_resume_a_counter(office: str, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    officers.add_officer("rina", "petugas123")
    run(capsys, office, "ticket", "issue", "A")
    stdin_lines(monkeypatch, "petugas123")
    code, body, _ = run(capsys, office, "--as", "rina", "counter", "pause", "2",
                        "--reason", "break", "--request-id", "brk-1")
    assert code == 0 and body["counter"] == 2 and body["reason"] == "break"
    assert body["ended_at"] is None
    code, body, err = run(capsys, office, "ticket", "call-next", "--counter", "2")
    assert code == 1 and body["error"] == "counter_paused" and "istirahat" in err
    code, body, err = run(capsys, office, "counter", "pause", "2", "--reason", "prayer")
    assert code == 1 and body["error"] == "counter_already_paused"
    code, body, _ = run(capsys, office, "counter", "resume", "2")
    assert code == 0 and body["ended_at"] is not None
    code, body, _ = run(capsys, office, "ticket", "call-next", "--counter", "2")
    assert code == 0 and body["number"] == "A001"
    code, body, err = run(capsys, office, "counter", "pause", "2", "--reason", "lunch")
    assert code == 2 and body["error"] == "pause_reason_bad" and "prayer (ibadah)" in err


def test_the_program_hands_counter_actions_to_the_core(
        office: str, capsys: pytest.CaptureFixture[str]) -> None:
    from ui import main as program

    assert program.main(["--db", office, "--json", "counter", "pause", "3",
                         "--reason", "system"]) == 0
    assert json.loads(capsys.readouterr().out)["reason"] == "system"
