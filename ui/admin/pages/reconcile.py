"""The supervisor's window: handovers the database lacks, written into it once.

After the server came back from last night's backup, or one PC worked alone on an
emergency SQLite file, the handovers made since are missing from the database. This
page does what ``loket pickup reconcile`` does: choose a PC's journal or the other
database, preview what would become of each handover (nothing is written), then
record exactly the previewed handovers with their original time, counter and
officer. Every rule is :mod:`app.pickup.reconcile`'s: a conflict, an unknown
application or a handover of another database is listed, never written; a file that
is not Loket's is refused in the core's words and nothing changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app import clock
from app.messages import current_language, render
from app.messages.formats import NONE_TEXT, date_time_text
from app.office import permissions
from app.office.officers import OfficerView
from app.office.settings import get_settings
from app.pickup import journal, reconcile
from app.pickup.reconcile import HandoverFact, Outcome, ReconcileReport
from ui.admin.pages.reconcile_view import ReconcilePageView
from ui.admin.pages.replay import (
    Replay,
    ask_for_other_database,
    fill_table,
    say_common_words,
    table_rows,
)
from ui.kit.worker import DbWorker


@dataclass(frozen=True)
class Answer:
    """A report and the office's time zone it is shown in (read with it, on the worker)."""

    report: ReconcileReport
    timezone: str
    any_database: bool


def _check(facts: list[HandoverFact], source: str, by: int, *, dry_run: bool,
           any_database: bool) -> Answer:
    report = reconcile.reconcile(facts, by, source=source, dry_run=dry_run,
                                 any_database=any_database)
    return Answer(report, get_settings().timezone, any_database)


class ReconcilePage(ReconcilePageView):
    """Signals fire once the answer is on screen (tests wait for them)."""

    previewed = Signal(object)  # Answer
    recorded = Signal(object)  # Answer

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._officer = officer
        self._allowed = permissions.allows(officer.role, "pickup_reconcile")
        self._replay = Replay(self, worker, show=self._show, update=self._set_enabled,
                              previewed=self.previewed.emit, written=self._recorded)
        self.journal.setText(str(journal.journal_path()))
        self._connect_callbacks()
        self.retranslate()
        self._set_enabled()

    def _connect_callbacks(self) -> None:
        self.choose_journal_button.clicked.connect(self._ask_for_journal)
        self.choose_database_button.clicked.connect(self._ask_for_database)
        self.journal.textEdited.connect(lambda _text: self._source_changed(journal=True))
        self.database.textEdited.connect(lambda _text: self._source_changed(journal=False))
        self.sources.buttonToggled.connect(lambda _button, _on: self._replay.forget_preview())
        self.any_database.toggled.connect(lambda _on: self._replay.forget_preview())
        self.preview_button.clicked.connect(self.preview)
        self.record_button.clicked.connect(self.record)

    # --- the contract with the window ----------------------------------------------------

    def title(self) -> str:
        return self.tr("Late handovers")

    def refresh(self) -> None:
        """Nothing to load: a preview stays on screen until the source is read again."""
        if not self._allowed:
            self.message.show_refusal(self.tr(
                "Only a supervisor or an admin may record late handovers."))

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._intro.setText(self.tr(
            "Handovers made after the server's last backup, or on a PC that worked alone "
            "on an emergency file, are missing from the database after a restore. Choose "
            "where they are kept: a counter PC's handover journal, or the other database. "
            "Preview writes nothing; then record the handovers with their original time, "
            "counter and officer. Conflicts are listed, never written: settle them with "
            "the handover book."))
        self._source_box.setTitle(self.tr("Source"))
        self.from_journal.setText(self.tr("&Journal file:"))
        self.from_database.setText(self.tr("Another &database:"))
        self.journal.setPlaceholderText(str(journal.journal_path()))
        self.choose_journal_button.setText(self.tr("Choose…"))
        say_common_words(self)
        self.any_database.setToolTip(self.tr(
            "Also record handovers written to another database than this one: only when "
            "that database is this office's all the same (a server set up anew rather "
            "than restored)."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Application no."), self.tr("Time"), self.tr("Counter"),
            self.tr("Officer"), self.tr("Outcome"), self.tr("Reason")])
        if self._replay.answer is not None:
            self._show(self._replay.answer)
        else:
            self.total_label.setText(self.tr(
                "Nothing is written before you have seen the preview and pressed Record."))
        self._set_enabled()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _result_word(self, outcome: Outcome, dry_run: bool) -> str:
        if outcome.result == reconcile.RECORDED:
            return self.tr("would be recorded") if dry_run else self.tr("recorded")
        return {reconcile.ALREADY: self.tr("already recorded"),
                reconcile.CONFLICT: self.tr("in conflict"),
                reconcile.UNKNOWN: self.tr("unknown application"),
                reconcile.OTHER_DATABASE: self.tr("from another database"),
                }.get(outcome.result, outcome.result)

    def _reason(self, outcome: Outcome, zone: str) -> str:
        """Why a handover is not written (or what was left out of it), in a few words."""
        fact = outcome.fact
        if outcome.result == reconcile.RECORDED:
            notes = []
            if outcome.unknown_officer:
                notes.append(render("reconcile_unknown_officer", {"officer": fact.officer},
                                    current_language()))
            if outcome.unknown_counter:
                notes.append(render("reconcile_unknown_counter", {"counter": fact.counter},
                                    current_language()))
            return " ".join(notes)
        if outcome.result == reconcile.CONFLICT:
            here = _local(outcome.collected_at, zone)
            counter = NONE_TEXT if outcome.counter is None else str(outcome.counter)
            return {
                reconcile.COLLECTED_OTHERWISE: self.tr(
                    "Here it was collected {time} at counter {counter}. Check the handover "
                    "book.").format(time=here, counter=counter),
                reconcile.CANCELLED_THERE: self.tr(
                    "Here this passport is cancelled. Check the shelf and the handover "
                    "book."),
                reconcile.NOT_READY: self.tr(
                    "Here this passport is not ready. Check the shelf and the handover "
                    "book."),
                reconcile.UNDONE: self.tr("A supervisor undid this handover here."),
            }.get(outcome.reason or "", outcome.reason or "")
        if outcome.result == reconcile.UNKNOWN:
            return self.tr("Not in this database.")
        if outcome.result == reconcile.OTHER_DATABASE:
            return self.tr("Written to another database: skipped.")
        return ""

    # --- choosing the source --------------------------------------------------------------

    def _ask_for_journal(self) -> None:
        start = self.journal.text() or str(journal.journal_path())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a handover journal"), start,
            self.tr("Handover journals (*.jsonl);;All files (*)"))
        if path:
            self.choose_journal(path)

    def _ask_for_database(self) -> None:
        path = ask_for_other_database(self)
        if path:
            self.choose_database(path)

    def choose_journal(self, path: str) -> None:
        """Take the journal at ``path`` as the source (the file dialog ends here)."""
        self.journal.setText(path)
        self._source_changed(journal=True)

    def choose_database(self, where: str) -> None:
        """Take a SQLite file or a server's URL as the source."""
        self.database.setText(where)
        self._source_changed(journal=False)

    def _source_changed(self, *, journal: bool) -> None:
        (self.from_journal if journal else self.from_database).setChecked(True)
        self._replay.forget_preview()

    # --- previewing and recording -----------------------------------------------------------

    def preview(self) -> None:
        """Read the source and say what recording would do. Writes nothing."""
        who, any_database = self._officer.id, self.any_database.isChecked()
        if self.from_journal.isChecked():
            path = Path(self.journal.text().strip() or journal.journal_path())

            def facts() -> tuple[list[HandoverFact], str]:
                return reconcile.facts_from_journal(path)
        else:
            where = self.database.text().strip()
            if not where:
                self.message.show_refusal(self.tr(
                    "Type the other database's URL or choose its SQLite file first."))
                return

            def facts() -> tuple[list[HandoverFact], str]:
                return reconcile.facts_from_database(where)

        def work() -> Answer:
            found, source = facts()
            return _check(found, source, who, dry_run=True, any_database=any_database)

        self._replay.preview(work)

    def record(self) -> None:
        """Record exactly the previewed handovers, each once (the core decides again)."""
        answer: Answer | None = self._replay.preview_on_screen
        if answer is None or self.would_record() == 0:
            return
        who, report = self._officer.id, answer.report
        facts = [o.fact for o in report.outcomes]
        self._replay.write(lambda: _check(facts, report.source, who, dry_run=False,
                                          any_database=answer.any_database))

    def _recorded(self, answer: Answer) -> None:
        self.message.show_done(self.tr(
            "{count} handovers recorded with their original time, counter and officer.")
            .format(count=answer.report.counts()[reconcile.RECORDED]))
        self.recorded.emit(answer)

    # --- showing ----------------------------------------------------------------------------

    def _show(self, answer: Answer) -> None:
        report, zone = answer.report, answer.timezone
        fill_table(self.table, [(
            (o.fact.application_no,
             date_time_text(clock.local_time(o.fact.collected_at, zone)),
             NONE_TEXT if o.fact.counter is None else str(o.fact.counter),
             o.fact.officer or NONE_TEXT, self._result_word(o, report.dry_run),
             self._reason(o, zone)),
            o.result not in (reconcile.RECORDED, reconcile.ALREADY))
            for o in report.outcomes])
        lines = [report.total(current_language())]
        if report.counts()[reconcile.OTHER_DATABASE]:
            lines.append(self.tr("If that database is this office's all the same (a server "
                                 "set up anew, not restored), tick “Also from another "
                                 "database” and preview again."))
        if report.dry_run:
            lines.append(self.tr("Preview only: nothing has been written yet."))
        self.total_label.setText(" ".join(lines))

    def _set_enabled(self) -> None:
        idle = not self._replay.busy and self._allowed
        for widget in (self.from_journal, self.from_database, self.journal, self.database,
                       self.choose_journal_button, self.choose_database_button,
                       self.any_database, self.preview_button):
            widget.setEnabled(idle)
        count = self.would_record()
        self.record_button.setText(
            self.tr("&Record 1 handover") if count == 1
            else self.tr("&Record {count} handovers").format(count=count))
        self.record_button.setEnabled(idle and count > 0)

    # --- for tests and the window -------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._replay.busy

    def would_record(self) -> int:
        """How many handovers the preview on screen would record (0: none on screen)."""
        answer = self._replay.preview_on_screen
        return 0 if answer is None else answer.report.counts()[reconcile.RECORDED]

    def rows(self) -> list[list[str]]:
        """The table's cells, row by row."""
        return table_rows(self.table)


def _local(at_utc_iso: str | None, zone: str) -> str:
    """A stored time (UTC, ISO text) as the office's local date and time."""
    if not at_utc_iso:
        return NONE_TEXT
    return date_time_text(clock.local_time(dt.datetime.fromisoformat(at_utc_iso), zone))
