"""The counter says when this PC's journal holds handovers the database lacks (a server
restored from an older backup), after signing in and after an outage, and stops saying
it once the supervisor has replayed them."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.office import officers
from app.office.settings import get_settings
from app.pickup import backlog, journal, reconcile
from app.private_files import append_json_line
from app.setup.pc_settings import PcSettings
from app.storage import db as dbmod
from app.storage.models import Officer
from tests.helpers import NOW, WAIT
from tests.helpers.people import setup_admin
from tests.outage import database_cut_off
from tests.ui.counter.test_counter_window import open_window, sign_in
from ui.counter.window import CounterWindow

HOUR = dt.timedelta(hours=1)
SHELF = (b"no_permohonan;nama;no_paspor;lokasi;tanggal_siap\n"
         b"2024-TNG-000001;Budi Santoso;X1234567;Rak A-01;20/06/2024\n"
         b"2024-TNG-000002;Siti Aminah;X7654321;Rak A-02;24/06/2024\n")


@pytest.fixture
def shelf(office: str, travel: Callable[[dt.datetime], None]) -> str:
    travel(NOW)
    backlog.import_backlog(SHELF, batch="Backlog PDN Juni 2024", officer=setup_admin())
    officers.add_officer("petugas1", "petugas123", full_name="Budi Petugas")
    officers.add_officer("supervisor", "super123!", role="supervisor")
    travel(NOW + 2 * HOUR)
    return office


def lost_handover(application_no: str, at: dt.datetime) -> None:
    """A line of this PC's journal for a handover the database lost (its record is older)."""
    append_json_line(journal.journal_path(), {
        "application_no": application_no, "collected_at": at.isoformat(), "counter": 1,
        "officer": "petugas1", "collector": "self", "id_checked": True, "verified": True,
        "database": get_settings().database_id})


def checked_sign_in(qtbot: QtBot, pc: PcSettings, windows: list[CounterWindow]
                    ) -> CounterWindow:
    window = open_window(qtbot, pc, windows)
    with qtbot.waitSignal(window.journal_notice.checked, timeout=WAIT):
        sign_in(qtbot, window, 1)
    return window


def test_the_notice_shows_after_signing_in_and_goes_once_replayed(
        qtbot: QtBot, shelf: str, pc: PcSettings, indonesian: str,
        windows: list[CounterWindow]) -> None:
    lost_handover("2024-TNG-000001", NOW + HOUR)
    lost_handover("2024-TNG-000002", NOW + HOUR + dt.timedelta(minutes=32))
    window = checked_sign_in(qtbot, pc, windows)
    assert window.journal_notice.text_shown == (
        "2 penyerahan di PC ini belum ada di basis data (terakhir 01/07/2024 11:32).\n"
        "Minta supervisor mencatatnya dari jurnal PC ini (halaman Penyerahan susulan, "
        "atau loket pickup reconcile --journal).")
    assert window.officer is not None  # the officer works on: nothing to dismiss

    supervisor = int(Officer.get(Officer.username == "supervisor").id)
    facts, source = reconcile.facts_from_journal()
    assert reconcile.reconcile(facts, supervisor, source=source).counts()["recorded"] == 2
    qtbot.waitUntil(lambda: window.journal_notice.text_shown == "", timeout=WAIT)

    window.sign_out()
    assert window.journal_notice.text_shown == ""


def test_nothing_shows_while_everything_is_recorded(
        qtbot: QtBot, shelf: str, pc: PcSettings, english: str,
        windows: list[CounterWindow]) -> None:
    window = checked_sign_in(qtbot, pc, windows)  # no journal at all yet
    assert window.journal_notice.text_shown == ""


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage, on purpose
def test_the_journal_is_checked_again_when_the_database_is_back(
        qtbot: QtBot, shelf: str, pc: PcSettings, english: str,
        windows: list[CounterWindow]) -> None:
    window = checked_sign_in(qtbot, pc, windows)
    assert window.journal_notice.text_shown == ""

    def drop() -> None:
        done = threading.Event()
        window.worker.submit(lambda: (dbmod.discard_connection(), done.set()))
        assert done.wait(5)

    with database_cut_off(shelf, drop):
        qtbot.waitUntil(lambda: window.banner != "", timeout=WAIT)
        # Meanwhile the server came back from an older backup: this handover is lost.
        lost_handover("2024-TNG-000001", NOW + HOUR)
    with qtbot.waitSignal(window.journal_notice.checked, timeout=WAIT):
        pass
    assert window.journal_notice.text_shown.startswith(
        "1 handover(s) made on this PC are not in the database")
