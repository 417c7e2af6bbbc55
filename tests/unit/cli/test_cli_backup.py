"""``loket backup``, ``restore``, ``verify-backup`` and ``purge``: output, exit codes,
plain one-line errors."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app import cli
from app.office import officers, settings
from app.queue import engine, status
from app.storage import db as dbmod
from app.storage.models import AuditEntry, Ticket
from tests.helpers.people import stdin_lines

ADMIN, ADMIN_PASSWORD = "kepala", "admin12345"


@pytest.fixture(autouse=True)
def kepala(office: str) -> int:
    """The office's admin, who signs in for the commands that act as someone."""
    return officers.add_officer(ADMIN, ADMIN_PASSWORD, role="admin").id


def signs_in(args: tuple[str, ...]) -> bool:
    """Backups, purges and a forced restore act as someone; the schedule does not."""
    return ((args[0] == "backup" and "--if-due" not in args) or args[0] == "purge"
            or (args[0] == "restore" and "--force" in args))


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, Any, str]:
    signed = ["--as", ADMIN] if signs_in(args) and "--as" not in args else []
    with pytest.MonkeyPatch.context() as patch:
        stdin_lines(patch, ADMIN_PASSWORD)
        code = cli.main(["--db", url, "--json", *signed, *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else {}), err


def test_backup_verify_and_restore_from_the_command_line(
        office: str, backend: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engine.issue_ticket("A")
    code, made, _ = run(capsys, office, "backup", str(tmp_path / "out"))
    assert code == 0 and Path(made["path"]).exists() and made["counts"]["ticket"] == 1
    assert made["format"] == ("sqlite" if backend == "sqlite" else "dump")

    code, check, _ = run(capsys, office, "verify-backup", made["path"])
    assert code == 0 and check["ok"] and check["counts"]["ticket"] == 1
    assert cli.main(["verify-backup", made["path"]]) == 0  # no database needed
    said = capsys.readouterr().out.splitlines()[0]
    kind = "berkas SQLite" if backend == "sqlite" else "dump Loket"
    assert said.startswith(f"{made['path']}: OK ({kind}, skema versi ") and " UTC)" in said

    target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    code, restored, _ = run(capsys, target, "restore", made["path"])
    assert code == 0 and restored["verification"]["ok"] and not restored["replaced"]
    code, body, err = run(capsys, target, "restore", made["path"])
    assert code == 1 and body["error"] == "restore_target_not_empty"
    assert "--force" in err and err.count("\n") == 1 and "Traceback" not in err
    with pytest.MonkeyPatch.context() as patch:
        stdin_lines(patch, ADMIN_PASSWORD)  # the admin of the database it replaces
        assert cli.main(["--db", target, "--lang", "en", "--as", ADMIN, "restore",
                         made["path"], "--force"]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "the previous data replaced" in out and "OK" in out
    assert "?" not in out  # the restored database's check names only what it knows
    code, status, _ = run(capsys, target, "status")
    assert code == 0 and status["queues"]


def test_a_foreign_file_is_refused_in_plain_words(office: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    foreign = tmp_path / "daftar.csv"
    foreign.write_text("no_permohonan;nama\n")
    code, check, _ = run(capsys, office, "verify-backup", str(foreign))
    assert code == 1 and not check["ok"]
    assert check["problems"][0]["code"] == "backup_unknown_format"
    assert cli.main(["verify-backup", str(foreign)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{foreign}: TIDAK OK (jenis tidak dikenal)")  # no raw kind, no "versi None"
    code, body, err = run(capsys, f"sqlite:///{tmp_path / 'x.sqlite3'}", "restore",
                          str(foreign))
    assert code == 1 and body["error"] == "backup_unknown_format"
    assert "bukan cadangan Loket" in err and "Traceback" not in err
    assert not (tmp_path / "x.sqlite3").exists()
    code, body, err = run(capsys, office, "verify-backup", str(tmp_path / "nowhere.gz"))
    assert code == 2 and body["error"] == "backup_unreadable"


def test_a_server_cannot_be_copied_as_a_sqlite_file(office: str, backend: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, body, err = run(capsys, office, "backup", str(tmp_path), "--format", "sqlite")
    if backend == "sqlite":
        assert code == 0 and body["format"] == "sqlite"
    else:
        assert code == 2 and body["error"] == "backup_sqlite_needs_sqlite" and "dump" in err
    code, body, _ = run(capsys, office, "backup", str(tmp_path / "x.loketdump.gz"),
                        "--format", "dump")
    assert code == 0 and body["path"].endswith("x.loketdump.gz")
    code, body, err = run(capsys, office, "backup", str(tmp_path / "x.loketdump.gz"))
    assert code == 1 and body["error"] == "backup_dest_exists"


def test_if_due_is_for_the_scheduler(office: str, travel: Callable[[dt.datetime], None],
                                     tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     kepala: int) -> None:
    settings.update_settings(kepala, backup_folder=str(tmp_path / "daily"))
    travel(dt.datetime(2024, 7, 1, 11, 30))  # 18:30 in Jakarta
    code, body, _ = run(capsys, office, "backup", "--if-due")
    assert code == 0 and body["made"] and Path(body["backup"]["path"]).parent.name == "daily"
    code, body, _ = run(capsys, office, "backup", "--if-due")
    assert code == 0 and body == {"made": False, "backup": None}
    assert cli.main(["--db", office, "--lang", "en", "backup", "--if-due"]) == 0
    assert capsys.readouterr().out.strip() == "no backup due"
    assert cli.main(["--db", office, "backup", "--if-due"]) == 0  # the PC's language
    assert capsys.readouterr().out.strip() == "belum waktunya membuat cadangan"
    with pytest.raises(SystemExit) as exc:
        cli.main(["--db", office, "backup", "--if-due", str(tmp_path)])
    assert exc.value.code == 2
    said = capsys.readouterr().err  # the whole refusal in the PC's language
    assert "kesalahan: --if-due menulis ke folder pengaturan backup_folder" in said
    assert "writes" not in said
    with pytest.raises(SystemExit):
        cli.main(["--db", office, "--lang", "en", "backup", "--if-due", "--format", "dump"])
    assert "error: --if-due writes into the backup_folder" in capsys.readouterr().err


def test_purge_from_the_command_line(office: str, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    officers.add_officer("supervisor", "super123!", role="supervisor")
    code, body, _ = run(capsys, office, "purge", "--dry-run")
    assert code == 0 and body["dry_run"] and body["records"] == 0
    stdin_lines(monkeypatch, "super123!")
    assert cli.main(["--db", office, "--as", "supervisor", "purge"]) == 1
    assert "admin" in capsys.readouterr().err
    code, body, _ = run(capsys, office, "purge")
    assert code == 0 and not body["dry_run"] and body["retention_days"] == 180
    assert cli.main(["--db", office, "purge"]) == 2  # nobody signed in: nothing purged
    assert "--as" in capsys.readouterr().err
    stdin_lines(monkeypatch, ADMIN_PASSWORD)
    assert cli.main(["--db", office, "--lang", "en", "--as", ADMIN, "purge"]) == 0
    assert "erased" in capsys.readouterr().out
    db = dbmod.connect(office)  # the command line closed its connection
    try:
        purges = AuditEntry.select().where(AuditEntry.action == "personal_data_purged")
        assert [e.officer.username if e.officer else None
                for e in purges.order_by(AuditEntry.id)] == ["kepala", "kepala"]
    finally:
        db.close()


def test_the_installed_command_checks_a_backup(office: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, made, _ = run(capsys, office, "backup", str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "app", "--lang", "en", "verify-backup",
                           made["path"]], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and ": OK (" in proc.stdout, proc.stderr
    broken = tmp_path / "cut.bin"
    broken.write_bytes(Path(made["path"]).read_bytes()[:100])
    proc = subprocess.run([sys.executable, "-m", "app", "--lang", "en", "verify-backup",
                           str(broken)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "NOT OK" in proc.stdout and "Traceback" not in proc.stderr


def test_a_forced_restore_first_saves_the_database_it_replaces(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], kepala: int) -> None:
    engine.issue_ticket("A")
    code, made, _ = run(capsys, office, "backup", str(tmp_path / "out"))
    assert code == 0
    engine.issue_ticket("A")  # made after the backup: only the safety copy keeps it
    engine.issue_ticket("W")
    keep = tmp_path / "kept"
    settings.update_settings(kepala, backup_folder=str(keep))
    code, restored, _ = run(capsys, office, "restore", made["path"], "--force")
    assert code == 0 and restored["replaced"], restored
    copy = Path(restored["copy_before"])
    assert copy.parent == keep and copy.exists()
    code, check, _ = run(capsys, office, "verify-backup", str(copy))
    assert code == 0 and check["counts"]["ticket"] == 3  # what --force replaced
    assert restored["counts"]["ticket"] == 1


def test_no_copy_no_restore(office: str, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str], kepala: int) -> None:
    engine.issue_ticket("A")
    code, made, _ = run(capsys, office, "backup", str(tmp_path / "out"))
    engine.issue_ticket("A")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    settings.update_settings(kepala, backup_folder=str(blocked / "backups"))
    code, body, err = run(capsys, office, "restore", made["path"], "--force")
    assert code != 0 and "Traceback" not in err, err
    dbmod.connect(office)
    assert status.office_status().queues[0].issued_today == 2  # nothing replaced


def test_a_primary_and_standby_url_works_for_test_connection_backup_and_restore(
        office: str, backend: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The office's URL names two servers (the first one down, as after a failover):
    LOKET_DB, Test connection, backup and a forced restore all find the one that
    takes writes."""
    if backend != "postgresql":
        pytest.skip("libpq's multi-host URL is PostgreSQL's")
    from app.setup import connection_check, pc_config
    from tests.password_servers import free_port

    user_host, database = office.split("://", 1)[1].rsplit("/", 1)
    user, host_port = user_host.split("@", 1)
    two = (f"postgresql://{user}@127.0.0.1:{free_port()},{host_port}/{database}"
           "?target_session_attrs=read-write")
    report = connection_check.check(pc_config.choice_from_url(two))
    assert report.ok and report.state == connection_check.CURRENT, report.message("en")

    engine.issue_ticket("A")
    monkeypatch.setenv("LOKET_DB", two)
    with pytest.MonkeyPatch.context() as patch:
        stdin_lines(patch, ADMIN_PASSWORD)
        assert cli.main(["--json", "--as", ADMIN, "backup", str(tmp_path / "out")]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["counts"]["ticket"] == 1
    engine.issue_ticket("A")  # after the backup: the restore takes it away again
    with pytest.MonkeyPatch.context() as patch:
        stdin_lines(patch, ADMIN_PASSWORD)
        assert cli.main(["--json", "--as", ADMIN, "restore", made["path"], "--force"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["replaced"] and restored["verification"]["ok"]
    assert "target_session_attrs=read-write" in restored["target"]
    dbmod.discard_connection()
    dbmod.connect(office)
    assert Ticket.select().count() == 1


# A duration as app.messages.formats writes it: "< 1 dtk", "3 dtk", "1 mnt 5 dtk", "1 jam".
DURATION = r"(< 1 dtk|\d+ (jam|mnt|dtk)( \d+ (mnt|dtk))?)"


def test_backup_and_restore_say_how_long_in_the_one_duration_format(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        stdin_lines(patch, ADMIN_PASSWORD)
        assert cli.main(["--db", office, "--lang", "id", "--as", ADMIN, "backup",
                         str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out.strip()
    assert re.search(rf"baris, skema versi \d+, {DURATION}$", out), out
    path = out.splitlines()[0].removeprefix("cadangan ditulis: ")
    target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    assert cli.main(["--db", target, "--lang", "id", "restore", path]) == 0
    out = capsys.readouterr().out
    assert re.search(rf"\d+ baris, {DURATION}\)\n", out), out
