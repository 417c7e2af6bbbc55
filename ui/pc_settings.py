"""What belongs to one PC rather than to the office: stored with ``QSettings``.

The office's shared settings live in the database (:mod:`app.settings`); this
PC's own choices (which counter it is, its language, its ticket printer) live in
the user's Qt settings file. Tests hand in a ``QSettings`` on a temp ini file.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

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
