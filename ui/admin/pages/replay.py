"""What the supervisor's pages share that write back what another source holds (late
handovers, the emergency PC's tickets): read the source and preview on the worker,
then write exactly what was previewed, the core deciding every item again.

Composed into a page (as :class:`ui.admin.page.RecordTable` is): its few words are
said under the context ``Replay``, so every page shows them translated. The page keeps
its own words, its table's cells and what may be pressed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QTableWidget, QTableWidgetItem, QWidget

from ui.admin.pages.replay_view import ReplayPageView
from ui.kit.operation import Operation, run_read
from ui.kit.worker import DbWorker

# An outcome a person must settle stands out.
ATTENTION = QColor("#fff3cd")


def ask_for_other_database(parent: QWidget) -> str:
    """The file dialog for the other database's SQLite file; "" when none was chosen."""
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Replay", "Choose the other database"),
        str(Path.home()),
        QCoreApplication.translate(
            "Replay", "SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
    return path


def say_common_words(view: ReplayPageView) -> None:
    """The words every such page shows alike, in the window's language."""
    view.database.setPlaceholderText(QCoreApplication.translate(
        "Replay", "SQLite file (e.g. darurat.sqlite3) or server URL (postgresql://…)"))
    view.choose_database_button.setText(QCoreApplication.translate("Replay", "Choose file…"))
    view.any_database.setText(QCoreApplication.translate(
        "Replay", "Also from &another database"))
    view.preview_button.setText(QCoreApplication.translate("Replay", "&Preview"))


def fill_table(table: QTableWidget, rows: Sequence[tuple[Sequence[str], bool]]) -> None:
    """Write the rows (their cells, and whether a person must look at them)."""
    table.setRowCount(len(rows))
    for row, (cells, attention) in enumerate(rows):
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if attention:
                item.setBackground(ATTENTION)
            table.setItem(row, col, item)


def table_rows(table: QTableWidget) -> list[list[str]]:
    """The table's cells, row by row."""
    return [[item.text() if (item := table.item(row, col)) is not None else ""
             for col in range(table.columnCount())]
            for row in range(table.rowCount())]


class Replay:
    """The preview on screen (or what was written), and one read or write at a time.

    ``show(answer)`` puts an answer on screen; ``update()`` says what may be pressed
    now; ``previewed``/``written`` are called after it is shown; ``refused(exc)`` may
    give the page's own sentence for a failure (None: the core's).
    """

    def __init__(self, view: ReplayPageView, worker: DbWorker, *,
                 show: Callable[[Any], None], update: Callable[[], None],
                 previewed: Callable[[Any], None], written: Callable[[Any], None],
                 refused: Callable[[Exception], str | None] | None = None) -> None:
        self._view, self._worker = view, worker
        self._show, self._update = show, update
        self._previewed, self._written, self._refused = previewed, written, refused
        self.answer: Any = None  # on screen: a preview, or what was written
        self.busy = False

    @property
    def preview_on_screen(self) -> Any:
        """The preview on screen (what the act would write), or None."""
        answer = self.answer
        return answer if answer is not None and answer.report.dry_run else None

    def preview(self, work: Callable[[], Any]) -> None:
        """Read the source and decide every item on the worker; writes nothing."""
        if self.busy:
            return
        self._start()
        run_read(self._worker, work, self._on_previewed, self._failed)

    def write(self, work: Callable[[], Any]) -> None:
        """Write on the worker (the core decides every item again)."""
        if self.busy:
            return
        self._start()
        Operation(self._worker, lambda _ctx: work()) \
            .success(self._on_written).failure(self._failed).run()

    def forget_preview(self) -> None:
        """What is on screen no longer says what the act would write: preview again."""
        if self.preview_on_screen is not None:
            self.answer = None
            self._view.table.setRowCount(0)
            self._view.total_label.setText(QCoreApplication.translate(
                "Replay", "Press Preview to read the source again."))
        self._update()

    def _start(self) -> None:
        self._view.message.clear_message()
        self._set_busy(True)

    def _on_previewed(self, answer: Any) -> None:
        self._set_busy(False)
        self._put(answer)
        self._previewed(answer)

    def _on_written(self, answer: Any) -> None:
        self._set_busy(False)
        self._put(answer)
        self._written(answer)

    def _put(self, answer: Any) -> None:
        self.answer = answer
        self._show(answer)
        self._update()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.answer = None  # a refused source shows nothing that could be written
        self._view.table.setRowCount(0)
        self._view.total_label.clear()
        self._update()
        own = self._refused(exc) if self._refused is not None else None
        if own is not None:
            self._view.message.show_refusal(own)
        else:
            self._view.message.show_error(exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._view.progress.setVisible(busy)
        self._update()
