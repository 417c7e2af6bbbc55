"""An office's priority pickup route, as a supervisor sets it up once."""

from __future__ import annotations

from app.office import admin, settings
from tests.helpers.people import setup_admin

ROUTE_PREFIX = "Q"


def add_priority_pickup_route() -> None:
    """A pickup queue with priority (prefix Q), served by the pickup counters 5 and 6,
    named in the settings."""
    who = setup_admin()
    admin.add_queue(who, "ambil-prioritas", ROUTE_PREFIX, "Pengambilan Prioritas",
                    "Priority pickup", kind="pickup", priority=10)
    admin.set_counter_queues(who, 5, ["backlog", "ambil", "ambil-prioritas"])
    admin.set_counter_queues(who, 6, ["ambil", "backlog", "ambil-prioritas"])
    settings.update_settings(who, priority_pickup_queue=ROUTE_PREFIX)
