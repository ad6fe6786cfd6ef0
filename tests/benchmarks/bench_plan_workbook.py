"""Plan workbook benchmark (issue 5): `export-plan` of the 28,000-process demo plan.

Run: .venv/bin/python tests/benchmarks/bench_plan_workbook.py [--repeat 5] [--processes 28000]
     [--solve]

Each run is a fresh Python process running the `export-plan` command as the CLI does
(interpreter start-up, database open, loading the inventory and the scenario, writing and
saving included). The child reports its own peak memory (ru_maxrss). Targets: median ≤ 5 s,
peak ≤ 500 MB.

The plan is a greedy plan by default (no solver needed); --solve stores the optimizer's plan
instead. Two scenarios are stored so that the run with --compare has real changes to list.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 5.0
TARGET_MB = 500.0


def child(argv: list[str]) -> None:
    """Run the command through the CLI's own entry point, then report the peak memory of
    this process."""
    from dx_planner.cli.main import main as cli_main

    status = cli_main(argv)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    print(json.dumps({"status": status, "peak_mb": peak_kb / 1024}))


def prepare(folder: Path, processes: int, solve: bool) -> Path:
    from dx_planner.demo.load import load_demo
    from dx_planner.persistence import repository
    from dx_planner.persistence.database import open_database
    from dx_planner.planning.scenarios import save_scenario
    from tests.dx_planner.plan_workbook.plans import greedy_plan

    db = folder / "demo.sqlite3"
    engine = open_database(db, create=True)
    load_demo(engine, processes, seed=0)
    with engine.connect() as connection:
        inventory = repository.load_inventory(connection)
    previous = greedy_plan(inventory, capacity_factor=0.8)
    if solve:
        from dx_planner.planning.service import run_plan
        from dx_planner.planning.settings import PlanSettings

        current = run_plan(inventory, PlanSettings(time_limit=10.0))
    else:
        current = greedy_plan(inventory)
    with engine.begin() as connection:
        save_scenario(connection, "previous", previous)
        save_scenario(connection, "plan", current)
    engine.dispose()
    return db


def run(db: Path, out: Path, extra: list[str]) -> tuple[float, float]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, __file__, "--child", "--db", str(db), "export-plan", str(out),
         "--scenario", "plan", *extra],
        check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    return seconds, float(report["peak_mb"])


def line(label: str, times: list[float], peaks: list[float]) -> str:
    median = statistics.median(times)
    return (f"{label:<28} median {median:6.2f} s  min {min(times):6.2f}  max {max(times):6.2f}"
            f"  (target {TARGET_SECONDS:.1f} s, median/target {median / TARGET_SECONDS:4.2f})"
            f"  peak {max(peaks):6.0f} MB (target {TARGET_MB:.0f} MB)")


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--processes", type=int, default=28_000)
    parser.add_argument("--solve", action="store_true", help="benchmark the optimizer's plan")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-plan-workbook-"))
    db = prepare(folder, args.processes, args.solve)
    print(f"{args.processes:,} processes, {args.repeat} runs each, files in {folder}")
    failed = False
    for label, extra in (("export-plan", []), ("export-plan --compare", ["--compare",
                                                                          "previous"])):
        results = [run(db, folder / "plan.xlsx", extra) for _ in range(args.repeat)]
        times, peaks = [t for t, _ in results], [p for _, p in results]
        print(line(label, times, peaks))
        failed |= statistics.median(times) > TARGET_SECONDS or max(peaks) > TARGET_MB
    size = (folder / "plan.xlsx").stat().st_size / 2**20
    print(f"workbook size {size:.1f} MB")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
