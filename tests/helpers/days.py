"""The 2024 pickup-only weekend as a scheduled day profile, for the windows' tests."""

from __future__ import annotations

import datetime as dt

from app.office import days
from tests.helpers.people import setup_admin

WEEKEND = "Akhir pekan: pengambilan saja"
# 10:00 in Jakarta (UTC+7) on Saturday 6 and Monday 8 July 2024.
SATURDAY = dt.datetime(2024, 7, 6, 3, 0)
MONDAY = dt.datetime(2024, 7, 8, 3, 0)


def schedule_pickup_weekend() -> None:
    """B and C only, 08:00–15:00, every counter on pickups, on Saturday and Sunday."""
    who = setup_admin()
    days.set_profile(who, WEEKEND, open_queues=["B", "C"], hours="08:00-15:00",
                     counters={1: ["C", "B"], 2: ["C", "B"], 3: ["B", "C"], 4: ["B", "C"],
                               5: ["B", "C"], 6: ["C", "B"]})
    for day in ("sat", "sun"):
        days.schedule(who, WEEKEND, day)
