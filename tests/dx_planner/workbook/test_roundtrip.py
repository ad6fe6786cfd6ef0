from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from dx_planner.demo.load import load_demo
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.workbook.apply import export_workbook, import_workbook
from tests.helpers.database import snapshot
from tests.helpers.workbooks import process_row, write_workbook


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}
    finally:
        workbook.close()


def test_reimporting_an_export_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    load_demo(engine, 600, seed=3)
    before = snapshot(engine)
    path = tmp_path / "inventory.xlsx"
    assert export_workbook(engine, path) == 600
    summary = import_workbook(engine, path)
    assert (summary.added, summary.updated, summary.deleted, summary.unchanged) == (0, 0, 0, 600)
    assert snapshot(engine) == before


def test_export_import_into_a_new_database_is_an_exact_copy(engine: Engine,
                                                            tmp_path: Path) -> None:
    load_demo(engine, 600, seed=4)
    first = tmp_path / "first.xlsx"
    export_workbook(engine, first)
    copy = open_database(tmp_path / "copy.db", create=True)
    import_workbook(copy, first)
    second = tmp_path / "second.xlsx"
    export_workbook(copy, second)
    assert _cells(first) == _cells(second)
    with engine.connect() as a, copy.connect() as b:
        assert repository.load_inventory(a) == repository.load_inventory(b)
    copy.dispose()


@pytest.mark.parametrize("text", ["=1+1", "+81-3-1234", "-注意", "@SUM(A1)", "=HYPERLINK(\"x\")"])
def test_text_that_looks_like_a_formula_stays_text(engine: Engine, tmp_path: Path,
                                                   text: str) -> None:
    source = write_workbook(tmp_path / "in.xlsx", [process_row(備考=text)])
    # openpyxl would write "=…" in the source as a formula; make it a text cell.
    workbook = load_workbook(source)
    workbook["手続一覧"]["P2"].value = text
    workbook["手続一覧"]["P2"].data_type = "s"
    workbook.save(source)
    import_workbook(engine, source)
    out = tmp_path / "out.xlsx"
    export_workbook(engine, out)
    cell = load_workbook(out)["手続一覧"]["P2"]
    assert cell.value == text
    assert cell.data_type == "s"
    with engine.connect() as connection:
        assert repository.load_processes(connection)[0].notes == text


def test_headers_match_by_name_in_any_order_and_english_aliases(engine: Engine,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "aliases.xlsx"
    rows = [{"bureau": "環境局", "id": "X-1", "name": "届出", "effort": 0.5, "status": "digitized",
             "digitized_quarter": "2021年度第2四半期", "priority": "yes", "extra": "?"}]
    summary = import_workbook(
        engine, write_workbook(path, rows, headers=["bureau", "id", "name", "effort", "status",
                                                    "digitized_quarter", "priority", "extra"]))
    assert summary.added == 1
    assert any("extra" in warning for warning in summary.warnings)
    with engine.connect() as connection:
        process = repository.load_processes(connection)[0]
    assert (process.bureau, process.effort, process.priority) == ("環境局", 0.5, True)
    assert process.digitized_quarter is not None and process.digitized_quarter.code == "FY2021Q2"


def test_blank_rows_are_skipped_and_capacity_sheet_replaces_capacity(engine: Engine,
                                                                    tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "cap.xlsx", [process_row("A"), {}, process_row("B")],
                          capacity=[["所管局", "FY2021Q4", "FY2022Q1"], ["福祉保健局", 10, None]])
    assert import_workbook(engine, path).added == 2
    with engine.connect() as connection:
        bureaus = repository.load_bureaus(connection)
    assert bureaus[0].capacity == {next(iter(bureaus[0].capacity)): 10.0}


def test_csv_of_the_process_sheet_is_accepted(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "processes.csv"
    path.write_text("手続ID,手続名,所管局,年間申請件数,工数\nC-1,閲覧申請,総務局,\"1,234\",2\n",
                    encoding="utf-8-sig")
    assert import_workbook(engine, path).added == 1
    with engine.connect() as connection:
        assert repository.load_processes(connection)[0].annual_volume == 1234


def test_absent_processes_are_kept_unless_replace(engine: Engine, tmp_path: Path) -> None:
    import_workbook(engine, write_workbook(tmp_path / "a.xlsx", [process_row("A"),
                                                                  process_row("B")]))
    import_workbook(engine, write_workbook(tmp_path / "b.xlsx", [process_row("B")]))
    with engine.connect() as connection:
        assert repository.count_processes(connection) == 2
    summary = import_workbook(engine, write_workbook(tmp_path / "c.xlsx", [process_row("B")]),
                              replace=True)
    assert summary.deleted == 1


def test_a_file_with_some_columns_updates_only_those(engine: Engine, tmp_path: Path) -> None:
    full = process_row("P-1", 年間申請件数=71228, 工数=2.25, 重点="○", 備考="メモ",
                       固定四半期="FY2022Q3")
    import_workbook(engine, write_workbook(tmp_path / "full.xlsx", [full]))
    path = tmp_path / "status.csv"
    path.write_text("id,name,bureau,status\nP-1,新しい名前,福祉保健局,in_progress\n",
                    encoding="utf-8")
    summary = import_workbook(engine, path)
    assert summary.updated == 1
    with engine.connect() as connection:
        process = repository.load_processes(connection)[0]
    assert (process.name, process.status.ja) == ("新しい名前", "対応中")
    assert (process.annual_volume, process.effort, process.priority, process.notes) == (
        71228, 2.25, True, "メモ")
    assert process.locked_quarter is not None and process.locked_quarter.code == "FY2022Q3"


def test_long_exact_volumes_survive(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("手続ID,手続名,所管局,年間申請件数\nV-1,届出,環境局,999999999999\n",
                    encoding="utf-8")
    import_workbook(engine, path)
    with engine.connect() as connection:
        assert repository.load_processes(connection)[0].annual_volume == 999_999_999_999


def test_unknown_column_in_the_capacity_sheet_is_a_warning(engine: Engine,
                                                           tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "cap.xlsx", capacity=[
        ["所管局", "FY2022Q1", "備考"], ["環境局", 3, "増員予定"]])
    summary = import_workbook(engine, path)
    assert any("備考" in warning for warning in summary.warnings)


def test_values_under_no_header_are_reported(engine: Engine, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "cap.xlsx", capacity=[
        ["所管局", "FY2022Q1", None], ["環境局", 3, 5]])
    summary = import_workbook(engine, path)
    assert "局別処理能力 / 2 / C: column without a header: its values are ignored" in \
        summary.warnings
