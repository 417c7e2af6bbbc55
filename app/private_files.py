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

import os
from contextlib import suppress
from pathlib import Path
from typing import Final

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
