"""The reports page shows each counter's serving, paused and idle time."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.storage.models import CounterPause
from tests.helpers.reports import at
from tests.ui.admin.test_admin_reports_page import cells, hall, load, page
from ui.admin.pages.reports import ReportsPage

__all__ = ["hall", "page"]  # fixtures this module uses


def test_the_counter_table_splits_working_time(qtbot: QtBot, page: ReportsPage) -> None:
    # Counter 1 (the hall's day): called 01:10, served 01:11–01:20 (9 min); a break
    # 01:30–01:45. Span 01:10–01:45 = 35 min: serving 9, paused 15, idle 11.
    CounterPause.insert(counter=CounterPause.counter.rel_model.get(number=1).id,
                        reason="break", started_at=at(1, 30), ended_at=at(1, 45)).execute()
    load(qtbot, page)
    table = page.findChild(QTableWidget, "counter_table")
    header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert header[-3:] == ["Serving", "Paused", "Idle"]
    rows = {row[0]: row[-3:] for row in cells(table)}
    assert rows["Loket 1"] == ["9 min", "15 min", "11 min"]
    assert rows["(not called to a counter)"] == ["–", "–", "–"]
    queues = page.findChild(QTableWidget, "queue_table")
    assert queues.columnCount() == len(header) - 3  # the other tables as they were
