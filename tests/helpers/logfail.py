"""An unexpected log record fails the test (as qutebrowser's ``tests/helpers/logfail.py``).

An ERROR from any logger, or a WARNING from Loket's own (``loket.*``), means something
went wrong that no assertion looked at: the test fails and names the record. A test
that expects one says so, either

* with ``@pytest.mark.expect_log("loket.ui.worker", "WARNING")`` (the logger's name
  is a prefix: ``"loket"`` covers all of Loket's), or
* by capturing it: ``caplog.at_level(level, logger)`` or ``caplog.set_level(...)``
  on that logger (or one above it) at or below the record's level, as a test reading
  ``caplog.records`` does.

Records are collected from every thread and checked when the test's fixtures are torn
down, so a window closing with a warning counts too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

OURS = "loket"


def _name_within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".") or prefix == ""


class LogFailHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._lock = threading.Lock()
        self.unexpected: list[logging.LogRecord] = []
        self.expected: list[tuple[str, int]] = []
        self.root_level = logging.WARNING

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.ERROR and not _name_within(record.name, OURS):
            return
        if self._expected(record):
            return
        with self._lock:
            self.unexpected.append(record)

    def _expected(self, record: logging.LogRecord) -> bool:
        if any(_name_within(record.name, prefix) and record.levelno >= level
               for prefix, level in self.expected):
            return True
        # The nearest logger with a level of its own: a test capturing with caplog set it.
        logger: logging.Logger | None = logging.getLogger(record.name)
        while logger is not None:
            if isinstance(logger, logging.RootLogger):
                return logger.level != self.root_level and logger.level <= record.levelno
            if logger.level != logging.NOTSET:
                return logger.level <= record.levelno
            logger = logger.parent
        return False

    def start(self, expected: list[tuple[str, int]]) -> None:
        with self._lock:
            self.unexpected.clear()
            self.expected = expected
            self.root_level = logging.getLogger().level

    def stop(self) -> list[logging.LogRecord]:
        with self._lock:
            found, self.unexpected = self.unexpected, []
            self.expected = []
        return found


_handler = LogFailHandler()


def _expectations(node: pytest.Item) -> list[tuple[str, int]]:
    found = []
    for mark in node.iter_markers("expect_log"):
        logger = mark.args[0] if mark.args else mark.kwargs.get("logger", "")
        level = mark.args[1] if len(mark.args) > 1 else mark.kwargs.get("level", "WARNING")
        found.append((str(logger), logging.getLevelName(level) if isinstance(level, str)
                      else int(level)))
    return found


@pytest.fixture(autouse=True)
def _fail_on_unexpected_logs(request: pytest.FixtureRequest) -> Iterator[None]:
    root = logging.getLogger()
    if _handler not in root.handlers:
        root.addHandler(_handler)
    _handler.start(_expectations(request.node))
    yield
    found = _handler.stop()
    if found:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in found)
        pytest.fail("unexpected log records (mark the test with expect_log if they "
                    f"are expected):\n{lines}", pytrace=False)
