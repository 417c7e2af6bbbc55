"""This PC's own settings: which counter it is, its language, its ticket printer and
paper, and whether the lobby display repeats calls in English.

They live in ``loket.ini`` beside the PC's mode (:mod:`app.setup.pc_config`), in the
``[pc]`` section an IT officer can read::

    [pc]
    mode = kiosk
    language = id
    printer = EPSON TM-T82
    paper_mm = 58

so the command line sets them where Qt is not installed (``loket pc set …``), and the
office's shared settings stay in the database (:mod:`app.office.settings`). A value
that is not valid reads as "not set"; every change rewrites the whole file at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from app.errors import InvalidInput
from app.messages import DEFAULT_LANGUAGE, LANGUAGES
from app.setup import pc_config

PAPER_WIDTHS_MM: Final = (58, 80)
DEFAULT_PAPER_MM: Final = 80
# The keys of ``loket pc set`` and of the [pc] section, in the order ``loket pc show`` lists.
PC_KEYS: Final = ("counter", "language", "printer", "paper_mm", "speak_english", "section")
# A lobby display showing one half of the board (a TV per section): the board's kinds.
DISPLAY_SECTIONS: Final = {"service": "service", "walkin": "service", "pickup": "pickup"}
_TRUE: Final = ("1", "true", "yes", "on", "ya")
_FALSE: Final = ("0", "false", "no", "off", "tidak", "")


class PcSettings:
    """Typed access to this PC's settings; bad stored values read as "not set".

    ``path``: the ``loket.ini`` to use (default: :func:`app.setup.pc_config.config_path`,
    looked up at each use). What another program writes there is seen at the next
    read: the file is read again when it changed.
    """

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._values: dict[str, str] = {}
        self._seen: tuple[str, int, int] | None = None

    @property
    def path(self) -> Path:
        return self._path or pc_config.config_path()

    def stored(self) -> dict[str, str]:
        """The settings as written in the file, valid or not (for copying them over)."""
        path = self.path
        try:
            info = path.stat()
            seen = (str(path), info.st_mtime_ns, info.st_size)
        except OSError:
            seen = (str(path), -1, -1)
        if seen != self._seen:
            section = pc_config.read_section(path, pc_config.PC_SECTION)
            self._values = {k: v for k, v in section.items() if k in PC_KEYS}
            self._seen = seen
        return dict(self._values)

    def _get(self, key: str) -> str:
        return self.stored().get(key, "").strip()

    def _set(self, key: str, value: str | None) -> None:
        pc_config.update_section(self.path, pc_config.PC_SECTION, {key: value})
        self._seen = None

    @property
    def counter(self) -> int | None:
        """The counter this PC is (asked at the first start of the counter window)."""
        try:
            number = int(self._get("counter"))
        except ValueError:
            return None
        return number if number > 0 else None

    @counter.setter
    def counter(self, number: int | None) -> None:
        if number is not None and number <= 0:
            raise ValueError("a counter number is positive")
        self._set("counter", None if number is None else str(number))

    @property
    def language(self) -> str | None:
        value = self._get("language")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, lang: str | None) -> None:
        if lang is not None and lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self._set("language", lang)

    def language_or_default(self) -> str:
        return self.language or DEFAULT_LANGUAGE

    @property
    def printer(self) -> str | None:
        """The ticket printer's name ("" or unset: preview on screen)."""
        return self._get("printer") or None

    @printer.setter
    def printer(self, name: str | None) -> None:
        name = (name or "").strip()
        if any(ord(ch) < 32 for ch in name):
            raise ValueError("a printer's name is one line")
        self._set("printer", name or None)

    @property
    def paper_width_mm(self) -> int:
        try:
            width = int(self._get("paper_mm"))
        except ValueError:
            return DEFAULT_PAPER_MM
        return width if width in PAPER_WIDTHS_MM else DEFAULT_PAPER_MM

    @paper_width_mm.setter
    def paper_width_mm(self, width: int) -> None:
        if width not in PAPER_WIDTHS_MM:
            raise ValueError(f"paper width must be one of {PAPER_WIDTHS_MM}")
        self._set("paper_mm", str(width))

    @property
    def speak_english(self) -> bool:
        """The lobby display repeats each call in English after Indonesian."""
        return self._get("speak_english").lower() in _TRUE

    @speak_english.setter
    def speak_english(self, on: bool) -> None:
        self._set("speak_english", "yes" if on else "no")

    @property
    def section(self) -> str | None:
        """The one section a lobby display shows (``service`` or ``pickup``), else both."""
        return DISPLAY_SECTIONS.get(self._get("section").lower())

    @section.setter
    def section(self, kind: str | None) -> None:
        if kind is not None and kind.lower() not in DISPLAY_SECTIONS:
            raise ValueError(f"unknown section {kind!r}")
        self._set("section", DISPLAY_SECTIONS[kind.lower()] if kind else None)


# --- ``loket pc``: this PC's settings from the command line (set-up scripts, installer) ---


def describe(pc: PcSettings) -> dict[str, object]:
    """What ``loket pc show`` prints."""
    return {"counter": pc.counter, "language": pc.language_or_default(),
            "printer": pc.printer or "", "paper_mm": pc.paper_width_mm,
            "speak_english": pc.speak_english, "section": pc.section or ""}


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
        elif key == "section":
            pc.section = text or None
        elif text.lower() in _TRUE + _FALSE:
            pc.speak_english = text.lower() in _TRUE
        else:
            raise ValueError(text)
    except ValueError as exc:
        raise InvalidInput("pc_setting_invalid", key=key, value=value) from exc
