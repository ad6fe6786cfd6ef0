"""Hostile workbooks: refused early (before openpyxl parses them) with the limit named, or read
without wasting time on what is blank; formulas without a saved value never read as blanks."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from dx_planner.cli.main import main
from dx_planner.persistence.database import open_database
from dx_planner.workbook import limits
from dx_planner.workbook.problems import ImportFailed
from dx_planner.workbook.reader import read_raw_sheets
from tests.helpers.database import snapshot
from tests.helpers.workbooks import HEADERS, process_row, write_workbook
from tests.helpers.xlsx_parts import (
    MAIN,
    base_workbook,
    header_row,
    replace_parts,
    row,
    sheet_xml,
    text_cell,
)

SHEET1 = "xl/worksheets/sheet1.xml"
SHEET2 = "xl/worksheets/sheet2.xml"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.db"
    assert main(["--db", str(path), "demo", "--processes", "300", "--seed", "3"]) == 0
    return path


def _refused(db: Path, file: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``file``: exit 1, no traceback, the database untouched; returns stderr."""
    engine = open_database(db)
    before = snapshot(engine)
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(file)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert snapshot(engine) == before
    engine.dispose()
    return err


def _problems(path: Path) -> str:
    with pytest.raises(ImportFailed) as raised:
        read_raw_sheets(path)
    return str(raised.value)


def _repeat(chunk: bytes, total: int) -> Iterator[bytes]:
    block = chunk * max(1, 2**20 // len(chunk))
    written = 0
    while written < total:
        yield block
        written += len(block)


# -- zip bombs ----------------------------------------------------------------------
def test_one_huge_cell_is_refused_by_its_uncompressed_size(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_workbook(tmp_path / "bomb.xlsx")
    huge = limits.MAX_UNCOMPRESSED_BYTES + 2**20
    replace_parts(path, {SHEET1: sheet_xml([
        header_row(["手続ID", "手続名", "所管局"]),
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>', *_repeat(b"A", huge), b"</t></is></c></row>",
    ])})
    assert path.stat().st_size < 10 * 2**20  # a small file …
    err = _refused(db, path, capsys)  # … refused before anything unpacks it
    assert "bomb.xlsx / - / -: the workbook unpacks to" in err
    assert f"at most {limits.MAX_UNCOMPRESSED_BYTES // 2**20} MB is accepted" in err


def test_whitespace_bomb_is_refused_by_its_uncompressed_size(tmp_path: Path) -> None:
    path = base_workbook(tmp_path / "spaces.xlsx")
    replace_parts(path, {SHEET1: sheet_xml([
        header_row(["手続ID"]), *_repeat(b" ", limits.MAX_UNCOMPRESSED_BYTES + 1)])})
    assert "the workbook unpacks to" in _problems(path)


def test_a_cell_over_the_cell_limit_is_refused_with_its_place(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_workbook(tmp_path / "cell.xlsx")
    replace_parts(path, {SHEET1: sheet_xml([
        header_row(["手続ID", "手続名", "所管局"]),
        row(2, text_cell("A2", "P-1"), text_cell("B2", "x" * 5_000_000)),
    ])})
    err = _refused(db, path, capsys)
    assert ("手続一覧 / 2 / B: the cell holds 5,000,000 characters; a cell holds at most "
            "32,767") in err


def test_a_huge_shared_string_is_refused(tmp_path: Path) -> None:
    path = base_workbook(tmp_path / "shared.xlsx")
    shared = [f'<sst xmlns="{MAIN}"><si><t>'.encode(), b"y" * 100_000, b"</t></si></sst>"]
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1"/>'
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/>'
        b"</Relationships>")
    replace_parts(path, {"xl/sharedStrings.xml": shared, "xl/_rels/workbook.xml.rels": rels})
    assert "shared string 1 holds 100,000 characters; a cell holds at most 32,767" in \
        _problems(path)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = base_workbook(tmp_path / "laughs.xlsx")
    replace_parts(path, {SHEET1: (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'
        b'<worksheet xmlns="' + MAIN.encode() + b'"><sheetData/></worksheet>')})
    assert "contains a document type declaration" in _problems(path)


# -- sheet dimensions ---------------------------------------------------------------
def test_a_million_blank_rows_are_not_read(tmp_path: Path) -> None:
    """Excel's last row used by formatting only: the reader stops at the last value."""
    path = base_workbook(tmp_path / "blank.xlsx")
    data = [header_row(["手続ID", "手続名", "所管局"]),
            row(2, text_cell("A2", "P-1"), text_cell("B2", "届出"), text_cell("C2", "環境局"))]
    blank = (f'<row r="{n}"><c r="A{n}" s="0"/><c r="C{n}" t="inlineStr"><is><t> </t></is>'
             f"</c></row>".encode() for n in range(3, 1_048_577))
    replace_parts(path, {SHEET1: sheet_xml([*data, *blank], dimension="A1:XFD1048576")})
    sheets = read_raw_sheets(path)
    assert [number for number, _ in sheets["手続一覧"].rows] == [1, 2]
    assert all(len(cells) == 3 for _, cells in sheets["手続一覧"].rows)


def test_a_lying_dimension_is_not_read_either(tmp_path: Path) -> None:
    path = base_workbook(tmp_path / "dimension.xlsx")
    replace_parts(path, {SHEET1: sheet_xml([header_row(["手続ID", "手続名", "所管局"])],
                                           dimension="A1:XFD1048576")})
    assert [len(cells) for _, cells in read_raw_sheets(path)["手続一覧"].rows] == [3]


def test_too_many_rows_are_refused_with_the_limit(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_workbook(tmp_path / "rows.xlsx")
    last = limits.MAX_ROWS + 2
    rows = (row(n, f'<c r="A{n}"><v>{n}</v></c>'.encode()) for n in range(2, last + 1))
    replace_parts(path, {SHEET1: sheet_xml([header_row(["手続ID"]), *rows])})
    err = _refused(db, path, capsys)
    assert (f"手続一覧 / {last} / -: the sheet has values down to row {last:,}; at most "
            f"{limits.MAX_ROWS:,} rows are accepted") in err


def test_too_many_columns_are_refused_with_the_limit(tmp_path: Path) -> None:
    path = base_workbook(tmp_path / "columns.xlsx")
    replace_parts(path, {SHEET1: sheet_xml([
        header_row(["手続ID"]), row(2, b'<c r="XFD2"><v>1</v></c>')])})
    assert (f"手続一覧 / - / XFD: the sheet has values out to column XFD (16,384); at most "
            f"{limits.MAX_COLUMNS:,} columns are accepted") in _problems(path)


def test_too_many_cells_are_refused_with_the_limit(tmp_path: Path) -> None:
    path = base_workbook(tmp_path / "cells.xlsx")
    columns = limits.MAX_COLUMNS
    rows_needed = limits.MAX_CELLS // columns + 2
    corner = f"{_letters(columns)}{rows_needed}"
    replace_parts(path, {SHEET1: sheet_xml([
        header_row(["手続ID"]), row(rows_needed, f'<c r="{corner}"><v>1</v></c>'.encode())])})
    assert (f"the sheet's values span {rows_needed:,} rows × {columns:,} columns; at most "
            f"{limits.MAX_CELLS:,} cells are accepted") in _problems(path)


def _letters(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


# -- formulas -----------------------------------------------------------------------
def test_a_formula_without_a_saved_value_is_refused_not_read_as_blank(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """openpyxl writes formulas without a result: volume '=6' used to import as 0."""
    path = write_workbook(tmp_path / "formula.xlsx", [process_row("F-1", 年間申請件数="=6")])
    err = _refused(db, path, capsys)
    # Named by its header like every other cell, the letter beside it to find the cell.
    column = _letters(HEADERS.index("年間申請件数") + 1)
    assert (f"手続一覧 / 2 / 年間申請件数 ({column}): formula '=6' has no saved value (the "
            "program that wrote the file did not calculate it)") in err


def test_a_capacity_formula_without_a_value_does_not_delete_the_row(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "capacity.xlsx",
                          capacity=[["所管局", "FY2022Q1"], ["環境局", "=2+3"]])
    err = _refused(db, path, capsys)
    assert "局別処理能力 / 2 / FY2022Q1 (B): formula '=2+3' has no saved value" in err


def test_a_formula_is_named_by_the_header_below_a_title_row_or_by_its_letter(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The header row may sit below a title row; a cell above it, or in a column without a
    header, has only its letter."""
    path = write_workbook(tmp_path / "titled.xlsx", channels=[
        ["=\"申請基盤一覧\""], ["申請基盤", "利用開始", "FY2022Q1"],
        ["共同電子申請", "FY2021Q4", "=10*3", "=1"]])
    err = _refused(db, path, capsys)
    assert "申請基盤 / 1 / A: formula '=\"申請基盤一覧\"' has no saved value" in err
    assert "申請基盤 / 3 / FY2022Q1 (C): formula '=10*3' has no saved value" in err
    assert "申請基盤 / 3 / D: formula '=1' has no saved value" in err


def test_a_formula_with_its_saved_value_imports_the_value(tmp_path: Path) -> None:
    path = base_workbook(tmp_path / "cached.xlsx")
    replace_parts(path, {SHEET1: sheet_xml([
        header_row(["手続ID", "年間申請件数"]),
        row(2, text_cell("A2", "P-1"), b'<c r="B2"><f>2*3</f><v>6</v></c>'),
        row(3, text_cell("A3", "P-2"), b'<c r="B3" t="str"><f>""</f><v></v></c>'),
    ])})
    rows = read_raw_sheets(path)["手続一覧"].rows
    assert rows[1] == (2, ("P-1", 6))
    assert rows[2][1][0] == "P-2" and rows[2][1][1] in (None, "")  # a formula giving ""


# -- sheets ---------------------------------------------------------------------------
def test_a_renamed_process_sheet_is_refused_while_other_sheets_would_import(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "renamed.xlsx", [process_row("R-1")],
                          capacity=[["所管局", "FY2022Q1"], ["環境局", 3]])
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["手続一覧"].title = "手続一覧 (2)"
    workbook.save(path)
    err = _refused(db, path, capsys)
    assert ("手続一覧 (2) / - / -: this sheet has a 手続ID column but is not named 手続一覧 "
            "(or processes): rename it to import its processes, or delete it") in err


def test_other_sheets_with_ids_are_ignored_beside_the_process_sheet(tmp_path: Path) -> None:
    """The plan workbook has one sheet per bureau with 手続ID: its 手続一覧 still imports."""
    path = write_workbook(tmp_path / "plan-like.xlsx", [process_row("R-1")])
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.create_sheet("環境局").append(["手続ID", "手続名"])
    workbook.save(path)
    assert set(read_raw_sheets(path)) == {"手続一覧"}


# -- CSV ------------------------------------------------------------------------------
def test_a_csv_field_over_the_csv_module_limit_is_one_located_line(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["手続ID", "手続名", "所管局", "備考"],
                                      ["L-1", "届出", "環境局", "z" * 131_073]])
    err = _refused(db, path, capsys)
    assert err.splitlines()[-1] == (
        "手続一覧 / 2 / -: a field holds more than 32,767 characters (a cell holds at most "
        "32,767)")


def test_a_csv_with_too_many_rows_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("手続ID\n" + "x\n" * (limits.MAX_ROWS + 1), encoding="utf-8")
    assert f"at most {limits.MAX_ROWS:,} rows are accepted" in _problems(path)
