"""The one :class:`QApplication` of a Loket process: names, version and icon."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from importlib import resources
from types import TracebackType

from PySide6.QtCore import QByteArray, QCoreApplication, QLoggingCategory, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from app import __version__

log = logging.getLogger("loket.ui")

APP_NAME = "Loket"
ORGANIZATION = "Loket"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

# Qt Multimedia looks for PipeWire and VA-API libraries and warns on every PC that has
# none (no sound card, no video acceleration), and names its FFmpeg: a dozen lines on
# the console that say nothing is wrong. Silenced by default (these categories' info
# and warnings); QT_LOGGING_RULES still overrides this.
QUIET_QT_CATEGORIES = ("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg")


def load_icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, rendered at the usual sizes.

    Read with :mod:`importlib.resources`, so it is found in a source checkout, an
    installed package and the PyInstaller bundle alike, whatever the current
    directory. The SVG is rendered here rather than by Qt's image-format plugin,
    so a bundle without ``imageformats/qsvg`` still shows it. A missing or broken
    icon is logged and yields an empty icon: it must never stop the program.
    """
    source = resources.files("resources").joinpath("icons", f"{name}.svg")
    try:
        data = source.read_bytes()
    except OSError as exc:
        log.warning("icon %s not readable: %s", name, exc)
        return QIcon()
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        log.warning("icon %s is not a valid SVG", name)
        return QIcon()
    icon = QIcon()
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def _log_unhandled(kind: type[BaseException], exc: BaseException, tb: TracebackType | None,
                   ) -> None:
    """An exception no handler caught (in a slot, say): to the log, never on screen."""
    log.critical("unhandled error", exc_info=(kind, exc, tb))


def create_application(argv: Sequence[str]) -> QApplication:
    """Create (or, in tests, reuse) the QApplication and give it Loket's identity.

    Must run on the main thread before any window is made.
    """
    existing = QCoreApplication.instance()
    if existing is None:
        app = QApplication(list(argv))
    elif isinstance(existing, QApplication):
        app = existing
    else:
        raise RuntimeError("a non-GUI QCoreApplication already exists in this process")
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(load_icon("loket"))
    # Qt's own file dialogs, not the desktop's: they speak the PC's language (Loket
    # ships their Indonesian, see ui.kit.i18n) and look the same on every PC.
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    QLoggingCategory.setFilterRules(
        "\n".join(f"{category}.{level}=false" for category in QUIET_QT_CATEGORIES
                  for level in ("info", "warning")))
    if sys.excepthook is sys.__excepthook__:
        sys.excepthook = _log_unhandled
    return app
