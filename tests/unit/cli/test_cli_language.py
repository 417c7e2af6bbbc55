"""The command line speaks one language: Indonesian by default, ``--lang en`` English,
and without ``--lang`` this PC's language from loket.ini."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from app.office import officers
from app.setup.pc_settings import PcSettings
from tests.helpers.people import stdin_lines

# English words the commands used to print in their Indonesian output.
ENGLISH = {"waiting", "longest", "issued", "closed", "called", "served", "serving",
           "handed", "over", "finished", "collect", "overdue", "rows", "created", "updated",
           "unchanged", "already", "collected", "cancelled", "added", "new", "password",
           "batch", "total", "printing", "ready", "clear", "valid", "invalid", "verified",
           "expired", "old", "tickets", "pruned", "feed", "back", "passports", "no-show",
           "wait", "avg", "entries", "written", "backup", "schema", "version", "min",
           "demo", "office", "regular", "counter",
           # The listings: the feed's changes, the audit log and its details, the settings.
           "ticket", "signed", "role", "officer", "collector", "self", "checked", "yes",
           "true", "false", "break", "paused", "resumed", "daily", "full", "language",
           "settings", "changed", "login", "logout", "name", "reason", "record"}

Loket = Callable[..., str]
TODAY, DAY = dt.datetime.now(dt.UTC).date(), dt.timedelta(days=1)  # the office's day is near


@pytest.fixture
def loket(office: str, capsys: pytest.CaptureFixture[str],
          monkeypatch: pytest.MonkeyPatch) -> Loket:
    """Run one command line; its standard output (``password``: signed in with it)."""

    def run(*args: str, password: str | None = None, code: int = 0) -> str:
        if password is not None:
            stdin_lines(monkeypatch, password)
        assert cli.main(["--db", office, *args]) == code, capsys.readouterr()
        return capsys.readouterr().out

    return run


def _a_day(loket: Loket, tmp_path: Path, *lang: str) -> str:
    """The main commands' human output, one after the other."""
    shelf = tmp_path / f"juni{len(lang)}.csv"
    shelf.write_bytes("No. Permohonan;Nama;Lokasi;Status\r\n"
                      f"2024-TNG-00000{len(lang)};Budi Santoso;Rak A-01;siap\r\n".encode())
    application = f"2024-TNG-00000{len(lang)}"
    out = [
        loket(*lang, "ticket", "issue", "A"),
        loket(*lang, "ticket", "call-next", "--counter", str(2 + len(lang))),
        loket(*lang, "status"),
        loket(*lang, "--as", "supervisor", "backlog", "import", str(shelf), "--batch",
              "Juni", password="super123!"),
        loket(*lang, "backlog", "batches"),
        loket(*lang, "pickup", "verify", application),
        loket(*lang, "pickup", "check-in", application),
        loket(*lang, "pickup", "check-in", application),
        loket(*lang, "--as", "petugas1", "pickup", "hand-over", application, "--counter",
              "5", "--collector", "self", "--id-checked", password="petugas123"),
        loket(*lang, "pickup", "overdue"),
        loket(*lang, "housekeeping"),
        loket(*lang, "--as", "admin1", "officer", "add", f"baru{len(lang)}",
              "--role", "officer", password=f"admin123!\nrahasia{len(lang)}23"),
        loket(*lang, "--as", "petugas1", "counter", "pause", "3", "--reason", "break",
              password="petugas123"),
        loket(*lang, "--as", "petugas1", "counter", "resume", "3", password="petugas123"),
        _values(loket(*lang, "--as", "admin1", "settings", "set", "backup_daily",
                      "true" if lang else "false", password="admin123!")),
        loket(*lang, "events"),
        loket(*lang, "officer", "list"),
        loket(*lang, "--as", "supervisor", "audit", "--from", str(TODAY - DAY),
              "--to", str(TODAY + DAY), password="super123!"),
    ]
    return "\n".join(out)


def _values(settings: str) -> str:
    """``settings show`` without its first column: the keys, which a person types."""
    return "\n".join(line.split(None, 1)[1] for line in settings.splitlines() if line)


@pytest.fixture
def staff(office: str) -> None:
    officers.add_officer("petugas1", "petugas123")
    officers.add_officer("supervisor", "super123!", role="supervisor")
    officers.add_officer("admin1", "admin123!", role="admin")


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", text)}


def test_indonesian_by_default_and_english_on_request(
        loket: Loket, staff: None, tmp_path: Path) -> None:
    indonesian = _a_day(loket, tmp_path)
    english_left = _words(indonesian) & ENGLISH
    assert not english_left, f"English in the Indonesian output: {sorted(english_left)}"
    assert "menunggu" in indonesian and "di loket 2" in indonesian
    assert "sudah diserahkan" in indonesian
    # The listings say what happened in words: a change in the feed, an audit entry and
    # its details, a setting's value and what it is.
    assert {"nomor diambil A001", "dipanggil A001 loket 2"} <= {
        line.split(None, 3)[3] for line in indonesian.splitlines()
        if re.match(r" *\d+ \d\d/\d\d/\d{4} \d\d:\d\d:\d\d ", line)}
    assert "paspor diserahkan" in indonesian and "loket dijeda" in indonesian
    assert "pengambil: pemilik paspor; nama pengambil: " in indonesian
    assert "identitas diperiksa: ya" in indonesian and "peran: petugas" in indonesian
    assert "alasan: istirahat" in indonesian and "cadangan harian: tidak" in indonesian
    assert "tidak  · cadangan harian" in indonesian

    english = _a_day(loket, tmp_path, "--lang", "en")
    assert {"waiting", "longest", "issued", "handed", "over", "called"} <= _words(english)
    assert "at counter 4" in english
    assert "collector: the holder" in english and "ID checked: yes" in english
    assert "role: officer" in english and "reason: break" in english
    assert "called A002 counter 4" in english and "yes  · daily backup" in english


def test_the_pcs_language_is_the_default(loket: Loket) -> None:
    PcSettings().language = "en"
    assert "waiting" in _words(loket("status"))
    assert "menunggu" in _words(loket("--lang", "id", "status"))
    PcSettings().language = "id"
    assert "menunggu" in _words(loket("status"))
