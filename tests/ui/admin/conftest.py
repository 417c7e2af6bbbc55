"""What the tests of the supervisor's window's pages share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.admin_pages import PageOpener


@pytest.fixture
def open_admin_page(qtbot: QtBot) -> Iterator[PageOpener]:
    opener = PageOpener(qtbot)
    yield opener
    opener.shut_down()
