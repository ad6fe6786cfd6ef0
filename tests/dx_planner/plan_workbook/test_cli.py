"""``export-plan`` as the entry point will run it (the wiring into main is tested there)."""

import argparse
from pathlib import Path

import pytest

from dx_planner.cli.export_plan_command import cmd_export_plan
from dx_planner.cli.main import build_parser
from dx_planner.plan_workbook import PlanExportError
from tests.dx_planner.plan_workbook.conftest import PlannedDemo
from tests.helpers.workbooks import sheet_names


def _parse(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def _db(demo: PlannedDemo) -> str:
    return demo.engine.url.render_as_string(hide_password=False)


def test_export_plan_writes_the_newest_scenario(planned_demo: PlannedDemo, output: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse("--db", _db(planned_demo), "export-plan", str(output))
    assert args.handler is cmd_export_plan
    assert (args.scenario, args.compare) == (None, None)
    assert args.handler(args) == 0
    assert "exported plan 'tight'" in capsys.readouterr().out
    assert "前回比較" not in sheet_names(output)


def test_export_plan_with_a_comparison(planned_demo: PlannedDemo, output: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse("--db", _db(planned_demo), "export-plan", str(output), "--scenario", "base",
                  "--compare", "tight")
    assert args.handler(args) == 0
    out = capsys.readouterr().out
    assert "exported plan 'base'" in out and "compared with 'tight'" in out
    assert "前回比較" in sheet_names(output)


def test_a_user_error_is_a_plan_export_error(planned_demo: PlannedDemo, output: Path) -> None:
    args = _parse("--db", _db(planned_demo), "export-plan", str(output), "--scenario", "x")
    with pytest.raises(PlanExportError, match="no scenario named 'x'"):
        args.handler(args)
    assert issubclass(PlanExportError, ValueError)


def test_file_is_required() -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parse("export-plan")
    assert exit_info.value.code == 1
