"""Who may do what in the supervisor's window (and on the command line with ``--officer``).

The window hides or marks what a role may not do, but the rule lives here: every
service that changes people, counters, queues, settings or data calls
:func:`require` with the acting officer's id *inside its transaction*, so the role
is read from the database at the moment of the act (a supervisor demoted a minute
ago is refused, whatever their window still shows).
"""

from __future__ import annotations

from typing import Final

from app.errors import NotFound, Refused
from app.storage.models import Officer

RANK: Final = {"officer": 0, "supervisor": 1, "admin": 2}

# Each act and the lowest role that may do it. ``admin`` rows are the ones the
# window marks "admin only".
ACTS: Final[dict[str, str]] = {
    "admin_login": "supervisor",
    "officer_manage": "supervisor",  # officers with the role "officer"
    "officer_manage_staff": "admin",  # supervisors and admins, and any role change to them
    "counter_manage": "supervisor",
    "queue_manage": "supervisor",
    "queue_create": "admin",
    "day_profiles": "supervisor",  # day profiles and the schedule of the office's days
    "settings_office": "supervisor",  # office name, notice text, language, collect-by days
    "settings_security": "admin",  # signing-key rotation and its grace period
    "backlog_import": "supervisor",
    "booking_import": "supervisor",  # the day's M-Paspor booking list
    "booking_view": "supervisor",  # the day's bookings, with names
    "reports_view": "supervisor",
    "audit_view": "supervisor",
    "pickup_lookup": "supervisor",  # find a passport by code, number or name; see its record
    "pickup_reconcile": "supervisor",  # write handovers another database or a journal kept
    "ticket_merge": "supervisor",  # write tickets an emergency PC's database kept
    "notify_manage": "supervisor",  # retry a failed message to an applicant; an opt-out
    "backup_run": "supervisor",
    "backup_schedule": "admin",
    "restore": "admin",
    "purge": "admin",
    "pc_settings": "admin",  # re-open a running PC's set-up (its database, mode, counter)
    "db_logins": "admin",  # database logins per kind of PC (loket db-user)
}


def admin_only(act: str) -> bool:
    return ACTS[act] == "admin"


def allows(role: str, act: str) -> bool:
    """Whether ``role`` may do ``act`` (for marking the window; :func:`require` decides)."""
    return RANK.get(role, -1) >= RANK[ACTS[act]]


def require(officer: Officer | int | None, act: str) -> Officer:
    """The acting officer, read now, if their role allows ``act``; else :class:`Refused`.

    Call inside the transaction of the act. An inactive or unknown officer is refused
    like one without the role.
    """
    if officer is None:
        raise Refused("needs_supervisor" if ACTS[act] == "supervisor" else "needs_admin")
    ident = officer if isinstance(officer, int) else officer.id
    row = Officer.without_hash().where(Officer.id == ident).first()
    if row is None or not row.active:
        raise NotFound("officer_unknown", username=str(ident))
    if not allows(str(row.role), act):
        raise Refused("needs_admin" if ACTS[act] == "admin" else "needs_supervisor")
    return row
