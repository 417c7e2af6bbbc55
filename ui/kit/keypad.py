"""An on-screen keypad for a touch screen: digits, capital letters, '-' and '/'.

Application numbers on the official receipt look like ``2024-TNG-000123``, so
the keypad has letters too. It never takes the keyboard focus (a scanner's
keystrokes must reach the window) and only emits what was pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from ui.kit.i18n import WindowText

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM/")


class Keypad(WindowText, QWidget):
    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(8)
        for row, keys in enumerate(ROWS):
            for column, key in enumerate(keys):
                button = self._button(key, f"key_{key}")
                button.clicked.connect(lambda _=False, k=key: self.typed.emit(k))
                grid.addWidget(button, row, column)
        self._delete = self._button("", "key_backspace")
        self._delete.clicked.connect(self.backspace)
        self._clear = self._button("", "key_clear")
        self._clear.clicked.connect(self.cleared)
        self._ok = self._button("", "key_ok")
        self._ok.clicked.connect(self.submitted)
        last = len(ROWS) - 1
        grid.addWidget(self._delete, last, 8, 1, 2)
        grid.addWidget(self._clear, last + 1, 0, 1, 3)
        grid.addWidget(self._ok, last + 1, 3, 1, 7)
        self._retranslate()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return button

    def _retranslate(self) -> None:
        self._delete.setText(self.tr("⌫ Delete"))
        self._clear.setText(self.tr("Clear"))
        self._ok.setText(self.tr("OK"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
