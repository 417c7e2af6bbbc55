"""The survey page's layout: the days, Refresh and Export, the index, the two tables.

Layout and styling only; :class:`ui.admin.pages.survey.SurveyPage` wires the widgets,
says what they read and decides what happens.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.office import survey
from ui.admin.page import date_edit, report_table
from ui.kit.plain import PlainLabel

INDEX_STYLE = "QLabel#ikm { font-size: 26pt; font-weight: bold; color: #0d47a1; }"
NOTE_STYLE = "QLabel#survey_note { color: #5c4400; background: #fff3cd; padding: 4px; }"


class SurveyPageView(QWidget):
    """The date range, Refresh, Export CSV; the IKM and its mutu; NRR per element; the
    breakdown (per queue, counter or officer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("survey_page")
        self.setStyleSheet(INDEX_STYLE + NOTE_STYLE)
        today = dt.date.today()
        self._from_label = PlainLabel(self)
        self._from = date_edit(self, "survey_from", today.replace(day=1))
        self._to_label = PlainLabel(self)
        self._to = date_edit(self, "survey_to", today)
        self._from_label.setBuddy(self._from)
        self._to_label.setBuddy(self._to)
        self._refresh = self._button("survey_refresh")
        self._export = self._button("survey_export_csv")
        self._status = PlainLabel(self)
        self._status.setObjectName("survey_status")
        self._status.setWordWrap(True)
        self._ikm = PlainLabel(self)
        self._ikm.setObjectName("ikm")
        self._note = PlainLabel(self)
        self._note.setObjectName("survey_note")
        self._note.setWordWrap(True)
        self._note.hide()
        self._nrr = self._table("nrr_table")
        self._by_label = PlainLabel(self)
        self._by = QComboBox(self)
        self._by.setObjectName("survey_by")
        for by in survey.BREAKDOWNS:
            self._by.addItem("", by)
        self._by_label.setBuddy(self._by)
        self._breakdown = self._table("breakdown_table")

        top = QHBoxLayout()
        for widget in (self._from_label, self._from, self._to_label, self._to, self._refresh):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self._export)
        by_row = QHBoxLayout()
        by_row.addWidget(self._by_label)
        by_row.addWidget(self._by)
        by_row.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(by_row)
        right.addWidget(self._breakdown, 1)
        left = QVBoxLayout()
        left.addWidget(self._ikm)
        left.addWidget(self._nrr, 1)
        tables = QHBoxLayout()
        tables.addLayout(left, 2)
        tables.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._status)
        layout.addWidget(self._note)
        layout.addLayout(tables, 1)

    def _button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        return button

    def _table(self, name: str) -> QTableWidget:
        table = report_table(self, name)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table
