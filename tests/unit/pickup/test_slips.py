"""Pickup slips: the QR on paper reads back, text stays in its slip, files are whole."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageDraw, PdfParser

from app.errors import InvalidInput
from app.pickup import slips
from app.pickup.slips import Slip

OFFICE = "Kantor Imigrasi Kelas I Non TPI Tangerang"
LONG_OFFICE = ("Kantor Imigrasi Kelas I Tempat Pemeriksaan Imigrasi Soekarno-Hatta, Kantor Wilayah "
               "Kementerian Imigrasi dan Pemasyarakatan Provinsi Banten, Republik Indonesia")
LONG_BATCH = ("Backlog percetakan paspor dalam negeri (PDN) gelombang kedua Juni sampai Agustus "
              "2024 untuk seluruh pemohon kantor wilayah Banten, DKI Jakarta dan Jawa Barat")


def token(n: int) -> str:
    """A 28-character token shaped like the real ones: LK1.P.<id>.<16 letters>."""
    letters = "".join(string.ascii_uppercase[(n * 7 + i) % 26] for i in range(16))
    return f"LK1.P.{n:06d}.{letters}"[:28]


def make_slips(count: int, batch: str = "Backlog PDN Juni 2024") -> list[Slip]:
    return [Slip(code=token(n), application_no=f"2024-TNG-{n:06d}", batch=batch,
                 ready_date=dt.date(2024, 7, 1), collect_by=dt.date(2024, 9, 29))
            for n in range(count)]


def decoded(image: Image.Image) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(image.convert("L")))


def test_token_fixture_is_realistic() -> None:
    assert len(token(42)) == 28
    assert set(token(42)) <= set(string.ascii_uppercase + string.digits + ".")


# --- the QR --------------------------------------------------------------------


def test_every_qr_on_every_page_reads_back() -> None:
    items = make_slips(11)
    pages = slips.render_pages(items, OFFICE, 90)
    assert len(pages) == 2
    for page, expected in zip(pages, (items[:8], items[8:]), strict=True):
        assert page.size == slips.page_size(300) == (2480, 3508)
        found = decoded(page)
        assert {b.format for b in found} == {zxingcpp.BarcodeFormat.QRCode}
        assert sorted(b.text for b in found) == sorted(s.code for s in expected)


def test_qr_survives_half_the_resolution() -> None:
    page = slips.render_pages(make_slips(8), OFFICE, 90)[0].convert("L")
    coarse = page.resize((page.width // 2, page.height // 2), Image.Resampling.BOX)
    assert sorted(b.text for b in decoded(coarse)) == sorted(s.code for s in make_slips(8))


def test_qr_on_paper_is_at_least_25_mm_with_its_quiet_zone() -> None:
    page = slips.render_pages(make_slips(1), OFFICE, 90)[0]
    (barcode,) = decoded(page)
    symbol_px = barcode.position.top_right.x - barcode.position.top_left.x
    modules = 25  # version 2
    with_quiet_zone_mm = symbol_px * (modules + 8) / modules * 25.4 / 300
    assert with_quiet_zone_mm >= 25


def test_28_character_token_is_alphanumeric_version_2() -> None:
    # Version v is 17 + 4v modules wide; byte mode would need version 3 (29 modules).
    assert slips.qr_image(token(7), box_size=1, border=0).size == (25, 25)
    image = slips.qr_image(token(7))
    assert image.size == ((25 + 2 * 4) * 10,) * 2
    assert image.mode in ("1", "L")
    assert [b.text for b in decoded(image)] == [token(7)]


def test_lowercase_needs_a_bigger_code_so_the_size_check_means_something() -> None:
    assert slips.qr_image(token(7).lower(), box_size=1, border=0).width > 25


# --- text stays inside its slip ------------------------------------------------


@pytest.mark.parametrize("text", [
    LONG_OFFICE,
    LONG_BATCH,
    "W" * 200,
    "LK1.P.000123.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "Slip Pengambilan Paspor / Passport Pickup Slip",
    "",
])
@pytest.mark.parametrize("width", [120, 400, 900])
def test_wrapped_lines_fit_and_lose_nothing(text: str, width: int) -> None:
    font = slips.scalable_font(40)
    lines = slips.wrap_text(text, font, width)
    assert all(font.getlength(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_capped_wrap_ends_in_an_ellipsis_and_still_fits() -> None:
    font = slips.scalable_font(40)
    lines = slips.wrap_text(LONG_BATCH, font, 500, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 500 for line in lines)


def test_token_breaks_after_a_dot() -> None:
    font = slips.scalable_font(40)
    code = token(3)
    width = font.getlength(code) - 1
    assert slips.wrap_text(code, font, width) == [code[:code.rindex(".") + 1],
                                                   code[code.rindex(".") + 1:]]


def test_long_names_stay_inside_every_slip() -> None:
    items = [Slip(token(n), "2024-TNG-000123-TAMBAHAN-PANJANG-SEKALI", LONG_BATCH,
                  dt.date(2024, 1, 1), dt.date(2024, 12, 31)) for n in range(8)]
    page = slips.render_pages(items, LONG_OFFICE, 365)[0].convert("L")
    clear = slips.Scale(300).mm(1.0)  # beyond the cut lines, up to the printable area
    for index in range(8):
        cell = slips.cell_box(index)
        inner = slips.content_box(index)
        left, top, right, bottom = (cell[0] + clear, cell[1] + clear,
                                    cell[2] - clear, cell[3] - clear)
        for band in ((left, top, right, inner[1]), (left, inner[3], right, bottom),
                     (left, top, inner[0], bottom), (inner[2], top, right, bottom)):
            assert page.crop(band).getextrema() == (255, 255), (index, band)
        assert page.crop(inner).getextrema() == (0, 255)
        gutter_left = inner[0] + slips._text_width(slips.Scale(300), inner[2] - inner[0])
        gutter = (gutter_left, inner[1], inner[2] - slips.Scale(300).mm(slips.QR_COLUMN_MM),
                  inner[1] + slips._template(LONG_OFFICE, 365, 300).text_bottom)
        assert page.crop(gutter).getextrema() == (255, 255), (index, "gutter")


def test_worst_case_slip_drops_no_line() -> None:
    scale = slips.Scale(300)
    page = Image.new("1", slips.page_size(), 1)
    slip = Slip("LK1.P.123456789.ABCDEFGHIJKLMNOPQRST", "X" * 40, "W" * 300,
                dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    template = slips._template("W" * 300, 365, 300)
    assert slips._draw_slip(page, ImageDraw.Draw(page), slip, 0, template, scale) == 0


def test_other_resolutions_scale_the_page() -> None:
    page = slips.render_pages(make_slips(2), OFFICE, 90, dpi=150)[0]
    assert page.size == slips.page_size(150) == (1240, 1754)
    assert sorted(b.text for b in decoded(page)) == sorted(s.code for s in make_slips(2))


def test_slip_without_batch_or_dates_renders() -> None:
    slip = Slip(token(1), "1234567890123456", "", None, None)
    (page,) = slips.render_pages([slip], OFFICE, 30)
    assert [b.text for b in decoded(page)] == [token(1)]


# --- files ---------------------------------------------------------------------


def pdf_pages(path: Path) -> int:
    with PdfParser.PdfParser(str(path)) as pdf:
        return len(pdf.pages)


@pytest.mark.parametrize("name", ["slips.pdf", "SLIPS.PDF"])
def test_pdf_is_one_file_with_a_page_per_eight_slips(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert slips.save_slips(make_slips(11), OFFICE, 90, out) == [out]
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(out) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_pdf_written_in_chunks_has_every_page_once(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slips, "PDF_CHUNK", 1)
    out = tmp_path / "slips.pdf"
    slips.save_slips(make_slips(17), OFFICE, 90, out)
    assert pdf_pages(out) == 3
    # Pillow repeats the document info keys in one dictionary if given on an append.
    assert not re.search(rb"/Title(?:(?!>>).)*/Title", out.read_bytes(), re.DOTALL)


def test_png_is_one_file_per_page(tmp_path: Path) -> None:
    items = make_slips(17)
    out = tmp_path / "slips.png"
    written = slips.save_slips(items, OFFICE, 90, out)
    assert written == [out, tmp_path / "slips-2.png", tmp_path / "slips-3.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    with Image.open(written[-1]) as last:
        assert last.size == (2480, 3508)
        assert round(last.info["dpi"][0]) == 300
        assert sorted(b.text for b in decoded(last)) == [s.code for s in items[16:]]


def test_unknown_file_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        slips.save_slips(make_slips(1), OFFICE, 90, tmp_path / "slips.txt")
    assert refused.value.code == "slips_output_unknown"
    assert ".txt" in refused.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_no_slips_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        slips.save_slips([], OFFICE, 90, tmp_path / "slips.pdf")
    assert refused.value.code == "slips_none"
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_refused_and_not_created(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "slips.pdf"
    with pytest.raises(InvalidInput) as refused:
        slips.save_slips(make_slips(1), OFFICE, 90, out)
    assert refused.value.code == "slips_output_unwritable"
    assert str(out) in refused.value.message("en")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["slips.pdf", "slips.png"])
def test_failed_write_leaves_no_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).mkdir()  # the rename into place fails
    with pytest.raises(InvalidInput) as refused:
        slips.save_slips(make_slips(9), OFFICE, 90, tmp_path / name)
    assert refused.value.code == "slips_output_unwritable"
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert list((tmp_path / name).iterdir()) == []
