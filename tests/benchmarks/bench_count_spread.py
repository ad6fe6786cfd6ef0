"""Benchmark: where our plans of a tight instance lose against the LP relaxation (issue 12).

A plan of a tight instance meets the binding needs with counts spread over the bureaus; the
LP relaxation spreads them too. This prints, bureau by bureau, the LP's count toward each
need, each plan's count less the LP's, and the value each plan's part loses against the LP's
part: a plan whose bureau completes more members than the LP there, and loses much of that
bureau's value, spends its counts where they cost most. Plans are ``solve`` given each
``--limits`` (checked). Then, for the ``--givers`` bureaus that lose most in the first plan,
what each gains by completing fewer members (the bureau's rows its LP changes when the needs
ask that many fewer, re-planned by CP-SAT, the rest of the plan fixed), and which bureaus
complete one member more of each need for least value: the two sides a trade of counts
between bureaus would weigh.

    .venv/bin/python tests/benchmarks/bench_count_spread.py --size 28000 --seed 1 \\
        --limits 60 300

The LP is the plain model's relaxation over every eligible process and quarter, by HiGHS
(20 s on tight 28,000).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

# run as a script (README): the repository's root on the path, for tests.benchmarks
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from solver import improve, rins
from solver.mip_model import NeighbourhoodMip
from solver.reduced import Residual, residual_of
from solver.synthetic import tight_problem
from tests.benchmarks.bench_tight import solve_checked, tight_name

#: Fewer members asked of the needs for the givers' offers: (target-like need 0, need 1, ...)
SHIFTS = ((2, 0), (4, 0), (0, 2), (0, 4), (3, 3))
#: Seconds for a giver's LP and for CP-SAT on its rows (the search's step)
STEP = improve.STEP_SECONDS


@dataclasses.dataclass
class Relaxation:
    """The LP relaxation's solution: each pair's share."""

    share: np.ndarray
    row: np.ndarray  # the pair's process (index into the free processes)
    quarter: np.ndarray

    def count(self, res: Residual, rows: np.ndarray, need: int) -> float:
        """The LP's count of need ``need`` among processes ``rows``."""
        nd = res.needs[need]
        inside = np.isin(self.row, rows) & nd.counted(self.row, self.quarter)
        return float(self.share[inside].sum())

    def value(self, res: Residual, rows: np.ndarray) -> float:
        inside = np.isin(self.row, rows)
        return float((self.share[inside] * res.value[self.row[inside],
                                                    self.quarter[inside]]).sum())


def relaxation(res: Residual, x: np.ndarray, seconds: float) -> Relaxation:
    mip = NeighbourhoodMip(res, x, np.arange(res.free.size), np.isfinite(res.value))
    share = mip.relaxation(seconds)
    if share is None:
        raise SystemExit(f"the LP found no solution in {seconds:g} s")
    return Relaxation(share, mip.pair_row, mip.pair_q)


def only(x: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Plan x on ``rows``, every other process unplanned: that part's value and counts."""
    out = np.full(x.size, -1, dtype=x.dtype)
    out[rows] = x[rows]
    return out


def lost(res: Residual, lp: Relaxation, x: np.ndarray, rows: np.ndarray) -> float:
    """The value plan x's part on ``rows`` loses against the LP's part."""
    return lp.value(res, rows) - res.plan_value(only(x, rows))


def spread_table(res: Residual, lp: Relaxation, plans: dict[str, np.ndarray]) -> list[str]:
    """One line a bureau: size, the LP's counts, each plan's counts less the LP's and what
    its part loses against the LP's part."""
    names = list(plans)
    lines = [f"{'bureau':>6} {'size':>5} | " + " | ".join(
        f"need {k} (q{n.quarter}): LP " + " ".join(f"{name}-LP" for name in names)
        for k, n in enumerate(res.needs)) + " | " + " ".join(f"lost {name}" for name in names)]
    lost_total = dict.fromkeys(names, 0.0)
    for b, rows in enumerate(res.by_bureau):
        if rows.size == 0:
            continue
        cells = []
        for k, need in enumerate(res.needs):
            lp_count = lp.count(res, rows, k)
            over = " ".join(f"{need.count(only(x, rows)) - lp_count:+6.1f}"
                            for x in plans.values())
            cells.append(f"{lp_count:8.1f} {over}")
        part = {name: lost(res, lp, x, rows) for name, x in plans.items()}
        for name in names:
            lost_total[name] += part[name]
        lines.append(f"{b:6d} {rows.size:5d} | " + " | ".join(cells) + " | "
                     + " ".join(f"{part[name]:10,.0f}" for name in names))
    lines.append("lost against the LP in all: "
                 + ", ".join(f"{name} {lost_total[name]:,.0f}" for name in names))
    return lines


@dataclasses.dataclass
class Offer:
    """Bureau b's plan with the needs asking ``fewer`` members less (negative: more)."""

    bureau: int
    fewer: tuple[int, ...]
    made: list[int] | None  # the change of each need's count (None: no plan, see ``why``)
    gain: float
    rows: int  # re-planned
    seconds: float
    optimal: bool
    why: str = ""

    def line(self) -> str:
        if self.made is None:
            return (f"  bureau {self.bureau} {self.fewer} fewer: {self.why} "
                    f"({self.seconds:.2f} s)")
        return (f"  bureau {self.bureau} {self.fewer} fewer: counts {self.made}, gains "
                f"{self.gain:,.0f} on {self.rows} rows in {self.seconds:.2f} s"
                f"{'' if self.optimal else ' (not proven optimal)'}")


def offer(res: Residual, x: np.ndarray, b: int, fewer: tuple[int, ...]) -> Offer:
    """Bureau b re-planned on the rows its LP changes when the needs ask ``fewer`` members
    less (the rest of plan x fixed), by CP-SAT with one worker, a step each."""
    asked = dataclasses.replace(res, needs=[
        dataclasses.replace(need, need=need.need - fewer[k])
        for k, need in enumerate(res.needs)])
    t0 = time.monotonic()
    rows = rins.lp_rows(asked, x, res.by_bureau[b], np.isfinite(res.value), STEP)
    if rows is None or rows.size == 0:
        why = "its LP found nothing in a step" if rows is None else "its LP changes nothing"
        return Offer(b, fewer, None, 0.0, 0, time.monotonic() - t0, True, why)
    y, optimal = improve.solve_neighbourhood(asked, x, rows, STEP, workers=1)
    took = time.monotonic() - t0
    if y is None:
        return Offer(b, fewer, None, 0.0, rows.size, took, optimal, "CP-SAT found no plan")
    made = (res.need_counts(y) - res.need_counts(x)).tolist()
    return Offer(b, fewer, made, res.plan_value(y) - res.plan_value(x), rows.size, took,
                 optimal)


def takers(res: Residual, x: np.ndarray, k: int, shown: int) -> str:
    """The ``shown`` bureaus that complete one member more of need k for least value."""
    more = tuple(-1 if m == k else 0 for m in range(len(res.needs)))
    offers = [offer(res, x, b, more) for b, rows in enumerate(res.by_bureau) if rows.size]
    made = sorted((o for o in offers if o.made is not None and o.made[k] == 1),
                  key=lambda o: -o.gain)
    listed = ", ".join(f"bureau {o.bureau} {o.gain:,.0f}" for o in made[:shown])
    return f"  need {k}, one more: {listed or 'no bureau makes exactly one more'}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--size", type=int, default=28000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limits", type=float, nargs="+", default=[60.0])
    ap.add_argument("--givers", type=int, default=3,
                    help="bureaus (those losing most in the first plan) to ask for offers")
    ap.add_argument("--lp-seconds", type=float, default=120.0)
    args = ap.parse_args()
    name = tight_name(args.size, args.seed)
    problem = tight_problem(args.size, seed=args.seed)
    res = residual_of(problem)
    plans: dict[str, np.ndarray] = {}
    for limit in args.limits:
        plan, took = solve_checked(name, problem, limit)
        plans[f"{limit:g}s"] = plan.quarter[res.free]
        print(f"{name} at {limit:g} s: {plan.objective:,.2f}, gap {100 * plan.gap:.3f}% "
              f"against our bound {plan.bound:,.0f}, in {took:.1f} s", flush=True)
    t0 = time.monotonic()
    lp = relaxation(res, next(iter(plans.values())), args.lp_seconds)
    lp_value = lp.value(res, np.arange(res.free.size)) + res.locked_value
    print(f"LP relaxation {lp_value:,.0f} in {time.monotonic() - t0:.1f} s", flush=True)
    print("\n".join(spread_table(res, lp, plans)), flush=True)
    first = next(iter(plans.values()))
    losing = [lost(res, lp, first, rows) for rows in res.by_bureau]
    print("gives (the bureaus losing most):", flush=True)
    for b in np.argsort(losing)[::-1][: args.givers].tolist():
        for fewer in SHIFTS:
            if len(fewer) == len(res.needs):
                print(offer(res, first, b, fewer).line(), flush=True)
    print("takes (the cheapest):", flush=True)
    for k in range(len(res.needs)):
        print(takers(res, first, k, 6), flush=True)


if __name__ == "__main__":
    main()
