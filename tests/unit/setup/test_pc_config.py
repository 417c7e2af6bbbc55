"""This PC's configuration file: what is saved, where the password goes, bad files."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import unquote, urlparse

import keyring
import pytest
from keyring.backend import KeyringBackend

from app.errors import InvalidInput
from app.setup import pc_config
from app.setup.pc_config import DatabaseChoice, PcConfig
from app.storage import db as dbmod

SERVER = DatabaseChoice(kind="postgresql", host="192.168.10.5", port=5432, name="loket",
                        user="loket", password="p@ss:w/rd?")


class MemoryKeyring(KeyringBackend):
    """A password store in memory (this machine has no keyring daemon)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    return store


def test_the_path_follows_loket_config_else_the_user_config_dir(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The default is per user: under XDG_CONFIG_HOME on Linux (a temp folder in tests).
    assert pc_config.config_path() == Path(os.environ["XDG_CONFIG_HOME"]) / "loket" / "loket.ini"
    monkeypatch.setenv("LOKET_CONFIG", str(tmp_path / "elsewhere.ini"))
    assert pc_config.config_path() == tmp_path / "elsewhere.ini"


def test_no_file_means_not_set_up(tmp_path: Path) -> None:
    assert pc_config.load(tmp_path / "none.ini") is None
    assert not pc_config.exists(tmp_path / "none.ini")


def test_a_password_goes_to_the_keyring_not_the_file(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "loket.ini"
    saved = pc_config.save(PcConfig("counter", SERVER), path)
    assert saved.password_store == pc_config.STORE_KEYRING
    text = path.read_text()
    assert SERVER.password not in text and "password_store = keyring" in text
    assert list(memory_keyring.items.values()) == [SERVER.password]
    loaded = pc_config.load(path)
    assert loaded is not None and loaded.database == SERVER and loaded.mode == "counter"
    # The URL quotes what a password may contain, and peewee reads it back.
    parsed = urlparse(loaded.database.url())
    assert parsed.hostname == "192.168.10.5" and parsed.port == 5432
    assert unquote(parsed.password or "") == SERVER.password


def test_without_a_keyring_the_password_is_in_a_file_only_the_user_reads(
        tmp_path: Path) -> None:
    path = tmp_path / "sub" / "loket.ini"
    saved = pc_config.save(PcConfig("admin", SERVER), path)
    assert saved.password_store == pc_config.STORE_FILE
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = pc_config.load(path)
    assert loaded is not None and loaded.database.password == SERVER.password


def test_a_password_gone_from_the_keyring_is_said_plainly(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "loket.ini"
    pc_config.save(PcConfig("counter", SERVER), path)
    memory_keyring.items.clear()
    with pytest.raises(InvalidInput) as caught:
        pc_config.load(path)
    assert caught.value.code == "pc_config_password_missing"
    assert "loket setup" in caught.value.message("en")
    partial = pc_config.load(path, need_password=False)  # enough to fill the wizard in
    assert partial is not None and partial.database.host == SERVER.host
    assert partial.database.password == ""


@pytest.mark.parametrize("content", [
    "[pc\nmode = counter\n",  # not INI
    "[pc]\nmode = toaster\n",  # unknown mode
    "[pc]\nmode = counter\n[database]\nkind = oracle\n",
    "[pc]\nmode = counter\n[database]\nkind = mysql\nport = lots\n",
])
def test_a_broken_file_is_refused_in_plain_words(tmp_path: Path, content: str) -> None:
    path = tmp_path / "loket.ini"
    path.write_text(content)
    with pytest.raises(InvalidInput) as caught:
        pc_config.load(path)
    assert caught.value.code == "pc_config_invalid_file"
    assert str(path) in caught.value.message("id") and "loket setup" in caught.value.message("id")
    assert path.read_text() == content  # never silently replaced


def test_saving_replaces_the_file_whole_and_keeps_no_stale_password(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "loket.ini"
    pc_config.save(PcConfig("counter", SERVER), path)
    local = DatabaseChoice(kind="sqlite", path=str(tmp_path / "office.sqlite3"))
    pc_config.save(PcConfig("display", local), path)
    loaded = pc_config.load(path)
    assert loaded == PcConfig("display", local, pc_config.STORE_NONE)
    assert "password" not in path.read_text().replace("password_store", "")
    assert memory_keyring.items == {}  # the server's password is not left behind
    assert [p.name for p in tmp_path.iterdir()] == ["loket.ini"]  # no temp file left


def test_the_database_url_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert pc_config.resolve_database_url() == dbmod.default_database_url()  # nothing set up
    local = DatabaseChoice(kind="sqlite", path=str(tmp_path / "office.sqlite3"))
    pc_config.save(PcConfig("kiosk", local))
    assert pc_config.resolve_database_url() == f"sqlite:///{tmp_path / 'office.sqlite3'}"
    monkeypatch.setenv("LOKET_DB", "sqlite:///env.sqlite3")
    assert pc_config.resolve_database_url() == "sqlite:///env.sqlite3"
    assert pc_config.resolve_database_url("sqlite:///cli.sqlite3") == "sqlite:///cli.sqlite3"


def test_mariadb_and_ipv6_urls() -> None:
    choice = DatabaseChoice(kind="mysql", host="fe80::1", name="loket", user="loket")
    assert choice.url() == "mysql://loket@[fe80::1]:3306/loket"
    assert choice.describe() == "MariaDB loket@fe80::1:3306/loket"


def test_the_demo_never_fills_a_set_up_pcs_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app import cli

    office = tmp_path / "office.sqlite3"
    pc_config.save(PcConfig("counter", DatabaseChoice(kind="sqlite", path=str(office))))
    for argv in (["demo", "--no-window"], ["init-db", "--demo"]):
        assert cli.main(["--lang", "en", *argv]) == 2
        assert "must not fill its database" in capsys.readouterr().err
    assert not office.exists()
    demo = tmp_path / "demo.sqlite3"  # a file of its own is fine
    assert cli.main(["--db", f"sqlite:///{demo}", "demo", "--no-window"]) == 0
    assert demo.exists() and not office.exists()


def test_a_primary_and_its_standby_survive_the_pc_configuration() -> None:
    url = "postgresql://loket:pw@db1:5432,db2:5433/loket?target_session_attrs=read-write"
    choice = pc_config.choice_from_url(url)
    assert choice.host == "db1:5432,db2:5433"
    # The query string is not kept: several hosts look for the primary by themselves.
    assert choice.url() == "postgresql://loket:pw@db1:5432,db2:5433/loket"
    same_port = pc_config.DatabaseChoice(kind="postgresql", host="db1,db2", name="loket",
                                         user="loket")
    assert same_port.url() == "postgresql://loket@db1,db2:5432/loket"
