"""A morning in the demo office's hall, for the lobby display and the kiosk: walk-ins
waiting, pickup slips checked in, every counter calling, one serving, a notice."""

from __future__ import annotations

from app.office import officers, settings
from app.pickup import service as pickup
from app.queue import engine

NOTICE = ("Pengambilan paspor tertunda dibuka Sabtu dan Minggu 08.00–15.00 · "
          "Siapkan bukti pembayaran dan KTP asli")


def busy_morning() -> None:
    admin = officers.authenticate("admin", "admin123!")
    settings.update_settings(admin.id, notice_text=NOTICE)
    for queue in ("paspor", "paspor", "paspor", "paspor", "wna", "prioritas", "paspor",
                  "paspor"):
        engine.issue_ticket(queue)
    for n in range(3, 9):
        pickup.check_in(pickup.code_for(f"2024-TNG-00000{n}"))
    called = {counter: engine.call_next(counter) for counter in range(1, 7)}
    engine.start_serving(called[1].id, 1)
