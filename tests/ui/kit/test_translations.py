"""Every window string has an Indonesian translation, with the same blanks, and it loads."""

from __future__ import annotations

import os
import re
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ui.kit import i18n

BLANK = re.compile(r"\{[a-z_]*\}")


def _messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out.append((name, message.findtext("source") or "",
                        translation.text, translation.get("type")))
    return out


def test_the_indonesian_source_file_is_up_to_date_and_complete(tmp_path: Path) -> None:
    """Run lupdate over ui/ into a copy: nothing new may appear, nothing unfinished."""
    copy = tmp_path / "loket_id.ts"
    shutil.copy(i18n.ts_file("id"), copy)
    before = {(c, s) for c, s, _, _ in _messages(copy)}
    import subprocess

    subprocess.run([str(i18n._qt_tool("lupdate")), "-locations", "none", "-no-obsolete",
                    *i18n._sources(), "-ts", str(copy)], check=True, capture_output=True)
    after = _messages(copy)
    missing = sorted({(c, s) for c, s, _, _ in after} - before)
    assert not missing, ("strings not in loket_id.ts yet "
                         f"(run python -m ui.kit.i18n update): {missing}")
    unfinished = [(c, s) for c, s, text, kind in after if kind == "unfinished" or not text]
    assert not unfinished, f"strings without an Indonesian translation: {unfinished}"


def test_translations_keep_every_blank() -> None:
    for context, source, text, _ in _messages(i18n.ts_file("id")):
        assert sorted(BLANK.findall(source)) == sorted(BLANK.findall(text or "")), (
            context, source, text)


def test_the_translation_compiles_and_loads(qapp: QApplication) -> None:
    path = i18n.qm_file("id")
    assert path is not None and path.exists()
    try:
        assert i18n.install_language("id") == "id"
        assert QCoreApplication.translate("LoginPage", "Sign in") == "Masuk"
        assert i18n.install_language("en") == "en"
        assert QCoreApplication.translate("LoginPage", "Sign in") == "Sign in"
    finally:
        i18n.install_language("en")
        from app import messages

        messages.use_language(None)


@pytest.mark.parametrize("lang", ["xx", ""])
def test_an_unknown_language_falls_back_to_indonesian(qapp: QApplication, lang: str) -> None:
    try:
        assert i18n.install_language(lang) == "id"
    finally:
        i18n.install_language("en")
        from app import messages

        messages.use_language(None)


@pytest.mark.expect_log("loket.ui.i18n", "WARNING")  # lrelease is missing, on purpose
def test_a_built_translation_is_used_where_lrelease_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed bundle carries loket_id.qm but no lrelease, and copies may give the
    .ts a newer file time than the .qm: the built file must still be used."""
    folder = tmp_path / "translations"
    folder.mkdir()
    source = folder / "loket_id.ts"
    shutil.copy(i18n.ts_file("id"), source)
    i18n.compile_ts(source, folder / "loket_id.qm")
    os.utime(source, (time.time() + 60, time.time() + 60))  # the .ts looks newer
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def no_lrelease(name: str) -> Path:
        raise FileNotFoundError(name)

    monkeypatch.setattr(i18n, "_qt_tool", no_lrelease)
    assert i18n.qm_file("id") == folder / "loket_id.qm"
