"""The counter's main page's layout: the ticket card, the actions, the lines, today.

Layout and styling only (widgets as attributes, nothing wired, no condition, no
word): :class:`ui.counter.desk.DeskPage` subclasses it, wires it, fills it and says
every word. The window (:mod:`ui.counter.window`) decides what happens on a click
and which actions are enabled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui.counter.pickup_panel import PickupPanel

# The actions under the ticket card, in their grid's order (three a row).
CARD_ACTIONS = ("call_next", "recall", "start", "finish", "no_show", "transfer")
NUMBER_STYLE = "font-size: 60pt; font-weight: 800;"


class DeskView(QWidget):
    """The ticket card and its actions on the left, the lines and today on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk_view")
        self.buttons: dict[str, QPushButton] = {}
        columns = QHBoxLayout(self)
        columns.addLayout(self._build_ticket_side(), 5)
        columns.addLayout(self._build_lines_side(), 4)
        self.setStyleSheet("QPushButton { font-size: 13pt; } QLabel { font-size: 12pt; }"
                           " QTableWidget { font-size: 12pt; }")

    def _build_ticket_side(self) -> QVBoxLayout:
        card = QFrame(self)
        card.setObjectName("ticket_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setStyleSheet("QFrame#ticket_card { background: #fafafa; }")
        self._now_label = QLabel(card)
        self._now_label.setStyleSheet("font-size: 13pt; color: #555;")
        self._number = QLabel(card)
        self._number.setObjectName("ticket_number")
        self._number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._number.setStyleSheet(NUMBER_STYLE)
        self._queue_name = QLabel(card)
        self._queue_name.setObjectName("ticket_queue")
        self._queue_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._queue_name.setStyleSheet("font-size: 15pt;")
        self._state = QLabel(card)
        self._state.setObjectName("ticket_state")
        self._state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card_layout = QVBoxLayout(card)
        for label in (self._now_label, self._number, self._queue_name, self._state):
            card_layout.addWidget(label)

        grid = QGridLayout()
        grid.setSpacing(8)
        for i, action in enumerate(CARD_ACTIONS):
            button = QPushButton(self)
            button.setObjectName(action)
            button.setMinimumHeight(48)
            self.buttons[action] = button
            grid.addWidget(button, i // 3, i % 3)
        self.buttons["call_next"].setStyleSheet(
            "QPushButton { font-size: 15pt; font-weight: 700; }")

        self.pickup = PickupPanel(self)
        self.pickup.hide()

        left = QVBoxLayout()
        left.addWidget(card)
        left.addLayout(grid)
        left.addWidget(self.pickup)
        left.addStretch(1)
        return left

    def _build_lines_side(self) -> QVBoxLayout:
        self._queues_label = QLabel(self)
        self._queues = QTableWidget(0, 3, self)
        self._queues.setObjectName("queue_loads")
        self._queues.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._queues.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._queues.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._queues.verticalHeader().setVisible(False)
        header = self._queues.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._queues.setMaximumHeight(170)
        self._waiting_label = QLabel(self)
        self._waiting = QListWidget(self)
        self._waiting.setObjectName("waiting_list")
        self._waiting.setStyleSheet("font-size: 13pt;")
        self._number_label = QLabel(self)
        self._number_edit = QLineEdit(self)
        self._number_edit.setObjectName("call_number_input")
        self._number_edit.setMaxLength(8)
        self.buttons["call_number"] = QPushButton(self)
        self.buttons["call_number"].setObjectName("call_number")
        self._number_label.setBuddy(self._number_edit)
        number_row = QHBoxLayout()
        number_row.addWidget(self._number_label)
        number_row.addWidget(self._number_edit, 1)
        number_row.addWidget(self.buttons["call_number"])
        self._tally = QLabel(self)
        self._tally.setObjectName("tally")
        self._tally.setStyleSheet("font-size: 13pt; padding: 4px;")

        right = QVBoxLayout()
        right.addWidget(self._queues_label)
        right.addWidget(self._queues)
        right.addWidget(self._waiting_label)
        right.addWidget(self._waiting, 1)
        right.addLayout(number_row)
        right.addWidget(self._tally)
        return right
