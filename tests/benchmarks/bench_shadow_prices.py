"""Do the capacity prices mean what they say? For the most valuable bureau-quarters, add
capacity, re-solve and compare the gain with the price times the added person-months.

Run as a script (not collected by pytest):
    PYTHONPATH=. python tests/benchmarks/bench_shadow_prices.py --db /tmp/demo.db
    PYTHONPATH=. python tests/benchmarks/bench_shadow_prices.py --db /tmp/demo.db \\
        --settings settings.json --cells 5 --add 10

``--settings`` takes a plan file's ``settings`` object (or a whole plan file), as
``dx-planner solve --settings`` does. Each re-solve starts from the base plan (hint) with the
same time limit; the table shows the gain in the plan's objective and in its proven bound.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

import numpy as np

from solver.problem import Problem
from solver.solve import solve


def problem_from_db(path: str, settings_file: str | None) -> tuple[Problem, float]:
    from dx_planner.persistence.database import open_database
    from dx_planner.persistence.repository import load_inventory
    from dx_planner.planning.service import prepare
    from dx_planner.planning.settings import PlanSettings

    settings = PlanSettings()
    if settings_file:
        from dx_planner.planning.settings_json import settings_from_json

        data = json.loads(Path(settings_file).read_text(encoding="utf-8"))
        settings = settings_from_json(data.get("settings", data))
    with open_database(path).connect() as conn:
        inventory = load_inventory(conn)
    built = prepare(inventory, settings)
    return built.problem, built.settings.time_limit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--settings", help="a settings JSON (or plan file)")
    ap.add_argument("--cells", type=int, default=5)
    ap.add_argument("--add", type=float, default=10.0, help="person-months added per cell")
    ap.add_argument("--time-limit", type=float)
    args = ap.parse_args()
    problem, limit = problem_from_db(args.db, args.settings)
    limit = args.time_limit or limit
    t0 = time.monotonic()
    base = solve(problem, time_limit=limit)
    print(f"base: objective {base.objective:,.0f}, bound {base.bound:,.0f}, gap {base.gap:.4%}, "
          f"{base.status}, {time.monotonic() - t0:.1f} s", flush=True)
    assert base.prices is not None
    price = base.prices.capacity
    top = np.argsort(-price, axis=None)[: args.cells]
    print(f"{'bureau':<14} {'quarter':<9} {'price':>10} {'predicted':>12} {'gain':>12} "
          f"{'ratio':>7} {'bound gain':>12}")
    for flat in top.tolist():
        b, q = divmod(flat, problem.n_quarters)
        capacity = problem.bureau_capacity.copy()
        capacity[b, q] += args.add
        more = dataclasses.replace(problem, bureau_capacity=capacity)
        plan = solve(more, time_limit=limit, hint=base.quarter)
        predicted = args.add * float(price[b, q])
        gain = plan.objective - base.objective
        ratio = gain / predicted if predicted else float("nan")
        print(f"{problem.bureau_names[b]:<14} {problem.quarter_labels[q]:<9} "
              f"{price[b, q]:>10,.1f} {predicted:>12,.0f} {gain:>12,.0f} {ratio:>7.2f} "
              f"{plan.bound - base.bound:>12,.0f}", flush=True)


if __name__ == "__main__":
    main()
