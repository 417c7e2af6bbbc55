"""The printed report: the reports page's tables and charts laid out on A4 pages, for
the PDF file and for the printer alike.

The page hands over the texts it shows (summary, tables, booking figures) and its
charts; this module lays them out as one document, draws the charts sharp enough for
paper and writes the PDF.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsScene

# Charts in the PDF: laid out at this size, drawn at twice it, shown at the page width.
PDF_CHART_SIZE = QSizeF(820, 460)
# Width of a chart in the printed document's layout units (an A4 page is about 720 wide).
PDF_CHART_WIDTH = 700
NO_BREAK_HYPHEN = "\u2011"
_DOC_DPI = 96  # QTextDocument's layout units a inch when it has no paint device


@dataclass(frozen=True)
class PrintedTable:
    """One table of the printed report: its heading, column names and rows of text."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[str]]


def render_chart(chart: QChart, size: QSizeF = PDF_CHART_SIZE, scale: float = 2.0) -> QImage:
    """A chart laid out at ``size`` and drawn ``scale`` times as large into an image
    (for the PDF and the printer: text stays legible, lines stay sharp)."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(size)
    width, height = size.width() * scale, size.height() * scale
    image = QImage(int(width), int(height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, height),
                 QRectF(0, 0, size.width(), size.height()))
    painter.end()
    scene.removeItem(chart)
    return image


def page_layout() -> QPageLayout:
    """A4 portrait with 1 cm margins: the PDF's pages and the printer's first offer."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)


def write_pdf(document_for: Callable[[QPageLayout], QTextDocument], path: str | Path,
              title: str) -> bool:
    """Write the document laid out on :func:`page_layout` as a PDF at ``path``; whether
    the file holds anything (the folder was checked writable before)."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(page_layout())
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Loket")
    document_for(writer.pageLayout()).print_(writer)
    del writer  # closes the file
    return Path(path).stat().st_size > 0


class ReportDocument(QObject):
    """The report as one document: heading, summary, the tables, then the charts."""

    def document(self, layout: QPageLayout, *, office: str, title: str, generated: str,
                 zone: str, summary: Sequence[tuple[str, str]],
                 tables: Sequence[PrintedTable], after_tables: str,
                 charts: Sequence[tuple[str, QChart]]) -> QTextDocument:
        """The printed report laid out on ``layout``'s printable area; ``after_tables``
        is ready-made HTML placed between the tables and the charts."""
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        # A page size of its own: Qt then prints the pages as laid out (1/96 inch a
        # unit), instead of adding 2 cm around a document laid out at another width.
        area = layout.paintRect(QPageLayout.Unit.Inch)
        doc.setPageSize(QSizeF(area.width() * _DOC_DPI, area.height() * _DOC_DPI))
        # Lines break between words only: a narrow column grows to its longest word
        # rather than cutting it ("Diterb/itkan").
        option = doc.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        doc.setDefaultTextOption(option)
        esc = html.escape
        # Translated outside the f-strings: lupdate does not look inside them.
        zone_text = self.tr("office time, {zone}").format(zone=zone)
        summary_text = self.tr("Summary")
        nothing_text = self.tr("Nothing in these days.")
        charts_text = self.tr("Charts")
        # Headers small and regular on their shading: the counters' sixteen columns
        # then fit the page's width with every Indonesian heading word whole.
        parts = [
            "<style>body { font-size: 8pt; } table { border-collapse: collapse; }"
            " th, td { border: 1px solid #999; padding: 1px 2px; font-size: 7pt; }"
            " th { background: #e8eaf6; font-size: 6pt; font-weight: normal; }"
            " td.n { text-align: right; }"
            " h1 { font-size: 15pt; } h2 { font-size: 11pt; margin-top: 10px; }</style>",
            f"<h1>{esc(office)}</h1>",
            f"<p><b>{esc(title)}"
            f"</b><br/>{esc(generated)} "
            f"({esc(zone_text)})</p>",
            f"<h2>{esc(summary_text)}</h2>",
            "<table cellspacing='0'>"
            + "".join(f"<tr><td>{esc(label)}</td><td class='n'>{esc(value)}</td></tr>"
                      for label, value in summary) + "</table>",
        ]
        for table in tables:
            parts.append(f"<h2>{esc(table.title)}</h2>")
            if not table.rows:
                parts.append(f"<p>{esc(nothing_text)}</p>")
                continue
            # The names first (a fifth of the page); a hyphenated word stays whole.
            head = "".join(f"<th{' width=20%' if not i else ''}>"
                           f"{esc(c).replace('-', NO_BREAK_HYPHEN)}</th>"
                           for i, c in enumerate(table.columns))
            body = "".join(
                "<tr>" + "".join(f"<td{' class=n' if i else ''}>{esc(text)}</td>"
                                 for i, text in enumerate(cells)) + "</tr>"
                for cells in table.rows)
            parts.append(f"<table width='100%' cellspacing='0'><tr>{head}</tr>{body}</table>")
        parts.append(after_tables)
        parts.append(f"<h2>{esc(charts_text)}</h2>")
        for name, chart in charts:
            image = render_chart(chart)
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
            parts.append(f"<p><img src='{name}' width='{PDF_CHART_WIDTH}'/></p>")
        doc.setHtml("".join(parts))
        return doc
