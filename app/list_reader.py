"""Reading a list file (the passport system's backlog, the day's M-Paspor bookings):
CSV from whatever spreadsheet program the office has — comma, semicolon, tab or pipe
separated (detected from the header line), UTF-8 with or without BOM, UTF-16, or the
Windows code page Excel uses, one of them cleanly (a file mixing them is refused with
its first bad line, never guessed) — or an XLSX workbook's first sheet, read by the
cells it holds, not the range it declares. Header names map to known columns through
the caller's aliases; checking the rows is the caller's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import warnings
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from app.errors import InvalidInput
from app.messages import render

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
MAX_BYTES: Final = 64 * 1024 * 1024
_DELIMITERS: Final = (",", ";", "\t", "|")


@dataclass(frozen=True)
class ImportProblem:
    """One bad line: its number in the file (1 = the header) and why."""

    line: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return render("import_line", {"line": self.line,
                                      "reason": render(self.code, self.params, lang)}, lang)



# --- reading -------------------------------------------------------------------------


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


# A byte-coded file is taken as the Windows code page only when it reads as Western
# names do there: non-ASCII characters are accented Latin letters, one at a time
# (René, François). A Japanese or Chinese code page read that way gives runs of
# symbols and odd letters (山田 as "ŽR“c", タナカ as "ƒ^ƒiƒJ"), so the file is
# refused rather than imported as mojibake.
_WESTERN_LETTERS: Final = frozenset(
    [chr(c) for c in range(0xC0, 0x100) if chr(c).isalpha()] + list("ŠšŒœŽžŸ"))
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def _not_western(text: str) -> int | None:
    """Offset of the first character that no Western name would hold, if any."""
    for index, char in enumerate(text):
        if not char.isascii() and char not in _WESTERN_LETTERS:
            return index
    run = _NON_ASCII_RUN.search(text)
    return run.start() if run else None


def _mixed(line: int) -> InvalidInput:
    return InvalidInput("import_mixed_encoding", line=line)


def _decode(data: bytes) -> tuple[str, str]:
    """The file's text and the one encoding it is in; a file that is not cleanly in
    one encoding is refused with the first line that breaks it, never guessed."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidInput("import_not_csv")  # an old binary .xls workbook
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InvalidInput("import_unreadable", reason=str(exc)) from None
    if b"\x00" in data:
        raise InvalidInput("import_not_csv")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Any multi-byte UTF-8 character before the bad byte says the file was UTF-8: a
    # stray byte in it is damage, not a sign that the whole file is another encoding.
    if not data[:first_bad].isascii():
        raise _mixed(_line_of(data, first_bad))
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _mixed(_line_of(data, exc.start)) from None
    odd = _not_western(text)
    if odd is not None:
        raise _mixed(text.count("\n", 0, odd) + 1)
    return text, "cp1252"


def normalise_header(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.strip().lstrip("\ufeff").lower()).strip("_")


def _first_record(text: str) -> tuple[str, int]:
    """The header line and how many (blank) lines precede it."""
    for number, line in enumerate(text.splitlines()):
        if line.strip():
            return line, number
    raise InvalidInput("import_empty")


def _detect_delimiter(header_line: str, aliases: Mapping[str, str]) -> str:
    """The separator under which the header names the most known columns."""

    def known(delimiter: str) -> int:
        names = next(csv.reader([header_line], delimiter=delimiter))
        return sum(normalise_header(n) in aliases for n in names)

    return max(_DELIMITERS, key=lambda d: (known(d), header_line.count(d)))


def parse_date(value: str) -> dt.date:
    match = _DMY.fullmatch(value)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return dt.date.fromisoformat(value)
    raise ValueError(value)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def has_control(value: str) -> bool:
    return _CONTROL.search(value) is not None


def _records(text: str, delimiter: str, skip: int) -> Iterator[tuple[int, list[str] | None]]:
    """(first line number, fields) of every record after the header; a quoted field
    may span lines, so numbers come from the reader. Fields are None for a record the
    reader could not split (bad quoting); reading stops there."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    for _ in range(skip + 1):
        next(reader)
    previous_end = reader.line_num
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield previous_end + 1, None
            return
        start, previous_end = previous_end + 1, reader.line_num
        yield start, fields


Records = Iterator[tuple[int, list[str] | None]]


def _csv_source(data: bytes, aliases: Mapping[str, str]) -> tuple[list[str], Records, str, str]:
    """Header names, records, encoding and separator of a CSV file."""
    text, encoding = _decode(data)
    header_line, skip = _first_record(text)
    delimiter = _detect_delimiter(header_line, aliases)
    names = next(csv.reader([header_line], delimiter=delimiter))
    return names, _records(text, delimiter, skip), encoding, delimiter


def _cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV export would hold (dates as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into a cell: 1234567 not 1234567.0
    return str(value)


MAX_XLSX_UNPACKED: Final = 512 * 1024 * 1024
# Excel's own limits: a row or column beyond them is not a sheet Excel wrote.
MAX_XLSX_ROWS: Final = 1_048_576
MAX_XLSX_COLUMNS: Final = 16_384

XlsxRows = list[tuple[int, list[str]]]


def _sheet_rows(sheet: Any) -> XlsxRows:
    """(row number, texts) of every row that holds a cell, as the sheet's XML has them.

    The range a sheet declares (``<dimension ref=…>``) is ignored: it may claim the whole
    grid (A1:XFD1048576, so reading it would take minutes and gigabytes) or less than
    the data (so rows beyond it would be lost without a word). Rows the file leaves
    out are counted, not built.
    """
    sheet.reset_dimensions()
    rows: XlsxRows = []
    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_XLSX_ROWS or len(cells) > MAX_XLSX_COLUMNS:
            raise InvalidInput("import_unreadable",
                               reason=f"row {number}: beyond what a spreadsheet holds")
        if cells:
            rows.append((number, [_cell_text(c) for c in cells]))
    return rows


def _xlsx_rows(data: bytes) -> XlsxRows:
    """Every row of the first sheet that holds something, as text. Anything openpyxl
    cannot make sense of (a damaged archive, a sheet that is not a table) is one
    readable refusal."""
    import openpyxl  # a spreadsheet library: loaded only when a workbook comes

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED:
                raise InvalidInput("import_too_big", max_mb=MAX_BYTES // (1024 * 1024))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "workbook contains no default style"
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                return _sheet_rows(book.worksheets[0])
            finally:
                book.close()
    except InvalidInput:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        logging.getLogger(__name__).info("unreadable workbook", exc_info=True)
        raise InvalidInput("import_unreadable", reason=str(exc) or type(exc).__name__) from None


def _xlsx_source(data: bytes, _aliases: Mapping[str, str]) -> tuple[list[str], Records, str,
                                                                    str]:
    """Header names and records of the first sheet of an XLSX workbook."""
    rows = _xlsx_rows(data)
    first = next((n for n, (_, texts) in enumerate(rows) if any(t.strip() for t in texts)),
                 None)
    if first is None:
        raise InvalidInput("import_empty")
    header = rows[first][1]
    while header and not header[-1].strip():
        header.pop()

    def records() -> Records:
        width = len(header)
        for number, texts in rows[first + 1:]:
            # A sheet row is as wide as its last cell; only cells that hold something
            # beyond the header count as extra columns.
            while len(texts) > width and not texts[-1].strip():
                texts.pop()
            yield number, texts + [""] * (width - len(texts))

    return header, records(), "xlsx", ""


@dataclass(frozen=True)
class Table:
    """A list file as read, before its rows are checked: which known column each of
    the file's columns is ("" for one not known), and its records."""

    columns: list[str]
    ignored_columns: list[str]
    records: Records
    encoding: str
    delimiter: str

    def values(self, problems: list[ImportProblem]) -> Iterator[tuple[int, dict[str, str]]]:
        """(line, known column → cell text) of every record that holds something. A
        record the reader cannot split, or with another number of cells than the
        header, goes to ``problems`` instead. A cell's line breaks and runs of spaces
        become one space."""
        expected = len(self.columns)
        for line, fields in self.records:
            if fields is None:
                problems.append(ImportProblem(line, "import_bad_quoting"))
                return
            if not any(f.strip() for f in fields):
                continue  # blank lines and the ";;;;" rows spreadsheets leave at the end
            if len(fields) != expected:
                problems.append(ImportProblem(line, "import_column_count",
                                              {"found": len(fields), "expected": expected}))
                continue
            yield line, {c: " ".join(f.split())
                         for c, f in zip(self.columns, fields, strict=True) if c}


def read_table(data: bytes, aliases: Mapping[str, str], required: Sequence[str],
               doc_names: Mapping[str, str]) -> Table:
    """Read a list file (CSV in any of the encodings above, or an XLSX workbook's first
    sheet) whose header names columns by ``aliases`` (normalised header → column).
    A file that cannot be read, or whose header lacks a ``required`` column, raises
    :class:`InvalidInput` (``doc_names`` says how the columns are written)."""
    if len(data) > MAX_BYTES:
        raise InvalidInput("import_too_big", max_mb=MAX_BYTES // (1024 * 1024))
    source = _xlsx_source if data.startswith(b"PK\x03\x04") else _csv_source
    names, records, encoding, delimiter = source(data, aliases)
    columns: list[str] = []
    ignored: list[str] = []
    for raw_name in names:
        column = aliases.get(normalise_header(raw_name))
        if column is None:
            ignored.append(raw_name.strip())
            columns.append("")
        elif column in columns:
            raise InvalidInput("import_duplicate_header", column=raw_name.strip())
        else:
            columns.append(column)
    missing = [doc_names[c] for c in required if c not in columns]
    if missing:
        raise InvalidInput("import_no_header", missing=", ".join(missing),
                           known=", ".join(doc_names.values()))
    return Table(columns, ignored, records, encoding, delimiter)


