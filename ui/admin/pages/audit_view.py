"""The audit log page's layout: the filter, the entries, the paging, the message.

Layout and styling only; :class:`ui.admin.pages.audit.AdminAuditPage` wires the
widgets, fills them and decides what each button may do now.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.office import audit_log
from ui.kit.plain import PlainLabel

NO_DATE = QDate(2000, 1, 1)  # the date edits' "any date"


class AdminAuditPageView(QWidget):
    """Filter fields in a row with their labels above, the table, the paging buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_audit_page")
        self._from = self._date_edit("date_from")
        self._to = self._date_edit("date_to")
        self._officer_box = QComboBox(self)
        self._officer_box.setObjectName("officer_filter")
        self._counter_box = QComboBox(self)
        self._counter_box.setObjectName("counter_filter")
        self._action_box = QComboBox(self)
        self._action_box.setObjectName("action_filter")
        for box, letters in ((self._officer_box, 18), (self._counter_box, 12),
                             (self._action_box, 22)):
            # Wide enough for "Semua petugas" and the longest action names.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(letters)
        self._text = QLineEdit(self)
        self._text.setObjectName("text_filter")
        self._text.setMaxLength(audit_log.MAX_TEXT)
        self._apply = QPushButton(self)
        self._apply.setObjectName("apply_filter")
        self._apply.setDefault(True)
        self._clear = QPushButton(self)
        self._clear.setObjectName("clear_filter")

        self._table = QTableWidget(0, 6, self)
        self._table.setObjectName("audit_table")
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.verticalHeader().setVisible(False)
        self._table.setWordWrap(False)
        header = self._table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self._newest = QPushButton(self)
        self._newest.setObjectName("newest_page")
        self._newer = QPushButton(self)
        self._newer.setObjectName("newer_page")
        self._older = QPushButton(self)
        self._older.setObjectName("older_page")
        self._position = PlainLabel(self)
        self._position.setObjectName("page_position")
        self._export = QPushButton(self)
        self._export.setObjectName("export_csv")
        self._message = PlainLabel(self)
        self._message.setObjectName("audit_message")
        self._message.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        self._labels = [PlainLabel(self) for _ in range(6)]
        grid = QGridLayout()
        for column, (label, field) in enumerate(zip(self._labels, (
                self._from, self._to, self._officer_box, self._counter_box,
                self._action_box, self._text), strict=True)):
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        grid.setColumnStretch(5, 1)
        filter_buttons = QHBoxLayout()
        filter_buttons.addStretch(1)
        filter_buttons.addWidget(self._clear)
        filter_buttons.addWidget(self._apply)
        paging = QHBoxLayout()
        paging.addWidget(self._newest)
        paging.addWidget(self._newer)
        paging.addWidget(self._older)
        paging.addWidget(self._position, 1)
        paging.addWidget(self._export)
        outer = QVBoxLayout(self)
        outer.addLayout(grid)
        outer.addLayout(filter_buttons)
        outer.addWidget(self._table, 1)
        outer.addLayout(paging)
        outer.addWidget(self._message)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit
