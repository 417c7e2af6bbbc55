"""The windows' languages: Bahasa Indonesia (default) and English.

Every string in ``ui/`` is written in English inside ``self.tr(...)``; the
Indonesian translation lives in ``resources/translations/loket_id.ts`` (Qt
Linguist's XML source, kept under version control) and is compiled to a
``.qm`` file by ``lrelease``, which ships with PySide6:

* ``python -m ui.kit.i18n update`` refreshes the ``.ts`` from the sources (new
  strings appear unfinished, translations already made are kept);
* ``python -m ui.kit.i18n build`` compiles ``.qm`` files next to the sources (the
  installer build runs it).

Qt ships no Indonesian translation of its own words (standard buttons, the file
dialog), so Loket ships one: ``qt_id.ts`` beside ``loket_id.ts``, for the Qt
contexts the windows show (``QPlatformTheme``, ``QMessageBox``, ``QFileDialog``,
``QFileSystemModel``, the line edit's menu, and the print dialog the reports page opens:
``QPrintDialog``, ``QPrintWidget``, ``QPrintSettingsOutput``, ``QPrintPropertiesDialog``,
``QPageSetupWidget``, ``QCupsJobWidget``, ``QPrintPreviewDialog``; their source texts are
those of Qt's own ``qtbase_*.qm``). It is installed with the PC's
language and compiled the same way; the file dialogs are Qt's own
(:func:`ui.kit.application.create_application` turns native ones off), so they
are translated too.

A source checkout that was never built still speaks Indonesian: a missing or
out-of-date ``.qm`` is compiled once into the user's cache directory.

Core messages (refusals, errors) come from :mod:`app.messages`; switching the
language here switches them too.

That is the PC's language, for every window of the process. A window may speak
another (the kiosk's English button, for one applicant; the counter's language menu,
for its officer): it holds a
:class:`Lang` of its own (its own, never installed, ``QTranslator``) and its
widgets derive from :class:`WindowText`, whose ``self.tr`` asks the nearest
window's :class:`Lang` instead of the process-wide translator. Only that
window's widgets get the ``LanguageChange`` event (:func:`set_window_language`),
so the lobby display and a counter in the same process (``loket demo``) keep the
PC's language. The core's sentences follow the window too: a window passes its
``language`` to them (``exc.message(lang)``, :func:`ui.kit.operation.error_sentence`'s
``widget``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import threading
from importlib import resources
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator

from app import messages

log = logging.getLogger("loket.ui.i18n")

LANGUAGES = messages.LANGUAGES
DEFAULT_LANGUAGE = messages.DEFAULT_LANGUAGE
SOURCE_LANGUAGE = "en"  # the language the strings are written in
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}

CATALOGUES = ("loket", "qt")  # the windows' words; Qt's own words
_translators: list[QTranslator] = []


def _qt_tool(name: str) -> Path:
    """A Qt tool shipped inside the PySide6 wheel (``lrelease``, ``lupdate``)."""
    import PySide6

    base = Path(PySide6.__file__).parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{name} not found in the PySide6 installation at {base}")


def translations_dir() -> Path:
    return Path(str(resources.files("resources").joinpath("translations")))


def ts_file(lang: str, catalogue: str = "loket") -> Path:
    return translations_dir() / f"{catalogue}_{lang}.ts"


def compile_ts(source: Path, target: Path) -> None:
    """Compile ``source`` into ``target``, which appears whole or not at all: another
    process may be loading it (the bundle's build writes beside the sources while
    windows elsewhere read them; two programs may fill the same cache at once)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.stem}-{os.getpid()}-{threading.get_ident()}.qm")
    try:
        subprocess.run([str(_qt_tool("lrelease")), "-silent", str(source), "-qm",
                        str(partial)], check=True, capture_output=True, timeout=60)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def qm_file(lang: str, catalogue: str = "loket") -> Path | None:
    """The compiled translation for ``lang``: the built one, else one compiled now.

    ``None`` for the source language or when no translation can be had (logged:
    the windows then show English rather than not starting).
    """
    if lang == SOURCE_LANGUAGE:
        return None
    source = ts_file(lang, catalogue)
    built = source.with_suffix(".qm")
    if built.exists() and (not source.exists() or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if source.exists():
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        cached = (Path(platformdirs.user_cache_dir("loket")) / "translations"
                  / f"{catalogue}-{lang}-{digest}.qm")
        if cached.exists():
            return cached
        try:
            compile_ts(source, cached)
            return cached
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not compile the %s %s translation: %s", catalogue, lang, exc)
    if built.exists():
        # An installed bundle has no lrelease; its .qm was built with it (file times
        # are not kept by every copy).
        return built
    log.warning("no %s translation for %s", catalogue, lang)
    return None


def install_language(lang: str) -> str:
    """Switch the running program's windows and messages to ``lang``, at once.

    Every widget gets a ``LanguageChange`` event before this returns (windows
    retranslate on it), also when no Qt translator came or went — the core's
    messages and the service names change with the language all the same.
    Returns the language in use (the default for an unknown one).
    """
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the application before installing a language")
    messages.use_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id"
                               else QLocale.Language.English))
    changed = False
    while _translators:
        changed = QCoreApplication.removeTranslator(_translators.pop()) or changed
    for catalogue in CATALOGUES:
        path = qm_file(lang, catalogue)
        if path is None:
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            changed = QCoreApplication.installTranslator(translator) or changed
            _translators.append(translator)
        else:
            log.warning("translation file %s could not be loaded", path)
    if not changed:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    # Qt posts the widgets' events; deliver them now, so callers see the new texts.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


class Lang:
    """One language's texts for a window: the core's language code and the window
    strings' translator (loaded once per language, never installed in the process)."""

    _loaded: dict[Path, QTranslator] = {}

    def __init__(self, code: str) -> None:
        self.code = code if code in LANGUAGES else DEFAULT_LANGUAGE
        self._translator: QTranslator | None = None
        path = qm_file(self.code)
        if path is not None:
            translator = Lang._loaded.get(path)
            if translator is None:
                translator = QTranslator()
                if translator.load(str(path)):
                    Lang._loaded[path] = translator
                else:
                    log.warning("translation file %s could not be loaded", path)
                    translator = None
            self._translator = translator

    def __repr__(self) -> str:
        return f"Lang({self.code!r})"

    def lookup(self, context: str, source: str, disambiguation: str | None = None,
               n: int = -1) -> str:
        """The translation of ``source`` in ``context``; ``""`` when there is none."""
        if self._translator is None:
            return ""
        return self._translator.translate(context, source, disambiguation, n)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        """``source`` in this language (``source`` itself when untranslated)."""
        return self.lookup(context, source, disambiguation, n) or source


def own_lang(obj: QObject | None) -> Lang | None:
    """The language of ``obj``'s window when it is not the PC's (a window's
    ``window_lang``, the nearest ancestor's), else ``None``."""
    while obj is not None:
        own = getattr(obj, "window_lang", None)
        if isinstance(own, Lang):
            return own
        obj = obj.parent()
    return None



def set_window_language(window: QObject, lang: str | None) -> None:
    """Let ``window`` (and only its widgets) speak ``lang``; ``None``: the PC's again.

    The window and its children retranslate before this returns.
    """
    own = None if lang is None or lang == messages.current_language() else Lang(lang)
    window.window_lang = own  # type: ignore[attr-defined]
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))


class WindowText:
    """Mixin (first base) for widgets whose ``self.tr`` speaks their window's language.

    The strings stay ``self.tr("...")`` calls, so ``lupdate`` still finds them; the
    context is the class that wrote them, as with Qt's own ``tr``: each class of the
    object's ancestry is tried, nearest first.
    """

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        own = own_lang(self)  # type: ignore[arg-type]
        if own is None:  # the PC's language: the process's translators, as Qt does
            return super().tr(source, disambiguation, n)  # type: ignore[misc]
        if own.code == SOURCE_LANGUAGE:
            return source
        for cls in type(self).__mro__:
            if cls.__module__.startswith(("PySide6", "shiboken6", "builtins")):
                break
            text = own.lookup(cls.__name__, source, disambiguation, n)
            if text:
                return text
        return source

    @property
    def language(self) -> str:
        """The language this widget speaks now (``id`` or ``en``)."""
        own = own_lang(self)  # type: ignore[arg-type]
        return own.code if own is not None else messages.current_language()


def _sources() -> list[str]:
    ui_dir = Path(__file__).resolve().parents[1]
    return sorted(str(p) for p in ui_dir.rglob("*.py"))


def update(langs: tuple[str, ...] = ("id",)) -> None:
    """Refresh the ``.ts`` sources from the ``self.tr`` strings of ``ui/``."""
    for lang in langs:
        subprocess.run([str(_qt_tool("lupdate")), "-locations", "none", "-no-obsolete",
                        *_sources(), "-ts", str(ts_file(lang))], check=True)


def build() -> list[Path]:
    """Compile every ``.ts`` into a ``.qm`` beside it (for the installer build)."""
    built = []
    for source in sorted(translations_dir().glob("*.ts")):
        target = source.with_suffix(".qm")
        compile_ts(source, target)
        built.append(target)
    return built


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["build"]:
        for path in build():
            print(path)
    else:
        print("usage: python -m ui.kit.i18n update|build", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
