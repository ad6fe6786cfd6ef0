from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook, load_workbook

from dx_planner.plan_workbook.fast_rows import FastSheet, splice_rows


def _write(tmp_path: Path, rows: list[list[object]], header: bool = True) -> Path:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("data")
    if header:
        sheet.append(["a", "b", "c"])
    other = workbook.create_sheet("other")
    other.append(["kept"])
    fast = FastSheet(sheet, first_row=2 if header else 1)
    count_style = fast.style(number_format="#,##0")
    for row in rows:
        fast.append(row, [0, count_style, 0])
    saved, final = tmp_path / "saved.xlsx", tmp_path / "final.xlsx"
    workbook.save(saved)
    splice_rows(saved, final, [fast])
    fast.close()
    return final


@pytest.mark.parametrize("header", [True, False])
def test_rows_are_spliced_into_their_sheet(tmp_path: Path, header: bool) -> None:
    path = _write(tmp_path, [["x", 1, 2.5], [None, np.int64(1234567), True]], header)
    workbook = load_workbook(path)
    rows = list(workbook["data"].iter_rows(values_only=True))
    assert rows[-2:] == [("x", 1, 2.5), (None, 1234567, True)]
    assert len(rows) == (3 if header else 2)
    assert workbook["data"].cell(len(rows), 2).number_format == "#,##0"
    assert list(workbook["other"].iter_rows(values_only=True)) == [("kept",)]


def test_text_stays_text_exactly(tmp_path: Path) -> None:
    texts = ["=SUM(A1:A2)", "+81-3-1234", "@x", "<b>&amp;</b>", "  padded  ", "改行\r\nあり",
             "tab\tok"]
    path = _write(tmp_path, [[text] for text in texts])
    sheet = load_workbook(path)["data"]
    cells = [sheet.cell(row, 1) for row in range(2, 2 + len(texts))]
    assert [cell.value for cell in cells] == texts
    assert all(cell.data_type == "s" for cell in cells)


def test_what_xml_or_excel_cannot_hold_is_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, [["a\x00b\x1fc"], [float("nan"), float("inf"), "z"]])
    rows = list(load_workbook(path)["data"].iter_rows(values_only=True))
    assert rows[1:] == [("abc", None, None), (None, None, "z")]
