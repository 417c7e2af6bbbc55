"""The supervisor's window: the audit log, read only.

Filter by office dates, officer, counter, action and text in the subject; newest
first, 200 entries a page ("Newer" / "Older" move by id, so entries written
meanwhile never shift a page); export every matching entry to CSV. The page
never offers to change or delete an entry: :mod:`app.office.audit` has no such function.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QTableWidgetItem,
    QWidget,
)

from app.messages.formats import date_time_text
from app.messages.record_words import AUDIT_ACTION_WORDS, action_name
from app.office import audit_log
from app.office.audit_log import AuditFilter, AuditPage, FilterChoices
from app.office.officers import OfficerView
from ui.admin.page import error_sentence
from ui.admin.pages.audit_view import NO_DATE, AdminAuditPageView
from ui.kit.operation import run_read
from ui.kit.plain import plain_tip
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.admin_audit")

ERROR_STYLE = "color: #b71c1c;"
DONE_STYLE = "color: #1b5e20;"


class AdminAuditPage(AdminAuditPageView):
    """Who did what, when: filtered, paged, exported; never edited."""

    shown = Signal()  # a page of entries (or a refusal) is on screen
    exported = Signal(int)  # rows written
    failed = Signal(str)

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._officer = officer
        self._filter = AuditFilter()
        self._page: AuditPage | None = None
        self._choices: FilterChoices | None = None
        self._busy = False

        self._connect_callbacks()
        self.retranslate()
        self._set_enabled()

    def _connect_callbacks(self) -> None:
        self._apply.clicked.connect(self.apply_filter)
        self._text.returnPressed.connect(self.apply_filter)
        self._clear.clicked.connect(self.clear_filter)
        self._newest.clicked.connect(lambda: self._load())
        self._newer.clicked.connect(self.newer)
        self._older.clicked.connect(self.older)
        self._export.clicked.connect(self._ask_export_path)

    # --- the page contract ---------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Audit log")

    def refresh(self) -> None:
        """The filter lists, then the newest entries under the current filter."""
        if self._busy:
            return
        viewer = self._officer.id
        self._set_busy(True)
        run_read(self._worker, lambda: audit_log.filter_choices(viewer), self._fill_choices,
                 self._failed)

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        for label, text in zip(self._labels, (
                self.tr("&From:"), self.tr("&To:"), self.tr("O&fficer:"), self.tr("&Counter:"),
                self.tr("&Action:"), self.tr("&Subject contains:")), strict=True):
            label.setText(text)
        for edit in (self._from, self._to):
            edit.setSpecialValueText(self.tr("any date"))
        self._text.setPlaceholderText(self.tr("e.g. an application number or a username"))
        self._apply.setText(self.tr("&Show"))
        self._clear.setText(self.tr("C&lear filter"))
        self._newest.setText(self.tr("Newest"))
        self._newer.setText(self.tr("◀ Newer"))
        self._older.setText(self.tr("Older ▶"))
        self._export.setText(self.tr("&Export CSV…"))
        self._export.setToolTip(self.tr("Every entry that matches the filter, not only this "
                                        "page."))
        self._table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Action"), self.tr("Officer"), self.tr("Counter"),
            self.tr("Subject"), self.tr("Details")])
        if self._choices is not None:
            self._fill_choices(self._choices, load=False)
        if self._page is not None:
            self._show_page(self._page)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def action_names(self) -> dict[str, str]:
        """Each action code as the log's reader calls it, in the window's language (the
        command line's and the export's words: :mod:`app.messages.record_words`)."""
        return {code: action_name(code) for code in AUDIT_ACTION_WORDS}

    def action_name(self, code: str) -> str:
        return action_name(code)

    # --- filter --------------------------------------------------------------------------

    def _fill_choices(self, choices: FilterChoices, load: bool = True) -> None:
        self._choices = choices
        for box, everything, items in (
                (self._officer_box, self.tr("All officers"),
                 [(f"{u} ({n})" if n and n != u else u, i) for i, u, n in choices.officers]),
                (self._counter_box, self.tr("All counters"),
                 [(str(n), n) for n in choices.counters]),
                (self._action_box, self.tr("All actions"),
                 sorted(((self.action_name(a), a) for a in
                         set(choices.actions) | set(self.action_names())),
                        key=lambda item: item[0].lower()))):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.blockSignals(False)
        if load:
            self._set_busy(False)
            self._load()

    def typed_filter(self) -> AuditFilter:
        def day(edit: QDateEdit) -> dt.date | None:
            value = edit.date()
            return None if value == NO_DATE else dt.date(value.year(), value.month(),
                                                         value.day())

        return AuditFilter(date_from=day(self._from), date_to=day(self._to),
                           officer=self._officer_box.currentData(),
                           counter=self._counter_box.currentData(),
                           action=self._action_box.currentData(), text=self._text.text())

    def apply_filter(self) -> None:
        self._filter = self.typed_filter()
        self._load()

    def clear_filter(self) -> None:
        for edit in (self._from, self._to):
            edit.setDate(NO_DATE)
        for box in (self._officer_box, self._counter_box, self._action_box):
            box.setCurrentIndex(0)
        self._text.clear()
        self.apply_filter()

    # --- paging --------------------------------------------------------------------------

    def older(self) -> None:
        if self._page is not None and self._page.rows:
            self._load(older_than=self._page.rows[-1].id)

    def newer(self) -> None:
        if self._page is not None and self._page.rows:
            self._load(newer_than=self._page.rows[0].id)

    def _load(self, *, older_than: int | None = None, newer_than: int | None = None) -> None:
        if self._busy:
            return
        viewer, filt = self._officer.id, self._filter
        self._set_busy(True)
        run_read(self._worker, lambda: audit_log.entries(
            viewer, filt, older_than=older_than, newer_than=newer_than),
            self._show_page, self._failed)

    def _show_page(self, page: AuditPage) -> None:
        self._set_busy(False)
        self._page = page
        self._table.setRowCount(len(page.rows))
        for r, row in enumerate(page.rows):
            officer = (f"{row.officer} ({row.officer_name})"
                       if row.officer_name and row.officer_name != row.officer
                       else row.officer) or "—"
            details = row.details_text()
            values = [audit_log.time_text(row), self.action_name(row.action),
                      officer, "" if row.counter is None else str(row.counter), row.subject,
                      details]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c in (4, 5) and value:
                    item.setToolTip(plain_tip(value))
                self._table.setItem(r, c, item)
        self._table.resizeColumnsToContents()
        if page.rows:
            self._position.setText(self.tr("{count} entries, {newest} to {oldest}").format(
                count=len(page.rows), newest=date_time_text(page.rows[0].local),
                oldest=date_time_text(page.rows[-1].local)))
        else:
            self._position.setText(self.tr("No entries match the filter."))
        self._message.clear()
        self._set_enabled()
        self.shown.emit()

    # --- export --------------------------------------------------------------------------

    def _ask_export_path(self) -> None:
        suggested = str(Path.home() / f"audit-{dt.date.today().isoformat()}.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), suggested,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write every entry matching the filter in use to ``path`` (on the worker)."""
        if self._busy:
            return
        viewer, filt, names = self._officer.id, self._filter, self.action_names()
        self._set_busy(True)
        self._message.setText(self.tr("Exporting…"))
        self._message.setStyleSheet("")
        # A read of the database (the file it writes is the supervisor's, not the office's).
        run_read(self._worker,
                 lambda: audit_log.export_csv(viewer, filt, path, action_names=names),
                 lambda count: self._exported(count, path), self._failed)

    def _exported(self, count: int, path: str) -> None:
        self._set_busy(False)
        self._message.setText(self.tr("{count} entries written to {path}.").format(
            count=count, path=path))
        self._message.setStyleSheet(DONE_STYLE)
        self.exported.emit(count)

    # --- state ---------------------------------------------------------------------------

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        text = error_sentence(exc)
        self._message.setText(text)
        self._message.setStyleSheet(ERROR_STYLE)
        self.failed.emit(text)
        self.shown.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._set_enabled()

    def _set_enabled(self) -> None:
        idle = not self._busy
        page = self._page
        for widget in (self._apply, self._clear):
            widget.setEnabled(idle)
        self._newest.setEnabled(idle and page is not None)
        self._newer.setEnabled(idle and page is not None and page.has_newer)
        self._older.setEnabled(idle and page is not None and page.has_older)
        self._export.setEnabled(idle and page is not None)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def rows(self) -> list[audit_log.AuditRow]:
        return list(self._page.rows) if self._page is not None else []
