"""Words fitted to their box (:mod:`ui.kit.fit`), as the lobby display and the kiosk
use it: never wider than the box, never larger than the size asked for, on two lines
only when one line would be too small, and broken where the lines are most even."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from ui.kit.fit import Lines, advance, fit_text, largest, line_choices, sized, whole_pixels, widest

BASE = 30
ONE_LINE_FROM = math.ceil(BASE * 0.9)  # the kiosk's: one line down to 90 % of the size
LONG_WORD = "Mempertanggungjawabkan"  # 22 letters, no place to break it
TEXTS = [LONG_WORD, f"Loket 4 {LONG_WORD}", "B · Pengambilan Paspor Tertunda",
         "Pengambilan paspor", "Gangguan sistem"]
WIDTHS = range(40, 900, 23)


def _font(qapp: QApplication) -> QFont:
    return sized(qapp.font(), BASE, bold=True)


def _kiosk(text: str, font: QFont, width: int) -> tuple[QFont, Lines]:
    return fit_text(text, font, width, BASE, lines=2, drop="·", measure=whole_pixels,
                    one_line_from=ONE_LINE_FROM)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_long_indonesian_word_never_exceeds_the_width_nor_grows(
        qapp: QApplication, width: int) -> None:
    base = _font(qapp)
    for text in TEXTS:
        one_line = fit_text(text, base, width, BASE)
        assert one_line[1] == (text,)
        for (font, lines), measure in ((one_line, advance), (_kiosk(text, base, width),
                                                              whole_pixels)):
            assert widest(font, lines, measure) <= width, (text, lines, font.pixelSize())
            assert 1 <= font.pixelSize() <= BASE, (text, font.pixelSize())
            assert font.bold() and font.family() == base.family()
            assert "".join(lines).replace(" ", "") == text.replace(" ", "") \
                or "·" in text, lines


def test_the_font_never_grows_past_the_size_asked_for(qapp: QApplication) -> None:
    base = sized(qapp.font(), 12)
    for text in TEXTS:
        font, lines = fit_text(text, base, 5000, BASE, lines=2)
        assert (font.pixelSize(), lines) == (BASE, (text,))
        # A size for each layout (the display's: a line of two is half the box).
        font, lines = fit_text(text, base, 5000, lambda lines: 40 // len(lines), lines=2)
        assert (font.pixelSize(), lines) == (40, (text,))


@pytest.mark.parametrize("width", WIDTHS)
def test_two_lines_only_when_one_does_not_fit_at_the_smallest_one_line_size(
        qapp: QApplication, width: int) -> None:
    base = _font(qapp)
    at_floor = sized(base, ONE_LINE_FROM)
    for text in TEXTS:
        font, lines = _kiosk(text, base, width)
        fits_one_line = whole_pixels(at_floor, text) <= width
        if fits_one_line:
            assert lines == (text,) and font.pixelSize() >= ONE_LINE_FROM, (text, lines)
        if len(lines) == 2:
            assert not fits_one_line, text
        elif font.pixelSize() < ONE_LINE_FROM:  # smaller on one line: two were no larger
            larger = sized(base, font.pixelSize() + 1)
            assert all(widest(larger, split, whole_pixels) > width
                       for split in line_choices(text, 2, drop="·")[1:]), (text, font)


def test_a_text_is_broken_where_its_lines_are_most_even_and_the_dot_left_out(
        qapp: QApplication) -> None:
    base = _font(qapp)
    text = "B · Pengambilan Paspor Tertunda"
    width = int(whole_pixels(base, "B · Pengambilan Paspor") - 1)  # too narrow for one line
    font, lines = _kiosk(text, base, width)
    assert lines == ("B · Pengambilan", "Paspor Tertunda"), lines
    assert font.pixelSize() == BASE
    font, lines = _kiosk("Pengambilan · Paspor", base,
                         int(whole_pixels(base, "Pengambilan · Paspor") * 0.8))
    assert lines == ("Pengambilan", "Paspor")  # no "·" to start or end a line
    # Where the dot is not to be dropped (the display's names), it stays.
    assert line_choices("Loket · 4", 2) == [("Loket · 4",), ("Loket", "· 4"), ("Loket ·", "4")]
    assert line_choices("Loket 4 Prioritas", 1) == [("Loket 4 Prioritas",)]


def test_what_fits_can_include_the_height(qapp: QApplication) -> None:
    """The display's way: its own test of the box (here: the lines' height too) and a
    first guess from the width, from a start as large as a called number."""
    base = _font(qapp)
    width, height = 300, 90

    def fits(font: QFont, lines: Lines) -> bool:
        metrics = QFontMetricsF(font)
        return widest(font, lines) <= width and metrics.height() * len(lines) <= height

    font, lines = fit_text(f"Loket 4 {LONG_WORD}", base, width, 200, lines=2, fits=fits,
                           jump=True)
    assert fits(font, lines) and len(lines) == 2
    assert not fits(sized(font, font.pixelSize() + 3), lines)


def test_nothing_fits_one_pixel_a_layout_that_fits_comes_first(qapp: QApplication) -> None:
    base = _font(qapp)
    text = "Loket 4 Prioritas"
    tiny = sized(base, 1)
    width = max(advance(tiny, line) for line in ("Loket 4", "Prioritas"))
    assert advance(tiny, text) > width
    font, lines = fit_text(text, base, width, BASE, lines=2)
    assert (font.pixelSize(), lines) == (1, ("Loket 4", "Prioritas"))
    font, lines = fit_text(text, base, 1, BASE, lines=2)  # nothing fits: the text whole
    assert (font.pixelSize(), lines) == (1, (text,))


def test_largest_goes_down_a_pixel_at_a_time_from_the_start(qapp: QApplication) -> None:
    base = _font(qapp)
    seen: list[int] = []

    def fits(font: QFont) -> bool:
        seen.append(font.pixelSize())
        return font.pixelSize() <= 17

    assert largest(base, ("x",), 20, fits).pixelSize() == 17
    assert seen == [20, 19, 18, 17]
    assert largest(base, ("x",), 0, fits).pixelSize() == 1  # never below a pixel
