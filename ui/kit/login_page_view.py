"""The sign-in page's layout: a card with the title, the fields and Sign in.

Layout and styling only; :class:`ui.kit.login_page.LoginPage` wires the widgets and
decides which rows show.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.kit.i18n import LANGUAGE_NAMES, LANGUAGES, WindowText
from ui.kit.plain import PlainLabel


class LoginPageView(WindowText, QWidget):
    """Username, password, counter and language in a form, centred on the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_page")
        self._title = PlainLabel(self)
        self._title.setObjectName("login_title")
        self._title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._title.setWordWrap(True)
        self._username = QLineEdit(self)
        self._username.setObjectName("username")
        self._password = QLineEdit(self)
        self._password.setObjectName("password")
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._counter = QComboBox(self)
        self._counter.setObjectName("counter_choice")
        self._language = QComboBox(self)
        self._language.setObjectName("language_choice")
        for lang in LANGUAGES:
            self._language.addItem(LANGUAGE_NAMES[lang], lang)
        self._message = PlainLabel(self)
        self._message.setObjectName("login_message")
        self._message.setWordWrap(True)
        self._message.setStyleSheet("color: #b71c1c; font-size: 13pt;")
        self._sign_in = QPushButton(self)
        self._sign_in.setObjectName("sign_in")
        self._sign_in.setDefault(True)
        self._sign_in.setMinimumHeight(44)

        self._labels = [PlainLabel(self) for _ in range(4)]
        form = self._form = QFormLayout()
        form.addRow(self._labels[0], self._username)
        form.addRow(self._labels[1], self._password)
        form.addRow(self._labels[2], self._counter)
        form.addRow(self._labels[3], self._language)
        for label, buddy in zip(self._labels, (self._username, self._password, self._counter,
                                               self._language), strict=True):
            label.setBuddy(buddy)
        self._lay_out()

    def _lay_out(self) -> None:
        card = QFrame(self)
        card.setObjectName("login_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(520)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.setSpacing(14)
        inner.addWidget(self._title)
        inner.addLayout(self._form)
        inner.addWidget(self._message)
        inner.addWidget(self._sign_in)
        # This PC's set-up (database, mode, counter), for whoever looks after the PCs.
        self._pc_settings = QPushButton(self)
        self._pc_settings.setObjectName("pc_settings")
        self._pc_settings.setFlat(True)
        self._pc_settings.setStyleSheet("font-size: 11pt; color: #1565c0;")
        self._pc_settings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        settings_row = QHBoxLayout()
        settings_row.addStretch(1)
        settings_row.addWidget(self._pc_settings)
        inner.addLayout(settings_row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 2)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setStyleSheet("QLineEdit, QComboBox { font-size: 14pt; min-height: 32px; }"
                           " QLabel { font-size: 13pt; }"
                           " QPushButton#sign_in { font-size: 15pt; }")
