"""Take the kiosk's screenshot in English for the README (run on a real X screen).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/make_kiosk_screenshots.py

Builds a demo office in a temp SQLite file, opens the kiosk with the PC in Bahasa
Indonesia, touches *English* (the kiosk's own language, for one applicant) and saves
the window as ``docs/kiosk-english.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from app.queue import engine
from app.setup.pc_settings import PcSettings
from app.setup.schema import init_database
from app.storage import db as dbmod
from ui.kiosk.ticket_printer import TicketPrinter
from ui.kiosk.window import KioskWindow
from ui.kit.application import create_application
from ui.kit.i18n import install_language

DOCS = Path(__file__).parent


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="loket-shots-"))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(tmp / name.lower())  # nothing of this user's Loket
    init_database(dbmod.connect(f"sqlite:///{tmp / 'demo.sqlite3'}"), demo=True)
    for queue in ("paspor", "paspor", "wna", "paspor"):
        engine.issue_ticket(queue)
    qt = create_application(sys.argv)
    install_language("id")
    pc = PcSettings(tmp / "pc.ini")
    window = KioskWindow(pc, printer=TicketPrinter(f"pdf:{tmp}", pc.paper_width_mm))
    window.resize(1280, 768)
    window.show()
    loop = QEventLoop()
    window.board_changed.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    window.findChild(type(window._language), "language").click()
    qt.processEvents()
    window.grab().save(str(DOCS / "kiosk-english.png"))
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
