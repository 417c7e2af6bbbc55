"""The supervisor's window: counters and the queues each one serves, in order.

Switching a pickup counter to walk-ins when the backlog is done (and back) is a
matter of ticking other queues here and saving: :func:`app.office.admin.update_counter`
replaces the counter's queue list in one transaction, and the counter takes its
next ticket from the new list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.office import admin, permissions
from app.office.admin import CounterListing, QueueRow
from app.office.officers import OfficerView
from ui.admin.page import PageMessage, RecordTable
from ui.kit.plain import PlainLabel
from ui.kit.text import local_name
from ui.kit.worker import DbWorker


def _read_counters() -> tuple[list[CounterListing], list[QueueRow]]:
    """The page's read: the counters, and the queues a counter may serve."""
    return admin.list_counters(), admin.list_queues()


class CountersPage(QWidget):
    """``loaded`` after the counters are on screen."""

    loaded = Signal()

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counters_page")
        self._worker = worker
        self._officer = officer
        self._queues: list[QueueRow] = []
        self.message = PageMessage(self)
        # Keyed by counter number; none chosen: a new counter.
        self._records: RecordTable[CounterListing] = RecordTable(
            self, "counters_table", 5, worker=worker, message=self.message,
            read=_read_counters, shown=self._show_rows,
            key=lambda counter: counter.number, cells=self._cells,
            fill_form=self._fill_form, show_form=self._show_form, stretch=3)
        self.table = self._records.table

        self._form_box = QGroupBox(self)
        self.number = QLineEdit(self)
        self.number.setObjectName("counter_number")
        self.name = QLineEdit(self)
        self.name.setObjectName("counter_name")
        self._labels = [PlainLabel(self) for _ in range(2)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.number, self.name), strict=True):
            form.addRow(label, field)
            label.setBuddy(field)
        self._queues_label = PlainLabel(self)
        self._queues_label.setWordWrap(True)
        self.queue_list = QListWidget(self)
        self.queue_list.setObjectName("counter_queues")
        self.up_button = QPushButton(self)
        self.up_button.setObjectName("queue_up")
        self.down_button = QPushButton(self)
        self.down_button.setObjectName("queue_down")
        order = QVBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        queues_row = QHBoxLayout()
        queues_row.addWidget(self.queue_list, 1)
        queues_row.addLayout(order)

        self.new_button = QPushButton(self)
        self.new_button.setObjectName("counter_new")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("counter_save")
        self.active_button = QPushButton(self)
        self.active_button.setObjectName("counter_toggle_active")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.active_button):
            buttons.addWidget(button)
        inner = QVBoxLayout(self._form_box)
        inner.addLayout(form)
        inner.addWidget(self._queues_label)
        inner.addLayout(queues_row, 1)
        inner.addLayout(buttons)

        self._records.lay_out(self._form_box)

        self._connect_callbacks()
        self.retranslate()
        self._show_form()

    def _connect_callbacks(self) -> None:
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.active_button.clicked.connect(self.toggle_active)
        self.up_button.clicked.connect(lambda: self.move_queue(-1))
        self.down_button.clicked.connect(lambda: self.move_queue(1))

    # --- the contract with the window ----------------------------------------------------

    def title(self) -> str:
        return self.tr("Counters")

    def refresh(self) -> None:
        self._records.reload()

    # --- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Counter"), self.tr("Name"), self.tr("Status"),
            self.tr("Queues, in order"), self.tr("Holding")])
        self._labels[0].setText(self.tr("N&umber:"))
        self._labels[1].setText(self.tr("&Name:"))
        self._queues_label.setText(self.tr(
            "Queues this counter serves (ticked), in the order it calls them. Priority "
            "service is always called first."))
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.new_button.setText(self.tr("&New counter"))
        self.number.setPlaceholderText(self.tr("1–999"))
        self._records.redraw()
        self._show_form()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing -------------------------------------------------------------------------------

    def _show_rows(self, data: tuple[list[CounterListing], list[QueueRow]]) -> None:
        counters, self._queues = data
        self._records.load(counters)
        self.loaded.emit()

    def _cells(self, counter: CounterListing) -> tuple[str, ...]:
        status = self.tr("open") if counter.active else self.tr("closed")
        queues = ", ".join(q.prefix if q.active else self.tr("{prefix} (closed)").format(
            prefix=q.prefix) for q in counter.queues)
        return (str(counter.number), counter.name, status, queues, counter.holding or "–")

    def selected_counter(self) -> CounterListing | None:
        return self._records.selected()

    def select(self, number: int) -> None:
        self._records.select(lambda counter: counter.number == number)

    def start_new(self) -> None:
        self._records.start_new()
        self.number.setFocus()

    def _fill_form(self, counter: CounterListing | None) -> None:
        self.number.setText(str(counter.number) if counter else "")
        self.name.setText(counter.name if counter else "")
        served = [q.code for q in counter.queues] if counter else []
        self.queue_list.clear()
        by_code = {q.code: q for q in self._queues}
        ordered = [by_code[c] for c in served if c in by_code] + [
            q for q in self._queues if q.code not in served]
        for queue in ordered:
            text = f"{queue.prefix} · {local_name(queue)}"
            if not queue.active:
                text = self.tr("{queue} (closed)").format(queue=text)
            item = QListWidgetItem(text, self.queue_list)
            item.setData(Qt.ItemDataRole.UserRole, queue.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if queue.code in served
                               else Qt.CheckState.Unchecked)

    def _show_form(self) -> None:
        counter = self.selected_counter()
        may = permissions.allows(self._officer.role, "counter_manage")
        idle = not self._records.busy
        self.number.setReadOnly(counter is not None)
        for widget in (self.name, self.queue_list, self.up_button, self.down_button):
            widget.setEnabled(may)
        self.save_button.setEnabled(may and idle)
        self.active_button.setEnabled(counter is not None and may and idle)
        self.new_button.setEnabled(may and idle)
        self._form_box.setTitle(self.tr("Counter {number}").format(number=counter.number)
                                if counter else self.tr("New counter"))
        self.save_button.setText(self.tr("&Save") if counter else self.tr("&Add counter"))
        self.active_button.setText(self.tr("Open counter") if counter and not counter.active
                                   else self.tr("Close counter"))

    def chosen_queues(self) -> list[str]:
        """The ticked queues' codes, top to bottom."""
        codes = []
        for index in range(self.queue_list.count()):
            item = self.queue_list.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                codes.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return codes

    def set_queue_checked(self, code: str, checked: bool) -> None:
        for index in range(self.queue_list.count()):
            item = self.queue_list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)

    def move_queue(self, step: int) -> None:
        """Move the chosen queue up (-1) or down (1) in the calling order."""
        row = self.queue_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.queue_list.count():
            return
        item = self.queue_list.takeItem(row)
        self.queue_list.insertItem(target, item)
        self.queue_list.setCurrentRow(target)

    # --- acts ----------------------------------------------------------------------------------

    def save(self) -> None:
        if self._records.busy:
            return
        by, counter = self._officer.id, self.selected_counter()
        name, queues = self.name.text(), self.chosen_queues()
        if counter is None:
            number = self.number.text()
            self._records.run(
                lambda: admin.add_counter(by, number, name, queues or None),
                lambda row: self.tr("Counter {number} added.").format(number=row.number),
                new_key=lambda row: row.number)
        else:
            ident = counter.number
            self._records.run(
                lambda: admin.update_counter(by, ident, name=name, queues=queues),
                lambda row: self.tr("Counter {number} saved: it now calls {queues}.")
                .format(number=row.number, queues=", ".join(q.prefix for q in row.queues)))

    def toggle_active(self) -> None:
        counter = self.selected_counter()
        if self._records.busy or counter is None:
            return
        by, number, active = self._officer.id, counter.number, not counter.active
        self._records.run(lambda: admin.set_counter_active(by, number, active),
                          lambda row: (self.tr("Counter {number} is open.") if row.active
                                       else self.tr("Counter {number} is closed.")).format(
                              number=row.number))
