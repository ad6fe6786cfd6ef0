"""The LP-guided neighbourhood of one bureau (RINS: relaxation induced neighbourhood search).

On the tight 28,000 instance the plans the search reaches at 60 s have the bureaus' counts
of the LP relaxation (within 1-9 processes a bureau) but lose 135k against its value, most
of it in the four largest bureaus (1,576-5,053 processes): a neighbourhood of random chunks
of a big bureau does not hold the processes whose quarters have to change together. The
bureau's own LP (every other process fixed, the global requirements as rows) says which:
the processes where its solution is fractional or differs from the plan. Re-planned exactly
by CP-SAT from the plan (so never worse), those rows (213 of 1,953) gained 16k on the
third largest bureau of a finished 60 s plan in 0.8 s. In the search, tight 28,000 at 60 s
went from 21.73-21.77M (mean 21.76M) to 21.78-21.81M (mean 21.79M over 7 runs).

The LP is solved by HiGHS (ignores an interrupter but keeps its time limit, so it is given
no more than a neighbourhood's time) over each process's LP_QUARTERS best quarters by
reduced value and its current one: over all quarters the largest bureau's LP takes 1.3 s
and its rows are too many for CP-SAT's 0.6 s.
"""

from __future__ import annotations

import numpy as np

from solver.mip_model import NeighbourhoodMip, whole_and_fractional
from solver.reduced import Residual

#: Quarters per process in a bureau's LP: its best ones by reduced value (and its own).
LP_QUARTERS = 4
#: A bureau whose LP has more pairs than this gets no LP: it would not end within a step
#: (tight 28,000: the largest bureau's LP, 21,889 pairs, takes 0.5-0.7 s), and HiGHS does
#: not see a cancel, so a bigger one would hold it up for longer.
LP_PAIRS_MAX = 25_000


def lp_rows(res: Residual, x: np.ndarray, rows: np.ndarray, allowed: np.ndarray,
            seconds: float, bonus: np.ndarray | None = None) -> np.ndarray | None:
    """The processes of ``rows`` (one bureau, or two) whose quarter in the LP relaxation of
    their re-plan (the rest of plan ``x`` fixed) is fractional or differs from ``x``; None
    if HiGHS found no LP solution within ``seconds``. ``bonus`` (float[F, Q], optional) is
    added to each pair's value, as in the neighbourhood search (its prices of counts and
    channel slots)."""
    worth = None if bonus is None else res.value + bonus
    mip = NeighbourhoodMip(res, x, rows, allowed, worth=worth)
    share = mip.relaxation(seconds)
    if share is None:
        return None
    whole, fractional = whole_and_fractional(share)
    lp_quarter = np.full(rows.size, -1, dtype=np.int64)
    lp_quarter[mip.pair_row[whole]] = mip.pair_q[whole]
    differ = lp_quarter != x[rows]
    differ[mip.pair_row[fractional]] = True
    out: np.ndarray = rows[differ]
    return out
