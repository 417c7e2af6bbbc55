"""The handover dialog: who collects the passport, and that their ID was checked.

It only gathers the officer's answers; the rules (name required for family and
proxy, ID check required, once only) are enforced by
:func:`app.pickup.service.hand_over`. The dialog mirrors them so "Hand over" stays
disabled until the form makes sense.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.pickup.service import PickupView
from ui.kit.i18n import WindowText
from ui.kit.plain import PlainLabel

NAME_MAX = 100


@dataclass(frozen=True)
class HandoverAnswer:
    collector: str  # self | family | proxy
    collector_name: str
    id_checked: bool


class HandoverDialog(WindowText, QDialog):
    def __init__(self, record: PickupView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handover_dialog")
        self.setModal(True)
        self._record = record
        self._summary = PlainLabel(self)
        self._summary.setObjectName("handover_summary")
        self._summary.setWordWrap(True)
        self._summary.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.setStyleSheet("QRadioButton, QCheckBox, QLabel, QLineEdit, QPushButton "
                           "{ font-size: 13pt; }")
        self._self = QRadioButton(self)
        self._self.setObjectName("collector_self")
        self._family = QRadioButton(self)
        self._family.setObjectName("collector_family")
        self._proxy = QRadioButton(self)
        self._proxy.setObjectName("collector_proxy")
        self._group = QButtonGroup(self)
        for button in (self._self, self._family, self._proxy):
            self._group.addButton(button)
        self._self.setChecked(True)
        self._name = QLineEdit(self)
        self._name.setObjectName("collector_name")
        self._name.setMaxLength(NAME_MAX)
        self._documents = PlainLabel(self)
        self._documents.setObjectName("documents_hint")
        self._documents.setWordWrap(True)
        self._id_checked = QCheckBox(self)
        self._id_checked.setObjectName("id_checked")
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        self._form = QFormLayout()
        self._name_label = PlainLabel(self)
        self._form.addRow(self._self)
        self._form.addRow(self._family)
        self._form.addRow(self._proxy)
        self._form.addRow(self._name_label, self._name)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addLayout(self._form)
        layout.addWidget(self._documents)
        layout.addWidget(self._id_checked)
        layout.addWidget(self._buttons)

        self._group.buttonToggled.connect(self._update)
        self._name.textChanged.connect(self._update)
        self._id_checked.toggled.connect(self._update)
        self.retranslate()
        self._update()
        self._id_checked.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        r = self._record
        self.setWindowTitle(self.tr("Hand over passport"))
        self._summary.setText(self.tr("{name} · {number}\nApplication {application}").format(
            name=r.name, number=r.passport_no or "–", application=r.application_no))
        self._self.setText(self.tr("&Holder in person"))
        self._family.setText(self.tr("&Family member (same family card)"))
        self._proxy.setText(self.tr("&Proxy with power of attorney"))
        self._name_label.setText(self.tr("Collector's &name:"))
        self._name_label.setBuddy(self._name)
        self._id_checked.setText(self.tr("&ID checked against the passport and receipt"))
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Hand over"))
        ok.setObjectName("confirm_handover")
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def collector(self) -> str:
        if self._family.isChecked():
            return "family"
        if self._proxy.isChecked():
            return "proxy"
        return "self"

    def answer(self) -> HandoverAnswer:
        name = self._name.text().strip() if self.collector() != "self" else ""
        return HandoverAnswer(self.collector(), name, self._id_checked.isChecked())

    def _update(self) -> None:
        collector = self.collector()
        needs_name = collector != "self"
        self._name.setEnabled(needs_name)
        self._name_label.setEnabled(needs_name)
        self._documents.setText({
            "self": self.tr("Check: payment receipt and the holder's ID card."),
            "family": self.tr("Check: payment receipt, the collector's ID card and the family "
                              "card (KK) showing both."),
            "proxy": self.tr("Check: payment receipt, the collector's ID card and the signed "
                             "power of attorney (surat kuasa)."),
        }[collector])
        ready = self._id_checked.isChecked() and (not needs_name or bool(self._name.text().strip()))
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(ready)
