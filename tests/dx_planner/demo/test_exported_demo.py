"""`dx-planner demo` then `export-inventory`: the workbook itself states the report's figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.helpers.workbooks import sheet_rows


def _rows(path: Path) -> list[dict[str, object]]:
    rows = sheet_rows(path, "手続一覧")
    header = [str(cell) for cell in rows[0]]
    # Read-only mode leaves out a row's trailing empty cells.
    return [dict(zip(header, row + (None,) * (len(header) - len(row)), strict=True))
            for row in rows[1:]]


def test_the_exported_demo_has_the_calibrated_figures(demo_workbook_28k: Path) -> None:
    rows = _rows(demo_workbook_28k)
    assert len(rows) == 28_000
    major = [r for r in rows if r["主要手続"] == "○"]
    assert Counter(r["権限"] for r in major) == {"都": 119, "国": 31, "その他": 19}
    tokyo = [r for r in major if r["権限"] == "都"]
    assert sum(1 for r in tokyo if r["状況"] == "デジタル化済") == 71
    assert sum(1 for r in tokyo if r["デジタル化完了"] == "FY2021Q3") == 3
    assert sum(1 for r in tokyo if r["固定四半期"] == "FY2021Q4") == 31
    national = Counter(r["国の対応状況"] for r in major if r["権限"] == "国")
    assert national == {"時期提示": 7, "検討中": 13, "未検討": 11}
    subsidies = [r for r in rows if r["申請基盤"] == "jGrants"]
    assert len(subsidies) == 32 and {r["手続類型"] for r in subsidies} == {"補助金"}
    assert sum(1 for r in subsidies if r["状況"] == "デジタル化済") == 18
    assert sum(1 for r in subsidies if r["デジタル化完了"] == "FY2021Q3") == 6
    assert sum(1 for r in subsidies if r["固定四半期"] == "FY2021Q4") == 13
    in_scope = [r for r in rows if r["状況"] != "対象外"]
    early = [r for r in in_scope if r["状況"] == "デジタル化済"
             and str(r["デジタル化完了"]) < "FY2021Q3"]
    assert 0.04 <= len(early) / len(in_scope) <= 0.06

    channels = {row[0]: row[1] if len(row) > 1 else None
                for row in sheet_rows(demo_workbook_28k, "申請基盤")[1:]}
    assert channels["SaaS電子申請"] == "FY2021Q4"
