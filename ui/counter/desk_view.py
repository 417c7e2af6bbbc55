"""The counter's main page's layout: the ticket card, the actions, the lines, today.

Layout and styling only (widgets as attributes, nothing wired, no condition, no
word): :class:`ui.counter.desk.DeskPage` subclasses it, wires it, fills it and says
every word. The window (:mod:`ui.counter.window`) decides what happens on a click
and which actions are enabled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui.counter.pickup_panel import WARNING_STYLE, PickupPanel
from ui.kit.i18n import WindowText
from ui.kit.plain import PlainLabel

# The actions under the ticket card, in their grid's order (three a row).
CARD_ACTIONS = ("call_next", "recall", "start", "finish", "no_show", "transfer", "requeue",
                "pause")
NUMBER_STYLE = "font-size: {pt}pt; font-weight: 800; color: {colour};"
# Narrower than this (half a 1366×768 screen in ``loket demo``), the lines go under the
# ticket and the actions two a row: the window shrinks by rearranging, never by cutting.
WIDE_FROM = 1000
NARROW_MIN_WIDTH = 480


class DeskView(WindowText, QWidget):
    """The ticket card and its actions on the left, the lines and today on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk_view")
        self.buttons: dict[str, QPushButton] = {}
        self._narrow: bool | None = None
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._columns.addLayout(self._build_ticket_side(), 5)
        self._columns.addLayout(self._build_lines_side(), 4)
        self.setMinimumWidth(NARROW_MIN_WIDTH)
        self._arrange(wide=True)

    def colour_number(self, colour: str) -> None:
        self._number_colour = colour
        self._number.setStyleSheet(NUMBER_STYLE.format(pt=44 if self._narrow else 60,
                                                       colour=colour))
        self.setStyleSheet("QPushButton { font-size: 13pt; } QLabel { font-size: 12pt; }"
                           " QTableWidget { font-size: 12pt; }")

    def _build_ticket_side(self) -> QVBoxLayout:
        card = QFrame(self)
        card.setObjectName("ticket_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setStyleSheet("QFrame#ticket_card { background: #fafafa; }")
        self._now_label = PlainLabel(card)
        self._now_label.setStyleSheet("font-size: 13pt; color: #555;")
        self._number = PlainLabel(card)
        self._number.setObjectName("ticket_number")
        self._number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._number_colour = "#9e9e9e"
        self._queue_name = PlainLabel(card)
        self._queue_name.setObjectName("ticket_queue")
        self._queue_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._queue_name.setStyleSheet("font-size: 15pt;")
        self._state = PlainLabel(card)
        self._state.setObjectName("ticket_state")
        self._state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card_layout = QVBoxLayout(card)
        for label in (self._now_label, self._number, self._queue_name, self._state):
            card_layout.addWidget(label)

        grid = self._actions = QGridLayout()
        grid.setSpacing(8)
        for action in CARD_ACTIONS:
            button = QPushButton(self)
            button.setObjectName(action)
            button.setMinimumHeight(48)
            self.buttons[action] = button
        self.buttons["call_next"].setStyleSheet(
            "QPushButton { font-size: 15pt; font-weight: 700; }")

        # Why the last scan was not used, where the officer looks after scanning: above
        # the pickup panel, which keeps the slip it showed.
        self.scan_notice = PlainLabel(self)
        self.scan_notice.setObjectName("scan_notice")
        self.scan_notice.setWordWrap(True)
        self.scan_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.scan_notice.setStyleSheet(WARNING_STYLE)
        self.scan_notice.hide()
        self.pickup = PickupPanel(self)
        self.pickup.hide()
        self.pickup.visibility_changing.connect(self._fit_lines)

        left = QVBoxLayout()
        left.addWidget(card)
        left.addLayout(grid)
        left.addWidget(self.scan_notice)
        left.addWidget(self.pickup)
        self._ticket_stretch = left.addStretch(1)
        return left

    def _build_lines_side(self) -> QVBoxLayout:
        self._queues_label = PlainLabel(self)
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
        self._queues.setMinimumHeight(60)
        self._waiting_label = PlainLabel(self)
        self._waiting = QListWidget(self)
        self._waiting.setObjectName("waiting_list")
        self._waiting.setStyleSheet("font-size: 13pt;")
        self._waiting.setMinimumHeight(48)
        self._number_label = PlainLabel(self)
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
        self._tally = PlainLabel(self)
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

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._arrange(wide=event.size().width() >= WIDE_FROM)
        super().resizeEvent(event)

    def _arrange(self, *, wide: bool) -> None:
        """Side by side, the actions three a row; or (narrow) one above the other, two a
        row, the lines taking the height left."""
        if self._narrow is (not wide):
            return
        self._narrow = not wide
        self._columns.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                   else QBoxLayout.Direction.TopToBottom)
        self._columns.setStretch(0, 5 if wide else 0)
        self._columns.setStretch(1, 4 if wide else 1)
        per_row = 3 if wide else 2
        for action in CARD_ACTIONS:
            self._actions.removeWidget(self.buttons[action])
        for i, action in enumerate(CARD_ACTIONS):
            # Narrow, the actions take four rows: a little lower, so the lines still fit.
            self.buttons[action].setMinimumHeight(48 if wide else 40)
            self._actions.addWidget(self.buttons[action], i // per_row, i % per_row)
        self._now_label.setVisible(wide)  # the number says it: height for the panel
        self.colour_number(self._number_colour)
        self._fit_lines()

    def _fit_lines(self, panel: bool | None = None) -> None:
        """Narrow, with a passport on the panel: the panel before the lines (the number
        row stays, so F8 still has its field)."""
        if panel is None:
            panel = self.pickup.isVisibleTo(self)
        show = not (self._narrow and panel)
        for widget in (self._queues_label, self._queues, self._waiting_label, self._waiting,
                       self._tally):
            widget.setVisible(show)
