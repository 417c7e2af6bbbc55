"""The backup page's layout: the backups, the daily backup, the retention period.

Layout and styling only; :class:`ui.admin.pages.backup.BackupPage` wires the widgets,
says what they read and decides who may use which.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.admin.page import PageMessage
from ui.kit.plain import PlainLabel


class BackupPageView(QWidget):
    """Three boxes in a scrolling column, and the page's message line below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_page")
        self._build_backups()
        self._build_schedule()
        self._build_retention()
        self.message = PageMessage(self)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addWidget(self._backups_box, 1)
        column.addWidget(self._schedule_box)
        column.addWidget(self._retention_box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)

    def _build_backups(self) -> None:
        # Backups: the state, "back up now", the files.
        self._backups_box = QGroupBox(self)
        self.state_label = PlainLabel(self)
        self.state_label.setObjectName("backup_state")
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName("backup_now")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("backup_progress")
        self.progress.setRange(0, 0)  # busy: a backup does not know its length up front
        self.progress.hide()
        self.files = QTableWidget(0, 4, self)
        self.files.setObjectName("backup_files")
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().hide()
        self.files.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.files.setMinimumHeight(160)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("backup_verify")
        self.verify_other_button = QPushButton(self)
        self.verify_other_button.setObjectName("backup_verify_other")
        now_row = QHBoxLayout()
        now_row.addWidget(self.backup_button)
        now_row.addWidget(self.progress, 1)
        now_row.addStretch(1)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verify_other_button)
        verify_row.addStretch(1)
        self._restore_label = PlainLabel(self)
        self._restore_label.setWordWrap(True)
        self.restore_command = QLineEdit(self)
        self.restore_command.setObjectName("restore_command")
        self.restore_command.setReadOnly(True)
        inner = QVBoxLayout(self._backups_box)
        inner.addWidget(self.state_label)
        inner.addLayout(now_row)
        inner.addWidget(self.files, 1)
        inner.addLayout(verify_row)
        inner.addWidget(self._restore_label)
        inner.addWidget(self.restore_command)

    def _build_schedule(self) -> None:
        # The daily backup (admin).
        self._schedule_box = QGroupBox(self)
        self.daily = QCheckBox(self)
        self.daily.setObjectName("backup_daily")
        self.time = QTimeEdit(self)
        self.time.setObjectName("backup_time")
        self.time.setDisplayFormat("HH:mm")
        self.folder = QLineEdit(self)
        self.folder.setObjectName("backup_folder")
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("backup_choose_folder")
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backup_keep")
        self.keep.setRange(1, 365)
        self.save_schedule_button = QPushButton(self)
        self.save_schedule_button.setObjectName("backup_save_schedule")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        self._schedule_labels = [PlainLabel(self) for _ in range(3)]
        form = QFormLayout(self._schedule_box)
        form.addRow(self.daily)
        form.addRow(self._schedule_labels[0], self.time)
        form.addRow(self._schedule_labels[1], folder_row)
        form.addRow(self._schedule_labels[2], self.keep)
        form.addRow(self.save_schedule_button)
        for label, buddy in zip(self._schedule_labels, (self.time, self.folder, self.keep),
                                strict=True):
            label.setBuddy(buddy)

    def _build_retention(self) -> None:
        # Personal data (admin).
        self._retention_box = QGroupBox(self)
        self._retention_text = PlainLabel(self)
        self._retention_text.setWordWrap(True)
        self.retention_days = QSpinBox(self)
        self.retention_days.setObjectName("retention_days")
        self.retention_days.setRange(30, 3650)
        self.save_retention_button = QPushButton(self)
        self.save_retention_button.setObjectName("retention_save")
        self.purge_button = QPushButton(self)
        self.purge_button.setObjectName("purge_now")
        self._retention_label = PlainLabel(self)
        self._retention_label.setBuddy(self.retention_days)
        days_row = QHBoxLayout()
        days_row.addWidget(self._retention_label)
        days_row.addWidget(self.retention_days)
        days_row.addWidget(self.save_retention_button)
        days_row.addStretch(1)
        days_row.addWidget(self.purge_button)
        retention_inner = QVBoxLayout(self._retention_box)
        retention_inner.addWidget(self._retention_text)
        retention_inner.addLayout(days_row)
