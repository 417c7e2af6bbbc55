"""An on-screen keypad for a touch screen: digits, capital letters, '-' and '/' (or, for
a phone number, :data:`PHONE_ROWS`).

Application numbers on the official receipt look like ``2024-TNG-000123``, so
the keypad has letters too. It never takes the keyboard focus (a scanner's
keystrokes must reach the window) and only emits what was pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from ui.kit.i18n import WindowText

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM/")
# A phone number: digits and the + of +62, laid out like a telephone's keys.
PHONE_ROWS = ("123", "456", "789", "+0")


class Keypad(WindowText, QWidget):
    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, rows: tuple[str, ...] = ROWS,
                 names: str = "key") -> None:
        """``names``: how its keys' object names start (``key_7``, ``key_ok``), so two
        keypads in one window are told apart."""
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)  # its page's margins frame it
        grid.setSpacing(8)
        for row, keys in enumerate(rows):
            for column, key in enumerate(keys):
                button = self._button(key, f"{names}_{key}")
                button.clicked.connect(lambda _=False, k=key: self.typed.emit(k))
                grid.addWidget(button, row, column)
        self._delete = self._button("", f"{names}_backspace")
        self._delete.clicked.connect(self.backspace)
        self._clear = self._button("", f"{names}_clear")
        self._clear.clicked.connect(self.cleared)
        self._ok = self._button("", f"{names}_ok")
        self._ok.clicked.connect(self.submitted)
        # Delete fills the last row's free keys; Clear and OK share the row below.
        width, last = max(len(keys) for keys in rows), len(rows) - 1
        grid.addWidget(self._delete, last, len(rows[-1]), 1, width - len(rows[-1]))
        clear_span = max(1, width * 3 // 10)
        grid.addWidget(self._clear, last + 1, 0, 1, clear_span)
        grid.addWidget(self._ok, last + 1, clear_span, 1, width - clear_span)
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
