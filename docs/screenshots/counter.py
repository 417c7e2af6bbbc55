"""The counter window as an officer uses it: sign in, idle, serving, a no-show put back
in line, paused for prayer, a pickup slip scanned and handed over, handovers the
database lost to a restore, the database gone."""

from __future__ import annotations

import datetime as dt

from app import clock
from app.office.settings import get_settings
from app.pickup import journal
from app.pickup import service as pickup
from app.private_files import append_json_line
from app.queue import engine
from app.storage import db as dbmod
from docs.screenshots.stage import Stage, close, pump, wait_signal, wait_until
from ui.counter.handover_dialog import HandoverDialog
from ui.counter.window import CounterWindow


def _act(window: CounterWindow, action: str) -> None:
    """Press an action's button and wait for the desk to show its outcome."""
    wait_signal(window.desk_shown, lambda: window.trigger(action), f"the counter's {action}")
    wait_until(lambda: not window.busy, f"the counter's {action} done")


def _sign_in(window: CounterWindow, counter: int) -> None:
    page = window.login
    wait_until(lambda: page._counter.findData(counter) >= 0, "the counters to sign in at")
    page._username.setText("petugas1")
    page._password.setText("petugas123")
    page._counter.setCurrentIndex(page._counter.findData(counter))
    wait_signal(window.signed_in, page._submit, f"signing in at counter {counter}")
    wait_until(lambda: not window.busy, "the desk")


def run(stage: Stage) -> None:
    stage.open_office()
    for queue in ("paspor", "paspor", "wna", "paspor", "paspor", "wna", "paspor"):
        engine.issue_ticket(queue)
    for _ in range(3):  # a morning's work at counter 1
        ticket = engine.call_next(1)
        engine.start_serving(ticket.id, 1)
        engine.finish(ticket.id, 1)
    slip = pickup.code_for("2024-TNG-000003")
    pickup.check_in(slip)
    pickup.check_in(pickup.code_for("2024-TNG-000004"))

    window = CounterWindow(stage.pc())
    stage.show(window)
    wait_until(lambda: window.login._counter.count() > 0, "the counters to sign in at")
    stage.shot("counter-login", window)
    _sign_in(window, 1)
    stage.shot("counter-idle", window)
    _act(window, "call_next")
    _act(window, "start")
    stage.shot("counter-serving", window)
    _act(window, "finish")
    _act(window, "call_next")
    _act(window, "no_show")
    stage.shot("counter-requeue", window)  # the late applicant's button, F10
    _act(window, "requeue")
    wait_signal(window.desk_shown, lambda: window._pause("prayer"), "the pause")
    wait_until(lambda: not window.busy, "the pause done")
    stage.shot("counter-paused", window)
    _act(window, "pause")  # resume
    wait_signal(window.signed_out, window.sign_out, "signing out")

    _sign_in(window, 5)
    _act(window, "call_next")
    window.handle_scan(slip)
    wait_until(lambda: window.view.pickup.isVisible() and not window.busy, "the pickup panel")
    stage.shot("counter-pickup", window)
    window.trigger("hand_over")
    wait_until(lambda: window.findChild(HandoverDialog) is not None, "the handover dialog")
    dialog = window.findChild(HandoverDialog)
    assert dialog is not None
    dialog._family.setChecked(True)
    dialog._name.setText("Rina Santoso")
    dialog._id_checked.setChecked(True)
    stage.shot("counter-handover", window, over=[dialog])
    dialog.reject()
    pump(100)

    # After a restore from last night's backup: two handovers this PC made since are in
    # its journal only, and the officer is told at the next sign-in.
    # (Handed over after the demo's shelf was stocked, as after the backup's records.)
    for number, seconds in (("2024-TNG-000005", 0), ("2024-TNG-000006", 1)):
        at = clock.utcnow() + dt.timedelta(seconds=seconds)
        append_json_line(journal.journal_path(), {
            "application_no": number, "collected_at": at.isoformat(), "counter": 5,
            "officer": "petugas1", "collector": "self", "collector_name": None,
            "id_checked": True, "verified": True, "database": get_settings().database_id})
    wait_signal(window.signed_out, window.sign_out, "signing out")
    _sign_in(window, 5)
    wait_until(lambda: window.journal_notice.text_shown, "the journal notice")
    stage.shot("counter-journal", window)

    # The database goes away: the banner, the actions off.
    dbmod.database.obj.database = "/nonexistent/loket.sqlite3"
    window.worker.submit(dbmod.discard_connection)
    wait_until(lambda: window.banner, "the database banner")
    stage.shot("counter-database-down", window)
    close(window)
