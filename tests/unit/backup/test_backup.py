"""Backup, verify and restore on every backend (and across them), damaged files, the
daily backup and its folder, and a backup taken while four processes work."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import peewee
import pytest

from app.backup import schedule
from app.backup.make import make_backup
from app.backup.restore import restore
from app.backup.schedule import (
    backup_due,
    list_backups,
    overview,
    run_scheduled_backup,
    update_schedule,
)
from app.backup.verify import verify_backup
from app.errors import InvalidInput, Refused
from app.office import officers, settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.setup.schema import init_database, seed_demo
from app.storage import db as dbmod
from app.storage import migrations
from app.storage.models import (
    ALL_MODELS,
    AuditEntry,
    DailySequence,
    PickupRecord,
    SchemaVersion,
    Setting,
    Ticket,
)
from tests import backends, workers
from tests.helpers.databases import back_to_version_1
from tests.helpers.people import setup_admin
from tests.helpers.threads import run_together

NOW = dt.datetime(2024, 7, 1, 3, 0, 0, 123456)  # Monday 1 July 2024, 10:00 in Jakarta
SHELF = ("no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
         "2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n"
         "2024-TNG-000002;Siti Aminah binti Ahmad;X7654321;Rak A-02;24/06/2024\n"
         "2024-TNG-000003;Dewi Sartika Ñurhayati;;Rak B-01;\n").encode()
BACKENDS = ["sqlite", "postgresql", "mysql"]


# --- fixtures and helpers ------------------------------------------------------------------


@pytest.fixture(scope="session")
def restore_servers() -> Iterator[dict[str, str | None]]:
    """A second scratch database per server, to restore into."""
    urls: dict[str, str | None] = {}
    for kind in ("postgresql", "mysql"):
        try:
            urls[kind] = backends.create_scratch_database(kind)
        except Exception:  # an unreachable server: the tests on it skip (fail in CI)
            urls[kind] = None
    yield urls
    for kind, url in urls.items():
        if url:
            backends.drop_scratch_database(kind, url)


@pytest.fixture
def empty_target(restore_servers: dict[str, str | None],
                 tmp_path: Path) -> Callable[[str], str]:
    """``make(kind)``: the URL of an empty database of that backend."""

    def make(kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{tmp_path / 'restored' / 'loket.sqlite3'}"
        url = restore_servers[kind]
        if url is None:
            if backends.IN_CI:
                pytest.fail(f"{kind} server unreachable (CI=true: every backend must be tested)")
            pytest.skip(f"{kind} server unreachable")
        db = dbmod.open_database(url)
        db.connect()
        try:
            backends.drop_all_tables(db)
        finally:
            db.close()
        return url

    return make


@pytest.fixture
def hall(office: str, travel: Callable[[dt.datetime], None]) -> str:
    """The demo office on 1 July 2024 with a day's work: every table holds rows."""
    travel(NOW)
    settings.update_settings(setup_admin(), notice_text="Selamat datang — antrean dibuka 08.00 ✓")
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    supervisor = officers.add_officer("supervisor", "super123!", role="supervisor")
    backlog.import_backlog(SHELF, batch="Backlog PDN Juni 2024", officer=setup_admin())
    engine.issue_ticket("A", request_id="kiosk-1")
    engine.issue_ticket("A")
    engine.issue_ticket("P")
    called = engine.call_next(4, officers.get_officer("petugas1").id)
    engine.start_serving(called.id, 4)
    engine.finish(called.id, 4)
    engine.transfer("A001", to_queue="W", officer=supervisor.id)
    pickup.check_in("2024-TNG-000001")
    engine.call_next(5)
    pickup.hand_over("2024-TNG-000001", 5, "petugas1", "family", "Siti Nurhaliza",
                     id_checked=True)
    pickup.undo_hand_over("2024-TNG-000001", "supervisor", "salah paspor")
    pickup.hand_over("2024-TNG-000002", 6, "petugas1", "self", id_checked=True)
    return office


def all_rows() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the bound database, as Python values (sorted here:
    the servers' collations order text differently)."""
    return {m._meta.table_name: sorted(m.select().tuples(), key=repr) for m in ALL_MODELS}


def rows_in(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = dbmod.open_database(url)
    db.connect()
    try:
        with db.bind_ctx(ALL_MODELS):
            return all_rows()
    finally:
        db.close()


def without_restore_entry(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[Any]]:
    entries = rows["audit_entry"]
    made = [r for r in entries if r[2] == "restore_made"]
    assert len(made) == 1  # the restore itself is audited, once
    return {**rows, "audit_entry": [r for r in entries if r[2] != "restore_made"]}


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("target", BACKENDS)
def test_backup_verify_restore_gives_identical_rows(hall: str, backend: str, target: str,
                                                   empty_target: Callable[[str], str],
                                                   tmp_path: Path) -> None:
    made = make_backup(tmp_path / "backups")
    assert made.format == ("sqlite" if backend == "sqlite" else "dump")
    assert Path(made.path).name.startswith("loket-20240701-100000")  # office time
    assert made.counts["ticket"] == 4 and made.counts["pickup_record"] == 3
    assert made.schema_version == migrations.head_version()
    check = verify_backup(made.path)
    assert check.ok, check.messages("en")
    assert check.counts == made.counts
    entry = AuditEntry.select().where(AuditEntry.action == "backup_made").get()
    assert json.loads(entry.details)["path"] == made.path

    url = empty_target(target)
    restored = restore(made.path, url)
    assert restored.verification.ok and not restored.replaced
    assert restored.counts == made.counts
    expected = all_rows()
    # backup_made is written after the copy, so the restored log ends just before it.
    expected["audit_entry"] = [r for r in expected["audit_entry"] if r[2] != "backup_made"]
    after = without_restore_entry(rows_in(url))
    for table, rows in expected.items():
        assert after[table] == rows, table


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("target", ["postgresql", "mysql"])
def test_a_one_pc_office_moves_to_a_server_with_the_dump(hall: str, target: str,
                                                        empty_target: Callable[[str], str],
                                                        tmp_path: Path) -> None:
    made = make_backup(tmp_path / "move.loketdump.gz")
    assert made.format == "dump"
    with gzip.open(made.path, "rt", encoding="utf-8") as dump:
        header = json.loads(dump.readline())
    assert header["source_backend"] == "sqlite" and header["format"] == "loket-dump"
    url = empty_target(target)
    restore(made.path, url)
    source = all_rows()
    after = without_restore_entry(rows_in(url))
    source["audit_entry"] = [r for r in source["audit_entry"] if r[2] != "backup_made"]
    assert after == source
    # The server carries on where the file left off: ids and numbers continue.
    db = dbmod.connect(url)
    try:
        next_ticket = engine.issue_ticket("A")
        assert next_ticket.number == "A003"
        assert next_ticket.id == max(r[0] for r in source["ticket"]) + 1
    finally:
        db.close()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_server_backup_restores_into_a_sqlite_file_any_tool_opens(
        hall: str, empty_target: Callable[[str], str], tmp_path: Path) -> None:
    made = make_backup(tmp_path)
    url = empty_target("sqlite")
    restore(made.path, url)
    plain = sqlite3.connect(url[len("sqlite:///"):])
    try:
        assert plain.execute("SELECT COUNT(*) FROM ticket").fetchone()[0] == 4
    finally:
        plain.close()


def test_a_sqlite_backup_is_a_plain_file_and_nothing_half_written_is_left(
        hall: str, backend: str, tmp_path: Path) -> None:
    if backend != "sqlite":
        with pytest.raises(InvalidInput) as err:
            make_backup(tmp_path, "sqlite")
        assert err.value.code == "backup_sqlite_needs_sqlite"
        return
    made = make_backup(tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [Path(made.path).name]
    plain = sqlite3.connect(f"file:{made.path}?mode=ro", uri=True)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert plain.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        plain.close()
    assert os.stat(made.path).st_mode & 0o077 == 0  # personal data: the owner's only
    with pytest.raises(Refused) as err:
        make_backup(made.path)
    assert err.value.code == "backup_dest_exists"


# --- refusals --------------------------------------------------------------------------------


def test_restore_refuses_a_database_in_use_unless_forced(hall: str, backend: str,
                                                        empty_target: Callable[[str], str],
                                                        tmp_path: Path) -> None:
    made = make_backup(tmp_path)
    url = empty_target(backend)
    restore(made.path, url)
    db = dbmod.open_database(url)
    db.connect()
    try:
        with db.bind_ctx(ALL_MODELS):
            Ticket.update(status="cancelled").where(Ticket.number == "A002").execute()
            changed = all_rows()
        with pytest.raises(Refused) as err:
            restore(made.path, url)
        assert err.value.code == "restore_target_not_empty"
        assert "--force" in err.value.message("en") and "4 tickets" in err.value.message("en")
        with db.bind_ctx(ALL_MODELS):
            assert all_rows() == changed  # untouched
        forced = restore(made.path, url, force=True)
        assert forced.replaced and forced.verification.ok
        with db.bind_ctx(ALL_MODELS):
            assert Ticket.get(Ticket.number == "A002").status == "waiting"
            assert AuditEntry.select().where(AuditEntry.action == "restore_made").count() == 1
    finally:
        db.close()


def _damaged_copies(made: Path, folder: Path) -> dict[str, Path]:
    data = made.read_bytes()
    files = {}

    def put(name: str, content: bytes) -> None:
        files[name] = folder / name
        files[name].write_bytes(content)

    put("truncated" + made.suffix, data[: len(data) // 2])
    middle = bytearray(data)
    # A SQLite file: the header of its second page; a dump: the middle of the stream.
    start = 4096 if made.suffix == ".sqlite3" else len(data) // 2
    for i in range(start, start + 64):
        middle[i] ^= 0x5A
    put("corrupted" + made.suffix, bytes(middle))
    put("foreign.txt", b"no_permohonan;nama\n2024-TNG-000001;Budi\n")
    put("other.gz", gzip.compress(b"\x00\x01 not a dump at all"))
    put("empty.sqlite3", b"")
    return files


def test_damaged_truncated_and_foreign_files_are_refused_and_the_target_is_untouched(
        hall: str, backend: str, empty_target: Callable[[str], str], tmp_path: Path) -> None:
    made = Path(make_backup(tmp_path / "good").path)
    url = empty_target("sqlite")
    restore(made, url, force=True)
    before = rows_in(url)
    bad = _damaged_copies(made, tmp_path)
    sqlite_said = {"backup_sqlite_unreadable", "backup_integrity_failed"}
    expected = {"truncated": {"backup_truncated", "backup_damaged", *sqlite_said},
                "corrupted": {"backup_damaged", "backup_truncated", *sqlite_said},
                "foreign.txt": {"backup_unknown_format"}, "other.gz": {"backup_unknown_format"},
                "empty.sqlite3": {"backup_unknown_format"}}
    for name, path in bad.items():
        key = name.split(".")[0] if name.startswith(("truncated", "corrupted")) else name
        check = verify_backup(path)
        assert not check.ok, name
        assert {p.code for p in check.problems} <= expected[key], (name, check.problems)
        with pytest.raises(Refused) as err:
            restore(path, url, force=True)
        assert err.value.code in expected[key], name
        assert "Traceback" not in err.value.message("en")
        # SQLite's own words ("database disk image is malformed") are for the log only.
        for lang in ("id", "en"):
            shown = [err.value.message(lang), *(p.message(lang) for p in check.problems)]
            assert not [m for m in shown if "malformed" in m or "not a database" in m], name
    assert rows_in(url) == before
    with pytest.raises(InvalidInput) as missing:
        verify_backup(tmp_path / "nowhere.sqlite3")
    assert missing.value.code == "backup_unreadable"


def _rewrite_dump(path: Path, out: Path, change: Callable[[list[str]], None]) -> None:
    with gzip.open(path, "rt", encoding="utf-8") as dump:
        lines = dump.read().splitlines()
    change(lines)
    with gzip.open(out, "wt", encoding="utf-8") as dump:
        dump.write("\n".join(lines) + "\n")


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_dump_whose_rows_do_not_match_its_header_or_references_is_refused(
        hall: str, empty_target: Callable[[str], str], tmp_path: Path) -> None:
    made = Path(make_backup(tmp_path).path)

    def drop_a_ticket(lines: list[str]) -> None:
        start = lines.index('{"table":"ticket"}')
        del lines[start + 1]

    def ticket_in_a_missing_queue(lines: list[str]) -> None:
        header = json.loads(lines[0])
        ticket = next(t for t in header["tables"] if t["name"] == "ticket")
        start = lines.index('{"table":"ticket"}')
        row = json.loads(lines[start + 1])
        row[ticket["columns"].index("queue_id")] = 999
        lines[start + 1] = json.dumps(row)

    def no_end(lines: list[str]) -> None:
        del lines[-1]

    for change, code in ((drop_a_ticket, "backup_count_mismatch"),
                         (ticket_in_a_missing_queue, "backup_fk_broken"),
                         (no_end, "backup_truncated")):
        bad = tmp_path / f"{change.__name__}.loketdump.gz"
        _rewrite_dump(made, bad, change)
        check = verify_backup(bad)
        assert [p.code for p in check.problems] == [code], change.__name__
        with pytest.raises(Refused) as err:
            restore(bad, empty_target("sqlite"))
        assert err.value.code == code
    assert not Path(empty_target("sqlite")[len("sqlite:///"):]).exists()  # never touched


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_backup_from_a_newer_loket_is_refused(hall: str, tmp_path: Path,
                                               empty_target: Callable[[str], str]) -> None:
    made = Path(make_backup(tmp_path, "dump").path)
    newer = tmp_path / "newer.loketdump.gz"

    def bump(lines: list[str]) -> None:
        header = json.loads(lines[0])
        header["schema_version"] = migrations.head_version() + 1
        lines[0] = json.dumps(header)

    _rewrite_dump(made, newer, bump)
    with pytest.raises(Refused) as err:
        restore(newer, empty_target("sqlite"))
    assert err.value.code == "backup_schema_too_new"
    assert "Perbarui Loket" in err.value.message("id")


# --- an older schema ---------------------------------------------------------------------


def test_a_backup_of_a_first_release_database_is_migrated_on_restore(
        database_url: str, backend: str, empty_target: Callable[[str], str],
        tmp_path: Path) -> None:
    db = dbmod.connect(database_url)
    try:
        init_database(db)
        seed_demo(with_officers=False, with_passports=False)
        engine.issue_ticket("A")
        engine.call_next(1)
        code = engine.ticket_code("A001")
        back_to_version_1(db)  # the signing keys among the settings, as then
        made = make_backup(tmp_path)
        assert made.schema_version == 1 and "pickup_record" not in made.counts
        assert verify_backup(made.path).ok
        url = empty_target(backend)
        restored = restore(made.path, url)
        assert (restored.backup_schema_version, restored.schema_version) == (
            1, migrations.head_version())
    finally:
        db.close()
    target = dbmod.connect(url)
    try:
        assert [v.version for v in SchemaVersion.select().order_by(SchemaVersion.version)] == [
            m.version for m in migrations.available()]
        ticket = engine.get_ticket("A001")
        assert (ticket.status, ticket.counter, ticket.pickup) == ("called", 1, None)
        settings.invalidate_cache()
        assert engine.ticket_code("A001") == code  # the office's key came along
        assert not Setting.select().where(Setting.key.in_(list(settings.SECRET_KEYS))).exists()
        backlog.import_backlog(b"no_permohonan,nama,status\n2024-TNG-000009,Budi,siap\n",
                               officer=setup_admin())
        assert pickup.check_in("2024-TNG-000009").ticket.pickup == PickupRecord.get().id
    finally:
        target.close()


# --- the daily backup ---------------------------------------------------------------------


def at_jakarta(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A July 2024 moment in Jakarta (UTC+7), as naive UTC."""
    return dt.datetime(2024, 7, day, hour, minute) - dt.timedelta(hours=7)


def test_the_daily_backup_is_due_once_after_its_time(
        office: str, travel: Callable[[dt.datetime], None], tmp_path: Path) -> None:
    settings.update_settings(setup_admin(),
                             backup_folder=str(tmp_path / "daily"), backup_time="18:00")
    travel(at_jakarta(1, 17, 0))
    assert backup_due()  # never backed up: yesterday's 18:00 was missed
    assert run_scheduled_backup() is not None
    assert not backup_due()
    travel(at_jakarta(1, 17, 59))
    assert not backup_due() and run_scheduled_backup() is None
    travel(at_jakarta(1, 18, 0))
    assert backup_due()
    made = run_scheduled_backup()
    assert made is not None and made.scheduled
    assert Path(made.path).parent == tmp_path / "daily"
    assert Path(made.path).name.startswith("loket-20240701-180000")
    travel(at_jakarta(1, 23, 0))
    assert not backup_due() and run_scheduled_backup() is None
    travel(at_jakarta(2, 7, 30))
    assert not backup_due()  # yesterday's is done, today's time has not come
    # The PC was off at 18:00 on the 2nd: the morning after makes up for it.
    travel(at_jakarta(3, 8, 0))
    assert backup_due()
    view = overview()
    assert view.due and not view.scheduled_done
    assert view.last_backup_at == dt.datetime(2024, 7, 1, 18, 0)
    assert view.last_slot == dt.datetime(2024, 7, 2, 18, 0)
    settings.update_settings(setup_admin(), backup_daily="off")
    assert not backup_due() and run_scheduled_backup() is None
    entries = AuditEntry.select().where(AuditEntry.action == "backup_made").count()
    assert entries == 2


def test_a_manual_backup_counts_for_the_day(office: str,
                                           travel: Callable[[dt.datetime], None],
                                           tmp_path: Path) -> None:
    travel(at_jakarta(1, 18, 30))
    make_backup(tmp_path / "usb")
    assert not backup_due()


def test_two_pcs_checking_at_once_make_one_backup(office: str, backend: str,
                                                  travel: Callable[[dt.datetime], None],
                                                  tmp_path: Path) -> None:
    settings.update_settings(setup_admin(), backup_folder=str(tmp_path / "daily"))
    travel(at_jakarta(1, 18, 5))
    results: list[object] = []
    barrier = threading.Barrier(3)

    def pc() -> None:
        with dbmod.database.obj.connection_context():
            barrier.wait()
            results.append(run_scheduled_backup())

    run_together(pc, pc, pc)
    assert sum(r is not None for r in results) == 1
    assert len(list((tmp_path / "daily").iterdir())) == 1
    assert AuditEntry.select().where(AuditEntry.action == "backup_made").count() == 1


def test_a_claim_left_by_a_pc_that_died_is_taken_over(office: str,
                                                      travel: Callable[[dt.datetime], None],
                                                      tmp_path: Path) -> None:
    settings.update_settings(setup_admin(), backup_folder=str(tmp_path))
    travel(at_jakarta(1, 18, 5))
    assert schedule._claim(at_jakarta(1, 18), at_jakarta(1, 18, 5)) is not None
    assert run_scheduled_backup() is None  # another PC is (said to be) at it
    travel(at_jakarta(1, 19, 10))
    assert run_scheduled_backup() is not None
    claim = json.loads(Setting.get(Setting.key == schedule.CLAIM_KEY).value)
    assert claim["slot"] == at_jakarta(1, 18).isoformat()


def test_a_failed_scheduled_backup_gives_its_claim_back(office: str, backend: str,
                                                        travel: Callable[[dt.datetime], None],
                                                        tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    settings.update_settings(setup_admin(), backup_folder=str(blocker / "backups"))
    travel(at_jakarta(1, 18, 5))
    with pytest.raises(InvalidInput) as err:
        run_scheduled_backup()
    assert err.value.code == "backup_dest_unwritable"
    settings.update_settings(setup_admin(), backup_folder=str(tmp_path / "ok"))
    assert run_scheduled_backup() is not None  # not blocked by the failed attempt


def test_only_the_newest_loket_backups_are_kept_and_nothing_else_is_touched(
        office: str, travel: Callable[[dt.datetime], None], tmp_path: Path) -> None:
    folder = tmp_path / "daily"
    folder.mkdir()
    own = [f"loket-202406{d:02d}-180000.sqlite3" for d in range(20, 26)]
    own += ["loket-20240626-180000.loketdump.gz", "loket-20240626-180000-2.loketdump.gz"]
    others = ["loket-20240101-000000.sqlite3.bak", "loket-backup.sqlite3", "notes.txt",
              "other-20240101-180000.sqlite3", "loket-2024010-180000.sqlite3",
              ".loket-20240101-000000.sqlite3.123.partial"]
    for name in own + others:
        (folder / name).write_bytes(b"x")
    (folder / "loket-20240101-180000.sqlite3").mkdir()  # a folder with a backup's name
    settings.update_settings(setup_admin(), backup_folder=str(folder), backup_keep=3)
    travel(at_jakarta(1, 18, 1))
    made = run_scheduled_backup()
    assert made is not None
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted([Path(made.path).name, "loket-20240626-180000-2.loketdump.gz",
                           "loket-20240626-180000.loketdump.gz",
                           "loket-20240101-180000.sqlite3", *others])
    listed = [f.name for f in list_backups(folder)]
    assert listed == [Path(made.path).name, "loket-20240626-180000-2.loketdump.gz",
                      "loket-20240626-180000.loketdump.gz"]


def test_the_schedule_is_changed_by_an_admin_only(office: str, tmp_path: Path) -> None:
    admin = officers.add_officer("kepala", "admin12345", role="admin")
    supervisor = officers.add_officer("siti", "super12345", role="supervisor")
    with pytest.raises(Refused) as err:
        update_schedule(supervisor.id, daily=False, at="19:00", folder="", keep=5)
    assert err.value.code == "needs_admin"
    assert settings.get_settings(fresh=True).backup_time == "18:00"
    with pytest.raises(InvalidInput):
        update_schedule(admin.id, daily=True, at="19:00", folder="relatif/folder",
                               keep=5)
    with pytest.raises(InvalidInput):
        update_schedule(admin.id, daily=True, at="25:00", folder="", keep=5)
    done = update_schedule(admin.id, daily=False, at="19:30", folder=str(tmp_path),
                                  keep=5)
    assert (done.backup_daily, done.backup_time, done.backup_folder, done.backup_keep) == (
        False, "19:30", str(tmp_path), 5)


def test_backup_now_needs_a_supervisor(office: str, tmp_path: Path) -> None:
    clerk = officers.add_officer("petugas9", "petugas123")
    with pytest.raises(Refused):
        make_backup(tmp_path / "out", by=clerk.id)
    assert not (tmp_path / "out").exists()
    supervisor = officers.add_officer("siti", "super12345", role="supervisor")
    made = make_backup(tmp_path / "out", by=supervisor.id)
    entry = AuditEntry.select().where(AuditEntry.action == "backup_made").get()
    assert entry.officer_id == supervisor.id and Path(made.path).exists()


# --- the acceptance test: a backup while the hall works --------------------------------------


@pytest.mark.slow
def test_a_backup_taken_while_four_processes_work_holds_every_earlier_ticket(
        office: str, backend: str, empty_target: Callable[[str], str], tmp_path: Path,
        worker_processes: workers.Workers) -> None:
    # A history to copy, so the copy takes a moment while the counters carry on.
    engine.issue_ticket("A")
    old = dt.datetime(2024, 1, 1)
    for first in range(0, 20_000, 1000):
        AuditEntry.insert_many([{"at": old, "action": "login", "subject": f"petugas{i % 9}",
                                 "details": json.dumps({"filler": "x" * 200})}
                                for i in range(first, first + 1000)]).execute()
    ctx = worker_processes.ctx
    start, stop = ctx.Event(), ctx.Event()
    counters = (1, 2, 3, 4)
    for counter in counters:
        worker_processes.start(f"counter {counter}", workers.issue_and_serve,
                               office, counter, start, stop, worker_processes.out)
    start.set()
    deadline = time.monotonic() + 240  # generous: workers start slowly on a busy machine
    while Ticket.select().count() < 60 and time.monotonic() < deadline:
        time.sleep(0.05)  # the workers are in other processes: no Qt loop to wait on
    began = time.time()
    made = make_backup(tmp_path / "backups")
    ended = time.time()
    # The hall keeps working after the backup, too.
    count_after = Ticket.select().count()
    while Ticket.select().count() < count_after + 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    committed: list[tuple[int, float]] = []
    for _ in counters:
        committed += worker_processes.result()
    worker_processes.join()

    before = {tid for tid, at in committed if at < began}
    after_backup = [tid for tid, at in committed if at > ended]
    assert len(before) >= 50 and after_backup
    check = verify_backup(made.path)
    assert check.ok, check.messages("en")
    url = empty_target("sqlite")
    restored = restore(made.path, url)
    assert restored.verification.ok
    db = dbmod.open_database(url)
    db.connect()
    try:
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        with db.bind_ctx(ALL_MODELS):
            restored_ids = {t.id for t in Ticket.select(Ticket.id)}
            assert before <= restored_ids
            # One snapshot: each queue's counter equals its last ticket, nothing half-done.
            last = {(s.queue_id, s.service_day): s.last for s in DailySequence.select()}
            highest = {(q, d): n for q, d, n in Ticket.select(
                Ticket.queue, Ticket.service_day, peewee.fn.MAX(Ticket.seq)).group_by(
                Ticket.queue, Ticket.service_day).tuples()}
            assert last == highest
    finally:
        db.close()
    print(f"\n{backend}: backup of {sum(made.counts.values())} rows in {made.seconds:.2f} s "
          f"({made.size} bytes) while {len(committed)} tickets were issued in all")


# --- tamper-evident backups (issue 19) -------------------------------------------------------


def _edit_sqlite_copy(path: Path, out: Path, *statements: str) -> None:
    out.write_bytes(path.read_bytes())
    conn = sqlite3.connect(out)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _edit_dump_rows(path: Path, out: Path, table: str,
                    change: Callable[[dict[str, Any]], None]) -> None:
    """Rewrite every row of ``table`` as a column → value dict, as a hand edit would."""

    def edit(lines: list[str]) -> None:
        header = json.loads(lines[0])
        columns = next(t for t in header["tables"] if t["name"] == table)["columns"]
        start = lines.index(json.dumps({"table": table}, separators=(",", ":")))
        for index in range(start + 1, len(lines)):
            if not lines[index].startswith("["):
                break
            row = dict(zip(columns, json.loads(lines[index]), strict=True))
            change(row)
            lines[index] = json.dumps(list(row.values()), ensure_ascii=False,
                                      separators=(",", ":"))

    _rewrite_dump(path, out, edit)


def _tampered(made: Path, folder: Path) -> dict[str, Path]:
    """The backup with a name changed, and with a collected passport set back to ready."""
    renamed, reopened = folder / f"renamed{made.suffix}", folder / f"reopened{made.suffix}"
    if made.suffix == ".sqlite3":
        _edit_sqlite_copy(made, renamed, "UPDATE pickup_record SET name = 'Mallory' "
                          "WHERE application_no = '2024-TNG-000003'")
        _edit_sqlite_copy(made, reopened, "UPDATE pickup_record SET status = 'ready' "
                          "WHERE status = 'collected'")
    else:
        def rename(row: dict[str, Any]) -> None:
            if row["application_no"] == "2024-TNG-000003":
                row["name"] = "Mallory"

        def reopen(row: dict[str, Any]) -> None:
            if row["status"] == "collected":
                row["status"] = "ready"

        _edit_dump_rows(made, renamed, "pickup_record", rename)
        _edit_dump_rows(made, reopened, "pickup_record", reopen)
    return {"renamed": renamed, "reopened": reopened}


@pytest.mark.parametrize("fmt", ["sqlite", "dump"])
def test_a_changed_backup_is_refused_by_verify_and_restore(
        hall: str, backend: str, fmt: str, empty_target: Callable[[str], str],
        tmp_path: Path) -> None:
    if fmt == "sqlite" and backend != "sqlite":
        pytest.skip("a SQLite copy is made of a SQLite database only")
    made = Path(make_backup(tmp_path / "good", fmt).path)
    check = verify_backup(made)
    assert (check.ok, check.sealed, check.warnings) == (True, True, [])
    for name, path in _tampered(made, tmp_path).items():
        check = verify_backup(path)
        assert [p.code for p in check.problems] == ["backup_tampered"], name
        assert "diubah" in check.problems[0].message("id"), name
        assert "changed" in check.problems[0].message("en"), name
        url = empty_target("sqlite")
        with pytest.raises(Refused) as err:
            restore(path, url)
        assert err.value.code == "backup_tampered"
        assert not Path(url[len("sqlite:///"):]).exists()  # never touched


def _strip_seal(made: Path, out: Path) -> None:
    """The backup as a Loket from before seals wrote it."""
    if made.suffix == ".sqlite3":
        _edit_sqlite_copy(made, out, "DROP TABLE loket_backup_seal")
        return

    def unseal(lines: list[str]) -> None:
        end = json.loads(lines[-1])
        end.pop("seal")
        lines[-1] = json.dumps(end, separators=(",", ":"))

    _rewrite_dump(made, out, unseal)


@pytest.mark.expect_log("app.backup.restore", "WARNING")
@pytest.mark.parametrize(("backend", "fmt"), [("sqlite", "sqlite"), ("sqlite", "dump"),
                                              ("postgresql", "dump"), ("mysql", "dump")])
def test_a_backup_from_before_seals_still_restores_with_a_warning(
        hall: str, fmt: str, empty_target: Callable[[str], str], tmp_path: Path) -> None:
    made = Path(make_backup(tmp_path / "good", fmt).path)
    old = tmp_path / f"old{made.suffix}"
    _strip_seal(made, old)
    check = verify_backup(old)
    assert (check.ok, check.sealed) == (True, False)
    assert [w.code for w in check.warnings] == ["backup_unsealed"]
    assert "tidak dapat diperiksa" in check.warnings[0].message("id")
    result = restore(old, empty_target("sqlite"))
    assert result.verification.ok


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mysql"])
def test_restore_refuses_settings_that_would_break_the_program(
        hall: str, empty_target: Callable[[str], str], tmp_path: Path) -> None:
    made = Path(make_backup(tmp_path / "good", "dump").path)

    def not_json(row: dict[str, Any]) -> None:
        if row["key"] == "notice_text":
            row["value"] = "{not json"

    def not_hex(row: dict[str, Any]) -> None:
        if row["key"] == "signing_secret":
            row["value"] = json.dumps("zz-not-hex")

    for change, key, table in ((not_json, "notice_text", "setting"),
                               (not_hex, "signing_secret", "signing_key")):
        bad = tmp_path / f"{change.__name__}.loketdump.gz"
        _edit_dump_rows(made, bad, table, change)
        check = verify_backup(bad)
        codes = [p.code for p in check.problems]
        assert codes[0] == "backup_setting_invalid", codes
        assert key in check.problems[0].message("en")
        url = empty_target("sqlite")
        with pytest.raises(Refused) as err:
            restore(bad, url)
        assert err.value.code == "backup_setting_invalid"
        assert not Path(url[len("sqlite:///"):]).exists()
