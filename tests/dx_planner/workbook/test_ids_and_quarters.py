"""IDs are normalized where they enter (full width, format characters and variation selectors,
spaces) and IDs that differ only in case, width, dashes or invisible characters are refused
naming both; quarters outside
what any solve can plan are refused on import, as every later solve would refuse them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dx_planner.cli.main import main
from dx_planner.domain.fields import FIELD_BY_NAME
from dx_planner.domain.validation import InvalidValue
from dx_planner.persistence.database import open_database
from tests.helpers.database import snapshot
from tests.helpers.workbooks import process_row, write_workbook


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.db"
    assert main(["--db", str(path), "demo", "--processes", "300", "--seed", "6"]) == 0
    return path


def _names(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT id, name FROM processes"))


def _refused(db: Path, file: Path, capsys: pytest.CaptureFixture[str],
             *options: str) -> str:
    engine = open_database(db)
    before = snapshot(engine)
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(file), *options]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert snapshot(engine) == before
    engine.dispose()
    return err


@pytest.mark.parametrize("written", ["Ｐ－０００００１", "P-000001\u200b", "\u200bP-000001 ",
                                     "P\u2060-000001"])
def test_an_id_is_normalized_where_it_enters(db: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             written: str) -> None:
    """Before: each of these became a new process beside P-000001."""
    path = write_workbook(tmp_path / "wide.xlsx", [process_row(written, 手続名="名前を変えた")])
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(path)]) == 0
    assert "0 added, 1 updated" in capsys.readouterr().out
    assert _names(db)["P-000001"] == "名前を変えた"
    assert len(_names(db)) == 300


# Review finding 9: each of these became a new process beside the original.
INVISIBLE_VARIANTS = ["P-000001\u200e", "P-000001\u180e", "P-000001\ufe0f", "\u2066P-000001\u2069",
                      "P-0000\U000e0101" + "01", "P-\u200f000001", "\u061cP-000001"]
DASH_VARIANTS = ["P\u2011000001", "P\u2010000001", "P\u2212000001", "P\u2012000001",
                 "P\u2013000001", "P\u2014000001", "P\u2015000001", "P\u30fc000001",
                 "P\uff70000001", "Ｐ\u2212０００００１", "P\u2043000001", "P\u2500000001"]


@pytest.mark.parametrize("written", INVISIBLE_VARIANTS, ids=ascii)
def test_an_id_with_invisible_marks_updates_the_stored_process(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str) -> None:
    """Invisible marks (format characters, variation selectors) are dropped where IDs
    enter: the same ID as the stored one."""
    path = write_workbook(tmp_path / "marks.xlsx", [process_row(written, 手続名="名前を変えた")])
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(path)]) == 0
    assert "0 added, 1 updated" in capsys.readouterr().out
    assert _names(db)["P-000001"] == "名前を変えた"
    assert len(_names(db)) == 300


@pytest.mark.parametrize("written", DASH_VARIANTS, ids=ascii)
def test_an_id_with_a_dash_look_alike_is_refused_naming_the_stored_one_even_with_replace(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str) -> None:
    """A visible character that only looks like '-' (a minus sign from an IME or Excel, a
    hyphen, a dash, a prolonged-sound mark between letters and digits): refused, never a
    new process, and --replace never deletes the original for it."""
    path = write_workbook(tmp_path / "dash.xlsx", [process_row(written)])
    err = _refused(db, path, capsys, "--replace")
    shown = FIELD_BY_NAME["id"].parse(written)
    assert (f"手続一覧 / 2 / 手続ID: '{shown}' differs from the stored 手続ID 'P-000001' only "
            "in case, width, dashes or invisible characters: use 'P-000001'") in err
    assert "P-000001" in _names(db)


def test_dash_look_alikes_within_a_file_name_both_rows(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "near.xlsx", [
        process_row("X-1"), process_row("X\u22121"), process_row("X\u30fc1")])
    err = _refused(db, path, capsys)
    assert ("手続一覧 / 3 / 手続ID: 'X\u22121' differs from 'X-1' (row 2) only in case, width, "
            "dashes or invisible characters") in err
    assert ("手続一覧 / 4 / 手続ID: 'X\u30fc1' differs from 'X-1' (row 2) only in case, width, "
            "dashes or invisible characters") in err


def test_the_desktop_app_s_id_field_normalizes_too() -> None:
    assert FIELD_BY_NAME["id"].parse(" Ｐ－００００９９\u200b") == "P-000099"


def test_an_id_differing_from_a_stored_one_only_in_case_is_refused_even_with_replace(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'p-000001' was added and, with --replace, P-000001 deleted."""
    path = write_workbook(tmp_path / "case.xlsx", [process_row("p-000001")])
    err = _refused(db, path, capsys, "--replace")
    assert ("手続一覧 / 2 / 手続ID: 'p-000001' differs from the stored 手続ID 'P-000001' only "
            "in case, width, dashes or invisible characters: use 'P-000001'") in err
    assert "P-000001" in _names(db)


def test_near_duplicates_within_a_file_name_both_rows(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "near.xlsx", [
        process_row("X-1"), process_row("x-1"), process_row("Ｘ－１")])
    err = _refused(db, path, capsys)
    assert ("手続一覧 / 3 / 手続ID: 'x-1' differs from 'X-1' (row 2) only in case, width, "
            "dashes or invisible characters") in err
    assert "手続一覧 / 4 / 手続ID: duplicate 手続ID 'X-1' (also on row 2)" in err


def test_an_id_longer_than_the_database_holds_is_refused(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On PostgreSQL a 201-character ID was a traceback (value too long for varchar(200))."""
    path = write_workbook(tmp_path / "long.xlsx", [process_row("I" * 201),
                                                    process_row("B-1", 所管局="局" * 201)])
    err = _refused(db, path, capsys)
    assert "手続一覧 / 2 / 手続ID: is 201 characters long; at most 200 are allowed" in err
    assert "手続一覧 / 3 / 所管局: is 201 characters long; at most 200 are allowed" in err


@pytest.mark.parametrize("code", ["FY1999Q1", "FY2099Q1"])
@pytest.mark.parametrize("header", ["固定四半期", "国の対応時期", "デジタル化完了"])
def test_quarters_no_solve_can_plan_are_refused_on_import(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        code: str, header: str) -> None:
    """Before: imported, and every later solve refused the inventory."""
    extra = {"固定四半期": {}, "国の対応時期": {"権限": "国", "国の対応状況": "時期提示"},
             "デジタル化完了": {"状況": "デジタル化済"}}[header]
    path = write_workbook(tmp_path / "quarter.xlsx",
                          [process_row("Q-1", **{header: code}, **extra)])
    err = _refused(db, path, capsys)
    assert (f"手続一覧 / 2 / {header}: {code} is outside the quarters dx-planner plans "
            "(FY2000Q1–FY2060Q4)") in err


def test_a_capacity_quarter_no_solve_can_plan_is_refused(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "capacity.xlsx",
                          capacity=[["所管局", "FY2022Q1", "FY2099Q1"], ["環境局", 3, 4]])
    err = _refused(db, path, capsys)
    assert "FY2099Q1 is outside the quarters dx-planner plans (FY2000Q1–FY2060Q4)" in err


def test_the_field_refuses_an_unplannable_quarter() -> None:
    with pytest.raises(InvalidValue, match="outside the quarters dx-planner plans"):
        FIELD_BY_NAME["locked_quarter"].parse("FY2099Q1")
