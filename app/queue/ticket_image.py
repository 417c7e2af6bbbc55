"""The printed queue ticket, rendered with Pillow for a thermal printer.

A ticket is a 1-bit image as wide as the printable width of a 58 mm or 80 mm
roll (48 mm / 72 mm; 384 / 576 dots at 203 dpi) and as long as its content:
the office, the number in very large type, the service, date and time, how many
wait ahead and the likely wait (a range in minutes, :mod:`app.queue.waits`), a QR
of the signed ticket code that a counter can scan, and a short notice. Texts are
printed in Bahasa Indonesia and English together (the ticket outlives the kiosk's
language choice). It never carries a name or a
passport number: a ticket is left on chairs and floors.

The UI only sends the image to a printer (and shows it on screen).
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from app.messages import render
from app.pickup.slips import Font, Scale, qr_image, scalable_font, wrap_text
from app.queue.kiosk import KioskTicket
from app.setup.pc_settings import PAPER_WIDTHS_MM

DPI = 203  # thermal printers: 8 dots per mm
PRINTABLE_MM = {58: 48.0, 80: 72.0}

MARGIN_TOP_MM = 2.0
MARGIN_BOTTOM_MM = 6.0  # room above the cutter
GAP_MM = 1.5
QR_MM = 24.0  # the QR with its quiet zone
QR_BORDER = 4

OFFICE_PT = 9.0
TITLE_PT = 8.0
NUMBER_MM = {58: 15.0, 80: 20.0}  # cap height of the number
SERVICE_PT = 11.0
SERVICE_EN_PT = 8.5
BODY_PT = 9.0
CODE_PT = 6.0
NOTICE_PT = 7.5

TITLE = "NOMOR ANTRIAN / QUEUE NUMBER"
PICKUP_TITLE = "PENGAMBILAN PASPOR / PASSPORT PICKUP"
DATE_LABEL = "Tanggal / Date"
AHEAD_LABEL = "Di depan Anda / Ahead of you"
WAIT_LABEL = "Perkiraan tunggu / Estimated wait"
MINUTES = "menit/min"
NOTICE = (
    "Harap menunggu sampai nomor Anda dipanggil di layar. Nomor ini hanya berlaku hari ini.",
    "Please wait until your number is called on the screen. Valid today only.",
)
PICKUP_NOTICE = (
    "Siapkan slip pengambilan, bukti pembayaran dan KTP asli. Nomor ini hanya berlaku hari ini.",
    "Have your pickup slip, payment receipt and original ID ready. Valid today only.",
)

INK = 0
PAPER = 255


def wait_line(estimate: tuple[int, int] | None) -> str:
    """``Perkiraan tunggu / Estimated wait: 5–15 menit/min``, in both languages."""
    if estimate is None:
        return f"{render('wait_unknown', {}, 'id')} / {render('wait_unknown', {}, 'en')}"
    low, high = estimate
    return f"{WAIT_LABEL}: {low}–{high} {MINUTES}"


def printable_width(paper_mm: int, dpi: int = DPI) -> int:
    """The ticket image's width in dots: 384 (58 mm) or 576 (80 mm) at 203 dpi."""
    if paper_mm not in PRINTABLE_MM:
        raise ValueError(f"paper width must be one of {PAPER_WIDTHS_MM}")
    return Scale(dpi).mm(PRINTABLE_MM[paper_mm])


def _number_font(text: str, scale: Scale, width: int, cap_mm: float) -> Font:
    """The number's font: cap height ``cap_mm``, smaller if the number is too wide."""
    cap = scale.mm(cap_mm)
    font = scalable_font(max(8, round(cap / 0.72)))  # Aileron's capitals are ~0.72 em
    while font.size > 8 and font.getlength(text) + font.size // 12 > width:
        font = scalable_font(int(font.size) - 2)
    return font


class _Pen:
    """Writes centred lines downwards on the ticket."""

    def __init__(self, draw: ImageDraw.ImageDraw, width: int, y: int) -> None:
        self.draw = draw
        self.width = width
        self.y = y

    def line(self, text: str, font: Font, after: int = 0, stroke: int = 0) -> None:
        """One line centred by its ink, not its advance (the number's big glyphs)."""
        left, top, right, bottom = (round(v) for v in font.getbbox(text, stroke_width=stroke))
        x = round((self.width - (right - left)) / 2) - left
        self.draw.text((x, self.y - top), text, font=font, fill=INK, stroke_width=stroke,
                       stroke_fill=INK)
        self.y += bottom - top + after

    def text(self, text: str, font: Font, after: int = 0,
             max_lines: int | None = None) -> None:
        ascent, descent = font.getmetrics()
        for line in wrap_text(text, font, self.width, max_lines):
            x = round((self.width - font.getlength(line)) / 2)
            self.draw.text((x, self.y), line, font=font, fill=INK)
            self.y += ascent + descent
        self.y += after

    def rule(self, scale: Scale, after: int) -> None:
        self.draw.line((0, self.y, self.width - 1, self.y), fill=INK,
                       width=max(1, scale.mm(0.25)))
        self.y += after


def render_ticket(ticket: KioskTicket, paper_mm: int = 80, dpi: int = DPI) -> Image.Image:
    """The ticket as a 1-bit image (black on white), ``printable_width`` dots wide."""
    scale = Scale(dpi)
    width = printable_width(paper_mm, dpi)
    canvas = Image.new("L", (width, scale.mm(400)), PAPER)
    draw = ImageDraw.Draw(canvas)
    gap = scale.mm(GAP_MM)
    pen = _Pen(draw, width, scale.mm(MARGIN_TOP_MM))

    pen.text(ticket.office_name, scale.font(OFFICE_PT), max_lines=2, after=gap)
    pen.rule(scale, after=gap)
    pen.text(PICKUP_TITLE if ticket.pickup else TITLE, scale.font(TITLE_PT), after=2 * gap)
    number_font = _number_font(ticket.number, scale, width, NUMBER_MM[paper_mm])
    pen.line(ticket.number, number_font, after=3 * gap, stroke=max(1, int(number_font.size) // 28))
    pen.text(ticket.name_id, scale.font(SERVICE_PT), max_lines=2)
    if ticket.name_en != ticket.name_id:
        pen.text(ticket.name_en, scale.font(SERVICE_EN_PT), max_lines=2)
    pen.y += gap
    pen.rule(scale, after=gap)

    body = scale.font(BODY_PT)
    pen.text(f"{DATE_LABEL}: {ticket.issued_local}", body)
    pen.text(f"{AHEAD_LABEL}: {ticket.ahead}", body)
    pen.text(wait_line(ticket.estimate_min), body, after=gap)

    picture = _qr(ticket.code, scale)
    canvas.paste(picture.convert("L"), ((width - picture.width) // 2, pen.y))
    pen.y += picture.height
    pen.text(ticket.code, scale.font(CODE_PT), after=gap)

    notice = scale.font(NOTICE_PT)
    if ticket.notice:
        pen.text(ticket.notice, notice, max_lines=6, after=gap)
    for text in (PICKUP_NOTICE if ticket.pickup else NOTICE):
        pen.text(text, notice, max_lines=4)

    height = pen.y + scale.mm(MARGIN_BOTTOM_MM)
    return canvas.crop((0, 0, width, height)).convert("1", dither=Image.Dither.NONE)


def _qr(code: str, scale: Scale) -> Image.Image:
    """The QR of ``code``, about ``QR_MM`` wide with its quiet zone, in whole dots a module."""
    probe = qr_image(code, box_size=1, border=QR_BORDER)
    box = max(3, scale.mm(QR_MM) // probe.width)
    return qr_image(code, box_size=box, border=QR_BORDER)


def height_mm(image: Image.Image, dpi: int = DPI) -> float:
    """The printed length of a ticket image."""
    return image.height * 25.4 / dpi
