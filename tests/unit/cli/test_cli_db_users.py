"""``loket db-user create|list|drop``: an admin, on the owner's URL, makes a PC's login."""

from __future__ import annotations

import json
import uuid

import pytest

from app import cli
from tests.helpers.people import SETUP_PASSWORD, setup_admin, stdin_lines


def _run(capsys: pytest.CaptureFixture[str], office: str, *args: str) -> tuple[int, dict, str]:
    code = cli.main(["--json", "--lang", "en", "--db", office, *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out.strip().splitlines()[-1]) if out.strip() else {}), err


def test_db_users_are_made_listed_and_dropped_by_an_admin(
        office: str, backend: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    admin = setup_admin()
    assert admin
    from app.office import officers

    officers.add_officer("petugas1", "petugas123")
    name = f"lk{uuid.uuid4().hex[:8]}_counter"
    stdin_lines(monkeypatch, SETUP_PASSWORD, "Counter-login-pw-1")
    code, body, err = _run(capsys, office, "--as", "penyiap", "db-user", "create", name,
                           "--mode", "counter")
    if backend == "sqlite":
        assert code != 0 and "SQLite" in err and "no logins" in err
        return
    try:
        assert code == 0, err
        assert body == {"name": name, "mode": "counter"}
        stdin_lines(monkeypatch, SETUP_PASSWORD)
        code, body, err = _run(capsys, office, "--as", "penyiap", "db-user", "list")
        assert code == 0 and {"name": name, "mode": "counter"} in body["logins"]
        stdin_lines(monkeypatch, "petugas123", "Other-login-pw-1")  # not an admin
        code, _, err = _run(capsys, office, "--as", "petugas1", "db-user", "create",
                            name + "x", "--mode", "kiosk")
        assert code != 0 and "admin" in err.lower()
    finally:
        stdin_lines(monkeypatch, SETUP_PASSWORD)
        code, body, err = _run(capsys, office, "--as", "penyiap", "db-user", "drop", name)
    assert code == 0 and body["dropped"], err
