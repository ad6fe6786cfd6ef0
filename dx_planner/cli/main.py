"""Entry point: parse arguments, open the database, run one command.

User errors (bad input, missing files, infeasible locks) end with exit status 1 and a
one-line reason on stderr, never a traceback; argparse gives status 2 for bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from dx_planner.cli.admin_command import add_admin_parser
from dx_planner.cli.export_plan_command import add_export_plan_parser
from dx_planner.cli.history_command import add_history_parser
from dx_planner.cli.progress import ProgressBar
from dx_planner.cli.report_command import add_baseline_parser, add_report_parser
from dx_planner.cli.solve_command import add_solve_parser
from dx_planner.output_files import OutputFileError
from dx_planner.persistence.database import DatabaseError, open_database
from dx_planner.persistence.rights import refusal
from dx_planner.persistence.team import TeamError
from dx_planner.plan_workbook import PlanExportError
from dx_planner.progress_report.errors import ReportError
from dx_planner.workbook.problems import ImportFailed, format_problems


class UserError(Exception):
    """A problem the user can fix; the message is shown as it is."""


def _engine(args: argparse.Namespace) -> Engine:
    engine = open_database(args.db)
    # Closed when the command ends (a server connection left to the garbage collector
    # is a leak on PostgreSQL).
    cleanup: contextlib.ExitStack | None = getattr(args, "cleanup", None)
    if cleanup is not None:
        cleanup.callback(engine.dispose)
    return engine


def cmd_gui(args: argparse.Namespace) -> int:
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise UserError("no display to open the desktop app on (DISPLAY is not set): use the "
                        "commands (dx-planner --help), or run it under xvfb-run")
    # Loaded by name: dx_planner must not import the Qt layer (the layering contract).
    app = importlib.import_module("ui.app")
    result: int = app.run(args.db)
    return result


def cmd_demo(args: argparse.Namespace) -> int:
    from dx_planner.demo.load import DatabaseNotEmpty, load_demo

    engine = _engine(args)
    with ProgressBar("demo") as bar:
        bar.phase("generating and writing")
        try:
            count = load_demo(engine, args.processes, args.seed)
        except (DatabaseNotEmpty, ValueError) as error:
            raise UserError(str(error)) from None
    print(f"demo inventory written: {count} processes ({engine.url.render_as_string()})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from dx_planner.workbook.apply import import_workbook

    engine = _engine(args)
    with ProgressBar(f"import {args.file.name}") as bar:
        summary = import_workbook(engine, args.file, replace=args.replace,
                                  overwrite=args.overwrite, progress=bar.phase)
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"imported {args.file}: {summary.added} added, {summary.updated} updated, "
          f"{summary.deleted} deleted, {summary.unchanged} unchanged")
    return 0


def cmd_export_inventory(args: argparse.Namespace) -> int:
    from dx_planner.workbook.apply import export_workbook

    engine = _engine(args)
    with ProgressBar(f"export {args.file.name}") as bar:
        count = export_workbook(engine, args.file, progress=bar.update)
    print(f"exported {count} processes to {args.file}")
    return 0


def cmd_solve(args: argparse.Namespace) -> int:
    from dx_planner.cli.solve_command import run_solve
    from dx_planner.planning.scenarios import ScenarioTaken
    from dx_planner.planning.settings import PlanningInputError

    try:
        return run_solve(_engine(args), args)
    except (PlanningInputError, ScenarioTaken) as error:
        raise UserError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dx-planner",
        description="Plan the digitization of administrative processes.",
    )
    parser.add_argument("--db", metavar="URL_OR_PATH",
                        help="database: an SQLAlchemy URL or a path to an SQLite file "
                             "(default: $DX_PLANNER_DB or the user's data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desktop app (the default)")
    gui.set_defaults(handler=cmd_gui)

    demo = commands.add_parser("demo", help="fill an empty database with the demo inventory")
    demo.add_argument("--processes", type=int, default=28_000, metavar="N")
    demo.add_argument("--seed", type=int, default=0, metavar="S")
    demo.set_defaults(handler=cmd_demo)

    import_ = commands.add_parser("import", help="import an inventory workbook, all or nothing")
    import_.add_argument("file", type=Path, metavar="FILE")
    import_.add_argument("--replace", action="store_true",
                         help="delete processes that are not in the file")
    import_.add_argument("--overwrite", action="store_true",
                         help="the file wins over changes made in the database since it was "
                              "exported (without it such a row is refused and named)")
    import_.set_defaults(handler=cmd_import)

    export = commands.add_parser("export-inventory", help="write the inventory workbook")
    export.add_argument("file", type=Path, metavar="FILE")
    export.set_defaults(handler=cmd_export_inventory)

    add_solve_parser(commands)
    commands.choices["solve"].set_defaults(handler=cmd_solve)
    add_export_plan_parser(commands)
    add_report_parser(commands)
    add_baseline_parser(commands)
    add_history_parser(commands)
    add_admin_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", cmd_gui)
    try:
        with contextlib.ExitStack() as args.cleanup:
            return int(handler(args))
    except ImportFailed as error:
        print(f"dx-planner: import failed with {len(error.errors)} problem(s); "
              "nothing was written", file=sys.stderr)
        print(format_problems(error.errors), file=sys.stderr)
        return 1
    except (UserError, DatabaseError, ReportError, PlanExportError, OutputFileError,
            TeamError) as error:
        print(f"dx-planner: {error}", file=sys.stderr)
        return 1
    except DBAPIError as error:
        # The team database refused a write the login has no right to: the user's limit,
        # not a bug (the app checks first where it can; this is PostgreSQL's last word).
        reason = refusal(error)
        if reason is None:
            raise
        print(f"dx-planner: {reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dx-planner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`dx-planner history | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
