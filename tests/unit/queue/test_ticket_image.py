"""The printed ticket: roll widths, a QR a counter can scan, no personal data."""

from __future__ import annotations

import dataclasses

import pytest
import zxingcpp
from PIL import Image

from app import codes
from app.office.settings import signing_keys
from app.queue import kiosk
from app.queue import ticket_image as tickets
from app.queue.kiosk import KioskTicket

CODE = "LK1.T.1234.ABCDEFGHIJKLMNOP"


def _ticket(**changes: object) -> KioskTicket:
    values: dict[str, object] = {
        "id": 1234, "number": "A017", "queue": "paspor", "prefix": "A",
        "name_id": "Permohonan Paspor", "name_en": "Passport application", "kind": "service",
        "ahead": 3, "issued_at": "2024-07-01T03:05:00", "issued_local": "01/07/2024 10:05",
        "service_day": "2024-07-01", "code": CODE,
        "office_name": "Kantor Imigrasi Kelas I TPI Tangerang", "notice": ""}
    values.update(changes)
    return KioskTicket(**values)  # type: ignore[arg-type]


def _decoded(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def _ink_rows(image: Image.Image) -> list[int]:
    gray = image.convert("L")
    return [y for y in range(gray.height)
            if gray.crop((0, y, gray.width, y + 1)).getextrema()[0] == 0]


@pytest.mark.parametrize(("paper_mm", "dots"), [(58, 384), (80, 575)])
def test_a_ticket_is_as_wide_as_the_roll_prints_and_its_qr_scans(
        paper_mm: int, dots: int) -> None:
    image = tickets.render_ticket(_ticket(), paper_mm)
    assert image.mode == "1"
    assert image.width == dots == tickets.printable_width(paper_mm)
    assert 60 < tickets.height_mm(image) < 140  # a short ticket, not a receipt roll
    assert _decoded(image) == [CODE]
    rows = _ink_rows(image)
    assert rows[0] > 0 and image.height - rows[-1] >= 6 * 203 / 25.4 - 2  # room to cut


def test_the_qr_modules_are_large_enough_for_a_thermal_print() -> None:
    image = tickets.render_ticket(_ticket(), 58)
    # A version-2 QR is 25 modules + 2 x 4 quiet zone; ~24 mm wide in whole dots.
    qr = tickets._qr(CODE, tickets.Scale(203))
    assert qr.width % 33 == 0 and qr.width // 33 >= 4  # >= 0.5 mm a module
    assert _decoded(image.resize((image.width // 2, image.height // 2))) == [CODE]


def test_a_higher_resolution_keeps_the_physical_size() -> None:
    low = tickets.render_ticket(_ticket(), 80, dpi=203)
    high = tickets.render_ticket(_ticket(), 80, dpi=300)
    assert high.width == round(72 * 300 / 25.4)
    assert tickets.height_mm(high, 300) == pytest.approx(tickets.height_mm(low), rel=0.08)
    assert _decoded(high) == [CODE]


def test_long_texts_wrap_inside_the_paper_and_a_notice_lengthens_the_ticket() -> None:
    plain = tickets.render_ticket(_ticket(), 58)
    long = tickets.render_ticket(_ticket(
        office_name="Kantor Imigrasi Kelas I Tempat Pemeriksaan Imigrasi Soekarno-Hatta "
                    "Tangerang Banten Indonesia Raya",
        name_id="Penggantian Paspor Hilang atau Rusak untuk Warga Negara Indonesia di Luar "
                "Wilayah", notice="Loket tutup pukul 15.00 pada hari Jumat."), 58)
    assert long.width == plain.width
    assert long.height > plain.height
    assert _decoded(long) == [CODE]


def test_a_long_number_shrinks_to_fit() -> None:
    scale = tickets.Scale(203)
    short = tickets._number_font("A017", scale, 384, tickets.NUMBER_MM[58])
    long = tickets._number_font("A12345", scale, 384, tickets.NUMBER_MM[58])
    assert long.size < short.size and long.getlength("A12345") <= 384
    image = tickets.render_ticket(_ticket(number="A12345"), 58)
    assert image.width == 384 and _decoded(image) == [CODE]


def test_a_pickup_ticket_differs_only_in_title_and_notice() -> None:
    service = tickets.render_ticket(_ticket(), 80)
    pickup = tickets.render_ticket(_ticket(kind="pickup", number="B025",
                                           name_id="Pengambilan Paspor Tertunda",
                                           name_en="Delayed passport pickup"), 80)
    assert service.tobytes() != pickup.tobytes()
    assert _decoded(pickup) == [CODE]


def test_the_ticket_has_no_field_for_personal_data() -> None:
    fields = {f.name for f in dataclasses.fields(KioskTicket)}
    assert not fields & {"name", "passport_no", "application_no", "collector_name",
                         "location"}


def test_an_unknown_paper_width_is_refused() -> None:
    with pytest.raises(ValueError):
        tickets.render_ticket(_ticket(), 76)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_real_ticket_scans_back_to_its_own_signed_code(office: str) -> None:
    ticket = kiosk.take_ticket("A")
    (text,) = _decoded(tickets.render_ticket(ticket, 80))
    scan = codes.parse(text, signing_keys())
    assert (scan.kind, scan.ident) == ("ticket", ticket.id)


def test_typographic_marks_in_the_notice_print_as_plain_text() -> None:
    """The bundled font has no en dash: "08.00–15.00" must not print an empty box."""
    from app.pickup.slips import PLAIN_TEXT as _PLAIN

    assert "Sabtu 08.00–15.00 … “KTP”".translate(_PLAIN) == 'Sabtu 08.00-15.00 ... "KTP"'
