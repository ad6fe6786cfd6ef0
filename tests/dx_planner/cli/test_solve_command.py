"""The solve command refuses settings no solve can honour before it loads anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dx_planner.cli.main import main


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.db"
    assert main(["--db", str(path), "demo", "--processes", "300"]) == 0
    return path


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    return lines[0]


def test_an_end_quarter_outside_the_planning_range_is_bad_usage(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _usage_error(["--db", str(db), "solve", "--end", "FY2999Q4"], capsys)
    assert line.endswith("argument --end: FY2999Q4 is outside the quarters dx-planner plans "
                         "(FY2000Q1–FY2060Q4)")


def test_a_horizon_too_long_is_one_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", str(db), "solve", "--end", "FY2060Q4", "--scenario", "long"]) == 1
    assert capsys.readouterr().err.strip() == (
        "dx-planner: the plan would span 157 quarters (FY2021Q4–FY2060Q4); at most 40 "
        "(10 years) are planned")


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "1e9"])
def test_a_time_limit_that_is_not_a_usable_number_of_seconds_is_bad_usage(
        db: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    line = _usage_error(["--db", str(db), "solve", "--time-limit", value], capsys)
    assert line.endswith(f"argument --time-limit: '{value}' is not a time limit: give seconds, "
                         "more than 0 and at most 86,400")


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "1e308", "86401"])
def test_a_cost_time_that_is_not_a_usable_number_of_seconds_is_bad_usage(
        db: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    """Review finding 8: --cost-time inf wrote Infinity into the plan file."""
    line = _usage_error(["--db", str(db), "solve", "--cost-time", value], capsys)
    assert line.endswith(f"argument --cost-time: '{value}' is not a cost time: give seconds, "
                         "from 0 to 86,400")


def test_the_plan_file_is_strict_json_and_re_runs(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The plan file is RFC 8259 JSON (no NaN or Infinity), and solve --settings takes it."""
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in the plan file")

    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["--db", str(db), "solve", "--scenario", "a", "--time-limit", "1",
                 "--cost-time", "0", "--json", str(first)]) == 0
    data = json.loads(first.read_text(encoding="utf-8"), parse_constant=refuse)
    assert data["settings"]["cost_time"] == 0
    assert main(["--db", str(db), "solve", "--scenario", "b", "--settings", str(first),
                 "--json", str(second)]) == 0
    again = json.loads(second.read_text(encoding="utf-8"), parse_constant=refuse)
    assert again["settings"] == data["settings"]


def test_a_scenario_name_longer_than_the_database_holds_is_bad_usage(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On PostgreSQL (varchar 200) a longer name was a traceback after the whole solve."""
    line = _usage_error(["--db", str(db), "solve", "--scenario", "案" * 201], capsys)
    assert line.endswith("argument --scenario: is 201 characters long; at most 200 are allowed")
