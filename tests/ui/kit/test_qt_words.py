"""Qt's own words (standard buttons, the file dialog, the print dialog) in the PC's
language: Loket ships their Indonesian (resources/translations/qt_id.ts), as Qt ships
none."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.helpers import WAIT
from ui.kit.application import create_application

# English words Qt would show on these dialogs untranslated.
ENGLISH = {"yes", "no", "cancel", "ok", "open", "save", "close", "name", "size", "type",
           "kind", "date", "modified", "file", "files", "folder", "look", "directory",
           "back", "forward", "parent", "detail", "list", "view", "all", "show", "hidden",
           "new", "choose", "details", "apply", "reset", "help", "discard", "retry"}
# Words the same in both languages.
SAME = {"ok", "folder"}


def _words(texts: list[str]) -> set[str]:
    return {w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t.replace("&", ""))}


def _shown_texts(widget: QWidget) -> list[str]:
    texts = [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisible()]
    texts += [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if model is not None and header.isVisible():
            texts += [str(model.headerData(i, header.orientation()))
                      for i in range(header.count()) if not header.isSectionHidden(i)]
    return texts


@pytest.fixture
def dialogs(indonesian: str) -> Iterator[QApplication]:
    yield create_application(["loket"])


def test_a_yes_no_question_has_no_english_button(dialogs: QApplication, qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Hapus data pribadi", "Lanjutkan?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    box.show()
    texts = [b.text().replace("&", "") for b in box.buttons()]
    assert sorted(texts) == ["Batal", "Tidak", "Ya"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Open
                               | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert not (_words([b.text() for b in buttons.buttons()]) & (ENGLISH - SAME))


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_the_file_dialogs_loket_uses_have_no_english_words(
        dialogs: QApplication, qtbot: QtBot, tmp_path: Path, mode: str) -> None:
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    (tmp_path / "cadangan.loketbak").write_bytes(b"x")
    dialog = QFileDialog(None, "Pilih berkas", str(tmp_path))
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = _shown_texts(dialog)
    assert texts  # the dialog is Qt's own, not the desktop's (which the test cannot read)
    english = _words(texts) & (ENGLISH - SAME)
    assert not english, f"English on the {mode} dialog: {sorted(english)} in {texts}"


# English words Qt's print dialog and its printer properties would show untranslated.
# (Paper sizes keep their standard names, as on a ream: "Letter", "Double Postcard".)
PRINT_ENGLISH = {"print", "printer", "properties", "options", "name", "location", "type",
                 "local", "file", "write", "output", "copies", "collate", "reverse", "range",
                 "pages", "page", "from", "to", "current", "selection", "color",
                 "sided", "printing", "settings", "paper", "size", "width", "height",
                 "orientation", "portrait", "landscape", "margins", "layout", "sheet", "order",
                 "job", "advanced", "all", "even", "odd", "set"}


def _all_texts(widget: QWidget) -> list[str]:
    """What a dialog shows, its hidden tabs and option panes included."""
    texts = [widget.windowTitle()]
    texts += [b.text() for b in widget.findChildren(QAbstractButton)]
    texts += [label.text() for label in widget.findChildren(QLabel)]
    texts += [box.title() for box in widget.findChildren(QGroupBox)]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t and t != "..."]


def test_the_print_dialog_and_its_printer_properties_are_indonesian(
        dialogs: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    """The reports page prints through Qt's own print dialog: every word on it, on its
    options and on the printer's properties (paper, margins) is Indonesian."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(tmp_path / "laporan.pdf"))
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()  # not exec(): the test reads it while it is open
    qtbot.waitExposed(dialog)
    options = next(b for b in dialog.findChildren(QPushButton) if b.text().endswith(">>"))
    qtbot.mouseClick(options, Qt.MouseButton.LeftButton)  # the copies and options tabs
    texts = _all_texts(dialog)
    assert {"&Cetak", "Batal", "Pencetak", "Rangkap"} <= set(texts)
    english = _words(texts) & PRINT_ENGLISH
    assert not english, f"English on the print dialog: {sorted(english)} in {texts}"

    # The printer's properties (paper size, orientation, margins) open modal: read them
    # from inside, then close them.
    shown: list[str] = []

    def read_properties() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or modal is dialog:
            QTimer.singleShot(50, read_properties)
            return
        shown.extend(_all_texts(modal))
        modal.close()

    properties = next(b for b in dialog.findChildren(QPushButton)
                      if b.objectName() == "properties")
    QTimer.singleShot(0, read_properties)
    qtbot.mouseClick(properties, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert {"Kertas", "Orientasi", "Tegak", "Mendatar"} <= set(shown)
    english = _words(shown) & PRINT_ENGLISH
    assert not english, f"English on the printer's properties: {sorted(english)} in {shown}"
