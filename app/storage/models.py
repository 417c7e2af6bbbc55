"""The tables. Every model binds to :data:`app.storage.db.database` (a proxy), so one code
base serves SQLite, PostgreSQL and MariaDB; the URL decides at start-up.

Timestamps are naive UTC; the service *day* is the office's local date and is
stored as its own column (see :mod:`app.clock`).
"""

from __future__ import annotations

from typing import Any, Final

import peewee as pw

from app.storage.db import database

QUEUE_KINDS: Final = ("service", "pickup")
ROLES: Final = ("officer", "supervisor", "admin")

WAITING: Final = "waiting"
CALLED: Final = "called"
SERVING: Final = "serving"
DONE: Final = "done"
NO_SHOW: Final = "no_show"
CANCELLED: Final = "cancelled"
EXPIRED: Final = "expired"
TICKET_STATUSES: Final = (WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED, EXPIRED)
OPEN_STATUSES: Final = (WAITING, CALLED, SERVING)
HELD_STATUSES: Final = (CALLED, SERVING)

# A passport waiting to be collected: printing → ready → collected, or cancelled.
PRINTING: Final = "printing"
READY: Final = "ready"
COLLECTED: Final = "collected"
PICKUP_STATUSES: Final = (PRINTING, READY, COLLECTED, CANCELLED)
PICKUP_OPEN_STATUSES: Final = (PRINTING, READY)  # the passport is still on the shelf
# Who may collect: the holder, a family member on the same family card (KK),
# or a proxy with a power of attorney (surat kuasa).
COLLECTORS: Final = ("self", "family", "proxy")


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """One row per migration applied, newest = highest version."""

    version = pw.IntegerField(primary_key=True)
    name = pw.CharField(max_length=100)
    applied_at = pw.DateTimeField()


class Setting(BaseModel):
    """Office-wide settings shared by every PC, one key per row (see app.office.settings)."""

    key = pw.CharField(max_length=64, primary_key=True)
    value = pw.TextField()


class SigningKey(BaseModel):
    """The QR signing keys (``signing_secret``, ``previous_signing_keys``), one per row
    as in ``setting`` but a table of their own: a login may read the office's settings
    without them (the lobby display's may not; :mod:`app.storage.logins`)."""

    key = pw.CharField(max_length=64, primary_key=True)
    value = pw.TextField()


class Queue(BaseModel):
    id = pw.AutoField()
    code = pw.CharField(max_length=32, unique=True)
    prefix = pw.CharField(max_length=2, unique=True)
    name_id = pw.CharField(max_length=100)
    name_en = pw.CharField(max_length=100)
    kind = pw.CharField(max_length=16, default="service")
    # Higher is served first (priority service by law, UU 25/2009 Pasal 29).
    priority = pw.IntegerField(default=0)
    daily_quota = pw.IntegerField(null=True)
    active = pw.BooleanField(default=True)

    def name(self, lang: str) -> str:
        return str(self.name_en if lang == "en" else self.name_id)


class Counter(BaseModel):
    id = pw.AutoField()
    number = pw.IntegerField(unique=True)
    name = pw.CharField(max_length=64)
    active = pw.BooleanField(default=True)


class CounterQueue(BaseModel):
    """Which queues a counter serves, in the order it prefers them."""

    id = pw.AutoField()
    counter = pw.ForeignKeyField(Counter, backref="queue_links", on_delete="CASCADE")
    queue = pw.ForeignKeyField(Queue, backref="counter_links", on_delete="CASCADE")
    position = pw.IntegerField()
    counter_id: int
    queue_id: int

    class Meta:
        indexes = ((("counter", "queue"), True),)


class Officer(BaseModel):
    id = pw.AutoField()
    username = pw.CharField(max_length=32, unique=True)
    full_name = pw.CharField(max_length=100)
    role = pw.CharField(max_length=16, default="officer")
    password_hash = pw.CharField(max_length=255)
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField()

    @classmethod
    def without_hash(cls) -> pw.ModelSelect[Officer]:
        """Officers without ``password_hash``: a counter's database login may not read
        it (see :mod:`app.storage.logins`)."""
        return cls.select(*[f for f in cls._meta.sorted_fields if f.name != "password_hash"])


class DailySequence(BaseModel):
    """The last number issued per queue per service day: the only source of numbers."""

    queue = pw.ForeignKeyField(Queue, on_delete="CASCADE")
    service_day = pw.DateField()
    last = pw.IntegerField()

    class Meta:
        primary_key = pw.CompositeKey("queue", "service_day")


class PickupRecord(BaseModel):
    """One printed passport (or one still printing) waiting for its holder.

    The handover columns are written once, by a compare-and-set on ``status``
    (``ready`` → ``collected``), which is what makes a handover happen exactly once.
    """

    id = pw.AutoField()
    application_no = pw.CharField(max_length=32, unique=True)
    name = pw.CharField(max_length=100)
    passport_no = pw.CharField(max_length=16, default="")
    # E.g. "Backlog PDN Juni 2024"; empty for the regular flow. Decides the pickup queue.
    batch = pw.CharField(max_length=64, default="")
    location = pw.CharField(max_length=64, default="")
    status = pw.CharField(max_length=12, default=PRINTING)
    # Expected date while printing; the day it became ready afterwards.
    ready_date = pw.DateField(null=True)
    collect_by = pw.DateField(null=True)
    imported_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()
    collected_at = pw.DateTimeField(null=True)
    collected_counter = pw.ForeignKeyField(Counter, null=True, backref="+")
    collected_officer = pw.ForeignKeyField(Officer, null=True, backref="+")
    collector = pw.CharField(max_length=8, null=True)
    collector_name = pw.CharField(max_length=100, null=True)
    id_checked = pw.BooleanField(default=False)
    # Whether the handover scan was a signed code (False: a bare application number).
    verified = pw.BooleanField(default=False)
    cancelled_at = pw.DateTimeField(null=True)
    # Where the applicant is told the passport is ready: a mobile number (+628…) or an
    # e-mail address, from the backlog list (schema version 9). Erased by the purge.
    contact = pw.CharField(max_length=100, null=True)
    # The applicant asked for no messages about this passport (a re-import keeps it).
    notify_opt_out = pw.BooleanField(default=False)
    collected_counter_id: int | None
    collected_officer_id: int | None

    class Meta:
        indexes = (
            (("status", "collect_by"), False),
            (("batch", "status"), False),
            # A report reads the handovers of its days (schema version 3).
            (("collected_at",), False),
        )


class Ticket(BaseModel):
    id = pw.AutoField()
    # The queue that issued the number; with day and seq it is unique.
    queue = pw.ForeignKeyField(Queue, backref="tickets")
    service_day = pw.DateField()
    seq = pw.IntegerField()
    number = pw.CharField(max_length=8)
    # Where the ticket waits now; differs from `queue` after a transfer.
    service_queue = pw.ForeignKeyField(Queue, backref="+")
    # A transfer to one counter: only that counter may call it.
    target_counter = pw.ForeignKeyField(Counter, null=True, backref="+")
    status = pw.CharField(max_length=12, default=WAITING)
    issued_at = pw.DateTimeField()
    called_at = pw.DateTimeField(null=True)
    started_at = pw.DateTimeField(null=True)
    finished_at = pw.DateTimeField(null=True)
    transferred_at = pw.DateTimeField(null=True)
    counter = pw.ForeignKeyField(Counter, null=True, backref="tickets")
    officer = pw.ForeignKeyField(Officer, null=True, backref="tickets")
    recall_count = pw.IntegerField(default=0)
    transfer_count = pw.IntegerField(default=0)
    # A pickup ticket knows its passport, so the counter sees the shelf before the
    # applicant arrives. Added in schema version 2.
    pickup = pw.ForeignKeyField(PickupRecord, null=True, backref="tickets", index=False)
    # Checked in with the signed slip (NULL: with a bare application number, or no
    # pickup); the counter calling it needs no second scan. Schema version 6.
    pickup_verified = pw.BooleanField(null=True)
    # Its place in the line: the issue time of a walk-in, the slot of a booking checked
    # in (called in slot order, ahead of walk-ins issued after the slot); a transfer
    # keeps it. ``booked``: issued for an M-Paspor booking. Schema version 11.
    line_at = pw.DateTimeField()
    booked = pw.BooleanField(default=False)
    # A ticket issued on another database (the emergency PC's file) and merged here:
    # its identity there, ``<queue code>:<service day>:<seq>:<issued_at>``, unique, so
    # a merge run again finds it (:mod:`app.queue.merge`). NULL: issued here. Schema
    # version 15.
    origin = pw.CharField(max_length=100, null=True, unique=True)
    # The raw foreign-key values peewee exposes as ``<field>_id``.
    queue_id: int
    service_queue_id: int
    target_counter_id: int | None
    counter_id: int | None
    officer_id: int | None
    pickup_id: int | None

    class Meta:
        indexes = (
            (("queue", "service_day", "seq"), True),
            # Call-next reads the waiting tickets of one queue in this index's order,
            # so a locking read touches one row (see engine._next_candidate).
            # (Tickets sent to one counter are few; the target_counter index finds them.)
            (("service_day", "status", "service_queue", "line_at", "id"), False),
            # "Tickets sent to this counter wait?" is asked by every call-next.
            (("target_counter", "service_day", "status"), False),
            (("service_day", "number"), False),
            (("counter", "status"), False),
            (("pickup", "status"), False),
        )


class Booking(BaseModel):
    """One M-Paspor booking of the day's list: a slot in a service queue, checked in
    at the kiosk once (``ticket`` and ``checked_in_at`` are written by a
    compare-and-set on ``ticket IS NULL``). The name is personal data: the retention
    purge erases it (schema version 11)."""

    id = pw.AutoField()
    code = pw.CharField(max_length=32, unique=True)
    name = pw.CharField(max_length=100)
    queue = pw.ForeignKeyField(Queue, backref="+")
    service_day = pw.DateField()  # the office's local date of the slot
    slot_at = pw.DateTimeField()  # naive UTC
    ticket = pw.ForeignKeyField(Ticket, null=True, backref="+", on_delete="SET NULL")
    checked_in_at = pw.DateTimeField(null=True)
    imported_at = pw.DateTimeField()
    queue_id: int
    ticket_id: int | None

    class Meta:
        indexes = ((("service_day", "slot_at"), False),)


class Event(BaseModel):
    """The change feed: append-only, polled with ``id > last_seen``, pruned after a day."""

    id = pw.BigAutoField()
    created_at = pw.DateTimeField()
    kind = pw.CharField(max_length=32)
    ticket = pw.IntegerField(null=True)
    number = pw.CharField(max_length=8, null=True)
    queue = pw.IntegerField(null=True)
    counter = pw.IntegerField(null=True)
    data = pw.TextField(default="{}")


class AuditNote(BaseModel):
    """A name or a written reason an audit entry refers to (by id, in its details).

    The audit log is append-only and enforced so by the database (see
    :mod:`app.storage.guards`), so it holds ids and codes only; what names a person
    lives here, where the retention purge can erase it (schema version 5).
    """

    id = pw.BigAutoField()
    at = pw.DateTimeField()
    kind = pw.CharField(max_length=16)  # "collector_name" or "reason"
    text = pw.TextField()
    # The passport it concerns: erased with that passport's personal data.
    pickup = pw.ForeignKeyField(PickupRecord, null=True, backref="+", on_delete="SET NULL")
    pickup_id: int | None

    class Meta:
        indexes = ((("at",), False),)


class AuditEntry(BaseModel):
    """Append-only record of sensitive acts: never updated or deleted, which the
    database itself enforces on every backend (triggers, :mod:`app.storage.guards`)."""

    id = pw.BigAutoField()
    at = pw.DateTimeField()
    action = pw.CharField(max_length=48)
    officer = pw.ForeignKeyField(Officer, null=True, backref="+")
    counter = pw.IntegerField(null=True)
    subject = pw.CharField(max_length=100, default="")
    details = pw.TextField(default="{}")

    class Meta:
        # The log viewer filters by date and by act; the daily backup finds the newest
        # backup_made entry (schema version 4).
        indexes = (
            (("at",), False),
            (("action", "id"), False),
        )

    def save(self, *args: Any, **kwargs: Any) -> int:
        if self.get_id() is not None and not kwargs.get("force_insert"):
            raise PermissionError("audit entries are append-only")
        return int(super().save(*args, **kwargs))

    def delete_instance(self, *args: Any, **kwargs: Any) -> int:
        raise PermissionError("audit entries are append-only")

    @classmethod
    def update(cls, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError("audit entries are append-only")

    @classmethod
    def delete(cls) -> Any:
        raise PermissionError("audit entries are append-only")


class RequestLog(BaseModel):
    """Client-made request ids already acted on, with their first result.

    The unique key is what makes a retry after a dropped connection safe: the
    second attempt finds the row (or collides with it) instead of acting twice.
    """

    request_id = pw.CharField(max_length=64, primary_key=True)
    operation = pw.CharField(max_length=32)
    result = pw.TextField()
    created_at = pw.DateTimeField()


class DayProfile(BaseModel):
    """A named way the office runs a day: which queues open, which counter serves what,
    and the hours numbers are issued (schema version 7; see :mod:`app.office.days`).

    ``open_queues`` is a JSON list of queue ids (NULL: every active queue); ``counters``
    maps a counter id to its queue ids in call order (NULL: the counters' standing
    queues); ``opens``/``issue_until`` are the office's local ``HH:MM`` (NULL: no limit).
    """

    id = pw.AutoField()
    name = pw.CharField(max_length=64, unique=True)
    open_queues = pw.TextField(null=True)
    counters = pw.TextField(null=True)
    opens = pw.CharField(max_length=5, null=True)
    issue_until = pw.CharField(max_length=5, null=True)
    updated_at = pw.DateTimeField()


class DaySchedule(BaseModel):
    """Which profile a weekday (``mon`` … ``sun``) or a date (``YYYY-MM-DD``) runs."""

    applies_on = pw.CharField(max_length=10, primary_key=True)
    profile = pw.ForeignKeyField(DayProfile, backref="schedule", on_delete="CASCADE")
    profile_id: int


PAUSE_REASONS: Final = ("break", "prayer", "system")  # istirahat, ibadah, gangguan sistem


class CounterPause(BaseModel):
    """A counter's pause (a break, prayer, a system fault): from ``started_at`` until
    ``ended_at`` (NULL: paused now). Reports sum them (schema version 8; see
    :mod:`app.queue.pauses`). At most one open pause per counter, kept so by the counter's
    row lock in the pausing transaction."""

    id = pw.AutoField()
    counter = pw.ForeignKeyField(Counter, backref="pauses")
    reason = pw.CharField(max_length=16)
    started_at = pw.DateTimeField()
    ended_at = pw.DateTimeField(null=True)
    officer = pw.ForeignKeyField(Officer, null=True, backref="+")
    counter_id: int
    officer_id: int | None

    class Meta:
        indexes = (
            (("counter", "ended_at"), False),
            (("started_at",), False),
        )


class SurveyResponse(BaseModel):
    """One applicant's answer to the community satisfaction survey (SKM, PermenPANRB
    14/2017) about one finished ticket: at most one per ticket (the unique index), tied
    to the queue, counter and officer that served it (schema version 12; see
    :mod:`app.office.survey`).

    ``u1`` … ``u9``: the score of each element, 1 (tidak baik) … 4 (sangat baik); NULL
    for an element the short form does not ask. ``comment``: free text that may name a
    person, erased by the retention purge.
    """

    id = pw.AutoField()
    ticket = pw.ForeignKeyField(Ticket, unique=True, backref="+", on_delete="CASCADE")
    service_day = pw.DateField()
    queue = pw.ForeignKeyField(Queue, backref="+")
    counter = pw.ForeignKeyField(Counter, null=True, backref="+")
    officer = pw.ForeignKeyField(Officer, null=True, backref="+")
    form = pw.CharField(max_length=8)  # "full" or "short"
    u1 = pw.IntegerField(null=True)
    u2 = pw.IntegerField(null=True)
    u3 = pw.IntegerField(null=True)
    u4 = pw.IntegerField(null=True)
    u5 = pw.IntegerField(null=True)
    u6 = pw.IntegerField(null=True)
    u7 = pw.IntegerField(null=True)
    u8 = pw.IntegerField(null=True)
    u9 = pw.IntegerField(null=True)
    comment = pw.TextField(null=True)
    created_at = pw.DateTimeField()
    ticket_id: int
    queue_id: int
    counter_id: int | None
    officer_id: int | None

    class Meta:
        indexes = ((("service_day",), False), (("created_at",), False))


NOTIFY_PENDING: Final = "pending"
NOTIFY_SENT: Final = "sent"
NOTIFY_FAILED: Final = "failed"
NOTIFY_CANCELLED: Final = "cancelled"
NOTIFY_STATES: Final = (NOTIFY_PENDING, NOTIFY_SENT, NOTIFY_FAILED, NOTIFY_CANCELLED)


class Notification(BaseModel):
    """A message to an applicant, written in the transaction of the event that causes it
    and delivered later by the sender (:mod:`app.notify.sender`); schema version 9.

    ``id`` (a UUID's text) is the ``Idempotency-Key`` the gateway sees, so a message
    sent again after a crash is recognised there. One message of a kind per passport.
    """

    id = pw.CharField(max_length=36, primary_key=True)
    kind = pw.CharField(max_length=24)
    to = pw.CharField(max_length=100)
    text = pw.TextField()
    created_at = pw.DateTimeField()
    due_at = pw.DateTimeField()
    attempts = pw.IntegerField(default=0)
    # A claimed message's next attempt is pushed past its send (a lease): another
    # sender does not see it as due while it is on its way.
    next_attempt_at = pw.DateTimeField()
    sent_at = pw.DateTimeField(null=True)
    failed_reason = pw.CharField(max_length=255, null=True)
    state = pw.CharField(max_length=12, default=NOTIFY_PENDING)
    pickup = pw.ForeignKeyField(PickupRecord, null=True, backref="+", on_delete="CASCADE")
    pickup_id: int | None
    # The pickup day a ``passport_ready`` message invites its holder on (schema 16).
    invited_for = pw.DateField(null=True, index=True)

    class Meta:
        indexes = (
            (("state", "next_attempt_at"), False),
            (("pickup", "kind"), True),
        )


class NotifyOptOut(BaseModel):
    """A contact (normalised number or address) that asked for no messages at all."""

    contact = pw.CharField(max_length=100, primary_key=True)
    at = pw.DateTimeField()


class TicketContact(BaseModel):
    """A phone number an applicant left at the kiosk for one walk-in ticket, to be told
    by the sender when their turn is near (``number_near``, :mod:`app.notify.near`);
    schema version 14. ``notified_at``/``notification`` are written once, by a
    compare-and-set on ``notified_at IS NULL`` in the transaction that writes the
    message. Personal data: erased once its service day is over, by the sender and by
    the retention purge."""

    id = pw.AutoField()
    ticket = pw.ForeignKeyField(Ticket, unique=True, backref="+", on_delete="CASCADE")
    phone = pw.CharField(max_length=20)  # +628…, as app.notify.contacts stores it
    created_at = pw.DateTimeField()
    notified_at = pw.DateTimeField(null=True)
    notification = pw.CharField(max_length=36, null=True)  # the message's id
    ticket_id: int


ALL_MODELS: Final[list[type[BaseModel]]] = [
    SchemaVersion,
    Setting,
    SigningKey,
    Queue,
    Counter,
    CounterQueue,
    Officer,
    DailySequence,
    PickupRecord,
    Ticket,
    Booking,
    Event,
    AuditNote,
    AuditEntry,
    RequestLog,
    DayProfile,
    DaySchedule,
    CounterPause,
    SurveyResponse,
    Notification,
    NotifyOptOut,
    TicketContact,
]
