"""The supervisor's window: officers and their roles.

A table of every account and a form beside it: a new account, a changed name or
role, a deactivated or reactivated account, a new password. The rules (who may
touch which account, the last admin, nobody deactivates themself) are
:mod:`app.admin`'s; the page marks what the signed-in role may not do and shows
the core's sentence for every refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import admin, permissions
from app.admin import OfficerRow
from app.models import ROLES
from app.officers import OfficerView
from ui.admin_page import PageMessage, enable_choice
from ui.worker import DbWorker

_UNFILLED = object()


class OfficersPage(QWidget):
    """``loaded`` after the list is on screen; ``message`` tells what the last act did."""

    loaded = Signal()

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officers_page")
        self._worker = worker
        self._officer = officer
        self._rows: list[OfficerRow] = []
        self._selected: int | None = None  # officer id; None: a new account
        self._filled_for: object = _UNFILLED  # whose values the form holds
        self._busy = False

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("officers_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

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
        self._note = QLabel(self)
        self._note.setObjectName("officer_note")
        self._note.setWordWrap(True)
        self._labels = [QLabel(self) for _ in range(4)]
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
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.reset_button,
                       self.active_button):
            buttons.addWidget(button)
        inner = QVBoxLayout(self._form_box)
        inner.addLayout(form)
        inner.addWidget(self._note)
        inner.addLayout(buttons)
        inner.addStretch(1)

        self.message = PageMessage(self)
        row = QHBoxLayout()
        row.addWidget(self.table, 3)
        row.addWidget(self._form_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)

        self._connect_callbacks()
        self.retranslate()
        self._show_form()

    def _connect_callbacks(self) -> None:
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.password.returnPressed.connect(self.save)

    # --- the contract with the window ----------------------------------------------------

    def title(self) -> str:
        return self.tr("Officers")

    def refresh(self) -> None:
        self._worker.submit(admin.list_officers, self._show_rows, self.message.show_error)

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
        self._show_rows(self._rows, emit=False)
        self._show_form()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def role_word(self, role: str) -> str:
        return {"officer": self.tr("officer"), "supervisor": self.tr("supervisor"),
                "admin": self.tr("admin")}.get(role, role)

    # --- showing -------------------------------------------------------------------------------

    def _show_rows(self, rows: list[OfficerRow], emit: bool = True) -> None:
        self._rows = rows
        keep = self._selected
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            status = self.tr("active") if row.active else self.tr("deactivated")
            for col, text in enumerate((row.username, row.full_name, self.role_word(row.role),
                                        status, row.last_login or "–")):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if not row.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(index, col, item)
        self.table.clearSelection()
        if keep is not None:
            for index, row in enumerate(rows):
                if row.id == keep:
                    self.table.selectRow(index)
        self.table.blockSignals(False)
        if emit:
            if keep is not None and self.selected_row() is None:
                self._selected = None
            # What was typed stays (a reload after an outage loses nothing) unless the
            # form shows another account now, or was just saved.
            if self._filled_for != self._selected:
                self._fill_form()
            else:
                self._show_form()
            self.loaded.emit()

    def selected_row(self) -> OfficerRow | None:
        return next((r for r in self._rows if r.id == self._selected), None)

    def select(self, username: str) -> None:
        """Choose an account in the table (as a click on its row does)."""
        for index, row in enumerate(self._rows):
            if row.username == username:
                self.table.selectRow(index)

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        chosen = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        if chosen != self._selected:
            self._selected = chosen
            self.message.clear_message()
            self._fill_form()

    def start_new(self) -> None:
        self.table.clearSelection()
        self._selected = None
        self._fill_form()
        self.username.setFocus()

    def _fill_form(self) -> None:
        row = self.selected_row()
        self._filled_for = self._selected
        self.username.setText(row.username if row else "")
        self.full_name.setText(row.full_name if row else "")
        self.role.setCurrentIndex(max(0, self.role.findData(row.role if row else "officer")))
        self.password.clear()
        self._show_form()

    def _may_manage(self, *roles: str) -> bool:
        return permissions.allows(self._officer.role, admin.officer_act(*roles))

    def _show_form(self) -> None:
        row = self.selected_row()
        staff_ok = permissions.allows(self._officer.role, "officer_manage_staff")
        for index, role in enumerate(ROLES):
            enable_choice(self.role, index, role == "officer" or staff_ok)
        may = self._may_manage(row.role) if row else self._may_manage("officer")
        idle = not self._busy
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
        if self._busy:
            return
        by = self._officer.id
        row = self.selected_row()
        name, role = self.full_name.text(), str(self.role.currentData())
        if row is None:
            username, password = self.username.text(), self.password.text()
            self._run(lambda: admin.add_officer(by, username, password, role, name),
                      lambda view: self.tr("Officer {username} added.").format(
                          username=view.username), select=username.strip().lower())
        else:
            ident = row.id
            self._run(lambda: admin.update_officer(by, ident, full_name=name, role=role),
                      lambda view: self.tr("Account {username} saved.").format(
                          username=view.username))

    def reset_password(self) -> None:
        row = self.selected_row()
        if self._busy or row is None:
            return
        by, ident, password, username = self._officer.id, row.id, self.password.text(), \
            row.username
        self._run(lambda: admin.reset_password(by, ident, password),
                  lambda _none: self.tr("New password set for {username}. Tell them in "
                                        "person.").format(username=username))

    def toggle_active(self) -> None:
        row = self.selected_row()
        if self._busy or row is None:
            return
        by, ident, active = self._officer.id, row.id, not row.active
        self._run(lambda: admin.set_officer_active(by, ident, active),
                  lambda view: (self.tr("{username} can sign in again.") if view.active
                                else self.tr("{username} is deactivated and can no longer "
                                             "sign in.")).format(username=view.username))

    def _run(self, op: Callable[[], Any], done_text: Callable[[Any], str],
             select: str | None = None) -> None:
        self._busy = True
        self._show_form()

        def done(result: object) -> None:
            self._busy = False
            self.password.clear()
            if select is not None:
                self._selected = getattr(result, "id", None)
            self._filled_for = _UNFILLED  # show what was saved
            self.message.show_done(done_text(result))
            self._show_form()
            self.refresh()

        def failed(exc: Exception) -> None:
            self._busy = False
            self.message.show_error(exc)
            self._show_form()

        self._worker.submit(op, done, failed)
