"""The supervisor's window (``loket admin``): sign in, then one page per area.

The shell holds the sign-in page, a header (office, who is signed in, sign out),
the navigation list and the pages. Pages are listed once, in :data:`PAGES`; each
is a widget ``Page(worker, officer, parent)`` with ``title()`` and ``refresh()``
(called every time the page is shown). All database work runs on the window's
one :class:`~ui.kit.worker.DbWorker` as :mod:`ui.kit.operation` operations; while
the database is away the :class:`~ui.kit.banner.DatabaseBanner` says so and the
pages wait, disabled, with everything typed into them kept.
"""

from __future__ import annotations

import importlib
import logging
from typing import Final, Protocol, cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import for_log
from app.office import admin
from app.office.officers import LoginThrottle, OfficerView
from app.office.settings import get_settings
from app.setup.pc_settings import PcSettings
from ui.admin.notify_sender import BackgroundSender
from ui.kit.account_watch import AccountWatch
from ui.kit.banner import DatabaseBanner
from ui.kit.feed_watcher import FeedWatcher
from ui.kit.i18n import LANGUAGE_NAMES, LANGUAGES, install_language
from ui.kit.login_page import LoginPage
from ui.kit.operation import Operation, error_sentence, run_read
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.admin")

# The pages, in the order of the navigation list: (key, module, class).
PAGES: Final[list[tuple[str, str, str]]] = [
    ("reports", "ui.admin.pages.reports", "ReportsPage"),
    ("survey", "ui.admin.pages.survey", "SurveyPage"),
    ("passports", "ui.admin.pages.passports", "PassportsPage"),
    ("bookings", "ui.admin.pages.bookings", "BookingsPage"),
    ("officers", "ui.admin.pages.officers", "OfficersPage"),
    ("counters", "ui.admin.pages.counters", "CountersPage"),
    ("queues", "ui.admin.pages.queues", "QueuesPage"),
    ("import", "ui.admin.pages.backlog_import", "AdminImportPage"),
    ("settings", "ui.admin.pages.settings", "AdminSettingsPage"),
    ("notifications", "ui.admin.pages.notifications", "NotificationsPage"),
    ("audit", "ui.admin.pages.audit", "AdminAuditPage"),
    ("backup", "ui.admin.pages.backup", "BackupPage"),
    ("reconcile", "ui.admin.pages.reconcile", "ReconcilePage"),
    ("ticket_merge", "ui.admin.pages.ticket_merge", "TicketMergePage"),
]

# Polling the change feed only to notice the database leave and come back.
POLL_MS = 2000


class Page(Protocol):
    def title(self) -> str: ...

    def refresh(self) -> None: ...


class AdminWindow(QMainWindow):
    signed_in = Signal(object)  # OfficerView
    signed_out = Signal()

    def __init__(self, pc: PcSettings, *, worker: DbWorker | None = None,
                 throttle: LoginThrottle | None = None, poll_ms: int = POLL_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_window")
        self._pc = pc
        self._worker = worker or DbWorker(self)
        self._sender = BackgroundSender()
        self._feed = FeedWatcher(self._worker, self, interval_ms=poll_ms)
        self._account = AccountWatch(self._worker, self._feed, self._signed_in_here,
                                     self._signed_out_by_change, act="admin_login",
                                     parent=self)
        self._throttle = throttle or LoginThrottle()
        self._officer: OfficerView | None = None
        self._office = ""
        self.pages: dict[str, QWidget] = {}

        self._banner = DatabaseBanner(self._worker, self)

        self.login = LoginPage(self, ask_counter=False)
        self._office_label = PlainLabel(self)
        self._office_label.setObjectName("office_name")
        self._office_label.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self._who = PlainLabel(self)
        self._who.setObjectName("who")
        self._language = QComboBox(self)
        self._language.setObjectName("window_language")
        for lang in LANGUAGES:
            self._language.addItem(LANGUAGE_NAMES[lang], lang)
        self._sign_out = QPushButton(self)
        self._sign_out.setObjectName("sign_out")
        header = QHBoxLayout()
        header.addWidget(self._office_label, 1)
        header.addWidget(self._who)
        header.addWidget(self._language)
        header.addWidget(self._sign_out)

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(240)
        self.navigation.setStyleSheet("QListWidget { font-size: 13pt; }"
                                      " QListWidget::item { padding: 8px; }")
        self.page_stack = QStackedWidget(self)
        self.page_stack.setObjectName("pages")
        body = QHBoxLayout()
        body.addWidget(self.navigation)
        body.addWidget(self.page_stack, 1)

        self._work_area = QWidget(self)
        work = QVBoxLayout(self._work_area)
        work.setContentsMargins(0, 0, 0, 0)
        work.addLayout(header)
        work.addLayout(body, 1)

        self._screens = QStackedWidget(self)
        self._screens.addWidget(self.login)
        self._screens.addWidget(self._work_area)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self._banner)
        layout.addWidget(self._screens, 1)
        self.setCentralWidget(central)

        self._connect_callbacks()
        lang = pc.language_or_default()
        self.login.set_language(lang)
        self._language.setCurrentIndex(max(0, self._language.findData(lang)))
        self.retranslate()
        self._feed.start()

    def _connect_callbacks(self) -> None:
        self._worker.availability_changed.connect(self._availability_changed)
        self._feed.reconnected.connect(self._reconnected)
        self.login.submitted.connect(lambda user, password, _counter:
                                     self._sign_in(user, password))
        self.login.language_chosen.connect(self.set_language)
        self._language.activated.connect(
            lambda index: self.set_language(self._language.itemData(index)))
        self._sign_out.clicked.connect(self.sign_out)
        self.navigation.currentRowChanged.connect(self._page_chosen)

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loket — Supervisor"))
        self._sign_out.setText(self.tr("Sign out"))
        self._show_who()
        for row, page in enumerate(self.pages.values()):
            item = self.navigation.item(row)
            if item is not None:
                item.setText(_page(page).title())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        lang = install_language(lang)
        self._pc.language = lang
        self.login.set_language(lang)
        self._language.setCurrentIndex(max(0, self._language.findData(lang)))

    def role_word(self, role: str) -> str:
        return {"officer": self.tr("officer"), "supervisor": self.tr("supervisor"),
                "admin": self.tr("admin")}.get(role, role)

    # --- what others may ask --------------------------------------------------------------

    @property
    def officer(self) -> OfficerView | None:
        return self._officer

    @property
    def worker(self) -> DbWorker:
        return self._worker

    @property
    def banner(self) -> str:
        return self._banner.text_shown

    def current_page(self) -> QWidget | None:
        return self.page_stack.currentWidget()

    def show_page(self, key: str) -> QWidget:
        """Show the page ``key`` (as choosing it in the navigation list does)."""
        self.navigation.setCurrentRow(list(self.pages).index(key))
        return self.pages[key]

    # --- signing in and out ---------------------------------------------------------------

    def _sign_in(self, username: str, password: str) -> None:
        self.login.set_busy(True)
        self.login.show_message("")
        throttle = self._throttle

        def op() -> tuple[OfficerView, str]:
            officer = admin.sign_in(username, password, throttle)
            return officer, get_settings(fresh=True).office_name

        def done(result: tuple[OfficerView, str]) -> None:
            officer, office = result
            self._officer, self._office = officer, office
            self.login.reset()
            self._build_pages(officer)
            self._screens.setCurrentWidget(self._work_area)
            self._show_who()
            self.signed_in.emit(officer)

        Operation(self._worker, lambda _ctx: op()).success(done).failure(
            lambda exc: self.login.reset(error_sentence(exc, act=False))).run()

    def _build_pages(self, officer: OfficerView) -> None:
        self._drop_pages()
        # Signed in: this PC delivers the messages to applicants (when a channel is set).
        self._sender.start()
        self.navigation.blockSignals(True)
        for key, module_name, class_name in PAGES:
            page_class = getattr(importlib.import_module(module_name), class_name)
            page: QWidget = page_class(self._worker, officer, self)
            page.setObjectName(page.objectName() or f"page_{key}")
            self.pages[key] = page
            self.page_stack.addWidget(page)
            self.navigation.addItem(_page(page).title())
        self.navigation.blockSignals(False)
        self.navigation.setCurrentRow(0)

    def _drop_pages(self) -> None:
        self.navigation.blockSignals(True)
        self.navigation.clear()
        self.navigation.blockSignals(False)
        for page in self.pages.values():
            self.page_stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()

    def _page_chosen(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            page = list(self.pages.values())[row]
            self.page_stack.setCurrentWidget(page)
            _page(page).refresh()

    def sign_out(self) -> None:
        self._leave()

    def _signed_out_by_change(self, sentence: str) -> None:
        """The account was deactivated or demoted: the core recorded the sign-out."""
        self._leave(sentence, audited=False)

    def _signed_in_here(self) -> tuple[OfficerView, int | None] | None:
        return (self._officer, None) if self._officer is not None else None

    def _leave(self, sentence: str = "", audited: bool = True) -> None:
        officer = self._officer
        if officer is None:
            return
        self._officer = None
        self._drop_pages()
        self._screens.setCurrentWidget(self.login)
        self.login.reset(sentence)
        self._show_who()

        if audited:
            run_read(self._worker, lambda: admin.sign_out(officer),
                     failed=lambda exc: log.warning("sign-out of officer %d not audited: %s",
                                                    officer.id, for_log(exc)))
        self.signed_out.emit()

    def _show_who(self) -> None:
        officer = self._officer
        self._office_label.setText(self._office if officer else "")
        if officer is None:
            self._who.setText("")
            return
        self._who.setText(self.tr("{name} ({username}) · {role}").format(
            name=officer.full_name or officer.username, username=officer.username,
            role=self.role_word(officer.role)))

    # --- the database's health -------------------------------------------------------------

    def _availability_changed(self, available: bool, _message: str) -> None:
        self.page_stack.setEnabled(available)
        self.login.set_busy(not available)

    def _reconnected(self) -> None:
        self._banner.update_text()
        page = self.current_page()
        if page is not None and self._officer is not None:
            _page(page).refresh()

    # --- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._feed.stop()
        self._sender.stop()
        if self._officer is not None:
            officer = self._officer
            self._officer = None
            # The worker's shutdown below waits for it; nothing comes back to show.
            Operation(self._worker, lambda _ctx: admin.sign_out(officer)).run()
        self._worker.shutdown()
        super().closeEvent(event)


def _page(widget: QWidget) -> Page:
    """A page of :data:`PAGES` (each has ``title`` and ``refresh``)."""
    return cast(Page, widget)


def open_window(pc: PcSettings, *, windowed: bool = False) -> AdminWindow:
    """``loket admin``: maximised; 1366×768 when windowed."""
    window = AdminWindow(pc)
    window.resize(1366, 768)
    if windowed:
        window.show()
    else:
        window.showMaximized()
    return window

