"""The counter's main page: the ticket at this counter, the actions, the lines, today.

Its layout is :class:`ui.counter.desk_view.DeskView`; this page wires it, fills it
and says every word. The window (:mod:`ui.counter.window`) decides what happens on
a click and which actions are enabled (the rules come from
:func:`app.queue.desk.allowed_actions`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QTableWidgetItem, QWidget

from app.messages import STATUS_WORDS, word_in
from app.messages.formats import duration_text
from app.queue.desk import Desk
from app.queue.pauses import reason_word
from app.storage.models import CALLED, SERVING
from ui.counter.desk_view import CARD_ACTIONS, DeskView
from ui.kit.text import local_name, seconds_since

# action → (shortcut key, object name); the window binds the keys.
ACTION_KEYS = {
    "call_next": "F2",
    "recall": "F3",
    "start": "F4",
    "finish": "F5",
    "no_show": "F6",
    "transfer": "F7",
    "call_number": "F8",
    "hand_over": "F9",
    "requeue": "F10",
    "pause": "F11",
}

STATE_COLOURS = {CALLED: "#1565c0", SERVING: "#2e7d32"}
PAUSED_COLOUR = "#ef6c00"


class DeskPage(DeskView):
    """The desk as the window shows it; its signals ask the window to act."""

    action_requested = Signal(str)
    waiting_chosen = Signal(int)  # ticket id (double click / Enter on the list)
    number_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk: Desk | None = None
        self._connect_callbacks()
        self.retranslate()

    def _connect_callbacks(self) -> None:
        for action in CARD_ACTIONS:  # the number row's button calls what is typed
            self.buttons[action].clicked.connect(
                lambda _=False, a=action: self.action_requested.emit(a))
        self._waiting.itemActivated.connect(self._chosen)
        self._number_edit.returnPressed.connect(self._number_entered)
        self.buttons["call_number"].clicked.connect(self._number_entered)

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {
            "call_next": self.tr("Call next"), "recall": self.tr("Recall"),
            "start": self.tr("Start"), "finish": self.tr("Finish"),
            "no_show": self.tr("No-show"), "transfer": self.tr("Transfer…"),
            "call_number": self.tr("Call"),
        }
        for action, text in names.items():
            self.buttons[action].setText(f"{text} ({ACTION_KEYS[action]})")
        self._show_requeue()
        self._show_pause_button()
        self._now_label.setText(self.tr("At this counter"))
        self._queues_label.setText(self.tr("Queues served here"))
        self._queues.setHorizontalHeaderLabels(
            [self.tr("Queue"), self.tr("Waiting"), self.tr("Longest wait")])
        self._number_label.setText(self.tr("Call &number:"))
        self._number_edit.setPlaceholderText(self.tr("e.g. A012"))
        self.show_desk(self._desk)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing the desk -------------------------------------------------------------

    @property
    def desk(self) -> Desk | None:
        return self._desk

    def show_desk(self, desk: Desk | None) -> None:
        self._desk = desk
        self._show_requeue()
        self._show_pause_button()
        if desk is None:
            self._number.setText("–")
            self._queue_name.setText("")
            self._state.setText("")
            self._waiting_label.setText(self.tr("Waiting"))
            self._tally.setText("")
            return
        self._show_ticket(desk)
        self._show_queues(desk)
        self._show_waiting(desk)
        t = desk.tally
        self._tally.setText(self.tr("Today here: {served} served · {no_shows} no-show · "
                                    "average service {avg}").format(
            served=t.served, no_shows=t.no_shows,
            avg=duration_text(t.avg_service_s, self.language)))

    def _show_requeue(self) -> None:
        """The button names the ticket it puts back in line (the last no-show here)."""
        late = self._desk.late if self._desk is not None else None
        text = (self.tr("Back in line: {number}").format(number=late.number) if late
                else self.tr("Back in line"))
        self.buttons["requeue"].setText(f"{text} ({ACTION_KEYS['requeue']})")

    def _show_pause_button(self) -> None:
        """One button pauses a free counter and resumes a paused one."""
        paused = self._desk is not None and self._desk.pause is not None
        text = self.tr("Resume") if paused else self.tr("Pause…")
        self.buttons["pause"].setText(f"{text} ({ACTION_KEYS['pause']})")

    def tick(self) -> None:
        """Once a second: the time since the ticket was called."""
        if self._desk is not None:
            self._show_state(self._desk)

    def _show_ticket(self, desk: Desk) -> None:
        ticket = desk.ticket
        if ticket is None and desk.pause is not None:
            self._number.setText("–")
            self.colour_number(PAUSED_COLOUR)
            self._queue_name.setText(self.tr("Paused ({reason}) since {since}").format(
                reason=reason_word(desk.pause.reason, self.language),
                since=desk.pause.since))
            self._state.setText(self.tr("Nobody is called here: press F11 to resume"))
            self._state.setStyleSheet(f"font-size: 16pt; font-weight: 600; "
                                      f"color: {PAUSED_COLOUR};")
            return
        if ticket is None:
            self._number.setText("–")
            self.colour_number("#9e9e9e")
            if not desk.active:
                idle = self.tr("This counter is closed")
            elif desk.waiting_total:
                idle = self.tr("{count} waiting: press F2 to call the next one").format(
                    count=desk.waiting_total)
            else:
                idle = self.tr("Nobody is waiting")
            self._queue_name.setText(idle)
            self._state.setText("")
            return
        queue = next((q for q in desk.queues if q.code == ticket.service_queue), None)
        self._number.setText(ticket.number)
        colour = STATE_COLOURS.get(ticket.status, "#212121")
        self.colour_number(colour)
        name = local_name(queue, self.language) if queue else ticket.service_queue
        if desk.booked_slot is not None:  # an M-Paspor booking: the officer sees its slot
            name = self.tr("{queue}  ·  Booking {slot}").format(queue=name,
                                                                slot=desk.booked_slot)
        self._queue_name.setText(name)
        self._show_state(desk)

    def _show_state(self, desk: Desk) -> None:
        ticket = desk.ticket
        if ticket is None:
            return
        words = word_in(STATUS_WORDS, ticket.status, self.language)
        since = seconds_since(ticket.started_at if ticket.status == SERVING
                              else ticket.called_at)
        text = self.tr("{state} · {time}").format(state=words,
                                                  time=duration_text(since, self.language))
        if ticket.recall_count:
            text += " · " + self.tr("recalled {n}×").format(n=ticket.recall_count)
        self._state.setText(text)
        self._state.setStyleSheet(
            f"font-size: 16pt; font-weight: 600; color: {STATE_COLOURS.get(ticket.status)};")

    def _show_queues(self, desk: Desk) -> None:
        self._queues.setRowCount(len(desk.queues))
        for row, q in enumerate(desk.queues):
            name = f"{q.prefix} · {local_name(q, self.language)}"
            if not q.active:
                name = self.tr("{queue} (closed)").format(queue=name)
            wait = duration_text(q.longest_wait_s, self.language)
            for col, text in enumerate((name, str(q.waiting), wait)):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self._queues.setItem(row, col, item)

    def _show_waiting(self, desk: Desk) -> None:
        self._waiting_label.setText(self.tr("Waiting for this counter: {n}").format(
            n=desk.waiting_total))
        selected = self._waiting.currentItem()
        keep = selected.data(Qt.ItemDataRole.UserRole) if selected is not None else None
        self._waiting.clear()
        for w in desk.waiting:
            text = f"{w.number}   {duration_text(w.wait_s, self.language)}"
            if w.sent_here:
                text += "   " + self.tr("(sent to this counter)")
            item = QListWidgetItem(text, self._waiting)
            item.setData(Qt.ItemDataRole.UserRole, w.id)
            if w.id == keep:
                self._waiting.setCurrentItem(item)

    # --- input ------------------------------------------------------------------------

    def _chosen(self, item: QListWidgetItem) -> None:
        self.waiting_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _number_entered(self) -> None:
        text = self._number_edit.text().strip()
        if text and self.buttons["call_number"].isEnabled():
            self.number_entered.emit(text)

    def clear_number(self) -> None:
        self._number_edit.clear()

    def focus_number(self) -> None:
        self._number_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._number_edit.selectAll()

    def set_enabled_actions(self, allowed: frozenset[str]) -> None:
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed)
        self._number_edit.setEnabled("call_number" in allowed)
        self._waiting.setEnabled(True)
        self.pickup.set_hand_over_enabled("hand_over" in allowed)
