"""What belongs to one PC rather than to the office: stored with ``QSettings``.

The office's shared settings live in the database (:mod:`app.office.settings`); this
PC's own choices (which counter it is, its language, its ticket printer) live in
the user's Qt settings file. Tests hand in a ``QSettings`` on a temp ini file.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.errors import InvalidInput
from app.messages import DEFAULT_LANGUAGE, LANGUAGES

PAPER_WIDTHS_MM = (58, 80)


class PcSettings:
    """Typed access to this PC's settings; bad stored values read as "not set"."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def _get(self, key: str) -> object:
        return self._store.value(key)

    def _set(self, key: str, value: object) -> None:
        if value is None:
            self._store.remove(key)
        else:
            self._store.setValue(key, value)
        self._store.sync()

    @property
    def counter(self) -> int | None:
        """The counter this PC is (asked at the first start of the counter window)."""
        value = self._get("counter/number")
        try:
            number = int(str(value))
        except ValueError:
            return None
        return number if number > 0 else None

    @counter.setter
    def counter(self, number: int | None) -> None:
        if number is not None and number <= 0:
            raise ValueError("a counter number is positive")
        self._set("counter/number", number)

    @property
    def language(self) -> str | None:
        value = str(self._get("ui/language") or "")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, lang: str | None) -> None:
        if lang is not None and lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self._set("ui/language", lang)

    def language_or_default(self) -> str:
        return self.language or DEFAULT_LANGUAGE

    @property
    def printer(self) -> str | None:
        """The ticket printer's name ("" or unset: preview on screen)."""
        value = str(self._get("kiosk/printer") or "")
        return value or None

    @printer.setter
    def printer(self, name: str | None) -> None:
        self._set("kiosk/printer", name or None)

    @property
    def paper_width_mm(self) -> int:
        value = self._get("kiosk/paper_mm")
        try:
            width = int(str(value))
        except ValueError:
            return 80
        return width if width in PAPER_WIDTHS_MM else 80

    @paper_width_mm.setter
    def paper_width_mm(self, width: int) -> None:
        if width not in PAPER_WIDTHS_MM:
            raise ValueError(f"paper width must be one of {PAPER_WIDTHS_MM}")
        self._set("kiosk/paper_mm", width)

    @property
    def speak_english(self) -> bool:
        """The lobby display repeats each call in English after Indonesian."""
        return str(self._get("display/speak_english") or "").lower() in ("1", "true")

    @speak_english.setter
    def speak_english(self, on: bool) -> None:
        self._set("display/speak_english", bool(on))


# --- ``loket pc``: this PC's settings from the command line (set-up scripts, installer) ---

PC_KEYS = ("counter", "language", "printer", "paper_mm", "speak_english")
_TRUE = ("1", "true", "yes", "on", "ya")
_FALSE = ("0", "false", "no", "off", "tidak", "")


def describe(pc: PcSettings) -> dict[str, object]:
    return {"counter": pc.counter, "language": pc.language_or_default(),
            "printer": pc.printer or "", "paper_mm": pc.paper_width_mm,
            "speak_english": pc.speak_english}


def apply(pc: PcSettings, key: str, value: str) -> None:
    """Set one of this PC's settings from text; a bad key or value changes nothing."""
    text = value.strip()
    if key not in PC_KEYS:
        raise InvalidInput("pc_setting_unknown", key=key, keys=", ".join(PC_KEYS))
    try:
        if key == "counter":
            pc.counter = int(text) if text else None
        elif key == "language":
            pc.language = text or None
        elif key == "printer":
            pc.printer = text or None
        elif key == "paper_mm":
            pc.paper_width_mm = int(text)
        elif text.lower() in _TRUE + _FALSE:
            pc.speak_english = text.lower() in _TRUE
        else:
            raise ValueError(text)
    except ValueError as exc:
        raise InvalidInput("pc_setting_invalid", key=key, value=value) from exc


def printer_names() -> list[str]:
    """The printers this PC's print system offers (for ``kiosk/printer``)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return sorted(QPrinterInfo.availablePrinterNames())


def run_command(action: str, key: str | None = None, value: str | None = None,
                ) -> dict[str, object]:
    """``loket pc show|set|printers``; returns what to print."""
    import os
    import sys

    from ui.kit.application import create_application

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is opened
    create_application(sys.argv[:1])
    pc = PcSettings()
    if action == "set":
        assert key is not None and value is not None
        apply(pc, key, value)
    if action == "printers":
        return {"printers": printer_names()}
    return describe(pc)
