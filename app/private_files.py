"""Files that hold personal data, password hashes or the signing key: the owner's only.

The SQLite database and its ``-wal``/``-shm``, its pre-migration copies, backups,
the log and loket.ini are made 0600 in folders made 0700, whatever the umask (the
mode is set after creating, since the umask would mask the mode given to create).
SQLite makes its ``-wal`` and ``-shm`` with the database file's own mode, so a
private database file keeps them private too.

On Windows the modes mean little; these files live under the user's profile
(platformdirs' per-user folders), which only that user and administrators read.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any, Final

log = logging.getLogger(__name__)

FILE_MODE: Final = 0o600
FOLDER_MODE: Final = 0o700


def private_folder(folder: Path, *, own: bool = True) -> Path:
    """Make ``folder`` (and any missing parent) 0700. ``own``: the folder is Loket's
    (its data, log or config folder) and is made private even if it already exists;
    otherwise (a backup folder the user chose) only the folders made here are."""
    missing = []
    level = folder
    while not level.exists() and level != level.parent:
        missing.append(level)
        level = level.parent
    folder.mkdir(parents=True, exist_ok=True)
    for made in [*missing, *([folder] if own else [])]:
        with suppress(OSError):  # a folder on a file system without modes
            made.chmod(FOLDER_MODE)
    return folder


def private_file(path: Path, *, own_folder: bool = False) -> Path:
    """Create ``path`` empty if it is missing, then make it 0600 (both ways).

    ``own_folder``: the file's folder is Loket's own (its log or data folder) and is
    made 0700 even if it exists. Otherwise only folders made here are: a database
    named ``--db /tmp/hall.db`` must never close ``/tmp`` to everyone else."""
    private_folder(path.parent, own=own_folder)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
    os.close(fd)
    with suppress(OSError):
        path.chmod(FILE_MODE)
    return path


def append_json_line(path: Path, entry: Mapping[str, Any]) -> None:
    """Append ``entry`` as one JSON line to the private file ``path`` (made 0600, in a
    folder of Loket's own made 0700), on disk before this returns (fsync): what a PC
    keeps for later must survive a power cut right after the act."""
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    with private_file(path, own_folder=True).open("a", encoding="utf-8") as out:
        out.write(line)
        out.flush()
        os.fsync(out.fileno())


def json_lines(path: Path) -> list[dict[str, Any]]:
    """The entries of a JSON-lines file written by :func:`append_json_line`, in order."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            # A line cut short by a crash while it was appended: its act is lost
            # either way, and the lines after it are still whole.
            log.warning("line %d of %s is unreadable; skipped", number, path.name)
    return entries


def write_json_lines(path: Path, entries: list[dict[str, Any]]) -> None:
    """Replace the file's content with ``entries``, whole or not at all: a new private
    file beside it, on disk, then renamed over it (a crash never leaves it half
    written)."""
    partial = private_file(path.with_name(f".{path.name}.{os.getpid()}.partial"))
    try:
        with partial.open("w", encoding="utf-8") as out:
            out.write("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries))
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    finally:
        with suppress(OSError):
            partial.unlink()
