"""Fixtures for window tests: this PC's settings in a temp file, a chosen language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app import messages
from ui.kit.i18n import install_language
from ui.setup.pc_settings import PcSettings


@pytest.fixture
def pc(tmp_path: Path) -> PcSettings:
    """This PC's settings, in an ini file of the test's own."""
    return PcSettings(QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def english(qapp: QApplication) -> Iterator[str]:
    """Windows and messages in English (tests read labels and messages)."""
    yield install_language("en")
    messages.use_language(None)


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[str]:
    yield install_language("id")
    install_language("en")
    messages.use_language(None)
