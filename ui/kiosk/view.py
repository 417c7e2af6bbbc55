"""The kiosk's layout: its pages, its buttons, its style. Layout and styling only.

:class:`KioskLayout` builds the widgets of :class:`ui.kiosk.window.KioskWindow`
(which wires them and owns every rule); nothing here talks to the database or
decides what a tap does.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from app.queue.kiosk import KioskService
from ui.kit.banner import DatabaseBanner
from ui.kit.fit import fit_text, whole_pixels
from ui.kit.i18n import WindowText
from ui.kit.keypad import Keypad
from ui.kit.plain import PlainLabel
from ui.kit.worker import DbWorker

STYLE = """
KioskWindow { background: #eef2f7; }
QLabel { color: #1a2433; }
QWidget#header { background: #0d47a1; }
QLabel#office { color: white; font-size: 26px; font-weight: bold; }
QPushButton#language { background: white; color: #0d47a1; border-radius: 10px;
    font-size: 20px; font-weight: bold; padding: 10px 22px; }
QLabel#title { font-size: 34px; font-weight: bold; }
QLabel#subtitle { font-size: 20px; color: #37474f; }
QPushButton[kind="service"] { background: #1565c0; border: none; border-radius: 16px; }
QPushButton[kind="service"]:pressed { background: #0d47a1; }
QPushButton[kind="service"]:disabled { background: #b0bec5; }
QPushButton[kind="service"] QLabel { color: white; background: transparent; }
QLabel#prefix { font-size: 54px; font-weight: bold; min-width: 80px; }
QLabel#service_name { font-size: 28px; font-weight: bold; }
QLabel#service_detail { font-size: 20px; }
QPushButton#pickup { background: #2e7d32; color: white; border: none; border-radius: 16px;
    font-size: 30px; font-weight: bold; padding: 24px; }
QPushButton#pickup:pressed { background: #1b5e20; }
QPushButton#pickup:disabled { background: #b0bec5; }
QPushButton#booking { background: #6a1b9a; color: white; border: none; border-radius: 16px;
    font-size: 30px; font-weight: bold; padding: 24px; }
QPushButton#booking:pressed { background: #4a148c; }
QPushButton#booking:disabled { background: #b0bec5; }
QPushButton#pickup_priority { background: white; color: #6a1b9a; border: 3px solid #6a1b9a;
    border-radius: 12px; font-size: 24px; font-weight: bold; padding: 15px 30px; }
QPushButton#pickup_priority:checked { background: #6a1b9a; color: white; }
QPushButton[kind="action"] { background: #1565c0; color: white; border: none;
    border-radius: 12px; font-size: 24px; font-weight: bold; padding: 18px 36px; }
QPushButton[kind="action"]:disabled { background: #b0bec5; }
QPushButton[kind="secondary"] { background: white; color: #1565c0; border: 2px solid #1565c0;
    border-radius: 12px; font-size: 24px; font-weight: bold; padding: 16px 36px; }
Keypad QPushButton { background: white; border: 1px solid #90a4ae; border-radius: 10px;
    font-size: 26px; font-weight: bold; color: #1a2433; min-height: 64px; }
Keypad#phone_keypad QPushButton { min-height: 52px; }
Keypad QPushButton:pressed { background: #bbdefb; }
Keypad QPushButton#key_ok, Keypad QPushButton#phone_key_ok { background: #2e7d32;
    color: white; border: none; }
Keypad QPushButton:disabled { color: #90a4ae; }
QLineEdit#entry, QLineEdit#phone_entry { font-size: 36px; font-weight: bold; padding: 10px;
    border: 2px solid #1565c0; border-radius: 10px; background: white; letter-spacing: 2px; }
QLabel#number { font-size: 150px; font-weight: bold; color: #0d47a1; }
QLabel#ticket_text { font-size: 26px; }
QLabel#message_title, QLabel#unprinted_title { font-size: 40px; font-weight: bold;
    color: #0d47a1; }
QLabel#unprinted_title { color: #b71c1c; }
QLabel#message_body, QLabel#unprinted_body { font-size: 28px; }
QLabel#message_hint { font-size: 22px; color: #37474f; }
QLabel#phone_problem { font-size: 24px; font-weight: bold; color: #b71c1c; }
QLabel#preview { background: white; border: 1px solid #cfd8dc; }
QLabel#status { font-size: 20px; color: #37474f; }
QLabel#banner { background: #c62828; color: white; font-size: 22px; font-weight: bold;
    padding: 10px; }
QPushButton[kind="service"] { min-height: 120px; }
QPushButton#pickup, QPushButton#booking { min-height: 110px; }
"""


def _label(text: str, name: str, parent: QWidget, *, wrap: bool = False,
           centre: bool = False) -> QLabel:
    label = PlainLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    if centre:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _button(name: str, kind: str, parent: QWidget) -> QPushButton:
    button = FitButton(parent)
    button.setObjectName(name)
    button.setProperty("kind", kind)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


ONE_LINE_SHRINK = 0.9  # a text stays on one line if it fits at this share of its size


class FitButton(QPushButton):
    """A button whose words always fit it, whatever the screen and the language: on one
    line at the style's size when they can, else on two lines, else smaller. Painted
    here (a QPushButton would cut them at both ends); :meth:`text` stays the whole text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font = QFont(self.font())
        self._lines: tuple[str, ...] = ()

    @property
    def shown(self) -> tuple[QFont, tuple[str, ...]]:
        """The font and the lines the text is drawn with."""
        return self._font, self._lines

    def text_room(self) -> QRect:
        """The inside of the button, less the style's border and padding."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents,
                                           option, self)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        """On one line at the style's size or a little smaller, else on two lines
        (broken where they are most even; a ``·`` at the break is dropped), else the
        same a pixel smaller, and so on."""
        base, text, width = self.font(), self.text(), self.text_room().width()
        size = base.pixelSize() if base.pixelSize() > 0 else QFontMetrics(base).height()
        font, lines = (QFont(base), (text,)) if width <= 0 else fit_text(
            text, base, width, size, lines=2, drop="·", measure=whole_pixels,
            one_line_from=max(1, math.ceil(size * ONE_LINE_SHRINK)))
        if (font, lines) != (self._font, self._lines):
            grew = len(lines) != len(self._lines) or font != self._font
            self._font, self._lines = font, lines
            if grew:
                self.updateGeometry()
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As tall as its lines need (a second line makes it taller)."""
        hint = super().sizeHint()
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, 1000, 1000)
        frame = 1000 - self.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, self).height()
        need = QFontMetrics(self._font).lineSpacing() * max(1, len(self._lines)) + frame
        return QSize(hint.width(), max(hint.height(), need))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.setFont(self._font)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(self.text_room(), Qt.AlignmentFlag.AlignCenter,
                         "\n".join(self._lines))
        painter.end()


def scaled_style(style: str, scale: float) -> str:
    """``style`` with every pixel size multiplied by ``scale``."""
    return re.sub(r"(\d+)px", lambda m: f"{max(1, round(int(m.group(1)) * scale))}px", style)


class ServiceButton(WindowText, QPushButton):
    """One service: its letter, its name in the chosen language, and how busy it is."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"service_{service.code}")
        self.setProperty("kind", "service")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(20)
        self._prefix = _label("", "prefix", self)
        self._name = _label("", "service_name", self, wrap=True)
        self._detail = _label("", "service_detail", self)
        texts = QVBoxLayout()
        texts.addStretch(1)
        texts.addWidget(self._name)
        texts.addWidget(self._detail)
        texts.addStretch(1)
        row.addWidget(self._prefix)
        row.addLayout(texts, 1)
        for label in (self._prefix, self._name, self._detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.service = service
        self.show_service(service)

    def show_service(self, service: KioskService) -> None:
        self.service = service
        self._prefix.setText(service.prefix)
        self._name.setText(service.name(self.language))
        if service.full:
            self._detail.setText(self.tr("Full for today"))
        else:
            self._detail.setText(self.tr("{count} waiting").format(count=service.waiting))
        self.setAccessibleName(f"{self._name.text()}: {self._detail.text()}")

    @property
    def detail(self) -> str:
        return self._detail.text()

    @property
    def name_text(self) -> str:
        return self._name.text()


class KioskLayout(QWidget):
    """The kiosk's widgets: header, database banner, the five pages, the status line."""

    def scale_layouts(self, scale: float) -> None:
        """Every layout's margins and spacing at ``scale`` of what they were built with,
        so a small screen (half of one in ``loket demo``) gets smaller gaps along with
        smaller type, not tiles squeezed into each other."""
        for layout in self.findChildren(QLayout):
            base = layout.property("base_spacing")
            if base is None:
                margins = layout.contentsMargins()
                layout.setProperty("base_margins", [margins.left(), margins.top(),
                                                    margins.right(), margins.bottom()])
                layout.setProperty("base_spacing", layout.spacing())
                base = layout.spacing()
            layout.setContentsMargins(*(round(m * scale)
                                        for m in layout.property("base_margins")))
            if int(base) >= 0:
                layout.setSpacing(round(int(base) * scale))

    def _build(self, worker: DbWorker) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # The screen decides the size, not the pages' minimums: sizes scale with it
        # (resizeEvent), so a small screen gets smaller type rather than a window
        # taller than the screen.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        header = QWidget(self)
        header.setObjectName("header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        bar = QHBoxLayout(header)
        bar.setContentsMargins(28, 14, 28, 14)
        self._office = _label("", "office", header)
        self._language = _button("language", "language", header)
        bar.addWidget(self._office, 1)
        bar.addWidget(self._language)
        outer.addWidget(header)

        # Applicants read it: the wording without the technical reason.
        self._banner = DatabaseBanner(worker, self, show_reason=False)
        outer.addWidget(self._banner)

        self._pages = QStackedWidget(self)
        self._start = self._build_start()
        self._pickup = self._build_pickup()
        self._ticket_page = self._build_ticket()
        self._message_page = self._build_message()
        self._unprinted = self._build_unprinted()
        for page in (self._start, self._pickup, self._ticket_page, self._message_page,
                     self._unprinted):
            self._pages.addWidget(page)
        outer.addWidget(self._pages, 1)

        self._status = _label("", "status", self, centre=True)
        self._status.setContentsMargins(0, 6, 0, 12)
        outer.addWidget(self._status)

    def _page(self, name: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self)
        page.setObjectName(name)
        column = QVBoxLayout(page)
        column.setContentsMargins(40, 24, 40, 16)
        column.setSpacing(18)
        return page, column

    def _build_start(self) -> QWidget:
        page, column = self._page("start_page")
        self._start_title = _label("", "title", page, centre=True)
        self._start_subtitle = _label("", "subtitle", page, wrap=True, centre=True)
        column.addWidget(self._start_title)
        column.addWidget(self._start_subtitle)
        self._services = QGridLayout()
        self._services.setSpacing(18)
        column.addLayout(self._services, 1)
        self._pickup_button = _button("pickup", "pickup", page)
        self._booking_button = _button("booking", "pickup", page)
        for button in (self._booking_button, self._pickup_button):  # halves of the row
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        row = QHBoxLayout()
        row.setSpacing(18)
        row.addWidget(self._booking_button, 1)
        row.addWidget(self._pickup_button, 1)
        column.addLayout(row)
        return page

    def _build_pickup(self) -> QWidget:
        """The typed entry: a pickup slip's application number, or a booking's code."""
        page, column = self._page("pickup_page")
        self._pickup_title = _label("", "title", page, centre=True)
        self._pickup_hint = _label("", "subtitle", page, wrap=True, centre=True)
        self._entry = QLineEdit(page)
        self._entry.setObjectName("entry")
        self._entry.setMaxLength(32)
        self._entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._keypad = Keypad(page)
        self._pickup_back = _button("pickup_back", "secondary", page)
        # Elderly, disabled, pregnant: checked before the scan, shown only when the
        # office has a priority pickup queue open today.
        self._pickup_priority = _button("pickup_priority", "priority", page)
        self._pickup_priority.setCheckable(True)
        self._pickup_priority.hide()
        column.addWidget(self._pickup_title)
        column.addWidget(self._pickup_hint)
        column.addWidget(self._entry)
        column.addWidget(self._keypad, 1)
        row = QHBoxLayout()
        row.addWidget(self._pickup_back)
        row.addStretch(1)
        row.addWidget(self._pickup_priority)
        column.addLayout(row)
        return page

    def _build_ticket(self) -> QWidget:
        page, column = self._page("ticket_page")
        row = QHBoxLayout()
        texts = QVBoxLayout()
        self._ticket_title = _label("", "title", page, centre=True)
        self._number = _label("", "number", page, centre=True)
        self._ticket_service = _label("", "ticket_text", page, wrap=True, centre=True)
        self._ticket_ahead = _label("", "ticket_text", page, wrap=True, centre=True)
        self._ticket_hint = _label("", "subtitle", page, wrap=True, centre=True)
        self._ticket_done = _button("ticket_done", "action", page)
        # Optional, for a walk-in: be told by SMS/WhatsApp when the turn is near.
        self._near_offer = _button("near_offer", "secondary", page)
        self._near_offer.hide()
        texts.addStretch(1)
        for widget in (self._ticket_title, self._number, self._ticket_service,
                       self._ticket_ahead, self._ticket_hint):
            texts.addWidget(widget)
        texts.addSpacing(16)
        texts.addWidget(self._ticket_done, 0, Qt.AlignmentFlag.AlignHCenter)
        texts.addWidget(self._near_offer, 0, Qt.AlignmentFlag.AlignHCenter)
        texts.addStretch(1)
        self._preview = _label("", "preview", page, centre=True)
        row.addLayout(texts, 3)
        row.addWidget(self._preview, 2, Qt.AlignmentFlag.AlignCenter)
        column.addLayout(row, 1)
        return page

    def _build_message(self) -> QWidget:
        page, column = self._page("message_page")
        self._message_title = _label("", "message_title", page, wrap=True, centre=True)
        self._message_body = _label("", "message_body", page, wrap=True, centre=True)
        self._message_hint = _label("", "message_hint", page, wrap=True, centre=True)
        self._message_back = _button("message_back", "action", page)
        column.addStretch(1)
        column.addWidget(self._message_title)
        column.addWidget(self._message_body)
        column.addWidget(self._message_hint)
        column.addSpacing(20)
        column.addWidget(self._message_back, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return page

    def _build_unprinted(self) -> QWidget:
        page, column = self._page("unprinted_page")
        self._unprinted_title = _label("", "unprinted_title", page, wrap=True, centre=True)
        self._unprinted_body = _label("", "unprinted_body", page, wrap=True, centre=True)
        self._reprint = _button("reprint", "action", page)
        self._cancel = _button("cancel_ticket", "secondary", page)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._reprint)
        row.addSpacing(24)
        row.addWidget(self._cancel)
        row.addStretch(1)
        column.addStretch(1)
        column.addWidget(self._unprinted_title)
        column.addWidget(self._unprinted_body)
        column.addSpacing(20)
        column.addLayout(row)
        column.addStretch(2)
        return page
