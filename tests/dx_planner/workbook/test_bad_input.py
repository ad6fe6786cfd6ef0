"""Each bad input: exit status 1, a located message, and the database exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dx_planner.cli.main import main
from dx_planner.demo.load import load_demo
from dx_planner.persistence.database import open_database
from dx_planner.workbook import reader
from tests.helpers.database import snapshot
from tests.helpers.workbooks import process_row, sheet_rows, write_workbook


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    engine = open_database(path, create=True)
    load_demo(engine, 400, seed=1)
    engine.dispose()
    return path


def _process_rows(path: Path) -> list[tuple[object, ...]]:
    return sheet_rows(path, "手続一覧")


def _rejected(db: Path, file: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``file``; assert it failed cleanly and changed nothing; return stderr."""
    engine = open_database(db)
    before = snapshot(engine)
    exported_before = db.parent / "before.xlsx"
    assert main(["--db", str(db), "export-inventory", str(exported_before)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(file)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert snapshot(engine) == before
    exported_after = db.parent / "after.xlsx"
    assert main(["--db", str(db), "export-inventory", str(exported_after)]) == 0
    assert _process_rows(exported_before) == _process_rows(exported_after)
    engine.dispose()
    return err


def test_duplicate_ids(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "dup.xlsx", [process_row("D-1"), process_row("D-1")])
    err = _rejected(demo_db, path, capsys)
    assert "手続一覧 / 3 / 手続ID: duplicate 手続ID 'D-1' (also on row 2)" in err


@pytest.mark.parametrize(("header", "value", "message"), [
    ("年間申請件数", -5, "must be 0 or more"),
    ("年間申請件数", "たくさん", "not a number"),
    ("工数", "abc", "not a number"),
    ("工数", 0, "must be greater than 0"),
    ("工数", -1.5, "must be greater than 0"),
])
def test_bad_numbers(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                     header: str, value: object, message: str) -> None:
    path = write_workbook(tmp_path / "num.xlsx", [process_row("N-1"),
                                                   process_row("N-2", **{header: value})])
    err = _rejected(demo_db, path, capsys)
    assert f"手続一覧 / 3 / {header}: {message}" in err


@pytest.mark.parametrize(("header", "value"), [("手続類型", "申請"), ("権限", "県"),
                                                ("状況", "完了"), ("国の対応状況", "不明")])
def test_unknown_enumeration_values(demo_db: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str],
                                    header: str, value: str) -> None:
    extra = {"権限": "国"} if header == "国の対応状況" else {}
    path = write_workbook(tmp_path / "enum.xlsx", [process_row("E-1", **{header: value}, **extra)])
    err = _rejected(demo_db, path, capsys)
    assert f"手続一覧 / 2 / {header}: unknown value '{value}'" in err


def test_ambiguous_quarter(demo_db: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "q.xlsx", [process_row("Q-1", 固定四半期="2022Q1")])
    err = _rejected(demo_db, path, capsys)
    assert "手続一覧 / 2 / 固定四半期: '2022Q1' is ambiguous" in err


def test_missing_required_column(demo_db: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "col.xlsx", [process_row("C-1")],
                          headers=["手続ID", "手続名", "工数"])
    err = _rejected(demo_db, path, capsys)
    assert "手続一覧 / 1 / 所管局: missing required column 所管局" in err


def test_digitized_without_quarter(demo_db: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "dq.xlsx", [process_row("G-1", 状況="デジタル化済")])
    err = _rejected(demo_db, path, capsys)
    assert "手続一覧 / 2 / デジタル化完了: required when 状況 is デジタル化済" in err


def test_error_on_the_last_of_28000_rows(demo_db: Path, demo_workbook_28k: Path,
                                         tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "last.xlsx"
    shutil.copy(demo_workbook_28k, path)
    workbook = load_workbook(path)
    sheet = workbook["手続一覧"]
    last = sheet.max_row
    assert last == 28_001
    sheet.cell(row=last, column=9).value = "未定"  # 工数
    workbook.save(path)
    err = _rejected(demo_db, path, capsys)
    assert f"手続一覧 / {last} / 工数: not a number: '未定'" in err
    assert "1 problem(s)" in err


def test_not_a_workbook(demo_db: Path, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("just some text, not a zip")
    err = _rejected(demo_db, path, capsys)
    assert "fake.xlsx / - / -: not an Excel workbook" in err


def test_a_damaged_zip_is_not_a_workbook(demo_db: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook inside")
    err = _rejected(demo_db, path, capsys)
    assert "other.xlsx / - / -: cannot read the workbook" in err


def test_empty_file(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    err = _rejected(demo_db, path, capsys)
    assert "empty.xlsx / - / -: the file is empty" in err


def test_file_over_100_mb(demo_db: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:  # sparse: no 100 MB written to disk
        handle.truncate(reader.MAX_FILE_BYTES + 1)
    err = _rejected(demo_db, path, capsys)
    assert "huge.xlsx / - / -: the file is 100 MB; at most 100 MB is accepted" in err


def test_missing_file_is_a_user_error(demo_db: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    err = _rejected(demo_db, tmp_path / "nowhere.xlsx", capsys)
    assert "nowhere.xlsx / - / -: file not found" in err


def test_every_problem_is_listed(demo_db: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    rows = [process_row(f"M-{i}", 工数="x") for i in range(250)]
    err = _rejected(demo_db, write_workbook(tmp_path / "many.xlsx", rows), capsys)
    assert "250 problem(s)" in err
    assert "… and 50 more problems (250 in all)" in err


def test_unknown_channel_and_bad_capacity_cell(demo_db: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "ch.xlsx", [process_row("H-1", 申請基盤="FAX")],
                          capacity=[["所管局", "FY2022Q1"], ["環境局", "多い"]])
    err = _rejected(demo_db, path, capsys)
    assert "手続一覧 / 2 / 申請基盤: unknown 申請基盤 'FAX'" in err
    assert "局別処理能力 / 2 / FY2022Q1: not a number" in err


def test_duplicate_sheets_are_refused(demo_db: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    path = tmp_path / "two.xlsx"
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "手続一覧"
    second = workbook.create_sheet("processes")
    for sheet in (first, second):
        sheet.append(["手続ID", "手続名", "所管局"])
        sheet.append(["S-1", "届出", "環境局"])
    workbook.save(path)
    err = _rejected(demo_db, path, capsys)
    assert "sheet 手続一覧 appears twice ('手続一覧' and 'processes')" in err


def test_a_column_given_twice_is_refused(demo_db: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "cols.xlsx", [process_row("T-1", 備考="a", notes="b")],
                          headers=["手続ID", "手続名", "所管局", "備考", "notes"])
    err = _rejected(demo_db, path, capsys)
    assert "手続一覧 / 1 / 備考: column 備考 appears twice (as 備考 and notes)" in err


@pytest.mark.parametrize(("text", "message"), [
    ("a\x01b", "contains a control character"),
    ("長" * 32_768, "is 32,768 characters long; a cell holds at most 32,767"),
])
def test_text_a_workbook_cannot_hold_is_refused(demo_db: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                text: str, message: str) -> None:
    path = tmp_path / "text.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        import csv

        csv.writer(handle).writerows([["手続ID", "手続名", "所管局", "備考"],
                                      ["X-1", "届出", "環境局", text]])
    err = _rejected(demo_db, path, capsys)
    assert f"手続一覧 / 2 / 備考: {message}" in err


@pytest.mark.parametrize(("header", "value", "message"), [
    ("年間申請件数", "100000000000000000000", "is larger than 1,000,000,000,000"),
    ("年間申請件数", 1e20, "is larger than 1,000,000,000,000"),
    ("工数", 1e300, "is larger than 10,000"),
])
def test_implausibly_large_numbers(demo_db: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str],
                                   header: str, value: object, message: str) -> None:
    path = write_workbook(tmp_path / "big.xlsx", [process_row("B-1", **{header: value})])
    err = _rejected(demo_db, path, capsys)
    assert f"手続一覧 / 2 / {header}: {message}" in err


def test_duplicate_id_is_found_even_when_its_first_row_has_errors(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "dup2.xlsx", [process_row("D-9", 工数="x"),
                                                    process_row("D-9")])
    err = _rejected(demo_db, path, capsys)
    assert "手続一覧 / 2 / 工数: not a number" in err
    assert "手続一覧 / 3 / 手続ID: duplicate 手続ID 'D-9' (also on row 2)" in err
