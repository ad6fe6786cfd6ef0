"""The Excel report: opens with openpyxl, states the figures and has a native chart."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import Engine

from dx_planner.progress_report.render_xlsx import DATA_SHEET, REPORT_SHEET
from dx_planner.progress_report.service import write_report
from tests.dx_planner.progress_report.builders import Q


def test_xlsx_report_opens_and_has_its_chart(report_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(report_engine, Q, path)
    workbook = load_workbook(BytesIO(path.read_bytes()))
    assert workbook.sheetnames == [REPORT_SHEET, DATA_SHEET]
    sheet = workbook[REPORT_SHEET]
    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row
             if cell.value is not None]
    assert texts[0] == "進捗状況(2021年10~12月・FY2021Q3):ワンストップオンライン手続プロジェクト"
    assert any("これまでで計4手続のデジタル化が実現しました。" in t for t in texts)
    assert "補助金申請のデジタル化について" in texts
    charts = sheet._charts  # openpyxl reads charts back
    assert len(charts) == 1
    assert len(charts[0].series) == 4
    data = workbook[DATA_SHEET]
    rows = list(data.iter_rows(values_only=True))
    assert rows[0][:3] == ("四半期", "期間", "実績(累計)")
    by_quarter = {row[0]: row for row in rows[1:]}
    assert by_quarter["FY2021Q3"][2:5] == (7, 8, 7)
    assert by_quarter["FY2021Q4"][2] is None


def test_xlsx_tables_keep_numbers_as_numbers(report_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(report_engine, Q, path)
    sheet = load_workbook(path)[REPORT_SHEET]
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value == "福祉保健局"}
    bureau = rows["福祉保健局"]
    assert [cell.value for cell in bureau[1:4]] == [3, 1, 1 / 3]
    assert bureau[3].number_format == "0.0%"


def test_xlsx_report_prints_one_a4_page_wide(report_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(report_engine, Q, path)
    sheet = load_workbook(path)[REPORT_SHEET]
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
