"""The office settings page's layout: the office's values, the signing key, Save.

Layout and styling only; :class:`ui.admin.pages.settings.AdminSettingsPage` wires the
widgets, fills them and decides who may change which.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.office import settings as office_settings
from ui.kit.i18n import LANGUAGE_NAMES, LANGUAGES
from ui.kit.plain import PlainLabel


class AdminSettingsPageView(QWidget):
    """The office box, the key box, and the message with Reload and Save below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_settings_page")
        self._office_name = QLineEdit(self)
        self._office_name.setObjectName("office_name")
        self._office_name.setMaxLength(office_settings.OFFICE_NAME_MAX)
        self._notice = QPlainTextEdit(self)
        self._notice.setObjectName("notice_text")
        self._notice.setTabChangesFocus(True)
        self._notice.setFixedHeight(90)
        self._notice_count = PlainLabel(self)
        self._notice_count.setObjectName("notice_count")
        self._collect_by = QLineEdit(self)
        self._collect_by.setObjectName("collect_by_days")
        self._collect_by.setMaximumWidth(90)
        self._language = QComboBox(self)
        self._language.setObjectName("language")
        for lang in LANGUAGES:
            self._language.addItem(LANGUAGE_NAMES[lang], lang)
        self._timezone = QComboBox(self)
        self._timezone.setObjectName("timezone")
        self._backlog_queue = QComboBox(self)
        self._backlog_queue.setObjectName("backlog_pickup_queue")
        self._regular_queue = QComboBox(self)
        self._regular_queue.setObjectName("regular_pickup_queue")
        self._priority_queue = QComboBox(self)
        self._priority_queue.setObjectName("priority_pickup_queue")
        self._spread = PlainLabel(self)
        self._spread.setObjectName("spread_note")
        self._spread.setWordWrap(True)
        self._spread.setStyleSheet("color: #555;")

        self._keys_text = PlainLabel(self)
        self._keys_text.setObjectName("keys_overview")
        self._keys_text.setWordWrap(True)
        self._grace = QLineEdit(self)
        self._grace.setObjectName("signing_grace_days")
        self._grace.setMaximumWidth(90)
        self._rotate = QPushButton(self)
        self._rotate.setObjectName("rotate_key")

        self._message = PlainLabel(self)
        self._message.setObjectName("settings_message")
        self._message.setWordWrap(True)
        self._save = QPushButton(self)
        self._save.setObjectName("save_settings")
        self._save.setDefault(True)
        self._reload = QPushButton(self)
        self._reload.setObjectName("reload_settings")

        self._labels: dict[str, QLabel] = {}
        self._build_office_box()
        self._build_key_box()

        buttons = QHBoxLayout()
        buttons.addWidget(self._message, 1)
        buttons.addWidget(self._reload)
        buttons.addWidget(self._save)
        outer = QVBoxLayout(self)
        outer.addWidget(self._office_box)
        outer.addWidget(self._key_box)
        outer.addLayout(buttons)
        outer.addStretch(1)

    def _build_office_box(self) -> None:
        office_box = self._office_box = QGroupBox(self)
        form = QFormLayout(office_box)
        notice_column = QVBoxLayout()
        notice_column.addWidget(self._notice)
        notice_column.addWidget(self._notice_count)
        rows: tuple[tuple[str, QWidget | QVBoxLayout, QWidget], ...] = (
            ("office_name", self._office_name, self._office_name),
            ("notice_text", notice_column, self._notice),
            ("collect_by_days", self._collect_by, self._collect_by),
            ("language", self._language, self._language),
            ("timezone", self._timezone, self._timezone),
            ("backlog_pickup_queue", self._backlog_queue, self._backlog_queue),
            ("regular_pickup_queue", self._regular_queue, self._regular_queue),
            ("priority_pickup_queue", self._priority_queue, self._priority_queue))
        for key, field, buddy in rows:
            label = PlainLabel(office_box)
            label.setBuddy(buddy)
            self._labels[key] = label
            form.addRow(label, field)
        form.addRow(self._spread)

    def _build_key_box(self) -> None:
        key_box = self._key_box = QGroupBox(self)
        key_form = QFormLayout(key_box)
        key_form.addRow(self._keys_text)
        grace_label = PlainLabel(key_box)
        grace_label.setBuddy(self._grace)
        self._labels["signing_grace_days"] = grace_label
        key_form.addRow(grace_label, self._grace)
        key_form.addRow(self._rotate)
