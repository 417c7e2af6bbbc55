"""What every scene of the screenshots shares: a demo office in a temp folder, the
screen's size, waiting for a window to show its data, and saving a picture.

A picture is the window's own rendering (``QWidget.grab``), so it needs no X screen:
``QT_QPA_PLATFORM=offscreen`` is enough. A dialog is drawn over its window, where it
opens (centred); a window smaller than the screen (the set-up wizard) is drawn centred
on a plain desktop.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QRect, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from app.setup.pc_settings import PcSettings
from app.setup.schema import init_database
from app.storage import db as dbmod

# Longest a scene waits for a window to show what it asked for (a busy PC is slow).
DEADLINE_S = 90.0
DESKTOP = QColor("#2e3440")
FRAME = QColor("#4c566a")
SHADOW = QColor(0, 0, 0, 90)


def outside(window: QWidget) -> list[str]:
    """The visible widgets that reach past the window's rectangle, or past their parent's
    (cut off by it: a layout given less room than its widgets' minimum places them
    beyond its edge). What scrolls inside a scroll area is allowed to."""
    bounds = window.rect()
    found = []
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window) or child.isWindow():
            continue
        box = QRect(child.mapTo(window, child.rect().topLeft()), child.size())
        parent = child.parentWidget()
        if not bounds.contains(box):
            found.append(f"{child.metaObject().className()} {child.objectName()!r} {box}")
        elif parent is not None and parent is not window and not _scrolls(parent) \
                and not parent.rect().contains(child.geometry()):
            found.append(f"{child.metaObject().className()} {child.objectName()!r} "
                         f"{child.geometry()} past {parent.metaObject().className()} "
                         f"{parent.objectName()!r} {parent.rect()}")
    return found


def _scrolls(widget: QWidget) -> bool:
    """Whether ``widget`` is a scroll area's viewport (or inside one): its children may
    be larger than it."""
    while widget is not None:
        holder = widget.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and widget is holder.viewport():
            return True
        widget = holder
    return False


def pump(ms: int) -> None:
    """Let the windows run for ``ms`` (layouts settle, a timer's step is painted)."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def wait_until(done: Callable[[], object], what: str, deadline_s: float = DEADLINE_S) -> None:
    """Run the windows until ``done()`` is true; a scene that never gets there fails."""
    end = time.monotonic() + deadline_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError(f"{what}: not on screen after {deadline_s:.0f} s")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def wait_signal(signal: SignalInstance, start: Callable[[], object], what: str) -> None:
    """Call ``start`` and run the windows until ``signal`` is emitted."""
    seen: list[object] = []

    def arrived(*args: object) -> None:
        seen.append(args)

    signal.connect(arrived)
    try:
        start()
        wait_until(lambda: seen, what)
    finally:
        signal.disconnect(arrived)


class Stage:
    """One scene's office, screen and pictures."""

    def __init__(self, size: tuple[int, int], out: Path, tmp: Path) -> None:
        self.size = size
        self.out = out
        self.tmp = tmp
        self.saved: list[Path] = []
        self.past_the_window: list[str] = []  # "shot: widget" lines

    def open_office(self) -> None:
        """The demo office (its queues, counters, officers and shelf) in a new SQLite file."""
        init_database(dbmod.connect(f"sqlite:///{self.tmp / 'demo.sqlite3'}"), demo=True)

    def pc(self, name: str = "pc") -> PcSettings:
        return PcSettings(self.tmp / name / "loket.ini")

    def show(self, window: QWidget) -> QWidget:
        """``window`` filling the screen, at its top left."""
        window.resize(*self.size)
        window.move(0, 0)
        window.show()
        pump(100)
        return window

    def shot(self, name: str, window: QWidget, *, over: Iterable[QWidget] = (),
             centred: bool = False) -> Path:
        """Save ``window`` (with the dialogs ``over`` it) as ``<name>.png``, screen-sized;
        note every widget that reaches past its window."""
        pump(250)
        picture = QPixmap(*self.size)
        picture.fill(DESKTOP)
        painter = QPainter(picture)
        if centred:
            _framed(painter, self._centre(window), window)
        else:
            painter.drawPixmap(QPoint(0, 0), window.grab())
        for dialog in over:
            _framed(painter, self._centre(dialog), dialog)
        painter.end()
        for shown in (window, *over):
            self._check(name, shown, expect_screen=not centred and shown is window)
        target = self.out / f"{name}.png"
        if not picture.save(str(target)):
            raise OSError(f"could not write {target}")
        self.saved.append(target)
        print("saved", target, flush=True)
        return target

    def _centre(self, widget: QWidget) -> QPoint:
        return QPoint(max(0, (self.size[0] - widget.width()) // 2),
                      max(0, (self.size[1] - widget.height()) // 2))

    def _check(self, name: str, window: QWidget, *, expect_screen: bool) -> None:
        found = [f"{name}: {line}" for line in outside(window)]
        got = (window.width(), window.height())
        if expect_screen and got != self.size:
            found.append(f"{name}: the window is {got[0]}x{got[1]}, not the screen's size")
        elif not expect_screen and (got[0] > self.size[0] or got[1] > self.size[1]):
            found.append(f"{name}: {window.metaObject().className()} is {got[0]}x{got[1]},"
                         " larger than the screen")
        for line in found:
            print("past the window:", line, flush=True)
        self.past_the_window.extend(found)


def _framed(painter: QPainter, at: QPoint, window: QWidget) -> None:
    """A window that does not fill the screen, with a shadow and a thin frame (the
    offscreen platform draws no window decorations)."""
    box = QRect(at, window.size())
    painter.fillRect(box.translated(4, 4), SHADOW)
    painter.drawPixmap(at, window.grab())
    painter.setPen(FRAME)
    painter.drawRect(box.adjusted(-1, -1, 0, 0))


def close(*windows: QWidget) -> None:
    """Close the scene's windows (their workers stop) before the next scene's office."""
    for window in windows:
        window.close()
    pump(50)


def start_qt(lang: str) -> QApplication:
    """The scene's QApplication, its windows in ``lang``."""
    from ui.kit.application import create_application
    from ui.kit.i18n import install_language

    qt = create_application(["loket-screenshots"])
    install_language(lang)
    return qt
