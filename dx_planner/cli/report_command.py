"""``dx-planner report`` (the quarterly progress report) and ``dx-planner baseline``.

``main.py`` registers them with ``add_report_parser(commands)`` and
``add_baseline_parser(commands)``; user errors are raised as ``ReportError``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dx_planner.cli.solve_command import quarter_argument
from dx_planner.cli.usage import Commands
from dx_planner.persistence.baselines import list_baselines
from dx_planner.persistence.database import open_database, write_transaction
from dx_planner.progress_report.errors import ReportError
from dx_planner.tracking.actuals import TrackingError
from dx_planner.tracking.baselines import delete_baseline, publish_baseline


def add_report_parser(commands: Commands) -> None:
    report = commands.add_parser(
        "report", help="write the quarterly progress report (.md, .html or .xlsx)",
        description="Write the progress report for quarter Q (進捗状況) and the plan for the "
                    "next quarter (今後の取組). The format follows the file extension.")
    report.add_argument("--quarter", type=quarter_argument, required=True, metavar="Q",
                        help="the quarter reported on, e.g. FY2021Q3 (2021年10~12月)")
    report.add_argument("--scenario", metavar="NAME",
                        help="plan for the next quarter (default: the newest scenario; "
                             "without any, locked quarters only)")
    report.add_argument("--baseline", type=quarter_argument, metavar="Q",
                        help="compare with the baseline published as of Q (default: the "
                             "newest published before --quarter)")
    report.add_argument("file", type=Path, metavar="FILE")
    report.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from dx_planner.progress_report.service import write_report  # loads openpyxl

    engine = open_database(args.db)
    try:
        figures = write_report(engine, args.quarter, args.file, args.scenario, args.baseline)
    finally:
        engine.dispose()
    plan = f"scenario {figures.scenario_name}" if figures.scenario_name else "locks only"
    baseline = figures.baseline_as_of.code if figures.baseline_as_of else "none"
    print(f"report for {figures.quarter.label} written to {args.file} "
          f"(next quarter: {plan}; baseline: {baseline})")
    return 0


def add_baseline_parser(commands: Commands) -> None:
    baseline = commands.add_parser(
        "baseline", help="publish a scenario as the plan of record (baseline) as of a quarter")
    actions = baseline.add_subparsers(dest="baseline_action", metavar="ACTION", required=True)
    publish = actions.add_parser("publish", help="snapshot a scenario as the baseline")
    publish.add_argument("--quarter", type=quarter_argument, required=True, metavar="Q",
                         help="published as of the end of Q (replaces an earlier one for Q)")
    publish.add_argument("--scenario", metavar="NAME", help="default: the newest scenario")
    publish.add_argument("--note", default="", metavar="TEXT")
    publish.set_defaults(handler=cmd_baseline_publish)
    list_ = actions.add_parser("list", help="list the published baselines")
    list_.set_defaults(handler=cmd_baseline_list)
    delete = actions.add_parser("delete", help="withdraw the baseline published as of Q")
    delete.add_argument("--quarter", type=quarter_argument, required=True, metavar="Q")
    delete.set_defaults(handler=cmd_baseline_delete)


def cmd_baseline_publish(args: argparse.Namespace) -> int:
    engine = open_database(args.db)
    try:
        with write_transaction(engine) as connection:
            baseline = publish_baseline(connection, args.quarter, args.scenario, args.note)
    except TrackingError as error:
        raise ReportError(str(error)) from None
    finally:
        engine.dispose()
    planned = sum(1 for item in baseline.items.values() if item.source == "planned")
    print(f"baseline as of {baseline.as_of.label} published from scenario "
          f"{baseline.scenario_name}: {len(baseline.items) - planned:,} digitized, "
          f"{planned:,} planned")
    return 0


def cmd_baseline_list(args: argparse.Namespace) -> int:
    engine = open_database(args.db)
    try:
        with engine.connect() as connection:
            summaries = list_baselines(connection)
    finally:
        engine.dispose()
    if not summaries:
        print("no baseline published")
    for summary in summaries:
        print(f"{summary.as_of.label}\tscenario {summary.scenario_name}\t"
              f"published {summary.published_at:%Y-%m-%d %H:%M}\t{summary.items:,} processes")
    return 0


def cmd_baseline_delete(args: argparse.Namespace) -> int:
    engine = open_database(args.db)
    try:
        with write_transaction(engine) as connection:
            deleted = delete_baseline(connection, args.quarter)
    except TrackingError as error:
        raise ReportError(str(error)) from None
    finally:
        engine.dispose()
    if not deleted:
        raise ReportError(f"no baseline published as of {args.quarter.label}")
    print(f"baseline as of {args.quarter.label} withdrawn")
    return 0
