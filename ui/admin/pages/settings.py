"""The supervisor's window: office settings and the signing key of the QR codes.

Layout and input only: :func:`app.office.settings.update_settings` checks every value and
who may change it (the time zone and the key's grace period are admin settings),
:func:`app.office.settings.rotate_signing_key` makes the new key. Save sends only the
fields that changed; a refused value shows the core's sentence and nothing is
written.

Other PCs cache the settings for 30 s, but a change announces itself on the change
feed (``settings_changed``), and every window's feed watcher then reads them afresh:
the lobby display shows a new notice within a second or two.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QMessageBox,
    QWidget,
)

from app.messages import current_language
from app.messages.formats import date_text
from app.office import permissions
from app.office import settings as office_settings
from app.office.officers import OfficerView
from app.queue import status
from ui.admin.page import error_sentence
from ui.admin.pages.settings_view import AdminSettingsPageView
from ui.kit.i18n import LANGUAGE_NAMES, LANGUAGES
from ui.kit.operation import Operation, run_read
from ui.kit.worker import DbWorker

log = logging.getLogger("loket.ui.admin_settings")

# The office's own zones: WIB, WITA, WIT. Moving it moves the service day.
TIME_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
ERROR_STYLE = "color: #b71c1c;"
DONE_STYLE = "color: #1b5e20;"


@dataclass(frozen=True)
class _Loaded:
    office: office_settings.OfficeSettings
    keys: office_settings.KeyOverview
    pickup_queues: list[tuple[str, str, str, str]]  # code, prefix, name_id, name_en


def _load() -> _Loaded:
    """On the worker thread: the settings as stored now, the keys, the pickup queues."""
    office = office_settings.get_settings(fresh=True)
    queues = [(q.code, q.prefix, q.name_id, q.name_en) for q in status.office_status().queues
              if q.kind == "pickup"]
    return _Loaded(office, office_settings.key_overview(), queues)


class AdminSettingsPage(AdminSettingsPageView):
    """Office name, notice, collect-by days, language, time zone, pickup queues (the
    priority one may be none), key."""

    loaded = Signal()  # the form shows the database's values
    saved = Signal()  # a save or rotation went through (the form is reloaded after)
    failed = Signal(str)  # a save or rotation was refused: the sentence shown

    def __init__(self, worker: DbWorker, officer: OfficerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._officer = officer
        self._data: _Loaded | None = None
        self._busy = False
        self._admin = permissions.allows(officer.role, "settings_security")
        self._may_edit = permissions.allows(officer.role, "settings_office")
        self._confirm_box: QMessageBox | None = None

        self._connect_callbacks()
        self._fill_time_zones("")
        self.retranslate()
        self._set_enabled()

    def _connect_callbacks(self) -> None:
        self._notice.textChanged.connect(self._count_notice)
        self._save.clicked.connect(self.save)
        self._reload.clicked.connect(self.refresh)
        self._rotate.clicked.connect(self.ask_rotation)

    # --- the page contract ---------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Office settings")

    def refresh(self) -> None:
        """Read the settings again (what the form holds unsaved is replaced)."""
        if self._busy:
            return
        self._set_busy(True)
        run_read(self._worker, _load, self._show, self._load_failed)

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        admin = self.tr("(admin)")
        self._office_box.setTitle(self.tr("Office"))
        self._key_box.setTitle(self.tr("Signing key of the QR codes on slips and tickets"))
        texts = {
            "office_name": self.tr("Office &name:"),
            "notice_text": self.tr("&Notice on the lobby display:"),
            "collect_by_days": self.tr("&Collect within (days):"),
            "language": self.tr("Default &language:"),
            "timezone": self.tr("&Time zone {admin}:").format(admin=admin),
            "backlog_pickup_queue": self.tr("Queue for &backlog pickups:"),
            "regular_pickup_queue": self.tr("Queue for &regular pickups:"),
            "priority_pickup_queue": self.tr("Queue for &priority pickups:"),
            "signing_grace_days": self.tr("Old codes stay valid for (&days) {admin}:").format(
                admin=admin),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self._collect_by.setToolTip(self.tr(
            "A ready passport not collected within this many days is cancelled."))
        self._priority_queue.setToolTip(self.tr(
            "The pickup queue of the elderly, people with disabilities and pregnant women "
            "(a pickup queue with a priority above 0). None: the kiosk offers no priority "
            "pickup."))
        self._timezone.setToolTip(self.tr(
            "Admin only: the time zone decides when the service day begins and ends."))
        self._grace.setToolTip(self.tr(
            "Admin only: how long slips and tickets printed before a key rotation stay "
            "valid."))
        self._rotate.setText(self.tr("Rotate key now {admin}").format(admin=admin))
        self._rotate.setToolTip(self.tr(
            "Admin only: a new key signs every code from now on; codes already printed stay "
            "valid for the grace period."))
        self._save.setText(self.tr("&Save changes"))
        self._reload.setText(self.tr("Re&load"))
        self._spread.setText(self.tr(
            "Other PCs read the settings again by themselves within a few seconds: the "
            "lobby display's notice, the kiosk's tickets and the counters follow at once."))
        for i, lang in enumerate(LANGUAGES):
            self._language.setItemText(i, LANGUAGE_NAMES[lang])
        if self._priority_queue.count():
            self._priority_queue.setItemText(0, self._no_queue_text())
        current = self._timezone.currentData()
        self._fill_time_zones(str(current) if current else "")
        self._count_notice()
        self._show_keys()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _no_queue_text(self) -> str:
        return self.tr("(none)")

    def _zone_name(self, zone: str) -> str:
        names = {"Asia/Jakarta": self.tr("Western Indonesia (WIB)"),
                 "Asia/Makassar": self.tr("Central Indonesia (WITA)"),
                 "Asia/Jayapura": self.tr("Eastern Indonesia (WIT)")}
        return f"{names[zone]} · {zone}" if zone in names else zone

    def _fill_time_zones(self, chosen: str) -> None:
        self._timezone.blockSignals(True)
        self._timezone.clear()
        zones = list(TIME_ZONES)
        if chosen and chosen not in zones:
            zones.append(chosen)  # set another way (command line): shown as it is
        for zone in zones:
            self._timezone.addItem(self._zone_name(zone), zone)
        self._timezone.setCurrentIndex(max(0, self._timezone.findData(chosen)))
        self._timezone.blockSignals(False)

    def _count_notice(self) -> None:
        length = len(self._notice.toPlainText())
        limit = office_settings.NOTICE_MAX
        self._notice_count.setText(self.tr("{count} of at most {limit} characters").format(
            count=length, limit=limit))
        self._notice_count.setStyleSheet(ERROR_STYLE if length > limit else "color: #555;")

    def _show_keys(self) -> None:
        if self._data is None:
            self._keys_text.setText(self.tr("Loading…"))
            return
        retired = self._data.keys.retired_until
        if not retired:
            text = self.tr("Only the current key is in use: no retired key still verifies.")
        else:
            text = self.tr("{count} retired key(s) still verify codes printed before they "
                           "were retired: until {dates}.").format(
                count=len(retired), dates=", ".join(date_text(d) for d in retired))
        self._keys_text.setText(text)

    # --- showing what is stored ----------------------------------------------------------

    def _show(self, data: _Loaded) -> None:
        self._data = data
        office = data.office
        self._office_name.setText(office.office_name)
        self._notice.setPlainText(office.notice_text)
        self._collect_by.setText(str(office.collect_by_days))
        self._language.setCurrentIndex(max(0, self._language.findData(office.language)))
        self._fill_time_zones(office.timezone)
        lang = current_language()
        for _key, combo, stored in self._queue_settings(office):
            combo.clear()
            if combo is self._priority_queue:  # the one queue setting that may be empty
                combo.addItem(self._no_queue_text(), "")
            for code, prefix, name_id, name_en in data.pickup_queues:
                combo.addItem(f"{prefix} · {name_en if lang == 'en' else name_id}", code)
            combo.setCurrentIndex(self._queue_index(combo, stored))
        self._grace.setText(str(office.signing_grace_days))
        self._show_keys()
        self._set_busy(False)
        self.loaded.emit()

    def _queue_settings(self, office: office_settings.OfficeSettings
                        ) -> tuple[tuple[str, QComboBox, str], ...]:
        """Each queue setting: its key, its combo and the value stored for it."""
        return (("backlog_pickup_queue", self._backlog_queue, office.backlog_pickup_queue),
                ("regular_pickup_queue", self._regular_queue, office.regular_pickup_queue),
                (office_settings.PRIORITY_PICKUP, self._priority_queue,
                 office.priority_pickup_queue))

    def _queue_index(self, combo: QComboBox, stored: str) -> int:
        """The combo row of a queue setting (stored as a code or as a prefix; empty:
        the "none" row where there is one)."""
        assert self._data is not None
        for code, prefix, _, _ in self._data.pickup_queues:
            if stored.lower() == code or stored.upper() == prefix:
                return combo.findData(code)
        return -1 if stored else combo.findData("")

    def _load_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._say(error_sentence(exc), ERROR_STYLE)

    # --- saving --------------------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from what was loaded (as typed)."""
        if self._data is None:
            return {}
        office = self._data.office
        typed: dict[str, Any] = {
            "office_name": self._office_name.text().strip(),
            "notice_text": self._notice.toPlainText(),
            "collect_by_days": self._collect_by.text().strip(),
            "language": self._language.currentData(),
            "timezone": self._timezone.currentData(),
            "signing_grace_days": self._grace.text().strip(),
        }
        stored: dict[str, Any] = {
            "office_name": office.office_name, "notice_text": office.notice_text,
            "collect_by_days": str(office.collect_by_days), "language": office.language,
            "timezone": office.timezone, "signing_grace_days": str(office.signing_grace_days),
        }
        changed = {k: v for k, v in typed.items() if v != stored[k]}
        for key, combo, stored_ref in self._queue_settings(office):
            chosen = combo.currentData()
            if chosen is not None and combo.currentIndex() != self._queue_index(
                    combo, stored_ref):
                changed[key] = chosen
        return changed

    def save(self) -> None:
        if self._busy or self._data is None:
            return
        changes = self.changes()
        if not changes:
            self._say(self.tr("Nothing has changed."), "")
            return
        officer_id = self._officer.id

        def op() -> list[str]:
            office_settings.update_settings(officer_id, **changes)
            return sorted(changes)

        self._set_busy(True)
        Operation(self._worker, lambda _ctx: op()).success(self._saved) \
            .failure(self._refused).run()

    def _saved(self, keys: list[str]) -> None:
        self._set_busy(False)
        names = [self._labels[k].text().replace("&", "").rstrip(":") for k in keys]
        self._say(self.tr("Saved: {fields}.").format(fields="; ".join(names)), DONE_STYLE)
        self.saved.emit()
        self.refresh()

    def _refused(self, exc: Exception) -> None:
        """Nothing was written: the form keeps what was typed, to be corrected."""
        self._set_busy(False)
        text = error_sentence(exc)
        self._say(text, ERROR_STYLE)
        self.failed.emit(text)

    # --- the signing key -----------------------------------------------------------------

    def ask_rotation(self) -> None:
        """Say until when the codes already printed stay valid, then ask to go on."""
        if self._busy:
            return
        grace = self._grace.text().strip()
        self._set_busy(True)
        run_read(self._worker, lambda: office_settings.key_overview(grace), self._confirm,
                 self._refused)

    def _confirm(self, overview: office_settings.KeyOverview) -> None:
        self._set_busy(False)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Rotate the signing key?"),
                          self.tr(
                              "From now on a new key signs every pickup slip and ticket.\n\n"
                              "Slips and tickets printed until now stay valid until "
                              "{date} ({days} days); after that they are refused as not "
                              "genuine, and their holders need a new slip (or the "
                              "application number from the receipt).\n\nRotate the key "
                              "now?").format(date=date_text(overview.rotate_now_until),
                                             days=overview.grace_days),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirm_rotation")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Rotate key"))
        box.finished.connect(lambda result: self._answered(box, result, overview.grace_days))
        self._confirm_box = box
        box.open()

    def _answered(self, box: QMessageBox, result: int, grace: int) -> None:
        self._confirm_box = None
        box.deleteLater()
        if result != QMessageBox.StandardButton.Yes.value:
            self._say(self.tr("The key was not changed."), "")
            return
        officer_id = self._officer.id

        def op() -> dt.date:
            return office_settings.rotate_signing_key(officer_id, grace)

        self._set_busy(True)
        Operation(self._worker, lambda _ctx: op()).success(self._rotated) \
            .failure(self._refused).run()

    def _rotated(self, until: dt.date) -> None:
        self._set_busy(False)
        self._say(self.tr("A new key signs from now on. Codes printed before stay valid until "
                          "{date}.").format(date=date_text(until)), DONE_STYLE)
        self.saved.emit()
        self.refresh()

    # --- state ---------------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self._message.setText(text)
        self._message.setStyleSheet(style)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._set_enabled()

    def _set_enabled(self) -> None:
        ready = not self._busy and self._data is not None
        for widget in (self._office_name, self._notice, self._collect_by, self._language,
                       self._backlog_queue, self._regular_queue, self._priority_queue,
                       self._save):
            widget.setEnabled(ready and self._may_edit)
        for widget in (self._timezone, self._grace, self._rotate):
            widget.setEnabled(ready and self._admin)
        self._reload.setEnabled(not self._busy)

    @property
    def busy(self) -> bool:
        return self._busy
