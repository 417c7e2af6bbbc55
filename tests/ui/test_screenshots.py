"""The README's screenshots come from one script, ``python -m docs.screenshots``: here it
runs (the same code, each scene in a process of its own, offscreen) for some of its
scenes at each screen size, and every picture it promises is there, screen-sized and
not blank; no widget reached past its window. The whole set (all scenes) is what
``docs/screens/`` holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from docs.screenshots import SHOTS, SIZES, size_name
from docs.screenshots.run import OUT, take
from docs.screenshots.stage import outside

# The whole set takes over a minute; at each size the display (its own painting, the
# size that changes most) and a scene that draws dialogs: over their window (the
# counter's handover) and alone on the desktop (the set-up wizard).
SCENES = {(1366, 768): ("display", "counter"), (1920, 1080): ("display", "setup")}


def _colours(path: Path) -> int:
    """How many colours the picture has (65,537 meaning more than 65,536)."""
    with Image.open(path) as image:
        found = image.convert("RGB").getcolors(maxcolors=1 << 16)
    return (1 << 16) + 1 if found is None else len(found)


@pytest.mark.parametrize("size", SIZES, ids=size_name)
def test_the_script_saves_every_window_of_its_scenes(tmp_path: Path,
                                                     size: tuple[int, int]) -> None:
    scenes = SCENES[size]
    outcome = take(list(scenes), [size], tmp_path)
    assert outcome.failed == []
    assert outcome.missing == []
    assert outcome.past_the_window == []
    for scene in scenes:
        for name in SHOTS[scene]:
            path = tmp_path / size_name(size) / f"{name}.png"
            with Image.open(path) as image:
                assert image.size == size, path.name
            assert _colours(path) > 16, f"{path.name} is (nearly) blank"


def test_a_widget_past_its_window_is_named(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(200, 100)
    QLabel("inside", window).setGeometry(10, 10, 100, 20)
    wide = QLabel("too wide", window)
    wide.setObjectName("wide")
    wide.setGeometry(150, 40, 100, 20)
    window.show()
    assert [line.split()[:2] for line in outside(window)] == [["QLabel", "'wide'"]]


def test_the_committed_pictures_are_the_scripts_whole_set() -> None:
    promised = sorted(name for names in SHOTS.values() for name in names)
    for size in SIZES:
        folder = OUT / size_name(size)
        assert sorted(p.stem for p in folder.glob("*.png")) == promised, folder.name


def test_the_readme_shows_only_pictures_that_exist() -> None:
    root = OUT.parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((docs/[^)]+\.png)\)", readme)
    assert any(link.startswith("docs/screens/") for link in links)
    assert [link for link in links if not (root / link).is_file()] == []
