"""Where details go: a rotating log file in the user's log directory."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from app.private_files import private_file
from app.storage.db import APP_NAME


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each new log file (after a rotation too) is made 0600 before it is opened:
    log lines may name the people a refusal concerns."""

    def _open(self):  # type: ignore[no-untyped-def]
        private_file(Path(self.baseFilename), own_folder=True)
        return super()._open()


def log_file() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "loket.log"


def configure(verbose: bool = False) -> Path | None:
    """Send log records to the log file (and to stderr when ``verbose``)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path: Path | None = log_file()
    try:
        assert path is not None
        private_file(path, own_folder=True)
        handler: logging.Handler = _PrivateRotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8",
            errors="backslashreplace")  # a file name that is not UTF-8 is logged, not fatal
    except OSError:
        path = None
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if verbose:
        root.addHandler(logging.StreamHandler())
    return path
