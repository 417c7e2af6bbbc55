"""The monitor: the office's queues and counters at a glance, on a busy morning."""

from __future__ import annotations

from docs.screenshots.hall import busy_morning
from docs.screenshots.stage import Stage, close, wait_signal
from ui.monitor.window import StatusWindow, fetch_office_status


def run(stage: Stage) -> None:
    stage.open_office()
    busy_morning()
    window = StatusWindow(fetch_office_status, interval_ms=60_000)
    stage.show(window)
    wait_signal(window.refreshed, window.refresh, "the office status")
    stage.shot("monitor-window", window)
    close(window)
