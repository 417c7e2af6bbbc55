"""The seal that makes a backup tamper-evident, and the check of its settings.

A backup's content is read as one canonical stream — the schema version, then per
table its name and columns and each row as the portable dump writes it — whatever
the file's kind. The seal is the stream's SHA-256 and an HMAC-SHA256 of that digest
with a key derived from the office's signing secret. A dump carries the seal in its
end line; a SQLite copy in a table of its own (``loket_backup_seal``), which no
restore reads.

The digest finds any change to a row (a name changed, a handover undone by hand);
the HMAC finds a change by someone who recomputed the digest without the office's
key. A backup holds the office's secret itself (printed codes must stay valid after
a restore), so whoever has the file could forge its seal: backups stay private to
the office (README, docs/decisions.md).

While the stream passes, the ``setting`` and ``signing_key`` rows are checked as the
program will read them: every value JSON, the signing secrets hexadecimal. A dump that would leave
every command failing after a restore is refused before anything is written.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any, Final

from app.backup.dump_format import (
    SEAL_TABLE,
    BackupProblem,
    BackupSource,
    BackupTable,
    encoder,
    json_line,
)

_KEY_CONTEXT: Final = b"loket backup seal v1"
# Where a backup holds the signing keys: ``signing_key`` since schema version 13,
# ``setting`` before (a backup of an older Loket is checked and sealed the same).
_SETTING_TABLES: Final = ("setting", "signing_key")


def seal_key(secret: bytes) -> bytes:
    """The backup key: derived, so the QR signing key itself never signs anything else."""
    return hmac.new(secret, _KEY_CONTEXT, hashlib.sha256).digest()


def _hex_secret(value: Any) -> bytes | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


class Sealer:
    """Reads the canonical stream of one backup, table by table, row by row."""

    def __init__(self, schema_version: int) -> None:
        self._digest = hashlib.sha256(json_line({"schema_version": schema_version}))
        self.secrets: list[bytes] = []  # the signing secrets the backup's settings hold
        self.problems: list[BackupProblem] = []

    def table(self, table: BackupTable) -> Any:
        """Start ``table``; returns ``add(row)`` for its rows (values as read)."""
        self._digest.update(json_line({"table": table.name, "columns": list(table.columns)}))
        encode = encoder(table.types)
        settings = table.name in _SETTING_TABLES and {"key", "value"} <= set(table.columns)
        key_at = table.columns.index("key") if settings else 0
        value_at = table.columns.index("value") if settings else 0

        def add(row: tuple[Any, ...]) -> None:
            self.add_line(json_line(encode(row)))
            if settings:
                self._setting(str(row[key_at]), row[value_at])

        return add

    def add_line(self, line: bytes) -> None:
        self._digest.update(line)

    def _setting(self, key: str, raw: Any) -> None:
        try:
            value = json.loads(raw) if isinstance(raw, str) else None
        except ValueError:
            value = None
            self._bad(key)
            return
        if raw is None or not isinstance(raw, str):
            self._bad(key)
        elif key == "signing_secret":
            secret = _hex_secret(value)
            if secret is None:
                self._bad(key)
            else:
                self.secrets.insert(0, secret)
        elif key == "previous_signing_keys":
            if not isinstance(value, list):
                self._bad(key)
                return
            for old in value:
                secret = _hex_secret(old.get("secret") if isinstance(old, dict) else None)
                if secret is None:
                    self._bad(key)
                    return
                self.secrets.append(secret)

    def _bad(self, key: str) -> None:
        self.problems.append(BackupProblem("backup_setting_invalid", {"key": key}))

    def seal(self) -> dict[str, str]:
        """The seal to store, made with the current signing secret the backup holds
        (read in the same snapshot as the rows, so a key rotated meanwhile cannot
        make a backup that fails its own check)."""
        secret = self.secrets[0] if self.secrets else b""
        digest = self._digest.digest()
        return {"sha256": digest.hex(),
                "hmac": hmac.new(seal_key(secret), digest, hashlib.sha256).hexdigest()}

    def keys(self, given: list[bytes] | None = None) -> list[bytes]:
        """Secrets a seal may be made with: those given (the office's), then the
        backup's own (a database not yet set up has none: an empty key sealed it)."""
        return [*(given or []), *(self.secrets or [b""])]

    def matches(self, seal: dict[str, Any], keys: list[bytes]) -> bool:
        """Whether ``seal`` is this content's, made with one of ``keys`` (secrets)."""
        digest = self._digest.digest()
        if not hmac.compare_digest(str(seal.get("sha256", "")), digest.hex()):
            return False
        mac = str(seal.get("hmac", ""))
        return any(hmac.compare_digest(
            mac, hmac.new(seal_key(key), digest, hashlib.sha256).hexdigest()) for key in keys)


def read_sealed(source: BackupSource) -> Sealer:
    """Stream every row of ``source`` through a :class:`Sealer`."""
    sealer = Sealer(source.schema_version)
    for table, rows in source.read_rows():
        add = sealer.table(table)
        for row in rows:
            add(row)
    return sealer


def write_sqlite_seal(conn: Any, seal: dict[str, str]) -> None:
    """Store ``seal`` in a SQLite copy (``conn``, sqlite3), committed."""
    conn.execute(f'CREATE TABLE "{SEAL_TABLE}" (name TEXT PRIMARY KEY, value TEXT NOT NULL)')
    conn.executemany(f'INSERT INTO "{SEAL_TABLE}" (name, value) VALUES (?, ?)',
                     sorted(seal.items()))
    conn.commit()
