"""Fixtures for window tests: this PC's settings in a temp file, a chosen language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import messages
from app.setup.pc_settings import PcSettings
from ui.kit.i18n import install_language


@pytest.fixture
def pc(tmp_path: Path) -> PcSettings:
    """This PC's settings, in a loket.ini of the test's own."""
    return PcSettings(tmp_path / "pc" / "loket.ini")


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
