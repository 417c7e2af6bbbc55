"""The late handovers page's layout: the source, preview and record, the handovers.

Layout and styling only; :class:`ui.admin.pages.reconcile.ReconcilePage` wires the
widgets, says what they read and decides what may be pressed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ui.admin.pages.replay_view import ReplayPageView

# The table's columns: application no., time, counter, officer, outcome, reason.
COLUMNS = 6


class ReconcilePageView(ReplayPageView):
    """What the page says it is for, the source box, the buttons, the table, the totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("reconcile", "record", "handovers", COLUMNS, parent)
        self.record_button = self.act_button

    def _build_source(self) -> None:
        # Where the handovers come from: a journal file, or another database.
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
        grid = QGridLayout(self._source_box)
        grid.addWidget(self.from_journal, 0, 0)
        grid.addWidget(self.journal, 0, 1)
        grid.addWidget(self.choose_journal_button, 0, 2)
        grid.addWidget(self.from_database, 1, 0)
        grid.addWidget(self.database, 1, 1)
        grid.addWidget(self.choose_database_button, 1, 2)
        grid.addWidget(self.any_database, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
