"""``loket notify``: set up, deliver, see what failed and why, retry, opt out."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import threading
import time
from collections.abc import Callable

import pytest

from app import cli
from app.office import officers
from app.storage import db as dbmod
from app.storage.models import Notification
from tests.helpers import NOW
from tests.helpers.gateway import gateway
from tests.helpers.people import SETUP_PASSWORD, setup_admin, stdin_lines
from tests.helpers.threads import join_all
from tests.unit.notify.conftest import PASSPORTS, SHELF, import_list

pytestmark = pytest.mark.expect_log("app.notify", "WARNING")


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> str:
    travel(NOW)
    import_list(SHELF)
    return office


def loket(capsys: pytest.CaptureFixture[str], office: str, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", office, *args])
    out, err = capsys.readouterr()
    dbmod.connect(office)
    return code, out, err


def test_set_up_run_list_retry_and_opt_out(shelf: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = loket(capsys, shelf, "notify", "run", "--once")
    assert code == 1 and "loket settings set notify_url" in err
    admin = setup_admin()
    assert admin
    with gateway(lambda body, key: 400 if body["to"].startswith("+62812") else 200) as gw:
        stdin_lines(monkeypatch, SETUP_PASSWORD)
        assert loket(capsys, shelf, "--as", "penyiap", "settings", "set", "notify_url",
                     gw.url)[0] == 0
        code, out, _ = loket(capsys, shelf, "notify", "run", "--once", "--json")
        assert code == 0 and json.loads(out)["failed"] == 1
    code, out, _ = loket(capsys, shelf, "notify", "list", "--failed")
    assert code == 0 and "gagal" in out and "gateway menolak pesan (HTTP 400" in out
    assert "paspor siap" in out and " dibuat " in out  # when, in the office's time
    assert "2024-TNG-000001" in out and not any(n in out for n in PASSPORTS)
    code, out, _ = loket(capsys, shelf, "notify", "list", "--json")
    listed = json.loads(out)
    assert listed["counts"] == {"failed": 1, "pending": 1}
    assert not any(n in out for n in PASSPORTS)
    failed = listed["notifications"][0]["id"]

    officers.add_officer("sup", "super123!", role="supervisor")
    stdin_lines(monkeypatch, "super123!")
    assert loket(capsys, shelf, "--as", "sup", "notify", "retry", failed)[0] == 0
    stdin_lines(monkeypatch, "super123!")
    code, _, err = loket(capsys, shelf, "--as", "sup", "notify", "retry", failed)
    assert code == 1 and "tidak gagal" in err
    stdin_lines(monkeypatch, "super123!")
    code, out, _ = loket(capsys, shelf, "--as", "sup", "notify", "opt-out", "0812 3456 7890")
    assert code == 0 and out.strip() == (
        "Tidak dikirimi pesan lagi; 1 pesan yang menunggu dibatalkan.")
    assert Notification.get_by_id(failed).state == "cancelled"


def test_run_keeps_delivering_until_sigterm_and_ends_cleanly(
        shelf: str, capsys: pytest.CaptureFixture[str]) -> None:
    from app.office import settings

    with gateway() as gw:
        settings.update_settings(setup_admin(), notify_url=gw.url)
        stopped = threading.Event()

        def stop_after_first() -> None:
            deadline = time.monotonic() + 60
            while not gw.accepted and time.monotonic() < deadline:
                time.sleep(0.05)
            os.kill(os.getpid(), signal.SIGTERM)
            stopped.set()

        killer = threading.Thread(target=stop_after_first, name="sigterm", daemon=True)
        killer.start()
        code, out, _ = loket(capsys, shelf, "notify", "run", "--interval", "0.2")
        join_all([killer])
    assert code == 0 and stopped.is_set() and out.startswith("terkirim 1,")
    assert len(gw.accepted) == 1
