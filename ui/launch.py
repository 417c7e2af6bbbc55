"""Start a window mode. The command line hands window commands here by name, so
``app/`` stays free of Qt and importable where Qt is not installed."""

from __future__ import annotations

import sys

from ui.application import create_application
from ui.status_window import StatusWindow, fetch_office_status

WINDOWS = {"monitor": "the office status, refreshed every 2 s"}


def run(mode: str) -> int:
    """Open the window for ``mode`` on the database the command line connected."""
    if mode not in WINDOWS:
        raise ValueError(f"unknown window mode {mode!r}")
    qt_app = create_application(sys.argv)
    window = StatusWindow(fetch_office_status)
    window.show()
    return int(qt_app.exec())
