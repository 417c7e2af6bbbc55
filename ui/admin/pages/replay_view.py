"""The layout the supervisor's pages share that write back what another source holds
(late handovers, the emergency PC's tickets): what the page is for, the source,
Preview and the act, a busy bar, the table of what becomes of each item, the totals.

Layout and styling only; each page's view lays out its source box
(:meth:`ReplayPageView._build_source`) and its controller wires the widgets with
:class:`ui.admin.pages.replay.Replay`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.admin.page import PageMessage, report_table
from ui.kit.plain import PlainLabel


class ReplayPageView(QWidget):
    """``name`` prefixes the widgets' object names; ``act`` names the button that writes,
    ``items`` the table, which has ``columns`` columns, the last (the reason) taking the
    room left."""

    def __init__(self, name: str, act: str, items: str, columns: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_page")
        self._intro = PlainLabel(self)
        self._intro.setWordWrap(True)
        # The other database, which every such page may read from.
        self._source_box = QGroupBox(self)
        self.database = QLineEdit(self)
        self.database.setObjectName(f"{name}_database")
        self.choose_database_button = QPushButton(self)
        self.choose_database_button.setObjectName(f"{name}_choose_database")
        self.any_database = QCheckBox(self)
        self.any_database.setObjectName(f"{name}_any_database")
        self._build_source()
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName(f"{name}_preview")
        self.act_button = QPushButton(self)
        self.act_button.setObjectName(f"{name}_{act}")
        self.progress = QProgressBar(self)
        self.progress.setObjectName(f"{name}_progress")
        self.progress.setRange(0, 0)  # busy: reading a source does not know its length
        self.progress.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.act_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        self.table = report_table(self, f"{name}_{items}")
        self.table.setColumnCount(columns)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        self.total_label = PlainLabel(self)
        self.total_label.setObjectName(f"{name}_total")
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
        """Lay out ``self._source_box``: the other database's row and ``any_database``,
        with whatever else the page reads from."""
        raise NotImplementedError
