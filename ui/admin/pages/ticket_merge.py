"""The supervisor's window: the tickets an emergency PC served, written into the database
once.

During a server outage one PC may restore the last backup into its own SQLite file
and serve walk-ins alone; those tickets are missing from the server's reports and
survey. This page does what ``loket ticket merge`` does: choose that file (or the
server it worked on), preview what would become of each ticket (nothing is written),
then merge. Every rule is :mod:`app.queue.merge`'s, which decides every ticket again
when it writes: a ticket still open there or of a queue unknown here is listed, never
written; a file that is not Loket's, of another schema version or of another office
is refused in the core's words and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from app.errors import Refused
from app.messages import current_language, render
from app.messages.cli_words import status_word
from app.messages.formats import date_text
from app.office import permissions
from app.office.officers import OfficerView
from app.queue import merge
from app.queue.merge import MergeReport, TicketOutcome
from ui.admin.pages.replay import (
    Replay,
    ask_for_other_database,
    fill_table,
    say_common_words,
    table_rows,
)
from ui.admin.pages.ticket_merge_view import TicketMergePageView
from ui.kit.worker import DbWorker


@dataclass(frozen=True)
class MergeAnswer:
    """A merge's report and what it was asked for (the merge repeats the preview's)."""

    report: MergeReport
    where: str
    any_database: bool


def _merge(where: str, by: int, *, dry_run: bool, any_database: bool) -> MergeAnswer:
    report = merge.merge(where, by, dry_run=dry_run, any_database=any_database)
    return MergeAnswer(report, where, any_database)


class TicketMergePage(TicketMergePageView):
    """Signals fire once the answer is on screen (tests wait for them)."""

    previewed = Signal(object)  # MergeAnswer
    merged = Signal(object)  # MergeAnswer

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._officer = officer
        self._allowed = permissions.allows(officer.role, "ticket_merge")
        self._replay = Replay(self, worker, show=self._show, update=self._set_enabled,
                              previewed=self.previewed.emit, written=self._merged,
                              refused=self._refusal)
        self._connect_callbacks()
        self.retranslate()
        self._set_enabled()

    def _connect_callbacks(self) -> None:
        self.choose_database_button.clicked.connect(self._ask_for_database)
        self.database.textEdited.connect(lambda _text: self._replay.forget_preview())
        self.any_database.toggled.connect(lambda _on: self._replay.forget_preview())
        self.preview_button.clicked.connect(self.preview)
        self.merge_button.clicked.connect(self.merge)

    # --- the contract with the window ----------------------------------------------------

    def title(self) -> str:
        return self.tr("Emergency PC tickets")

    def refresh(self) -> None:
        """Nothing to load: a preview stays on screen until the database is read again."""
        if not self._allowed:
            self.message.show_refusal(self.tr(
                "Only a supervisor or an admin may merge the emergency PC's tickets."))

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._intro.setText(self.tr(
            "While the server was down, an emergency PC may have served walk-ins on its "
            "own file restored from the last backup. Those tickets are missing from this "
            "database, and so from the reports and the survey. Choose that PC's file, or "
            "the server it worked on. Preview writes nothing; then merge the finished "
            "tickets with their own times, counters and officers, each once. Tickets "
            "still open there or of a queue unknown here are listed, never written."))
        self._source_box.setTitle(self.tr("The emergency PC's database"))
        self.database_label.setText(self.tr("&Database:"))
        say_common_words(self)
        self.any_database.setToolTip(self.tr(
            "Also merge from a database that was not restored from this office's backup: "
            "only when it is this office's all the same (a server set up anew rather "
            "than restored)."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Day"), self.tr("Queue"), self.tr("Number"), self.tr("Status there"),
            self.tr("Result"), self.tr("Reason")])
        if self._replay.answer is not None:
            self._show(self._replay.answer)
        else:
            self.total_label.setText(self.tr(
                "Nothing is written before you have seen the preview and pressed Merge."))
        self._set_enabled()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _result_word(self, outcome: TicketOutcome, dry_run: bool) -> str:
        if outcome.result == merge.MERGED:
            return self.tr("would be merged") if dry_run else self.tr("merged")
        return {merge.ALREADY: self.tr("already here"),
                merge.SKIPPED: self.tr("skipped")}.get(outcome.result, outcome.result)

    def _refusal(self, exc: Exception) -> str | None:
        """The window's sentence where the core's names a command-line option."""
        if isinstance(exc, Refused) and exc.code == "ticket_merge_other_database":
            return self.tr(
                "'{where}' is another office's database (not restored from this office's "
                "backup); nothing was merged. If it is this office's all the same (the "
                "server was set up anew instead of restored), tick “Also from another "
                "database” and preview again.").format(where=exc.params.get("where", ""))
        return None

    # --- choosing the database --------------------------------------------------------------

    def _ask_for_database(self) -> None:
        path = ask_for_other_database(self)
        if path:
            self.choose_database(path)

    def choose_database(self, where: str) -> None:
        """Take a SQLite file or a server's URL as the emergency PC's database."""
        self.database.setText(where)
        self._replay.forget_preview()

    # --- previewing and merging -------------------------------------------------------------

    def preview(self) -> None:
        """Read the other database and say what merging would do. Writes nothing."""
        where = self.database.text().strip()
        if not where:
            self.message.show_refusal(self.tr(
                "Type the emergency PC's database URL or choose its SQLite file first."))
            return
        who, any_database = self._officer.id, self.any_database.isChecked()
        self._replay.preview(lambda: _merge(where, who, dry_run=True,
                                            any_database=any_database))

    def merge(self) -> None:
        """Merge what was previewed, each ticket once (the core decides again)."""
        answer: MergeAnswer | None = self._replay.preview_on_screen
        if answer is None or self.would_merge() == 0:
            return
        who = self._officer.id
        self._replay.write(lambda: _merge(answer.where, who, dry_run=False,
                                          any_database=answer.any_database))

    def _merged(self, answer: MergeAnswer) -> None:
        self.message.show_done(self.tr(
            "{count} tickets merged with their own times, counters and officers.")
            .format(count=answer.report.counts()[merge.MERGED]))
        self.merged.emit(answer)

    # --- showing ----------------------------------------------------------------------------

    def _show(self, answer: MergeAnswer) -> None:
        report, lang = answer.report, current_language()
        rows = []
        for o in report.outcomes:
            # Skipped, renumbered, or without its counter or officer: a person reads it.
            notes = o.notes(lang)
            reason = " ".join(notes) if notes else (
                render(f"ticket_merge_why_{o.reason}", {}, lang) if o.reason else "")
            rows.append(((date_text(o.day), o.queue, o.number, status_word(o.status, lang),
                          self._result_word(o, report.dry_run), reason), bool(notes)))
        fill_table(self.table, rows)
        self.total_label.setText(report.lines(lang)[-1])

    def _set_enabled(self) -> None:
        idle = not self._replay.busy and self._allowed
        for widget in (self.database, self.choose_database_button, self.any_database,
                       self.preview_button):
            widget.setEnabled(idle)
        count = self.would_merge()
        self.merge_button.setText(
            self.tr("&Merge 1 ticket") if count == 1
            else self.tr("&Merge {count} tickets").format(count=count))
        self.merge_button.setEnabled(idle and count > 0)

    # --- for tests and the window -------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._replay.busy

    def would_merge(self) -> int:
        """How many tickets the preview on screen would merge (0: none on screen)."""
        answer = self._replay.preview_on_screen
        return 0 if answer is None else answer.report.counts()[merge.MERGED]

    def rows(self) -> list[list[str]]:
        """The table's cells, row by row."""
        return table_rows(self.table)
