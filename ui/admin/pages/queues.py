"""The supervisor's window: queues and their settings.

Names in both languages, the ticket prefix, the kind (walk-in service or passport
pickup), the priority, the daily quota and whether the queue issues numbers. The
values are sent as typed; :func:`app.office.admin.update_queue` checks them and says what
is wrong (a quota of 0, a prefix already taken …) without changing anything.
New queues are an admin's (marked and disabled for a supervisor).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.office import admin, permissions
from app.office.admin import QueueRow
from app.office.officers import OfficerView
from app.storage.models import QUEUE_KINDS
from ui.admin.page import PageMessage, RecordTable
from ui.kit.plain import PlainLabel
from ui.kit.text import local_name
from ui.kit.worker import DbWorker


class QueuesPage(QWidget):
    """``loaded`` after the queues are on screen."""

    loaded = Signal()

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queues_page")
        self._worker = worker
        self._officer = officer
        self.message = PageMessage(self)
        # Keyed by queue code; none chosen: a new queue. The name takes the room left.
        self._records: RecordTable[QueueRow] = RecordTable(
            self, "queues_table", 8, worker=worker, message=self.message,
            read=admin.list_queues, shown=self._show_rows,
            key=lambda q: q.code, cells=self._cells,
            fill_form=self._fill_form, show_form=self._show_form, stretch=1)
        self.table = self._records.table

        self._form_box = QGroupBox(self)
        self.code = QLineEdit(self)
        self.code.setObjectName("queue_code")
        self.prefix = QLineEdit(self)
        self.prefix.setObjectName("queue_prefix")
        self.prefix.setMaxLength(2)
        self.name_id = QLineEdit(self)
        self.name_id.setObjectName("queue_name_id")
        self.name_en = QLineEdit(self)
        self.name_en.setObjectName("queue_name_en")
        self.kind = QComboBox(self)
        self.kind.setObjectName("queue_kind")
        for kind in QUEUE_KINDS:
            self.kind.addItem("", kind)
        self.priority = QLineEdit(self)
        self.priority.setObjectName("queue_priority")
        self.quota = QLineEdit(self)
        self.quota.setObjectName("queue_quota")
        self.active = QCheckBox(self)
        self.active.setObjectName("queue_active")
        fields = (self.code, self.prefix, self.name_id, self.name_en, self.kind, self.priority,
                  self.quota, self.active)
        self._labels = [PlainLabel(self) for _ in fields]
        form = QFormLayout()
        for label, field in zip(self._labels, fields, strict=True):
            form.addRow(label, field)
            label.setBuddy(field)
        self._note = PlainLabel(self)
        self._note.setWordWrap(True)
        self._note.setObjectName("queue_note")

        self.new_button = QPushButton(self)
        self.new_button.setObjectName("queue_new")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("queue_save")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        inner = QVBoxLayout(self._form_box)
        inner.addLayout(form)
        inner.addWidget(self._note)
        inner.addLayout(buttons)
        inner.addStretch(1)

        self._records.lay_out(self._form_box)

        self._connect_callbacks()
        self.retranslate()
        self._show_form()

    def _connect_callbacks(self) -> None:
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)

    # --- the contract with the window ----------------------------------------------------

    def title(self) -> str:
        return self.tr("Queues")

    def refresh(self) -> None:
        self._records.reload()

    # --- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Prefix"), self.tr("Name"), self.tr("Kind"), self.tr("Priority"),
            self.tr("Daily quota"), self.tr("Status"), self.tr("Waiting"),
            self.tr("Issued today")])
        for label, text in zip(self._labels, (
                self.tr("&Code:"), self.tr("&Prefix:"), self.tr("Name (&Indonesian):"),
                self.tr("Name (&English):"), self.tr("&Kind:"), self.tr("P&riority:"),
                self.tr("Daily &quota:"), self.tr("Status:")), strict=True):
            label.setText(text)
        for index, kind in enumerate(QUEUE_KINDS):
            self.kind.setItemText(index, self.kind_word(kind))
        self.code.setPlaceholderText(self.tr("e.g. paspor (cannot be changed later)"))
        self.prefix.setPlaceholderText(self.tr("1–2 letters A–Z"))
        self.priority.setPlaceholderText(self.tr("0–99, higher is called first"))
        self.quota.setPlaceholderText(self.tr("empty: no quota; else 1–9999"))
        self.active.setText(self.tr("Open: the kiosk issues numbers"))
        self.active.setToolTip(self.tr("A closed queue issues no new numbers; tickets "
                                       "already waiting are still called."))
        self.new_button.setText(self.tr("&New queue (admin)"))
        self.new_button.setToolTip(self.tr("(admin) Only an admin may create a queue."))
        self._records.redraw()
        self._show_form()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind_word(self, kind: str) -> str:
        return {"service": self.tr("walk-in service"),
                "pickup": self.tr("passport pickup")}.get(kind, kind)

    # --- showing -------------------------------------------------------------------------------

    def _show_rows(self, rows: list[QueueRow]) -> None:
        self._records.load(rows)
        self.loaded.emit()

    def _cells(self, q: QueueRow) -> tuple[str, ...]:
        status = self.tr("open") if q.active else self.tr("closed")
        quota = str(q.daily_quota) if q.daily_quota is not None else "–"
        return (q.prefix, local_name(q), self.kind_word(q.kind), str(q.priority), quota,
                status, str(q.waiting), str(q.issued_today))

    def selected_queue(self) -> QueueRow | None:
        return self._records.selected()

    def select(self, prefix: str) -> None:
        self._records.select(lambda q: q.prefix == prefix)

    def start_new(self) -> None:
        self._records.start_new()
        self.code.setFocus()

    def _fill_form(self, q: QueueRow | None) -> None:
        self.code.setText(q.code if q else "")
        self.prefix.setText(q.prefix if q else "")
        self.name_id.setText(q.name_id if q else "")
        self.name_en.setText(q.name_en if q else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(q.kind if q else "service")))
        self.priority.setText(str(q.priority) if q else "0")
        self.quota.setText(str(q.daily_quota) if q and q.daily_quota is not None else "")
        self.active.setChecked(q.active if q else True)

    def _show_form(self) -> None:
        q = self.selected_queue()
        may_edit = permissions.allows(self._officer.role, "queue_manage")
        may_create = permissions.allows(self._officer.role, "queue_create")
        may = may_edit if q is not None else may_create
        idle = not self._records.busy
        self.code.setReadOnly(q is not None)
        for widget in (self.prefix, self.name_id, self.name_en, self.kind, self.priority,
                       self.quota):
            widget.setEnabled(may)
        self.active.setEnabled(may and q is not None)  # a new queue starts open
        self.save_button.setEnabled(may and idle)
        self.new_button.setEnabled(may_create and idle)
        self._form_box.setTitle(self.tr("Queue {prefix}").format(prefix=q.prefix) if q
                                else self.tr("New queue"))
        self.save_button.setText(self.tr("&Save") if q else self.tr("&Add queue"))
        if q is None and not may_create:
            self._note.setText(self.tr("(admin) Only an admin may create a queue. Choose a "
                                       "queue in the list to change it."))
        elif q is not None and q.issued_today:
            self._note.setText(self.tr("A new prefix applies from the next number on; the "
                                       "numbers given out today ({n}) keep theirs.").format(
                n=q.issued_today))
        else:
            self._note.setText("")
        self._note.setVisible(bool(self._note.text()))

    # --- acts ----------------------------------------------------------------------------------

    def save(self) -> None:
        if self._records.busy:
            return
        by, q = self._officer.id, self.selected_queue()
        values: dict[str, object] = {
            "prefix": self.prefix.text(), "name_id": self.name_id.text(),
            "name_en": self.name_en.text(), "kind": self.kind.currentData(),
            "priority": self.priority.text(), "daily_quota": self.quota.text()}
        if q is None:
            code = self.code.text()
            self._records.run(
                lambda: admin.add_queue(by, code, **values),
                lambda row: self.tr("Queue {prefix} added.").format(prefix=row.prefix),
                new_key=lambda row: row.code)
        else:
            ref = q.code
            values["active"] = self.active.isChecked()
            self._records.run(
                lambda: admin.update_queue(by, ref, **values),
                lambda row: self.tr("Queue {prefix} saved.").format(prefix=row.prefix))
