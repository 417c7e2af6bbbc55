"""Why the counter pauses: a break, prayer or a system fault (one press each)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from app.storage.models import PAUSE_REASONS
from ui.kit.i18n import WindowText
from ui.kit.plain import PlainLabel


class PauseDialog(WindowText, QDialog):
    """One big button per reason; choosing one accepts the dialog."""

    def __init__(self, counter_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pause_dialog")
        self.setModal(True)
        self._counter_name = counter_name
        self._reason: str | None = None
        self._label = PlainLabel(self)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        for reason in PAUSE_REASONS:
            button = QPushButton(self)
            button.setObjectName(f"pause_{reason}")
            button.setMinimumHeight(48)
            button.setStyleSheet("font-size: 14pt;")
            button.clicked.connect(lambda _=False, r=reason: self._choose(r))
            self.buttons[reason] = button
            layout.addWidget(button)
        self._cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self._cancel.rejected.connect(self.reject)
        layout.addWidget(self._cancel)
        self.retranslate()
        self.resize(420, 300)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pause the counter"))
        self._label.setText(self.tr("{counter} calls nobody until you resume. Why the "
                                    "pause?").format(counter=self._counter_name))
        texts = {"break": self.tr("Break"), "prayer": self.tr("Prayer"),
                 "system": self.tr("System fault")}
        for reason, text in texts.items():
            self.buttons[reason].setText(text)
        self._cancel.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose(self, reason: str) -> None:
        self._reason = reason
        self.accept()

    def reason(self) -> str | None:
        return self._reason
