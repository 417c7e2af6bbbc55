"""Backlog import: the list from the passport system, all or nothing, safe to repeat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import list_reader
from app.errors import InvalidInput
from app.office import settings as office_settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.storage.models import AuditEntry, PickupRecord
from tests.helpers import NOW
from tests.helpers.people import setup_admin

BATCH = "Backlog PDN Juni 2024"


@pytest.fixture
def july(travel: Callable[[dt.datetime], None]) -> None:
    travel(NOW)


def rejected(data: bytes) -> list[tuple[int, str]]:
    with pytest.raises(backlog.ImportRejected) as err:
        backlog.parse_backlog(data)
    return [(p.line, p.code) for p in err.value.problems]


# --- reading: pure, no database ---------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_spreadsheet_exports_of_every_common_shape_are_read(
        encoding: str, newline: str, delimiter: str) -> None:
    d = delimiter
    lines = [f"Nama{d}No. Permohonan{d}Lokasi{d}Tanggal Siap{d}Catatan",
             f'"Budi Santoso"{d}2024-TNG-000001{d}Rak A-01{d}20/06/2024{d}',
             f'"Sri{d} ""Ani"""{d}2024-tng-000002{d}"Rak\nB"{d}2024-06-21{d}x',
             f"Ren\u00e9{d}2024-TNG-000003{d}{d}{d}"]
    data = newline.join(lines).encode(encoding) + newline.encode(encoding)
    parsed = backlog.parse_backlog(data)
    assert parsed.delimiter == delimiter
    assert parsed.ignored_columns == ["Catatan"]
    rows = {r.application_no: r for r in parsed.rows}
    assert rows["2024-TNG-000001"].ready_date == dt.date(2024, 6, 20)
    assert rows["2024-TNG-000002"].name == " ".join(f'Sri{d} "Ani"'.split())
    assert rows["2024-TNG-000002"].location == "Rak B"  # a line break in a cell is a space
    assert rows["2024-TNG-000002"].ready_date == dt.date(2024, 6, 21)
    assert rows["2024-TNG-000003"].name == "Ren\u00e9"
    assert rows["2024-TNG-000003"].ready_date is None
    # Line numbers count physical lines: the quoted line break moves the next row down.
    assert rows["2024-TNG-000003"].line == 5


def test_english_headers_in_any_order_and_the_optional_columns() -> None:
    data = (b"ready_date,status,passport_no,batch,location,name,application_no\n"
            b"2024-06-20,ready,x 1234567,Juni,Box 1,Ana,1234567890123456\n"
            b",printing,,Juni,,Ani,1234567890123457\n")
    rows = backlog.parse_backlog(data).rows
    assert rows[0].passport_no == "X1234567" and rows[0].status == "ready"
    assert rows[0].batch == "Juni" and rows[1].status == "printing"


def test_every_bad_line_is_reported_with_its_number_and_reason() -> None:
    data = ("no_permohonan;nama;tanggal_siap;status\n"
            "2024-TNG-000001;Budi;20/06/2024;siap\n"     # 2 fine
            ";Tanpa Nomor;;\n"                            # 3 missing application number
            "2024-TNG-000003;Ani;31/02/2024;\n"           # 4 not a date
            "2024-TNG-000004;Ana;2024-13-01;\n"           # 5 not a date
            "2024-TNG-000005;Ina;06/20/2024;\n"           # 6 US order: not a date
            "2024-TNG-000001;Budi lagi;;\n"               # 7 duplicate of line 2
            "2024-TNG-000008;Too;many;fields;here\n"      # 8 column count
            "2024-TNG-000009;Short\n"                     # 9 column count
            "2024 TNG 10;Spasi;;\n"                       # 10 bad application number
            "2024-TNG-000011;;;\n"                        # 11 missing name
            "2024-TNG-000012;Eka;;hilang\n"               # 12 unknown status
            f"2024-TNG-000013;{'x' * 101};;\n"            # 13 name too long
            ";;;\n"                                       # 14 blank row: skipped
            "2024-TNG-000015;Tab\x07;;\n")                # 15 control character
    assert rejected(data.encode()) == [
        (3, "import_missing"), (4, "import_bad_date"), (5, "import_bad_date"),
        (6, "import_bad_date"), (7, "import_duplicate"), (8, "import_column_count"),
        (9, "import_column_count"), (10, "import_bad_application_no"), (11, "import_missing"),
        (12, "import_bad_status"), (13, "import_too_long"), (15, "import_control_chars")]


def test_problem_messages_read_well_in_both_languages() -> None:
    with pytest.raises(backlog.ImportRejected) as err:
        backlog.parse_backlog(b"nama,no_permohonan\nBudi,12345678\nAni,12345678\n")
    assert err.value.message("id") == "1 baris bermasalah; tidak ada data yang diimpor."
    assert err.value.lines("id") == ["baris 3: nomor permohonan 12345678 sudah ada di baris 2"]
    assert err.value.lines("en") == [
        "line 3: application number 12345678 already appears on line 2"]


def test_an_unclosed_quote_is_reported_with_the_lines_before_it() -> None:
    assert rejected(b'nama,no_permohonan\n,12345678\n"Ani,12345679\nBudi,12345680\n') == [
        (2, "import_missing"), (3, "import_bad_quoting")]


@pytest.mark.parametrize(("data", "code"), [
    (b"", "import_empty"),
    (b"\n\n  \n", "import_empty"),
    (b"nama,no_permohonan\n", "import_empty"),
    (b"nama;no_permohonan\n;\n ; \n", "import_empty"),
    (b"nama,lokasi\nBudi,A\n", "import_no_header"),
    (b"foo,bar\n1,2\n", "import_no_header"),
    (b"nama,name,no_permohonan\nA,B,12345678\n", "import_duplicate_header"),
    (b"PK\x03\x04\x14\x00\x06\x00", "import_unreadable"),  # a broken .xlsx
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "import_not_csv"),  # an old .xls
    (b"nama,no_permohonan\x00\x00\x01", "import_not_csv"),
])
def test_files_that_are_not_a_list_at_all(data: bytes, code: str) -> None:
    with pytest.raises(InvalidInput) as err:
        backlog.parse_backlog(data)
    assert err.value.code == code
    assert err.value.message("id") and err.value.message("en")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode),
                 st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b)))
def test_any_bytes_give_rows_or_a_readable_refusal(data: bytes) -> None:
    try:
        parsed = backlog.parse_backlog(data)
    except InvalidInput as exc:
        assert exc.message("id") and exc.message("en")
    else:
        assert parsed.rows


def test_a_file_over_the_size_limit_is_refused_before_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(list_reader, "MAX_BYTES", 100)
    with pytest.raises(InvalidInput) as err:
        backlog.parse_backlog(b"nama,no_permohonan\n" + b"Budi,12345678\n" * 10)
    assert err.value.code == "import_too_big"


def xlsx_of(*rows: tuple[object, ...]) -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_workbook_is_read_with_its_typed_cells() -> None:
    data = xlsx_of((None,), ("Nama", "No. Permohonan", "Tanggal Siap", "Lokasi"),
                   ("Budi", 1234567890123456, dt.datetime(2024, 6, 20), "Rak 1"),
                   ("Ani", "2024-TNG-000002", "21/06/2024", None),
                   (None, None, None, None),
                   ("Ana", "2024-TNG-000003", None, 7.0))
    parsed = backlog.parse_backlog(data)
    assert (parsed.encoding, len(parsed.rows)) == ("xlsx", 3)
    budi, ani, ana = parsed.rows
    assert (budi.line, budi.application_no, budi.ready_date) == (3, "1234567890123456",
                                                                 dt.date(2024, 6, 20))
    assert (ani.ready_date, ani.location) == (dt.date(2024, 6, 21), "")
    assert (ana.line, ana.location) == (6, "7")


def test_a_broken_excel_workbook_lists_every_bad_row() -> None:
    data = xlsx_of(("no_permohonan", "nama", "tanggal_siap"),
                   ("2024-TNG-000001", "Budi", "kemarin"),
                   (None, "Ani", None),
                   ("2024-TNG-000003", "Ana", None, "extra"),
                   ("2024-TNG-000001", "Budi", None))
    assert rejected(data) == [(2, "import_bad_date"), (3, "import_missing"),
                              (4, "import_column_count"), (5, "import_duplicate")]


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def test_damaged_workbooks_are_refused_in_plain_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import zipfile

    good = xlsx_of(("no_permohonan", "nama"), ("2024-TNG-000001", "Budi"))
    not_a_workbook = io.BytesIO()
    with zipfile.ZipFile(not_a_workbook, "w") as z:
        z.writestr("readme.txt", "hello")
    for data in (_rezip(good, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row"}),
                 _rezip(good, {"xl/workbook.xml": b"\x00garbage"}),
                 not_a_workbook.getvalue()):
        with pytest.raises(InvalidInput) as err:
            backlog.parse_backlog(data)
        assert err.value.code == "import_unreadable"
    monkeypatch.setattr(list_reader, "MAX_XLSX_UNPACKED", 1000)  # a zip bomb's promise
    with pytest.raises(InvalidInput) as err:
        backlog.parse_backlog(good)
    assert err.value.code == "import_too_big"


# --- applying: every backend -------------------------------------------------------------


def csv_of(*rows: str, header: str = "no_permohonan,nama,no_paspor,lokasi,tanggal_siap") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def test_import_creates_records_with_status_and_collect_by(office: str, july: None) -> None:
    data = csv_of("2024-TNG-000001,Budi,X1234567,Rak A-01,20/06/2024",
                  "2024-TNG-000002,Ani,,Rak A-02,2024-07-04",  # expected: still printing
                  "2024-TNG-000003,Ana,,,")  # no date: printing, date unknown
    summary = backlog.import_backlog(data, batch=BATCH, source="juni.csv", officer=setup_admin())
    assert (summary.rows, summary.created, summary.updated, summary.unchanged) == (3, 3, 0, 0)
    a, b, c = (PickupRecord.get(PickupRecord.application_no == f"2024-TNG-00000{i}")
               for i in (1, 2, 3))
    assert (a.status, a.ready_date, a.collect_by) == ("ready", dt.date(2024, 6, 20),
                                                      dt.date(2024, 7, 20))
    assert (b.status, b.ready_date, b.collect_by) == ("printing", dt.date(2024, 7, 4), None)
    assert (c.status, c.ready_date) == ("printing", None)
    assert {a.batch, b.batch, c.batch} == {BATCH}
    entry = AuditEntry.get(AuditEntry.action == "backlog_imported")
    assert entry.subject == "juni.csv" and '"created": 3' in entry.details


def test_reimport_is_idempotent_and_updates_only_what_changed(office: str, july: None) -> None:
    first = csv_of("2024-TNG-000001,Budi,X1234567,Rak A-01,20/06/2024",
                   "2024-TNG-000002,Ani,,Rak A-02,2024-07-04")
    backlog.import_backlog(first, batch=BATCH, officer=setup_admin())
    again = backlog.import_backlog(first, batch=BATCH, officer=setup_admin())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    # The next list: Ani's passport is printed and shelved elsewhere; one new passport.
    later = csv_of("2024-TNG-000001,Budi,X1234567,Rak A-01,20/06/2024",
                   "2024-TNG-000002,Ani,C7654321,Rak C-09,2024-06-28",
                   "2024-TNG-000003,Ana,,Rak D,2024-06-30")
    summary = backlog.import_backlog(later, batch=BATCH, officer=setup_admin())
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 1)
    ani = PickupRecord.get(PickupRecord.application_no == "2024-TNG-000002")
    assert (ani.status, ani.location, ani.passport_no) == ("ready", "Rak C-09", "C7654321")
    assert ani.collect_by == dt.date(2024, 7, 28)
    assert PickupRecord.select().count() == 3


def test_an_older_list_does_not_send_a_ready_passport_back_to_printing(
        office: str, july: None) -> None:
    backlog.import_backlog(csv_of("2024-TNG-000001,Budi,,Rak A,2024-06-20"), officer=setup_admin())
    summary = backlog.import_backlog(b"no_permohonan,nama,status\n2024-TNG-000001,Budi,cetak\n",
                                     officer=setup_admin())
    assert summary.unchanged == 1
    rec = PickupRecord.get()
    assert (rec.status, rec.location, rec.ready_date) == ("ready", "Rak A",
                                                          dt.date(2024, 6, 20))


def test_a_collected_passport_is_never_reopened(office: str, july: None) -> None:
    backlog.import_backlog(csv_of("2024-TNG-000001,Budi,X1234567,Rak A-01,20/06/2024"),
                           officer=setup_admin())
    rec = PickupRecord.get()
    PickupRecord.update(status="collected").where(PickupRecord.id == rec.id).execute()
    summary = backlog.import_backlog(csv_of("2024-TNG-000001,Budi,X1234567,Rak Z,2024-06-29"),
                                     officer=setup_admin())
    assert (summary.closed, summary.updated, summary.created) == (1, 0, 0)
    rec = PickupRecord.get()
    assert (rec.status, rec.location) == ("collected", "Rak A-01")


def test_a_bad_file_imports_nothing_even_its_good_lines(office: str, july: None) -> None:
    backlog.import_backlog(csv_of("2024-TNG-000001,Budi,X1234567,Rak A-01,20/06/2024"),
                           officer=setup_admin())
    before = list(PickupRecord.select().dicts())
    with pytest.raises(backlog.ImportRejected):
        backlog.import_backlog(csv_of("2024-TNG-000001,Budi,X1234567,Rak Z,20/06/2024",
                                      "2024-TNG-000002,Ani,,,kemarin"), officer=setup_admin())
    assert list(PickupRecord.select().dicts()) == before
    assert AuditEntry.select().where(AuditEntry.action == "backlog_imported").count() == 1


def test_dry_run_reports_and_writes_nothing(office: str, july: None) -> None:
    summary = backlog.import_backlog(csv_of("2024-TNG-000001,Budi,,,"), dry_run=True,
                                     officer=setup_admin())
    assert (summary.created, summary.dry_run) == (1, True)
    assert PickupRecord.select().count() == 0


def test_the_batch_column_or_option_decides_the_pickup_queue(office: str, july: None) -> None:
    backlog.import_backlog(b"no_permohonan,nama,tanggal_siap,batch\n"
                           b"2024-TNG-000001,Budi,20/06/2024,\n"
                           b"2024-TNG-000002,Ani,20/06/2024,Juni\n", officer=setup_admin())
    regular = pickup.check_in("2024-TNG-000001")
    backlogged = pickup.check_in("2024-TNG-000002")
    assert regular.ticket.queue == "ambil" and regular.ticket.number == "C001"
    assert backlogged.ticket.queue == "backlog" and backlogged.ticket.number == "B001"


def test_collect_by_days_follow_the_office_setting(office: str, july: None) -> None:
    office_settings.update_settings(setup_admin(), collect_by_days="45")
    backlog.import_backlog(csv_of("2024-TNG-000001,Budi,,,20/06/2024"), officer=setup_admin())
    assert PickupRecord.get().collect_by == dt.date(2024, 8, 4)


def test_an_excel_list_imports_like_its_csv(office: str, july: None) -> None:
    rows = [("2024-TNG-000001", "Budi", "X1234567", "Rak A-01", dt.date(2024, 6, 20)),
            ("2024-TNG-000002", "Ani", None, "Rak A-02", None)]
    from_xlsx = backlog.import_backlog(xlsx_of(
        ("no_permohonan", "nama", "no_paspor", "lokasi", "tanggal_siap"), *rows),
            officer=setup_admin())
    assert (from_xlsx.created, from_xlsx.encoding) == (2, "xlsx")
    again = backlog.import_backlog(csv_of("2024-TNG-000001,Budi,X1234567,Rak A-01,2024-06-20",
                                          "2024-TNG-000002,Ani,,Rak A-02,"), officer=setup_admin())
    assert again.unchanged == 2


def test_many_rows_in_one_import(office: str, july: None) -> None:
    rows = [f"2024-TNG-{i:06d},Pemohon {i},,Rak {i % 50},20/06/2024" for i in range(1, 2501)]
    summary = backlog.import_backlog(csv_of(*rows), batch=BATCH, officer=setup_admin())
    assert summary.created == 2500 and PickupRecord.select().count() == 2500
    assert backlog.import_backlog(csv_of(*rows), batch=BATCH,
                                  officer=setup_admin()).unchanged == 2500


_NAME_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))


@settings(max_examples=150, deadline=None)
@given(records=st.lists(st.tuples(
           st.from_regex(r"[A-Z0-9][A-Z0-9/-]{5,20}", fullmatch=True),
           st.text(_NAME_CHARS, min_size=1, max_size=40).map(lambda t: " ".join(t.split()))
           .filter(bool),
           st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))),
           min_size=1, max_size=20, unique_by=lambda r: r[0]),
       delimiter=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
       newline=st.sampled_from(["\n", "\r\n"]),
       day_first=st.booleans())
def test_what_a_spreadsheet_writes_is_read_back_exactly(
        records: list[tuple[str, str, dt.date | None]], delimiter: str, encoding: str,
        newline: str, day_first: bool) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(["Nama", "No. Permohonan", "Tanggal Siap"])
    for number, name, ready in records:
        when = "" if ready is None else (ready.strftime("%d/%m/%Y") if day_first
                                         else ready.isoformat())
        writer.writerow([name, number, when])
    parsed = backlog.parse_backlog(out.getvalue().encode(encoding))
    assert [(r.application_no, r.name, r.ready_date) for r in parsed.rows] == records


# --- refusing instead of guessing (issue 19) -----------------------------------------------


def _with_dimension(data: bytes, ref: str) -> bytes:
    """The workbook with its first sheet's declared range replaced, as a hand-edited
    or hostile file would have it."""
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as src:
        sheet = src.read("xl/worksheets/sheet1.xml")
    edited, count = re.subn(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode(),
                            sheet)
    assert count == 1
    return _rezip(data, {"xl/worksheets/sheet1.xml": edited})


@pytest.fixture
def cells_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many cells the import turned into text; far too many fails at once, so a
    reader that walks the declared range cannot run for minutes before failing."""
    count = [0]
    real = list_reader._cell_text

    def counted(value: object) -> str:
        count[0] += 1
        assert count[0] < 100_000, "the import walks cells that the file does not hold"
        return real(value)

    monkeypatch.setattr(list_reader, "_cell_text", counted)
    return count


def test_a_workbook_declaring_the_whole_sheet_costs_only_its_real_cells(
        cells_read: list[int]) -> None:
    data = _with_dimension(xlsx_of(("no_permohonan", "nama"), ("2024-TNG-000001", "Budi"),
                                   ("2024-TNG-000002", "Ani")), "A1:XFD1048576")
    assert len(data) < 10_000
    parsed = backlog.parse_backlog(data)
    assert [r.name for r in parsed.rows] == ["Budi", "Ani"]
    assert cells_read[0] < 100


def test_a_workbook_declaring_too_small_a_range_loses_no_row(cells_read: list[int]) -> None:
    rows = [(f"2024-TNG-00000{i}", f"Nama {i}", f"Rak {i}") for i in range(1, 7)]
    data = _with_dimension(xlsx_of(("no_permohonan", "nama", "lokasi"), *rows), "A1:B2")
    parsed = backlog.parse_backlog(data)
    assert [(r.application_no, r.name, r.location) for r in parsed.rows] == rows


def test_a_workbook_row_far_below_the_data_is_refused_not_walked_to(
        cells_read: list[int]) -> None:
    good = xlsx_of(("no_permohonan", "nama"), ("2024-TNG-000001", "Budi"))
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(good)) as src:
        sheet = src.read("xl/worksheets/sheet1.xml")
    far = sheet.replace(b"</sheetData>",
                        b'<row r="999999999"><c r="A999999999" t="inlineStr"><is><t>x</t></is>'
                        b"</c></row></sheetData>")
    with pytest.raises(InvalidInput) as err:
        backlog.parse_backlog(_rezip(good, {"xl/worksheets/sheet1.xml": far}))
    assert err.value.code == "import_unreadable"


def _names(count: int) -> list[str]:
    return [f"2024-TNG-{i:06d},Andr\u00e9 Wijaya {i}" for i in range(1, count + 1)]


def test_a_utf8_file_with_one_stray_byte_is_refused_naming_the_line() -> None:
    lines = ["no_permohonan,nama", *_names(50)]
    data = bytearray("\n".join(lines).encode("utf-8") + b"\n")
    # Line 31 (the 30th name) gets one byte that UTF-8 never has there.
    at = data.index(b"Wijaya 30\n") + len(b"Wijaya 30")
    data[at:at] = b"\x96"
    with pytest.raises(InvalidInput) as err:
        backlog.parse_backlog(bytes(data))
    assert (err.value.code, err.value.params["line"]) == ("import_mixed_encoding", 31)
    assert "31" in err.value.message("id") and "31" in err.value.message("en")


@pytest.mark.parametrize(("encoding", "name"), [
    ("shift_jis", "\u5c71\u7530\u592a\u90ce"),  # 山田太郎
    ("gbk", "\u738b\u4f1f"),  # 王伟
    ("shift_jis", "\u30bf\u30ca\u30ab"),  # タナカ
    ("gbk", "\u674e\u660e\u534e"),  # 李明华
])
def test_a_file_in_an_east_asian_code_page_is_refused_not_garbled(
        encoding: str, name: str) -> None:
    data = (f"no_permohonan,nama\n2024-TNG-000001,Budi\n2024-TNG-000002,{name}\n"
            ).encode(encoding)
    with pytest.raises(InvalidInput) as err:
        backlog.parse_backlog(data)
    assert (err.value.code, err.value.params["line"]) == ("import_mixed_encoding", 3)


def test_a_clean_windows_code_page_file_is_still_read() -> None:
    data = "no_permohonan,nama\n2024-TNG-000001,Ren\u00e9 Fran\u00e7ois\n".encode("cp1252")
    parsed = backlog.parse_backlog(data)
    assert (parsed.encoding, parsed.rows[0].name) == ("cp1252", "Ren\u00e9 Fran\u00e7ois")


def test_a_fifo_or_a_folder_is_refused_without_waiting(tmp_path: object) -> None:
    import os
    import threading
    from pathlib import Path

    folder = Path(str(tmp_path))
    fifo = folder / "daftar.csv"
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def attempt(path: Path) -> None:
        try:
            backlog.read_list_file(str(path))
        except InvalidInput as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    for path in (fifo, folder):
        worker = threading.Thread(target=attempt, args=(path,), daemon=True)
        worker.start()
        worker.join(30)  # a hang guard, not a timing: a FIFO with no writer never ends
        if worker.is_alive():
            with open(fifo, "wb"):  # let the stuck reader go
                pass
            pytest.fail(f"reading {path} waited for a writer")
    assert [getattr(e, "code", None) for e in outcome] == ["import_not_a_file"] * 2


def test_an_encoding_refusal_changes_nothing(office: str, july: None) -> None:
    backlog.import_backlog(csv_of("2024-TNG-000001,Budi,X1234567,Rak A-01,20/06/2024"),
                           officer=setup_admin())
    before = (list(PickupRecord.select().dicts()), AuditEntry.select().count())
    bad = ("no_permohonan,nama\n2024-TNG-000001,Ren\u00e9\n".encode()
           + b"2024-TNG-000002,Budi\x96\n")
    with pytest.raises(InvalidInput):
        backlog.import_backlog(bad, officer=setup_admin())
    assert (list(PickupRecord.select().dicts()), AuditEntry.select().count()) == before
