"""This PC's settings, the Qt side: the printers Qt's print system offers, and the
settings an older Loket kept in Qt's ``QSettings``, copied into ``loket.ini`` once.

The settings themselves are the core's (:class:`app.setup.pc_settings.PcSettings`, in
``loket.ini``), so the command line reads and writes them without Qt.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings

from app.errors import InvalidInput
from app.setup.pc_settings import PcSettings, apply
from ui.kit.application import APP_NAME, ORGANIZATION

log = logging.getLogger("loket.ui.pc")

# Where an older Loket kept each setting in QSettings, and its key in loket.ini.
OLD_KEYS = {"counter/number": "counter", "ui/language": "language",
            "kiosk/printer": "printer", "kiosk/paper_mm": "paper_mm",
            "display/speak_english": "speak_english"}
# Set in the old store once its values were copied: they are never copied again.
COPIED_KEY = "moved_to_loket_ini/done"


def old_store() -> QSettings:
    """The QSettings an older Loket used (``~/.config/Loket/Loket.conf``, the registry)."""
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                     ORGANIZATION, APP_NAME)


def import_from_qsettings(store: QSettings | None = None,
                          pc: PcSettings | None = None) -> dict[str, str]:
    """Copy this PC's settings from an older Loket's QSettings into ``loket.ini``, once.

    A value already in ``loket.ini`` wins; a value the old store held but that is not
    valid (it read as "not set" there too) is left behind. Whatever happens, the old
    store is marked, so the copy never runs again (a setting later removed with ``loket
    pc set KEY ''`` stays removed). Returns what was copied.
    """
    store = store if store is not None else old_store()
    if str(store.value(COPIED_KEY) or "").lower() in ("1", "true"):
        return {}
    pc = pc if pc is not None else PcSettings()
    present = pc.stored()
    copied: dict[str, str] = {}
    for old, key in OLD_KEYS.items():
        value = store.value(old)
        if value is None or key in present:
            continue
        text = str(value)
        try:
            apply(pc, key, text)
        except InvalidInput as exc:
            log.info("not copied from QSettings: %s", exc)
            continue
        copied[key] = text
    store.setValue(COPIED_KEY, True)
    store.sync()
    if copied:
        log.info("this PC's settings copied from QSettings into %s: %s", pc.path,
                 ", ".join(sorted(copied)))
    return copied


def printer_names() -> list[str]:
    """The printers this PC's print system offers (for the kiosk's ticket printer)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return sorted(QPrinterInfo.availablePrinterNames())
