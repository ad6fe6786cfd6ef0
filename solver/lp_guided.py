"""Plans rounded from the LP relaxation, for large instances where the requirements bind.

On the tight 28,000 instance the greedy value-first plans (value_first.py) end 1.5% below
what the LP's own integer part is worth: the LP packs each bureau's quarters as a whole,
which a greedy pass in one global order cannot. Of the LP's 26,600 processes only ~200
are fractional, so its integer part is a plan that keeps every capacity and channel limit
and misses the requirements by about the fractional processes' count; the count repairs
(value_first.repair_counts) close most of that, and the neighbourhood search the rest.

The LP is the relaxation of the plain model restricted to each process's LP_QUARTERS best
quarters by reduced value under the dual prices (70k of 206k pairs on 28,000: HiGHS takes
4.5 s instead of 12 s, and the LP value drops by 0.3%). With the pairs restricted, the
requirements may be out of reach, so their rows are elastic. The LP runs in a thread
started as soon as the prices are known (:class:`RoundedLp`). HiGHS keeps its time limit but
not MathOpt's interrupter, so a cancel does not wait for the thread: it ends at its own
time limit (LP_SECONDS_MAX at most).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from solver import primal
from solver.background import Background
from solver.dual import Dual
from solver.mip_model import NeighbourhoodMip
from solver.reduced import Residual
from solver.started_lp import StartedLp
from solver.value_first import REPAIR_PRICE, finish, repair_counts

#: Quarters per process in the LP: its best ones by reduced value.
LP_QUARTERS = 3
#: Seconds HiGHS takes per pair, for deciding whether the LP fits the time left
#: (measured on the 2-core machine: 70k pairs in 4.5 s; 7.4k in 0.1 s).
SECONDS_PER_PAIR = 7e-5
#: The LP's time limit at most.
LP_SECONDS_MAX = 20.0


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

    def __init__(self, res: Residual, dual: Dual, seconds: float, *,
                 started: bool = False) -> None:
        """``started``: the LP written around the prices' plan (:func:`prices_plan`; 70k
        pairs of tight 28,000 in 0.55-0.93 s on a 2-core machine where the plain one takes
        4.4-5.0 s, and 2 s on one half as fast against 10 s). It is solved where the plain
        one does not fit the time: where both do, the plain one's optimal vertex rounds
        better (tight 28,000: 21,669k against 21,628k)."""
        self.res = res
        self.lam = dual.lam.copy()  # the prices the repairs use, as of now
        reduced = dual.reduced()
        allowed = res.best_quarters(reduced, LP_QUARTERS)
        # a missing process costs more than any process is worth
        penalty = 10.0 * float(np.max(np.where(np.isfinite(res.value), res.value, 0.0),
                                      initial=1.0)) + 1.0
        self.model: NeighbourhoodMip | StartedLp
        if started:
            self.model = StartedLp(res, prices_plan(res, reduced), allowed, penalty)
        else:
            self.model = NeighbourhoodMip(res, np.full(res.free.size, -1, dtype=np.int64),
                                          np.arange(res.free.size), allowed, elastic=penalty)
        limit = min(seconds, LP_SECONDS_MAX)
        model = self.model
        self._share = Background(lambda: model.relaxation(limit))

    def plans(self, should_stop: Callable[[], bool]
              ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(a plan meeting every requirement, the most valuable plan, which may miss some),
        both rounded from the LP and repaired; (None, None) if the LP found no solution in
        its time or a cancel came first (the thread then ends at its own time limit)."""
        if not self._share.wait(should_stop):
            return None, None
        share = self._share.result()
        if share is None:
            return None, None
        res, model = self.res, self.model
        x = np.full(res.free.size, -1, dtype=np.int64)
        whole = share > 1.0 - 1e-6
        x[model.pair_row[whole]] = model.pair_q[whole]
        primal.meet_requirements(res, x)
        repair_counts(res, x, REPAIR_PRICE * self.lam, should_stop)
        promising = _finished(res, x)
        if res.shortfall(x) == 0:
            return promising, promising
        # the counts the priced repairs leave, at any price: a plan to fall back on
        repair_counts(res, x, np.full(len(res.needs), np.inf), should_stop)
        feasible = _finished(res, x) if res.shortfall(x) == 0 else None
        return feasible, promising


def _finished(res: Residual, x: np.ndarray) -> np.ndarray:
    """A finished copy of x (value_first.finish): x itself is repaired further."""
    y = x.copy()
    finish(res, y)
    return y
