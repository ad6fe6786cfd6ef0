"""Benchmark: issue 12's goals on the tight family, run after run.

Each tight instance (``solver.synthetic.tight_problem``) is solved ``--repeat`` times at each
limit, the limits of a repeat one after the other (so a slow spell of the machine falls on
all of them alike); every plan passes the checker. Each run is given as its objective's % of
the instance's best known plan (``BEST_KNOWN``) and its gap against our own proven bound,
and marked where it meets the goal: within 0.5% of the best known plan at 10 s and within
0.1% at 60 s, with a gap of at most 0.5% at both. (At 60 s a plan within 0.1% of the best
known is within 0.5% of our bound anyway, which lies 0.1-0.15% above the best known on the
tight family: the gap's clause is what the 10 s runs can miss.) A plan better than its entry
is said to be so: raise the entry to it (and say where it came from).

    PYTHONPATH=. nice -n 10 python tests/benchmarks/bench_tight_goals.py \
        --sizes 3000 28000 --seeds 0 1 2 --limits 10 60 --repeat 3

``bench_tight.py`` sets our plans beside HiGHS's and CP-SAT's on the plain model; this one
says how often ours meets the goal, which one run of each cannot.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

# run as a script (README): the repository's root on the path, for tests.benchmarks
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from solver.problem import Problem
from solver.synthetic import tight_problem
from tests.benchmarks.bench_tight import solve_checked, tight_name

#: The best plan known of each instance, (size, seed) -> objective: the best of every run of
#: ours (10 s to 600 s) and of HiGHS's and CP-SAT's on the plain model (60 s and 600 s,
#: tests/benchmarks/bench_tight.py) in issue 12's sessions, each a plan the checker passed.
#: Tight 3,000 s0, s1 and s2 and 28,000 s1 and s2 are ``solve`` given 60 s in the sessions
#: after d969eaa (issue 12's notes), each the run's exact objective: 3,000 s0 and 28,000 s2
#: in interleaved comparisons (3,000 s0 with the dual's path of 12 stages of 2 steps, 28,000
#: s2 at d969eaa); 28,000 s1 this script's run at 66110d0; 3,000 s1 and s2 in the
#: interleaved comparisons of the count market's offers made on the late members of the
#: need asked (7698086) against the tightest need's, both in that change's arm. Tight
#: 28,000 s0 is ``solve`` given 300 s (the search as it was at a8da238). The "% of the best
#: known" in solver/'s comments are of the entries as they were when each was measured.
BEST_KNOWN: dict[tuple[int, int], float] = {
    (3000, 0): 1_847_151.75,
    (3000, 1): 2_049_511.75,
    (3000, 2): 2_830_823.75,
    (28_000, 0): 21_878_005.5,
    (28_000, 1): 23_966_252.5,
    (28_000, 2): 26_154_880.75,
}
#: limit (s) -> (least % of the best known plan, greatest gap % against our bound)
GOALS: dict[float, tuple[float, float]] = {10.0: (99.5, 0.5), 60.0: (99.9, 0.5)}


@dataclass
class Run:
    instance: str
    limit: float
    seconds: float
    objective: float
    bound: float
    gap: float  # the plan's own (Plan.gap: against its bound, a fraction)

    def percent(self, best: float) -> float:
        return 100.0 * self.objective / best

    def meets(self, best: float) -> bool | None:
        """The goal at this limit is met (None: no goal set for this limit)."""
        goal = GOALS.get(self.limit)
        if goal is None:
            return None
        least, gap = goal
        return self.percent(best) >= least and 100.0 * self.gap <= gap


def solve_once(name: str, problem: Problem, limit: float) -> Run:
    plan, took = solve_checked(name, problem, limit)
    return Run(name, limit, took, plan.objective, plan.bound, plan.gap)


def summary(runs: list[Run], best: float) -> str:
    percents = sorted(r.percent(best) for r in runs)
    met = [r.meets(best) for r in runs]
    goal = "" if met[0] is None else f", goal met in {sum(bool(m) for m in met)} of {len(met)}"
    return (f"{runs[0].instance} at {runs[0].limit:g} s: {len(runs)} runs, "
            f"{percents[0]:.3f}-{percents[-1]:.3f}% (median {statistics.median(percents):.3f}%) "
            f"of the best known, gaps {100 * min(r.gap for r in runs):.2f}-"
            f"{100 * max(r.gap for r in runs):.2f}%{goal}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[3000, 28_000])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--limits", type=float, nargs="+", default=[10.0, 60.0])
    ap.add_argument("--repeat", type=int, default=3)
    # opened now, so that a path it cannot write is said before the runs, not after them
    ap.add_argument("--json", type=argparse.FileType("w", encoding="utf-8"),
                    help="write every run here")
    args = ap.parse_args()
    unknown = [key for key in ((n, s) for n in args.sizes for s in args.seeds)
               if key not in BEST_KNOWN]
    if unknown:
        ap.error(f"no best known plan for {unknown}; known: {sorted(BEST_KNOWN)}")
    problems = {(n, s): tight_problem(n, seed=s) for n in args.sizes for s in args.seeds}
    runs: dict[tuple[tuple[int, int], float], list[Run]] = {}
    for r in range(args.repeat):
        for key, problem in problems.items():
            name = tight_name(*key)
            for limit in args.limits:
                run = solve_once(name, problem, limit)
                runs.setdefault((key, limit), []).append(run)
                best = BEST_KNOWN[key]
                met = run.meets(best)
                mark = "" if met is None else ("  goal met" if met else "  goal MISSED")
                if run.objective > best:  # exact, for the entry
                    mark += (f"  better than the best known ({best:,.2f}): raise its entry"
                             f" to {run.objective:,.2f}")
                print(f"{time.strftime('%H:%M:%S')} run {r + 1} {name} {limit:g} s: "
                      f"{run.objective:,.0f} = {run.percent(best):.3f}% gap {100 * run.gap:.2f}% "
                      f"in {run.seconds:.1f} s{mark}", flush=True)
    for (key, _), these in runs.items():
        print(summary(these, BEST_KNOWN[key]), flush=True)
    if args.json:
        with args.json as f:
            json.dump([asdict(run) for these in runs.values() for run in these], f, indent=1)


if __name__ == "__main__":
    main()
