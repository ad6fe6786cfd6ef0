"""Plans rounded from the LP relaxation, for large instances where the requirements bind.

On the tight 28,000 instance the greedy value-first plans (value_first.py) end 1.5% below
what the LP's own integer part is worth: the LP packs each bureau's quarters as a whole,
which a greedy pass in one global order cannot. Of the LP's 26,600 processes only ~200
are fractional, so its integer part is a plan that keeps every capacity and channel limit
and misses the requirements by about the fractional processes' count; the fractional ones
that fit are added; where the bureaus are too big for the search's sweep, each bureau is
re-planned around its fractional processes (support_pass.py), which makes most of the missing
counts and value with them; the count repairs (value_first.repair_counts) close most of the
rest, and the neighbourhood search what is left.

The LP is the relaxation of the plain model restricted to each process's LP_QUARTERS best
quarters by reduced value under the dual prices (70k of 206k pairs on 28,000: HiGHS takes
4.5 s instead of 12 s, and the LP value drops by 0.3%). With the pairs restricted, the
requirements may be out of reach, so their rows are elastic; where the LP's solution then
misses them, the LP over the pairs of a plan that meets them as well is solved after it.
Where the LP is written around the prices' plan (the plain one would be slow), that LP is
solved beside it; both ask for ROUNDING_MARGIN counts more of each requirement, and the more
valuable of the two solutions is rounded. Where the rounded plan still misses more counts
than the search repairs, the LP is solved once more with the needs raised by what it misses
(``RoundedLp._with_margin``). The LPs run in threads started as soon as the prices are known
(:class:`RoundedLp`). HiGHS keeps its time limit but not MathOpt's interrupter, so a cancel
does not wait for a thread: it ends at its own time limit (LP_SECONDS_MAX at most).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

import numpy as np

from solver import primal
from solver.background import Background
from solver.dual import Dual
from solver.improve import sweep_repairs
from solver.mip_model import NeighbourhoodMip, whole_and_fractional
from solver.reduced import Residual
from solver.started_lp import StartedLp
from solver.support_pass import support_pass
from solver.value_first import (
    PROMISING_MISSING_MAX,
    REPAIR_PRICE,
    finish,
    repair_counts,
    repaired_at_any_price,
)

#: The LPs rounded here: over every free process, so a pair's row is its process.
Lp = NeighbourhoodMip | StartedLp
#: An LP and its solution (None: none in time).
Solved = tuple[Lp, np.ndarray | None]

#: Quarters per process in the LP: its best ones by reduced value.
LP_QUARTERS = 3
#: The LP around the prices' plan, and the LP over the meeting plan's pairs as well beside
#: it, ask for this many counts more of each requirement, and the more valuable of the two
#: is rounded. On tight 28,000 the plan rounded from them misses 65-75 counts (44-49 with a
#: margin of 20), the support pass makes up 48-65 of them and the priced repairs most of the
#: rest; a count left to the repair at any price costs 0.04-0.06% of the plan, a count the
#: priced repairs make ~0.01%, and one the LPs ask for ~0.03% of their value (100.13% of the
#: best known with no margin, 99.83% with 10, 99.39% with 20 on s1). So the margin is the
#: least that leaves the priced repairs only a few counts: the plan the search starts from
#: at 10 s on s0/s1/s2 was worth 99.54/99.49/99.43% with 5, 99.59/99.67/99.60% with 10,
#: 99.57/99.57/99.60% with 15 and 99.47/99.38/99.50% with 20 (s1 with none: 99.42%, 6 counts
#: repaired at any price). Interleaved in one process at 10 s, 10 against 20 (5 runs each):
#: s0 99.645-99.759% of the best known against 99.542-99.660%, s1 99.700-99.869% against
#: 99.516-99.613%, s2 99.700-99.763% against 99.592-99.683%, higher in 15 of 15 pairs; 10
#: against 7 (4 each), means: s0 99.73% against 99.75%, s1 99.77% against 99.62%, s2 99.75%
#: against 99.74%. At 60 s, 10 against 20 (2 runs each): s0 99.979/99.989% against
#: 99.939/99.956%, s1 100.003/100.002% against 99.947/99.966%, s2 99.951/99.998% against
#: 99.927/99.982%. (When only the second asked for one, the restricted LP was the more
#: valuable wherever the prices' best quarters held the LP's optimum, and its rounded plan
#: missed 6-9 counts after the priced repairs: tight 28,000 s2 at 10 s, 99.37-99.53% in 4
#: runs.)
ROUNDING_MARGIN = 10
#: Seconds HiGHS takes per pair, for deciding whether the LP fits the time left: 70k pairs
#: took 4.5 s on the 2-core machine at first, 5.5-6.8 s later, and 6.3-7.4 s on the same
#: machine 1.5 times slower (7.4k pairs: 0.1 s). An LP that does not end in time is worth
#: nothing, where the LP around the prices' plan (started_lp.py) is solved in 1-3.5 s and
#: rounds almost as well, so the estimate is kept to the slow end (tight 28,000 at 10 s on
#: the slow machine: the plain LP ended in time in 1 of 3 runs, s0 21.51-21.66M, s2
#: 25.60-25.91M; the started one 21.64M and 25.91M in 2 of 2).
SECONDS_PER_PAIR = 1e-4
#: The LP's time limit at most.
LP_SECONDS_MAX = 20.0
#: The rounded plan is re-planned around the LP's fractional support (support_pass.py) for at
#: most SUPPORT_SECONDS, and at most SUPPORT_SHARE of the time left until the plans are
#: needed: the greedy repairs and the search's own repairs after it need the rest. Tight
#: 28,000 at 10 s, interleaved, 2 runs each: s0 99.66/99.70% of the best known against
#: 99.43/99.47% without it, s1 99.57/99.60% against 99.47/99.50%, s2 99.67/99.69% against
#: 99.56/99.57%. (With its counts made at any price, as the search's repairs make them:
#: 99.53/99.63%, 99.50/99.51% and 99.64/99.66%; at 7 s s0 99.74% against 99.43%, s1 99.55%
#: against 99.44%; given a fixed 1.5 s, not a share of the time, s0 at 6 s returned
#: value-first's plan, 84.9%: the pass ended where the repairs after it no longer could, and
#: with the share 99.50%, without the pass 99.44%. Tight 28,000 s1 at 6 s ended at
#: value-first's plan, 90.4%, either way in some runs: its LPs end 0.4-0.6 s before the
#: limit; since the last repair at any price runs past the limit, RoundedLp.plans, 99.1-99.4%.)
#: Not where the search's sweep re-plans small bureaus whole anyway
#: (improve.sweep_repairs): tight 3,000 at 10 s s1 99.44% against 99.47% without it, s2
#: 99.50% against 99.56%.
SUPPORT_SECONDS = 1.5
SUPPORT_SHARE = 0.5


def lp_seconds(res: Residual) -> float:
    """The estimated time of the LP on this problem."""
    pairs = np.minimum(np.isfinite(res.value).sum(axis=1), LP_QUARTERS).sum()
    return float(pairs) * SECONDS_PER_PAIR


def prices_plan(res: Residual, reduced: np.ndarray) -> np.ndarray:
    """The start plan of a started LP: the processes of positive reduced value, greedily
    by reduced value per person-month, each in its best quarter that has room."""
    key = np.where(np.isfinite(reduced) & (reduced > 0), reduced / res.effort[:, None], -np.inf)
    return primal.greedy_pairs(res, key)


class RoundedLp:
    """The LP relaxation, solved by HiGHS in a thread from construction on (it releases the
    GIL, so it runs beside the greedy phases on a second core), and the plans rounded from
    it (:meth:`plans`)."""

    def __init__(self, res: Residual, dual: Dual, seconds: float, meeting: np.ndarray, *,
                 started: bool = False) -> None:
        """``meeting``: a plan that meets the requirements (the solve's best so far: the
        count-first plan or the caller's hint), whose pairs the LP gets where the prices'
        best quarters cannot meet them (:func:`_solved`).
        ``started``: the LP written around the prices' plan (:func:`prices_plan`; 70k
        pairs of tight 28,000 in 0.55-0.93 s on a 2-core machine where the plain one takes
        4.4-5.0 s, and 2 s on one half as fast against 10 s). It is solved where the plain
        one would take longer than solve.LP_PLAIN_MAX or not fit the time (alone, without
        the wider LP below, it rounded worse than the plain one: tight 28,000, 21,628k
        against 21,669k). Its LP over the meeting plan's pairs too is solved beside it, on
        the second core, not after it (tight 28,000 seed 1 at 10 s needs that LP, and it
        and a margin LP in a row ended too late on a slow machine). Both ask for
        ROUNDING_MARGIN counts more, so that the support pass and the priced repairs land
        the rounded plan on the needs."""
        self.res = res
        self.started = started
        self.lam = dual.lam.copy()  # the prices the repairs use, as of now
        reduced = dual.reduced()
        allowed = res.best_quarters(reduced, LP_QUARTERS)
        # a missing process costs more than any process is worth
        penalty = 10.0 * float(np.max(np.where(np.isfinite(res.value), res.value, 0.0),
                                      initial=1.0)) + 1.0
        limit = min(seconds, LP_SECONDS_MAX)
        self.penalty = penalty
        # when the LPs solved here must end by: the first ones within their time limit,
        # the margin LP within the caller's time (and its own limit)
        self.latest = time.monotonic() + seconds
        self._share: Background[Solved]
        # around the prices' plan (started), the LP over the meeting plan's pairs as well is
        # solved at the same time, not after the first one misses the requirements (_solved)
        self._wider: Background[Solved] | None = None
        if started:
            start = prices_plan(res, reduced)
            raised = _needs_raised(res, np.full(len(res.needs), ROUNDING_MARGIN))

            def around(pairs: np.ndarray) -> StartedLp:
                return StartedLp(raised, start, pairs, penalty)

            self._share = Background(lambda: _solved(around, allowed, None, limit))
            wider = _widened(allowed, meeting)
            self._wider = Background(lambda: _solved(around, wider, None, limit))
        else:
            unplanned = np.full(res.free.size, -1, dtype=np.int64)
            everyone = np.arange(res.free.size)
            self._share = Background(lambda: _solved(
                lambda pairs: NeighbourhoodMip(res, unplanned, everyone, pairs, elastic=penalty),
                allowed, meeting, limit))

    def plans(self, should_stop: Callable[[], bool], needed_by: float = float("inf"),
              cancelled: Callable[[], bool] | None = None, rival: float = -np.inf,
              ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(a plan meeting every requirement, the most valuable plan, which may miss some),
        both rounded from the LP and repaired; (None, None) if the LP found no solution in
        its time or a cancel came first (the thread then ends at its own time limit).
        ``needed_by``: the moment (time.monotonic()) the caller needs them by; it bounds the
        support pass (SUPPORT_SHARE). ``cancelled`` (default ``should_stop``): what alone
        stops the last repair, at any price, of a rounded plan that still misses counts, so
        that a plan rounded late still gives the plan meeting the requirements: it is
        greedy work of 0.14-0.5 s on tight 28,000, and without it a solve whose LPs end
        near its limit falls back on value-first's plan. (Tight 28,000 at 6 s, standing for
        a machine 1.7 times slower at 10 s, 4 runs each: s0 99.14-99.55% of the best known
        instead of 84.9-85.0%, s1 99.12-99.39% instead of 90.2-90.4%, s2 99.54-99.62%
        instead of 87.0-87.1%; the solves took 5.89-6.56 s, before 5.99-6.40 s. At 5 s, s0
        99.1% instead of 84.9%, 5.5 s; s1 90.4% either way: its LP over the meeting plan's
        pairs finds no solution within its time.)
        ``rival``: the value (``Residual.plan_value``) of the caller's best plan meeting the
        requirements; where the LP solution's whole pairs are worth no more (``_outranked``),
        nothing is rounded and (None, None) returned."""
        if not self._share.wait(should_stop):
            return None, None
        solved = [self._share.result()]
        if self._wider is not None:
            if _misses(solved[0]):
                solved = []  # its plans would miss the requirements by far
            if not self._wider.wait(should_stop):
                return None, None
            solved.append(self._wider.result())
        res = self.res
        found = [(model, share) for model, share in filter(None, solved) if share is not None]
        if not found:
            return None, None
        # the more valuable solution is rounded (rounding both took 2 s more of 10 on tight
        # 28,000 and left the search too little to repair its plan)
        model, share = max(found, key=lambda lp: _lp_value(res, *lp))
        if _outranked(res, model, share, rival):
            return None, None
        x = self._rounded(model, share, should_stop, needed_by)
        promising = _finished(res, x)
        if res.shortfall(x) == 0:
            return promising, promising
        tries = [x]
        if int(res.missing(x).sum()) > PROMISING_MISSING_MAX:
            # more than the search repairs (value_first.score)
            with_margin = self._with_margin(model, x, should_stop, needed_by)
            if with_margin is not None:
                if res.shortfall(with_margin) == 0:  # x is not repaired further: no time
                    return _finished(res, with_margin), promising
                tries.append(with_margin)
        # the counts the priced repairs leave, at any price: a plan to fall back on
        last = should_stop if cancelled is None else cancelled
        meeting = [y for y in (repaired_at_any_price(res, t, last) for t in tries)
                   if y is not None]
        return max(meeting, key=res.plan_value, default=None), promising

    def multipliers(self, dual: Dual) -> np.ndarray | None:
        """The dual's multipliers at the row duals of the LPs solved here by now
        (lp_prices.py), those whose bound ``dual.value`` is least; None if none was."""
        found = []
        for work in (self._share, self._wider):
            solved = work.result() if work is not None and work.done() else None
            if solved is not None and solved[1] is not None and solved[0].row_duals is not None:
                found.append(solved[0].priced.multipliers(dual, solved[0].row_duals))
        return min(found, key=dual.value, default=None)

    def _rounded(self, model: Lp, share: np.ndarray, should_stop: Callable[[], bool],
                 needed_by: float) -> np.ndarray:
        """The LP solution's plan (:func:`lp_plan`), the requirements met, re-planned around
        the LP's fractional support (SUPPORT_SECONDS) and the counts repaired at
        REPAIR_PRICE times their prices (they may still miss some)."""
        res = self.res
        x = lp_plan(res, model, share)
        primal.meet_requirements(res, x)
        if not sweep_repairs(res):
            now = time.monotonic()
            until = now + min(SUPPORT_SECONDS, SUPPORT_SHARE * (needed_by - now))
            x = support_pass(res, x, _fractional(res, model, share), REPAIR_PRICE * self.lam,
                             until, should_stop)
        repair_counts(res, x, REPAIR_PRICE * self.lam, should_stop)
        return x

    def _with_margin(self, model: Lp, x: np.ndarray, should_stop: Callable[[], bool],
                     needed_by: float) -> np.ndarray | None:
        """Where the rounded plan x misses the requirements, the plan rounded from the LP
        whose needs are raised by what x misses, written around x (so HiGHS starts from it)
        over the same pairs, by the caller's deadline (and within LP_SECONDS_MAX): its
        rounding loses about as many counts as the first one did, so it lands on the needs.
        None if there is no time or no solution by then. (Tight 28,000 seed 1: the rounded
        plan misses the target by 22 counts, which the repairs at any price bring to 7 at
        most, and the search by one a step; with the margin the LP's plan meets it after
        the priced repairs, 23.72M against 21.64M from value-first, in 2 s on a machine
        where the first LP takes 3 s. At 60 s it was given what was left of the first LP's
        20 s: it began 0.2 s before or after their end, and in 1 of 6 runs the solve
        ended at 21.74M instead of 23.78-23.85M.)"""
        res = self.res
        until = min(self.latest, time.monotonic() + LP_SECONDS_MAX)
        if until - time.monotonic() <= 0 or should_stop():
            return None
        raised = _needs_raised(res, res.missing(x))
        allowed = np.zeros(res.value.shape, dtype=bool)
        allowed[model.pair_row, model.pair_q] = True
        start = x.copy()

        def solved() -> tuple[StartedLp, np.ndarray | None]:
            lp = StartedLp(raised, start, allowed, self.penalty)
            return lp, lp.relaxation(until - time.monotonic())

        work = Background(solved)  # HiGHS does not watch a cancel: the caller polls
        if not work.wait(should_stop):
            return None
        done = work.result()
        if done is None or done[1] is None:
            return None
        return self._rounded(done[0], done[1], should_stop, needed_by)


def lp_plan(res: Residual, model: Lp, share: np.ndarray) -> np.ndarray:
    """The plan of an LP solution ``share``: its whole pairs, then its fractional pairs,
    largest share first, where they fit.

    Most fractional processes are split between two quarters, each share filling its
    bureau-quarter (tight 28,000: 181 of 210), and the LP counts them whole: without them
    the plan misses the target by ~190 counts, with those that fit by ~85, and the repairs
    after it cost less (tight 28,000 s0: 21.707M against 21.669M meeting the requirements;
    the LP around the prices' plan 21.675M against 21.642M; s1 and s2 the same or better;
    tight 3,000 s0-s2 +0.15% to +0.8%)."""
    x = np.full(res.free.size, -1, dtype=np.int64)
    whole, part = whole_and_fractional(share)
    x[model.pair_row[whole]] = model.pair_q[whole]
    key = np.full(res.value.shape, -np.inf)
    key[model.pair_row[part], model.pair_q[part]] = share[part]
    return primal.greedy_pairs(res, key, x)


def _outranked(res: Residual, model: Lp, share: np.ndarray, rival: float) -> bool:
    """The LP solution's whole pairs are worth no more than a plan meeting the requirements
    is (``rival``), so rounding it is not expected to beat that plan: the rounding starts
    from those pairs, which miss the needs by about as many counts as the LP has fractional
    processes (~200, one per binding row), and buys those counts back. Where that is a large
    share of the processes, as on tight 3,000 (8% of them: the whole pairs 3.1-4.0% below
    the LP, value-first's plan 1.5% below it), the rounded plans ended 0.6-2.5% below
    value-first's, after 0.4-1.1 s of the search's time; skipped, the search had that
    time, and tight 3,000 at 10 s ended higher (15 runs an instance in two interleaved
    comparisons: means s0 +0.01% of the best known, s1 +0.02%, s2 +0.10%; s2 at 99.5% or
    more in 14 of 15 runs instead of 8). On tight 28,000 (0.9% fractional: the whole pairs
    0.3-0.4% below the LP) they are worth 10-17% more than value-first's plans, and the
    rounded plans are the solve's start."""
    return _lp_value(res, model, np.where(whole_and_fractional(share)[0], share, 0.0)) <= rival


def _fractional(res: Residual, model: Lp, share: np.ndarray) -> np.ndarray:
    """bool[F]: the processes with a fractional pair in the LP solution ``share``."""
    out = np.zeros(res.free.size, dtype=bool)
    out[model.pair_row[whole_and_fractional(share)[1]]] = True
    return out


def _solved(lp_over: Callable[[np.ndarray], Lp], allowed: np.ndarray,
            meeting: np.ndarray | None, seconds: float) -> Solved:
    """The LP over the ``allowed`` pairs (``lp_over``) and its solution within ``seconds``.
    Where those pairs cannot meet the requirements (its elastic slack is used), the LP over
    them and the pairs of plan ``meeting`` (if given), which meets them, with the time left.
    (Tight 28,000 seed 1: the best 3 quarters by reduced value miss the requirements by hundreds
    of counts, and the plans rounded from that LP were never repaired; with the count-first
    plan's pairs the LP is worth 23.96M, the unrestricted one 23.99M, and at 60 s the solve
    ends at 23.83M instead of 21.77M. They are not added where the restricted LP meets the
    requirements: on seeds 0 and 2 that LP then rounds to plans missing more counts, and the
    solve ends 0.6% lower at 60 s.)"""
    began = time.monotonic()
    model = lp_over(allowed)
    share = model.relaxation(seconds)
    if meeting is None or share is None or _meets(model, share):
        return model, share
    model = lp_over(_widened(allowed, meeting))
    return model, model.relaxation(seconds - (time.monotonic() - began))


def _misses(solved: Solved | None) -> bool:
    """The LP found no solution, or its solution misses the requirements."""
    return solved is None or solved[1] is None or not _meets(solved[0], solved[1])


def _meets(model: Lp, share: np.ndarray) -> bool:
    """The LP solution ``share`` meets the requirements: its elastic slack makes up no
    count (up to float noise)."""
    return _counts_missed(model, share) < 0.5


def _needs_raised(res: Residual, extra: np.ndarray) -> Residual:
    """``res`` with each need asking ``extra`` (int[M], per need) counts more: the LPs'
    margin (ROUNDING_MARGIN) and the margin LP's (``RoundedLp._with_margin``)."""
    return dataclasses.replace(res, needs=[
        dataclasses.replace(need, need=need.need + int(more))
        for need, more in zip(res.needs, extra, strict=True)])


def _widened(allowed: np.ndarray, meeting: np.ndarray) -> np.ndarray:
    """The ``allowed`` pairs and those of plan ``meeting``."""
    wider = allowed.copy()
    on = np.flatnonzero(meeting >= 0)
    wider[on, meeting[on]] = True
    return wider


def _lp_value(res: Residual, model: Lp, share: np.ndarray) -> float:
    """The value of an LP solution (without the elastic slack's cost)."""
    return float(np.dot(share, res.value[model.pair_row, model.pair_q]))


def _counts_missed(model: Lp, share: np.ndarray) -> float:
    """The requirement counts an LP solution misses (those its elastic slack makes up)."""
    missed = 0.0
    for need in model.res.needs:
        counted = float(share[need.counted(model.pair_row, model.pair_q)].sum())
        missed += max(0.0, need.need - counted)
    return missed


def _finished(res: Residual, x: np.ndarray) -> np.ndarray:
    """A finished copy of x (value_first.finish): x itself is repaired further."""
    y = x.copy()
    finish(res, y)
    return y
