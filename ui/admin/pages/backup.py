"""The supervisor's window: backups, the daily backup, and the retention purge.

"Back up now" writes a consistent copy into the backup folder while the counters
keep working; the list shows Loket's backups there and any of them (or another file)
can be checked without restoring it. The daily backup's settings and the retention
period are an admin's (marked, and refused by the core for anyone else). While the
window is open the page runs the daily backup's check every few minutes on the
window's worker (:func:`app.backup.schedule.run_scheduled_backup`; a guard in the database
keeps two PCs from both making it). Restoring stays on the command line: it replaces
the database under every counter, so the page only shows the exact command.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from app.backup import make, restore, schedule, verify
from app.backup.dump_format import FORMAT_SQLITE
from app.backup.make import BackupResult
from app.backup.schedule import BackupOverview
from app.backup.verify import BackupCheck
from app.messages.formats import date_time_text, duration_text
from app.office import permissions, retention, settings
from app.office.officers import OfficerView
from app.office.retention import PurgeResult
from ui.admin.pages.backup_view import BackupPageView
from ui.kit.operation import Operation, Refresher, run_read
from ui.kit.worker import DbWorker

# How often the open window asks whether the daily backup is due.
SCHEDULE_CHECK_MS = 5 * 60 * 1000
FIRST_CHECK_MS = 20 * 1000


def _when(value: dt.datetime | None) -> str:
    return date_time_text(value)


class BackupPage(BackupPageView):
    """Signals fire once the answer is on screen (tests wait for them)."""

    loaded = Signal()
    backup_done = Signal(object)  # BackupResult
    verified = Signal(object)  # BackupCheck
    confirm_shown = Signal()
    purged = Signal(object)  # PurgeResult
    scheduled_checked = Signal(object)  # BackupResult | None

    def __init__(self, worker: DbWorker, officer: OfficerView, parent: QWidget | None = None,
                 *, schedule_ms: int | None = SCHEDULE_CHECK_MS) -> None:
        super().__init__(parent)
        self._worker = worker
        self._officer = officer
        self._overview: BackupOverview | None = None
        self._backing_up = False  # the button waits and the progress bar shows
        self._overview_reader: Refresher[BackupOverview] = Refresher(
            worker, lambda: schedule.overview, self._show_overview, self.message.show_error)
        # The daily backup's check, one at a time; none while "Back up now" is at work.
        self._schedule_checker: Refresher[BackupResult | None] = Refresher(
            worker, lambda: None if self._backing_up else schedule.run_scheduled_backup,
            self._schedule_checked, self._schedule_failed)
        self._fields_filled = False
        self._may_schedule = permissions.allows(officer.role, "backup_schedule")
        self._may_purge = permissions.allows(officer.role, "purge")
        self._may_back_up = permissions.allows(officer.role, "backup_run")
        self.confirm_box: QMessageBox | None = None

        # The daily backup's check: soon after the window opens, then every few minutes
        # (None: only when check_schedule() is called).
        self._schedule_timer = QTimer(self)
        if schedule_ms is not None:
            self._schedule_timer.setInterval(schedule_ms)
            self._schedule_timer.start()
            QTimer.singleShot(min(schedule_ms, FIRST_CHECK_MS), self, self.check_schedule)

        self._connect_callbacks()
        self.retranslate()
        self._apply_rights()

    def _connect_callbacks(self) -> None:
        self.backup_button.clicked.connect(self.back_up_now)
        self.verify_button.clicked.connect(self.verify_selected)
        self.verify_other_button.clicked.connect(self._choose_file_to_verify)
        self.choose_button.clicked.connect(self._choose_folder)
        self.save_schedule_button.clicked.connect(self.save_schedule)
        self.save_retention_button.clicked.connect(self.save_retention)
        self.purge_button.clicked.connect(self.purge_now)
        self.files.itemSelectionChanged.connect(self._show_restore_command)
        self._schedule_timer.timeout.connect(self.check_schedule)

    # --- the contract with the window ----------------------------------------------------

    def title(self) -> str:
        return self.tr("Backup")

    def refresh(self) -> None:
        self._overview_reader.request()

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        admin = self.tr("(admin)")
        self._backups_box.setTitle(self.tr("Backups"))
        self.backup_button.setText(self.tr("&Back up now"))
        self.files.setHorizontalHeaderLabels([self.tr("Made"), self.tr("File"),
                                              self.tr("Size"), self.tr("Kind")])
        self.verify_button.setText(self.tr("&Check the chosen backup"))
        self.verify_other_button.setText(self.tr("Check another file…"))
        self._restore_label.setText(self.tr(
            "Restoring replaces the database under every counter, so it is done on the "
            "command line: close every Loket window on every PC, then run this command "
            "(without --force into an empty database):"))
        self._schedule_box.setTitle(self.tr("Daily backup {admin}").format(admin=admin))
        self.daily.setText(self.tr("Make a backup every day"))
        self._schedule_labels[0].setText(self.tr("At (office &time):"))
        self._schedule_labels[1].setText(self.tr("In the &folder:"))
        self._schedule_labels[2].setText(self.tr("&Keep the newest:"))
        self.keep.setSuffix(self.tr(" backups"))
        self.folder.setPlaceholderText(str(make.default_folder()))
        self.choose_button.setText(self.tr("Choose…"))
        self.save_schedule_button.setText(self.tr("Save the daily backup {admin}").format(
            admin=admin))
        self._retention_box.setTitle(self.tr("Personal data {admin}").format(admin=admin))
        self._retention_text.setText(self.tr(
            "UU PDP 27/2022: names and passport numbers of passports collected or cancelled "
            "longer ago than this are erased; the numbers in the reports stay."))
        self._retention_label.setText(self.tr("Keep personal &data for:"))
        self.retention_days.setSuffix(self.tr(" days"))
        self.save_retention_button.setText(self.tr("Save {admin}").format(admin=admin))
        self.purge_button.setText(self.tr("&Purge now… {admin}").format(admin=admin))
        tip = self.tr("Only an admin may change this.")
        for widget, allowed in ((self._schedule_box, self._may_schedule),
                                (self.save_schedule_button, self._may_schedule),
                                (self._retention_box, self._may_purge),
                                (self.save_retention_button, self._may_purge),
                                (self.purge_button, self._may_purge)):
            widget.setToolTip("" if allowed else tip)
        if self._overview is not None:
            self._show_overview(self._overview, emit=False)
        self._show_restore_command()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _apply_rights(self) -> None:
        self.backup_button.setEnabled(self._may_back_up and not self._backing_up)
        for widget in (self.daily, self.time, self.folder, self.choose_button, self.keep,
                       self.save_schedule_button):
            widget.setEnabled(self._may_schedule)
        for widget in (self.retention_days, self.save_retention_button, self.purge_button):
            widget.setEnabled(self._may_purge)

    # --- showing ----------------------------------------------------------------------------

    def _show_overview(self, view: BackupOverview, emit: bool = True) -> None:
        self._overview = view
        if not view.daily:
            daily = self.tr("The daily backup is off.")
        elif view.scheduled_done:
            daily = self.tr("The daily backup of {slot} is done.").format(slot=_when(
                view.last_slot))
        else:
            daily = self.tr("The daily backup of {slot} is not made yet; this window "
                            "makes it within a few minutes.").format(slot=_when(view.last_slot))
        last = (self.tr("Last backup: {when}, {path}").format(
            when=_when(view.last_backup_at), path=view.last_backup_path or "–")
                if view.last_backup_at else self.tr("No backup has been made yet."))
        self.state_label.setText("\n".join([
            self.tr("Backup folder: {folder}").format(folder=view.folder), last, daily]))
        chosen = self.chosen_file()
        self.files.blockSignals(True)
        self.files.setRowCount(len(view.files))
        locale = QLocale()
        for row, item in enumerate(view.files):
            kind = (self.tr("SQLite copy") if item.format == FORMAT_SQLITE
                    else self.tr("Loket dump"))
            for col, text in enumerate((_when(item.made_at), item.name,
                                        locale.formattedDataSize(item.size), kind)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.path)
                self.files.setItem(row, col, cell)
            if chosen is not None and item.path == chosen:
                self.files.selectRow(row)
        self.files.blockSignals(False)
        if not self._fields_filled:  # later refreshes never overwrite what is being typed
            self._fill_fields(view)
        self._show_restore_command()
        if emit:
            self.loaded.emit()

    def _fill_fields(self, view: BackupOverview) -> None:
        self.daily.setChecked(view.daily)
        self.time.setTime(QTime.fromString(view.time, "HH:mm"))
        self.folder.setText(self._configured_folder(view))
        self.keep.setValue(view.keep)
        self.retention_days.setValue(view.retention_days)
        self._fields_filled = True

    def _configured_folder(self, view: BackupOverview) -> str:
        return "" if view.folder == str(make.default_folder()) else view.folder

    def chosen_file(self) -> str | None:
        rows = self.files.selectionModel().selectedRows() if self.files.selectionModel() else []
        if not rows:
            return None
        item = self.files.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_file(self, name: str) -> None:
        for row in range(self.files.rowCount()):
            item = self.files.item(row, 1)
            if item is not None and item.text() == name:
                self.files.selectRow(row)

    def _show_restore_command(self) -> None:
        self.restore_command.setText(restore.restore_command(self.chosen_file()))

    def _backup_text(self, result: BackupResult) -> str:
        return self.tr("Backup written: {path} — {size}, {rows} rows in {tables} tables, "
                       "{duration}.").format(
            path=result.path, size=QLocale().formattedDataSize(result.size),
            rows=sum(result.counts.values()), tables=len(result.counts),
            duration=duration_text(result.seconds))

    # --- backing up ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._backing_up

    def back_up_now(self) -> None:
        if self._backing_up:
            return
        self._set_backing_up(True)
        self.message.clear_message()
        who = self._officer.id
        Operation(self._worker, lambda _ctx: make.make_backup(None, by=who)) \
            .success(self._backed_up).failure(self._backup_failed).run()

    def _set_backing_up(self, busy: bool) -> None:
        self._backing_up = busy
        self.progress.setVisible(busy)
        self._apply_rights()

    def _backed_up(self, result: BackupResult) -> None:
        self._set_backing_up(False)
        self.message.show_done(self._backup_text(result))
        self.refresh()
        self.backup_done.emit(result)

    def _backup_failed(self, exc: Exception) -> None:
        self._set_backing_up(False)
        self.message.show_error(exc)

    def check_schedule(self) -> None:
        """Make the daily backup if it is due (the timer calls this every few minutes)."""
        self._schedule_checker.request()

    def _schedule_checked(self, result: BackupResult | None) -> None:
        if result is not None:
            self.message.show_done(self.tr("The daily backup was made. {details}").format(
                details=self._backup_text(result)))
            self.refresh()
        self.scheduled_checked.emit(result)

    def _schedule_failed(self, exc: Exception) -> None:
        self.message.show_refusal(self.tr("The daily backup failed: {reason}").format(
            reason=self.message.text_for(exc)))

    # --- checking a backup ------------------------------------------------------------------

    def verify_selected(self) -> None:
        path = self.chosen_file()
        if path is None:
            self.message.show_refusal(self.tr("Choose a backup in the list first."))
            return
        self.verify_file(path)

    def _choose_file_to_verify(self) -> None:
        start = self._overview.folder if self._overview else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Check a backup"), start,
            self.tr("Loket backups (*.sqlite3 *.loketdump.gz);;All files (*)"))
        if path:
            self.verify_file(path)

    def verify_file(self, path: str) -> None:
        self.message.clear_message()
        run_read(self._worker, lambda: verify.verify_backup(path), self._show_verification,
                 self.message.show_error)

    def _show_verification(self, result: BackupCheck) -> None:
        name = Path(result.path).name
        if result.ok:
            self.message.show_done(self.tr(
                "{name} is sound: {rows} rows in {tables} tables, schema version {version}, "
                "made {when} from {source}.").format(
                name=name, rows=sum(result.counts.values()), tables=len(result.counts),
                version=result.schema_version, when=result.made_at or "–",
                source=result.source_backend or "–"))
        else:
            self.message.show_refusal(self.tr("{name} cannot be used: {problems}").format(
                name=name, problems=" ".join(result.messages())))
        self.verified.emit(result)

    # --- the daily backup's settings (admin) ---------------------------------------------------

    def _choose_folder(self) -> None:
        start = self.folder.text() or (self._overview.folder if self._overview else "")
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if chosen:
            self.folder.setText(chosen)

    def save_schedule(self) -> None:
        who = self._officer.id
        daily, at = self.daily.isChecked(), self.time.time().toString("HH:mm")
        folder, keep = self.folder.text(), self.keep.value()

        def work() -> BackupOverview:
            schedule.update_schedule(who, daily=daily, at=at, folder=folder, keep=keep)
            return schedule.overview()

        Operation(self._worker, lambda _ctx: work()) \
            .success(self._schedule_saved).failure(self.message.show_error).run()

    def _schedule_saved(self, view: BackupOverview) -> None:
        self._fields_filled = False  # show what was stored
        self._show_overview(view)
        self.message.show_done(self.tr("The daily backup is saved."))

    def save_retention(self) -> None:
        who, days = self._officer.id, self.retention_days.value()

        def work() -> BackupOverview:
            settings.update_settings(who, retention_days=days)
            return schedule.overview()

        Operation(self._worker, lambda _ctx: work()) \
            .success(self._retention_saved).failure(self.message.show_error).run()

    def _retention_saved(self, view: BackupOverview) -> None:
        self._fields_filled = False
        self._show_overview(view)
        self.message.show_done(self.tr("Personal data is now kept for {days} days.").format(
            days=view.retention_days))

    # --- the purge (admin) ----------------------------------------------------------------------

    def purge_now(self) -> None:
        """Say how much a purge would erase, and ask before erasing it."""
        self.message.clear_message()
        who = self._officer.id
        run_read(self._worker, lambda: retention.purge(who, dry_run=True),
                 self._confirm_purge, self.message.show_error)

    def _confirm_purge(self, plan: PurgeResult) -> None:
        if plan.records == 0 and plan.audit_entries == 0 and plan.survey_comments == 0:
            self.message.show_done(self.tr(
                "Nothing to erase: no personal data of passports collected or cancelled "
                "before {cutoff} is left.").format(cutoff=plan.cutoff))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Purge personal data"), self.tr(
            "Erase the names and passport numbers of {records} passports collected or "
            "cancelled before {cutoff}, and the collectors' names in {entries} audit "
            "entries? This cannot be undone (backups made earlier still hold them).").format(
            records=plan.records, cutoff=plan.cutoff, entries=plan.audit_entries),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("purge_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(lambda button: self._purge_answered(box, button))
        self.confirm_box = box
        box.open()
        self.confirm_shown.emit()

    def _purge_answered(self, box: QMessageBox, button: QAbstractButton) -> None:
        self.confirm_box = None
        box.deleteLater()
        if box.standardButton(button) != QMessageBox.StandardButton.Yes:
            return
        who = self._officer.id
        Operation(self._worker, lambda _ctx: retention.purge(who)) \
            .success(self._purge_done).failure(self.message.show_error).run()

    def _purge_done(self, result: PurgeResult) -> None:
        self.message.show_done(self.tr(
            "Erased: {records} passports' personal data and {entries} audit entries' names "
            "(collected or cancelled before {cutoff}).").format(
            records=result.records, entries=result.audit_entries, cutoff=result.cutoff))
        self.purged.emit(result)

    # --- for tests ------------------------------------------------------------------------------

    def file_names(self) -> list[str]:
        names = []
        for row in range(self.files.rowCount()):
            item = self.files.item(row, 1)
            names.append(item.text() if item is not None else "")
        return names

    def overview(self) -> BackupOverview | None:
        return self._overview
