"""``solve``'s §6 options: the --require syntax, overrides of a --settings file, bad input."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from dx_planner.cli.main import build_parser
from dx_planner.cli.plan_options import plan_settings, requirement_option
from dx_planner.domain.enums import Authority
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.errors import PlanningInputError
from dx_planner.planning.requirements import Scope
from dx_planner.planning.settings import PlanSettings


def _settings(*argv: str) -> PlanSettings:
    args = build_parser().parse_args(["solve", *argv])
    return plan_settings(args, PlanSettings())


def test_the_readme_example() -> None:
    spec = requirement_option("authority=都,min_volume=10000:share=1.0@FY2023Q4")
    assert spec.scope == Scope(authority=Authority.TOKYO, min_volume=10_000)
    assert (spec.share, spec.count, spec.quarter) == (1.0, None, Quarter(2023, 4))


@pytest.mark.parametrize(("text", "share", "count", "quarter"), [
    ("bureau=福祉保健局:2500@FY2022Q4", None, 2500, Quarter(2022, 4)),
    ("bureau=福祉保健局:count=2500", None, 2500, None),
    ("priority=yes:80%", 0.8, None, None),
    ("all:0.75@2023年度第4四半期", 0.75, None, Quarter(2023, 4)),
])
def test_amount_and_quarter_forms(text: str, share: float | None, count: int | None,
                                  quarter: Quarter | None) -> None:
    spec = requirement_option(text)
    assert (spec.share, spec.count, spec.quarter) == (share, count, quarter)


@pytest.mark.parametrize(("text", "message"), [
    ("authority=都", "expected SCOPE:AMOUNT"),
    ("colour=red:1", "'colour=red' is not KEY=VALUE"),
    ("authority=県:1", "scope.authority: unknown value"),
    ("priority=maybe:1", "priority must be yes or no"),
    ("min_volume=lots:1", "min_volume must be a whole number"),
    ("all:most", "the amount 'most'"),
    ("all:1@2023Q4", "ambiguous"),
    ("bureau=A,bureau=B:1", "bureau is given twice"),
])
def test_bad_requirement_specs_are_named(text: str, message: str) -> None:
    with pytest.raises(PlanningInputError, match=message) as error:
        requirement_option(text)
    assert str(error.value).startswith(f"--require '{text}'")


def test_command_line_options_override_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "start": "FY2021Q4", "target_count": 100, "time_limit": 30,
        "requirements": [{"scope": {"bureau": "A"}, "count": 5}],
        "assumptions": {"capacity_scale": {"A": 1.5, "B": 2.0}},
        "keep": {"scenario": "base", "freeze_until": "FY2022Q1", "move_cost": 10}}),
        encoding="utf-8")
    settings = _settings("--settings", str(path), "--target", "0.6", "--capacity-scale", "B=3",
                         "--require", "all:1%", "--move-cost", "inf")
    assert (settings.target_share, settings.target_count) == (0.6, None)
    assert settings.time_limit == 30
    assert settings.start == Quarter(2021, 4)
    assert [r.share for r in settings.requirements] == [0.01]  # replaced, not added
    assert dict(settings.assumptions.capacity_scale) == {"A": 1.5, "B": 3.0}
    assert settings.keep is not None and math.isinf(settings.keep.move_cost)
    assert settings.keep.freeze_until == Quarter(2022, 1)


def test_a_whole_plan_file_is_accepted_as_settings(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"status": "feasible", "settings": {"target_count": 7}}),
                    encoding="utf-8")
    assert _settings("--settings", str(path)).target_count == 7


@pytest.mark.parametrize(("argv", "message"), [
    (["--move-cost", "5"], "need --keep"),
    (["--keep", "base", "--move-cost", "-1"], "--move-cost '-1'"),
    (["--capacity-scale", "A"], "--capacity-scale 'A': expected KEY=VALUE"),
    (["--assume-national", "検討中=soon"], "--assume-national '検討中=soon'"),
    (["--settings", "/nonexistent/s.json"], "no such file"),
])
def test_bad_options_are_named(argv: list[str], message: str) -> None:
    with pytest.raises(PlanningInputError, match=message):
        _settings(*argv)


def test_a_settings_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{start: FY2021Q4", encoding="utf-8")
    with pytest.raises(PlanningInputError, match="not JSON"):
        _settings("--settings", str(path))
