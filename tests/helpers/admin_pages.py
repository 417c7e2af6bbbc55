"""Opening a page of the supervisor's window on its own, as the window would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.office import officers
from app.office.officers import OfficerView
from tests.helpers import WAIT
from ui.kit.worker import DbWorker

P = TypeVar("P", bound=QWidget)


class PageOpener:
    """Opens a page on its own, as the window would (a worker of its own, shown, then
    ``refresh()``); the test's end shuts every worker down."""

    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot
        self._workers: list[DbWorker] = []

    @property
    def opened(self) -> int:
        """How many pages were opened (a number for a new officer's unique name)."""
        return len(self._workers)

    def officer_of(self, role: str) -> OfficerView:
        """A new officer of ``role`` (``officer``, ``supervisor``, ``admin``) to open a
        page as, named after the pages opened so far."""
        return officers.add_officer(f"{role}{self.opened}", "kata-sandi-1", role=role,
                                    full_name=role.title())

    def __call__(self, page_class: Callable[..., P], officer: OfficerView, *,
                 size: tuple[int, int] | None = None, loaded: str | None = None,
                 **options: Any) -> P:
        """``loaded``: the page's signal to wait for after ``refresh()`` (its data is on
        screen); ``options``: the page's own keyword arguments."""
        worker = DbWorker()
        self._workers.append(worker)
        page = page_class(worker, officer, **options)
        self._qtbot.addWidget(page)
        if size is not None:
            page.resize(*size)
        page.show()
        if loaded is None:
            page.refresh()  # type: ignore[attr-defined]
        else:
            with self._qtbot.waitSignal(getattr(page, loaded), timeout=WAIT):
                page.refresh()  # type: ignore[attr-defined]
        return page

    def shut_down(self) -> None:
        for worker in self._workers:
            worker.shutdown()
