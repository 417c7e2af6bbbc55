"""The pickup panel: what the officer fetches from the shelf and checks at the desk."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.messages.formats import date_text
from app.pickup.service import CounterCheck
from app.storage.models import CANCELLED, COLLECTED, PRINTING, READY
from ui.kit.i18n import WindowText
from ui.kit.plain import PlainLabel

WARNING_STYLE = ("QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a;"
                 " padding: 6px; font-size: 13pt; }")
STOP_STYLE = ("QLabel { background: #c62828; color: white; padding: 6px; font-size: 13pt;"
              " font-weight: 600; }")


class PickupPanel(WindowText, QFrame):
    """Shows one :class:`~app.pickup.service.CounterCheck`; emits what the officer asks for."""

    hand_over_requested = Signal()
    close_requested = Signal()
    # Before the panel shows or hides, so the desk can make room first (showing it
    # would otherwise grow a window that has no room, and windows never shrink back).
    visibility_changing = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickup_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._check: CounterCheck | None = None
        self._mismatch = False
        self._title = PlainLabel(self)
        self._title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self._warning = PlainLabel(self)
        self._warning.setObjectName("pickup_warning")
        self._warning.setWordWrap(True)
        # Names, shelves and refusals come from imported files and the database: shown
        # as written, never as markup (an imported "<font size=6>…" is a name, not an
        # instruction in big red letters).
        self._warning.setTextFormat(Qt.TextFormat.PlainText)
        self._fields: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        # Two columns, so the panel fits under the ticket on a 1366×768 screen:
        # what to fetch and whom to give it on the left, the record's facts on the right.
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        grid.setHorizontalSpacing(10)
        places = {"location": (0, 0), "name": (1, 0), "passport_no": (2, 0),
                  "application_no": (0, 2), "status": (1, 2), "collect_by": (2, 2),
                  "batch": (3, 2)}
        for key, (row, col) in places.items():
            label = PlainLabel(self)
            value = PlainLabel(self)
            value.setObjectName(f"pickup_{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setStyleSheet("font-size: 12pt;")
            label.setStyleSheet("color: #555;")
            self._labels[key], self._fields[key] = label, value
            grid.addWidget(label, row, col)
            grid.addWidget(value, row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._fields["location"].setStyleSheet("font-size: 18pt; font-weight: 700;")
        self._fields["name"].setStyleSheet("font-size: 14pt; font-weight: 600;")
        self._hand_over = QPushButton(self)
        self._hand_over.setObjectName("hand_over")
        self._hand_over.setMinimumHeight(36)
        self._close = QPushButton(self)
        self._close.setObjectName("close_pickup")
        buttons = QHBoxLayout()
        buttons.addWidget(self._hand_over, 2)
        buttons.addWidget(self._close, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._warning)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        self._hand_over.clicked.connect(self.hand_over_requested)
        self._close.clicked.connect(self.close_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Passport pickup"))
        for key, text in (("location", self.tr("Shelf:")),
                          ("application_no", self.tr("Application no.:")),
                          ("name", self.tr("Holder:")),
                          ("passport_no", self.tr("Passport no.:")),
                          ("status", self.tr("Status:")),
                          ("collect_by", self.tr("Collect by:")),
                          ("batch", self.tr("Batch:"))):
            self._labels[key].setText(text)
        self._hand_over.setText(self.tr("Hand over… (F9)"))
        self._close.setText(self.tr("Close (Esc)"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def check(self) -> CounterCheck | None:
        return self._check

    def set_check(self, check: CounterCheck | None, *, mismatch: bool = False) -> None:
        """Show ``check`` (None hides the panel); the window enables "Hand over"."""
        self._check = check
        self._mismatch = mismatch
        self.visibility_changing.emit(check is not None)
        self.setVisible(check is not None)
        self._show()

    def set_hand_over_enabled(self, enabled: bool) -> None:
        self._hand_over.setEnabled(enabled and self._check is not None)

    def _status_text(self, status: str) -> str:
        return {PRINTING: self.tr("still printing"), READY: self.tr("ready on the shelf"),
                COLLECTED: self.tr("already collected"),
                CANCELLED: self.tr("cancelled")}.get(status, status)

    def _show(self) -> None:
        check = self._check
        if check is None:
            return
        r = check.record
        values = {"location": r.location or "–", "application_no": r.application_no,
                  "name": r.name, "passport_no": r.passport_no or "–",
                  "status": self._status_text(r.status),
                  "collect_by": date_text(r.collect_by), "batch": r.batch or "–"}
        for key, text in values.items():
            self._fields[key].setText(text)
        lang = self.language
        stop = [check.refusal.message(lang)] if check.refusal is not None else []
        if check.refusal is not None and r.collected_by:
            # The core's sentence names no one (it is logged); the officer here may know.
            stop.append(self.tr("Handed over by {officer}.").format(
                officer=f"{r.collected_by_name} ({r.collected_by})" if r.collected_by_name
                else r.collected_by))
        if self._mismatch:
            stop.append(self.tr("This slip is for another passport than the ticket being "
                                "served. Check the ticket and the slip."))
        notes = []
        if not check.signed:
            notes.append(self.tr("Not verified: typed or read from the receipt, not from a "
                                 "signed slip. Check the documents carefully."))
        if stop:
            self._warning.setStyleSheet(STOP_STYLE)
            self._warning.setText("\n".join(stop + notes))
            self._warning.show()
        elif notes:
            self._warning.setStyleSheet(WARNING_STYLE)
            self._warning.setText("\n".join(notes))
            self._warning.show()
        else:
            self._warning.hide()
