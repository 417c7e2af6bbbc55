"""The supervisor's PC delivers the messages to applicants while its window is open.

A plain thread with its own database connection, never the GUI thread nor the window's
worker (a slow gateway must not hold up the pages). Each pass first asks whether a
channel is set (``notify_url`` or SMTP); without one it only waits.
"""

from __future__ import annotations

import logging
import threading

from app.errors import DatabaseUnavailable
from app.notify.sender import POLL_S, Sender, configured
from app.storage import db as dbmod

log = logging.getLogger("loket.ui.admin")


class BackgroundSender:
    def __init__(self, interval_s: float = POLL_S) -> None:
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="loket-notify-sender",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 15.0) -> None:
        """Ask the thread to end after the message on its way, and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            if self._thread.is_alive():
                log.warning("the notification sender is still sending; left to end alone")
            self._thread = None

    def _run(self) -> None:
        sender = Sender()
        try:
            while not self._stop.is_set():
                try:
                    if configured():
                        done = sender.run_once(self._stop)
                        if done.sent or done.failed:
                            log.info("notifications: %s", done.to_dict())
                except DatabaseUnavailable as exc:
                    log.info("notifications wait for the database: %s", exc)
                except Exception:  # a bug: logged, and the next pass tries again
                    log.exception("the notification sender failed")
                self._stop.wait(self._interval_s)
        finally:
            try:
                if not dbmod.database.obj.is_closed():
                    dbmod.database.obj.close()
            except Exception as exc:  # closing a dead connection may fail; nothing is lost
                log.debug("closing the sender's connection failed: %s", exc)
