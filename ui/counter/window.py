"""The counter officer's window: sign in, call, serve, scan and hand over.

The window is a face on :mod:`app.queue.desk`, :mod:`app.queue.engine`, :mod:`app.pickup.service`
and :mod:`app.office.officers`; it adds no rule of its own. Every database call runs on
the window's :class:`~ui.kit.worker.DbWorker` and comes back by signal, so the
window never freezes. Each action carries a request id that is kept until the
action is known to have succeeded or been refused, or the officer moves on (the
rule of :mod:`ui.kit.operation`): pressing the button again after a lost
connection repeats the *same* request, which the core carries out at most once,
and no later action inherits it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import feed
from app.errors import DatabaseUnavailable, LoketError, for_log
from app.messages import DEFAULT_LANGUAGE
from app.office import officers
from app.office.officers import LoginThrottle, OfficerView
from app.pickup import service as pickup
from app.queue import desk as deskmod
from app.queue import engine, late, pauses
from app.queue.desk import Desk, ScanOutcome, Target, suggested_target
from app.setup.pc_settings import PcSettings
from ui.counter.desk import ACTION_KEYS, DeskPage
from ui.counter.handover_dialog import HandoverDialog
from ui.counter.journal_notice import JournalNotice
from ui.counter.pause_dialog import PauseDialog
from ui.counter.transfer_dialog import TransferDialog
from ui.kit.account_watch import AccountWatch
from ui.kit.banner import DatabaseBanner
from ui.kit.feed_watcher import POLL_MS, FeedWatcher
from ui.kit.i18n import LANGUAGE_NAMES, LANGUAGES, WindowText, set_window_language
from ui.kit.login_page import LoginPage
from ui.kit.operation import Intents, OpContext, Operation, Refresher, error_sentence, run_read
from ui.kit.plain import PlainLabel
from ui.kit.scan_filter import ScanFilter
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.counter")

_T = TypeVar("_T")

INFO_STYLE = "QLabel { background: #e3f2fd; color: #0d3c61; font-size: 13pt; padding: 6px; }"
WARN_STYLE = "QLabel { background: #fff3cd; color: #5c4400; font-size: 13pt; padding: 6px; }"


class CounterWindow(WindowText, QMainWindow):
    """One counter PC. ``desk_shown`` and ``message_shown`` let tests wait for results.

    Its language menu changes this window only (and is this PC's language at the next
    start): the lobby display and a kiosk in the same process keep theirs."""

    desk_shown = Signal(object)  # Desk
    message_shown = Signal(str)
    scan_refused = Signal(str)  # why, as shown on the desk
    signed_in = Signal(object)  # OfficerView
    signed_out = Signal()
    counters_loaded = Signal()

    def __init__(self, pc: PcSettings, *, poll_ms: int = POLL_MS,
                 worker: DbWorker | None = None, throttle: LoginThrottle | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counter_window")
        self._pc = pc
        self._worker = worker or DbWorker(self)
        self._feed = FeedWatcher(self._worker, self, interval_ms=poll_ms)
        self._account = AccountWatch(self._worker, self._feed, self._signed_in_here,
                                     self._signed_out_by_change, parent=self)
        self._throttle = throttle or LoginThrottle()
        self._officer: OfficerView | None = None
        self._counter: int | None = None
        self._scan: str | None = None  # the pickup slip on the panel
        self._intents = Intents()
        self._acting = False
        self._desk_reader: Refresher[Desk] = Refresher(
            self._worker, self._desk_read, self._refreshed, self._refresh_failed)
        self._read_scan: str | None = None  # the slip the desk read under way was for

        self._banner = DatabaseBanner(self._worker, self)
        self.journal_notice = JournalNotice(self._worker, self._feed, self)
        self._who = PlainLabel(self)
        self._who.setObjectName("who")
        self._who.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self._language = QComboBox(self)
        self._language.setObjectName("window_language")
        self._language.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for lang in LANGUAGES:
            self._language.addItem(LANGUAGE_NAMES[lang], lang)
        self._sign_out = QPushButton(self)
        self._sign_out.setObjectName("sign_out")
        self._sign_out.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = QHBoxLayout()
        header.addWidget(self._who, 1)
        header.addWidget(self._language)
        header.addWidget(self._sign_out)
        self._header = QWidget(self)
        self._header.setLayout(header)
        self._header.hide()

        self.login = LoginPage(self)
        self.view = DeskPage(self)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.login)
        self._pages.addWidget(self.view)
        self._message = PlainLabel(self)
        self._message.setObjectName("message")
        self._message.setWordWrap(True)
        self._message.hide()

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self._banner)
        layout.addWidget(self.journal_notice)
        layout.addWidget(self._header)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self._message)
        self.setCentralWidget(central)

        self._shortcuts: dict[str, QShortcut] = {}
        for action, key in ACTION_KEYS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            self._shortcuts[action] = shortcut
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.scanner = ScanFilter(self)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._connect_callbacks()

        self._show_language(self.language)  # the PC's, installed at the start
        self.retranslate()
        self.scanner.attach()
        self._clock.start()
        self._feed.start()
        self._load_counters()
        self._update_actions()

    def _connect_callbacks(self) -> None:
        self._worker.availability_changed.connect(self._availability_changed)
        self._feed.changed.connect(self._feed_changed)
        self._feed.reconnected.connect(self._reconnected)
        self.signed_in.connect(lambda _officer: self.journal_notice.check())
        self.signed_out.connect(self.journal_notice.clear)
        self.login.submitted.connect(self._sign_in)
        self.login.language_chosen.connect(self.set_language)
        self._language.activated.connect(
            lambda index: self.set_language(self._language.itemData(index)))
        self._sign_out.clicked.connect(self.sign_out)
        self.view.action_requested.connect(self.trigger)
        self.view.waiting_chosen.connect(self._call_chosen)
        self.view.number_entered.connect(self._call_number)
        self.view.pickup.hand_over_requested.connect(lambda: self.trigger("hand_over"))
        self.view.pickup.close_requested.connect(self.close_pickup)
        for action, shortcut in self._shortcuts.items():
            shortcut.activated.connect(lambda a=action: self.trigger(a))
        self._escape.activated.connect(self.close_pickup)
        self.scanner.scanned.connect(self.handle_scan)
        self._clock.timeout.connect(self.view.tick)

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self._sign_out.setText(self.tr("Sign out"))
        self._show_who()
        self.setWindowTitle(self.tr("Loket · counter"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        """Speak ``lang`` in this window; the PC starts in it next time."""
        lang = self._show_language(lang)
        self._pc.language = lang

    def _show_language(self, lang: str) -> str:
        lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        set_window_language(self, lang)  # this window only (the PC's when they agree)
        self.login.set_language(lang)
        self._language.setCurrentIndex(max(0, self._language.findData(lang)))
        return lang

    # --- what others may ask ---------------------------------------------------------------

    @property
    def officer(self) -> OfficerView | None:
        return self._officer

    @property
    def counter(self) -> int | None:
        return self._counter

    @property
    def worker(self) -> DbWorker:
        return self._worker

    @property
    def busy(self) -> bool:
        """An action or scan is being carried out (its buttons wait meanwhile)."""
        return self._acting

    @property
    def message(self) -> str:
        return self._message.text() if self._message.isVisible() else ""

    @property
    def banner(self) -> str:
        return self._banner.text_shown

    # --- signing in and out -----------------------------------------------------------------

    def _signed_in_here(self) -> tuple[OfficerView, int | None] | None:
        return (self._officer, self._counter) if self._officer is not None else None

    def _load_counters(self) -> None:
        def shown(counters: list[tuple[int, str]]) -> None:
            self.login.set_counters(counters, self._pc.counter)
            self.counters_loaded.emit()

        run_read(self._worker, deskmod.active_counters, shown,
                 lambda exc: QTimer.singleShot(2000, self._load_counters))

    def _sign_in(self, username: str, password: str, counter: int) -> None:
        self.login.set_busy(True)
        self.login.show_message("")
        throttle = self._throttle

        def op() -> tuple[OfficerView, Desk]:
            officer = officers.log_in(username, password, counter, throttle)
            return officer, deskmod.counter_desk(counter)

        def done(result: tuple[OfficerView, Desk]) -> None:
            officer, desk = result
            self._officer, self._counter = officer, counter
            self._pc.counter = counter
            self._scan = None
            self.login.reset()
            self._pages.setCurrentWidget(self.view)
            self._header.show()
            self._show_who()
            self._show_desk(desk)
            self.signed_in.emit(officer)

        def failed(exc: Exception) -> None:
            self.login.reset(error_sentence(exc, act=False, widget=self))

        run_read(self._worker, op, done, failed)

    def sign_out(self) -> None:
        self._leave()

    def _signed_out_by_change(self, sentence: str) -> None:
        """The account was deactivated or demoted: the core recorded the sign-out."""
        self._leave(sentence, audited=False)

    def _leave(self, sentence: str = "", audited: bool = True) -> None:
        officer, counter = self._officer, self._counter
        if officer is None:
            return
        self._officer = None
        self._scan = None
        self._intents.drop()
        self._header.hide()
        self._pages.setCurrentWidget(self.login)
        self._load_counters()
        self.view.show_desk(None)
        self.view.pickup.set_check(None)
        self._show_scan_notice("")
        self._show_message("")
        self.login.reset(sentence)
        self._update_actions()

        def failed(exc: Exception) -> None:
            log.warning("sign-out of officer %d not audited: %s", officer.id, for_log(exc))

        if audited:
            Operation(self._worker, lambda _ctx: officers.log_out(officer, counter)) \
                .failure(failed).run()
        self.signed_out.emit()

    def _show_who(self) -> None:
        if self._officer is None or self._counter is None:
            self._who.setText("")
            return
        desk = self.view.desk
        counter = desk.counter_name if desk is not None else str(self._counter)
        self._who.setText(self.tr("{counter} · {name} ({username})").format(
            counter=counter, name=self._officer.full_name or self._officer.username,
            username=self._officer.username))

    # --- the desk ------------------------------------------------------------------------------

    def _feed_changed(self, events: list[feed.EventView]) -> None:
        # A counter opened, closed or added in the supervisor's window shows in the
        # sign-in list without a restart.
        if self._officer is None and any(e.kind == "counter_changed" for e in events):
            self._load_counters()
        self.refresh()

    def refresh(self) -> None:
        """Read the desk again (after a change in the feed); never two reads at once."""
        self._desk_reader.request()

    def _desk_read(self) -> Callable[[], Desk] | None:
        if self._officer is None or self._counter is None:
            return None
        counter, scan = self._counter, self._scan
        self._read_scan = scan
        return lambda: deskmod.counter_desk(counter, scan)

    def _refresh_failed(self, exc: Exception) -> None:
        if isinstance(exc, DatabaseUnavailable):
            return  # the banner says so
        self._show_message(error_sentence(exc, act=False, widget=self), warn=True)
        if isinstance(exc, LoketError) and self._read_scan:
            # The slip on the panel no longer names a record: drop it, show the rest.
            self._scan = None
            self.refresh()

    def _refreshed(self, desk: Desk) -> None:
        self._show_desk(desk)
        self._settle_by_desk(desk)

    def _settle_by_desk(self, desk: Desk) -> None:
        """A read that shows the open intent's outcome is a definite answer: the act
        it waited for is no longer on offer (a call shows as held, a handover as
        collected), or its ticket has gone from this counter."""
        key = self._intents.key
        if not isinstance(key, tuple) or not key:
            return
        action = key[0]
        on_ticket = action in ("recall", "start", "finish", "no_show", "transfer")
        gone = on_ticket and (desk.ticket is None or desk.ticket.id != key[1])
        if action in deskmod.ACTIONS and (gone or action not in self.allowed()):
            self._intents.drop()

    def _show_desk(self, desk: Desk) -> None:
        if self._officer is None:
            return
        self.view.show_desk(desk)
        self.view.pickup.set_check(desk.pickup, mismatch=desk.pickup_mismatch)
        self._show_who()
        self._update_actions()
        self.desk_shown.emit(desk)

    def allowed(self) -> frozenset[str]:
        """What the officer may do now: the core's rules, while the database answers."""
        desk = self.view.desk
        if (self._officer is None or desk is None or self._acting
                or not self._worker.available):
            return frozenset()
        return deskmod.allowed_actions(desk)

    def _update_actions(self) -> None:
        self.view.set_enabled_actions(self.allowed())
        for shortcut in self._shortcuts.values():
            shortcut.setEnabled(self._officer is not None)

    # --- actions ---------------------------------------------------------------------------------

    def trigger(self, action: str) -> None:
        """A button or key. Actions not allowed now do nothing (their buttons are disabled)."""
        if action == "call_number":
            if self._officer is not None:
                self.view.focus_number()
            return
        if action not in self.allowed():
            return
        desk = self.view.desk
        assert desk is not None and self._counter is not None and self._officer is not None
        counter, officer = self._counter, self._officer.id
        ticket = desk.ticket
        if action == "call_next":
            self._act(("call_next",), lambda rid: engine.call_next(counter, officer, rid),
                      self._called)
        elif action == "transfer" and ticket is not None:
            self._ask_transfer(ticket.number, desk.targets, suggested_target(desk))
        elif action == "hand_over" and desk.pickup is not None:
            self._ask_hand_over()
        elif action == "pause" and desk.pause is not None:
            started = desk.pause.started_at
            self._act(("resume", started),
                      lambda rid: pauses.resume_counter(counter, officer, rid),
                      lambda _p: self._show_message(self.tr("Counter resumed. Press F2 for "
                                                            "the next ticket.")))
        elif action == "pause":
            self._ask_pause(desk.counter_name)
        elif action == "requeue" and desk.late is not None:
            gone = desk.late
            self._act(("requeue", gone.id),
                      lambda rid: late.requeue(gone.id, counter, officer, rid),
                      lambda _t: self._done_text("requeue", gone.number))
        elif ticket is not None:
            steps: dict[str, Callable[[str], object]] = {
                "recall": lambda rid: engine.recall(ticket.id, counter, rid),
                "start": lambda rid: engine.start_serving(ticket.id, counter, rid),
                "finish": lambda rid: engine.finish(ticket.id, counter, rid),
                "no_show": lambda rid: engine.no_show(ticket.id, counter, rid),
            }
            if action in steps:
                self._act((action, ticket.id), steps[action],
                          lambda t, a=action, n=ticket.number: self._done_text(
                              "no_show_by_recalls" if isinstance(t, engine.TicketView)
                              and a == "recall" and t.status == "no_show" else a, n))

    def _done_text(self, action: str, number: str) -> None:
        texts = {
            "recall": self.tr("{number} called again."),
            "start": self.tr("Serving {number}."),
            "finish": self.tr("{number} finished. Press F2 for the next ticket."),
            "no_show": self.tr("{number} marked as not present. Press F2 for the next ticket."),
            "requeue": self.tr("{number} is back in line, behind those already waiting."),
            "no_show_by_recalls": self.tr("{number} did not come after the recalls the office "
                                          "allows: marked as not present. F10 puts it back "
                                          "in line if the applicant comes late."),
        }
        self._show_message(texts[action].format(number=number))

    def _called(self, ticket: object) -> None:
        if isinstance(ticket, engine.TicketView):
            self._scan = None
            self._show_message(self.tr("Calling {number}.").format(number=ticket.number))

    def _call_chosen(self, ticket_id: int) -> None:
        if "call_number" not in self.allowed():
            self._show_message(self.tr("Finish the ticket at this counter first."), warn=True)
            return
        counter, officer = self._counter, self._officer
        assert counter is not None and officer is not None
        self._act(("call", ticket_id),
                  lambda rid: engine.call_ticket(ticket_id, counter, officer.id, rid),
                  self._called)

    def _call_number(self, number: str) -> None:
        if "call_number" not in self.allowed():
            return
        counter, officer = self._counter, self._officer
        assert counter is not None and officer is not None
        ref = number.strip().upper()

        def called(ticket: object) -> None:
            self.view.clear_number()
            self._called(ticket)

        self._act(("call", ref), lambda rid: engine.call_ticket(ref, counter, officer.id, rid),
                  called)

    def _ask_transfer(self, number: str, targets: list[Target], suggested: int | None) -> None:
        dialog = TransferDialog(number, targets, suggested, self)
        dialog.accepted.connect(lambda: self._transfer(dialog.target()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _transfer(self, target: Target | None) -> None:
        desk = self.view.desk
        if target is None or desk is None or desk.ticket is None or "transfer" not in \
                self.allowed():
            return
        counter, officer, ticket = self._counter, self._officer, desk.ticket
        assert counter is not None and officer is not None
        to_queue = target.ref if target.kind == "queue" else None
        to_counter = int(target.ref) if target.kind == "counter" else None
        label = target.label_en if self.language == "en" else target.label_id

        def moved(_result: object) -> None:
            self._scan = None
            self._show_message(self.tr("{number} transferred to {target}.").format(
                number=ticket.number, target=label))

        self._act(("transfer", ticket.id, target.kind, target.ref),
                  lambda rid: engine.transfer(ticket.id, counter, to_queue=to_queue,
                                              to_counter=to_counter, officer=officer.id,
                                              request_id=rid), moved)

    def _ask_pause(self, counter_name: str) -> None:
        dialog = PauseDialog(counter_name, self)
        dialog.accepted.connect(lambda: self._pause(dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _pause(self, reason: str | None) -> None:
        if reason is None or "pause" not in self.allowed() or self._counter is None \
                or self._officer is None:
            return
        counter, officer = self._counter, self._officer.id

        def paused(_result: object) -> None:
            self._show_message(self.tr("Counter paused: the lobby display shows it. Press "
                                       "F11 to resume."))

        self._act(("pause", reason),
                  lambda rid: pauses.pause_counter(counter, reason, officer, rid), paused)

    def _ask_hand_over(self) -> None:
        desk = self.view.desk
        if desk is None or desk.pickup is None:
            return
        check = desk.pickup
        dialog = HandoverDialog(check.record, self)
        dialog.accepted.connect(lambda: self._hand_over(check, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.scanner.enabled = False
        dialog.finished.connect(lambda _code: setattr(self.scanner, "enabled", True))
        dialog.open()

    def _hand_over(self, check: pickup.CounterCheck, dialog: HandoverDialog) -> None:
        answer = dialog.answer()
        counter, officer = self._counter, self._officer
        if counter is None or officer is None:
            return

        def handed(result: object) -> None:
            self._scan = None
            if isinstance(result, pickup.Handover):
                text = self.tr("Passport {application} handed over.").format(
                    application=result.record.application_no)
                if result.ticket is not None:
                    text += " " + self.tr("{number} finished. Press F2 for the next ticket."
                                          ).format(number=result.ticket.number)
                self._show_message(text)

        self._act(("hand_over", check.record.id),
                  lambda rid: pickup.hand_over(check.handover_ref, counter, officer.id,
                                               answer.collector, answer.collector_name,
                                               answer.id_checked, request_id=rid), handed)

    def close_pickup(self) -> None:
        self._show_scan_notice("")
        if self._scan is not None or self.view.pickup.isVisible():
            self._scan = None
            self.refresh()

    def _act(self, key: Hashable, work: Callable[[str], object],
             done: Callable[[object], None] | None = None) -> None:
        """Run one action under its intent's request id, and read the desk again."""
        if self._acting or self._counter is None:
            return
        self._show_scan_notice("")
        counter, scan = self._counter, self._scan

        def op(ctx: OpContext) -> tuple[object, Desk]:
            assert ctx.request_id is not None
            result = work(ctx.request_id)
            # A call or a handover closes the panel; anything else keeps the slip on it.
            keep = None if isinstance(result, (engine.TicketView, pickup.Handover)) else scan
            return result, deskmod.counter_desk(counter, keep)

        def succeeded(outcome: tuple[object, Desk]) -> None:
            result, desk = outcome
            if done is not None:
                done(result)
            self._show_desk(desk)

        self._run_act(Operation(self._worker, op, intents=self._intents, key=key),
                      succeeded,
                      lambda exc: self._show_message(error_sentence(exc, widget=self), warn=True))

    def _run_act(self, op: Operation[_T], succeeded: Callable[[_T], None],
                 failed: Callable[[Exception], None]) -> None:
        """One act at a time: the buttons and the desk's reads wait until it is answered."""
        self._acting = True
        self._desk_reader.hold()
        self._update_actions()

        def over() -> None:
            self._acting = False
            self._update_actions()
            self._desk_reader.release()

        def on_success(result: _T) -> None:
            self._acting = False  # what ``succeeded`` shows may offer the next act
            succeeded(result)
            over()

        def on_failure(exc: Exception) -> None:
            self._acting = False
            failed(exc)
            over()

        op.success(on_success).failure(on_failure).run()

    # --- scanning ---------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        """A scanner's code: a ticket QR calls it, a slip opens the pickup panel."""
        if self._officer is None or self._counter is None:
            self.login.show_message(self.tr("Sign in first, then scan."))
            return
        if self._acting:
            self._show_message(self.tr("One moment: the last action is still running. "
                                       "Scan again."), warn=True)
            return
        counter, officer = self._counter, self._officer
        self._show_scan_notice("")

        def op(ctx: OpContext) -> tuple[ScanOutcome, Desk]:
            outcome = deskmod.handle_scan(text, counter, officer.id, ctx.request_id)
            slip = text if outcome.kind == "pickup" else None
            return outcome, deskmod.counter_desk(counter, slip)

        def done(result: tuple[ScanOutcome, Desk]) -> None:
            outcome, desk = result
            if outcome.kind == "pickup":
                self._scan = text
                self._show_message("")
            else:
                self._scan = None
                self._called(outcome.ticket)
            self._show_desk(desk)

        # A new scan is a new intent: it ends any act still waiting for an answer.
        self._run_act(Operation(self._worker, op, intents=self._intents, key=("scan", text)),
                      done, self._scan_failed)

    def _scan_failed(self, exc: Exception) -> None:
        """A refused scan changes nothing: the panel keeps its slip, and the precise
        reason shows above it, where the officer looks after scanning."""
        if isinstance(exc, LoketError) and not isinstance(exc, DatabaseUnavailable):
            text = self.tr("Scan not used: {reason}").format(reason=exc.message(self.language))
            self._show_scan_notice(text)
            self.scan_refused.emit(text)
        else:
            self._show_message(error_sentence(exc, widget=self), warn=True)

    def _show_scan_notice(self, text: str) -> None:
        self.view.scan_notice.setText(text)
        self.view.scan_notice.setVisible(bool(text))

    # --- the database's health ---------------------------------------------------------------

    def _availability_changed(self, available: bool, _message: str) -> None:
        self._update_actions()
        if available:
            self.refresh()

    def _reconnected(self) -> None:
        if self.login.isVisible():
            self._load_counters()
        if self._officer is not None:
            self.journal_notice.check()
        self.refresh()

    # --- messages -----------------------------------------------------------------------------

    def _show_message(self, text: str, warn: bool = False) -> None:
        self._message.setText(text)
        self._message.setStyleSheet(WARN_STYLE if warn else INFO_STYLE)
        self._message.setVisible(bool(text))
        if text:
            self.message_shown.emit(text)

    # --- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._feed.stop()
        self._clock.stop()
        self.scanner.detach()
        if self._officer is not None:
            officer, counter = self._officer, self._counter
            self._officer = None
            # The worker's shutdown below waits for it; nothing comes back to show.
            Operation(self._worker, lambda _ctx: officers.log_out(officer, counter)).run()
        self._worker.shutdown()
        super().closeEvent(event)


def open_window(pc: PcSettings, *, windowed: bool = False) -> CounterWindow:
    """``loket counter``: maximised on a counter PC; 1366×768 when windowed."""
    window = CounterWindow(pc)
    window.resize(1366, 768)
    if windowed:
        window.show()
    else:
        window.showMaximized()
    return window
