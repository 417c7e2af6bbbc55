"""Who a test acts as when it sets an office up: every act that changes the office
names an officer whose role the core checks (no "off by default")."""

from __future__ import annotations

import io
import sys

import pytest

from app.office import officers
from app.storage.models import Officer

SETUP_ADMIN = "penyiap"
SETUP_PASSWORD = "penyiap-rahasia"


def setup_admin() -> int:
    """The id of an admin to set the connected office up with (made at the first call)."""
    row = Officer.get_or_none(Officer.username == SETUP_ADMIN)
    if row is not None:
        return int(row.id)
    return officers.add_officer(SETUP_ADMIN, SETUP_PASSWORD, role="admin",
                                full_name="Penyiap Uji").id


def stdin_lines(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    """Standard input for an in-process command: a password a line."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
