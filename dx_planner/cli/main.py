"""Entry point: parse arguments, open the database, run one command.

User errors (bad input, missing files, infeasible locks, a full or read-only disk, a busy
database) end with exit status 1 and a one-line reason on stderr, never a traceback; so do
mistakes in the command line (``cli.usage``); a bug prints its traceback and asks to be
reported (``cli.errors``).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from dx_planner.cli.admin_command import add_admin_parser
from dx_planner.cli.compare_command import add_compare_parser
from dx_planner.cli.errors import UserError, report
from dx_planner.cli.export_plan_command import add_export_plan_parser
from dx_planner.cli.history_command import add_history_parser
from dx_planner.cli.progress import ProgressBar
from dx_planner.cli.report_command import add_baseline_parser, add_report_parser
from dx_planner.cli.solve_command import add_solve_parser
from dx_planner.cli.usage import UsageParser
from dx_planner.persistence.database import open_database, shown_location, sqlite_file
from dx_planner.workbook.problems import ImportFailed, format_problems
from dx_planner.workbook.template import CAPACITY_SHEET, CHANNEL_SHEET

if TYPE_CHECKING:
    from dx_planner.workbook.apply import ImportSummary

__all__ = ["UserError", "build_parser", "main"]


def _engine(args: argparse.Namespace, *, create: bool = False) -> Engine:
    engine = open_database(args.db, create=create)
    # Closed when the command ends (a server connection left to the garbage collector
    # is a leak on PostgreSQL).
    cleanup: contextlib.ExitStack | None = getattr(args, "cleanup", None)
    if cleanup is not None:
        cleanup.callback(engine.dispose)
    return engine


@contextlib.contextmanager
def _filling(args: argparse.Namespace) -> Iterator[Engine]:
    """The database a command puts content into (demo, import): created if it is missing,
    and removed again if the command fails, so that a failed first import leaves nothing."""
    new_file = sqlite_file(args.db)
    if new_file is not None and new_file.exists():
        new_file = None
    engine = _engine(args, create=True)
    try:
        yield engine
    except BaseException:
        if new_file is not None:
            engine.dispose()
            for suffix in ("", "-journal", "-wal", "-shm"):
                new_file.with_name(new_file.name + suffix).unlink(missing_ok=True)
        raise


def cmd_gui(args: argparse.Namespace) -> int:
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise UserError("no display to open the desktop app on (DISPLAY is not set): use the "
                        "commands (dx-planner --help), or run it under xvfb-run")
    # Loaded by name: dx_planner must not import the Qt layer (the layering contract).
    problem = importlib.import_module("ui.platform_check").platform_problem()
    if problem:  # a missing X library: say which package, instead of Qt's abort
        raise UserError(problem)
    app = importlib.import_module("ui.app")
    result: int = app.run(args.db)
    return result


def cmd_demo(args: argparse.Namespace) -> int:
    from dx_planner.demo.load import DatabaseNotEmpty, load_demo

    with _filling(args) as engine, ProgressBar("demo") as bar:
        bar.phase("generating and writing")
        try:
            count = load_demo(engine, args.processes, args.seed)
        except (DatabaseNotEmpty, ValueError) as error:
            raise UserError(str(error)) from None
    print(f"demo inventory written: {count} processes ({shown_location(args.db)})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from dx_planner.workbook.apply import import_workbook

    with _filling(args) as engine, ProgressBar(f"import {args.file.name}") as bar:
        summary = import_workbook(engine, args.file, replace=args.replace,
                                  overwrite=args.overwrite, progress=bar.phase)
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"imported {args.file}: {import_summary_text(summary)}")
    return 0


def import_summary_text(summary: ImportSummary) -> str:
    """What the import changed, sheet by sheet: the processes' counts, then the capacity
    and channel sheets when the file had them (a change there is no process update)."""
    parts = [f"{summary.added} added, {summary.updated} updated, {summary.deleted} deleted, "
             f"{summary.unchanged} unchanged"]
    if summary.capacity_cells_changed is not None:
        cells = summary.capacity_cells_changed
        parts.append(f"{CAPACITY_SHEET}: " + (
            f"{cells} {'cell' if cells == 1 else 'cells'} changed" if cells else "unchanged"))
    if summary.channels_added is not None and summary.channels_changed is not None:
        counts = [f"{count} {what}" for count, what in ((summary.channels_added, "added"),
                                                       (summary.channels_changed, "changed"))
                  if count]
        parts.append(f"{CHANNEL_SHEET}: {', '.join(counts) or 'unchanged'}")
    return "; ".join(parts)


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


def build_parser() -> UsageParser:
    parser = UsageParser(
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
                         help="a field changed both in the database since the export and, "
                              "differently, in the file takes the file's value (without it "
                              "such a row is refused and named); other changes still merge")
    import_.set_defaults(handler=cmd_import)

    export = commands.add_parser("export-inventory", help="write the inventory workbook")
    export.add_argument("file", type=Path, metavar="FILE")
    export.set_defaults(handler=cmd_export_inventory)

    add_solve_parser(commands)
    commands.choices["solve"].set_defaults(handler=cmd_solve)
    add_export_plan_parser(commands)
    add_compare_parser(commands)
    add_report_parser(commands)
    add_baseline_parser(commands)
    add_history_parser(commands)
    add_admin_parser(commands)
    return parser


def _terminated(signum: int, _frame: object) -> None:
    """SIGTERM unwinds like Ctrl+C, so that temporary files are removed on the way out."""
    raise SystemExit(128 + signum)


def _interrupted_once(_signum: int, _frame: object) -> None:
    """Ctrl+C unwinds the command; a second one (users press it twice) is ignored from then
    on, so that it cannot cut short the clean-up the first one started (temporary files
    removed, the database closed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", cmd_gui)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if in_main_thread else None
    previous_int = signal.signal(signal.SIGINT, _interrupted_once) if in_main_thread else None
    try:
        with contextlib.ExitStack() as args.cleanup:
            return int(handler(args))
    except ImportFailed as error:
        print(f"dx-planner: import failed with {len(error.errors)} problem(s); "
              "nothing was written", file=sys.stderr)
        print(format_problems(error.errors), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if in_main_thread:  # the process is on its way out: a second Ctrl+C (users press it
            # twice) landed in the lines below or after them and ended in a traceback
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("dx-planner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`dx-planner history | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as error:
        return report(error, args.db)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
            if signal.getsignal(signal.SIGINT) is _interrupted_once and previous_int is not None:
                signal.signal(signal.SIGINT, previous_int)  # not interrupted: as it was


if __name__ == "__main__":
    sys.exit(main())
