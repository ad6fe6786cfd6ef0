"""Benchmark: our solver against the baselines on one instance, side by side.

Run as a script (not collected by pytest):
    PYTHONPATH=. python tests/benchmarks/bench_solver.py --synthetic 28000 --repeat 3
    PYTHONPATH=. python tests/benchmarks/bench_solver.py --db /tmp/demo.db --repeat 5
    PYTHONPATH=. python tests/benchmarks/bench_solver.py --db /tmp/demo280k.db --repeat 1 \
        --skip-naive --time-limit 120

``--db`` builds the problem from a dx-planner database exactly as the app does
(``prepare(inventory, PlanSettings())``); the last line reports the peak memory of the run.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time

from solver.baselines import greedy_by_density, greedy_by_volume, naive_cpsat
from solver.plan import Plan
from solver.problem import Problem
from solver.solve import solve
from solver.synthetic import synthetic_problem


def _row(name: str, plan: Plan, seconds: float, bound: float, target: int) -> str:
    share = 100.0 * plan.objective / bound if bound > 0 else float("nan")
    met = "yes" if plan.digitized_by_deadline >= target else "NO"
    return (
        f"{name:<20} {seconds:>8.2f}s {plan.objective:>16,.0f} {share:>8.3f}% "
        f"{plan.digitized_by_deadline:>8} / {target:<8} {met:<4} {plan.status}"
    )


def _peak_memory_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def problem_from_db(path: str) -> Problem:
    """The problem the app builds from the database at ``path`` (default plan settings)."""
    from dx_planner.persistence.database import open_database
    from dx_planner.persistence.repository import load_inventory
    from dx_planner.planning.service import prepare
    from dx_planner.planning.settings import PlanSettings

    engine = open_database(path)
    with engine.connect() as conn:
        inventory = load_inventory(conn)
    return prepare(inventory, PlanSettings()).problem


def run_benchmark(
    problem: Problem, repeat: int = 3, naive_seconds: float = 60.0, time_limit: float = 10.0
) -> list[str]:
    """Solve ``problem`` with every method; returns the printed table lines."""
    times: list[float] = []
    ours: Plan | None = None
    for _ in range(max(1, repeat)):
        t0 = time.monotonic()
        ours = solve(problem, time_limit=time_limit)
        times.append(time.monotonic() - t0)
    assert ours is not None
    bound = ours.bound
    target = problem.target_count
    lines = [
        f"instance: {problem.n_processes} processes, {len(problem.bureau_names)} bureaus, "
        f"{problem.n_quarters} quarters, target {target}; bound {bound:,.0f}",
        f"{'method':<20} {'time':>9} {'objective':>16} {'of bound':>9} "
        f"{'by deadline / target':>19} met  status",
        _row(f"ours (median of {len(times)})", ours, statistics.median(times), bound, target),
    ]
    for name, fn in (
        ("greedy_by_volume", greedy_by_volume),
        ("greedy_by_density", greedy_by_density),
    ):
        t0 = time.monotonic()
        plan = fn(problem)
        lines.append(_row(name, plan, time.monotonic() - t0, bound, target))
    if naive_seconds > 0:
        t0 = time.monotonic()
        plan = naive_cpsat(problem, naive_seconds)
        lines.append(
            _row(f"naive_cpsat({naive_seconds:g}s)", plan, time.monotonic() - t0, bound, target)
        )
    lines.append(f"ours: all times {', '.join(f'{t:.2f}s' for t in times)}")
    for line in lines:
        print(line, flush=True)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--synthetic", type=int, default=28_000, help="in-scope processes")
    ap.add_argument("--db", help="build the problem from this dx-planner database instead")
    ap.add_argument("--skip-naive", action="store_true", help="do not run naive CP-SAT")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--naive-seconds", type=float, default=60.0)
    ap.add_argument("--time-limit", type=float, default=10.0)
    args = ap.parse_args()
    t0 = time.monotonic()
    if args.db:
        problem = problem_from_db(args.db)
        print(f"problem built from {args.db} in {time.monotonic() - t0:.2f}s", flush=True)
    else:
        problem = synthetic_problem(args.synthetic, seed=args.seed)
    naive = 0.0 if args.skip_naive else args.naive_seconds
    run_benchmark(problem, args.repeat, naive, args.time_limit)
    print(f"peak memory (ru_maxrss): {_peak_memory_mb():,.0f} MB", flush=True)


if __name__ == "__main__":
    main()
