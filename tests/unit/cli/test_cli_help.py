"""The command line's help speaks the chosen language: Indonesian by default, argparse's
own words included, and English with ``--lang en``."""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from app.cli import parser
from app.messages.cli_help import ARGPARSE_WORDS, HELP
from app.setup.pc_settings import PcSettings
from ui.main import WINDOW_COMMANDS

# English that argparse and the help texts would print, were the help not Indonesian
# (not the words that are also command names: show, verify).
ENGLISH = {"usage", "positional", "arguments", "argument", "options", "optional",
           "this", "message", "exit", "error", "required", "invalid", "choice", "choose",
           "from", "the", "and", "or", "of", "a", "for", "with", "print", "one", "object",
           "language", "messages", "default", "passports", "hand", "over",
           "record", "handover", "undo", "write", "sign", "standard"}

# What argparse says only of a wrongly defined parser: a bug in Loket, for the log.
FOR_DEVELOPERS = {
    "conflicting option string: %s", "conflicting option strings: %s",
    ".__call__() not defined", "'required' is an invalid argument for positionals",
    "mutually exclusive arguments must be optional", "%r is not callable",
    "cannot merge actions - two groups are named %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r", "invalid conflict_resolution value: %r",
    "cannot have multiple subparser arguments", "conflicting subparser: %s",
    "conflicting subparser alias: %s",
}


def _every_parser() -> Iterator[argparse.ArgumentParser]:
    """The parser with each command's own arguments in turn: the core's (``python -m
    app``) and the program's, whose window commands replace some of the core's."""
    for extra in ({}, WINDOW_COMMANDS):
        for command in (None, *parser.COMMANDS, *extra):
            yield parser.build(command, extra)


def _help_texts() -> set[str]:
    return {text for p in _every_parser() for _, _, text in parser.help_texts(p)}


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sdr]|%[sdr%]", text))


def _english(text: str) -> set[str]:
    """English words in ``text``, leaving out option and command names (``--help``,
    ``verify-backup``)."""
    return {w.lower() for w in re.findall(r"(?<![-\w])[A-Za-z]+(?![-\w])", text)} & ENGLISH


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exc:
        cli.main([*argv, "--help"])
    assert exc.value.code == 0
    return capsys.readouterr().out


def _refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exc:
        cli.main(list(argv))
    assert exc.value.code == 2
    return capsys.readouterr().err


def test_every_help_text_has_its_indonesian() -> None:
    texts = _help_texts()
    missing = sorted(t for t in texts if t not in HELP and t not in ARGPARSE_WORDS)
    assert not missing, ("help texts without Indonesian in app/messages/cli_help.py "
                         "(add each to HELP):\n" + "\n".join(map(repr, missing)))
    stale = sorted(set(HELP) - texts)
    assert not stale, ("entries of app/messages/cli_help.py no command has (changed or "
                       "removed: drop them):\n" + "\n".join(map(repr, stale)))
    for english, indonesian in HELP.items():  # argparse formats them with %
        assert _placeholders(indonesian) == _placeholders(english), english
        assert indonesian.strip() and "  " not in indonesian, english


def test_argparse_words_loket_users_meet_are_indonesian() -> None:
    """Every word the running Python's argparse looks up, but a developer's."""
    source = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    looked_up = {arg.value for node in ast.walk(source)
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                 and node.func.id in ("_", "ngettext")
                 for arg in node.args
                 if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    missing = sorted(looked_up - FOR_DEVELOPERS - set(ARGPARSE_WORDS))
    assert not missing, f"argparse's words without Indonesian: {missing}"
    for english, indonesian in ARGPARSE_WORDS.items():
        assert _placeholders(indonesian) == _placeholders(english), english


def test_the_help_is_indonesian_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    top = _help(capsys)
    assert top.startswith("penggunaan: loket ")
    assert "\nargumen posisi:\n" in top and "\nopsi:\n" in top
    assert "tampilkan bantuan ini lalu keluar" in top and "cetak satu objek JSON" in top
    assert "Loket: antrian dan pengambilan paspor" in top
    assert not _english(top), f"English in the Indonesian help: {sorted(_english(top))}"
    pickup = _help(capsys, "pickup")
    assert pickup.startswith("penggunaan: loket pickup ")
    assert "catat penyerahan (sekali)" in pickup
    assert not _english(pickup), f"English in `pickup --help`: {sorted(_english(pickup))}"
    transfer = _help(capsys, "ticket", "transfer")
    assert "tujuan (salah satu atau keduanya):" in transfer  # a group's own title


def test_english_on_request(capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    for argv in (["--lang", "en"], ["--lang=en", "pickup"], ["--lang", "en", "ticket", "issue"]):
        shown = _help(capsys, *argv)
        assert shown.startswith("usage: loket ") and "\npositional arguments:\n" in shown
        assert "show this help message and exit" in shown and "penggunaan" not in shown
    assert "record a handover (once)" in _help(capsys, "--lang", "en", "pickup")
    monkeypatch.setenv("LOKET_LANG", "en")
    assert _help(capsys).startswith("usage: ")
    assert _help(capsys, "--lang", "id").startswith("penggunaan: ")
    monkeypatch.delenv("LOKET_LANG")
    PcSettings().language = "en"  # this PC's language
    assert _help(capsys).startswith("usage: ")


def test_usage_errors_are_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(capsys, "frobnicate")
    assert err.startswith("penggunaan: loket ")
    assert ("loket: kesalahan: argumen COMMAND: pilihan tidak sah: 'frobnicate' "
            "(pilih dari 'setup', ") in err
    assert not _english(err.split("(pilih dari")[0])
    err = _refused(capsys, "ticket", "call-next")
    assert "loket ticket call-next: kesalahan: argumen berikut wajib diisi: --counter" in err
    err = _refused(capsys, "ticket", "call-next", "--counter")
    assert "argumen --counter: memerlukan satu argumen" in err
    err = _refused(capsys, "status", "lagi")
    assert "loket: kesalahan: argumen tidak dikenal: lagi" in err
    err = _refused(capsys, "--lang", "en", "frobnicate")
    assert "loket: error: argument COMMAND: invalid choice: 'frobnicate'" in err


def test_other_argparse_users_keep_english(capsys: pytest.CaptureFixture[str]) -> None:
    _help(capsys)
    _refused(capsys, "frobnicate")
    other = argparse.ArgumentParser(prog="other")
    other.add_argument("--size", choices=["s", "m"])
    assert other.format_help().startswith("usage: other ")
    assert "show this help message and exit" in other.format_help()
    with pytest.raises(SystemExit):
        other.parse_args(["--size", "xl"])
    assert "other: error: argument --size: invalid choice: 'xl'" in capsys.readouterr().err
