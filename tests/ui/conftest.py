"""Fixtures for window tests: this PC's settings in a temp file, a chosen language.

Window tests also fail on a Qt warning (pytest-qt's ``qt_log_level_fail``, applied
here as a marker so that tests/unit needs no Qt configuration) except the harmless
lines in :data:`QT_LOG_IGNORE`, and on a database query made on the GUI thread
(:mod:`tests.helpers.gui_thread`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import messages
from app.setup.pc_settings import PcSettings
from tests.helpers.gui_thread import _no_queries_on_the_gui_thread  # noqa: F401
from ui.kit.i18n import install_language

HERE = Path(__file__).parent

# Qt messages of a machine without a sound card or a session bus: not ours, not bugs.
QT_LOG_IGNORE = [
    r"(?i).*pipewire.*",
    r"(?i).*pulseaudio.*",
    r"(?i).*alsa.*",
    r"(?i).*qt\.multimedia.*",
    r"(?i).*no audio device.*",
    r"(?i).*speech.*",
    r"(?i).*dbus.*",
    r"Couldn't (load|resolve) va.*",  # no video acceleration library (multimedia)
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            # Appended: a test's own marker of the same name comes first and wins.
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


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


@pytest.fixture(autouse=True)
def _windows_live_until_closed(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every widget a test hands to ``qtbot.addWidget`` stays alive until pytest-qt has
    closed it at teardown.

    pytest-qt keeps only a weak reference. A page or window held by nothing but the
    test's local variable (and cycles of its own signal connections) was freed by
    the garbage collector while pytest-qt processed the events left after the test;
    a window-system focus event for its window, still queued, then reached a
    destroyed ``QWindow`` and Qt crashed the process (seen on a busy machine,
    ``QApplicationPrivate::notifyActiveWindowChange``). Held here, it is closed
    while alive and released after.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    qtbot = request.getfixturevalue("qtbot")
    kept: list[object] = []
    register = qtbot.addWidget

    def add_widget(widget: object, **options: object) -> None:
        kept.append(widget)
        register(widget, **options)

    qtbot.addWidget = add_widget
    yield
    kept.clear()
