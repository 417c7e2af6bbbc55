"""The late handovers page's layout: the source, preview and record, the handovers.

Layout and styling only; :class:`ui.admin.pages.reconcile.ReconcilePage` wires the
widgets, says what they read and decides what may be pressed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.admin.page import PageMessage, report_table
from ui.kit.plain import PlainLabel

# The table's columns: application no., time, counter, officer, outcome, reason.
COLUMNS = 6
REASON_COLUMN = COLUMNS - 1


class ReconcilePageView(QWidget):
    """What the page says it is for, the source box, the buttons, the table, the totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reconcile_page")
        self._intro = PlainLabel(self)
        self._intro.setWordWrap(True)
        self._build_source()
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("reconcile_preview")
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("reconcile_record")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reconcile_progress")
        self.progress.setRange(0, 0)  # busy: reading a source does not know its length
        self.progress.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        self.table = report_table(self, "reconcile_handovers")
        self.table.setColumnCount(COLUMNS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.total_label = PlainLabel(self)
        self.total_label.setObjectName("reconcile_total")
        self.total_label.setWordWrap(True)
        self.message = PageMessage(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._source_box)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.message)

    def _build_source(self) -> None:
        # Where the handovers come from: a journal file, or another database.
        self._source_box = QGroupBox(self)
        self.from_journal = QRadioButton(self)
        self.from_journal.setObjectName("reconcile_from_journal")
        self.from_journal.setChecked(True)
        self.from_database = QRadioButton(self)
        self.from_database.setObjectName("reconcile_from_database")
        self.sources = QButtonGroup(self)
        self.sources.addButton(self.from_journal)
        self.sources.addButton(self.from_database)
        self.journal = QLineEdit(self)
        self.journal.setObjectName("reconcile_journal")
        self.choose_journal_button = QPushButton(self)
        self.choose_journal_button.setObjectName("reconcile_choose_journal")
        self.database = QLineEdit(self)
        self.database.setObjectName("reconcile_database")
        self.choose_database_button = QPushButton(self)
        self.choose_database_button.setObjectName("reconcile_choose_database")
        self.any_database = QCheckBox(self)
        self.any_database.setObjectName("reconcile_any_database")
        grid = QGridLayout(self._source_box)
        grid.addWidget(self.from_journal, 0, 0)
        grid.addWidget(self.journal, 0, 1)
        grid.addWidget(self.choose_journal_button, 0, 2)
        grid.addWidget(self.from_database, 1, 0)
        grid.addWidget(self.database, 1, 1)
        grid.addWidget(self.choose_database_button, 1, 2)
        grid.addWidget(self.any_database, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
