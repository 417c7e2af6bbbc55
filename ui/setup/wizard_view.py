"""The set-up wizard's pages as laid out: fields, notes, boxes.

Layout and styling only; the pages in :mod:`ui.setup.wizard` fill the fields with
what the PC has, wire them and decide which page comes next.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.messages import LANGUAGES
from app.setup import pc_config
from app.setup.pc_settings import PAPER_WIDTHS_MM
from ui.kit.i18n import LANGUAGE_NAMES
from ui.kit.plain import PlainLabel

OK_STYLE = "color: #1b5e20;"
PROBLEM_STYLE = "color: #b71c1c;"
NOTE_STYLE = "color: #455a64;"

KIND_LABELS = {"postgresql": "PostgreSQL", "mysql": "MariaDB"}


def _note(parent: QWidget, name: str) -> QLabel:
    label = PlainLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


def _indented(parent: QWidget, margin: int = 24) -> tuple[QWidget, QVBoxLayout]:
    """A box whose contents sit under the option that enables them."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(margin, 0, 0, 0)
    return box, layout


class WizardPageView(QWizardPage):
    """A page of the wizard: named for tests, its words set again when the language
    changes (each page's texts are in its own ``retranslate``: ``self.tr`` takes the
    context of the class that calls it)."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PcPageView(WizardPageView):
    """The language of the set-up, and a choice of mode with a note under each."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "page_pc")
        self._language_label = PlainLabel(self)
        self.language = QComboBox(self)
        self.language.setObjectName("setup_language")
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.modes = QButtonGroup(self)
        self._mode_buttons: dict[str, QRadioButton] = {}
        self._mode_notes: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self._language_label)
        row.addWidget(self.language)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(8)
        for mode in pc_config.MODES:
            button = QRadioButton(self)
            button.setObjectName(f"mode_{mode}")
            button.setStyleSheet("font-weight: 600;")
            self.modes.addButton(button)
            self._mode_buttons[mode] = button
            note = _note(self, f"mode_{mode}_note")
            note.setContentsMargins(24, 0, 0, 6)
            self._mode_notes[mode] = note
            layout.addWidget(button)
            layout.addWidget(note)
        layout.addStretch(1)


class DatabasePageView(WizardPageView):
    """This PC only (a file) or a shared server (its form), Test connection, the answer."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "page_database")
        self.local = QRadioButton(self)
        self.local.setObjectName("database_local")
        self.server = QRadioButton(self)
        self.server.setObjectName("database_server")
        self._where = QButtonGroup(self)
        self._where.addButton(self.local)
        self._where.addButton(self.server)
        self._build_local()
        self._build_server()
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("test_connection")
        self.result = PlainLabel(self)
        self.result.setObjectName("connection_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._env_note = _note(self, "env_note")

        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self._local_box)
        layout.addWidget(self.server)
        layout.addWidget(self._server_box)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self._env_note)

    def _build_local(self) -> None:
        self.path = QLineEdit(self)
        self.path.setObjectName("sqlite_path")
        self._browse = QPushButton(self)
        self._browse.setObjectName("sqlite_browse")
        self._local_note = _note(self, "sqlite_note")
        self._local_box, local_layout = _indented(self)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self._browse)
        local_layout.addLayout(path_row)
        local_layout.addWidget(self._local_note)

    def _build_server(self) -> None:
        self.kind = QComboBox(self)
        self.kind.setObjectName("server_kind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.host = QLineEdit(self)
        self.host.setObjectName("server_host")
        self.host.setPlaceholderText("192.168.10.5")
        self.port = QSpinBox(self)
        self.port.setObjectName("server_port")
        self.port.setRange(1, 65535)
        self.name = QLineEdit(self)
        self.name.setObjectName("server_database")
        self.user = QLineEdit(self)
        self.user.setObjectName("server_user")
        self.password = QLineEdit(self)
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self._password_note = _note(self, "password_note")
        self._form = QFormLayout()
        self._labels = [PlainLabel(self) for _ in range(5)]
        for label, field in zip(self._labels, (self.kind, self.host, self.port, self.name,
                                               self.user), strict=True):
            self._form.addRow(label, field)
        self._password_label = PlainLabel(self)
        self._form.addRow(self._password_label, self.password)
        self._server_box, server_layout = _indented(self)
        server_layout.addLayout(self._form)
        server_layout.addWidget(self._password_note)


class OfficePageView(WizardPageView):
    """The office's name and the standard queues (a new database), the first admin."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "page_office")
        self.office_name = QLineEdit(self)
        self.office_name.setObjectName("office_name")
        self.standard = QCheckBox(self)
        self.standard.setObjectName("standard_office")
        self.standard.setChecked(True)
        self._standard_note = _note(self, "standard_office_note")
        self._standard_note.setContentsMargins(24, 0, 0, 0)
        self.username = QLineEdit("admin", self)
        self.username.setObjectName("admin_username")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("admin_full_name")
        self.password = QLineEdit(self)
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setObjectName("admin_password_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = PlainLabel(self)
        self.message.setObjectName("office_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(PROBLEM_STYLE)
        self._admin_note = _note(self, "admin_note")
        self._office_label, self._labels = PlainLabel(self), [PlainLabel(self) for _ in range(4)]
        form = QFormLayout()
        form.addRow(self._office_label, self.office_name)
        self._admin_form = QFormLayout()
        for label, field in zip(self._labels, (self.username, self.full_name, self.password,
                                               self.again), strict=True):
            self._admin_form.addRow(label, field)
        layout = QVBoxLayout(self)
        self._office_box, office_layout = _indented(self, 0)
        office_layout.addLayout(form)
        office_layout.addWidget(self.standard)
        office_layout.addWidget(self._standard_note)
        layout.addWidget(self._office_box)
        layout.addSpacing(8)
        layout.addWidget(self._admin_note)
        layout.addLayout(self._admin_form)
        layout.addWidget(self.message)
        layout.addStretch(1)


class CounterPageView(WizardPageView):
    """The database's counters to choose from, or a number when it has none."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "page_counter")
        self.counters = QListWidget(self)
        self.counters.setObjectName("counter_list")
        self.counters.setStyleSheet("QListWidget { font-size: 13pt; }"
                                    " QListWidget::item { padding: 4px; }")
        self.number = QSpinBox(self)
        self.number.setObjectName("counter_number")
        self.number.setRange(1, 999)
        self._note = _note(self, "counter_note")
        self._number_label = PlainLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counters, 1)
        row = QHBoxLayout()
        row.addWidget(self._number_label)
        row.addWidget(self.number)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self._note)


class DevicePageView(WizardPageView):
    """A kiosk's printer and paper; a display's English call (one box shows)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "page_device")
        self.printer = QComboBox(self)
        self.printer.setObjectName("kiosk_printer")
        self.printer.setEditable(True)  # also "pdf:FOLDER", or a printer not listed yet
        self.printer.addItem("", "")
        self.paper = QComboBox(self)
        self.paper.setObjectName("kiosk_paper")
        for width in PAPER_WIDTHS_MM:
            self.paper.addItem(f"{width} mm", width)
        self._printer_note = _note(self, "printer_note")
        self.english = QCheckBox(self)
        self.english.setObjectName("speak_english")
        self._english_note = _note(self, "english_note")
        self._printer_label, self._paper_label = PlainLabel(self), PlainLabel(self)
        self._kiosk_box = QWidget(self)
        form = QFormLayout(self._kiosk_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self._printer_label, self.printer)
        form.addRow(self._paper_label, self.paper)
        form.addRow("", self._printer_note)
        self._display_box, display_layout = _indented(self, 0)
        display_layout.addWidget(self.english)
        display_layout.addWidget(self._english_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self._kiosk_box)
        layout.addWidget(self._display_box)
        layout.addStretch(1)


class ReadyPageView(WizardPageView):
    """What will be saved, as plain lines."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "page_ready")
        self.summary = PlainLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.setFinalPage(True)
