"""The audit log: who did what sensitive thing, when. Append-only.

Acts write it with :func:`record`, inside their own transaction; the supervisor's
window reads it through :mod:`app.office.audit_log`. Nothing updates or deletes an
entry, and the database refuses it (:mod:`app.storage.guards`).

So an entry carries ids and codes only. A name or a written reason goes to a
:func:`note` and the entry's details hold the note's id (``<kind>_note``): the
retention purge erases the note, the entry stays as written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import clock
from app.storage import json_text
from app.storage.models import AuditEntry, AuditNote, Officer


def record(
    action: str,
    *,
    officer: Officer | int | None = None,
    counter: int | None = None,
    subject: str = "",
    details: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry; call inside the transaction of the act it records.

    ``at``: when the act happened, for an entry kept on the PC while the database
    was away (:mod:`app.office.audit_outbox`); now otherwise."""
    return AuditEntry.create(
        at=at or clock.utcnow(),
        action=action,
        officer=officer,
        counter=counter,
        subject=subject[:100],
        details=json_text.dumps(details or {}),
    )


def note(kind: str, text: str, *, pickup: int | None = None) -> int | None:
    """Keep a name or a reason for an audit entry; its id for the entry's details.

    ``pickup``: the passport it concerns (erased with its personal data). Nothing is
    kept for an empty text (None)."""
    if not text:
        return None
    return int(AuditNote.insert(at=clock.utcnow(), kind=kind, text=text,
                                pickup=pickup).execute())
