"""M-Paspor bookings at a fixed moment (Monday 1 July 2024, 09:20 in Jakarta): the
kiosk's booking entry, a booking checked in, and the supervisor's "Booking hari ini"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app import clock
from app.office import officers
from app.queue import bookings, engine
from docs.screenshots.admin import open_admin, visit
from docs.screenshots.kiosk import open_kiosk
from docs.screenshots.stage import Stage, close, wait_signal

MOMENT = dt.datetime(2024, 7, 1, 2, 20)  # 09:20 in Jakarta
LIST = b"""kode_booking;nama;layanan;tanggal;jam
MP-240701-0001;Budi Santoso;A;01/07/2024;08:00
MP-240701-0002;Siti Aminah;A;01/07/2024;08:30
MP-240701-0003;Rudi Hartono;A;01/07/2024;09:00
MP-240701-0004;Ayu Lestari;W;01/07/2024;09:30
MP-240701-0005;Wahyu Nugroho;A;01/07/2024;10:00
MP-240701-0006;Dewi Sartika;A;01/07/2024;13:30
"""


def _at(minutes: int) -> Callable[[], dt.datetime]:
    """The clock stopped ``minutes`` from :data:`MOMENT`."""
    return lambda: MOMENT + dt.timedelta(minutes=minutes)


def _morning() -> None:
    """The day's list imported, two bookings and three walk-ins arrived, two called."""
    clock.utcnow = _at(0)
    boss = officers.get_officer("supervisor")
    bookings.import_bookings(LIST, officer=boss.id)
    for minutes, act in ((-95, "MP-240701-0001"), (-80, "walk"), (-50, "MP-240701-0002"),
                         (-40, "walk"), (-30, "walk")):
        clock.utcnow = _at(minutes)
        if act == "walk":
            engine.issue_ticket("A")
        else:
            bookings.check_in(act)
    clock.utcnow = _at(0)
    for counter in (1, 2):
        engine.call_next(counter)


def run(stage: Stage) -> None:
    stage.open_office()
    _morning()
    kiosk = open_kiosk(stage)
    kiosk._open_booking()
    kiosk._entry.setText("MP-240701-0004")
    stage.shot("kiosk-booking", kiosk)
    wait_signal(kiosk.ticket_printed, kiosk._submit_entry, "the booking's ticket")
    stage.shot("kiosk-booking-ticket", kiosk)
    close(kiosk)
    window = open_admin(stage, "supervisor", "super123!")
    visit(window, "bookings")
    stage.shot("admin-bookings", window)
    close(window)
