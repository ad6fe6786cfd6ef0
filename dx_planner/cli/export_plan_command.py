"""``dx-planner export-plan FILE [--scenario NAME] [--compare NAME]``: the plan workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dx_planner.cli.progress import ProgressBar
from dx_planner.cli.usage import Commands
from dx_planner.persistence.database import open_database


def add_export_plan_parser(commands: Commands) -> None:
    parser = commands.add_parser(
        "export-plan", help="write the plan workbook (summary, quarterly plan, processes, "
                            "one sheet per bureau)")
    parser.add_argument("file", type=Path, metavar="FILE", help="the .xlsx file to write")
    parser.add_argument("--scenario", metavar="NAME",
                        help="the stored plan to write (default: the newest)")
    parser.add_argument("--compare", metavar="NAME",
                        help="a stored plan to compare with (adds the sheet 前回比較)")
    parser.set_defaults(handler=cmd_export_plan)


def cmd_export_plan(args: argparse.Namespace) -> int:
    """Raises ``PlanExportError`` (a ValueError) for user errors: report it, exit 1."""
    from dx_planner.plan_workbook.export import export_plan_workbook

    engine = open_database(args.db)
    try:
        with ProgressBar(f"export-plan {args.file.name}") as bar:
            summary = export_plan_workbook(engine, args.file, scenario=args.scenario,
                                           compare=args.compare, progress=bar.update)
    finally:
        engine.dispose()
    print(f"exported plan '{summary.scenario}' to {summary.path}: {summary.processes:,} "
          f"processes ({summary.planned:,} planned), {summary.bureau_sheets} bureau sheets")
    if summary.changes is not None:
        print(f"compared with '{summary.compare}': {summary.changes:,} processes changed")
    if summary.drift is not None:
        print(f"warning: {summary.drift.line(summary.scenario)}", file=sys.stderr)
    return 0
