"""The supervisor's window: officers and their roles.

A table of every account and a form beside it: a new account, a changed name or
role, a deactivated or reactivated account, a new password. The rules (who may
touch which account, the last admin, nobody deactivates themself) are
:mod:`app.office.admin`'s; the page marks what the signed-in role may not do and shows
the core's sentence for every refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.office import admin, permissions
from app.office.admin import OfficerRow
from app.office.officers import OfficerView
from app.storage.models import ROLES
from ui.admin.page import PageMessage, RecordTable, enable_choice
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker


class OfficersPage(QWidget):
    """``loaded`` after the list is on screen; ``message`` tells what the last act did."""

    loaded = Signal()

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officers_page")
        self._worker = worker
        self._officer = officer
        self.message = PageMessage(self)
        # Keyed by officer id; none chosen: a new account.
        self._records: RecordTable[OfficerRow] = RecordTable(
            self, "officers_table", 5, worker=worker, message=self.message,
            read=admin.list_officers, shown=self._show_rows,
            key=lambda row: row.id, cells=self._cells,
            style=self._grey_if_inactive, fill_form=self._fill_form,
            show_form=self._show_form, stretch=1)
        self.table = self._records.table

        self._form_box = QGroupBox(self)
        self.username = QLineEdit(self)
        self.username.setObjectName("officer_username")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("officer_full_name")
        self.role = QComboBox(self)
        self.role.setObjectName("officer_role")
        for role in ROLES:
            self.role.addItem("", role)
        self.password = QLineEdit(self)
        self.password.setObjectName("officer_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self._note = PlainLabel(self)
        self._note.setObjectName("officer_note")
        self._note.setWordWrap(True)
        self._labels = [PlainLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.username, self.full_name, self.role,
                                               self.password), strict=True):
            form.addRow(label, field)
            label.setBuddy(field)

        self.new_button = QPushButton(self)
        self.new_button.setObjectName("officer_new")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("officer_save")
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("officer_reset_password")
        self.active_button = QPushButton(self)
        self.active_button.setObjectName("officer_toggle_active")
        buttons = QGridLayout()  # two by two: the form is narrow
        for index, button in enumerate((self.new_button, self.save_button,
                                        self.reset_button, self.active_button)):
            buttons.addWidget(button, index // 2, index % 2)
        inner = QVBoxLayout(self._form_box)
        inner.addLayout(form)
        inner.addWidget(self._note)
        inner.addLayout(buttons)
        inner.addStretch(1)

        self._records.lay_out(self._form_box)

        self._connect_callbacks()
        self.retranslate()
        self._show_form()

    def _connect_callbacks(self) -> None:
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.password.returnPressed.connect(self.save)

    # --- the contract with the window ----------------------------------------------------

    def title(self) -> str:
        return self.tr("Officers")

    def refresh(self) -> None:
        self._records.reload()

    # --- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Username"), self.tr("Full name"), self.tr("Role"), self.tr("Status"),
            self.tr("Last sign-in")])
        for label, text in zip(self._labels, (self.tr("&Username:"), self.tr("&Full name:"),
                                              self.tr("&Role:"), self.tr("&Password:")),
                               strict=True):
            label.setText(text)
        staff = self.tr("(admin)")
        for index, role in enumerate(ROLES):
            word = self.role_word(role)
            self.role.setItemText(index, word if role == "officer" else f"{word} {staff}")
        self.role.setToolTip(self.tr("(admin) Only an admin may give the roles supervisor and "
                                     "admin, or change such accounts."))
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.new_button.setText(self.tr("&New officer"))
        self.reset_button.setText(self.tr("Set &new password"))
        self._records.redraw()
        self._show_form()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def role_word(self, role: str) -> str:
        return {"officer": self.tr("officer"), "supervisor": self.tr("supervisor"),
                "admin": self.tr("admin")}.get(role, role)

    # --- showing -------------------------------------------------------------------------------

    def _show_rows(self, rows: list[OfficerRow]) -> None:
        self._records.load(rows)
        self.loaded.emit()

    def _cells(self, row: OfficerRow) -> tuple[str, ...]:
        status = self.tr("active") if row.active else self.tr("deactivated")
        return (row.username, row.full_name, self.role_word(row.role), status,
                row.last_login or "–")

    @staticmethod
    def _grey_if_inactive(row: OfficerRow, item: QTableWidgetItem) -> None:
        if not row.active:
            item.setForeground(Qt.GlobalColor.gray)

    def selected_row(self) -> OfficerRow | None:
        return self._records.selected()

    def select(self, username: str) -> None:
        """Choose an account in the table (as a click on its row does)."""
        self._records.select(lambda row: row.username == username)

    def start_new(self) -> None:
        self._records.start_new()
        self.username.setFocus()

    def _fill_form(self, row: OfficerRow | None) -> None:
        self.username.setText(row.username if row else "")
        self.full_name.setText(row.full_name if row else "")
        self.role.setCurrentIndex(max(0, self.role.findData(row.role if row else "officer")))
        self.password.clear()

    def _may_manage(self, *roles: str) -> bool:
        return permissions.allows(self._officer.role, admin.officer_act(*roles))

    def _show_form(self) -> None:
        row = self.selected_row()
        staff_ok = permissions.allows(self._officer.role, "officer_manage_staff")
        for index, role in enumerate(ROLES):
            enable_choice(self.role, index, role == "officer" or staff_ok)
        may = self._may_manage(row.role) if row else self._may_manage("officer")
        idle = not self._records.busy
        self.username.setReadOnly(row is not None)
        self.full_name.setEnabled(may)
        self.role.setEnabled(may)
        self.password.setEnabled(may)
        self.save_button.setEnabled(may and idle)
        self.reset_button.setEnabled(row is not None and may and idle)
        self.active_button.setEnabled(row is not None and may and idle)
        self.new_button.setEnabled(idle)
        self._form_box.setTitle(self.tr("Account {username}").format(username=row.username)
                                if row else self.tr("New officer"))
        self.save_button.setText(self.tr("&Save") if row else self.tr("&Add officer"))
        self.active_button.setText(self.tr("Reactivate") if row and not row.active
                                   else self.tr("Deactivate"))
        self._labels[3].setText(self.tr("New &password:") if row else self.tr("&Password:"))
        if row is not None and not may:
            self._note.setText(self.tr("(admin) Only an admin may change the account of a "
                                       "supervisor or an admin."))
        elif not staff_ok:
            self._note.setText(self.tr("Supervisors manage officers; roles marked (admin) "
                                       "need an admin."))
        else:
            self._note.setText("")
        self._note.setVisible(bool(self._note.text()))

    # --- acts ----------------------------------------------------------------------------------

    def save(self) -> None:
        if self._records.busy:
            return
        by = self._officer.id
        row = self.selected_row()
        name, role = self.full_name.text(), str(self.role.currentData())
        if row is None:
            username, password = self.username.text(), self.password.text()
            self._run(lambda: admin.add_officer(by, username, password, role, name),
                      lambda view: self.tr("Officer {username} added.").format(
                          username=view.username), new_key=lambda view: view.id)
        else:
            ident = row.id
            self._run(lambda: admin.update_officer(by, ident, full_name=name, role=role),
                      lambda view: self.tr("Account {username} saved.").format(
                          username=view.username))

    def reset_password(self) -> None:
        row = self.selected_row()
        if self._records.busy or row is None:
            return
        by, ident, password, username = self._officer.id, row.id, self.password.text(), \
            row.username
        self._run(lambda: admin.reset_password(by, ident, password),
                  lambda _none: self.tr("New password set for {username}. Tell them in "
                                        "person.").format(username=username))

    def toggle_active(self) -> None:
        row = self.selected_row()
        if self._records.busy or row is None:
            return
        by, ident, active = self._officer.id, row.id, not row.active
        self._run(lambda: admin.set_officer_active(by, ident, active),
                  lambda view: (self.tr("{username} can sign in again.") if view.active
                                else self.tr("{username} is deactivated and can no longer "
                                             "sign in.")).format(username=view.username))

    def _run(self, op: Callable[[], Any], done_text: Callable[[Any], str],
             new_key: Callable[[Any], int] | None = None) -> None:
        self._records.run(op, done_text, new_key=new_key, after=self.password.clear)
