"""The reports page shows each counter's serving, paused and idle time, on screen and in
the PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.storage.models import CounterPause
from tests.helpers.reports import at
from tests.ui.admin.test_admin_reports_page import cells, hall, load, page, pdf_text
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


def test_the_pdf_has_the_counters_working_time(qtbot: QtBot, page: ReportsPage,
                                               tmp_path: Path, indonesian: str) -> None:
    # Counter 1: a break 01:30–02:45; span 01:10–02:45 = 95 min: serving 9, paused 75,
    # idle 11.
    CounterPause.insert(counter=CounterPause.counter.rel_model.get(number=1).id,
                        reason="break", started_at=at(1, 30), ended_at=at(2, 45)).execute()
    load(qtbot, page)
    target = tmp_path / "laporan.pdf"
    assert page.save_pdf(target)
    text = pdf_text(target)
    # Headings whole (a hyphenated word keeps its no-break hyphen).
    header = ("Nama Diterbitkan Dilayani Tidak hadir Dibatalkan Kedaluwarsa Terbuka Dialihkan "
              "Rata\u2011rata tunggu Tunggu P90 Rata\u2011rata layanan Layanan P90 Diserahkan "
              "Melayani Jeda Menganggur")
    assert f"Per loket {header} Loket 1" in text  # the counter table, all on the page
    assert "Loket 1 1 1 0 0 0 0 0 10 mnt 10 mnt 9 mnt 9 mnt 0 9 mnt 1 jam 15 mnt 11 mnt " in text
    assert "(tidak dipanggil ke loket) 1 0 0 1 0 0 0 – – – – 0 – – – Per petugas" in text
