"""Choosing where a ticket goes: another queue (it keeps its number and place in
time) or one counter (only that counter may call it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.queue.desk import Target
from ui.kit.i18n import WindowText
from ui.kit.plain import PlainLabel


class TransferDialog(WindowText, QDialog):
    def __init__(self, number: str, targets: list[Target], suggested: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transfer_dialog")
        self.setModal(True)
        self._number = number
        self._targets = targets
        self._suggested = -1 if suggested is None else suggested
        self._label = PlainLabel(self)
        self._list = QListWidget(self)
        self._list.setObjectName("transfer_targets")
        self._list.setStyleSheet("font-size: 14pt;")
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._list.itemSelectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addWidget(self._list)
        layout.addWidget(self._buttons)
        self.retranslate()
        self._list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(460, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Transfer ticket"))
        self._label.setText(self.tr("Send {number} to:").format(number=self._number))
        row = self._chosen_row()
        self._list.clear()
        english = self.language == "en"
        for target in self._targets:
            name = target.label_en if english else target.label_id
            text = (self.tr("Queue {name}").format(name=name) if target.kind == "queue"
                    else self.tr("Counter: {name}").format(name=name))
            QListWidgetItem(text, self._list)
        # Nothing chosen unless the core suggests one: Enter out of habit must not send
        # a pickup applicant to passport applications.
        self._list.setCurrentRow(row if row >= 0 else self._suggested)
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Transfer"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update(self) -> None:
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self._chosen_row() >= 0)

    def choose(self, index: int) -> None:
        self._list.setCurrentRow(index)

    def _chosen_row(self) -> int:
        """The selected row (-1: none). Not the current row: a list given the focus makes
        its first row current without the officer choosing it."""
        rows = self._list.selectedIndexes()
        return rows[0].row() if rows else -1

    def target(self) -> Target | None:
        row = self._chosen_row()
        return self._targets[row] if 0 <= row < len(self._targets) else None
