"""The README's screenshots: every window at the office's screen sizes, with demo data.

    python -m docs.screenshots                       # both sizes, into docs/screens/
    python -m docs.screenshots --size 1366x768 --only counter,kiosk --out /tmp/shots

Each scene (a window and what happens in it, :data:`SHOTS`) runs in a process of its
own, offscreen (``QT_QPA_PLATFORM=offscreen``), on a new demo office in a temp folder,
with its own settings folders: nothing of this PC's Loket is read or written. The
pictures go to ``<out>/<width>x<height>/<name>.png``. While it takes them, the script
checks that no widget reaches past its window and lists any that does.
"""

from __future__ import annotations

from typing import Final

SIZES: Final = ((1366, 768), (1920, 1080))

# The pictures of each scene, in the order it takes them. A scene is the module
# ``docs.screenshots.<scene>`` with ``run(stage)``.
SHOTS: Final[dict[str, tuple[str, ...]]] = {
    "counter": ("counter-login", "counter-idle", "counter-serving", "counter-requeue",
                "counter-paused", "counter-pickup", "counter-handover",
                "counter-journal", "counter-database-down"),
    "kiosk": ("kiosk-start", "kiosk-english", "kiosk-pickup-entry", "kiosk-pickup",
              "kiosk-overdue", "kiosk-not-ready", "kiosk-ticket", "kiosk-turn-near"),
    "booking": ("kiosk-booking", "kiosk-booking-ticket", "admin-bookings"),
    "display": ("display", "display-pickup"),
    "admin": ("admin-login", "admin-report", "admin-report-hours", "admin-burndown",
              "admin-passports", "admin-officers", "admin-counters", "admin-queues",
              "admin-import-errors", "admin-settings", "admin-notifications",
              "admin-audit", "admin-backup", "admin-reconcile", "admin-ticket-merge"),
    "survey": ("survey-screen", "admin-survey"),
    "setup": ("setup-1-this-pc", "setup-2-wrong-password", "setup-3-this-pc-only",
              "setup-4-new-office", "setup-5-counter", "setup-6-ready",
              "setup-admin-check", "setup-server-down"),
    "monitor": ("monitor-window",),
}


def size_name(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"
