"""The audit log: who did what sensitive thing, when. Append-only."""

from __future__ import annotations

import json
from typing import Any

from app import clock
from app.models import AuditEntry, Officer


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
        details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str),
    )
