"""The hall survives its server: with a primary and a synchronous standby kept by
pg_auto_failover, killing the primary mid-hour loses nothing acknowledged, doubles
nothing, and every actor works again on the new primary without anyone touching it.

Three private clusters (a monitor, two nodes) on loopback ports, made and removed by
the test. Slow (the formation takes about half a minute to build); no timing is
asserted: the test waits with a generous deadline for work to resume.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.storage import db as dbmod
from app.storage.transactions import read
from tests.backends import IN_CI
from tests.failover_run import audit, prepare_office, run_through_failover
from tests.private_clusters import Formation, failover_tools_missing

pytestmark = pytest.mark.slow


@pytest.fixture
def formation() -> Iterator[Formation]:
    missing = failover_tools_missing()
    if missing:
        if IN_CI:
            pytest.fail(f"{missing} (CI=true: the failover test must run)")
        pytest.skip(missing)
    made = Formation(quick=True)
    previous = dbmod.database.obj
    try:
        yield made
    finally:
        try:
            if dbmod.database.obj is not None and dbmod.database.obj is not previous:
                dbmod.discard_connection()
        finally:
            made.close()  # every process and file of the formation, whatever happened
            if previous is not None:
                dbmod.bind(previous)


def test_killing_the_primary_mid_hour_loses_and_doubles_nothing(formation: Formation) -> None:
    # Synchronous: a ticket printed was on both servers before the kiosk heard of it.
    assert formation.synchronous_standby_names().startswith(("ANY 1", "FIRST 1"))
    prepare_office(formation.url)
    first = formation.primary()
    run = run_through_failover(first.kill, deadline_s=240)

    # Work resumed by itself, on the other server.
    assert run.seconds_to_first_success is not None
    now_primary = formation.primary()
    assert now_primary.port != first.port
    port = read(lambda: dbmod.database.obj.execute_sql(
        "SELECT inet_server_port()").fetchone()[0])
    assert int(port) == now_primary.port
    assert run.tally.reported > 0  # the outage was seen and said, not hidden

    found = audit(run.acknowledged)
    assert found.lost_tickets == 0
    assert found.duplicate_numbers == 0
    assert found.gaps == 0
    assert found.double_calls == 0 and found.lost_calls == 0
    assert found.double_handovers == 0 and found.lost_handovers == 0
    assert len(run.acknowledged.tickets) > 0 and len(run.acknowledged.calls) > 0
