"""Take the M-Paspor booking screenshots for the README (run on a real X screen).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/make_booking_screenshots.py [id|en]

Builds the demo office in a temp SQLite file at a fixed moment (Monday 1 July 2024,
09:20 in Jakarta), imports a day's booking list, and saves the kiosk's booking entry,
the ticket of a booking checked in, and the supervisor's "Booking hari ini" page as
``docs/kiosk-booking.png``, ``docs/kiosk-booking-ticket.png`` and
``docs/admin-bookings.png``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

from app import clock
from app.office import officers
from app.queue import bookings, engine
from app.setup.schema import init_database
from app.storage import db as dbmod
from ui.admin.pages.bookings import BookingsPage
from ui.kiosk.ticket_printer import TicketPrinter
from ui.kiosk.window import KioskWindow
from ui.kit.application import create_application
from ui.kit.i18n import install_language
from ui.kit.worker import DbWorker
from ui.setup.pc_settings import PcSettings

DOCS = Path(__file__).parent
MOMENT = dt.datetime(2024, 7, 1, 2, 20)  # 09:20 in Jakarta
LIST = b"""kode_booking;nama;layanan;tanggal;jam
MP-240701-0001;Budi Santoso;A;01/07/2024;08:00
MP-240701-0002;Siti Aminah;A;01/07/2024;08:30
MP-240701-0003;Rudi Hartono;A;01/07/2024;09:00
MP-240701-0004;Ayu Lestari;W;01/07/2024;09:30
MP-240701-0005;Wahyu Nugroho;A;01/07/2024;10:00
MP-240701-0006;Dewi Sartika;A;01/07/2024;13:30
"""


def wait_for(signal: SignalInstance, start: object = None) -> None:
    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())
    QTimer.singleShot(15_000, loop.quit)
    if callable(start):
        start()
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    widget.repaint()
    widget.grab().save(str(DOCS / name))
    print("saved", name)


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "id"
    clock.utcnow = lambda: MOMENT  # type: ignore[assignment]
    tmp = Path(tempfile.mkdtemp(prefix="loket-booking-shots-"))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        os.environ[name] = str(tmp / name.lower())  # not this machine's own Loket
    init_database(dbmod.connect(f"sqlite:///{tmp / 'demo.sqlite3'}"), demo=True)
    boss = officers.get_officer("supervisor")
    bookings.import_bookings(LIST, officer=boss.id)
    for at, act in ((dt.timedelta(minutes=-95), "MP-240701-0001"),
                    (dt.timedelta(minutes=-80), "walk"),
                    (dt.timedelta(minutes=-50), "MP-240701-0002"),
                    (dt.timedelta(minutes=-40), "walk"),
                    (dt.timedelta(minutes=-30), "walk")):
        clock.utcnow = lambda at=at: MOMENT + at  # type: ignore[misc]
        if act == "walk":
            engine.issue_ticket("A")
        else:
            bookings.check_in(act)
    clock.utcnow = lambda: MOMENT  # type: ignore[assignment]
    for counter in (1, 2):
        engine.call_next(counter)

    qt = create_application(sys.argv)
    install_language(lang)
    pc = PcSettings(tmp / "loket.ini")
    (tmp / "printed").mkdir()
    kiosk = KioskWindow(pc, printer=TicketPrinter(f"pdf:{tmp / 'printed'}", 80))
    kiosk.resize(1366, 768)
    wait_for(kiosk.board_changed, kiosk.show)
    kiosk._open_booking()
    kiosk._entry.setText("MP-240701-0004")
    qt.processEvents()
    save(kiosk, "kiosk-booking.png")
    wait_for(kiosk.ticket_printed, kiosk._submit_entry)
    qt.processEvents()
    save(kiosk, "kiosk-booking-ticket.png")
    kiosk.close()

    worker = DbWorker()
    page = BookingsPage(worker, officers.authenticate("supervisor", "super123!"))
    page.resize(1366, 600)
    page.show()
    wait_for(page.loaded, page.refresh)
    qt.processEvents()
    save(page, "admin-bookings.png")
    worker.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
