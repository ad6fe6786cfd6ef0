"""``dx-planner compare A B [--xlsx FILE]``: two stored scenarios side by side."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from dx_planner.cli.usage import Commands
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.scenarios import ScenarioNotFound
from dx_planner.plan_workbook.errors import PlanExportError

if TYPE_CHECKING:
    from dx_planner.planning.compare import Comparison

#: Changes printed per kind (all of them are in the workbook).
SHOWN = 10


def add_compare_parser(commands: Commands) -> None:
    parser = commands.add_parser(
        "compare", help="two stored scenarios side by side: settings, key figures, bureau × "
                        "quarter counts, moved / added / dropped processes")
    parser.add_argument("a", metavar="A", help="a stored scenario (the reference)")
    parser.add_argument("b", metavar="B", help="a stored scenario (compared with A)")
    parser.add_argument("--xlsx", type=Path, metavar="FILE",
                        help="also write the comparison workbook (.xlsx)")
    parser.set_defaults(handler=cmd_compare)


def cmd_compare(args: argparse.Namespace) -> int:
    from dx_planner.plan_workbook.compare_workbook import check_path, write_compare_workbook
    from dx_planner.planning.compare import compare_scenarios
    from dx_planner.planning.scenarios import load_scenario

    if args.xlsx is not None:
        check_path(args.xlsx)
    engine = open_database(args.db)
    try:
        with engine.connect() as connection:
            try:
                a, b = load_scenario(connection, args.a), load_scenario(connection, args.b)
            except ScenarioNotFound as error:
                raise PlanExportError(str(error)) from None
            processes = repository.load_processes(connection)
    finally:
        engine.dispose()
    comparison = compare_scenarios(args.a, a, args.b, b, processes)
    if args.xlsx is not None:
        write_compare_workbook(comparison, args.xlsx)
    print(report(comparison))
    if args.xlsx is not None:
        print(f"comparison workbook: {args.xlsx}")
    return 0


def report(c: Comparison) -> str:
    from dx_planner.planning.compare import ChangeKind

    lines = [f"compare A = {c.a_name} with B = {c.b_name}", "", "settings:"]
    differ = c.settings_differ
    for key, a, b in c.settings:
        mark = "≠" if (key, a, b) in differ else " "
        lines.append(f"  {mark} {key:<15} A {_value(a):<28} B {_value(b)}")
    lines += ["", f"{'key figures':<24} {'A':>16} {'B':>16} {'B − A':>14}"]
    for f in c.figures:
        diff = f.difference
        lines.append(f"  {f.key:<22} {_value(f.a, f.key):>16} {_value(f.b, f.key):>16} "
                     f"{'' if diff is None else _signed(diff, f.key):>14}")
    lines += ["", "planned completions by bureau (B − A by quarter where they differ):",
              f"  {'bureau':<20} {'A':>7} {'B':>7} {'B − A':>7}"]
    for bureau in c.bureaus:
        a_total = sum(c.counts_a[bureau, q] for q in c.quarters)
        b_total = sum(c.counts_b[bureau, q] for q in c.quarters)
        deltas = [f"{q.code} {c.counts_b[bureau, q] - c.counts_a[bureau, q]:+d}"
                  for q in c.quarters if c.counts_b[bureau, q] != c.counts_a[bureau, q]]
        lines.append(f"  {bureau:<20} {a_total:>7,} {b_total:>7,} {b_total - a_total:>+7,}"
                     + (f"   {', '.join(deltas)}" if deltas else ""))
    counts = c.change_counts()
    lines += ["", "changes (B against A): " + ", ".join(
        f"{counts[kind]:,} {kind.value}" for kind in ChangeKind)]
    for kind in ChangeKind:
        shown = [ch for ch in c.changes if ch.kind is kind][:SHOWN]
        for ch in shown:
            before = ch.before.code if ch.before else "—"
            after = ch.after.code if ch.after else "—"
            lines.append(f"  {kind.value:<8} {ch.process_id:<12} {ch.bureau:<16} "
                         f"{before} → {after}")
        if counts[kind] > len(shown):
            lines.append(f"  … {counts[kind] - len(shown):,} more {kind.value}"
                         " (all in --xlsx)")
    return "\n".join(lines)


def _value(value: object, key: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and key in ("gap", "share_by_deadline"):
        return f"{value:.3%}"
    if isinstance(value, float) and key == "solve_seconds":
        return f"{value:.1f}"
    if isinstance(value, float):
        return f"{value:,.4f}" if abs(value) < 1 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _signed(value: float, key: str) -> str:
    if key in ("gap", "share_by_deadline"):
        return f"{value:+.3%}"
    if key == "solve_seconds":
        return f"{value:+.1f}"
    return f"{value:+,.0f}" if abs(value) >= 1 or value == 0 else f"{value:+.4f}"
