"""The command line: JSON output, exit codes, plain one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from tests.helpers.people import stdin_lines


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code = cli.main(["--db", url, "--json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else {}), err


def test_a_counter_day_from_the_command_line(office: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, t, _ = run(capsys, office, "ticket", "issue", "A")
    assert code == 0 and t["number"] == "A001" and t["queue"] == "paspor" and t["id"]
    code, t, _ = run(capsys, office, "ticket", "call-next", "--counter", "2")
    assert code == 0 and t["number"] == "A001" and t["counter"] == 2
    for action in ("recall", "start", "finish"):
        code, t, _ = run(capsys, office, "ticket", action, "A001", "--counter", "2")
        assert code == 0, action
    assert t["status"] == "done"
    code, status, _ = run(capsys, office, "status")
    assert code == 0 and {q["prefix"] for q in status["queues"]} == {"A", "B", "C", "P", "W"}


def test_empty_queue_exits_1_with_a_sentence(office: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, body, err = run(capsys, office, "ticket", "call-next", "--counter", "1")
    assert code == 1
    assert body["error"] == "nothing_waiting"
    assert "Tidak ada antrian" in err and "Traceback" not in err
    assert cli.main(["--db", office, "--lang", "en", "ticket", "call-next", "--counter", "1"]) == 1
    assert "No one is waiting" in capsys.readouterr().err


def test_json_flag_after_the_command(office: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", office, "ticket", "issue", "B", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["number"] == "B001"


def test_request_id_on_the_command_line(office: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, office, "ticket", "issue", "A", "--request-id", "r-1")[1]
    again = run(capsys, office, "ticket", "issue", "A", "--request-id", "r-1")[1]
    assert first == again


def test_transfer_and_cancel(office: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, office, "ticket", "issue", "A")
    code, t, _ = run(capsys, office, "ticket", "transfer", "A001", "--to-queue", "W")
    assert code == 0 and t["service_queue"] == "wna"
    code, t, _ = run(capsys, office, "ticket", "cancel", "A001", "--reason", "left")
    assert code == 0 and t["status"] == "cancelled"


def test_officer_add_reads_password_from_stdin(office: str, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("kata-sandi-kepala\n"))
    code, o, _ = run(capsys, office, "officer", "add", "kepala", "--role", "admin")
    assert code == 0 and o["role"] == "admin"  # the office's first account: nobody to sign in as
    # Then the admin signs in (line 1) and gives the new account's password (line 2).
    monkeypatch.setattr(sys, "stdin", io.StringIO("kata-sandi-kepala\nkata-sandi-rahasia\n"))
    code, o, _ = run(capsys, office, "--as", "kepala", "officer", "add", "rina",
                     "--role", "supervisor")
    assert code == 0 and o["role"] == "supervisor"
    code, body, _ = run(capsys, office, "officer", "list")
    assert [x["username"] for x in body["officers"]] == ["kepala", "rina"]
    assert "kata-sandi-rahasia" not in json.dumps(body)


def test_bad_input_exits_2(office: str, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("x\n"))
    code, body, err = run(capsys, office, "officer", "add", "tono", "--role", "king")
    assert code == 2 and body["error"] == "officer_bad_role"
    with pytest.raises(SystemExit) as exc:
        cli.main(["--db", office, "ticket", "call-next"])  # --counter missing
    assert exc.value.code == 2


def test_uninitialised_database_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, body, err = run(capsys, f"sqlite:///{tmp_path / 'new.db'}", "status")
    assert code == 2 and "loket init-db" in err


def _loket(*args: str, env: dict[str, str] | None = None,
           stdin: str = "") -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          env=full_env, input=stdin, timeout=60)


def test_unreachable_database_exits_3_without_traceback() -> None:
    for url in ("postgresql://loket@127.0.0.1:1/loket", "mysql://root@127.0.0.1:1/loket"):
        proc = _loket("--db", url, "status")
        assert proc.returncode == 3, proc.stderr
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
        assert "tidak dapat dihubungi" in proc.stderr


def test_bad_url_exits_2() -> None:
    proc = _loket("--db", "oracle://x", "status")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_default_database_and_env_variable(tmp_path: Path) -> None:
    """No --db: $LOKET_DB; neither: a SQLite file in the user's data directory."""
    data = tmp_path / "xdg-data"
    env = {"XDG_DATA_HOME": str(data), "XDG_STATE_HOME": str(tmp_path / "xdg-state")}
    env.pop("LOKET_DB", None)
    proc = _loket("init-db", "--demo", env={**env, "LOKET_DB": ""})
    assert proc.returncode == 0, proc.stderr
    assert (data / "loket" / "loket.sqlite3").exists()
    other = tmp_path / "via-env.db"
    proc = _loket("init-db", env={**env, "LOKET_DB": f"sqlite:///{other}"})
    assert proc.returncode == 0 and other.exists()
    proc = _loket("--db", f"sqlite:///{tmp_path / 'flag.db'}", "init-db",
                  env={**env, "LOKET_DB": f"sqlite:///{other}"})
    assert proc.returncode == 0 and (tmp_path / "flag.db").exists()


def test_demo_command_on_a_fresh_machine(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "d"), "XDG_STATE_HOME": str(tmp_path / "s"),
           "LOKET_DB": ""}
    proc = _loket("demo", env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Permohonan Paspor" in proc.stdout and "Loket 5 Pengambilan" in proc.stdout
    proc = _loket("--json", "ticket", "issue", "P", env=env)
    assert json.loads(proc.stdout)["number"] == "P001"
    proc = _loket("officer", "list", env=env)
    assert "admin" in proc.stdout and "petugas1" in proc.stdout


def test_the_pickup_workflow_from_the_command_line(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.office import officers

    officers.add_officer("petugas1", "petugas123")
    officers.add_officer("supervisor", "super123!", role="supervisor")
    good = tmp_path / "juni.csv"
    good.write_bytes("\ufeffNo. Permohonan;Nama;Lokasi;Status\r\n"
                     "2024-TNG-000001;Budi Santoso;Rak A-01;siap\r\n"
                     "2024-TNG-000002;Siti Aminah;Rak A-02;cetak\r\n".encode())
    stdin_lines(monkeypatch, "super123!")
    code, summary, _ = run(capsys, office, "--as", "supervisor", "backlog", "import", str(good),
                           "--batch", "Juni")
    assert code == 0 and (summary["created"], summary["delimiter"]) == (2, ";")
    stdin_lines(monkeypatch, "super123!")
    code, summary, _ = run(capsys, office, "backlog", "import", str(good), "--batch", "Juni",
                           "--as", "supervisor")
    assert code == 0 and summary["unchanged"] == 2

    code, body, _ = run(capsys, office, "pickup", "code", "2024-tng-000001")
    pickup_code = body["code"]
    assert code == 0 and pickup_code.startswith("LK1.P.")
    code, body, _ = run(capsys, office, "pickup", "verify", pickup_code)
    assert code == 0 and body["valid"] and body["verified"] and body["reason"] is None
    assert body["record"]["location"] == "Rak A-01" and "name" not in body["record"]
    code, body, _ = run(capsys, office, "pickup", "verify", pickup_code[:-2] + "AA")
    assert code == 1 and not body["valid"] and body["reason"] == "scan_bad_signature"
    code, body, _ = run(capsys, office, "pickup", "verify", "2024-TNG-000002")
    assert code == 1 and body["valid"] and body["reason"] == "pickup_not_ready_undated"

    code, body, _ = run(capsys, office, "pickup", "check-in", pickup_code)
    assert code == 0 and body["ticket"]["number"] == "B001" and body["created"]
    code, body, _ = run(capsys, office, "ticket", "call-next", "--counter", "5")
    assert body["number"] == "B001" and body["pickup"]
    stdin_lines(monkeypatch, "petugas123")
    code, body, err = run(capsys, office, "--as", "petugas1", "pickup", "hand-over", pickup_code,
                          "--counter", "5", "--collector", "self")
    assert code == 1 and body["error"] == "handover_id_not_checked"
    stdin_lines(monkeypatch, "petugas123")
    code, body, _ = run(capsys, office, "--as", "petugas1", "pickup", "hand-over", pickup_code,
                        "--counter", "5", "--collector", "self", "--id-checked")
    assert code == 0 and body["record"]["status"] == "collected"
    assert body["ticket"]["status"] == "done"
    stdin_lines(monkeypatch, "petugas123")
    code, body, err = run(capsys, office, "--as", "petugas1", "pickup", "hand-over",
                          "2024-TNG-000001", "--counter", "6", "--collector", "self",
                          "--id-checked")
    assert code == 1 and body["error"] == "pickup_already_collected"
    assert "loket 5" in err and "Traceback" not in err

    code, body, _ = run(capsys, office, "ticket", "issue", "A")
    code, body, _ = run(capsys, office, "ticket", "code", "A001")
    code, body, _ = run(capsys, office, "ticket", "call", body["code"].lower(), "--counter", "1")
    assert code == 0 and (body["number"], body["status"]) == ("A001", "called")


def test_a_broken_list_is_refused_line_by_line(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.office import officers

    officers.add_officer("supervisor", "super123!", role="supervisor")
    bad = tmp_path / "rusak.csv"
    bad.write_text("no_permohonan,nama,tanggal_siap\n2024-TNG-000001,Budi,kemarin\n"
                   ",Ani,\n2024-TNG-000001,Budi,\n")
    stdin_lines(monkeypatch, "super123!")
    code = cli.main(["--db", office, "--as", "supervisor", "backlog", "import", str(bad)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "loket: 3 baris bermasalah; tidak ada data yang diimpor.",
        "  baris 2: 'kemarin' bukan tanggal (pakai YYYY-MM-DD atau DD/MM/YYYY)",
        "  baris 3: kolom no_permohonan kosong",
        "  baris 4: nomor permohonan 2024-TNG-000001 sudah ada di baris 2"]
    stdin_lines(monkeypatch, "super123!")
    code, body, _ = run(capsys, office, "--as", "supervisor", "backlog", "import", str(bad))
    assert [p["line"] for p in body["problems"]] == [2, 3, 4]
    stdin_lines(monkeypatch, "super123!")
    code, body, _ = run(capsys, office, "--as", "supervisor", "backlog", "import",
                        str(tmp_path / "missing.csv"))
    assert code == 2 and body["error"] == "import_unreadable"
    code, body, _ = run(capsys, office, "backlog", "batches")
    assert code == 0 and body["batches"] == []


def test_office_settings_from_the_command_line(
        office: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from app.office import officers

    officers.add_officer("supervisor", "super123!", role="supervisor")

    def as_supervisor(*args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
        stdin_lines(monkeypatch, "super123!")
        return run(capsys, office, "--as", "supervisor", *args)

    code, shown, _ = run(capsys, office, "settings", "show")
    assert code == 0 and shown["collect_by_days"] == 30 and "signing_secret" not in shown
    code, shown, _ = as_supervisor("settings", "set", "collect_by_days", "45")
    assert code == 0 and shown["collect_by_days"] == 45
    for key, value in (("collect_by_days", "0"), ("collect_by_days", "tiga puluh"),
                       ("regular_pickup_queue", "Z"), ("signing_secret", "00"),
                       ("colour", "red")):
        code, body, err = as_supervisor("settings", "set", key, value)
        assert code == 2 and body["error"] in ("setting_invalid", "setting_unknown"), key
    code, shown, _ = as_supervisor("settings", "set", "regular_pickup_queue", "B")
    assert code == 0 and shown["regular_pickup_queue"] == "B"
    assert run(capsys, office, "settings", "show")[1]["collect_by_days"] == 45


def test_a_closed_pipe_ends_quietly(office: str) -> None:
    """``loket status | head -1``: the reader leaves early; no error, no traceback."""
    with subprocess.Popen([sys.executable, "-m", "app", "--db", office, "status"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # before the program writes anything
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 141
    assert err == ""
