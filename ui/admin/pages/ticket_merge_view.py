"""The emergency PC's tickets page's layout: the other database, preview and merge, the
tickets.

Layout and styling only; :class:`ui.admin.pages.ticket_merge.TicketMergePage` wires the
widgets, says what they read and decides what may be pressed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from ui.admin.pages.replay_view import ReplayPageView
from ui.kit.plain import PlainLabel

# The table's columns: day, queue, number, status there, result, reason.
COLUMNS = 6


class TicketMergePageView(ReplayPageView):
    """What the page says it is for, the database box, the buttons, the table, the totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("ticket_merge", "merge", "tickets", COLUMNS, parent)
        self.merge_button = self.act_button

    def _build_source(self) -> None:
        # The emergency PC's database: its SQLite file, or a server it worked on.
        self.database_label = PlainLabel(self)
        self.database_label.setBuddy(self.database)
        grid = QGridLayout(self._source_box)
        grid.addWidget(self.database_label, 0, 0)
        grid.addWidget(self.database, 0, 1)
        grid.addWidget(self.choose_database_button, 0, 2)
        grid.addWidget(self.any_database, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
