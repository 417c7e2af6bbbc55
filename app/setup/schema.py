"""Setting up an office database: schema, settings, and the demo office."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from app import clock
from app.errors import Refused
from app.office.audit import record
from app.office.officers import add_officer
from app.office.settings import ensure_defaults, get_settings
from app.pickup import backlog
from app.storage import migrations
from app.storage.models import Counter, CounterQueue, Officer, Queue
from app.storage.transactions import run_in_transaction


@dataclass(frozen=True)
class QueueSpec:
    code: str
    prefix: str
    name_id: str
    name_en: str
    kind: str
    priority: int = 0
    daily_quota: int | None = None


# A typical Indonesian immigration office (Kantor Imigrasi) after the 2024 outage.
DEMO_QUEUES = (
    QueueSpec("paspor", "A", "Permohonan Paspor", "Passport application", "service"),
    QueueSpec("prioritas", "P", "Layanan Prioritas", "Priority service", "service", priority=10),
    QueueSpec("backlog", "B", "Pengambilan Paspor Tertunda", "Delayed passport pickup",
              "pickup"),
    QueueSpec("ambil", "C", "Pengambilan Paspor", "Passport pickup", "pickup"),
    QueueSpec("wna", "W", "Layanan WNA", "Services for foreigners", "service"),
)

# Counter number → (name, queue codes in the order the counter prefers them).
DEMO_COUNTERS = {
    1: ("Loket 1", ["paspor", "wna"]),
    2: ("Loket 2", ["paspor"]),
    3: ("Loket 3", ["paspor", "wna"]),
    4: ("Loket 4 Prioritas", ["prioritas", "paspor"]),
    5: ("Loket 5 Pengambilan", ["backlog", "ambil"]),
    6: ("Loket 6 Pengambilan", ["ambil", "backlog"]),
}

# Demo accounts (documented in the README): change them in a real office.
DEMO_OFFICERS = (
    ("admin", "Administrator", "admin", "admin123!"),
    ("supervisor", "Siti Rahmawati", "supervisor", "super123!"),
    ("petugas1", "Budi Santoso", "officer", "petugas123"),
    ("petugas2", "Dewi Lestari", "officer", "petugas123"),
)


# Passports on the demo shelves: (name, shelf, days since ready; None = still printing).
DEMO_PASSPORTS = (
    ("Ahmad Fauzi", "Rak A-01", 3), ("Sri Wahyuni", "Rak A-01", 3),
    ("Bambang Hartono", "Rak A-02", 3), ("Rina Marlina", "Rak A-02", 2),
    ("Yusuf Hidayat", "Rak A-03", 2), ("Nur Aisyah", "Rak A-03", 2),
    ("Hendra Gunawan", "Rak B-01", 1), ("Fitri Handayani", "Rak B-01", 1),
    ("Agus Setiawan", "Rak B-02", 40), ("Maya Sari", "Rak B-02", None),
    ("Dedi Kurniawan", "", None), ("Lestari Putri", "Rak C-01", 5),
)
DEMO_BATCH = "Backlog PDN Juni 2024"


def _demo_passport_list(today: dt.date) -> bytes:
    lines = ["no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status"]
    for i, (name, shelf, days) in enumerate(DEMO_PASSPORTS, start=1):
        ready = today - dt.timedelta(days=days if days is not None else -2)
        status = "siap" if days is not None else "cetak"
        lines.append(f"2024-TNG-{i:06d};{name};{'' if days is None else f'E{9000000 + i}'};"
                     f"{shelf};{ready.isoformat()};{status}")
    return ("\n".join(lines) + "\n").encode()


# Tables whose rows make an office; the demo writes none into one it did not make.
_OFFICE_TABLES = ("queue", "counter", "officer", "pickup_record", "ticket")


def refuse_demo_on_an_office(db: peewee.Database) -> None:
    """Refuse the demo on a database holding an office the demo did not make.

    The demo office is marked by its ``demo_created`` audit entry, written in the
    transaction that made it (and the audit log cannot be changed afterwards). Asked
    of the database itself, so it holds however the database was named (``--db``,
    ``LOKET_DB``, loket.ini).
    """
    present = set(db.get_tables())
    if not any(db.execute_sql(f"SELECT 1 FROM {t} LIMIT 1").fetchone()
               for t in _OFFICE_TABLES if t in present):  # fixed names: no quoting needed
        return
    if "audit_entry" in present and db.execute_sql(
            f"SELECT 1 FROM audit_entry WHERE action = {db.param} LIMIT 1",
            ("demo_created",)).fetchone():
        return
    raise Refused("demo_on_real_office")


def init_database(db: peewee.Database, demo: bool = False,
                  office_name: str | None = None) -> dict[str, object]:
    """Create or migrate the schema and write missing settings; idempotent.

    ``demo``: add the demo office, refused on a database holding a real office."""
    if demo:
        refuse_demo_on_an_office(db)
    before, after = migrations.migrate(db)
    ensure_defaults(office_name)
    created_demo = seed_demo() if demo else False
    return {"schema_before": before, "schema_version": after, "demo_created": created_demo}


def seed_demo(with_officers: bool = True, with_passports: bool = True) -> bool:
    """Create the demo office unless queues already exist. Returns whether it did."""

    def work() -> bool:
        if Queue.select().exists():
            return False
        queues = {}
        for spec in DEMO_QUEUES:
            queues[spec.code] = Queue.create(
                code=spec.code, prefix=spec.prefix, name_id=spec.name_id,
                name_en=spec.name_en, kind=spec.kind, priority=spec.priority,
                daily_quota=spec.daily_quota)
        for number, (name, codes) in DEMO_COUNTERS.items():
            counter = Counter.create(number=number, name=name)
            for position, code in enumerate(codes):
                CounterQueue.create(counter=counter, queue=queues[code], position=position)
        record("demo_created", details={"queues": len(queues), "counters": len(DEMO_COUNTERS)})
        return True

    created = run_in_transaction(work)
    if created and with_officers:
        for username, full_name, role, password in DEMO_OFFICERS:
            if not Officer.select().where(Officer.username == username).exists():
                add_officer(username, password, role=role, full_name=full_name)
    admin = Officer.get_or_none((Officer.role == "admin") & Officer.active) if created else None
    if admin is not None and with_passports:  # the demo's shelf, imported by its admin
        today = clock.service_day(get_settings().timezone)
        backlog.import_backlog(_demo_passport_list(today), batch=DEMO_BATCH,
                               officer=admin.id, source="demo")
    return created
