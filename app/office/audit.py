"""The audit log: who did what sensitive thing, when. Append-only.

Acts write it with :func:`record`, inside their own transaction; the supervisor's
window reads it through :mod:`app.office.audit_log`. Nothing updates or deletes an
entry.
"""

from __future__ import annotations

from typing import Any

from app import clock
from app.storage import json_text
from app.storage.models import AuditEntry, Officer


def record(
    action: str,
    *,
    officer: Officer | int | None = None,
    counter: int | None = None,
    subject: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry; call inside the transaction of the act it records."""
    return AuditEntry.create(
        at=clock.utcnow(),
        action=action,
        officer=officer,
        counter=counter,
        subject=subject[:100],
        details=json_text.dumps(details or {}),
    )
