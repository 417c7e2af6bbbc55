"""The windows' languages: Bahasa Indonesia (default) and English.

Every string in ``ui/`` is written in English inside ``self.tr(...)``; the
Indonesian translation lives in ``resources/translations/loket_id.ts`` (Qt
Linguist's XML source, kept under version control) and is compiled to a
``.qm`` file by ``lrelease``, which ships with PySide6:

* ``python -m ui.kit.i18n update`` refreshes the ``.ts`` from the sources (new
  strings appear unfinished, translations already made are kept);
* ``python -m ui.kit.i18n build`` compiles ``.qm`` files next to the sources (the
  installer build runs it).

A source checkout that was never built still speaks Indonesian: a missing or
out-of-date ``.qm`` is compiled once into the user's cache directory.

Core messages (refusals, errors) come from :mod:`app.messages`; switching the
language here switches them too.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from importlib import resources
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from app import messages

log = logging.getLogger("loket.ui.i18n")

LANGUAGES = messages.LANGUAGES
DEFAULT_LANGUAGE = messages.DEFAULT_LANGUAGE
SOURCE_LANGUAGE = "en"  # the language the strings are written in
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}

_translator: QTranslator | None = None


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


def ts_file(lang: str) -> Path:
    return translations_dir() / f"loket_{lang}.ts"


def compile_ts(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(_qt_tool("lrelease")), "-silent", str(source), "-qm", str(target)],
                   check=True, capture_output=True, timeout=60)


def qm_file(lang: str) -> Path | None:
    """The compiled translation for ``lang``: the built one, else one compiled now.

    ``None`` for the source language or when no translation can be had (logged:
    the windows then show English rather than not starting).
    """
    if lang == SOURCE_LANGUAGE:
        return None
    source = ts_file(lang)
    built = source.with_suffix(".qm")
    if built.exists() and (not source.exists() or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if source.exists():
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        cached = (Path(platformdirs.user_cache_dir("loket")) / "translations"
                  / f"{lang}-{digest}.qm")
        if cached.exists():
            return cached
        try:
            compile_ts(source, cached)
            return cached
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not compile the %s translation: %s", lang, exc)
    if built.exists():
        # An installed bundle has no lrelease; its .qm was built with it (file times
        # are not kept by every copy).
        return built
    log.warning("no translation for %s", lang)
    return None


def install_language(lang: str) -> str:
    """Switch the running program's windows and messages to ``lang``, at once.

    Every widget gets a ``LanguageChange`` event before this returns (windows
    retranslate on it), also when no Qt translator came or went — the core's
    messages and the service names change with the language all the same.
    Returns the language in use (the default for an unknown one).
    """
    global _translator
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the application before installing a language")
    messages.use_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id"
                               else QLocale.Language.English))
    changed = False
    if _translator is not None:
        changed = QCoreApplication.removeTranslator(_translator)
        _translator = None
    path = qm_file(lang)
    if path is not None:
        translator = QTranslator(app)
        if translator.load(str(path)):
            changed = QCoreApplication.installTranslator(translator) or changed
            _translator = translator
        else:
            log.warning("translation file %s could not be loaded", path)
    if not changed:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    # Qt posts the widgets' events; deliver them now, so callers see the new texts.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


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
    for source in sorted(translations_dir().glob("loket_*.ts")):
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
