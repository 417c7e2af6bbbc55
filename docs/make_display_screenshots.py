"""Take the lobby display's screenshots for the README.

    xvfb-run -a -s '-screen 0 1920x1080x24' .venv/bin/python docs/make_display_screenshots.py

Builds a demo office in a temp SQLite file (tickets waiting, six counters calling or
serving, one paused for a system fault, the notice set), opens the real display window
at each size, waits for its board and saves the window as
``docs/display-1920x1080.png``, ``docs/display-1366x768.png`` and
``docs/display-section-pickup-1920x1080.png`` (a display PC set to the pickups only).
:func:`demo_office` and :func:`shoot` serve other screenshot scripts too.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from app.office.settings import update_settings
from app.pickup import service as pickup
from app.queue import engine, pauses
from app.setup.demo_history import seed_history
from app.setup.pc_settings import PcSettings
from app.setup.schema import init_database
from app.storage import db as dbmod
from app.storage.models import Officer
from ui.display.window import DisplayWindow
from ui.kit.application import create_application
from ui.kit.i18n import install_language

DOCS = Path(__file__).parent
NOTICE = ("Pengambilan paspor tertunda dibuka Sabtu dan Minggu 08.00–15.00 · "
          "Siapkan bukti pembayaran dan KTP asli")


def demo_office(folder: Path) -> str:
    """A demo office's database in ``folder`` as the hall sees it mid-morning."""
    url = f"sqlite:///{folder / 'display.sqlite3'}"
    init_database(dbmod.connect(url), demo=True)
    seed_history()  # two weeks behind it: the waits beside each queue
    update_settings(Officer.get(Officer.username == "admin"), notice_text=NOTICE)
    for queue in ("paspor", "paspor", "paspor", "paspor", "wna", "prioritas", "paspor",
                  "paspor", "wna"):
        engine.issue_ticket(queue)
    for n in range(3, 9):
        pickup.check_in(f"2024-TNG-00000{n}")
    for counter in (1, 2, 3, 5, 6):
        engine.call_next(counter)
    engine.start_serving("A001", 1)
    pauses.pause_counter(4, "system")  # the longest reason: it must fit its row
    return url


def shoot(target: Path, size: tuple[int, int], *, section: str = "",
          folder: Path | None = None) -> Path:
    """Open the display at ``size`` (one ``section`` only, if given: ``walkin`` or
    ``pickup``) on the database already connected (:func:`demo_office`), once its board
    is read, and save the window to ``target``. Needs the QApplication made first."""
    pc = PcSettings((folder or Path(tempfile.mkdtemp(prefix="loket-pc-"))) / "pc.ini")
    if section:
        pc.section = section
    window = DisplayWindow(pc)
    window.resize(*size)
    window.move(0, 0)
    window.show()
    loop = QEventLoop()
    window.board_shown.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    if window.board is None:
        loop.exec()
    QTimer.singleShot(800, loop.quit)  # the layout settles, the ticker moves on a bit
    loop.exec()
    window.grab().save(str(target))
    window.shutdown()
    window.close()
    print("saved", target.name)
    return target


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="loket-display-"))
    demo_office(folder)
    create_application(sys.argv)
    install_language(sys.argv[1] if len(sys.argv) > 1 else "id")
    shoot(DOCS / "display-1920x1080.png", (1920, 1080), folder=folder)
    shoot(DOCS / "display-1366x768.png", (1366, 768), folder=folder)
    shoot(DOCS / "display-section-pickup-1920x1080.png", (1920, 1080), section="pickup",
          folder=folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
