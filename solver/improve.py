"""The anytime improvement phase, for when the requirements bind: neighbourhood search.

When capacity only just reaches the target (the programme's real situation), the greedy plans
of solve.py either miss a requirement or reach it only by packing the smallest processes, and
lose much of the value the bound says is there. The plans built value first from the prices
(value_first.py) are the start; ``improve`` then uses the time the caller grants.

``improve`` is large-neighbourhood search. A plan short of a requirement is repaired first,
PARALLEL repair neighbourhoods at a time, unless the bureaus are small enough for the sweep
to repair it (SWEEP_REPAIR_MAX). Where they are not, a trade pass follows: as many trade
neighbourhoods (``Search._trade_rows``: in one bureau, the processes that give least value
per person-month where they are, those unplanned that would give most, and the smallest
members not done in time) as there are bureaus, each solved in hundredths of a second.
Then comes a sweep: every bureau of at most
SWEEP_MAX processes re-planned whole, smallest first (on the tight 3,000 family one sweep
gains ~2% in ~6 s, more than the random picks below gain in the same time), until two of
them in a row, or the first, cannot be proven optimal within a step (SWEEP_TIMEOUTS); a
short search over big bureaus has a shorter pass and no sweep (HURRIED_FIRST_TRIES). Then a
neighbourhood of the plan (a bureau, a chunk of a large bureau, two bureaus, the processes
whose reduced value is closest to zero, those of a bureau, or of two bureaus, their own
LP relaxation picks (rins.py), or again a whole small bureau) is re-planned exactly
by CP-SAT, the rest fixed, with the GLOBAL requirements as rows (so counts move between the
bureaus of a neighbourhood) and a missing count priced above any value (so a plan still
short of a requirement is repaired first). The current plan is the hint, so a neighbourhood
never gets worse; a better one replaces the plan. After the sweep, PARALLEL neighbourhoods
on disjoint rows are solved at once, the next one started as soon as one ends, and each step
is taken on the plan as the steps before it left it. The first time the search stalls,
where most bureaus are small, the count market (count_market.py) moves counts of the
binding needs between bureaus at each bureau's own price for one
(``Search.market_pays``). Once it stalls again, counts beyond the needs and, in a long
search, the slots of a channel left free are priced (see ``improve``), so counts and
channel slots can move between bureaus in steps; in the last quarter of the time at a
lower price, so the counts and slots left over are cashed in, after a finale that re-plans
whole the bureaus too big for the sweep, those furthest from the bound first. It stops
when the gap to the bound is below ``GOAL``, at the deadline, or on cancel.
Engines (measured, see the notes of issue 12): CP-SAT solves these neighbourhoods better
than HiGHS within the same second (it proves the small ones optimal; on the tight 3,000
family CP-SAT gained 16-23k where HiGHS gained 12-14k over the 28 bureaus at 1 s each; on 15
neighbourhoods of 100-250 processes of a tight 28,000 plan at 0.6 s, HiGHS gained 3.7k where
CP-SAT gained 20.9k), and it honours its time limit. HiGHS through MathOpt may overrun a
time limit by tens of seconds in MIP presolve and ignores the interrupter, which would break
the cancel guarantee, so it solves no MIP inside a solve (the benchmark uses it on the whole
model as a reference). It does solve the LP relaxation (lp_guided.py: 4.5 s on 28,000 where
GLOP takes 18 s), which keeps its time limit, in a thread a cancel does not wait for, and
a bureau's LP (rins.py), given no more than a neighbourhood's time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from ortools.sat.python import cp_model

from solver import rins
from solver.block_model import BlockModel
from solver.constraints import bureau_load, channel_load
from solver.count_market import CountMarket
from solver.cpsat_run import VALUE_SCALE, cpsat_solver, run
from solver.dual import Dual
from solver.reduced import Need, Residual

#: Stop improving once the gap to the bound is below this.
GOAL = 0.0005
#: Seconds a neighbourhood may take (a cancel stops it sooner).
STEP_SECONDS = 0.6
#: CP-SAT workers in all, one per core of the 2-core machine measured on.
WORKERS = 2
#: After the sweep, this many neighbourhoods (on disjoint rows) are solved at once, each in
#: a thread of its own (CP-SAT releases the GIL) with WORKERS // PARALLEL workers; the next
#: one starts as soon as one ends. (In rounds of two that waited for the slower of the pair,
#: the threads were busy for 69 s of a 50 s search's 100 core-seconds on tight 28,000 s0;
#: started at once, 91 s, 225 neighbourhoods instead of 163. Tight 28,000 at 60 s: s0
#: 99.84-99.98% of the best known in 8 runs, s1 99.87-100.01% in 7, where rounds gave
#: 99.78-99.92% in 6 and 99.78-99.99% in 8.)
PARALLEL = 2
#: A neighbourhood given one worker solves with the LP relaxation and its cuts: measured on
#: 15 neighbourhoods of a tight 28,000 plan (100-250 processes, 0.6 s each), one worker at
#: this level gained 20.9k where two at CP-SAT's defaults gained 9.6k (22.6k in 5 s): these
#: are knapsacks, and the cuts pack them. Tight 28,000 at 60 s: two at a time so (the sweep
#: as below) 21.74-21.78M (6 runs, mean 21.76M), one at a time 21.74M (2), two workers on
#: one at the defaults 21.70-21.76M (9, mean 21.73M).
#: The sweep's whole bureaus are re-planned one at a time with one worker at CP-SAT's
#: defaults (``_Kind.cuts``; at level 2, tight 28,000 at 10 s ended at 21.52M instead of
#: 21.68M). Tight 3,000 s1 at 10 s: 99.53-99.59% of the best known in 4 runs, where two
#: workers gave 99.46-99.50% (3) and two bureaus at a time, one worker each,
#: 99.12-99.76% (5: a bureau re-planned against the plan before the other's step).
ONE_WORKER_LINEARIZATION = 2
#: Processes in a neighbourhood at first; adapted to how fast neighbourhoods are solved.
CHUNK = 250
CHUNK_MIN, CHUNK_MAX = 60, 1500
#: Bureaus in a repair neighbourhood (more bureaus: more counts repaired per solve).
REPAIR_BUREAUS = 1
#: A repair neighbourhood takes this many of each side in its bureau (the smallest members
#: not done in time, the processes done in time that give least value per person-month
#: where they are), whatever the chunk: CP-SAT proves these optimal in 0.03-0.1 s, and
#: most bureaus of a plan a few counts short then give a count for nothing. Tight 28,000 s1
#: at 10 s, the LP's plan 3 short: repaired in 0.5 s, 23.78M (99.6% of the best known),
#: where half the chunk a side (125-195; they shrank or grew with the chunk) and the
#: processes of least reduced value at the stalled dual's prices took 3-3.5 s and failed,
#: and the plan meeting them at any price ended at 23.73M (99.37%). Trade neighbourhoods
#: (``_trade_rows``) take as many of each of their sides.
REPAIR_PART = 40
#: The search starts with a sweep of whole bureaus of at most this many processes. (Bigger
#: ones, or more time for the big ones, gained on tight-3000-s1 but lost more on the 28,000
#: instance, where the sweep then takes half a minute: 21.37M instead of 21.58M at 60 s.)
SWEEP_MAX = 300
#: ... and ends after this many of them in a row that CP-SAT could not prove optimal within
#: a step, or after the first one (the smallest: the others take longer) if that one could
#: not be: its premise is bureaus solved in hundredths of a second. On tight 28,000 the
#: smallest bureaus (242-298 processes) each take the whole step and, after the first,
#: gain almost nothing (13.9k, then 0.4k, 6, 1, 0.6k and 0.2k in 3.8 s), where the kinds
#: paid by their rate gained 55k in the first 5 s; the whole kind still gets to them by its
#: rate. On tight 3,000 one bureau of 63 processes timed out in a sweep of 27, so a single
#: timeout does not end it.
SWEEP_TIMEOUTS = 2
#: While a plan misses a requirement, repair neighbourhoods come before the sweep, unless the
#: smallest bureau it re-plans has at most this many processes (``sweep_repairs``): CP-SAT
#: then solves each bureau whole, with the global requirements as rows, in hundredths of a
#: second, and makes the missing counts where that bureau gives them up cheapest while it
#: re-plans it. Tight 3,000 s0 at 10 s (smallest bureau 18 processes), its promising plan 7
#: counts short: repaired by the sweep, 99.61-99.68% of the best known, where the repair
#: neighbourhoods ended 0.1% below the search from the plan meeting them (99.43%). On tight
#: 28,000 (smallest 242) each bureau takes a whole step, and the plan 3 short was still one
#: short after 3.5 s of sweep, where repair neighbourhoods met them in 2.5 s.
SWEEP_REPAIR_MAX = 150
#: The first time the search stalls, the count market (count_market.py) trades counts
#: between bureaus, if at least this many seconds are left, for at most this share of them
#: (the prices and the finale take the rest). With half of them, on tight 3,000 s2 at 60 s
#: the market took 18-23 s for 1.9-2.5k (9-10 trades) and the priced search after it had
#: 6 s. Tight 3,000 at 60 s, interleaved in one process: s2 13 runs each, a quarter 99.891%
#: of the best known on average, within 0.1% in 5, half 99.865%, in 1; s1 7 runs, 99.948%
#: (6 within 0.1%) against 99.944% (7); s0 4 runs, 99.967% against 99.955% (all within).
MARKET_MIN_SECONDS = 10.0
MARKET_SHARE = 0.25
#: The search has stalled once it has not gained for STALL_SECONDS: the first stall starts
#: the count market where it pays (above), the next one sets the prices: a count beyond a
#: need is then worth PRICE_SHARE of the requirement's dual price, and a channel slot costs
#: as much of its own (see ``improve`` and ``Search.set_prices``). Measured on the tight
#: family at 60 s (counts priced alone): shares 0.8-0.9 gain most; 1.0 makes counts where
#: they are not needed. A stall of 0.3 s, not 1 s: once the sweep of tight 3,000 is over,
#: each of its neighbourhoods is solved in hundredths of a second, and gains of a few
#: hundred each second or so put the stall off (at 10 s the prices came at 9.4 s, at 20 s at
#: 13.9 s, with the plan at 99.51% and 99.55% of the best known). Interleaved in one
#: process: tight 3,000 at 10 s (3 runs each; s1 6) s0 99.641% against 99.528%, s1 99.579%
#: against 99.631%, s2 99.761% against 99.683%; at 60 s (2 each) s0 99.985% against 99.970%,
#: s1 99.978% against 99.906%, s2 99.976% against 99.974%; tight 28,000 at 10 s (3 each) s0
#: 99.707% against 99.673%, s1 99.757% against 99.749%, s2 99.724% against 99.727%; at 60 s
#: (1 run each) s0 99.955% against 99.955%, s1 99.990% against 99.979%, s2 99.993% against
#: 99.966%.
STALL_SECONDS = 0.3
PRICE_SHARE = 0.9
#: A gain of less than this share of the plan's value does not end a stall.
STALL_GAIN = 1e-5
#: In the last LATE_SHARE of the search a count beyond a need is worth LATE_PRICE_SHARE of
#: its dual price instead (a channel slot costs as much of its own): the counts the priced
#: search made where they are cheap and no neighbourhood has cashed in yet are then shed
#: where they cost most. Tight 28,000 at 60 s (counts priced alone): 8 runs
#: 21.794-21.827M, every gap <= 0.5%, no count left over the needs; priced at 0.9 to the
#: end, 10 runs 21.771-21.825M, 3 gaps above 0.5%, a milestone 3-13 over its need.
LATE_SHARE = 0.25
LATE_PRICE_SHARE = 0.5
#: A short search (under LONG_SEARCH, as the default 10 s solve's) is late in its last
#: LATE_SHARE_SHORT: its plan was still gaining from the lowered prices when the time ran
#: out. Interleaved in one process at 10 s against LATE_SHARE: tight 3,000 s1 (13 runs each)
#: mean 99.631% of the best known against 99.589%, within 0.5% of our bound in 8 runs
#: against none; s0 (13) 99.658% against 99.653%, at the 10 s goal (99.5%, the gap at most
#: 0.5%) in 12 against 10; s2 (8) 99.772% against 99.743%; tight 28,000 s0-s2 (3 each)
#: +0.01%, -0.04% and +0.05%, every run at the goal.
LATE_SHARE_SHORT = 0.4
#: The late part of the search (once prices are set) starts with the finale: the
#: bureaus too big for the sweep (SWEEP_MAX < processes <= FINALE_MAX) re-planned whole,
#: one at a time with both workers for FINALE_SECONDS each, those furthest from their part
#: of the bound first (``Search.bureau_gaps``), for FINALE_SHARE of the search's time; only
#: in a search long enough for one of them. Chunks of such a bureau miss what re-planning
#: it whole finds: at the end of a 60 s run on tight 28,000, bureau 19 (339 processes)
#: whole gained 10.1k in 2 s (0.1k in 0.6 s). Tight 28,000 at 60 s: 17 runs 21.781-21.836M,
#: mean 21.817M, 13 within 0.1% of the best known (21.836M); without it 18 runs
#: 21.787-21.828M, mean 21.810M, 10 within 0.1%. (A finale of 0.15: 21.775M and 21.800M.)
FINALE_MAX = 600
FINALE_SECONDS = 2.0
FINALE_SHARE = 0.1
#: When a long search first prices counts, its first neighbourhood is the gap pair: the
#: two bureaus furthest from their parts of the bound (``Search.bureau_gaps``) re-planned
#: together as an LP_PAIR neighbourhood is, with one worker for GAP_PAIR_SECONDS, beside the
#: other kinds. On tight 3,000 s1 the market's plan is the same in every run, and bureaus 0
#: (556 processes) and 15 (57) hold the most of its gap (2.2k and 2.0k at the dual's
#: prices); of 4 traced 60 s runs, the two that left the plateau of 99.85-99.92% of the best
#: known did it by a step of that pair (+3.6k and +1.8k), which LP_PAIR's draws reach early
#: in some runs and in others after steps that take its gain elsewhere. 60 s, 21 runs each
#: interleaved in one process: mean 99.921% against 99.897%, higher in 15 pairs and lower
#: in 5, at 99.9% or more in 14 against 10, at 99.95% or more in 6 against 1. Tight 3,000
#: s0 and s2 and 28,000 s0-s2 (2 pairs each) within the runs' spread. With a chunk of its
#: own (not LP_PAIR's, which its short steps shrink) and 8 s: 7 runs, 99.889% against
#: 99.910%.
GAP_PAIR_SECONDS = 4.0
#: The kind whose neighbourhoods are the rows the LP of two bureaus (drawn as
#: ``Search.lp_odds`` says) picks, as the "lp" kind's are one bureau's: with the rest of
#: the plan fixed, one bureau's LP cannot move a count to another bureau (the requirements'
#: rows leave it none to give), and the two bureaus' LP says which of their processes
#: change together when a count moves between them. Tight 28,000 s1 at 60 s, its bureaus
#: then drawn by size, 18 runs each interleaved in one process with the search without the
#: kind: within 0.1% of the best known plan in 11 runs against 3, median 99.913% against
#: 99.869% (13 of 18 pairs higher; mean 99.892% against 99.871%, as one run fell to
#: 99.674%, gap 0.59%); s0 3 pairs, all higher (+0.01 to +0.04%). At 10 s (3 pairs on each
#: of tight 28,000 s0-s2 and 3,000 s1) within the runs' spread.
LP_PAIR = "lp pair"
#: The LP kinds ("lp", LP_PAIR) draw their bureaus by size for 1 - LP_GAP_SHARE of their
#: odds and by each one's part of the gap to the bound at the dual's prices
#: (``Search.bureau_gaps``) for the rest (``Search.lp_odds``): they gain most of the kinds,
#: and by size alone a big bureau whose plan its LP no longer improves takes their steps
#: as often as one far from its part of the bound. Tight 28,000 s1 at 60 s, 22 runs each
#: interleaved in one process with draws by size alone: within 0.1% of the best known
#: (then 23,938,359) in 16 runs against 12, median 99.919% against 99.909%, least 99.828%
#: against 99.781% (gaps 0.27-0.41% against 0.26-0.46%); tight 28,000 s0, s2 and 3,000
#: s2 at 60 s (2 pairs each) within the runs' spread; at 10 s (2 pairs on each tight
#: instance) the mean higher on 5 of 6 (tight 28,000 +0.02 to +0.08%), 3,000 s1 -0.01%.
LP_GAP_SHARE = 0.5
#: A long search (LONG_SEARCH) draws the LP kinds' bureaus by the gap alone
#: (LP_GAP_SHARE_LONG). Tight 28,000 s1 at 60 s, 14 runs each interleaved in one process
#: with LP_GAP_SHARE: within 0.1% of the best known (23,942,292.25) in 9 runs against 4,
#: median 99.910% against 99.885%, least 99.827% against 99.822%; tight 28,000 s0 and s2
#: and 3,000 s0-s2 at 60 s (2 pairs each) within the runs' spread, every run within 0.1%.
#: At 10 s by the gap alone cost tight 28,000 s1 0.03% (9 runs each: mean 99.490% against
#: 99.519%, at the 10 s goal in 3 against 8) where 3,000 s0 and s1 gained 0.14-0.16% (3
#: each), so a short search keeps LP_GAP_SHARE. (By the gap alone only after a search's
#: first 10 s: 10 runs of 28,000 s1 at 60 s, within 0.1% in 4, median 99.898%.)
LP_GAP_SHARE_LONG = 1.0
#: A search given this many seconds or more is long (``Search.long``): the default 10 s
#: solve's is not (see LP_GAP_SHARE_LONG and HURRIED_FIRST_TRIES).
LONG_SEARCH = 20.0
#: A short search (under LONG_SEARCH) over bureaus too big for the sweep to repair
#: (``Search.hurried``; tight 28,000 at 10 s, whose search has 4.4-5.5 s) has no sweep, a
#: trade pass of HURRIED_TRADE_SHARE of the bureaus, and tries only HURRIED_FIRST_TRIES
#: first, the other kinds by their rates. There the sweep's first bureau took a whole step
#: alone, the second core idle, for 0-1.4k (0.63 s, 6 runs); each kind's first try took
#: another (two bureaus' LP 0 in 0.8-1.3 s in 3 runs on s1, "pair" 0-0.5k in 0.65 s, 0 in
#: 4 of 6); and the pass's gains came in its first few neighbourhoods (in a trace of s1,
#: of 28 in 0.9 s: 7.7k in the first two, 0.6k in the rest). Tight 28,000 at 10 s, 10 runs
#: each interleaved in one process with the search before: mean % of the best known s0
#: 99.660 against 99.592, s1 99.554 against 99.512 (within 0.5% in 9 runs against 8), s2
#: 99.671 against 99.632, higher in 8 of 10 pairs on each. Of the parts (8-10 runs each,
#: interleaved): no sweep and these first tries alone, s1 +0.03%, s0 +0.00%; with a pass
#: of half the bureaus, s1 +0.02%; a quarter, s1 +0.08% (8 of 8 within 0.5%); no pass,
#: s0 -0.06%.
HURRIED_FIRST_TRIES = ("lp", "swap")
HURRIED_TRADE_SHARE = 0.25
#: A short search that is not hurried (its bureaus small enough for the sweep to repair:
#: tight 3,000 at 10 s) tries only these kinds once before the rates decide, the others
#: by their rates. Its sweep ends at about 5 s of 10, and there the first tries of
#: "bureau" and "pair" took up to a step (0.6 s) each, and they and "whole" gained
#: nothing in every one of 18 traced runs of tight 3,000 s0, while the kind that gains
#: most there, LP_PAIR (4.8-5.7k in the good runs), came back late or not at all once its
#: own first step had timed out (in 13 of 13 traced, 12 of them without a gain: a first
#: step's 0 pushes a kind down to the exploration's share).
#: Interleaved in one process at 10 s against every kind tried first (12 runs each, in two
#: batches): tight 3,000 s1 mean 99.726% of the best known against 99.635%, at the 10 s
#: goal (99.5%, the gap at most 0.5%) in 12 runs against 6, least 99.669% against
#: 99.546%; s0 99.687% against 99.712%, at the goal in 9 against 10; s2 99.692% against
#: 99.721%, in 12 of 12 both. The 28,000 demo at 10 s: 99.974% of its bound either way (4
#: runs each). Tight 28,000 is hurried at 10 s and long at 60 s, so unchanged.
SHORT_FIRST_TRIES = ("lp", LP_PAIR, "swap", "marginal")

Report = Callable[[np.ndarray], None]


def better(res: Residual, a: np.ndarray, b: np.ndarray,
           value: Callable[[np.ndarray], float] | None = None) -> bool:
    """Plan a is better than b: a smaller shortfall, or the same and more value (``value``:
    what a plan is worth; default its value, ``Residual.plan_value``)."""
    worth = res.plan_value if value is None else value
    sa, sb = res.shortfall(a), res.shortfall(b)
    return sa < sb or (sa == sb and worth(a) > worth(b) + 1e-9)


@dataclass
class _Kind:
    """A kind of neighbourhood and how well it has paid (value gained per second)."""

    name: str
    gain: float = 1.0
    seconds: float = 1.0
    tries: int = 0
    picks: int = 0  # neighbourhoods picked (``tries`` counts those solved)
    # processes in its neighbourhoods, adapted to how fast they are solved (Search.learn)
    chunk: int = CHUNK
    # solved with one worker, at ONE_WORKER_LINEARIZATION (else at CP-SAT's defaults)
    cuts: bool = True

    def rate(self) -> float:
        return self.gain / self.seconds


@dataclass
class Search:
    """State of the neighbourhood search over one residual problem."""

    res: Residual
    reduced: np.ndarray
    # the bureaus to search (None: all), e.g. those an edit touched
    focus: np.ndarray | None = None
    rng: np.random.Generator = field(default_factory=lambda: np.random.default_rng(12))
    # each kind's chunk at first
    chunk: int = CHUNK
    # the dual's capacity prices (float[B, Q]), for each bureau's part of the gap (None: 0)
    alpha: np.ndarray | None = None
    # the seconds the search is given (``long``)
    seconds_given: float = 0.0

    def __post_init__(self) -> None:
        res = self.res
        self.by_bureau = res.by_bureau
        sizes = np.array([r.size for r in self.by_bureau], dtype=np.float64)
        if self.focus is not None and sizes[self.focus].sum() > 0:
            keep = np.zeros(sizes.size, dtype=bool)
            keep[self.focus] = True
            sizes[~keep] = 0.0
        self.bureau_weight = sizes / sizes.sum() if sizes.sum() else sizes
        self.best_r = best_per_process(self.reduced)
        self.margin = np.abs(self.best_r) / res.effort
        # in the order they are first tried (``pick``): by what they paid on tight 28,000;
        # a focused search (a warm re-solve's) has only a bureau of its focus, then swaps
        # (100 edits on the 28,000 demo, back to back: a median of 472 ms, and 509 ms
        # before each kind was tried first; single runs spread by 100 ms)
        names = ["bureau", "swap"] if self.focus is not None else [
            "lp", LP_PAIR, "swap", "marginal", "bureau", "pair"]
        if np.count_nonzero(self.bureau_weight) < 2:  # no second bureau for its LP
            names = [name for name in names if name != LP_PAIR]
        self.kinds = [_Kind(name, chunk=self.chunk) for name in names]
        # the trade pass's neighbourhoods: not a kind paid by its rate (below ``trading``)
        self.trade_kind = _Kind("trade")
        self.trade_turns = 0  # of the trade pass (``trading``)
        self.trade_pass = len(self.by_bureau)  # its neighbourhoods (fewer when hurried)
        self.allowed = res.best_quarters(self.reduced, rins.LP_QUARTERS)  # a bureau LP's pairs
        self.repair_kind = _Kind("repair")
        # shedding counts joins the kinds while counts are priced and a need has more
        # than it needs (``pick``)
        self.shed_kind = _Kind("shed", chunk=self.chunk)
        # what a count of each need is worth beyond the need (None: nothing), what a slot
        # of each channel and quarter costs (float[C, Q]; None: nothing), and per pair
        self.price: np.ndarray | None = None
        self.slot_price: np.ndarray | None = None
        self.bonus: np.ndarray | None = None
        # whole small bureaus in turn, smallest first: the first round (the sweep) before
        # anything else, then as one more kind, paid by its rate like the others. The sweep
        # keeps its own account: what re-planning each small bureau the first time gains
        # (tight 28,000: 51-55k in 6.5 s) says nothing of what doing it again pays (1-3k
        # in 5-9 s), and charged to the whole kind it won it a third of the picks for the
        # next 20 s
        self.whole = _whole_order(self.by_bureau, self.bureau_weight)
        self.whole_turns = 0
        self.sweep_timeouts = 0  # the sweep's bureaus in a row not proven optimal
        # the sweep comes first even while a requirement is missed (SWEEP_REPAIR_MAX)
        self.sweep_repairs = _repairs_by_sweep(self.by_bureau, self.whole)
        # no sweep in a hurried search (HURRIED_FIRST_TRIES)
        self.hurried = self.focus is None and not self.sweep_repairs and not self.long()
        if self.hurried:
            self.end_sweep()
            self.trade_pass = max(1, int(HURRIED_TRADE_SHARE * len(self.by_bureau)))
        self.sweep_kind = _Kind("sweep", cuts=False)
        self.whole_kind = _Kind("whole", chunk=self.chunk)  # its rows: a bureau whole
        if self.whole and self.focus is None:
            self.kinds.append(self.whole_kind)
        # the finale's bureaus still to re-plan whole (``start_finale``), in turn
        self.finale: list[int] = []
        self.finale_kind = _Kind("finale")

    def long(self) -> bool:
        """The search is given LONG_SEARCH seconds or more."""
        return self.seconds_given >= LONG_SEARCH

    def tried_first(self, kind: _Kind) -> bool:
        """``kind`` is tried once before the rates decide (``pick``): only those of
        HURRIED_FIRST_TRIES in a hurried search, of SHORT_FIRST_TRIES in any other short
        one without a focus; every kind in a long or focused search."""
        if self.hurried:
            return kind.name in HURRIED_FIRST_TRIES
        if self.focus is None and not self.long():
            return kind.name in SHORT_FIRST_TRIES
        return True

    def sweeping(self) -> bool:
        """The first round of whole bureaus is not over yet."""
        return self.whole_turns < len(self.whole)

    def end_sweep(self) -> None:
        """The first round of whole bureaus is over (the "whole" kind goes on from its
        first bureau)."""
        self.whole_turns = max(self.whole_turns, len(self.whole))

    def bureau_gaps(self, x: np.ndarray) -> np.ndarray:
        """float[B]: each bureau's part of (bound - value of plan x) at the dual's prices:
        what its processes' reduced values leave (the best one of each, where positive,
        less what the plan gets) plus its capacity the plan leaves unused, at its prices.
        The channels' and requirements' parts of the gap are left out."""
        res = self.res
        planned = np.flatnonzero(x >= 0)
        got = np.zeros(res.free.size)
        got[planned] = self.reduced[planned, x[planned]]
        left = np.maximum(self.best_r, 0.0) - got
        gaps: np.ndarray = np.bincount(res.bureau, weights=left,
                                       minlength=len(self.by_bureau))
        if self.alpha is not None:
            use = bureau_load(res.bureau, res.effort, x, res.capacity.shape)
            gaps += np.sum(self.alpha * (res.capacity - use), axis=1)
        return gaps

    def start_finale(self, x: np.ndarray) -> None:
        """The bureaus of SWEEP_MAX < processes <= FINALE_MAX (within the focus) are
        re-planned whole next, one at a time, the largest part of the gap under plan x
        first."""
        gaps = self.bureau_gaps(x)
        mid = [b for b, rows in enumerate(self.by_bureau)
               if SWEEP_MAX < rows.size <= FINALE_MAX and self.bureau_weight[b] > 0]
        self.finale = sorted(mid, key=lambda b: -gaps[b])

    def set_prices(self, dual: Dual, share: float = PRICE_SHARE) -> None:
        """From now on a count beyond a need is worth ``share`` of its dual price, and, in
        a long search, a slot of a limited channel costs ``share`` of its own, so one left
        free is worth it.

        The channel limits bind across bureaus as the needs do (tight 28,000 s1: a channel
        of 40 slots a quarter, each at ~3.3k, and one of 349-716 at ~460, every slot of
        both used), and a neighbourhood can only use the slots its own rows free. Priced,
        a bureau frees a slot where it gives least and another takes it where it gives
        most. Tight 28,000 s1 at 60 s, 10 runs each interleaved in one process with counts
        priced alone: mean 99.950% of the best known against 99.856%, within 0.1% (and the
        gap <= 0.5%) in 9 runs against 0, higher in 10 of 10 pairs; tight 3,000 s2 6 runs
        each, 99.911% against 99.895% (within 0.1% in 4 against 3); tight 3,000 s0 and s1
        and 28,000 s0 and s2, 2 pairs each, within the runs' spread or higher (28,000 s2
        100.023% and 99.980% against 99.954% and 99.946%). A short search (not ``long``)
        prices counts alone: at 10 s, 4 pairs on each tight instance, slots priced cost
        3,000 s1 0.06% (99.685-99.699% against 99.723-99.775%) and 28,000 s0-s2 0.01-0.02%
        on average, left 3,000 s2 as it was and gained 3,000 s0 0.06% (one run at 99.846%,
        the others within 0.03%)."""
        self.price = share * dual.lam
        self.bonus = share * dual.bonus()
        if self.long():
            self.slot_price = share * dual.beta_full()
            self.bonus = self.bonus - self.slot_price[self.res.channel]

    def worth(self, x: np.ndarray) -> float:
        """What the search maximises: the plan's value, plus its counts at their prices
        less the channel slots it uses at theirs once prices are set (``set_prices``; a
        constant is left out: only differences matter)."""
        res = self.res
        value = res.plan_value(x)
        if self.price is not None:
            value += float(np.dot(self.price, res.need_counts(x)))
        if self.slot_price is not None:
            value -= float(np.sum(self.slot_price * channel_load(res.channel, x,
                                                                  res.limit.shape)))
        return value

    def sweep_first(self, x: np.ndarray) -> bool:
        """The sweep's next bureau comes before any other neighbourhood of plan x: while the
        sweep lasts, once x meets the requirements or where the sweep repairs them
        (``sweep_repairs``)."""
        return self.sweeping() and (self.sweep_repairs or self.res.shortfall(x) == 0)

    def trading(self, x: np.ndarray) -> bool:
        """The trade pass comes next: as many trade neighbourhoods as there are bureaus
        (HURRIED_TRADE_SHARE of them in a hurried search), in bureaus drawn by size like
        the other kinds', before the sweep; while plan x meets the requirements, where the
        sweep does not repair them (its bureaus are big: its first one then takes a whole
        step), and without a focus.

        Tight 28,000 at 10 s (the pass, then the sweep's first bureau, then the kinds by
        their rates), 2 runs each: s2 26.008-26.017M against 25.998-25.999M without the
        pass; s0 21.733M, where one trade neighbourhood in each bureau in turn gave 21.728M
        (the big bureaus hold the trades: a neighbourhood there gains 0.5k, in a small one
        nothing) and no pass 21.727M. Left to its rate alone, the kind was picked once in
        the 3 s the search has there. It is not a kind paid by its rate after the pass: its
        neighbourhoods take 0.1 s, and a round takes its other pick's 0.6 s, so its rate
        looked highest and it took 70-80 picks of a 60 s search from the LP neighbourhoods
        (tight 28,000 s2 at 60 s: 26.077-26.094M in 5 runs; the pass alone 26.095M and
        26.118M, the best known; without the pass 26.094M and 26.118M)."""
        return (self.focus is None and not self.sweep_repairs
                and self.trade_turns < self.trade_pass and self.res.shortfall(x) == 0)

    def pick(self, x: np.ndarray) -> tuple[_Kind, np.ndarray]:
        """A neighbourhood kind (by its pay rate, with exploration) and its rows: the trade
        pass's next neighbourhood while it lasts (``trading``); the sweep where it comes
        first (``sweep_first``); while plan x misses a requirement, a repair neighbourhood.
        While counts are priced and x has more than a need needs, shedding those counts is
        one more kind. (It was a fixed 30% of the picks: on tight 28,000 at 60 s it then
        took a third of the search's time after 35 s and gained 0.1-0.2k in it.)"""
        if self.trading(x):
            self.trade_turns += 1
            return self.trade_kind, self._trade_rows(x)
        if self.sweep_first(x):
            return self.sweep_kind, self._whole_rows()
        if self.res.shortfall(x) > 0:
            return self.repair_kind, self._repair_rows(x)
        kinds = list(self.kinds)
        surplus = [need.count(x) - need.need for need in self.res.needs]
        if self.price is not None and max(surplus) > 0:
            kinds.append(self.shed_kind)
        # each kind is tried once, in the order of self.kinds, before the rates decide: an
        # untried kind's rate is its prior of 1 a second, which any kind's first gain
        # swamps, and 0.2 spread over 7 kinds is a pick in 35 (tight 28,000 s0 at 60 s:
        # the marginal kind's first steps gained 0.4-2.8k, the lp kind, 3-14k a step there,
        # was first picked after 15 s, and the solve ended at 99.63-99.87% of the best
        # known in 4 runs; tried first, 99.91-99.98% in 6); in a short search only some
        # are (``tried_first``)
        untried = [k for k in kinds if k.picks == 0 and self.tried_first(k)]
        if untried:
            kind = untried[0]
        else:
            rates = np.array([k.rate() for k in kinds])
            p = 0.8 * rates / rates.sum() + 0.2 / len(rates)
            kind = kinds[int(self.rng.choice(len(kinds), p=p))]
        kind.picks += 1
        if kind is self.shed_kind:
            return kind, self._shed_rows(x, self.res.needs[int(np.argmax(surplus))])
        return kind, self._rows(kind, x)

    def solo(self, x: np.ndarray) -> bool:
        """The next neighbourhood of plan x comes alone: the sweep's whole bureau where it
        comes first (``sweep_first``) after the trade pass, and the finale's (see
        ONE_WORKER_LINEARIZATION for their workers)."""
        return (self.sweep_first(x) and not self.trading(x)) or bool(self.finale)

    def picks(self, x: np.ndarray, n: int,
              taken: np.ndarray | None = None) -> list[tuple[_Kind, np.ndarray]]:
        """Up to ``n`` neighbourhoods of plan x to solve at once, on disjoint rows: each loses
        the rows of those picked before it and those ``taken`` (bool[F], the rows of the
        neighbourhoods still running); one left empty is dropped. The sweep's bureau, where
        it comes first after the trade pass, and the finale's come alone (``solo``); repair
        neighbourhoods come two at a time (tight 28,000 s0 at 10 s: the LP's plan, 3 counts
        short, was repaired in 0.6 s by repair neighbourhoods two at a time, and with the
        sweep's bureaus first, one a step, not in the 3.5 s given)."""
        trading = self.trading(x)
        if self.sweep_first(x) and not trading:
            return [(self.sweep_kind, self._whole_rows())]
        if self.finale:
            return [(self.finale_kind, self.by_bureau[self.finale.pop(0)])]
        out: list[tuple[_Kind, np.ndarray]] = []
        taken = np.zeros(self.res.free.size, dtype=bool) if taken is None else taken.copy()
        for _ in range(n):
            if trading and not self.trading(x):  # the sweep after the pass comes alone
                break
            kind, rows = self.pick(x)
            rows = rows[~taken[rows]]
            if rows.size:
                taken[rows] = True
                out.append((kind, rows))
        return out

    def _rows(self, kind: _Kind, x: np.ndarray) -> np.ndarray:
        rng, nb, name = self.rng, len(self.by_bureau), kind.name
        if name == "marginal":
            noisy = self.margin * rng.uniform(0.5, 1.5, size=self.margin.size)
            return np.argsort(noisy)[: kind.chunk]
        if name == "swap":
            return self._swap_rows(x, kind.chunk)
        if name == "whole":
            return self._whole_rows()
        if name == "lp":  # the bureau whole: its LP picks the rows (lp_rows, in the thread)
            return self.by_bureau[int(rng.choice(nb, p=self.lp_odds(x)))]
        if name == LP_PAIR:  # two bureaus whole: their LP picks the rows, as for "lp"
            odds = self.lp_odds(x)
            if np.count_nonzero(odds) < 2:  # all by the gap, and one bureau holds it: by size
                odds = self.bureau_weight
            two = rng.choice(nb, size=2, replace=False, p=odds)
            return np.concatenate([self.by_bureau[b] for b in two.tolist()])
        k = 1 if name == "bureau" or nb < 2 else 2
        bureaus = rng.choice(nb, size=k, replace=False, p=self.bureau_weight)
        parts = []
        for b in bureaus.tolist():
            rows = self.by_bureau[b]
            take = kind.chunk // k
            parts.append(rows if rows.size <= take else rng.choice(rows, size=take, replace=False))
        return np.concatenate(parts)

    def gap_pair(self, x: np.ndarray) -> tuple[_Kind, np.ndarray] | None:
        """The gap pair of plan x (GAP_PAIR_SECONDS): the LP_PAIR kind and the processes of
        the two bureaus with the largest parts of the gap; None where the search has no
        LP_PAIR kind (a focused search, or a single bureau)."""
        kind = next((k for k in self.kinds if k.name == LP_PAIR), None)
        if kind is None:
            return None
        gaps = np.where(self.bureau_weight > 0, self.bureau_gaps(x), -np.inf)
        two = np.argsort(-gaps, kind="stable")[:2]
        return kind, np.concatenate([self.by_bureau[b] for b in two.tolist()])

    def lp_odds(self, x: np.ndarray) -> np.ndarray:
        """float[B]: each bureau's odds of being drawn for an LP kind's neighbourhood ("lp",
        LP_PAIR) of plan x: 1 - share of them by its size (``bureau_weight``), share by its
        part of the gap (``bureau_gaps``, where positive), the share as ``lp_gap_share``
        says. Bureaus outside the focus get none."""
        gaps = np.where(self.bureau_weight > 0, np.maximum(self.bureau_gaps(x), 0.0), 0.0)
        if gaps.sum() <= 0:
            return self.bureau_weight
        share = self.lp_gap_share()
        odds: np.ndarray = (1.0 - share) * self.bureau_weight + share * gaps / gaps.sum()
        return odds

    def late_share(self) -> float:
        """The search's last share in which counts are priced lower: LATE_SHARE in a long
        search, else LATE_SHARE_SHORT."""
        return LATE_SHARE if self.long() else LATE_SHARE_SHORT

    def lp_gap_share(self) -> float:
        """The share of the LP kinds' odds by the gap: LP_GAP_SHARE_LONG in a long search,
        else LP_GAP_SHARE."""
        return LP_GAP_SHARE_LONG if self.long() else LP_GAP_SHARE

    def _whole_rows(self) -> np.ndarray:
        b = self.whole[self.whole_turns % len(self.whole)]
        self.whole_turns += 1
        return self.by_bureau[b]

    def _swap_rows(self, x: np.ndarray, chunk: int) -> np.ndarray:
        """One bureau's unplanned processes with the best reduced value per person-month and
        its planned ones with the worst: the candidates for trading places."""
        b = int(self.rng.choice(len(self.by_bureau), p=self.bureau_weight))
        rows = self.by_bureau[b]
        score = self.best_r[rows] / self.res.effort[rows] * self.rng.uniform(0.7, 1.3, rows.size)
        out, planned = rows[x[rows] < 0], x[rows] >= 0
        half = chunk // 2
        ins = out[np.argsort(-score[x[rows] < 0])[:half]]
        kept = rows[planned][np.argsort(score[planned])[:half]]
        return np.concatenate([ins, kept])

    def market_pays(self) -> bool:
        """The count market (count_market.py) is worth its time: at least half the bureaus
        are small enough for the sweep, so most offers are exact (a bureau re-planned whole,
        in hundredths of a second). Tight 3,000 at 60 s (26 of 28 bureaus at most SWEEP_MAX
        processes): s0 99.97-100.00% of the best known in 4 runs, s1 99.95-99.99%, s2
        99.94-100.00% (the market gained 3-6k; given the time to the end, it took 15-31 s);
        without it s0 99.83-99.98% in 6 runs, 4 of them at 99.83-99.85% (one bureau of 48
        processes gains 2.9k by giving up a milestone count, and only a lucky shedding step
        found that), s2 99.83-99.95% in 3. At 30 s, with half the time left (7-9 s): s0
        99.97%, s1 99.93%, s2 99.91%; without it 99.80-99.93%, 99.94-99.95%, 99.82-99.88%
        (2 runs each); given all of it, s1 99.85%. Tight 28,000 (2-3 of 28 bureaus that
        small): the market took 13-14 s of a 60 s search, gained 6-18k, and the search ended
        at 99.81% and 99.88% (s1, s0); cut to 8 s, at 99.87% and 99.85%; without it
        99.81-99.98% and 99.82-99.98%, and the neighbourhoods paid by their rate gain 1.5-3k
        a second in the market's time there. (These runs gave the market half the time
        left; see MARKET_SHARE.)"""
        sizes = np.array([rows.size for rows in self.by_bureau])
        return 2 * len(self.whole) >= int(np.count_nonzero(sizes))

    def offer_rows(self, x: np.ndarray, b: int, k: int) -> np.ndarray:
        """The rows re-planned for bureau b's offers of need k in the count market: the
        bureau whole where the sweep would re-plan it whole, else its trade rows with its
        late members of need k. (Those of the tightest need, which the trade kind takes,
        are the first need's where several bind: on tight 3,000 s1 the milestone's offers
        of its one bureau too big for the sweep, 556 processes, were made on members late
        for the target. At 60 s, 12 runs each interleaved: 99.930% of the best known on
        average, 8 runs within 0.1%, against 99.924% and 8; s0 and s2, 3 runs each,
        99.975% and 99.979% against 99.986% and 99.961%: the same within the noise.)"""
        rows = self.by_bureau[b]
        return rows if rows.size <= SWEEP_MAX else self._trade_rows(x, b, self.res.needs[k])

    def _trade_rows(self, x: np.ndarray, b: int | None = None,
                    need: Need | None = None) -> np.ndarray:
        """In one bureau (b, or one drawn by size), REPAIR_PART of each side of
        ``trade_parts`` (its late members of ``need``, default the tightest), picked with
        noise."""
        if b is None:
            b = int(self.rng.choice(len(self.by_bureau), p=self.bureau_weight))
        parts = trade_parts(self.res, x, self.by_bureau[b], REPAIR_PART, self._noisy_first,
                            need)
        return np.unique(np.concatenate(parts))

    def _noisy_first(self, rows: np.ndarray, key: np.ndarray, k: int) -> np.ndarray:
        """The k of ``rows`` with the smallest ``key``, each key times a random 0.8-1.2 (so
        repeated picks in one bureau differ)."""
        out: np.ndarray = rows[np.argsort(key * self.rng.uniform(0.8, 1.2, rows.size))[:k]]
        return out

    def _least_valuable(self, x: np.ndarray, planned: np.ndarray, k: int) -> np.ndarray:
        """The k of the ``planned`` processes of plan x that give least value per
        person-month in their quarter (with the noise of ``_noisy_first``)."""
        return self._noisy_first(planned, value_density(self.res, x, planned), k)

    def _repair_rows(self, x: np.ndarray) -> np.ndarray:
        """For the most-missed requirement (quarter m): in one bureau, the smallest members
        not done by m (to add or bring forward) and the processes done by m that cost most
        room for their value (to move later or drop)."""
        res, rng = self.res, self.rng
        need = tightest_need(res, x)
        late = late_members(self.res, need, x)
        weight = np.bincount(res.bureau[late], minlength=len(self.by_bureau)).astype(float)
        if weight.sum() == 0:
            return self._rows(next(k for k in self.kinds if k.name == "bureau"), x)
        k = min(REPAIR_BUREAUS, int(np.count_nonzero(weight)))
        bureaus = rng.choice(weight.size, size=k, replace=False, p=weight / weight.sum())
        part = REPAIR_PART // k
        out = []
        for b in bureaus.tolist():
            rows = self.by_bureau[b]
            cand = rows[late[rows]]
            early = rows[(x[rows] >= 0) & (x[rows] <= need.quarter)]
            out += [self._noisy_first(cand, res.effort[cand], part),
                    self._least_valuable(x, early, part)]
        return np.concatenate(out)

    def _shed_rows(self, x: np.ndarray, need: Need) -> np.ndarray:
        """In one bureau (by how many members it completes by the need's quarter), those it
        completes in time that cost most room for their value (to move later or drop) and
        the others with the best reduced value per person-month (to take their room)."""
        res, rng = self.res, self.rng
        early = need.mask(res.free.size) & (x >= 0) & (x <= need.quarter)
        weight = np.bincount(res.bureau[early], minlength=len(self.by_bureau)).astype(float)
        rows = self.by_bureau[int(rng.choice(weight.size, p=weight / weight.sum()))]
        part = max(2, self.shed_kind.chunk // 2)
        done, rest = rows[early[rows]], rows[~early[rows]]
        return np.concatenate([
            self._noisy_first(done, self.best_r[done] / res.effort[done], part),
            self._noisy_first(rest, -self.best_r[rest] / res.effort[rest], part)])

    def lp_neighbourhood(self, x: np.ndarray, rows: np.ndarray,
                         seconds: float, chunk: int) -> np.ndarray | None:
        """The rows of one bureau or two (``rows``) their LP picks (rins.lp_rows), at most
        ``chunk`` of them: those closest to indifferent by reduced value. None where they
        have more than rins.LP_PAIRS_MAX pairs."""
        if int(self.allowed[rows].sum()) > rins.LP_PAIRS_MAX:
            return None
        picked = rins.lp_rows(self.res, x, rows, self.allowed, seconds, self.bonus)
        if picked is None or picked.size <= chunk:
            return picked
        out: np.ndarray = picked[np.argsort(self.margin[picked], kind="stable")[:chunk]]
        return out

    def learn(self, kind: _Kind, gain: float, seconds: float, optimal: bool) -> None:
        kind.tries += 1
        kind.gain = 0.9 * kind.gain + max(gain, 0.0)
        kind.seconds = 0.9 * kind.seconds + seconds
        if kind is self.sweep_kind:
            self.sweep_timeouts = 0 if optimal else self.sweep_timeouts + 1
            first = self.whole_turns == 1  # the smallest bureau: the others take longer
            if self.sweep_timeouts >= (1 if first else SWEEP_TIMEOUTS):  # see SWEEP_TIMEOUTS
                self.end_sweep()
        # a kind's neighbourhoods solved to optimality quickly can grow; those that time
        # out shrink (whole bureaus and repairs have their own size). Each kind keeps its
        # own: with one chunk for all, a kind whose neighbourhoods CP-SAT solves fast (the
        # processes of least margin, 600-990 of them) grew it past what the others (a
        # bureau's LP rows) are solved in within a step, and shrinking, theirs shrank it
        # for the others. Tight 28,000 at 60 s: s2 99.91-99.99% of the best known in 4 runs
        # (one chunk: 99.85-99.88% in 3), s1 99.87-99.98% in 6 (one chunk: 99.78-99.97%).
        if kind in (self.whole_kind, self.sweep_kind, self.finale_kind, self.repair_kind,
                    self.trade_kind):
            return
        if optimal and seconds < 0.5 * STEP_SECONDS:
            kind.chunk = min(CHUNK_MAX, int(kind.chunk * 1.25))
        elif not optimal:
            kind.chunk = max(CHUNK_MIN, int(kind.chunk * 0.85))


def solve_neighbourhood(
    res: Residual, x: np.ndarray, rows: np.ndarray, seconds: float,
    should_stop: Callable[[], bool] | None = None,
    bonus: np.ndarray | None = None,
    workers: int = WORKERS,
    need_shift: tuple[int, int] | None = None,
    cuts: bool = True,
    count_price: np.ndarray | None = None,
) -> tuple[np.ndarray | None, bool]:
    """Re-plan ``rows`` by CP-SAT, the rest of ``x`` fixed: (plan or None, proven optimal).

    Requirements are global rows; each missing count costs more than all the value in the
    neighbourhood, and none is missed that x does not miss, so a plan short of a
    requirement is first made to meet it. ``bonus`` (float[F, Q], optional) is added to
    each pair's value: the prices of the counts it makes, less that of the channel slot it
    takes (``Search.set_prices``). ``workers``: CP-SAT's; one worker solves at
    ONE_WORKER_LINEARIZATION where ``cuts``, else at CP-SAT's defaults. ``need_shift``
    (need index, +1 or -1): that need asks one count more (a missing one priced as above,
    so x stays a plan) or one fewer, for the count market's offers. ``count_price``
    (float[M], optional): what a missing count of each need costs instead
    (support_pass.py). CP-SAT is stopped within ~50 ms once ``should_stop()`` says so:
    the best plan it has found is returned (the hinted one at least, unless it was stopped
    before taking the hint: then None)."""
    block = BlockModel(res, x, rows)
    if not block.pairs:
        return None, True
    model = block.model
    worth = res.value if bonus is None else res.value + bonus
    coef = [round(VALUE_SCALE * float(worth[i, q])) for i, q, _ in block.pairs]
    # a missing count costs more than the whole neighbourhood is worth: at twice its most
    # valuable pair, a plan short of a need dropped a count more to plan 3 big processes
    # for 4 small ones, and a repair step was wasted
    penalty = 1 + sum(abs(c) for c in coef)
    slacks: list[cp_model.IntVar] = []
    costs: list[int] = []  # of a count each slack makes up
    for k, need in enumerate(res.needs):
        wanted = need.need + (need_shift[1] if need_shift and need_shift[0] == k else 0)
        left = wanted - block.fixed_count(need)
        if left <= 0:
            continue
        terms = block.count_of(need)
        have = need.count(x) - block.fixed_count(need)
        short = max(0, left - have)
        if short == 0:
            model.add(sum(terms) >= left)
            continue
        s = model.new_int_var(0, short, "")  # never more missed than in x
        model.add(sum(terms) + s >= left)
        model.add_hint(s, short)
        slacks.append(s)
        costs.append(penalty if count_price is None
                     else round(VALUE_SCALE * float(count_price[k])))
    objective = cp_model.LinearExpr.weighted_sum([v for _, _, v in block.pairs], coef)
    if slacks:
        objective -= cp_model.LinearExpr.weighted_sum(slacks, costs)
    model.maximize(objective)
    solver = cpsat_solver(seconds, workers)
    if workers == 1 and cuts:
        solver.parameters.linearization_level = ONE_WORKER_LINEARIZATION
    status = run(solver, model, should_stop)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    out = block.others.copy()
    for i, q, v in block.pairs:
        if solver.boolean_value(v):
            out[i] = q
    return out, status == cp_model.OPTIMAL


def merge(res: Residual, x: np.ndarray, rows: np.ndarray,
          cand: np.ndarray) -> np.ndarray | None:
    """Plan x with ``rows`` re-planned as in ``cand``, or None if that breaks a capacity or
    channel limit. A neighbourhood solved at the same time as another was solved against
    the plan before the other's step: both fit the plan alone, not always together."""
    out = x.copy()
    out[rows] = cand[rows]
    return out if res.usage(out).valid() else None


def _timed_neighbourhood(
    search: Search, x: np.ndarray, seconds: float, should_stop: Callable[[], bool] | None,
    workers: int, pick: tuple[_Kind, np.ndarray],
) -> tuple[np.ndarray | None, bool, float]:
    """``solve_neighbourhood`` of a pick and the seconds it took (run in a thread of the
    pool); an "lp" or LP_PAIR pick is narrowed to the rows its bureaus' LP picks first."""
    t0 = time.monotonic()
    kind, rows = pick
    if kind.name in ("lp", LP_PAIR):
        narrowed = search.lp_neighbourhood(x, rows, seconds, kind.chunk)
        stopped = should_stop is not None and should_stop()  # HiGHS does not watch it
        if narrowed is None or not narrowed.size or stopped:
            return None, False, time.monotonic() - t0
        rows = narrowed
    cand, optimal = solve_neighbourhood(search.res, x, rows, seconds, should_stop,
                                        search.bonus, workers, cuts=kind.cuts)
    return cand, optimal, time.monotonic() - t0


def sweep_repairs(res: Residual) -> bool:
    """The sweep of a search over every bureau (no focus, as a solve's) comes before
    repair neighbourhoods even while a plan misses a requirement (``_repairs_by_sweep``)."""
    every = np.ones(len(res.by_bureau))
    return _repairs_by_sweep(res.by_bureau, _whole_order(res.by_bureau, every))


def _repairs_by_sweep(by_bureau: list[np.ndarray], whole: list[int]) -> bool:
    """The first (smallest) bureau the sweep re-plans, of ``whole`` (``_whole_order``),
    has at most SWEEP_REPAIR_MAX processes."""
    return bool(whole) and by_bureau[whole[0]].size <= SWEEP_REPAIR_MAX


def _whole_order(by_bureau: list[np.ndarray], weight: np.ndarray) -> list[int]:
    """The bureaus re-planned whole, smallest first: a small bureau is solved to optimality
    in hundredths of a second and packs its quarters tighter (room for more value, or more
    counts while a requirement is missed), which chunks and size-weighted picks rarely get
    to. Bureaus outside the focus (weight 0) are left out."""
    sizes = np.array([r.size for r in by_bureau])
    order = np.argsort(sizes, kind="stable").tolist()
    return [b for b in order if 0 < sizes[b] <= SWEEP_MAX and weight[b] > 0]


def improve(
    res: Residual,
    x: np.ndarray,
    dual: Dual,
    bound: float,
    deadline: float,
    should_stop: Callable[[], bool],
    report: Report,
    focus: np.ndarray | None = None,
    repair_by: float = float("inf"),
) -> np.ndarray:
    """Large-neighbourhood search from plan ``x`` until ``deadline`` (time.monotonic()),
    a cancel, or a gap below GOAL against ``bound`` (which includes the locked value).
    ``report`` is called with every better plan; ``focus``: only these bureaus' processes
    are re-planned; ``repair_by``: a moment by which a plan x short of a requirement must
    be repaired, or the search ends there. Returns the best plan (it meets the requirements
    whenever ``x`` does).

    The first time the search stalls (no gain for STALL_SECONDS) with the requirements
    met, without a focus, the count market trades counts between bureaus where it pays
    (``Search.market_pays``) and MARKET_MIN_SECONDS are left, for MARKET_SHARE of them at
    most. At the next stall it maximises value plus counts, less (in a long search) the
    slots of the limited channels it uses, at a share of their dual prices
    (``Search.set_prices``). A neighbourhood where counts are cheap then makes more than the
    needs need, and neighbourhoods elsewhere shed the counts that cost most: counts move
    between bureaus that no single neighbourhood holds together; so do channel slots, freed
    where they give least and taken where they give most. (On tight-28000 one bureau of 242
    processes can complete 26 more by the milestone for ~2,600 of value, where the
    milestone's dual price is ~1,500 a process.) A long search's first priced neighbourhood is
    the gap pair (GAP_PAIR_SECONDS). The search then moves on a plan that may be
    worth less than the best one; ``best`` stays the most valuable plan that meets the
    requirements. In the last LATE_SHARE of the time (LATE_SHARE_SHORT in a short search)
    the prices are lowered, so the counts made beyond the needs and the slots left free are
    cashed in, and the finale re-plans the mid-size bureaus whole (FINALE_SHARE)."""
    best = x.copy()
    if res.free.size == 0:
        return best
    search = Search(res, dual.reduced(), focus, alpha=dual.alpha.copy(),
                    seconds_given=deadline - time.monotonic())
    # the plan the search moves on: the best one until counts are priced (unpriced, a step
    # is taken exactly when it makes a better plan)
    current = best
    started = time.monotonic()
    last_gain = started
    late_from = started + (1.0 - search.late_share()) * (deadline - started)
    late = False
    finale_for = FINALE_SHARE * (deadline - started)  # seconds
    finale_until = deadline
    locked = res.locked_value
    market: CountMarket | None = None

    def gap(y: np.ndarray) -> float:
        return (bound - res.plan_value(y) - locked) / bound if bound > 0 else 0.0

    # up to PARALLEL neighbourhoods at once, each in a thread of its own; a new one starts
    # as soon as one ends (on the plan as the steps so far left it), so no core waits for
    # the slower of a pair. ``finished`` stops those still running once the search ends.
    running: dict[Future[tuple[np.ndarray | None, bool, float]], tuple[_Kind, np.ndarray]] = {}
    finished = threading.Event()

    def stopped() -> bool:
        return finished.is_set() or should_stop()

    def launch(pick: tuple[_Kind, np.ndarray], seconds: float, workers: int) -> None:
        future = pool.submit(_timed_neighbourhood, search, current, seconds, stopped,
                             workers, pick)
        running[future] = pick

    def settle(how: str) -> None:
        """Wait for the first (FIRST_COMPLETED) or every (ALL_COMPLETED) running
        neighbourhood and take the steps they found."""
        nonlocal current, best, last_gain
        for future in wait(running, return_when=how).done:
            kind, rows = running.pop(future)
            cand, optimal, took = future.result()
            gain = 0.0
            step = None if cand is None else merge(res, current, rows, cand)
            if step is not None and better(res, step, current, search.worth):
                gain = search.worth(step) - search.worth(current)
                if res.shortfall(step) < res.shortfall(current):
                    gain = max(gain, 1.0) * 10.0  # a repaired requirement pays most
                current = step
                if better(res, current, best):
                    if res.plan_value(current) > res.plan_value(best) * (1.0 + STALL_GAIN):
                        last_gain = time.monotonic()
                    best = current
                    report(best)
            search.learn(kind, gain, took, optimal)

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        try:
            while not should_stop() and (res.shortfall(best) > 0 or gap(best) > GOAL):
                left = deadline - time.monotonic()
                if left < 0.05 or (res.shortfall(best) > 0 and time.monotonic() > repair_by):
                    break
                unpriced = search.price is None and focus is None and bool(res.needs)
                if (unpriced and res.shortfall(best) == 0
                        and time.monotonic() - last_gain > STALL_SECONDS):
                    if running:  # the stall is judged, and the market trades, on a settled plan
                        settle(ALL_COMPLETED)
                        continue
                    if market is None and search.market_pays() and left > MARKET_MIN_SECONDS:
                        market = CountMarket(res, search.offer_rows, partial(
                            _solve_shifted, res, should_stop), STEP_SECONDS, should_stop)
                        current = market.trade(current, time.monotonic() + MARKET_SHARE * left,
                                               pool, report)
                        if better(res, current, best):
                            best = current
                            last_gain = time.monotonic()
                            continue
                    search.set_prices(dual)
                    pair = search.gap_pair(current) if search.long() else None
                    if pair is not None:
                        launch(pair, min(GAP_PAIR_SECONDS, left), 1)
                if search.price is not None and not late and time.monotonic() >= late_from:
                    late = True
                    search.set_prices(dual, LATE_PRICE_SHARE)
                    if focus is None and finale_for >= FINALE_SECONDS:
                        search.start_finale(current)
                        finale_until = time.monotonic() + finale_for
                if time.monotonic() > finale_until:
                    search.finale.clear()
                solo = search.solo(current)
                if running and (solo or len(running) >= PARALLEL):
                    settle(FIRST_COMPLETED)
                    continue
                taken = np.zeros(res.free.size, dtype=bool)
                for _, rows in running.values():
                    taken[rows] = True
                picks = search.picks(current, PARALLEL - len(running), taken)
                for pick in picks:
                    finale_step = pick[0] is search.finale_kind
                    seconds = min(FINALE_SECONDS if finale_step else STEP_SECONDS, left)
                    launch(pick, seconds, WORKERS if finale_step else max(1, WORKERS // PARALLEL))
                if running and (solo or not picks or len(running) >= PARALLEL):
                    settle(FIRST_COMPLETED)
        finally:  # also on a Ctrl+C: those still running stop (cpsat_run.WATCH_SECONDS)
            finished.set()
        if running:  # they return their best plan
            settle(ALL_COMPLETED)
    return best


def _solve_shifted(res: Residual, should_stop: Callable[[], bool], x: np.ndarray,
                   rows: np.ndarray, shift: tuple[int, int], seconds: float) -> np.ndarray | None:
    """A count market's offer (count_market.py): ``rows`` re-planned with one worker (two
    are asked at once)."""
    plan, _ = solve_neighbourhood(res, x, rows, seconds, should_stop, workers=1,
                                  need_shift=shift)
    return plan


def tightest_need(res: Residual, x: np.ndarray) -> Need:
    """The need with the fewest counts to spare in plan x (the most missed where one is
    missed), the first of those that tie."""
    return min(res.needs, key=lambda n: n.count(x) - n.need)


def late_members(res: Residual, need: Need, x: np.ndarray) -> np.ndarray:
    """bool[F]: the need's members plan x does not complete by its quarter, though they
    could be."""
    out: np.ndarray = (need.mask(res.free.size) & ((x < 0) | (x > need.quarter))
                       & (res.earliest <= need.quarter))
    return out


def trade_parts(res: Residual, x: np.ndarray, rows: np.ndarray, k: int,
                first: Callable[[np.ndarray, np.ndarray, int], np.ndarray],
                need: Need | None = None) -> list[np.ndarray]:
    """The candidates for trading places in one bureau (``rows``) of plan x, k of each: its
    planned processes that give least value per person-month where they are, its unplanned
    ones that would give most, and the smallest members of ``need`` (default: the tightest
    need) it does not complete by then. ``first(rows, key, k)``: the k of ``rows`` with the
    smallest ``key`` (the search's with noise, so that its repeated picks in a bureau
    differ; the support pass's plainly)."""
    planned, out = rows[x[rows] >= 0], rows[x[rows] < 0]
    parts = [first(planned, value_density(res, x, planned), k),
             first(out, -best_per_process(res.value[out]) / res.effort[out], k)]
    if res.needs:
        if need is None:
            need = tightest_need(res, x)
        late = rows[late_members(res, need, x)[rows]]
        parts.append(first(late, res.effort[late], k))
    return parts


def value_density(res: Residual, x: np.ndarray, planned: np.ndarray) -> np.ndarray:
    """float[len(planned)]: the value per person-month each of the ``planned`` processes
    gives in its quarter of plan x (the key by which the least valuable are found)."""
    out: np.ndarray = res.value[planned, x[planned]] / res.effort[planned]
    return out


def best_per_process(table: np.ndarray) -> np.ndarray:
    """float[F]: each process's best entry of ``table`` (float[F, Q]) over its eligible
    quarters, 0 where it has none."""
    best = np.max(np.where(np.isfinite(table), table, -np.inf), axis=1, initial=-np.inf)
    out: np.ndarray = np.where(np.isfinite(best), best, 0.0)
    return out
