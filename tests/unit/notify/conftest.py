"""A shelf of passports whose holders left a number or an address, on 1 July 2024."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.office import days
from app.pickup import backlog
from tests.helpers import NOW
from tests.helpers.people import setup_admin

PASSPORTS = ("X1234567", "X7654321", "C1111111", "C2222222")
PHONE_HEADER = "no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status;telepon\n"
SHELF = (PHONE_HEADER +
         "2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;28/06/2024;siap;0812 3456 7890\n"
         "2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;28/06/2024;siap;siti@example.co.id\n"
         "2024-TNG-000003;Agus Salim;C1111111;Rak B-01;;cetak;+62 813-1111-2222\n"
         "2024-TNG-000004;Dewi Sartika;C2222222;Rak B-02;28/06/2024;siap;\n")


def phone_list(first: int, count: int, ready: str = "28/06/2024") -> str:
    """A backlog list of ``count`` ready passports from application ``first`` on, each
    holder with a phone."""
    return PHONE_HEADER + "".join(
        f"2024-TNG-{n:06d};Pemohon {n};X{n:07d};Rak A-01;{ready};siap;0812 3456 {n:04d}\n"
        for n in range(first, first + count))


@pytest.fixture
def july(travel: Callable[[dt.datetime], None]) -> Callable[[dt.datetime], None]:
    travel(NOW)
    return travel


def import_list(text: str, batch: str | None = None) -> backlog.ImportSummary:
    return backlog.import_backlog(text.encode(), batch, officer=setup_admin())


def weekend_pickups() -> int:
    """Day profiles: pickups (B, C) on Saturday and Sunday 08:00–15:00, applications (A)
    on working days; the set-up admin's id."""
    admin = setup_admin()
    days.set_profile(admin, "Akhir pekan", open_queues=["B", "C"], hours="08:00-15:00")
    days.schedule(admin, "Akhir pekan", "sat")
    days.schedule(admin, "Akhir pekan", "sun")
    days.set_profile(admin, "Kerja", open_queues=["A"], hours="08:00-16:00")
    for weekday in ("mon", "tue", "wed", "thu", "fri"):
        days.schedule(admin, "Kerja", weekday)
    return admin


@pytest.fixture
def shelf(office: str, july: Callable[[dt.datetime], None]) -> str:
    import_list(SHELF)
    return office
