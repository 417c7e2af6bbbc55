"""The demo writes only where it belongs: never into an office it did not make."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.office import officers
from app.storage import db as dbmod
from app.storage.models import Officer, Queue, Ticket


@pytest.fixture
def real_office(database_url: str) -> str:
    """An office made by hand: schema, one queue, one officer, no demo."""
    from app.setup.schema import init_database

    init_database(dbmod.connect(database_url))
    Queue.create(code="paspor", prefix="A", name_id="Paspor", name_en="Passport")
    officers.add_officer("kepala", "kepala-123", role="admin")
    return database_url


@pytest.mark.parametrize("how", ["--db", "LOKET_DB"])
@pytest.mark.parametrize("command", [["demo"], ["init-db", "--demo"]])
def test_the_demo_refuses_an_office_it_did_not_make(
        real_office: str, how: str, command: list[str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    if how == "--db":
        args = ["--db", real_office, "--json", *command]
    else:
        monkeypatch.setenv("LOKET_DB", real_office)
        args = ["--json", *command]
    code = cli.main(args)
    out, err = capsys.readouterr()
    assert code != 0 and "demo_on_real_office" in out + err
    dbmod.connect(real_office)
    assert Ticket.select().count() == 0
    assert [o.username for o in Officer.select()] == ["kepala"]
    assert "admin" not in {o.username for o in Officer.select()}
    assert not Queue.select().where(Queue.code == "backlog").exists()


def test_the_demo_runs_again_on_its_own_office(database_url: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", database_url, "init-db", "--demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", database_url, "--json", "init-db", "--demo"]) == 0
    assert json.loads(capsys.readouterr().out)["demo_created"] is False
