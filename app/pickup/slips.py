"""Printable passport-pickup slips: A4 pages of eight, each with the pickup token as a QR.

Rendered with qrcode and Pillow only, so the core stays free of Qt; the UI previews
or prints the pages this module makes. Pages are 1-bit images (crisp when printed,
small as PNG, CCITT G4 inside a PDF). A slip carries the application number and
never a name or passport number: a lost slip must not leak personal data.

Everything is laid out in millimetres and points and scaled to the requested dpi;
text is wrapped (or shrunk, for the application number) to its box, and capped in
lines, so it never runs into the QR, the rule at the bottom or the next slip.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import math
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.pil import PilImage

from app.errors import InvalidInput

DPI = 300
PAGE_MM = (210.0, 297.0)
COLUMNS = 2
ROWS = 4
SLIPS_PER_PAGE = COLUMNS * ROWS
QR_BORDER = 4

PADDING_MM = 5.0  # inside each slip; also keeps print clear of the printer's dead margin
QR_COLUMN_MM = 31.0  # the QR with its quiet zone is as wide as fits in this (~30 mm)
GUTTER_MM = 3.0
GAP_MM = 1.2
CUT_LINE_MM = 0.2
DASH_MM = (2.0, 1.5)

OFFICE_PT = 8.5
TITLE_PT = 10.0
LABEL_PT = 7.0
APP_NO_PT = 20.0
APP_NO_MIN_PT = 10.0
BODY_PT = 9.0
TOKEN_PT = 6.5
RULE_PT = 7.0

TITLE = "Slip Pengambilan Paspor / Passport Pickup Slip"
APP_NO_LABEL = "No. Permohonan / Application no."

# Pages per Pillow write: a PDF is appended to in chunks so 188 pages never sit in memory.
PDF_CHUNK = 8

ELLIPSIS = "…"
SOFT_BREAKS = "./-"

INK = 0
PAPER = 1

T = TypeVar("T")


@dataclass(frozen=True)
class Slip:
    """What one slip shows; ``code`` is the signed pickup token the QR carries."""

    code: str
    application_no: str
    batch: str
    ready_date: dt.date | None
    collect_by: dt.date | None


# --- QR ------------------------------------------------------------------------


def _qr_code(data: str, border: int = QR_BORDER) -> Any:
    """A compiled ``qrcode.QRCode``: error correction M, the smallest version that fits."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=1, border=border,
                       image_factory=PilImage)
    qr.add_data(data)
    qr.make(fit=True)
    return qr


def _qr_picture(qr: Any, box_size: int) -> Image.Image:
    qr.box_size = box_size
    image: Image.Image = qr.make_image(fill_color="black", back_color="white").get_image()
    return image


def qr_image(data: str, box_size: int = 10, border: int = 4) -> Image.Image:
    """A black-on-white (mode ``"1"``) QR of ``data``, quiet zone of ``border`` modules.

    Uppercase tokens (A-Z, 0-9, '.') are encoded in alphanumeric mode by qrcode,
    so a 28-character token fits version 2.
    """
    return _qr_picture(_qr_code(data, border), box_size)


# --- text ----------------------------------------------------------------------

Font = ImageFont.FreeTypeFont


# Pillow's bundled font has no glyph for some typographic marks an office types into
# its texts ("08.00–15.00"); they are drawn as their plain forms instead of empty boxes.
PLAIN_TEXT = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'",
                            "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u00a0": " "})


@functools.lru_cache(maxsize=64)
def scalable_font(size_px: int) -> Font:
    """Pillow's built-in scalable font (Aileron) at ``size_px``; needs no system fonts."""
    font = ImageFont.load_default(size=size_px)
    if not isinstance(font, ImageFont.FreeTypeFont):
        raise RuntimeError("Pillow was built without FreeType; slips need a scalable font")
    return font


def _line_height(font: Font) -> int:
    ascent, descent = font.getmetrics()
    return ascent + descent


def _break_word(word: str, font: Font, width: float) -> list[str]:
    """``word`` cut into pieces no wider than ``width``, after a '.', '-' or '/' if possible."""
    pieces: list[str] = []
    rest = word
    while len(rest) > 1 and font.getlength(rest) > width:
        cut = 1
        while cut < len(rest) and font.getlength(rest[:cut + 1]) <= width:
            cut += 1
        soft = max(rest.rfind(mark, 0, cut) for mark in SOFT_BREAKS) + 1
        if soft > 0:
            cut = soft
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return pieces


def _ellipsize(line: str, font: Font, width: float) -> str:
    while line and font.getlength(line + ELLIPSIS) > width:
        line = line[:-1].rstrip()
    return line + ELLIPSIS


def wrap_text(text: str, font: Font, width: float, max_lines: int | None = None) -> list[str]:
    """``text`` as lines no wider than ``width`` pixels in ``font``.

    Words break at spaces; a word wider than a line is cut (after '.', '-' or '/'
    where it can be). Beyond ``max_lines`` the text is cut and ends in an ellipsis.
    Typographic marks the font lacks become their plain forms (:data:`PLAIN_TEXT`).
    """
    lines: list[str] = []
    line = ""
    for word in text.translate(PLAIN_TEXT).split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        *whole, line = _break_word(word, font, width)
        lines.extend(whole)
    if line:
        lines.append(line)
    return _capped(lines, font, width, max_lines)


def _capped(lines: list[str], font: Font, width: float, max_lines: int | None) -> list[str]:
    if max_lines is None or len(lines) <= max_lines:
        return lines
    return [*lines[:max_lines - 1], _ellipsize(lines[max_lines - 1], font, width)]


@functools.lru_cache(maxsize=256)
def _wrap_bilingual(text: str, font: Font, width: float,
                    max_lines: int | None = None) -> tuple[str, ...]:
    """:func:`wrap_text`, but "Indonesian / English" too long for a line breaks at the slash."""
    indonesian, slash, english = text.partition(" / ")
    if not slash or font.getlength(text) <= width:
        return tuple(wrap_text(text, font, width, max_lines))
    lines = [*wrap_text(f"{indonesian} /", font, width), *wrap_text(english, font, width)]
    return tuple(_capped(lines, font, width, max_lines))


def rule_text(collect_by_days: int) -> tuple[str, str]:
    """The pickup rule printed on every slip, in Indonesian and in English."""
    return (
        f"Paspor yang tidak diambil dalam {collect_by_days} hari sejak selesai dicetak "
        "dibatalkan sesuai peraturan. Bawa slip ini, bukti pembayaran dan KTP asli.",
        f"A passport not collected within {collect_by_days} days of printing is cancelled "
        "by regulation. Bring this slip, the payment receipt and your original ID.",
    )


# --- layout --------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """Millimetres and points to pixels at ``dpi`` (slips, and the kiosk's tickets)."""

    dpi: int

    def mm(self, value: float) -> int:
        return round(value * self.dpi / 25.4)

    def font(self, pt: float) -> Font:
        return scalable_font(max(1, round(pt * self.dpi / 72)))


@dataclass
class _SlipPen:
    """Writes lines downwards from ``y`` in a column, never past ``bottom``.

    Lines that would cross ``bottom`` are not drawn but counted in ``dropped``.
    """

    draw: ImageDraw.ImageDraw
    x: int
    y: int
    width: int
    bottom: int
    dropped: int = 0

    def write(self, text: str, font: Font, max_lines: int | None = None, after: int = 0,
              centred: bool = False) -> None:
        self.write_lines(_wrap_bilingual(text, font, self.width, max_lines), font, after,
                         centred)

    def write_lines(self, lines: Iterable[str], font: Font, after: int = 0,
                    centred: bool = False) -> None:
        height = _line_height(font)
        for line in lines:
            if self.dropped or self.y + height > self.bottom:
                self.dropped += 1
                continue
            x = self.x
            if centred:
                x += round((self.width - font.getlength(line)) / 2)
            self.draw.text((x, self.y), line, font=font, fill=INK)
            self.y += height
        self.y += after


def page_size(dpi: int = DPI) -> tuple[int, int]:
    """A4 in pixels at ``dpi``."""
    scale = Scale(dpi)
    return scale.mm(PAGE_MM[0]), scale.mm(PAGE_MM[1])


def cell_box(index: int, dpi: int = DPI) -> tuple[int, int, int, int]:
    """The (left, top, right, bottom) pixel box of slip ``index`` (0-7) on its page."""
    width, height = page_size(dpi)
    row, column = divmod(index, COLUMNS)
    return (column * width // COLUMNS, row * height // ROWS,
            (column + 1) * width // COLUMNS, (row + 1) * height // ROWS)


def content_box(index: int, dpi: int = DPI) -> tuple[int, int, int, int]:
    """The part of slip ``index``'s cell that may be printed on (the cell less its padding)."""
    pad = Scale(dpi).mm(PADDING_MM)
    left, top, right, bottom = cell_box(index, dpi)
    return left + pad, top + pad, right - pad, bottom - pad


def _fitting_font(text: str, scale: Scale, width: int) -> Font:
    """The application number's font: as large as fits on one line, down to a floor."""
    font = scale.font(APP_NO_PT)
    floor = scale.font(APP_NO_MIN_PT).size
    while font.size > floor and font.getlength(text) > width:
        font = scalable_font(max(floor, math.floor(font.size * 0.92)))
    return font


def _draw_cut_lines(draw: ImageDraw.ImageDraw, scale: Scale, size: tuple[int, int]) -> None:
    width, height = size
    thick = max(1, scale.mm(CUT_LINE_MM))
    dash, gap = (max(1, scale.mm(v)) for v in DASH_MM)
    for column in range(1, COLUMNS):
        x = column * width // COLUMNS - thick // 2
        for y in range(0, height, dash + gap):
            draw.rectangle((x, y, x + thick - 1, min(y + dash, height) - 1), fill=INK)
    for row in range(1, ROWS):
        y = row * height // ROWS - thick // 2
        for x in range(0, width, dash + gap):
            draw.rectangle((x, y, min(x + dash, width) - 1, y + thick - 1), fill=INK)


@dataclass(frozen=True)
class _Template:
    """What every slip of a run shares, drawn once: office, title, label, rule."""

    image: Image.Image
    text_top: int
    text_bottom: int
    dropped: int


def _text_width(scale: Scale, width: int) -> int:
    return width - scale.mm(QR_COLUMN_MM) - scale.mm(GUTTER_MM)


@functools.lru_cache(maxsize=4)
def _template(office_name: str, collect_by_days: int, dpi: int) -> _Template:
    scale = Scale(dpi)
    left, top, right, bottom = content_box(0, dpi)
    width, height = right - left, bottom - top
    image = Image.new("1", (width, height), PAPER)
    draw = ImageDraw.Draw(image)

    rule_font = scale.font(RULE_PT)
    rule_lines = [line for text in rule_text(collect_by_days)
                  for line in wrap_text(text, rule_font, width)]
    rule_top = height - len(rule_lines) * _line_height(rule_font)
    separator = rule_top - scale.mm(1.5)
    draw.line((0, separator, width - 1, separator), fill=INK, width=max(1, scale.mm(0.15)))
    footer = _SlipPen(draw, 0, rule_top, width, height)
    footer.write_lines(rule_lines, rule_font)
    text_bottom = separator - scale.mm(1.5)

    pen = _SlipPen(draw, 0, 0, _text_width(scale, width), text_bottom)
    pen.write(office_name, scale.font(OFFICE_PT), max_lines=2)
    pen.write(TITLE, scale.font(TITLE_PT), max_lines=2, after=2 * scale.mm(GAP_MM))
    pen.write(APP_NO_LABEL, scale.font(LABEL_PT))
    return _Template(image, pen.y, text_bottom, pen.dropped + footer.dropped)


def _draw_slip(page: Image.Image, draw: ImageDraw.ImageDraw, slip: Slip, index: int,
               template: _Template, scale: Scale) -> int:
    """Draw ``slip`` in cell ``index``; returns the number of lines that found no room."""
    left, top, right, _ = content_box(index, scale.dpi)
    page.paste(template.image, (left, top))
    text_bottom = top + template.text_bottom

    qr = _qr_code(slip.code)
    column = scale.mm(QR_COLUMN_MM)
    picture = _qr_picture(qr, max(1, column // (qr.modules_count + 2 * QR_BORDER)))
    page.paste(picture, (right - column + (column - picture.width) // 2, top))
    token = _SlipPen(draw, right - column, top + picture.height, column, text_bottom)
    token.write(slip.code, scale.font(TOKEN_PT), centred=True)

    text_width = _text_width(scale, right - left)
    gap = scale.mm(GAP_MM)
    pen = _SlipPen(draw, left, top + template.text_top, text_width, text_bottom)
    pen.write(slip.application_no, _fitting_font(slip.application_no, scale, text_width),
              max_lines=2, after=gap)
    body = scale.font(BODY_PT)
    if slip.batch:
        pen.write(f"Batch: {slip.batch}", body, max_lines=2, after=gap)
    if slip.ready_date is not None:
        pen.write(f"Siap sejak / Ready since: {slip.ready_date:%d/%m/%Y}", body)
    if slip.collect_by is not None:
        pen.write(f"Ambil sebelum / Collect by: {slip.collect_by:%d/%m/%Y}", body)
    return template.dropped + pen.dropped + token.dropped


def _render_page(slips: Sequence[Slip], office_name: str, collect_by_days: int,
                 scale: Scale) -> Image.Image:
    size = page_size(scale.dpi)
    page = Image.new("1", size, PAPER)
    draw = ImageDraw.Draw(page)
    _draw_cut_lines(draw, scale, size)
    template = _template(office_name, collect_by_days, scale.dpi)
    for index, slip in enumerate(slips):
        _draw_slip(page, draw, slip, index, template, scale)
    return page


def iter_pages(slips: Iterable[Slip], office_name: str, collect_by_days: int,
               dpi: int = DPI) -> Iterator[Image.Image]:
    """The pages of :func:`render_pages`, made one at a time as they are asked for."""
    scale = Scale(dpi)
    for batch in _batched(slips, SLIPS_PER_PAGE):
        yield _render_page(batch, office_name, collect_by_days, scale)


def _batched(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    iterator = iter(items)
    while chunk := tuple(itertools.islice(iterator, size)):
        yield chunk


def render_pages(slips: Sequence[Slip], office_name: str, collect_by_days: int,
                 dpi: int = DPI) -> list[Image.Image]:
    """A4 pages (1-bit, white) of eight slips each in 2 columns x 4 rows, with dashed cut lines.

    Each slip shows the office, the title, the application number, the batch and
    dates when known, the token as a QR (about 30 mm with its quiet zone) and as
    text, and the pickup rule in Indonesian and English.
    """
    return list(iter_pages(slips, office_name, collect_by_days, dpi))


# --- files ---------------------------------------------------------------------


def _temp_beside(path: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".part")
    os.close(fd)
    return Path(name)


def _write_pdf(pages: Iterator[Image.Image], temp: Path, title: str) -> None:
    """Write ``pages`` as one PDF, ``PDF_CHUNK`` pages per Pillow call (later ones append)."""
    for number in itertools.count():
        if not _write_pdf_chunk(list(itertools.islice(pages, PDF_CHUNK)), temp, number, title):
            return


def _write_pdf_chunk(chunk: list[Image.Image], temp: Path, number: int, title: str) -> bool:
    """Write (``number`` 0) or append one chunk of pages; False when there were none.

    A function of its own so the chunk's pages are freed before the next are rendered.
    """
    if not chunk:
        return False
    first, *rest = chunk
    # Info is given once: on an append Pillow would repeat its keys in the Info dictionary.
    info = {"title": title, "creator": "Loket"} if number == 0 else {}
    first.save(temp, format="PDF", save_all=True, append_images=rest, append=number > 0,
               resolution=float(DPI), **info)
    # Pillow copies encoderinfo, and with it this list, into every appended page: a cycle
    # only the garbage collector would free, holding 9 MB a page until it runs.
    rest.clear()
    return True


def _page_path(out: Path, number: int) -> Path:
    return out if number == 1 else out.with_name(f"{out.stem}-{number}{out.suffix}")


def save_slips(slips: Sequence[Slip], office_name: str, collect_by_days: int,
               out: Path) -> list[Path]:
    """Write the slips to ``out`` and return the paths written.

    ``.pdf``: one multi-page PDF. ``.png``: ``out`` for page 1, then
    ``<stem>-2.png``, ``<stem>-3.png``, ... Each file is written beside its target
    and renamed into place, all pages first, so a failure leaves no half file.
    """
    kind = out.suffix.lower()
    if kind not in (".pdf", ".png"):
        raise InvalidInput("slips_output_unknown", suffix=out.suffix)
    if not slips:
        raise InvalidInput("slips_none")
    if not out.parent.is_dir():
        raise InvalidInput("slips_output_unwritable", path=str(out))
    pages = iter_pages(slips, office_name, collect_by_days, DPI)
    written: list[tuple[Path, Path]] = []
    try:
        if kind == ".pdf":
            written.append((_temp_beside(out), out))
            _write_pdf(pages, written[0][0], out.stem)
        else:
            for number, page in enumerate(pages, start=1):
                target = _page_path(out, number)
                written.append((_temp_beside(target), target))
                page.save(written[-1][0], format="PNG", dpi=(DPI, DPI))
        for temp, target in written:
            os.replace(temp, target)
    except OSError as exc:
        raise InvalidInput("slips_output_unwritable", path=str(out)) from exc
    finally:
        for temp, _ in written:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    return [target for _, target in written]
