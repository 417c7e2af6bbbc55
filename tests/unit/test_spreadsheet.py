"""The one CSV writer: formulas arrive as text, Indonesian Excel's separator and BOM."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import spreadsheet

HOSTILE = ["=HYPERLINK(\"http://x\",\"klik\")", "+62 812", "-2+3+cmd|' /C calc'!A0",
           "@SUM(A1:A9)", "\tTab", "\rCR", "=1+1"]


def test_cells_a_spreadsheet_would_run_arrive_as_text() -> None:
    table = spreadsheet.read_back(spreadsheet.to_bytes([HOSTILE]))
    assert table == [["'" + cell for cell in HOSTILE]]


def test_numbers_stay_numbers_and_plain_text_stays_as_it_is() -> None:
    row = [-5, 3.5, "-5", "-1.25", "Budi; \"Ani\"", "", None, "a=b", 0]
    assert spreadsheet.read_back(spreadsheet.to_bytes([row])) == [
        ["-5", "3.5", "-5", "-1.25", "Budi; \"Ani\"", "", "", "a=b", "0"]]


def test_the_dialect_indonesian_excel_opens() -> None:
    data = spreadsheet.to_bytes([["nama", "jumlah"], ["Café", 1]])
    assert data == "\ufeffnama;jumlah\r\nCafé;1\r\n".encode()


def test_a_file_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with spreadsheet.open_csv(target) as writer:
        writer.row(["=x", 1])
    assert spreadsheet.read_back(target.read_bytes()) == [["'=x", "1"]]
    broken = tmp_path / "broken.csv"
    with pytest.raises(RuntimeError), spreadsheet.open_csv(broken) as writer:
        writer.row(["half"])
        raise RuntimeError("the database went away")
    assert list(tmp_path.iterdir()) == [target]
