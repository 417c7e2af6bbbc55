"""A shelf of passports whose holders left a number or an address, on 1 July 2024."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.pickup import backlog
from tests.helpers import NOW
from tests.helpers.people import setup_admin

PASSPORTS = ("X1234567", "X7654321", "C1111111", "C2222222")
SHELF = ("no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status;telepon\n"
         "2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;28/06/2024;siap;0812 3456 7890\n"
         "2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;28/06/2024;siap;siti@example.co.id\n"
         "2024-TNG-000003;Agus Salim;C1111111;Rak B-01;;cetak;+62 813-1111-2222\n"
         "2024-TNG-000004;Dewi Sartika;C2222222;Rak B-02;28/06/2024;siap;\n")


@pytest.fixture
def july(travel: Callable[[dt.datetime], None]) -> Callable[[dt.datetime], None]:
    travel(NOW)
    return travel


def import_list(text: str, batch: str | None = None) -> backlog.ImportSummary:
    return backlog.import_backlog(text.encode(), batch, officer=setup_admin())


@pytest.fixture
def shelf(office: str, july: Callable[[dt.datetime], None]) -> str:
    import_list(SHELF)
    return office
