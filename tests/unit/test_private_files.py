"""Files holding personal data are the owner's only: 0600 in 0700 folders, whatever
the umask (checked by stat)."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import logs
from app.setup import pc_config
from app.setup.pc_config import DatabaseChoice, PcConfig
from app.setup.schema import init_database
from app.storage import db as dbmod
from app.storage import migrations


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield int(request.param)
    finally:
        os.umask(old)


def test_the_sqlite_database_and_its_companions_are_private(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "data" / "loket" / "loket.sqlite3"
    db = dbmod.connect(f"sqlite:///{path}")
    try:
        init_database(db)
        db.execute_sql("INSERT INTO setting (key, value) VALUES ('x', '1')")
        assert (path.parent / "loket.sqlite3-wal").exists()
        for name in ("loket.sqlite3", "loket.sqlite3-wal", "loket.sqlite3-shm"):
            assert mode(path.parent / name) == 0o600, name
        assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
        copy = migrations._copy_sqlite_before_migrating(db, 4)
        assert copy is not None and mode(copy) == 0o600
        assert migrations.prune_copies(db) == 1 and not copy.exists()
    finally:
        db.close()


def test_the_log_and_loket_ini_are_private(tmp_path: Path, umask: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "log_file", lambda: tmp_path / "log" / "loket" / "loket.log")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = logs.configure()
        assert path is not None
        handler = next(h for h in root.handlers if h not in before)
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()  # a new file after rotation is private too
        assert mode(path) == 0o600 and mode(path.with_name("loket.log.1")) == 0o600
        assert mode(path.parent) == 0o700
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
    ini = tmp_path / "config" / "loket" / "loket.ini"
    monkeypatch.setenv("LOKET_CONFIG", str(ini))
    pc_config.save(PcConfig("display", DatabaseChoice(path=str(tmp_path / "x.sqlite3"))),
                   ini, use_keyring=False)
    assert mode(ini) == 0o600 and mode(ini.parent) == 0o700


def test_a_backup_is_private(office: str, tmp_path: Path, umask: int) -> None:
    from app.backup.make import make_backup

    result = make_backup(tmp_path / "backups" / "new" / "loket.dump.gz")
    made = Path(result.path)
    assert mode(made) == 0o600 and mode(made.parent) == 0o700


def test_a_shared_folder_named_for_a_database_keeps_its_mode(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             umask: int) -> None:
    """``--db /tmp/hall.db`` or ``LOKET_CONFIG=/tmp/loket.ini`` makes the files private,
    never the folder someone else chose: closing /tmp would lock every other program
    (the database servers included) out of it."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    db = dbmod.connect(f"sqlite:///{shared / 'hall.sqlite3'}")
    try:
        init_database(db)
    finally:
        db.close()
    ini = shared / "loket.ini"
    monkeypatch.setenv("LOKET_CONFIG", str(ini))
    pc_config.save(PcConfig("display", DatabaseChoice(path=str(shared / "hall.sqlite3"))),
                   ini, use_keyring=False)
    assert mode(shared / "hall.sqlite3") == 0o600 and mode(ini) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
