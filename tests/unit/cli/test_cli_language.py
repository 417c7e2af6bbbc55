"""The command line speaks one language: Indonesian by default, ``--lang en`` English,
and without ``--lang`` this PC's language from loket.ini."""

from __future__ import annotations

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
           "demo", "office", "regular", "counter"}

Loket = Callable[..., str]


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
    ]
    return "\n".join(out)


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

    english = _a_day(loket, tmp_path, "--lang", "en")
    assert {"waiting", "longest", "issued", "handed", "over", "called"} <= _words(english)
    assert "at counter 4" in english


def test_the_pcs_language_is_the_default(loket: Loket) -> None:
    PcSettings().language = "en"
    assert "waiting" in _words(loket("status"))
    assert "menunggu" in _words(loket("--lang", "id", "status"))
    PcSettings().language = "id"
    assert "menunggu" in _words(loket("status"))
