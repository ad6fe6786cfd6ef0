"""Benchmark: warm re-solve after single edits (issue 12), on the demo database.

One full solve (default 10 s), then ``--edits`` random single edits, each applied to the
previous edited problem (as a planner edits one cell after another): one process's fields
(effort, volume, national date, channel, bureau, out of scope, digitized), one capacity
cell, or one lock. After each edit ``solver.warm.resolve`` re-solves from the previous plan
and multipliers. Every plan passes the checker (resolve raises SolverBug otherwise).

Reports the re-solve time (median, max) and the gap to the new proven bound (median, max,
how many within 0.1%). ``--compare K`` also runs a full solve every K edits and reports how
far the warm plan is from it.

Run as a script (not collected by pytest):
    PYTHONPATH=. nice -n 10 python tests/benchmarks/bench_warm.py --db /tmp/demo.db --edits 100
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

import numpy as np

from solver.solve import solve
from solver.warm import WarmStart, resolve
from tests.benchmarks.bench_solver import problem_from_db
from tests.solver.edits import random_edit


def _loadavg() -> str:
    with open("/proc/loadavg", encoding="ascii") as f:
        return f.read().strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True, help="a dx-planner database (e.g. the 28,000 demo)")
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--time-limit", type=float, default=10.0, help="the first, full solve")
    ap.add_argument("--warm-limit", type=float, default=1.0, help="each warm re-solve")
    ap.add_argument("--compare", type=int, default=0, help="full solve every K edits (0: no)")
    args = ap.parse_args()
    print(f"load average at start: {_loadavg()}", flush=True)
    problem = problem_from_db(args.db)
    t0 = time.monotonic()
    plan = solve(problem, time_limit=args.time_limit)
    print(f"full solve: {time.monotonic() - t0:.2f}s, objective {plan.objective:,.0f}, "
          f"gap {100 * plan.gap:.4f}%, {problem.n_processes} processes", flush=True)
    start = WarmStart(problem, plan)
    rng = np.random.default_rng(args.seed)
    times: list[float] = []
    gaps: list[float] = []
    kinds: Counter[str] = Counter()
    behind: list[float] = []
    for k in range(args.edits):
        kind, edited = random_edit(start.problem, rng)
        t0 = time.monotonic()
        warm = resolve(start, edited, time_limit=args.warm_limit)
        took = time.monotonic() - t0
        times.append(took)
        gaps.append(warm.gap)
        kinds[kind] += 1
        line = (f"{k:3d} {kind:<14} {1000 * took:7.0f} ms  gap {100 * warm.gap:.4f}%  "
                f"{warm.status}")
        if args.compare and (k + 1) % args.compare == 0:
            full = solve(edited, time_limit=args.time_limit)
            behind.append((full.objective - warm.objective) / full.objective)
            line += f"  full solve {100 * behind[-1]:+.4f}% better"
        print(line, flush=True)
        start = WarmStart(edited, warm)
    within = sum(g <= 0.001 for g in gaps)
    print(f"edits: {dict(kinds)}")
    print(f"warm re-solve time: median {1000 * statistics.median(times):.0f} ms, "
          f"max {1000 * max(times):.0f} ms")
    print(f"gap to the new bound: median {100 * statistics.median(gaps):.4f}%, "
          f"max {100 * max(gaps):.4f}%, within 0.1%: {within} of {len(gaps)}")
    if behind:
        print(f"full solve better by: median {100 * statistics.median(behind):.4f}%, "
              f"max {100 * max(behind):.4f}%")
    print(f"load average at end: {_loadavg()}", flush=True)


if __name__ == "__main__":
    main()
