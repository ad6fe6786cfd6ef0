"""The LP's rounded plan re-planned one bureau at a time around the LP's fractional support.

A plan rounded from the LP (lp_guided.lp_plan) keeps the LP's whole pairs and adds its
fractional ones where they fit: each fractional process fills a bureau-quarter the LP packs
exactly, so most do not fit, and the plan misses the requirements by about their number. A
greedy repair (value_first.repair_counts) closes most of that at a cost; CP-SAT over one
bureau's fractional processes and the processes around them (those planned that give least
value per person-month, the unplanned ones that would give most, the smallest members not
done by the tightest requirement's quarter) packs that bureau's quarters again with the
requirements as global rows, and so finds the counts and the value together.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

import numpy as np

from solver.improve import better, merge, solve_neighbourhood, trade_parts
from solver.reduced import Residual

#: Processes of each kind around a bureau's fractional ones (tight 28,000 at 10 s, 2 runs
#: each: with 30, s0 99.43%, s1 99.42/99.53%, s2 99.62/99.64% of the best known; with 20,
#: 99.54%, 99.49/99.55%, 99.65/99.66%; s0's other pair fell to value-first's plan, see
#: lp_guided.SUPPORT_SHARE; its counts made at any price then).
AROUND = 20
#: Seconds CP-SAT may take on one bureau's neighbourhood, one worker each, PARALLEL at a time
#: on disjoint bureaus: the 28 bureaus of tight 28,000 in 1.4-1.9 s (one at a time with both
#: workers and 0.15 s each, 3.7-4.2 s, to plans of about the same value).
STEP_SECONDS = 0.1
PARALLEL = 2


def support_pass(res: Residual, x: np.ndarray, support: np.ndarray, count_price: np.ndarray,
                 deadline: float, should_stop: Callable[[], bool]) -> np.ndarray:
    """Plan x with each bureau re-planned once around the ``support`` (bool[F]: the LP's
    fractional processes), those with most of it first, two at a time, until ``deadline``
    (time.monotonic()) or a cancel. A count x misses is made where it costs at most
    ``count_price`` (float[M], per need; as the greedy repairs, value_first.REPAIR_PRICE
    times the dual's price): made at any price, as the search's repairs make it, one step
    on tight 8,000 gave up 1.7% of the plan's value for 3 counts. Each step keeps every
    limit and misses no requirement count more than the plan before it did."""
    sizes = np.bincount(res.bureau[support], minlength=len(res.by_bureau))
    todo = sorted(range(len(res.by_bureau)), key=lambda b: -int(sizes[b]))
    running: dict[Future[tuple[np.ndarray | None, bool]], np.ndarray] = {}
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        while todo or running:
            while todo and len(running) < PARALLEL and not should_stop():
                seconds = min(STEP_SECONDS, deadline - time.monotonic())
                if seconds <= 0.01:
                    todo.clear()
                    break
                rows = _rows(res, x, res.by_bureau[todo.pop(0)], support)
                running[pool.submit(solve_neighbourhood, res, x, rows, seconds, should_stop,
                                    workers=1, count_price=count_price)] = rows
            if not running:
                break
            for future in wait(running, return_when=FIRST_COMPLETED).done:
                rows = running.pop(future)
                cand, _ = future.result()
                step = None if cand is None else merge(res, x, rows, cand)
                if step is not None and better(res, step, x):
                    x = step
    return x


def _rows(res: Residual, x: np.ndarray, rows: np.ndarray, support: np.ndarray) -> np.ndarray:
    """A bureau's (``rows``) fractional processes and AROUND of each side of
    ``improve.trade_parts``."""
    parts = trade_parts(res, x, rows, AROUND, _first)
    return np.unique(np.concatenate([rows[support[rows]], *parts]))


def _first(rows: np.ndarray, key: np.ndarray, k: int) -> np.ndarray:
    """The k of ``rows`` with the smallest ``key``, equal keys in the order of ``rows``
    (a stable sort: NumPy's default sort orders them as its version's algorithm does)."""
    out: np.ndarray = rows[np.argsort(key, kind="stable")[:k]]
    return out
