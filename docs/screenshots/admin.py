"""The supervisor's window on the demo office with two weeks of history: the sign-in,
reports, passports, officers, counters, queues, a broken list's import, settings,
notifications (a gateway on loopback refuses one number, is busy for another; at most
two holders invited a day, one of whom has collected), audit,
backup, the late handovers a restore from last night's backup left out, and the
tickets an emergency PC served while the server was down."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QTabWidget, QWidget

from app import clock
from app.backup.make import make_backup
from app.backup.restore import restore
from app.backup.verify import url_of
from app.errors import Refused
from app.notify.sender import Channels, Sender
from app.office import officers, settings
from app.office.settings import office_today
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.setup.demo_history import seed_history
from app.storage.db import bind, connect, database
from app.storage.models import READY, Officer, PickupRecord
from docs.screenshots.stage import Stage, close, pump, wait_signal
from ui.admin.window import AdminWindow

BROKEN_LIST = (
    "no_permohonan;nama;no_paspor;tanggal_siap;status\n"
    "2024-TNG-100001;Rudi Hartono;E7000001;2024-07-01;siap\n"
    "2024-TNG-100002;;E7000002;2024-07-01;siap\n"
    "2024-TNG-100003;Ayu Lestari;E7000003;07/31/2024;siap\n"
    "2024-TNG-100001;Rudi Hartono;E7000001;2024-07-01;siap\n"
    "2024-TNG-100005;Wahyu Nugroho;E7000005;2024-07-02;hilang\n"
)
PHONE_LIST = ("no_permohonan;nama;no_paspor;tanggal_siap;status;telepon\n"
              "2024-TNG-200001;Budi Santoso;E8000001;{d};siap;0812 3456 7890\n"
              "2024-TNG-200002;Siti Aminah;E8000002;{d};siap;0813 1111 2222\n"
              "2024-TNG-200003;Agus Salim;E8000003;{d};siap;0857 2222 3333\n"
              "2024-TNG-200004;Dewi Sartika;E8000004;{d};siap;0821 4444 5555\n"
              "2024-TNG-200005;Rina Marlina;E8000005;{d};siap;0878 6666 7777\n")
MINUTE = dt.timedelta(minutes=1)
# The stand-in gateway's answer per number: refused, busy; the others are delivered.
ANSWERS = {"+6281311112222": 400, "+6282144445555": 503}


class _Gateway(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(ANSWERS.get(body["to"], 200))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return


def _send_notices(admin: int) -> None:
    """A list with phone numbers, its holders invited two a day, its messages sent once
    to the gateway on loopback; one holder has collected since."""
    settings.update_settings(admin, pickup_invite_per_day=2)
    backlog.import_backlog(PHONE_LIST.format(d=office_today().isoformat()).encode(),
                           officer=admin)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        Sender(Channels(url=f"http://127.0.0.1:{server.server_address[1]}/")).run_once()
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
    pickup.hand_over("2024-TNG-200003", 5, "petugas1", "self", id_checked=True)


def _stopped(at: dt.datetime) -> Callable[[], dt.datetime]:
    return lambda: at


def _lose_a_day(stage: Stage) -> None:
    """The server back from the backup made before four handovers: they are in this
    PC's journal only, and one of those passports was handed over again since."""
    backup = make_backup(stage.tmp / "backups").path
    now, real_clock = clock.utcnow(), clock.utcnow
    given: list[str] = []
    ready = list(PickupRecord.select(PickupRecord.application_no)
                 .where(PickupRecord.status == READY).order_by(PickupRecord.application_no))
    for rec in ready:
        counter, officer = (5, "petugas1") if len(given) % 2 == 0 else (6, "petugas2")
        clock.utcnow = _stopped(now - (4 - len(given)) * 40 * MINUTE)
        try:
            pickup.hand_over(rec.application_no, counter, officer, "self", id_checked=True)
        except Refused:
            continue  # overdue: the counter would not hand it over either
        given.append(rec.application_no)
        if len(given) == 4:
            break
    restore(backup, url_of(database.obj), force=True)
    clock.utcnow = _stopped(now - 10 * MINUTE)
    pickup.hand_over(given[-1], 5, "petugas1", "family", "Ani", id_checked=True)
    clock.utcnow = real_clock


def _serve_an_outage(stage: Stage) -> Path:
    """The server lost after a backup: the emergency PC restores it into its own file
    and serves the hall on it (the tickets waiting then, and new ones; one still waits
    at closing), with an officer only it knows. The server is back as it was."""
    file = stage.tmp / "darurat.sqlite3"
    restore(make_backup(stage.tmp / "backups").path, f"sqlite:///{file}")
    server = database.obj
    emergency = connect(f"sqlite:///{file}")
    settings.invalidate_cache()
    try:
        officers.add_officer("darurat", "darurat123", full_name="Petugas Darurat")
        for queue in ("paspor", "wna", "paspor", "paspor", "paspor", "wna"):
            engine.issue_ticket(queue)
        ids = dict(Officer.select(Officer.username, Officer.id).tuples())
        for counter, officer, served in ((1, "petugas1", True), (2, "darurat", True),
                                         (3, "petugas2", True), (1, "petugas1", False),
                                         (2, "darurat", True), (3, "petugas2", True),
                                         (1, "petugas1", True)):
            ticket = engine.call_next(counter, ids[officer])
            if served:
                engine.start_serving(ticket.number, counter)
                engine.finish(ticket.number, counter)
            else:
                engine.no_show(ticket.number, counter)
    finally:
        emergency.close()
        bind(server)
        settings.invalidate_cache()
    return file


def open_admin(stage: Stage, username: str, password: str,
               login_shot: str | None = None) -> AdminWindow:
    """The supervisor's window filling the screen, ``username`` signed in."""
    window = AdminWindow(stage.pc())
    stage.show(window)
    if login_shot is not None:
        stage.shot(login_shot, window)
    window.login._username.setText(username)
    window.login._password.setText(password)
    wait_signal(window.signed_in, window.login._sign_in.click, f"{username} signed in")
    return window


def _loaded(page: QWidget) -> SignalInstance | None:
    """The signal a page gives when its data is on screen."""
    for name in ("loaded", "found", "shown", "previewed"):
        signal = getattr(page, name, None)
        if isinstance(signal, SignalInstance):
            return signal
    return None


def visit(window: AdminWindow, key: str,
          load: Callable[[QWidget], object] | None = None) -> QWidget:
    """Show the page ``key`` and wait for its data (``load``: how to ask for it)."""
    page = window.pages[key]

    def start() -> None:
        if window.current_page() is not page:
            window.show_page(key)
        elif load is None:
            page.refresh()  # type: ignore[attr-defined]
        if load is not None:
            load(page)

    signal = _loaded(page)
    if signal is None:
        start()
        pump(1500)
    else:
        wait_signal(signal, start, f"the {key} page's data")
    pump(300)  # a second answer (the page's own refresh on showing) lands too
    return page


def _tab(page: QWidget, index: int) -> None:
    tabs = page.findChild(QTabWidget)
    assert tabs is not None
    tabs.setCurrentIndex(index)
    pump(300)


def run(stage: Stage) -> None:
    stage.open_office()
    seed_history()
    for queue in ("paspor", "paspor", "wna", "backlog"):
        engine.issue_ticket(queue)
    admin = officers.authenticate("admin", "admin123!")
    _send_notices(admin.id)
    _lose_a_day(stage)
    emergency = _serve_an_outage(stage)
    broken = stage.tmp / "daftar-paspor.csv"
    broken.write_text(BROKEN_LIST, encoding="utf-8")

    window = open_admin(stage, "admin", "admin123!", login_shot="admin-login")
    today = office_today()
    page = visit(window, "reports", lambda p: p.set_period(  # type: ignore[attr-defined]
        "custom", today - dt.timedelta(days=14), today))
    _tab(page, 0)
    stage.shot("admin-report", window)
    _tab(page, 5)
    stage.shot("admin-report-hours", window)
    _tab(page, 6)
    stage.shot("admin-burndown", window)

    def search(page: QWidget) -> None:
        page.search.setText("Siti")  # type: ignore[attr-defined]
        page.run_search()  # type: ignore[attr-defined]

    page = visit(window, "passports", search)
    collected = [v for v in page.rows() if v.status == "collected"]  # type: ignore[attr-defined]
    if collected:
        page.select(collected[0].application_no)  # type: ignore[attr-defined]
    stage.shot("admin-passports", window)
    for key in ("officers", "counters", "queues"):
        visit(window, key)
        stage.shot(f"admin-{key}", window)
    visit(window, "import", lambda p: p.choose_file(str(broken)))  # type: ignore[attr-defined]
    stage.shot("admin-import-errors", window)
    visit(window, "settings")
    stage.shot("admin-settings", window)
    page = visit(window, "notifications")
    page.table.selectRow(0)  # type: ignore[attr-defined]
    stage.shot("admin-notifications", window)
    for key in ("audit", "backup"):
        visit(window, key)
        stage.shot(f"admin-{key}", window)
    visit(window, "reconcile", lambda p: p.preview())  # type: ignore[attr-defined]
    stage.shot("admin-reconcile", window)

    def merge_preview(page: QWidget) -> None:
        page.choose_database(str(emergency))  # type: ignore[attr-defined]
        page.preview()  # type: ignore[attr-defined]

    visit(window, "ticket_merge", merge_preview)
    stage.shot("admin-ticket-merge", window)
    close(window)
