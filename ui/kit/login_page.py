"""The sign-in page: who is working, and (at a counter) which counter this PC is.

The supervisor's window uses the same page without the counter row.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.kit.i18n import LANGUAGE_NAMES, LANGUAGES


def _pc_settings_offered() -> bool:
    from ui.setup import first_run

    return first_run.settings_offered()


def _open_pc_settings() -> None:
    from ui.setup import first_run

    first_run.request_settings()


class LoginPage(QWidget):
    """Layout and input only; the window signs in (``app.office.officers.log_in`` at a counter).

    With ``ask_counter=False`` (the supervisor's window) the counter row is hidden and
    ``submitted`` carries 0 as the counter.
    """

    submitted = Signal(str, str, int)  # username, password, counter number (0: none asked)
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, ask_counter: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("login_page")
        self._ask_counter = ask_counter
        self._title = QLabel(self)
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
        self._message = QLabel(self)
        self._message.setObjectName("login_message")
        self._message.setWordWrap(True)
        self._message.setStyleSheet("color: #b71c1c; font-size: 13pt;")
        self._sign_in = QPushButton(self)
        self._sign_in.setObjectName("sign_in")
        self._sign_in.setDefault(True)
        self._sign_in.setMinimumHeight(44)

        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        form.addRow(self._labels[0], self._username)
        form.addRow(self._labels[1], self._password)
        form.addRow(self._labels[2], self._counter)
        form.addRow(self._labels[3], self._language)
        for label, buddy in zip(self._labels, (self._username, self._password, self._counter,
                                               self._language), strict=True):
            label.setBuddy(buddy)
        form.setRowVisible(2, ask_counter)

        card = QFrame(self)
        card.setObjectName("login_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(520)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.setSpacing(14)
        inner.addWidget(self._title)
        inner.addLayout(form)
        inner.addWidget(self._message)
        inner.addWidget(self._sign_in)
        # This PC's set-up (database, mode, counter), for whoever looks after the PCs;
        # only where the run can reopen it (not in ``loket demo``).
        self._pc_settings = QPushButton(self)
        self._pc_settings.setObjectName("pc_settings")
        self._pc_settings.setFlat(True)
        self._pc_settings.setStyleSheet("font-size: 11pt; color: #1565c0;")
        self._pc_settings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._pc_settings.clicked.connect(_open_pc_settings)
        self._pc_settings.setVisible(_pc_settings_offered())
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

        self._sign_in.clicked.connect(self._submit)
        self._password.returnPressed.connect(self._submit)
        self._username.returnPressed.connect(self._password.setFocus)
        self._language.activated.connect(
            lambda index: self.language_chosen.emit(self._language.itemData(index)))
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Loket · counter sign-in") if self._ask_counter
                            else self.tr("Loket · supervisor sign-in"))
        for label, text in zip(self._labels, (self.tr("&Username:"), self.tr("&Password:"),
                                              self.tr("This PC is &counter:"),
                                              self.tr("&Language:")), strict=True):
            label.setText(text)
        self._sign_in.setText(self.tr("Sign in"))
        self._pc_settings.setText(self.tr("PC settings…"))
        self._pc_settings.setToolTip(self.tr("This PC's database, mode and counter "
                                             "(Ctrl+Shift+S)"))
        if self._counter.count() == 0 and self._ask_counter:
            self._counter.setPlaceholderText(self.tr("(loading counters…)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what the window calls -------------------------------------------------------

    def set_counters(self, counters: list[tuple[int, str]], chosen: int | None) -> None:
        self._counter.clear()
        for number, name in counters:
            self._counter.addItem(name, number)
        index = self._counter.findData(chosen) if chosen is not None else -1
        # First start: nothing is chosen, so the officer must pick one knowingly.
        self._counter.setCurrentIndex(index)
        self._counter.setPlaceholderText(self.tr("choose this PC's counter"))

    def set_language(self, lang: str) -> None:
        self._language.setCurrentIndex(max(0, self._language.findData(lang)))

    def set_busy(self, busy: bool) -> None:
        self._sign_in.setEnabled(not busy)

    def show_message(self, text: str) -> None:
        self._message.setText(text)

    def reset(self, message: str = "") -> None:
        self._password.clear()
        self._message.setText(message)
        self.set_busy(False)
        (self._username if not self._username.text() else self._password).setFocus()

    def _submit(self) -> None:
        if not self._sign_in.isEnabled():
            return
        counter = self._counter.currentData()
        if not self._username.text().strip() or not self._password.text():
            self.show_message(self.tr("Enter your username and password."))
            return
        if not self._ask_counter:
            self.submitted.emit(self._username.text(), self._password.text(), 0)
            return
        if counter is None:
            self.show_message(self.tr("Choose which counter this PC is."))
            return
        self.submitted.emit(self._username.text(), self._password.text(), int(counter))
