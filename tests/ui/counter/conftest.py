"""What the counter window's tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.counter.window import CounterWindow


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[CounterWindow]]:
    opened: list[CounterWindow] = []
    yield opened
    for window in opened:
        window.close()
