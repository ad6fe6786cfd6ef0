"""Workbooks that went through a real spreadsheet program: LibreOffice opens and saves them
(shared strings, its own XML), and the import reads them as before. The advice given for a
formula without a saved value ("open the file in Excel or LibreOffice and save it") works."""

from __future__ import annotations

from pathlib import Path

import pytest

from dx_planner.cli.main import main
from tests.helpers.pdf_pages import convert
from tests.helpers.workbooks import process_row, sheet_rows, write_workbook


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.db"
    assert main(["--db", str(path), "demo", "--processes", "400", "--seed", "8"]) == 0
    return path


def test_an_export_saved_by_libreoffice_imports_unchanged(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported = tmp_path / "inventory.xlsx"
    assert main(["--db", str(db), "export-inventory", str(exported)]) == 0
    saved = convert(exported, tmp_path, "xlsx:Calc MS Excel 2007 XML")
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(saved)]) == 0
    assert "0 added, 0 updated, 0 deleted, 400 unchanged" in capsys.readouterr().out


def test_a_formula_saved_by_libreoffice_imports_its_value(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    written = write_workbook(tmp_path / "formula.xlsx",
                             [process_row("F-1", 年間申請件数="=2*3")])
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(written)]) == 1  # no saved value yet
    saved = convert(written, tmp_path, "xlsx:Calc MS Excel 2007 XML")
    assert main(["--db", str(db), "import", str(saved)]) == 0
    assert "1 added" in capsys.readouterr().out
    exported = tmp_path / "check.xlsx"
    assert main(["--db", str(db), "export-inventory", str(exported)]) == 0
    volumes = {row[0]: row[7] for row in sheet_rows(exported, "手続一覧")[1:]}
    assert volumes["F-1"] == 6
