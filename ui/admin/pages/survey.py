"""The supervisor's "Survei (IKM)" page: the satisfaction survey's index for a range of days.

It shows what :func:`app.office.survey.report` computes: the IKM and its mutu, the NRR
of each element, and a breakdown per queue, counter or officer, with a note when the
answers came from the short form (not the official nine-element index). The report is
read on the window's worker; Export CSV writes :func:`app.office.survey.to_csv` (every
breakdown), the same file as ``loket survey report --csv``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QTableWidget, QTableWidgetItem, QWidget

from app.errors import LoketError
from app.messages import current_language, render
from app.messages.formats import date_text
from app.office import permissions, survey
from app.office.officers import OfficerView
from app.office.survey import SurveyReport, SurveyRow
from ui.admin.page import py_date, qdate
from ui.admin.pages.survey_view import SurveyPageView
from ui.kit import operation
from ui.kit.operation import Refresher
from ui.kit.worker import DbWorker


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SurveyPage(SurveyPageView):
    """The IKM of the chosen days, its elements and its breakdown."""

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._officer = officer
        self._report: SurveyReport | None = None
        self._reads: Refresher[SurveyReport] = Refresher(
            worker, self._prepare_read, self._loaded, self._read_failed)
        self._connect_callbacks()
        self._export.setEnabled(False)
        self.retranslate()

    def _connect_callbacks(self) -> None:
        self._refresh.clicked.connect(self.refresh)
        self._export.clicked.connect(self._ask_csv)
        self._by.activated.connect(lambda _index: self._show_breakdown())

    # --- the page contract --------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Survey (IKM)")

    def refresh(self) -> None:
        if not permissions.allows(self._officer.role, "reports_view"):
            self._show_error(self.tr("Only a supervisor or an admin may see reports."))
            return
        self._reads.request()

    def set_range(self, start: dt.date, end: dt.date) -> None:
        """Choose the days and load them."""
        self._from.setDate(qdate(start))
        self._to.setDate(qdate(end))
        self.refresh()

    def choose_breakdown(self, by: str) -> None:
        self._by.setCurrentIndex(max(0, self._by.findData(by)))
        self._show_breakdown()

    @property
    def report(self) -> SurveyReport | None:
        return self._report

    # --- reading ------------------------------------------------------------------------

    def _prepare_read(self) -> Callable[[], SurveyReport]:
        start, end = py_date(self._from.date()), py_date(self._to.date())
        by = self._officer.id
        self._refresh.setEnabled(False)
        self._status.setStyleSheet("")
        self._status.setText(self.tr("Loading the survey…"))
        return lambda: survey.report(start, end, by)

    def _loaded(self, rep: SurveyReport) -> None:
        self._report = rep
        self._refresh.setEnabled(True)
        self._export.setEnabled(True)
        self._show_report()
        self.loaded.emit()

    def _read_failed(self, exc: Exception) -> None:
        self._refresh.setEnabled(True)
        self._show_error(operation.error_sentence(exc, act=False))

    def _show_error(self, text: str) -> None:
        self._status.setStyleSheet("color: #b71c1c;")
        self._status.setText(text)
        self.failed.emit(text)

    # --- showing ------------------------------------------------------------------------

    def _show_report(self) -> None:
        rep = self._report
        if rep is None:
            self._status.setText(self.tr("Choose the days and press Refresh."))
            return
        lang = current_language()
        self._status.setText(render("survey_report_title", {
            "start": date_text(rep.start), "end": date_text(rep.end)}, lang))
        total = rep.total
        if total.ikm is None:
            self._ikm.setText(render("survey_report_empty", {}, lang))
        else:
            self._ikm.setText(self.tr("IKM {ikm} · mutu {grade} ({words}) · {count} "
                                      "responses").format(
                ikm=survey.decimal_text(total.ikm, 2, lang), grade=total.mutu,
                words=total.mutu_text(lang), count=total.responses))
        note = ""
        if rep.form == "short":
            note = render("survey_report_short_form", {
                "elements": ", ".join(e.upper() for e in survey.SHORT_ELEMENTS)}, lang)
        elif rep.form == "mixed":
            note = render("survey_report_mixed_form", {}, lang)
        self._note.setText(note)
        self._note.setVisible(bool(note))
        self._fill(self._nrr, [self.tr("Element"), self.tr("NRR")], [
            [f"{e.upper()} · {render(f'survey_{e}', {}, lang)}",
             survey.decimal_text(total.nrr[e], 3, lang) or "–"] for e in survey.ELEMENTS])
        self._show_breakdown()

    def _show_breakdown(self) -> None:
        rep = self._report
        if rep is None:
            return
        lang = current_language()
        rows: tuple[SurveyRow, ...] = rep.breakdown(str(self._by.currentData()))
        self._fill(self._breakdown, [self.tr("Name"), self.tr("Responses"), self.tr("IKM"),
                                     self.tr("Mutu")], [
            [row.name(lang), str(row.responses), survey.decimal_text(row.ikm, 2, lang) or "–",
             f"{row.mutu} ({row.mutu_text(lang)})" if row.mutu else "–"] for row in rows])

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, _item(text, right=c > 0))

    # --- the file -----------------------------------------------------------------------

    def _ask_csv(self) -> None:
        rep = self._report
        if rep is None:
            return
        word = self.tr("survey")  # the file's name, in the window's language
        name = f"{word}-{rep.start.isoformat()}_{rep.end.isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the survey as CSV"), name,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path) -> bool:
        """Write the survey's index and every breakdown as CSV."""
        if self._report is None:
            return False
        try:
            survey.save_csv(self._report, path, lang=current_language())
        except LoketError as exc:
            self._show_error(exc.message())
            return False
        self._status.setStyleSheet("")
        self._status.setText(self.tr("Saved {path}.").format(path=str(path)))
        return True

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self._from_label.setText(self.tr("&From:"))
        self._to_label.setText(self.tr("&To:"))
        self._refresh.setText(self.tr("&Refresh"))
        self._export.setText(self.tr("Export &CSV…"))
        self._by_label.setText(self.tr("&Breakdown:"))
        for index, text in enumerate((self.tr("Per queue"), self.tr("Per counter"),
                                      self.tr("Per officer"))):
            self._by.setItemText(index, text)
        self._show_report()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
