"""Words fitted to their box: the largest pixel size at which a text fits, on one line or
broken in two where the lines are most even. Nothing is cut off or elided: a text too
long for its box gets smaller, never shorter.

One mechanism for every window that sizes its words to its screen: the lobby display's
labels (:class:`ui.display.board_view.FitLabel`, which also keeps the ink inside the
box's height) and the kiosk's buttons (:class:`ui.kiosk.view.FitButton`, which keeps a
text on one line while it fits at 90 % of its size).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF

Lines = tuple[str, ...]
Advance = Callable[[QFont, str], float]


def advance(font: QFont, text: str) -> float:
    """How far ``text`` takes the pen, in pixels (fractions of a pixel included)."""
    return QFontMetricsF(font).horizontalAdvance(text)


def whole_pixels(font: QFont, text: str) -> float:
    """:func:`advance` in whole pixels, as Qt lays out a widget's text."""
    return QFontMetrics(font).horizontalAdvance(text)


def widest(font: QFont, lines: Iterable[str], measure: Advance = advance) -> float:
    """The longest of ``lines`` in ``font`` (0 for none)."""
    return max((measure(font, line) for line in lines), default=0.0)


def sized(font: QFont, px: float, *, bold: bool | None = None) -> QFont:
    """A copy of ``font`` ``px`` pixels high (at least 1), bold or not if said."""
    font = QFont(font)
    font.setPixelSize(max(1, int(px)))
    if bold is not None:
        font.setBold(bold)
    return font


def line_choices(text: str, lines: int = 1, *, drop: str = "") -> list[Lines]:
    """How ``text`` may be laid out: whole, and with ``lines=2`` broken in two after each
    word (``drop``'s characters, a ``·`` between a letter and a name, are left out at
    the break)."""
    choices: list[Lines] = [(text,)]
    if lines >= 2:
        words = text.split()
        edge = " " + drop
        choices += [(" ".join(words[:i]).strip(edge), " ".join(words[i:]).strip(edge))
                    for i in range(1, len(words))]
    return choices


def largest(font: QFont, lines: Lines, start: int, fits: Callable[[QFont], bool], *,
            width: float | None = None, measure: Advance = advance) -> QFont:
    """``font`` at the first pixel size from ``start`` down at which ``fits`` holds (1 px
    when none does). With ``width``, the search starts where the widest line would be
    ``width`` wide, so a large start is not measured a pixel at a time."""
    px = max(1, start)
    font = sized(font, px)
    if width is not None and width > 0:
        need = widest(font, lines, measure)
        if need > width:
            px = max(1, int(px * width / need))
            font.setPixelSize(px)
    while px > 1 and not fits(font):
        px -= 1
        font.setPixelSize(px)
    return font


def fit_text(text: str, font: QFont, width: float, start: int | Callable[[Lines], int], *,
             lines: int = 1, drop: str = "", one_line_from: int | None = None,
             fits: Callable[[QFont, Lines], bool] | None = None, jump: bool = False,
             measure: Advance = advance) -> tuple[QFont, Lines]:
    """``text`` in a box ``width`` pixels wide: the font (``font`` at another pixel size)
    and the lines to draw.

    The text is as large as it fits, no larger than ``start`` pixels (or ``start(lines)``
    for each way of laying it out); with ``lines=2`` it may be broken in two where that
    makes it larger, at one size one line before two and the most even break first. It
    stays on one line whenever that line fits at ``one_line_from`` pixels or more.
    ``fits`` decides what fitting is (by default: no line wider than ``width``); ``jump``
    starts each search at the size the width allows (see :func:`largest`)."""
    def test(choice: Lines) -> Callable[[QFont], bool]:
        if fits is not None:
            return lambda candidate: fits(candidate, choice)
        return lambda candidate: widest(candidate, choice, measure) <= width

    def sized_for(choice: Lines) -> tuple[QFont, Lines]:
        top = start(choice) if callable(start) else start
        return largest(font, choice, top, test(choice), width=width if jump else None,
                       measure=measure), choice

    def fitted(found: tuple[QFont, Lines]) -> bool:
        """Whether it fits: a search stops above 1 px only where it does."""
        return found[0].pixelSize() > 1 or test(found[1])(found[0])

    def rank(found: tuple[QFont, Lines]) -> tuple[int, bool, int, float]:
        """Larger first; at one size, one that fits (at 1 px some may not), fewer
        lines, then the most even ones."""
        return (found[0].pixelSize(), fitted(found), -len(found[1]),
                -widest(*found, measure))

    whole, *broken = line_choices(text, lines, drop=drop)
    one = sized_for(whole)
    if one_line_from is not None and one[0].pixelSize() >= one_line_from and fitted(one):
        return one
    return max([one, *(sized_for(choice) for choice in broken)], key=rank)
