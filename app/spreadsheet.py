"""The one way Loket writes a CSV file: safe in a spreadsheet, right in Indonesian Excel.

Every export (reports, burn-down, audit log) goes through :class:`CsvWriter`:

- ``;`` between fields and UTF-8 with a byte-order mark, CRLF line ends. Excel in an
  Indonesian locale splits a double-clicked CSV on the list separator, which is ``;``
  there (the comma is the decimal mark), and reads it as UTF-8 only with the BOM.
- A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  gets a leading ``'`` (OWASP's advice on CSV injection): a spreadsheet would run it as
  a formula (``=HYPERLINK(…)``, ``@SUM(…)``, ``-2+3+cmd|…``). Numbers stay numbers: an
  ``int`` or ``float`` is written as it is, and so is a text that is nothing but a plain
  number (``-5``, ``-1.5``), which no spreadsheet can read as a formula.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Final

DELIMITER: Final = ";"
ENCODING: Final = "utf-8-sig"
LINE_END: Final = "\r\n"
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER: Final = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet may read it without running anything."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class CsvWriter:
    """A ``csv.writer`` in Loket's dialect whose every cell is made safe."""

    def __init__(self, handle: IO[str]) -> None:
        self._writer = csv.writer(handle, delimiter=DELIMITER, lineterminator=LINE_END)

    def row(self, cells: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(c) for c in cells])


def to_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """A whole small table as the bytes of a CSV file."""
    out = io.StringIO()
    writer = CsvWriter(out)
    for cells in rows:
        writer.row(cells)
    return out.getvalue().encode(ENCODING)


@contextmanager
def open_csv(path: str | os.PathLike[str]) -> Iterator[CsvWriter]:
    """Write a CSV file that appears complete or not at all (a ``.part`` file, renamed
    when the block ends; removed when it fails). ``OSError`` passes to the caller."""
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    done = False
    try:
        with open(partial, "w", encoding=ENCODING, newline="") as handle:
            yield CsvWriter(handle)
        os.replace(partial, target)
        done = True
    finally:
        if not done:  # a full disk, a lost database: no half file left behind
            partial.unlink(missing_ok=True)


def read_back(data: bytes) -> list[list[str]]:
    """The table a CSV file of Loket's holds (for checks and tests)."""
    return list(csv.reader(io.StringIO(data.decode(ENCODING), newline=""),
                           delimiter=DELIMITER))
