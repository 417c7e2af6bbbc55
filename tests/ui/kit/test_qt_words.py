"""Qt's own words (standard buttons, the file dialog) in the PC's language: Loket ships
their Indonesian (resources/translations/qt_id.ts), as Qt ships none."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

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
