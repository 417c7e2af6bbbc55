"""The "Pemberitahuan" page's part "Undangan per hari": each pickup day's invitations.

With ``pickup_invite_per_day`` above 0 a "passport ready" message names one pickup day
and no day gets more invitations than that (:mod:`app.notify.invitations`). This part
shows, from the office's service day on, how many holders each day was promised and
how many of them have collected, as ``loket notify invited`` does, and lets a
supervisor change the limit through :func:`app.office.settings.update_settings`, which
checks the role and the range and audits; a refusal shows its sentence and changes
nothing. An officer without the role sees the limit read-only.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import current_language
from app.notify import invitations
from app.office import permissions
from app.office import settings as office_settings
from app.office.officers import OfficerView
from ui.admin.page import PageMessage, report_table
from ui.kit.operation import Operation, Refresher
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

SETTING = "pickup_invite_per_day"


class InvitationsBox(QGroupBox):
    """``loaded`` once the days are on screen (or their read failed, said on
    ``message``); ``saved`` with the new limit; ``failed`` with the refusal shown."""

    loaded = Signal()
    saved = Signal(int)
    failed = Signal(str)

    def __init__(self, worker: DbWorker, officer: OfficerView, message: PageMessage,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invitations_box")
        self._worker = worker
        self._officer = officer
        self._message = message
        self._may_edit = permissions.allows(officer.role, "settings_office")
        self._outlook: invitations.Outlook | None = None
        self._saving = False
        self._reader: Refresher[invitations.Outlook] = Refresher(
            worker, lambda: invitations.from_today, self._show, self._read_failed)

        self.hint = PlainLabel(self)
        self.hint.setWordWrap(True)
        # The part is as wide as its table needs (see _fit_width): the wrapped words
        # follow that width instead of widening the column over the page's messages.
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setStyleSheet("color: #555;")
        self._limit_label = PlainLabel(self)
        self.limit = QSpinBox(self)
        self.limit.setObjectName("invite_limit")
        self.limit.setRange(*office_settings.number_range(SETTING))
        self.limit.setReadOnly(not self._may_edit)
        if not self._may_edit:
            self.limit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("invite_save")
        self.summary = PlainLabel(self)
        self.summary.setObjectName("invitations_summary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = report_table(self, "invitations_table")
        self.table.setColumnCount(3)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)

        row = QHBoxLayout()
        row.addWidget(self.limit, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        margins = layout.contentsMargins()  # narrow at the sides: the column is narrow
        layout.setContentsMargins(4, margins.top(), 4, margins.bottom())
        layout.addWidget(self.hint)
        layout.addWidget(self._limit_label)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.limit.valueChanged.connect(self._set_enabled)
        self.save_button.clicked.connect(self.save)
        self.retranslate()
        self._set_enabled()

    def refresh(self) -> None:
        """Read the days and the limit again (a limit being typed is kept)."""
        self._reader.request()

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Invitations per day"))
        self.hint.setText(self.tr(
            "A \"passport ready\" message names one pickup day, and no day gets more "
            "invitations than this limit. Set it below what the pickup counters hand "
            "over in a day, leaving room for holders without a phone. 0: off."))
        self._limit_label.setText(self.tr("At most a day:"))
        self.limit.setSpecialValueText(self.tr("off"))
        self.save_button.setText(self.tr("Save limit"))
        self.save_button.setToolTip("" if self._may_edit else self.tr(
            "Only a supervisor or an admin may change the limit."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Day"), self.tr("Invited"), self.tr("Collected")])
        self._redraw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing -------------------------------------------------------------------------

    def _show(self, outlook: invitations.Outlook) -> None:
        before = self._outlook
        self._outlook = outlook
        if before is None or self.limit.value() == before.limit:
            self.limit.setValue(outlook.limit)  # not while another number is being typed
        self._redraw()
        self._set_enabled()
        self.loaded.emit()

    def _read_failed(self, exc: Exception) -> None:
        self._message.show_error(exc)
        self.loaded.emit()

    def _redraw(self) -> None:
        outlook = self._outlook
        rows = outlook.days if outlook is not None else []
        lang = current_language()
        self.table.setRowCount(len(rows))
        for index, (day, invited, collected) in enumerate(rows):
            for col, text in enumerate((invitations.day_words(day, lang), str(invited),
                                        str(collected))):
                self.table.setItem(index, col, QTableWidgetItem(text))
        self._fit_width()
        if outlook is None:
            self.summary.setText(self.tr("Loading…"))
        elif not rows:
            self.summary.setText(self.tr("No invitations for today or later."))
        else:
            self.summary.setText(self.tr(
                "{invited} invited over {days} day(s) from today; {collected} of them "
                "have collected.").format(invited=sum(r[1] for r in rows), days=len(rows),
                                          collected=sum(r[2] for r in rows)))

    def _fit_width(self) -> None:
        """The table as wide as its words (the longest day name, the headers)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        columns = sum(max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c))
                      for c in range(self.table.columnCount()))
        self.table.setMinimumWidth(columns + 2 * self.table.frameWidth())

    def _set_enabled(self) -> None:
        stored = self._outlook.limit if self._outlook is not None else None
        self.save_button.setEnabled(self._may_edit and not self._saving
                                    and stored is not None and self.limit.value() != stored)

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        self.save_limit(self.limit.value())

    def save_limit(self, value: int) -> None:
        """Store ``value`` as the limit; the core checks who asks and the range."""
        if self._saving:
            return
        officer_id = self._officer.id
        self._saving = True
        self._set_enabled()
        Operation(self._worker, lambda _ctx: office_settings.update_settings(
            officer_id, **{SETTING: value}).pickup_invite_per_day) \
            .success(self._saved).failure(self._refused).run()

    def _saved(self, limit: int) -> None:
        self._saving = False
        if self._outlook is not None:
            self._outlook = dataclasses.replace(self._outlook, limit=limit)
        self.limit.setValue(limit)
        self._message.show_done(
            self.tr("Saved: at most {limit} invitations a day.").format(limit=limit)
            if limit else self.tr("Saved: ready messages name no pickup day."))
        self._set_enabled()
        self.saved.emit(limit)
        self.refresh()

    def _refused(self, exc: Exception) -> None:
        """Nothing was written; the number typed stays, to be corrected."""
        self._saving = False
        self._message.show_error(exc)
        self._set_enabled()
        self.failed.emit(self._message.text())
