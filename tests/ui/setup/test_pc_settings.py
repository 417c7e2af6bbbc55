"""This PC's settings on the Qt side: an older Loket's QSettings copied into loket.ini
once, and the printers Qt's print system offers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.setup.pc_settings import PcSettings
from ui.setup import pc_settings


def _old_store(tmp_path: Path) -> QSettings:
    """What a PC set up by an older Loket has: its settings in Qt's store."""
    store = QSettings(str(tmp_path / "Loket.conf"), QSettings.Format.IniFormat)
    store.setValue("counter/number", 3)
    store.setValue("ui/language", "en")
    store.setValue("kiosk/printer", "EPSON TM-T82")
    store.setValue("kiosk/paper_mm", 58)
    store.setValue("display/speak_english", True)
    store.sync()
    return store


def test_an_upgraded_pc_keeps_its_settings_copied_once(tmp_path: Path) -> None:
    store = _old_store(tmp_path)
    pc = PcSettings(tmp_path / "loket.ini")
    copied = pc_settings.import_from_qsettings(store, pc)
    assert set(copied) == {"counter", "language", "printer", "paper_mm", "speak_english"}
    assert (pc.counter, pc.language, pc.printer, pc.paper_width_mm, pc.speak_english) == (
        3, "en", "EPSON TM-T82", 58, True)
    # Then never again: a setting removed afterwards stays removed, whatever the old
    # store still holds (and another start reads it from a new QSettings object).
    pc.printer = None
    again = QSettings(str(tmp_path / "Loket.conf"), QSettings.Format.IniFormat)
    assert pc_settings.import_from_qsettings(again, pc) == {}
    assert pc.printer is None and again.value("kiosk/printer") == "EPSON TM-T82"


def test_loket_ini_wins_and_bad_old_values_stay_behind(tmp_path: Path) -> None:
    store = _old_store(tmp_path)
    store.setValue("kiosk/paper_mm", 57)  # read as "not set" by the older Loket too
    pc = PcSettings(tmp_path / "loket.ini")
    pc.counter = 5  # set with loket pc before the first start of the windows
    copied = pc_settings.import_from_qsettings(store, pc)
    assert "counter" not in copied and "paper_mm" not in copied
    assert pc.counter == 5 and pc.paper_width_mm == 80 and pc.language == "en"


def test_a_new_pc_has_nothing_to_copy(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "Loket.conf"), QSettings.Format.IniFormat)
    pc = PcSettings(tmp_path / "loket.ini")
    assert pc_settings.import_from_qsettings(store, pc) == {}
    assert not (tmp_path / "loket.ini").exists()  # nothing written for nothing


def test_printer_names_come_from_qt() -> None:
    names = pc_settings.printer_names()
    assert names == sorted(names) and all(isinstance(n, str) for n in names)
