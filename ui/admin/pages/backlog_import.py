"""The supervisor's window: import the list of passports waiting for pickup.

Choose a file, optionally name the batch, read the preview (what would be
created, updated, left unchanged or left closed, and the first rows), then import.
A broken file lists every bad line with its number and reason and cannot be
imported. The import imports exactly the previewed file: if the file changed in
between, :func:`app.pickup.backlog.import_previewed` refuses and the page previews it
again. The work runs on the page's database worker; progress comes back by a
queued signal, and the counters keep working meanwhile.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import LoketError
from app.messages import render
from app.messages.formats import date_text
from app.office import permissions
from app.office.officers import OfficerView
from app.pickup import backlog
from app.pickup.backlog import ImportRejected, ImportSummary, Preview
from ui.admin.page import error_sentence
from ui.kit.operation import OpContext, Operation, run_read
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.admin_import")

ERROR_STYLE = "color: #b71c1c;"
DONE_STYLE = "color: #1b5e20;"
PREVIEW_ROWS = 100


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, 0, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class AdminImportPage(QWidget):
    """Backlog import: file, batch name, preview, import with progress, result."""

    previewed = Signal()  # a preview (good or broken) is on screen
    progressed = Signal(int, int)  # rows written so far, rows in the file
    imported = Signal(object)  # the ImportSummary
    failed = Signal(str)  # the sentence shown

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_import_page")
        self._worker = worker
        self._officer = officer
        self._allowed = permissions.allows(officer.role, "backlog_import")
        self._path = ""
        self._preview: Preview | None = None
        self._problems: list[backlog.Problem] = []
        self._busy = False
        self._why_again = ""  # why the file is being previewed again, kept on screen

        self._file = QLineEdit(self)
        self._file.setObjectName("file_path")
        self._file.setReadOnly(True)
        self._choose = QPushButton(self)
        self._choose.setObjectName("choose_file")
        self._batch = QLineEdit(self)
        self._batch.setObjectName("batch_name")
        self._batch.setMaxLength(64)
        self._again = QPushButton(self)
        self._again.setObjectName("preview_again")
        self._summary = PlainLabel(self)
        self._summary.setObjectName("preview_summary")
        self._summary.setWordWrap(True)
        self._rows = _table(self, "preview_rows")
        self._bad_lines = _table(self, "problems")
        self._bad_lines.hide()
        self._progress = QProgressBar(self)
        self._progress.setObjectName("import_progress")
        self._progress.hide()
        self._message = PlainLabel(self)
        self._message.setObjectName("import_message")
        self._message.setWordWrap(True)
        self._import = QPushButton(self)
        self._import.setObjectName("import_button")

        self._file_label = PlainLabel(self)
        self._file_label.setBuddy(self._choose)
        self._batch_label = PlainLabel(self)
        self._batch_label.setBuddy(self._batch)
        file_row = QHBoxLayout()
        file_row.addWidget(self._file, 1)
        file_row.addWidget(self._choose)
        batch_row = QHBoxLayout()
        batch_row.addWidget(self._batch, 1)
        batch_row.addWidget(self._again)
        form = QFormLayout()
        form.addRow(self._file_label, file_row)
        form.addRow(self._batch_label, batch_row)
        bottom = QHBoxLayout()
        bottom.addWidget(self._message, 1)
        bottom.addWidget(self._import)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self._summary)
        outer.addWidget(self._rows, 1)
        outer.addWidget(self._bad_lines, 1)
        outer.addWidget(self._progress)
        outer.addLayout(bottom)

        self._connect_callbacks()
        self.retranslate()
        self._set_enabled()

    def _connect_callbacks(self) -> None:
        self._choose.clicked.connect(self._ask_for_file)
        self._again.clicked.connect(self.preview)
        self._batch.textEdited.connect(self._batch_edited)
        self._import.clicked.connect(self.start_import)

    # --- the page contract ---------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Backlog import")

    def refresh(self) -> None:
        """Nothing to load: a preview on screen stays until the file is previewed again."""

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._file_label.setText(self.tr("List &file:"))
        self._file.setPlaceholderText(self.tr("CSV or Excel workbook (.xlsx) from the passport "
                                              "system"))
        self._choose.setText(self.tr("&Choose file…"))
        self._batch_label.setText(self.tr("&Batch name (optional):"))
        self._batch.setPlaceholderText(self.tr("e.g. Backlog PDN Juni 2024"))
        self._batch.setToolTip(self.tr(
            "Gives every passport of the list this batch; empty: the file's own batch column "
            "(or the batch a passport already has)."))
        self._again.setText(self.tr("&Preview"))
        self._import.setText(self.tr("&Import"))
        self._progress.setFormat(self.tr("%v of %m rows"))
        self._rows.setColumnCount(9)
        self._rows.setHorizontalHeaderLabels([
            self.tr("Line"), self.tr("Application no."), self.tr("Name"),
            self.tr("Passport no."), self.tr("Shelf"), self.tr("Ready date"), self.tr("Batch"),
            self.tr("Status"), self.tr("On import")])
        self._bad_lines.setColumnCount(2)
        self._bad_lines.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Problem")])
        if not self._path:
            self._summary.setText(self.tr(
                "Choose the list of passports. Nothing is written before you have seen the "
                "preview and pressed Import."))
        elif self._preview is not None:
            self._show_summary(self._preview.summary, previewed=True)
            self._fill_rows(self._preview)
        elif self._problems:
            self._fill_problems(self._problems)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _status_word(self, status: str) -> str:
        return {"printing": self.tr("printing"), "ready": self.tr("ready"),
                "collected": self.tr("collected"), "cancelled": self.tr("cancelled"),
                }.get(status, status)

    def _outcome_word(self, outcome: str) -> str:
        return {backlog.CREATE: self.tr("new"), backlog.UPDATE: self.tr("updated"),
                backlog.UNCHANGED: self.tr("unchanged"),
                backlog.CLOSED: self.tr("left as it is (collected or cancelled)"),
                }.get(outcome, outcome)

    # --- choosing and previewing ---------------------------------------------------------

    def _ask_for_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the list of passports"), str(Path.home()),
            self.tr("Lists (*.csv *.txt *.xlsx);;All files (*)"))
        if path:
            self.choose_file(path)

    def choose_file(self, path: str) -> None:
        """Take ``path`` as the list and preview it (the file dialog ends here)."""
        self._path = path
        self._file.setText(path)
        self.preview()

    def preview(self) -> None:
        """Read and check the file, and say what importing it would do. Writes nothing."""
        if self._busy or not self._path:
            return
        path, batch = self._path, self._batch.text().strip() or None
        officer_id = self._officer.id
        self._forget_preview()
        self._say(self.tr("Reading {file}…").format(file=Path(path).name), "")
        self._set_busy(True)
        run_read(self._worker,
                 lambda: backlog.preview_file(path, batch, officer=officer_id,
                                              first=PREVIEW_ROWS),
                 self._previewed, self._preview_failed)

    def _forget_preview(self) -> None:
        self._preview = None
        self._problems = []
        self._rows.setRowCount(0)
        self._bad_lines.setRowCount(0)
        self._bad_lines.hide()
        self._rows.show()
        self._summary.clear()

    def _previewed(self, preview: Preview) -> None:
        self._set_busy(False)
        self._preview = preview
        self._show_summary(preview.summary, previewed=True)
        self._fill_rows(preview)
        check = self.tr("Check the preview, then press Import.")
        if self._why_again:
            self._say(f"{self._why_again} {check}", ERROR_STYLE)
            self._why_again = ""
        else:
            self._say(check, "")
        self._set_enabled()
        self.previewed.emit()

    def _preview_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._why_again = ""
        if isinstance(exc, ImportRejected):
            self._problems = list(exc.problems)
            self._fill_problems(self._problems)
        text = error_sentence(exc)
        self._say(text, ERROR_STYLE)
        self._set_enabled()
        self.previewed.emit()
        self.failed.emit(text)

    def _fill_problems(self, problems: list[backlog.Problem]) -> None:
        self._rows.hide()
        self._bad_lines.show()
        self._summary.setText(self.tr(
            "The file cannot be imported: {count} line(s) need correcting in the spreadsheet "
            "first. Nothing was written.").format(count=len(problems)))
        self._bad_lines.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            self._bad_lines.setItem(row, 0, QTableWidgetItem(str(problem.line)))
            self._bad_lines.setItem(row, 1, QTableWidgetItem(
                render(problem.code, problem.params)))
        self._bad_lines.resizeColumnToContents(0)

    def _fill_rows(self, preview: Preview) -> None:
        self._bad_lines.hide()
        self._rows.show()
        self._rows.setRowCount(len(preview.first_rows))
        for row, r in enumerate(preview.first_rows):
            values = [str(r.line), r.application_no, r.name, r.passport_no, r.location,
                      date_text(r.ready_date) if r.ready_date else "", r.batch,
                      self._status_word(r.status), self._outcome_word(r.outcome)]
            for column, value in enumerate(values):
                self._rows.setItem(row, column, QTableWidgetItem(value))
        self._rows.resizeColumnsToContents()
        self._rows.horizontalHeader().setSectionResizeMode(
            self._rows.columnCount() - 1, QHeaderView.ResizeMode.Stretch)

    def _show_summary(self, summary: ImportSummary, *, previewed: bool) -> None:
        counts = {"rows": summary.rows, "created": summary.created,
                  "updated": summary.updated, "unchanged": summary.unchanged,
                  "closed": summary.closed}
        if previewed:
            text = self.tr(
                "{rows} passports in the list. Importing would add {created} new, update "
                "{updated}, leave {unchanged} unchanged and leave {closed} already collected "
                "or cancelled as they are.").format(**counts)
            shown = min(summary.rows, PREVIEW_ROWS)
            if shown < summary.rows:
                text += " " + self.tr("The first {shown} rows are shown.").format(shown=shown)
        else:
            text = self.tr(
                "Imported {rows} passports: {created} new, {updated} updated, {unchanged} "
                "unchanged, {closed} already collected or cancelled left as they are.").format(
                **counts)
        if summary.batch:
            text += " " + self.tr("Batch: {batch}.").format(batch=summary.batch)
        if summary.ignored_columns:
            text += " " + self.tr("Columns not used: {columns}.").format(
                columns=", ".join(summary.ignored_columns))
        self._summary.setText(text)

    def _batch_edited(self, text: str) -> None:
        if self._preview is not None and (text.strip() or None) != self._preview.batch:
            self._preview = None  # what would be imported is no longer what was shown
            self._say(self.tr("The batch name changed: press Preview to see the list with it."),
                      "")
            self._set_enabled()

    # --- importing -----------------------------------------------------------------------

    def start_import(self) -> None:
        """Import the previewed file (refused, and previewed again, if it changed)."""
        if self._busy or self._preview is None:
            return
        preview, officer_id = self._preview, self._officer.id
        self._progress.setRange(0, max(1, preview.summary.rows))
        self._progress.setValue(0)
        self._progress.show()
        self._say(self.tr("Importing…"), "")
        self._set_busy(True)

        def work(ctx: OpContext) -> ImportSummary:  # on the worker thread
            return backlog.import_previewed(preview, officer_id,
                                            progress=lambda done, total: ctx.report(done, total))

        Operation(self._worker, work).progress(self._show_progress) \
            .success(self._imported).failure(self._import_failed).run()

    def _show_progress(self, done: int, total: int, _text: str = "") -> None:
        self._progress.setRange(0, max(1, total))
        self._progress.setValue(done)
        self.progressed.emit(done, total)

    def _imported(self, summary: ImportSummary) -> None:
        self._set_busy(False)
        self._preview = None  # imported: a second import needs a new preview
        self._progress.hide()
        self._show_summary(summary, previewed=False)
        self._say(self.tr("The list was imported."), DONE_STYLE)
        self._set_enabled()
        self.imported.emit(summary)

    def _import_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._progress.hide()
        text = error_sentence(exc)
        self._say(text, ERROR_STYLE)
        if isinstance(exc, LoketError) and exc.code == "import_file_changed":
            self._why_again = text
            self.preview()  # show what the file holds now; Import again after reading it
        self._set_enabled()
        self.failed.emit(text)

    # --- state ---------------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self._message.setText(text)
        self._message.setStyleSheet(style)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._set_enabled()

    def _set_enabled(self) -> None:
        idle = not self._busy
        self._choose.setEnabled(idle and self._allowed)
        self._batch.setEnabled(idle and self._allowed)
        self._again.setEnabled(idle and self._allowed and bool(self._path))
        self._import.setEnabled(idle and self._allowed and self._preview is not None)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def can_import(self) -> bool:
        return self._import.isEnabled()
