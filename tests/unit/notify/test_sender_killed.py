"""A sending PC killed mid-delivery loses nothing and sends nothing twice.

``loket notify run`` runs as a real process against the test's database and a gateway
on 127.0.0.1 that honours ``Idempotency-Key`` (a repeated key is answered 200 and not
delivered again, as the office's gateways do). The gateway holds its answer to one
request; the sender is killed (SIGKILL) while that request is in flight, after the
gateway has taken the message. A second sender, started with its clock past the first
one's lease, sends that message again with the same key, and the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import clock
from app.notify.sender import LEASE_S
from app.office import settings
from app.storage.models import NOTIFY_PENDING, NOTIFY_SENT, Notification
from tests.helpers.gateway import gateway
from tests.helpers.people import setup_admin
from tests.unit.notify.conftest import import_list

ROOT = Path(__file__).resolve().parents[3]
DEADLINE_S = 120.0  # generous: a busy shared machine is slow, a hung process is not
PHONES = ("0812 1000 0001", "0812 1000 0002", "0812 1000 0003", "0812 1000 0004")


class Senders:
    """The sender processes of a test, each ended (killed if need be) in teardown."""

    def __init__(self, url: str, logs: Path) -> None:
        self.url, self.logs = url, logs
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, *args: str, ahead_s: float = 0) -> subprocess.Popen[bytes]:
        n = len(self.started)
        with open(self.logs / f"sender{n}.out", "wb") as out, \
                open(self.logs / f"sender{n}.err", "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.unit.notify.sender_process", str(ahead_s),
                 "--db", self.url, "notify", "run", *args],
                cwd=ROOT, stdout=out, stderr=err,
                env={**os.environ, "PYTHONPATH": str(ROOT)})
        self.started.append(proc)
        return proc

    def output(self, proc: subprocess.Popen[bytes]) -> str:
        n = self.started.index(proc)
        return "".join((self.logs / f"sender{n}.{kind}").read_text(errors="replace")
                       for kind in ("out", "err"))

    def end_all(self) -> None:
        for proc in self.started:
            if proc.poll() is None:
                proc.kill()
            proc.wait(DEADLINE_S)


@pytest.fixture
def senders(office: str, tmp_path: Path) -> Iterator[Senders]:
    running = Senders(office, tmp_path)
    try:
        yield running
    finally:
        running.end_all()


class HeldGateway:
    """Delivers each key once (a repeat is answered 200, not delivered) and holds its
    answer to the ``hold_at``-th request until :attr:`release` is set."""

    def __init__(self, hold_at: int) -> None:
        self.hold_at = hold_at
        self.lock = threading.Lock()
        self.seen = 0
        self.delivered: Counter[str] = Counter()
        self.repeats: Counter[str] = Counter()
        self.holding = threading.Event()  # the held request has arrived
        self.release = threading.Event()
        self.held_key = ""

    def answer(self, body: dict[str, Any], key: str) -> int:
        with self.lock:
            self.seen += 1
            hold = self.seen == self.hold_at
            if key in self.delivered:
                self.repeats[key] += 1
            else:
                self.delivered[key] += 1  # taken: the applicant gets it now
            if hold:
                self.held_key = key
        if hold:
            self.holding.set()
            self.release.wait(DEADLINE_S)
        return 200


def test_a_sender_killed_mid_delivery_loses_nothing_and_sends_nothing_twice(
        office: str, senders: Senders) -> None:
    today = dt.date.today() - dt.timedelta(days=2)
    import_list("no_permohonan;nama;tanggal_siap;status;telepon\n" + "".join(
        f"2024-TNG-00010{i};Pemohon {i};{today:%d/%m/%Y};siap;{phone}\n"
        for i, phone in enumerate(PHONES, 1)))
    ids = sorted(str(n.id) for n in Notification.select(Notification.id))
    assert len(ids) == len(PHONES)
    held = HeldGateway(hold_at=2)
    with gateway(held.answer) as gw:
        try:
            settings.update_settings(setup_admin(), notify_url=gw.url)
            first = senders.start("--interval", "0.2")
            assert held.holding.wait(DEADLINE_S), senders.output(first)
            first.kill()  # SIGKILL: no handler runs, the reply is never read
            assert first.wait(DEADLINE_S) == -signal.SIGKILL
        finally:
            held.release.set()
        # The first message went and was marked; the held one is still the killed
        # sender's, leased past now; the others were never touched.
        rows = {str(n.id): n for n in Notification.select()}
        sent_first = [i for i in ids if rows[i].state == NOTIFY_SENT]
        assert len(sent_first) == 1 and held.held_key not in sent_first
        kept = rows[held.held_key]
        assert (kept.state, kept.attempts) == (NOTIFY_PENDING, 1)
        assert kept.next_attempt_at > clock.utcnow()

        # Another sender, its clock past the lease, delivers the rest in one pass.
        second = senders.start("--once", ahead_s=LEASE_S + 60)
        assert second.wait(DEADLINE_S) == 0, senders.output(second)

    rows = {str(n.id): n for n in Notification.select()}
    assert {i: rows[i].state for i in ids} == {i: NOTIFY_SENT for i in ids}
    assert held.delivered == {i: 1 for i in ids}  # each applicant told once
    assert held.repeats == {held.held_key: 1}  # only the one in flight went twice
    keys = Counter(key for key, _body in gw.requests)
    assert keys == {i: 2 if i == held.held_key else 1 for i in ids}
    assert rows[held.held_key].attempts == 2
