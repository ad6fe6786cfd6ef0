"""The solve command refuses settings no solve can honour before it loads anything."""

from __future__ import annotations

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
    assert raised.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


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


def test_a_scenario_name_longer_than_the_database_holds_is_bad_usage(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On PostgreSQL (varchar 200) a longer name was a traceback after the whole solve."""
    line = _usage_error(["--db", str(db), "solve", "--scenario", "案" * 201], capsys)
    assert line.endswith("argument --scenario: is 201 characters long; at most 200 are allowed")
