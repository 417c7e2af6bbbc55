"""The sign-in page: who is working, and (at a counter) which counter this PC is.

The supervisor's window uses the same page without the counter row.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QWidget,
)

from ui.kit import settings_request
from ui.kit.login_page_view import LoginPageView


class LoginPage(LoginPageView):
    """Layout and input only; the window signs in (``app.office.officers.log_in`` at a counter).

    With ``ask_counter=False`` (the supervisor's window) the counter row is hidden and
    ``submitted`` carries 0 as the counter.
    """

    submitted = Signal(str, str, int)  # username, password, counter number (0: none asked)
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, ask_counter: bool = True) -> None:
        super().__init__(parent)
        self._ask_counter = ask_counter
        self._form.setRowVisible(2, ask_counter)
        # This PC's set-up, only where the run can reopen it (not in ``loket demo``).
        self._pc_settings.setVisible(settings_request.offered())
        self._connect_callbacks()
        self.retranslate()

    def _connect_callbacks(self) -> None:
        self._pc_settings.clicked.connect(settings_request.request_settings)
        self._sign_in.clicked.connect(self._submit)
        self._password.returnPressed.connect(self._submit)
        self._username.returnPressed.connect(self._password.setFocus)
        self._language.activated.connect(
            lambda index: self.language_chosen.emit(self._language.itemData(index)))

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
