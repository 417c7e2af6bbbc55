"""The four faces of the survey's answers, drawn (no emoji font needed on the kiosk PC).

Score 1 (tidak baik) is a red frown, 4 (sangat baik) a green wide smile: the colour
and the mouth both say it, for a reader who sees only one of them.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

COLOURS: Final = {1: "#c62828", 2: "#ef6c00", 3: "#7cb342", 4: "#2e7d32"}
# How far the mouth's middle sits below (+) or above (-) its corners, in face widths.
_CURVE: Final = {1: -0.16, 2: -0.06, 3: 0.08, 4: 0.18}


def face_pixmap(score: int, size: int = 128) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS[score]))
    painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    painter.setBrush(QColor("white"))
    eye = size * 0.09
    for x in (0.34, 0.66):
        painter.drawEllipse(QPointF(size * x, size * 0.38), eye, eye)
    pen = QPen(QColor("white"), size * 0.07)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    mouth = QPainterPath(QPointF(size * 0.28, size * 0.68))
    painter.drawPath(_mouth(mouth, size, _CURVE[score]))
    painter.end()
    return pixmap


def _mouth(path: QPainterPath, size: int, curve: float) -> QPainterPath:
    path.quadTo(QPointF(size * 0.5, size * (0.68 + 2 * curve)), QPointF(size * 0.72, size * 0.68))
    return path


def face_icon(score: int) -> QIcon:
    return QIcon(face_pixmap(score))
