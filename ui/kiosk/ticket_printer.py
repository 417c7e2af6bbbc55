"""Sending a rendered ticket to this PC's ticket printer through Qt's printing system.

The ticket image is made in ``app/`` (:func:`app.queue.ticket_image.render_ticket`); here it
is only drawn, at its own physical size, on a page as wide as the roll (58 or
80 mm) and as long as the ticket, with no margins: thermal printer drivers take
a custom page length for a roll.

Where the ticket goes is this PC's ``kiosk/printer`` setting:

* a printer's name (as the system lists it): a print job on that printer;
* ``pdf:<directory>``: one PDF file per ticket in that directory (testing, and a
  kiosk without a printer that must still keep a copy);
* nothing: no job at all; the kiosk shows the ticket on screen (a preview).

A failure (the printer is not installed, the job cannot be started, the system
reports an error) comes back as a :class:`PrintResult` with ``ok`` False, so the
kiosk can offer a reprint or cancel the number. What happens to the paper after
the job is handed to the system (out of paper, a jam) is for the printer's
driver to report; Qt does not.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.queue import ticket_image as tickets

log = logging.getLogger("loket.ui.printer")

PDF_PREFIX = "pdf:"


@dataclass(frozen=True)
class PrintResult:
    ok: bool
    destination: str  # "printer" | "pdf" | "preview"
    path: Path | None = None  # the PDF written, for a ``pdf:`` destination
    error: str = ""  # what went wrong, for the log (the kiosk shows its own sentence)


def to_qimage(image: Image.Image) -> QImage:
    """A Pillow image (any mode) as a grayscale :class:`QImage` that owns its pixels."""
    gray = image.convert("L")
    data = gray.tobytes()
    return QImage(data, gray.width, gray.height, gray.width,
                  QImage.Format.Format_Grayscale8).copy()


class TicketPrinter(QObject):
    """Prints ticket images for one kiosk; synchronous and quick (the job is spooled)."""

    def __init__(self, destination: str | None, paper_mm: int = 80, dpi: int = tickets.DPI,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._setting = (destination or "").strip()
        self.paper_mm = paper_mm
        self.dpi = dpi
        self._count = 0

    @property
    def destination(self) -> str:
        if not self._setting:
            return "preview"
        return "pdf" if self._setting.startswith(PDF_PREFIX) else "printer"

    def _pdf_path(self, job_name: str) -> Path:
        directory = Path(self._setting[len(PDF_PREFIX):]).expanduser()
        self._count += 1
        safe = re.sub(r"[^A-Za-z0-9_-]+", "-", job_name).strip("-") or "ticket"
        return directory / f"{safe}-{self._count}.pdf"

    def _printer(self, image: QImage, job_name: str) -> tuple[QPrinter, Path | None]:
        if self.destination == "pdf":
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            path = self._pdf_path(job_name)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(path))
        else:
            info = QPrinterInfo.printerInfo(self._setting)
            if info.isNull():
                raise OSError(f"printer {self._setting!r} is not installed")
            printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
            path = None
        printer.setDocName(job_name)
        printer.setCreator("Loket")
        printer.setResolution(self.dpi)
        printer.setFullPage(True)
        length_mm = image.height() * 25.4 / self.dpi
        printer.setPageSize(QPageSize(QSizeF(self.paper_mm, length_mm),
                                      QPageSize.Unit.Millimeter, "Loket ticket",
                                      QPageSize.SizeMatchPolicy.ExactMatch))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        return printer, path

    def print_image(self, image: QImage, job_name: str = "ticket") -> PrintResult:
        """Send one ticket; never raises (a failure is a result with ``ok`` False)."""
        destination = self.destination
        if destination == "preview":
            return PrintResult(True, destination)
        try:
            printer, path = self._printer(image, job_name)
        except OSError as exc:
            log.warning("ticket %s not printed: %s", job_name, exc)
            return PrintResult(False, destination, error=str(exc))
        painter = QPainter()
        if not painter.begin(printer):
            error = f"the print job could not be started ({printer.printerName() or path})"
            log.warning("ticket %s not printed: %s", job_name, error)
            return PrintResult(False, destination, path, error)
        try:
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            per_mm = paper.width() / self.paper_mm
            width = image.width() * 25.4 / self.dpi * per_mm
            height = image.height() * 25.4 / self.dpi * per_mm
            # Centred on the roll: the image is as wide as the printable part.
            target = QRectF((paper.width() - width) / 2, 0, width, height)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(target, image)
        finally:
            ended = painter.end()
        state = printer.printerState()
        if not ended or state in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            error = f"the printing system reported {state.name}"
            log.warning("ticket %s not printed: %s", job_name, error)
            return PrintResult(False, destination, path, error)
        return PrintResult(True, destination, path)
