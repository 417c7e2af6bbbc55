"""Take the counter window's screenshots for the README (run on a real X screen).

    Xvfb :77 -screen 0 1366x768x24 &
    DISPLAY=:77 .venv/bin/python docs/make_counter_screenshots.py

Builds a demo office in a temp SQLite file, drives the real window the way an
officer would (sign in, call, serve, put a no-show back in line, pause, scan a slip,
hand over) and saves the
whole screen after each step as ``docs/counter-*.png``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer

from app.pickup import service as pickup
from app.queue import engine
from app.setup.pc_settings import PcSettings
from app.setup.schema import init_database
from app.storage import db as dbmod
from ui.counter.handover_dialog import HandoverDialog
from ui.counter.window import CounterWindow
from ui.kit.application import create_application
from ui.kit.i18n import install_language

DOCS = Path(__file__).parent


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="loket-shots-"))
    url = f"sqlite:///{tmp / 'demo.sqlite3'}"
    init_database(dbmod.connect(url), demo=True)
    for queue in ("paspor", "paspor", "wna", "paspor", "paspor", "wna", "paspor"):
        engine.issue_ticket(queue)
    for _ in range(3):  # a morning's work at counter 1
        t = engine.call_next(1)
        engine.start_serving(t.id, 1)
        engine.finish(t.id, 1)
    slip = pickup.code_for("2024-TNG-000003")
    pickup.check_in(slip)
    pickup.check_in(pickup.code_for("2024-TNG-000004"))

    qt = create_application(sys.argv)
    install_language(sys.argv[1] if len(sys.argv) > 1 else "id")
    pc = PcSettings(tmp / "pc.ini")
    window = CounterWindow(pc)
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()

    def shot(name: str) -> None:
        qt.processEvents()
        target = DOCS / f"counter-{name}.png"
        # The whole screen, so a dialog over the window is in the picture too.
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        print("saved", target.name)

    def sign_in(counter: int) -> None:
        window.login._username.setText("petugas1")
        window.login._password.setText("petugas123")
        window.login._counter.setCurrentIndex(window.login._counter.findData(counter))
        window.login._submit()

    def cut_off() -> None:
        db = dbmod.database.obj
        db.database = "/nonexistent/loket.sqlite3"
        window.worker.submit(dbmod.discard_connection)

    steps: list[tuple[int, Callable[[], None]]] = [
        (800, lambda: shot("login")),
        (200, lambda: sign_in(1)),
        (1500, lambda: shot("idle")),
        (100, lambda: window.trigger("call_next")),
        (1200, lambda: window.trigger("start")),
        (3500, lambda: shot("serving")),
        (100, lambda: window.trigger("finish")),
        (1200, lambda: window.trigger("call_next")),
        (1200, lambda: window.trigger("no_show")),
        (1500, lambda: shot("requeue")),  # the late applicant's button, F10
        (100, lambda: window.trigger("requeue")),
        (1200, lambda: window._pause("prayer")),
        (1500, lambda: shot("paused")),
        (100, lambda: window.trigger("pause")),  # resume
        (800, window.sign_out),
        (500, lambda: sign_in(5)),
        (1200, lambda: window.trigger("call_next")),
        (1200, lambda: window.handle_scan(slip)),
        (1200, lambda: shot("pickup")),
        (100, lambda: window.trigger("hand_over")),
        (600, lambda: _fill_handover(window)),
        (600, lambda: shot("handover")),
        (100, lambda: _close_dialogs(window)),
        (300, cut_off),
        (1500, lambda: shot("database-down")),
        (500, qt.quit),
    ]
    def run(index: int) -> None:  # one step after the other, each after its wait
        if index < len(steps):
            wait, step = steps[index]
            QTimer.singleShot(wait, lambda: (step(), run(index + 1)))

    run(0)
    return int(qt.exec())


def _fill_handover(window: CounterWindow) -> None:
    dialog = window.findChild(HandoverDialog)
    if dialog is None:
        return
    dialog._family.setChecked(True)
    dialog._name.setText("Rina Santoso")
    dialog._id_checked.setChecked(True)


def _close_dialogs(window: CounterWindow) -> None:
    dialog = window.findChild(HandoverDialog)
    if dialog is not None:
        dialog.reject()


if __name__ == "__main__":
    raise SystemExit(main())
