"""The optimizer: Lagrangian dual (proven bound + prices) -> price-directed greedy plans.

Every phase works on requirements in one form (``Problem.all_requirements()``: the target,
the milestones and the scoped requirements, each a set of processes, a quarter and a count;
``Residual.needs`` over the free processes) and on the constraints of constraints.py.

Pipeline (see dual.py, primal.py, count.py, polish.py and bureau_bound.py for the maths):
1. a count-first plan (smallest efforts, earliest quarters); if it misses a requirement, the
   "most processes" phase (count.py, CP-SAT bureau by bureau) re-packs it, since a first-fit
   miss proves nothing. It is the fallback if the caller cancels early;
2. if requirements are still missed, they are relaxed to what that plan reaches (status
   ``target_infeasible``; the most processes by the deadline first when the target or a
   milestone is missed) and we optimise the relaxed problem; the LP of the least extra
   capacity that the shortfall names (capacity_gap.py) is then solved in the background;
3. minimise the Lagrangian dual -> bound and prices (alpha, channel beta, requirement lambda),
   by a shorter path where the whole one would leave the first priced plan no time;
4. greedy plans from the prices: by reduced value per effort^g (lambda weight bisected, small
   shortfalls repaired by two-for-one exchanges) and by price-adjusted value per person-month
   (lambda weight bisected), each completed by fill and move-earlier passes; skipped where
   the count-first plan only just meets a requirement and step 5's improvement phase runs
   (PRICED_MIN_SPARE: they would pack the smallest processes as it does);
5. with the time left: where the requirements bind and a gap is left, the improvement phase
   (value_first.py: plans from the prices, repaired to meet the requirements; lp_guided.py:
   plans rounded from the LP relaxation, solved by HiGHS in a thread started after step 3
   when it fits the time; improve.py: CP-SAT neighbourhood search with the global
   requirements from the best of them until the time limit, the bound tightened in a
   thread beside it: the dual's path once more from its end, where it fits, and the
   per-bureau bound); otherwise small bureaus
   re-optimised by CP-SAT (polish.py) and the bound tightened (the dual's path once more,
   then per bureau, bureau_bound.py); on small instances, CP-SAT on the whole model
   (hinted) for a better plan and a proven bound;
6. the independent checker re-verifies the plan; a violation is a SolverBug.

numpy's BLAS runs single-threaded during a solve (blas.py): the Newton systems are small.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from solver import improve, primal
from solver.background import Background
from solver.blas import single_threaded_blas
from solver.bureau_bound import BUREAU_SECONDS, strengthen
from solver.capacity_gap import GapInBackground
from solver.checker import check_plan, requirement_violations
from solver.constraints import planned_count
from solver.count import improve_count
from solver.cpsat_model import CpSatModel
from solver.dual import Dual, path_temperatures
from solver.lp_guided import RoundedLp, lp_seconds
from solver.multipliers import Multipliers
from solver.plan import Plan, Prices, Shortfall, gap_of, make_plan, objective_of
from solver.polish import polish_bureaus
from solver.problem import Problem, Requirement
from solver.progress import NullProgress, Progress
from solver.reduced import Residual, residual_of
from solver.shortfall import shortfall_of
from solver.value_first import most_promising, repaired_at_any_price, value_first

#: Instances with at most this many eligible (process, quarter) pairs are polished and
#: bounded by CP-SAT on the whole model at the end (CPSAT_SHARE of the time limit at most).
SMALL_PAIRS = 20_000
CPSAT_SHARE = 0.4
#: Share of the time limit the "most processes" phase may use when the greedy misses a need.
COUNT_SHARE = 0.35
#: Share of the time limit for re-optimising small bureaus by CP-SAT (polish.py).
POLISH_SHARE = 0.2
#: Share of the time limit for the per-bureau bound (bureau_bound.py: each bureau's exact LP
#: prices, then CP-SAT's integer bound on small bureaus); beside the search where it runs
#: (_bound_beside), after the polish otherwise.
BOUND_SHARE = 0.08
#: Beside the search, CP-SAT bounds a bureau in at most this share of the time limit
#: (bureau_bound.BUREAU_SECONDS at most): 0.1 s at 10 s. Tight 3,000 s1 at the bound
#: phase's prices, all 28 bureaus, 0.131% above the best known plan in 2.5 s at 0.1 s each
#: (0.05 s: 0.146% in 1.4 s; 0.3 s: 0.116% in 5.4 s); beside a 10 s search (4 runs each,
#: interleaved, against a bound of BOUND_SHARE only) 0.1 s cost the plans 0.02% on s0 and
#: s1 (s2 +0.01%), where 0.3 s cost 0.15%, 0.03% and 0.12%.
BESIDE_BUREAU_SHARE = 0.01
#: ... which first follows the dual's path once more, from the prices the bound phase ended
#: at, where the bound phase took at most this share of its time (and stops at that share;
#: the best prices it meets are kept, so a cut pass still helps): the Newton path can stall
#: far from the minimum, and a second pass from its end gets out (tight 28,000 s1, when the
#: path had eight stages of three steps, see PATH_SHAPE: the bound phase ended at 24.37M
#: with the target's price at 782, a second pass in 1.4 s at 23.998M with 4,379, where the
#: LP relaxation is 23.996M with 4,385; s0 21.915M -> 21.902M). At 10 s on 28,000 it does
#: not fit (0.8 s for this phase), and 6 steps a stage from the start instead cost the
#: search a second: the plans ended 0.1-0.7% lower. (At half of the 4.8 s at 60 s, tight
#: 28,000 s1's bound phase of 2.4-2.7 s fitted in one run of two.)
SECOND_PATH_SHARE = 0.75
#: The dual's path: smoothing stages and Newton steps a stage. Where the bound phase's path
#: is not expected to end by its deadline (``_path_deadline``: its first step's time times
#: its steps), the shorter path, two steps a stage, and no step is begun that would end past
#: the deadline. Against the whole path run to the limit, the first priced plan and the
#: finish after it (interleaved): 280,000 processes at 10 s (steps of 0.45-0.6 s) 99.865%
#: of the bound at 9.96-9.99 s, where it was 99.866% at 11.65-12.03 s; the 28,000 demo at
#: 1 s 29.753M at 1.00-1.02 s (29.748M at 1.17-1.18 s); 100,000 at 5 s 80.90-80.98M at
#: 4.7-5.0 s (80.91M at 5.35 s), at 3 s 80.31-80.90M at 3.0-3.1 s (80.55-80.89M at
#: 3.6-3.9 s: the time past the limit went to the path); tight 28,000 s0 with 5% less
#: capacity (the target out of reach) 18.95-18.99M in 6 runs (12.42M in 3 of 4, 19.07M).
#: The whole path cut at the same deadline: 99.77%, 29.745M, 80.91M, 80.64M. Five stages of
#: two steps reach 99.98% on 280,000 but no priced plan meeting the target on the demo at
#: 1 s (its bound 0.2% higher). Measuring the second step instead of the first (the first
#: takes longer: 0.14-0.41 s against 0.04-0.05 s where the target is out of reach) ended
#: 280,000 at 99.68% and 100,000 at 3 s with the count-first plan. Where the whole path
#: fits (the demo at 10 s: 24 steps of 0.03-0.05 s; tight 28,000: 0.04-0.06 s), it is
#: followed. (Those figures are of eight stages of three steps.)
#: Sixteen stages of two steps, not eight of three: the smoothing falls by 0.68 from one
#: stage to the next, not by 0.44, and the path of eight stages of three stalled on tight
#: 28,000 s1 (Dual.stalled) at 24.37M with the target's price at 782, where sixteen of two
#: reach 23.996M with 4,376 (the LP relaxation: 23.996M) in 1.55 s instead of 1.57 s. At 10
#: s on 28,000 a stalled path has no time to be followed again (UNSTALL_SHARE), and the
#: plans were made from those prices. The bound phase alone ends lower on tight 28,000
#: s0-s4, the 28,000 demo and the loose 28,000 (by 0.01-1.5%; in 1.31-1.87 s against
#: 1.29-1.64 s) and on tight 3,000 s1-s3 and s6, 0.05% higher on tight 3,000 s0. Twelve
#: stages of two, in 0.1-0.45 s less, were 0.4-0.7% higher on tight 3,000 s0, s3 and s6 and
#: stalled on tight 3,000 s0 with 10% more capacity; eight of two stalled on tight 3,000
#: s0-s2. Tight instances at 10 s, interleaved in one process with eight stages of three
#: before both LPs asked for a margin (lp_guided.ROUNDING_MARGIN; 9 runs each on 28,000, 5
#: on 3,000): mean % of the best known 28,000 s1 99.591 against 99.518 (at 99.5% or more in
#: 8 runs against 6; gap 0.47-0.66% against 0.91-1.08%), s0 99.632 against 99.655, s2 99.653
#: against 99.636; 3,000 s0 99.667 against 99.652, s1 99.628 against 99.700, s2 99.706
#: against 99.675 (all at 99.5%). Sixteen of two without a margin left tight 28,000 s2 at
#: 99.39-99.55% (see ROUNDING_MARGIN).
PATH_SHAPE = (16, 2)
SHORT_PATH_SHAPE = (8, 2)
#: Where the dual's path stalled (Dual.stalled) and the bound phase took at most this share
#: of the time limit, the path is followed once more right after it, before any plan is made
#: from its prices: the LP's pairs, value-first's plans and the search's neighbourhoods all
#: choose by them, and the bound the solve shows is the right one from then on. Tight 28,000
#: s1 at 60 s, with eight stages of three steps a stage (PATH_SHAPE): 24.37M -> 24.02M in
#: 1.7-2.1 s, the target's price 782 -> 4,299, the start plans 23.754M instead of 23.728M.
#: The plan at 60 s is no better on average (5 runs 23.863-23.905M, mean 23.883M; without it
#: 23.862-23.901M), since the search ends with the same value either way, but the bound
#: shown from 4.5 s on is 24.02M, not 24.37M until the last second. At 10 s (the bound phase
#: takes 28% of it on 28,000) it ended at 23.760M twice instead of 23.785-23.789M: the plans
#: come 2 s later, and the search from them gains little in the 3.5 s left, where the LP's
#: plan at the stalled prices is 3 counts short and repaired to 23.786M.
UNSTALL_SHARE = 0.1
#: Where the count-first plan is packed (the requirements bind: the LP's rounded plans are
#: the solve's start, and they need the time after the bound phase), the bound phase's path
#: stops once it has taken this share of the time limit; the best prices it met are kept,
#: so the bound stays proven, only less tight. On a slower or busier machine the path took
#: the time the LP needed: tight 28,000 at 10 s started no LP once the path took more than
#: 4.4 s (1.5 times its usual 2.5-3 s), and the solve returned value-first's plan, 91% of
#: the best known on s1 where the LP's gives 99.4%. Shorter limits here stand for slower
#: machines at 10 s: at 7 s, uncut s0 86.6%, s1 91.3%, cut 99.46% and 99.15% (s2 99.54%
#: both); at 5 s, in a fast hour uncut s0 86.5-86.7%, s1 91.1-91.2%, cut 99.3-99.5% and
#: 99.11-99.15% (2 runs each), in a slow one (the uncut path 3.9-4.7 s) both 85-90%: the LP
#: and its rounding no longer fit either way. At 10 s it changes nothing measurable
#: (interleaved, 2 runs each: s0 99.48% either way, s1 99.46%, s2 99.55-99.56%).
#: Not where count-first is not packed: on the loose 280,000 the priced plans need the
#: whole path (223.6M at 12.6 s; cut, 215.9M at 11.5 s).
PATH_SHARE = 0.35
#: The improvement phase (improve.py) and the per-bureau bound after it end where the time
#: the end of the solve takes is left (checking the plan, its figures and prices: 0.01 s on
#: tight 3,000, 0.04 s on tight 28,000): FINISH_SECONDS plus FINISH_PER_PROCESS a process,
#: at most 1 - IMPROVE_SHARE of the time limit (all that was left before: 0.4 s of 10 s,
#: 2.4 s of 60 s, mostly unused; the search gains fast at its end, tight 3,000 s0-s2 at
#: 10 s +1.1k to +3k with 0.3 s more). The LP the search rounds plans from still ends by
#: IMPROVE_SHARE of the limit (less LP_ROUNDING_SECONDS): its rounding may run over (tight
#: 28,000 at 10 s, 0.1-0.2 s past the limit when the LP was given until the search's end).
#: Repairing the most promising plan (it misses requirements) may take REPAIR_SHARE of the
#: search's time (the rest goes to the search from the best plan meeting them, where the
#: repair fails: on tight 28,000 at 10 s it gains ~0.01% a second there). Tight 28,000 s0 at
#: 10 s, the LP's plan 3 counts short: with 0.75 the repair ended in time where the plans
#: were ready by 5.9 s (99.48% of the best known; ready at 6.3-6.5 s, 99.28-99.37%); with
#: 0.9 also at 6.5 s (99.48% twice; 6.7 s 99.40%, 7.6 s 99.29%).
FINISH_SECONDS = 0.05
FINISH_PER_PROCESS = 3e-6
IMPROVE_SHARE = 0.96
REPAIR_SHARE = 0.9
#: ... and only when it promises this much more (relative) than the best plan meeting them:
#: since value-first plans meet the requirements at a fair price, searching from the best of
#: them gains more (tight 3,000 s0 and s1, promising +0.6% and +0.4%: repairing it first
#: ended 0.2% and 0.7% lower at 60 s, and s1 1.3% lower at 10 s).
REPAIR_MIN_GAIN = 0.01
#: ... or this much, where it misses at most REPAIR_FEW counts: the search repairs them in a
#: step or two (two repair neighbourhoods at a time, before its sweep), and on large
#: instances it gains little more per second from the plan meeting them (tight 28,000 s0
#: at 10 s: the LP's plan 3 short promises +0.24%, repaired in 2.5 s: 21.721M against
#: 21.683M; tight 3,000 s0 and s1, 7 and 4 short, promising +0.4% and +0.2%, ended 0.1%
#: and 0.3% lower repairing them first by repair neighbourhoods). Where the sweep repairs
#: the plan as it re-plans the bureaus (small bureaus, improve.SWEEP_REPAIR_MAX), any gain
#: is worth it, however many counts it misses: tight 3,000 s0 at 10 s, 7 short and +0.43%,
#: then ended at 99.58-99.68% of the best known instead of 99.43%; s2 at 60 s, 6 short and
#: +0.11%, at 99.88-99.96% instead of 99.79-99.83% (3 runs each).
REPAIR_FEW = 3
REPAIR_FEW_MIN_GAIN = 0.002
#: The value-first plans are built for at most this share of the time limit, and at least
#: until one meets the requirements. At 10 s the search then gains more per second than
#: the value sets bisected near the boundary do (tight 3,000, seeds 0-5, 2 runs each: 0.1
#: against 0.45 ended +0.06% on average, -0.08% to +0.17%); at 60 s all of them are built
#: still (4.4-5.5 s), and they are a better start for the long search (building only the
#: first that meets the requirements, seed 2 ended at 99.76% of the best known instead of
#: 99.92%). At 0.1, tight 3,000 s0 at 10 s ended in two groups: where value-first's first
#: bisection step (a plan 7 counts short worth 99.38% of the best known, which the sweep
#: repairs) was expected to end 0.02-0.05 s past the deadline it was not begun, the search
#: began from the plan meeting them (98.95%) and ended at 99.41-99.46% in 8 of 9 runs;
#: where it was begun, at 99.53-99.68% (7 runs). At 0.12 the step fits on this machine and
#: the next one does not (at 0.15, two more steps and 0.5 s less search: 99.53% in 9 of 10
#: runs). Interleaved with 0.1, 20 pairs a seed at 10 s: means s0 99.62% against 99.57%
#: (runs below 99.5%: 0 against 5), s1 99.53% against 99.53% (7 against 10), s2 99.67%
#: against 99.65% (0 and 0). Tight 28,000, at 10 s and at 60 s, is not affected: the LP
#: around the prices' plan is solved there (share 0 below), and value-first builds one
#: small value set's plan with either share. Tight 3,000 at 60 s ends value-first 2.2-3.0 s
#: in, before either share's deadline.
VALUE_FIRST_SHARE = 0.12
#: The LP that plans are rounded from (lp_guided.py) is solved when its estimated time is at
#: most this share of the time left until the improvement phase's deadline (tight 28,000:
#: 7.0 s estimated, 6.6-6.9 s left at 10 s, so the LP around the prices' plan is solved
#: there; 52 s left at 60 s); it must end this long before the search's
#: latest deadline (IMPROVE_SHARE), for the rounding and repairs
#: after it (tight 28,000: 0.9 s), and that rounding is not begun later than this before
#: the limit (_start_plans). The LP takes 5.5-6.8 s there on an idle machine; ending it by
#: the usual deadline instead (5.1-5.6 s) it often found nothing, and the 10 s plan fell
#: from 21.68M to 21.52M.
LP_SHARE = 0.8
#: ... and the plain LP only where it is expected to take at most this long; a longer one
#: is not worth its time even where it fits: the LP around the prices' plan, with the
#: wider LP beside it, rounds as well or better in 1-3.5 s, and the search gets the rest.
#: Tight 28,000 at 60 s (7-8 s estimated): with the plain LP the first plans came at
#: ~11.5 s and the solve ended at 99.79-99.89% (s2), 99.81-99.93% (s0) and 99.61-100.06%
#: (s1) of the best known; with the started LP they came at 5.2-7.5 s, and it ended at
#: 100.01-100.02%, 99.83-99.94% and 100.06-100.12% (2 runs each). Tight 3,000 (0.9 s
#: estimated) keeps the plain LP and value-first's larger value sets: with the started LP
#: it ended at 98.4-99.4% at 10 s instead of 99.5-99.6%.
LP_PLAIN_MAX = 2.0
LP_ROUNDING_SECONDS = 1.0
#: ... and only where the requirement prices times the counts are at least this share of
#: the bound (tight 3,000: 0.31, tight 28,000: 3.4; the 28,000 demo, where the greedy plans
#: reach 99.97% and the improvement phase does not run: 0.009).
LP_BINDING = 0.05
#: The greedy plans from the prices are skipped where the improvement phase will run and
#: the count-first plan meets some requirement with less than this share of its need to
#: spare: to meet it they must pack the smallest processes as that plan does. On the tight
#: family (0.0-0.01% to spare) their best is 68-86% of the bound, or none meets the needs
#: (tight 3,000 s2), where the value-first plans reach 99%; and they cost 0.7-0.8 s on
#: 3,000 and 5 s on 28,000 of a 10 s limit on a 2-core machine about half as fast as the
#: one the other figures here come from, where tight 28,000 at 10 s then ended with the
#: best of them, 14.9M (value-first had no time left), and without them with 21.5M.
#: With 2% more capacity (0.5-0.8% to spare) both end the same; with 5% or 10% more
#: (1.6-4.2%) the priced plans reach 98.2-99.8% and are kept.
PRICED_MIN_SPARE = 0.01
#: Reduced-value greedy keys (R + (f-1) lambda) / effort^g: g, and bisection steps on f.
REDUCED_G = 0.25
REDUCED_STEPS = 6
#: Shortfalls up to this many processes are repaired by two-for-one exchanges.
REPAIR_MAX = 30


class SolverBug(RuntimeError):
    """The checker rejected a plan the optimizer produced: a bug, never a user error."""


class _Clock:
    def __init__(self, limit: float, progress: Progress) -> None:
        self.t0 = time.monotonic()
        self.limit = limit
        self.progress = progress

    def elapsed(self) -> float:
        return time.monotonic() - self.t0

    def at(self, share: float) -> float:
        """The moment (time.monotonic()) when this share of the time limit has passed."""
        return self.t0 + share * self.limit

    def stop(self) -> bool:
        return self.progress.is_cancelled() or self.elapsed() > self.limit

    def part(self, share: float) -> _Clock:
        """A clock started at the same moment whose limit is ``share`` of this one's (the
        same progress: a cancel stops both)."""
        out = _Clock(share * self.limit, self.progress)
        out.t0 = self.t0
        return out

    def until(self, moment: float) -> _Clock:
        """``part`` of this clock that ends at ``moment`` (time.monotonic())."""
        out = _Clock(moment - self.t0, self.progress)
        out.t0 = self.t0
        return out

    def cancelled(self) -> bool:
        return self.progress.is_cancelled()


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    progress: Progress | None = None,
    hint: np.ndarray | None = None,
) -> Plan:
    """Optimise ``problem`` (validated first; raises ProblemError on bad input)."""
    problem.validate()
    with single_threaded_blas():
        return _solve(problem, time_limit=time_limit, progress=progress, hint=hint)


def _solve(
    problem: Problem,
    *,
    time_limit: float,
    progress: Progress | None,
    hint: np.ndarray | None,
) -> Plan:
    clock = _Clock(time_limit, progress if progress is not None else NullProgress())
    search = _start(problem, clock, hint)
    _bound_phase(search)
    _start_lp(search)
    if _priced_plans_pay(search):
        _priced_phase(search)
    if _gap_left(search):
        _improve_phase(search)
    else:
        _polish_phase(search)
        _tighten_bound_phase(search, until=clock.at(0.9))
    _whole_cpsat_phase(search)
    return _finish(search)


@dataclass
class _Search:
    """What the phases share: the (possibly relaxed) residual problem, the best plan so far
    (over the free processes), the proven bound and the dual prices."""

    problem: Problem
    res: Residual
    clock: _Clock
    requirements: list[Requirement]  # as optimised (relaxed when infeasible)
    infeasible: bool
    best: np.ndarray
    best_obj: float
    dual: Dual
    bound: float = float("inf")
    # the whole plan once the CP-SAT phase has replaced it (None: _full(res, best))
    quarter: np.ndarray | None = None
    # the plan's prices (Plan.prices) are computed at the end (a warm re-solve skips them)
    with_prices: bool = True
    # the LP relaxation being solved for the improvement phase (lp_guided.py), if it is
    lp: RoundedLp | None = None
    # the LP's prices, where they bound the problem lower than the dual's (_bound_by_lp)
    lp_prices: np.ndarray | None = None
    # how long the bound phase took (the machine's pace, for the started LP's estimate)
    bound_seconds: float = 0.0
    # the least share of a need the start plan (count-first) meets it with to spare
    count_first_spare: float = float("inf")
    # how long the count-first plan took (about as long as the first priced plan takes)
    count_first_seconds: float = 0.0
    # the shortfall's extra-capacity LP, started when the requirements were found out of reach
    gap_lp: GapInBackground | None = None

    @property
    def time_limit(self) -> float:
        return self.clock.limit

    def work_end(self) -> float:
        """The moment (time.monotonic()) the work before the finish ends by (the bound
        phase's path where count-first is not packed, the priced plans after the first, the
        improvement phase, the per-bureau bound): the finish's time left
        (``_finish_reserve``)."""
        return self.clock.at(1.0) - _finish_reserve(self.problem.n_processes, self.time_limit)

    def offer(self, x: np.ndarray, phase: str = "plan") -> bool:
        """Take plan x (free processes) if it meets the needs and beats the best; reports it."""
        if self.res.shortfall(x) > 0:
            return False
        obj = objective_of(self.problem, _full(self.res, x))
        if obj <= self.best_obj:
            return False
        self.best, self.best_obj = x, obj
        self.report(phase)
        return True

    def report(self, phase: str) -> None:
        bound = None if np.isinf(self.bound) else self.bound
        self.clock.progress.report(phase, self.best_obj, bound, self.clock.elapsed())

    def whole_plan(self) -> np.ndarray:
        return self.quarter if self.quarter is not None else _full(self.res, self.best)


def _start(problem: Problem, clock: _Clock, hint: np.ndarray | None) -> _Search:
    """Count-first plan, the count phase if it misses a requirement, the relaxation when the
    requirements cannot all be met, the caller's hint."""
    time_limit = clock.limit
    res = residual_of(problem)
    began = time.monotonic()
    base = _count_first(res)
    count_first_seconds = time.monotonic() - began
    if res.shortfall(base) > 0 and not clock.cancelled():
        budget = COUNT_SHARE * time_limit - clock.elapsed()
        base = improve_count(res, base, budget, should_stop=clock.stop)
        primal.sort_classes(res, base)  # the count phase ignores value
    requirements = problem.all_requirements()
    infeasible = res.shortfall(base) > 0 or any(
        req.quarter < 0 and req.need > 0 for req in requirements
    )
    started = None
    if infeasible:
        if _whole_scope_missed(problem, _full(res, base)):
            budget = 2 * COUNT_SHARE * time_limit - clock.elapsed()
            base = _most_by_deadline(problem, base, budget, clock)
        # the least extra capacity the shortfall names: its LP needs only the problem, so
        # it runs beside the phases below (the bound phase leaves the second core idle)
        # instead of after them, past the time limit. Not beside the count phases: their
        # CP-SAT uses both cores, and they reached 0.3% fewer processes by the deadline.
        started = GapInBackground(problem)
        requirements = _relaxed(problem, _full(res, base))
        res = residual_of(problem, requirements)
    search = _Search(problem, res, clock, requirements, infeasible, base,
                     objective_of(problem, _full(res, base)), Dual(res),
                     count_first_spare=_spare(res, base), gap_lp=started,
                     count_first_seconds=count_first_seconds)
    search.report("start")
    if hint is not None:
        cand = _from_hint(res, hint)
        if cand is not None:
            search.offer(cand)
    return search


def _bound_phase(search: _Search) -> None:
    """Minimise the Lagrangian dual: the proven bound and the prices."""
    res, clock, dual = search.res, search.clock, search.dual
    search.bound = dual.value()
    if clock.cancelled() or not res.free.size:
        return
    began = time.monotonic()
    packed = _count_first_is_packed(search)
    cut_at = _path_deadline(search, began, packed)
    # the packed case's cut (PATH_SHARE) was measured with the whole path, and the tight
    # instances' path fits it on the machine measured on
    fit_by = float("inf") if packed else cut_at
    _follow_dual_path(search, should_stop=lambda: clock.stop() or time.monotonic() > cut_at,
                      fit_by=fit_by)
    search.bound = dual.value()
    search.bound_seconds = time.monotonic() - began
    search.report("bound")
    if (dual.stalled() and search.bound_seconds <= UNSTALL_SHARE * clock.limit
            and not clock.stop()):
        _follow_dual_path(search, should_stop=clock.stop)
        search.bound = min(search.bound, dual.value())
        search.report("bound")


def _path_deadline(search: _Search, began: float, packed: bool) -> float:
    """The moment the bound phase's path, begun at ``began``, stops by: PATH_SHARE of the
    time limit after it began where the count-first plan is packed (``packed``,
    ``_count_first_is_packed``); elsewhere the moment that leaves the first priced plan
    (built next, as long as the count-first plan took) and the finish their time before
    the limit."""
    if packed:
        return began + PATH_SHARE * search.time_limit
    return search.work_end() - search.count_first_seconds


def _follow_dual_path(search: _Search, should_stop: Callable[[], bool],
                      fit_by: float = float("inf")) -> tuple[int, int]:
    """Minimise the Lagrangian dual along the smoothing path, from its current prices (the
    best prices it meets are kept: the bound never gets worse). The path is PATH_SHAPE, or
    SHORT_PATH_SHAPE where the first step's time says PATH_SHAPE would not end by
    ``fit_by``, and no step is begun that would end past it; returns the shape followed
    (stages, steps a stage)."""
    tau_start, tau_end = path_temperatures(search.res)
    stages, steps = PATH_SHAPE
    stop = should_stop
    if fit_by < float("inf"):
        began = time.monotonic()
        search.dual.minimise(tau_start=tau_start, tau_end=tau_start, stages=1,
                             newton_steps=1, should_stop=should_stop)
        if should_stop():
            return PATH_SHAPE
        step = time.monotonic() - began
        if began + step * stages * steps > fit_by:
            stages, steps = SHORT_PATH_SHAPE

        def stop() -> bool:  # no step is begun that would end past fit_by
            return should_stop() or time.monotonic() + step > fit_by
    search.dual.minimise(tau_start=tau_start, tau_end=tau_end, stages=stages,
                         newton_steps=steps, should_stop=stop)
    return stages, steps


def _start_lp(search: _Search) -> None:
    """Start the LP the improvement phase rounds plans from, when the requirements bind
    (their prices carry LP_BINDING of the bound) and the instance is too big for CP-SAT on
    the whole model: the plain LP when it is expected to end in LP_SHARE of the time before
    the improvement phase's deadline and within LP_PLAIN_MAX, else the LP written around the
    prices' plan (lp_guided.py) when it and its rounded plans are expected within LP_SHARE
    of the time left. They take about as long as the bound phase did (tight 28,000 on a slow
    2-core machine: the bound phase 3.3-3.9 s; the LP 1.9-2.1 s and its rounding 1.4-2.4 s),
    and the bound phase's own time keeps the estimate to the machine's pace and load, which
    a per-pair constant measured on one machine does not: with one core taken by another
    process, at 8 s the LP's plans came too late and the count-first plan was returned,
    where value-first (which runs beside it now, _start_plans) gave 21.5M."""
    res, clock = search.res, search.clock
    needs = np.array([need.need for need in res.needs], dtype=np.float64)
    if (clock.cancelled() or not res.needs
            or float(np.dot(search.dual.lam, needs)) < LP_BINDING * search.bound
            or not _too_big_for_whole_cpsat(res)):
        return
    now = time.monotonic()
    plain = lp_seconds(res) <= min(LP_PLAIN_MAX,
                                   LP_SHARE * (clock.at(IMPROVE_SHARE) - now))
    started = search.bound_seconds <= LP_SHARE * (clock.at(1.0) - now)
    if plain or started:
        # it may end as late as IMPROVE_SHARE allows (the search's latest deadline)
        search.lp = RoundedLp(res, search.dual,
                              clock.at(IMPROVE_SHARE) - now - LP_ROUNDING_SECONDS,
                              search.best, started=not plain)  # it meets them


def _too_big_for_whole_cpsat(res: Residual) -> bool:
    """More eligible (process, quarter) pairs than SMALL_PAIRS: the improvement phase, not
    CP-SAT on the whole model, is what closes the gap."""
    return int(np.isfinite(res.value).sum()) > SMALL_PAIRS


def _spare(res: Residual, x: np.ndarray) -> float:
    """The least share of a need that plan x has over it (inf without needs)."""
    return min(((need.count(x) - need.need) / max(need.need, 1) for need in res.needs),
               default=float("inf"))


def _count_first_is_packed(search: _Search) -> bool:
    """The count-first plan only just meets a requirement (PRICED_MIN_SPARE) and the
    improvement phase, whose value-first plans are made for that case, will run. Not when
    the requirements were relaxed to what the start plan reaches (every one is met with
    nothing to spare then): there the priced plans are built unless the LP is solved for
    the improvement phase (``_priced_plans_pay``; on tight 3,000 with 10% less capacity,
    before that LP, they ended the solve 0.6% higher)."""
    return (not search.infeasible and search.count_first_spare < PRICED_MIN_SPARE
            and _too_big_for_whole_cpsat(search.res))


def _priced_plans_pay(search: _Search) -> bool:
    """The greedy plans from the dual prices are worth their time. Not on a cancel, nor
    where the count-first plan is packed (``_count_first_is_packed``). Where the
    requirements were relaxed, the start plan reaches the most processes by the deadline,
    the contract's first aim, so it is no fallback to improve on at any cost: no plan is
    begun past the limit there (tight 28,000 with 5% less capacity at 10 s: 0.6 s past it
    for a plan no better), and none where the LP the improvement phase rounds plans from
    is being solved (``_start_lp``): value-first, the LP's rounded plans and the search
    make the plan there, and the priced plans took the time they need. Tight 28,000 with
    5% less capacity at 10 s: the priced plans took 3.6-5.0 s, none beat the start plan,
    and the LP's rounding after them ended past the limit (6 runs: 10.09-10.77 s, s0
    18.95-18.97M, s1 19.06-21.51M, s2 17.33-23.62M); without them 9.93-10.08 s,
    19.56-19.68M, 21.68M, 23.79-23.88M. Tight 3,000 with 10% less capacity at 10 s: the
    priced plans beat the start plan in none of 9 runs."""
    clock = search.clock
    if clock.cancelled() or _count_first_is_packed(search):
        return False
    return not (search.infeasible and (clock.stop() or search.lp is not None))


def _priced_phase(search: _Search) -> None:
    """Greedy plans from the dual prices (the solve builds them where ``_priced_plans_pay``
    says they pay); the first is built even past the time limit (priced_plans)."""
    # the plans after the first end where the finish's time is left
    for cand in priced_plans(search.res, search.dual, search.clock.until(search.work_end()),
                             in_time=True):
        search.offer(cand)


def _gap_left(search: _Search) -> bool:
    """The greedy plans leave a gap the improvement phase is for: the instance is too big
    for CP-SAT on the whole model and the gap is above improve.GOAL."""
    res = search.res
    return (not search.clock.cancelled() and res.free.size > 0
            and _too_big_for_whole_cpsat(res)
            and gap_of(search.best_obj, search.bound) > improve.GOAL)


def _improve_phase(search: _Search) -> None:
    """Value-first plans from the prices (value_first.py), then neighbourhood search
    (improve.py) until the finish's time is left (``_Search.work_end``), with the bound
    tightened beside it (``_bound_beside``)."""
    res, clock = search.res, search.clock

    def report(x: np.ndarray) -> None:
        search.offer(x, "improve")

    feasible, promising = _start_plans(search)
    _bound_by_lp(search)
    if feasible is not None:
        search.offer(feasible, "improve")
    deadline = search.work_end()
    with _bound_beside(search, until=deadline):
        searched = False  # the search from the repaired plan had the time until the deadline
        if promising is not None and _worth_repairing(res, promising, search.best):
            # repair the requirements the most promising plan misses, with most of the time
            # left (REPAIR_SHARE), the search going on from it until the deadline once it is
            # repaired (a second search from the best plan would begin again, its kinds'
            # rates unknown); if it is not repaired by then, improve the best plan meeting them
            half = time.monotonic() + REPAIR_SHARE * (deadline - time.monotonic())
            repaired = improve.improve(res, promising, search.dual, search.bound, deadline,
                                       clock.stop, report, repair_by=half)
            searched = res.shortfall(repaired) == 0
            if not searched and not clock.stop():
                # it may run out of time a count or two short, where the search repairs a
                # count for little (tight 28,000 s0 at 10 s: 3 counts for 5k in 2.5 s):
                # completed at any price, 21.705M, where the best plan meeting the
                # requirements was 21.675M
                completed = repaired_at_any_price(res, repaired, clock.stop)
                if completed is not None:
                    search.offer(completed, "improve")
        if not searched:
            improve.improve(res, search.best, search.dual, search.bound, deadline,
                            clock.stop, report)


@contextmanager
def _bound_beside(search: _Search, until: float) -> Iterator[None]:
    """The bound tightened (``_tighten_bound``) in a thread of its own while the block runs
    (the search), on a copy of the prices, which the search keeps; on leaving the block its
    bound and prices are taken. The search leaves a core idle while it re-plans one bureau
    at a time (its sweep), and its stop test is all it reads of the bound, so the bound no
    longer takes the last BOUND_SHARE of the time from it. Tight 3,000 at 10 s, 14 runs a
    seed against the bound after the search (10 interleaved in one process, 4 in turns):
    mean % of the best known s0 99.54 against 99.47, s1 99.51 against 99.46, s2 99.60
    against 99.58, mean gaps 0.71-0.82% either way; tight 28,000 at 10 s (2 runs a seed)
    within 0.05% either way. The small bureaus' integer bound goes on to the search's end
    (``small_until``): tight 3,000 at 10 s, 4 runs each interleaved in one process with a
    bound of BOUND_SHARE only, mean gap s0 0.26% against 0.38%, s1 0.51% against 0.62%, s2
    0.30% against 0.44%, the plans within 0.03% either way (BESIDE_BUREAU_SHARE)."""
    if until - time.monotonic() < 2 * BOUND_SHARE * search.time_limit:
        # a search left little time has both cores: its plans came late (tight 28,000 at
        # 10 s: the LP-rounded plans 0.1 s before the usual deadline, a milestone 31 over
        # its need, whose counts the search then moves, 21.67M -> 21.68M), and there a
        # bound beside it cost s0 0.03% and s2 0.04% (means of 2 runs; s1 0.01%)
        yield
        return
    shadow = dataclasses.replace(search, dual=copy.copy(search.dual))
    left = threading.Event()  # the block was left by an exception: the bound stops too
    tightening = Background(lambda: _tighten_bound(
        shadow, until, lambda: left.is_set() or search.clock.stop(), small_until=until,
        bureau_seconds=min(BUREAU_SECONDS, BESIDE_BUREAU_SHARE * search.time_limit)))
    try:
        yield
    except BaseException:
        left.set()  # not waited for: it ends on its own
        raise
    # it stops at a cancel or the limit itself, and its bound so far is proven
    tightening.wait(lambda: False)
    if not tightening.result():
        return
    search.dual.y = shadow.dual.y
    search.bound = min(search.bound, shadow.bound)
    search.report("bound")


def _bound_by_lp(search: _Search) -> None:
    """The bound at the LP's row duals (lp_prices.py), where it is lower than the dual's own;
    the per-bureau bound then starts from those prices (_tighten_bound_phase). The search
    keeps the dual's prices: the LP's are those of the LP over each process's best quarters
    at the dual's prices, not of the whole problem's. (Tight 28,000 s1 at 10 s, with eight
    stages of three steps on the path, PATH_SHAPE: the bound phase stalled at 24.37M with
    the target's price at 782; the LP's prices bound it by 24.16M (target 11.8k; the whole
    LP's is 4,385), and the per-bureau bound from them by 24.09M
    instead of 24.30M: a gap of 1.24% against 2.11%. On s0 and s2 the dual's own are lower,
    21.92M against 21.94M and 26.18M against 26.21M.)"""
    lp, dual = search.lp, search.dual
    y = lp.multipliers(dual) if lp is not None else None
    if y is None:
        return
    at_lp = dual.value(y)
    if at_lp >= dual.value():
        return
    search.lp_prices = y
    search.bound = min(search.bound, at_lp)
    search.report("bound")


def _worth_repairing(res: Residual, promising: np.ndarray, best: np.ndarray) -> bool:
    """The promising plan, which misses requirements, is worth repairing before the search
    improves the best plan meeting them (REPAIR_MIN_GAIN; REPAIR_FEW_MIN_GAIN where it
    misses a few counts; any gain where the sweep repairs it, improve.sweep_repairs)."""
    gain = res.plan_value(promising) / max(res.plan_value(best), 1.0) - 1.0
    if improve.sweep_repairs(res):
        return gain > 0.0
    few = int(res.missing(promising).sum()) <= REPAIR_FEW
    return gain > (REPAIR_FEW_MIN_GAIN if few else REPAIR_MIN_GAIN)


def _start_plans(search: _Search) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The search's start: (the best plan meeting the requirements, the most promising
    plan, by value_first.score) of the value-first plans and the LP's rounded plans.

    Value-first runs while the LP is solved in its thread, the LP written around a start
    plan (lp_guided.py) too. (That LP's plans came first once, and value-first ran only if
    none met the requirements: on tight 28,000 seed 1 at 10 s, whose bound phase takes 3.1 s,
    none did, value-first began at 6.2 s, found no plan meeting them by the limit, and the
    solve returned the count-first plan, 15.08M, where value-first first gives 21.64M. On
    seed 0 with one core taken by another process both orders end at 21.64M.)

    Where the LP around the prices' plan is solved (the plain one would take longer than
    LP_PLAIN_MAX or not fit the time), value-first builds only a small value set's plan to
    fall back on, and the LP's threads get both cores: its bigger sets took 2.5-5 s of a 10
    s solve on tight 28,000, their plans were worth less than the LP's on every seed (s0
    21.48M against 21.62M, s2 25.55M against 25.86M), and on seed 1 the LPs it slowed ended
    too late for the margin LP, which makes 23.74M of the 21.64M there.

    Where no LP is solved (it and its rounding would not end in time), value-first secures
    a small value set's plan first too: tight 28,000 s1 at 10 s on a slow machine, where
    the bound phase took 5 s, its whole value set's build took the rest of the time and
    missed the requirements, and the solve returned the count-first plan (15.08M); with it
    and no bigger build begun that is expected to end past value-first's deadline, 21.81M
    and 21.83M (the LP left out)."""
    res, clock, lp = search.res, search.clock, search.lp
    lam = search.dual.lam
    # value-first comes first in the list: it wins ties, as it did before the LP
    around_prices = lp is not None and lp.started
    share = 0.0 if around_prices else VALUE_FIRST_SHARE
    sources: list[tuple[np.ndarray | None, np.ndarray | None]] = []
    # a value-first build takes about as long as the count-first plan did: where none would
    # end by the search's deadline, the search starts from the plan in hand (280,000
    # processes at 10 s: the priced plans ended at 8.9 s, and a build of 1.2 s took the
    # solve past the limit for no plan meeting the requirements)
    if time.monotonic() + search.count_first_seconds <= search.work_end():
        sources.append(value_first(res, search.dual, clock.stop,
                                   time.monotonic() + share * clock.limit,
                                   needed_by=search.work_end(),
                                   secure_first=around_prices or lp is None))
    # with a plan meeting the requirements in hand, the LP's plans are rounded only if that
    # can end by the limit (tight 28,000 seed 1 at 10 s: value-first ended at 9.75 s, and
    # the rounding took the solve to 10.17 s); without one, even late: a rounded plan beats
    # the count-first plan (tight 3,000 seed 2: 99% of the best known against 63%)
    meeting = sources[0][0] if sources else None  # value-first's plan meeting them
    late = time.monotonic() > clock.at(1.0) - LP_ROUNDING_SECONDS
    if lp is not None and not (late and meeting is not None):
        # their last repair, at any price, finishes past the limit; none is rounded where
        # value-first's plan is worth more than the LP's whole pairs (RoundedLp.plans)
        rival = -np.inf if meeting is None else res.plan_value(meeting)
        sources.append(lp.plans(clock.stop, needed_by=search.work_end(),
                                cancelled=clock.cancelled, rival=rival))
    feasible = max((f for f, _ in sources if f is not None), key=res.plan_value, default=None)
    return feasible, most_promising(res, lam, [p for _, p in sources])


def _finish_reserve(processes: int, time_limit: float) -> float:
    """Seconds left at the end of a solve for the finish (FINISH_SECONDS)."""
    return min((1.0 - IMPROVE_SHARE) * time_limit,
               FINISH_SECONDS + FINISH_PER_PROCESS * processes)


def _polish_phase(search: _Search) -> None:
    """Small bureaus re-optimised by CP-SAT, one at a time."""
    clock = search.clock
    if clock.cancelled() or not search.res.free.size:
        return
    budget = min(POLISH_SHARE * search.time_limit, 0.8 * search.time_limit - clock.elapsed())
    if budget > 0.05:
        search.offer(polish_bureaus(search.res, search.best, budget, should_stop=clock.stop))


def _tighten_bound_phase(search: _Search, until: float) -> None:
    """The bound tightened (``_tighten_bound``) by the moment ``until``, then reported."""
    if _tighten_bound(search, until, search.clock.stop):
        search.report("bound")


def _tighten_bound(search: _Search, until: float, should_stop: Callable[[], bool],
                   small_until: float | None = None,
                   bureau_seconds: float = BUREAU_SECONDS) -> bool:
    """A second pass of the dual's path where it fits (SECOND_PATH_SHARE), then the
    per-bureau integer bound, within BOUND_SHARE of the time limit and by the moment
    ``until`` (time.monotonic()), both from the LP's prices where they bound lower than the
    dual's (_bound_by_lp); the small bureaus' integer bound goes on until ``small_until``
    where that is later (bureau_bound.COARSE_PAIRS), each bureau in ``bureau_seconds`` at
    most. They move ``search.dual``'s prices, which the plan reports (Plan.prices). False
    where there was no time for it."""
    if should_stop() or not search.res.free.size:
        return False
    budget = min(BOUND_SHARE * search.time_limit, until - time.monotonic())
    if budget <= 0.05:
        return False
    end = time.monotonic() + budget
    if search.lp_prices is not None:  # lower than the dual's (nothing moves them between)
        search.dual.y = search.lp_prices
    if search.bound_seconds <= SECOND_PATH_SHARE * budget:
        stop_at = time.monotonic() + SECOND_PATH_SHARE * budget
        _follow_dual_path(search, lambda: should_stop() or time.monotonic() > stop_at)
        search.bound = min(search.bound, search.dual.value())
    left = end - time.monotonic()
    if max(left, (small_until or 0.0) - time.monotonic()) > 0.05:
        search.bound = min(search.bound, strengthen(
            search.dual, max(left, 0.0), should_stop, small_until=small_until,
            bureau_seconds=bureau_seconds))
    return True


def _whole_cpsat_phase(search: _Search) -> None:
    """On small instances, CP-SAT on the whole model (hinted): a better plan, a proven bound."""
    clock = search.clock
    budget = min(CPSAT_SHARE * search.time_limit, 0.75 * search.time_limit - clock.elapsed())
    if _too_big_for_whole_cpsat(search.res) or budget <= 0.2 or clock.cancelled():
        return
    quarter, cp_bound = _polish(search.problem, search.whole_plan(), budget,
                                search.requirements)
    search.quarter = quarter
    search.bound = min(search.bound, max(cp_bound, objective_of(search.problem, quarter)))


def _finish(search: _Search) -> Plan:
    """Check the plan (a violation is a SolverBug), then the figures, prices and shortfall."""
    problem, clock = search.problem, search.clock
    quarter = search.whole_plan()
    # a plan of the relaxed problem may still meet every requirement
    infeasible = search.infeasible and bool(requirement_violations(problem, quarter))
    bad = check_plan(problem, quarter)
    if infeasible:
        soft = set(requirement_violations(problem, quarter))
        bad = [m for m in bad if m not in soft]
    if bad:
        raise SolverBug("optimizer produced an invalid plan: " + "; ".join(bad[:5]))
    obj = objective_of(problem, quarter)
    bound = search.bound
    if bound < obj - 1e-6 * max(1.0, abs(obj)):
        raise SolverBug(f"bound {bound} is below the objective {obj}")
    bound = max(bound, obj)  # only float noise can get here
    status = "feasible"
    if not infeasible and bound - obj <= 1e-9 * max(1.0, bound):
        status = "optimal"
    # before the time is read: on tight 28,000 with 5% less capacity the shortfall's LP and
    # the prices took 3 s that the plan's solve time left out
    shortfall = _shortfall(search, quarter) if infeasible else None
    prices = _prices(search) if search.with_prices else None
    plan = make_plan(
        problem,
        quarter,
        status="target_infeasible" if infeasible else status,
        bound=bound,
        seconds=clock.elapsed(),
        shortfall=shortfall,
        cancelled=clock.cancelled(),
        prices=prices,
    )
    plan.multipliers = Multipliers.of(search.dual)
    clock.progress.report("done", plan.objective, plan.bound, plan.solve_seconds)
    return plan


def _shortfall(search: _Search, quarter: np.ndarray) -> Shortfall | None:
    """What the plan misses and the least extra capacity that closes it (by the LP of
    capacity_gap.py; by the quick heuristic after a cancel)."""
    clock = search.clock
    return shortfall_of(search.problem, quarter, exact=not clock.cancelled(),
                        started=search.gap_lp, should_stop=clock.cancelled)


def _prices(search: _Search) -> Prices:
    """The dual's prices, mapped back to the problem's requirements."""
    dual = search.dual
    n_req = len(search.requirements)
    base = dual.value()
    price = [0.0] * n_req
    without = [base] * n_req
    for m, need in enumerate(search.res.needs):
        lam = float(dual.lam[m])
        price[need.index] = lam
        if lam > 0:
            without[need.index] = dual.without_price(m)
    return Prices(capacity=dual.capacity_prices(), requirement=price, bound=base,
                  bound_without=without)


def _full(res: Residual, x: np.ndarray) -> np.ndarray:
    """Quarter array over all processes: locks, free processes' x, -1 elsewhere."""
    p = res.problem
    out = np.where(p.locked >= 0, p.locked, -1).astype(np.int32)
    out[res.free] = x
    return out


def _whole_scope_missed(problem: Problem, quarter: np.ndarray) -> bool:
    """The target or a milestone (requirements over every process) is missed."""
    return any(req.rows is None and _reached(req, quarter) < req.need
               for req in problem.all_requirements())


def _relaxed(problem: Problem, quarter: np.ndarray) -> list[Requirement]:
    """The requirements as far as plan ``quarter`` reaches them.

    When the target or a milestone cannot be met, the most processes by the deadline come
    first (planning-model.md §2: ``quarter`` comes from ``_most_by_deadline`` and the target
    asks for all it reaches), then the other requirements as far as that plan reaches them,
    then online applications. When only scoped requirements are missed, the target and
    milestones stay as they are."""
    most = _whole_scope_missed(problem, quarter)
    out = []
    for k, req in enumerate(problem.all_requirements()):
        reached = _reached(req, quarter)
        out.append(dataclasses.replace(
            req, need=reached if k == 0 and most else min(req.need, reached)))
    return out


def _most_by_deadline(problem: Problem, base: np.ndarray, seconds: float,
                      clock: _Clock) -> np.ndarray:
    """The contract's first aim when the target or a milestone cannot be met: the most
    processes by the deadline. The count phase weighs every requirement alike, so an
    unreachable milestone or scoped requirement can cost processes at the deadline; the
    target alone is tried as well and wins when it reaches strictly more."""
    target, *others = problem.all_requirements()
    if not others or clock.cancelled():
        return base
    everything = dataclasses.replace(target, need=problem.n_processes)  # more than reachable
    alone = residual_of(problem, [everything] + [dataclasses.replace(r, need=0) for r in others])
    x = _count_first(alone)
    if alone.shortfall(x) > 0 and seconds > 0:
        x = improve_count(alone, x, seconds, should_stop=clock.stop)
        primal.sort_classes(alone, x)

    def by_deadline(y: np.ndarray) -> int:
        return int(np.sum((y >= 0) & (y <= problem.deadline)))

    return x if by_deadline(x) > by_deadline(base) else base


def _count_first(res: Residual) -> np.ndarray:
    """Smallest efforts first, earliest quarter first: the plan reaching the most processes.
    The members of scoped requirements are placed first (smallest first), so that the
    smallest processes elsewhere do not take the capacity a narrow scope needs."""
    q = res.n_quarters
    early = 1.0 + 1e-3 * (q - np.arange(q)) / q
    key = np.where(np.isfinite(res.value), early[None, :] / res.effort[:, None], -np.inf)
    x = np.full(res.free.size, -1, dtype=np.int64)
    scoped = [n for n in res.needs if n.member is not None]
    if scoped:
        primal.meet_requirements(res, x, scoped)
    x = primal.greedy_pairs(res, key, x)
    primal.meet_requirements(res, x)
    primal.move_earlier(res, x)
    primal.sort_classes(res, x)
    return x


def priced_plans(
    res: Residual,
    dual: Dual,
    clock: _Clock,
    start: np.ndarray | None = None,
    bureaus: np.ndarray | None = None,
    *,
    in_time: bool = False,
) -> list[np.ndarray]:
    """Greedy plans from the dual prices, each completed by requirement repair, fill and
    move-earlier passes. Two families (each wins on some instances):

    * by reduced value ``R[p,q]`` (+ (f-1) x the requirement prices) per effort^g: follows the
      LP's choice of quarter (alpha included), small g favours value, larger g counts;
    * by (value + f*lambda - beta)/effort, f bisected so that the needs are just met.

    ``bureaus``: plan only these bureaus' processes, the rest of ``start`` kept as it is (a
    warm re-solve re-plans the bureaus an edit touched).

    The first plan is built even past the time limit. ``in_time`` (a full solve): once there
    is one, a plan is only started if it would end within the limit at the pace of the
    last one (280,000 processes at 60 s: plans of ~2 s each, started until the limit,
    ended the solve 2.5 s past it). A warm re-solve's plans are short and its last ones
    count: so limited, the gaps of 100 chained edits on the 28,000 demo rose from at most
    0.051% to 0.101%.
    """
    beta = dual.beta_full()
    out: list[np.ndarray] = []
    bonus1 = dual.bonus()
    last = 0.0  # seconds the last plan took

    def no_time() -> bool:
        """A cancel, or the limit passed (``in_time``: would pass by the next plan's end)."""
        pace = last if in_time else 0.0
        return clock.cancelled() or clock.elapsed() + pace > clock.limit
    base = None
    outside = None
    if bureaus is not None and start is not None:
        outside = ~np.isin(res.bureau, bureaus)
        base = np.where(outside, start, -1)

    def greedy(key: np.ndarray) -> np.ndarray:
        if outside is not None:
            key[outside] = -np.inf
        return primal.greedy_pairs(res, key, base)

    def complete(x: np.ndarray) -> np.ndarray:
        primal.meet_requirements(res, x)
        primal.fill(res, x, bureaus)
        primal.move_earlier(res, x, bureaus)
        out.append(x)
        return x

    # family 1: log2(f) bisected on [0, 6]; plans a few processes short are repaired by
    # two-for-one exchanges (on large shortfalls those exchanges cost too much value)
    reduced = dual.reduced()
    lo, hi = 0.0, 6.0
    for k in range(REDUCED_STEPS):
        # the first plan is built even past the time limit: it is far better than the
        # count-first fallback (only a cancel skips it)
        if clock.cancelled() or (k > 0 and no_time()):
            return out
        began = time.monotonic()
        mid = (lo + hi) / 2
        key = (reduced + (2.0**mid - 1.0) * bonus1) / res.effort[:, None] ** REDUCED_G
        x = greedy(key)
        primal.meet_requirements(res, x)
        short = res.shortfall(x)
        if 0 < short <= REPAIR_MAX:
            primal.repair_count(res, x)
        if res.shortfall(x) == 0:
            primal.fill(res, x, bureaus)
            primal.move_earlier(res, x, bureaus)
            out.append(x)
        last = time.monotonic() - began
        if dual.n_lam == 0:
            break  # f has no effect without requirement prices
        if short == 0:
            hi = mid
        else:
            lo = mid

    def plan(f: float) -> np.ndarray:
        nonlocal last
        began = time.monotonic()
        key = (res.value + f * bonus1 - beta[res.channel]) / res.effort[:, None]
        x = complete(greedy(key))
        last = time.monotonic() - began
        return x

    if in_time and out and no_time():  # without a plan yet, this family's first is built
        return out
    lo, hi = 0.0, 1.0
    if res.shortfall(plan(hi)) > 0:
        while hi < 64 and not no_time():
            lo, hi = hi, hi * 2
            if res.shortfall(plan(hi)) == 0:
                break
    for _ in range(6):
        if no_time() or dual.n_lam == 0:
            break
        mid = (lo + hi) / 2
        if res.shortfall(plan(mid)) == 0:
            hi = mid
        else:
            lo = mid
    return out


def _from_hint(res: Residual, hint: np.ndarray) -> np.ndarray | None:
    """The caller's previous plan, made feasible (ineligible or overloaded parts dropped)."""
    if hint.shape != (res.problem.n_processes,):
        return None
    x = np.asarray(hint, dtype=np.int64)[res.free].copy()
    x[(x < res.earliest) | (x >= res.n_quarters)] = -1
    score = np.where(x >= 0, res.value[np.arange(len(x)), np.maximum(x, 0)], 0.0)
    primal.repair(res, x, np.nan_to_num(score, neginf=0.0))
    primal.meet_requirements(res, x)
    primal.fill(res, x)
    return x if res.shortfall(x) == 0 else None


def _polish(
    problem: Problem, quarter: np.ndarray, seconds: float, requirements: list[Requirement],
) -> tuple[np.ndarray, float]:
    """CP-SAT on the whole (small) instance, hinted with our plan: (best plan, proven bound).

    The model is the over-estimating relaxation (``upper=True``), so its objective bound is
    valid; its plan is kept only if it passes the checker and beats ours. Each requirement
    asks for no more than our plan reaches (it meets them, or they are relaxed to it).
    """
    needs = [dataclasses.replace(req, need=min(req.need, _reached(req, quarter)))
             for req in requirements]
    model = CpSatModel(problem, needs, upper=True)
    model.add_hint(quarter)
    status, cand = model.solve(max(0.2, seconds))
    bound = model.best_bound
    if status not in ("OPTIMAL", "FEASIBLE") or check_plan_soft(problem, cand, needs):
        return quarter, bound
    if objective_of(problem, cand) + 1e-9 < objective_of(problem, quarter):
        return quarter, bound
    return cand, bound


def _reached(req: Requirement, quarter: np.ndarray) -> int:
    return planned_count(quarter, req.quarter,
                         None if req.rows is None else req.member_mask(len(quarter)))


def check_plan_soft(problem: Problem, quarter: np.ndarray, needs: list[Requirement]) -> bool:
    """True if the plan breaks a hard constraint or the (possibly relaxed) needs."""
    hard = set(check_plan(problem, quarter)) - set(requirement_violations(problem, quarter))
    return bool(hard) or any(_reached(req, quarter) < req.need for req in needs)
