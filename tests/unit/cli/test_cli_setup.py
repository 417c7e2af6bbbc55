"""``loket setup --mode …``: setting a PC up from a script, tested like the window tests."""

from __future__ import annotations

import io
import json
import uuid
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import pytest

from app import cli
from app.setup import connection_check, pc_config
from app.setup.pc_config import DatabaseChoice
from app.storage import db as dbmod
from app.storage import logins
from tests.backends import SERVER_URLS
from tests.helpers.databases import empty_mysql
from tests.password_servers import PasswordServer


def _setup(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    code = cli.main(["--json", "--lang", "en", *argv])
    out, err = capsys.readouterr()
    body = json.loads(out.strip().splitlines()[-1]) if out.strip() else {}
    return code, body, err


def test_a_counter_pc_on_a_sqlite_office(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    code, body, err = _setup(capsys, "--db", url, "setup", "--mode", "counter", "--counter", "2")
    assert code == 1 and "no Loket office yet" in err and not pc_config.exists()
    local = DatabaseChoice(kind="sqlite", path=str(tmp_path / "office.sqlite3"))
    connection_check.prepare(local, admin=connection_check.FirstAdmin("admin", "admin-123!"),
                             standard_office=True)
    code, body, err = _setup(capsys, "--db", url, "setup", "--mode", "counter", "--counter", "9")
    assert code == 1 and "Unknown counter 9" in err and not pc_config.exists()
    code, body, err = _setup(capsys, "--db", url, "setup", "--mode", "counter")
    assert code == 2 and "--counter N" in err
    code, body, err = _setup(capsys, "--db", url, "setup", "--mode", "counter", "--counter", "2")
    assert code == 0, err
    assert body["mode"] == "counter" and body["counter"] == 2
    saved = pc_config.load()
    assert saved is not None and saved.mode == "counter" and saved.database == local
    code, shown, _ = _setup(capsys, "pc", "show")
    assert shown["counter"] == 2
    code, status, _ = _setup(capsys, "status")  # no --db: the PC's database now
    assert code == 0 and len(status["counters"]) == 6


def test_a_mariadb_kiosk_with_the_password_on_stdin(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        mysql_password_server: PasswordServer) -> None:
    server = mysql_password_server
    empty_mysql(server)
    choice = DatabaseChoice(kind="mysql", host=server.host, port=server.port,
                            name=server.database, user=server.user, password=server.password)
    connection_check.prepare(choice, admin=connection_check.FirstAdmin("admin", "admin-123!"))
    url = f"mysql://{server.user}@{server.host}:{server.port}/{server.database}"
    monkeypatch.setattr("sys.stdin", io.StringIO("not-the-password\n"))
    code, _, err = _setup(capsys, "--db", url, "setup", "--mode", "kiosk")
    assert code == 3 and "refused user" in err and not pc_config.exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(server.password + "\n"))
    code, body, err = _setup(capsys, "--db", url, "setup", "--mode", "kiosk")
    # The owner's login may change officers: a kiosk must not keep it.
    assert code == 1 and "may change officers" in err and not pc_config.exists()
    root = dbmod.open_database(urlparse(SERVER_URLS["mysql"])._replace(
        path=f"/{server.database}").geturl())
    root.connect()
    name, password = f"lk{uuid.uuid4().hex[:8]}_kiosk", "Kiosk-pw-" + uuid.uuid4().hex[:6]
    try:
        logins.create_login(root, name, password, "kiosk")
        kiosk_url = f"mysql://{name}@{server.host}:{server.port}/{server.database}"
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        code, body, err = _setup(capsys, "--db", kiosk_url, "setup", "--mode", "kiosk")
        assert code == 0, err
        assert body["password_store"] == "file" and body["server"].startswith("MariaDB")
        saved = pc_config.load()
        assert saved is not None and saved.mode == "kiosk"
        assert saved.database == replace(choice, user=name, password=password)
    finally:
        logins.drop_login(root, name)
        root.close()


def test_urls_become_choices() -> None:
    parsed = pc_config.choice_from_url("postgresql://lo%40ket:p%3Aw@192.168.10.5:5433/kantor")
    assert parsed == DatabaseChoice(kind="postgresql", host="192.168.10.5", port=5433,
                                    name="kantor", user="lo@ket", password="p:w")
    assert pc_config.choice_from_url(parsed.url()) == parsed  # and back
    assert replace(pc_config.choice_from_url("mysql://loket@srv/loket"), port=3306).url() \
        == "mysql://loket@srv:3306/loket"
    for bad in ("oracle://x@y/z", "sqlite://", "mysql://u@h:99999/d"):
        with pytest.raises(Exception) as caught:
            pc_config.choice_from_url(bad)
        assert getattr(caught.value, "code", "") == "database_url_invalid"


def test_only_an_admin_pc_may_keep_a_login_that_changes_officers() -> None:
    server = DatabaseChoice(kind="postgresql", host="db", port=5432, name="loket",
                            user="loket_owner", password="pw")
    office = connection_check.ConnectionReport(ok=True, schema_version=7, head_version=7)
    for mode in ("display", "kiosk", "counter"):
        refused = connection_check.owner_login_refusal(office, server, mode)
        assert refused is not None and "loket_owner" in refused.message("en")
    assert connection_check.owner_login_refusal(office, server, "admin") is None
    own = replace(office, may_change_officers=False)
    assert connection_check.owner_login_refusal(own, server, "counter") is None
    new = connection_check.ConnectionReport(ok=True, schema_version=0, head_version=7)
    assert connection_check.owner_login_refusal(new, server, "counter") is None  # first PC
    local = DatabaseChoice(kind="sqlite", path="/tmp/x.sqlite3")
    assert connection_check.owner_login_refusal(office, local, "counter") is None
