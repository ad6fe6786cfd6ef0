"""Counts traded between bureaus at each bureau's own price for them: the count market.

Where a requirement binds, a plan's counts toward it are spread over the bureaus, and one
count is worth very different amounts in each: on tight 3,000 s0 one bureau of 48 processes
gains 2.9k by completing one member fewer by the milestone, where another completes one more
for 46. A neighbourhood of one bureau cannot move a count (the other bureaus fix the total),
pairs of bureaus drawn at random rarely hold the right two, and the dual's one price per
requirement does not say which bureau gives a count up cheapest. So the market asks every
bureau, its processes re-planned exactly with the rest of the plan fixed: what does its plan
gain by completing one member fewer by the need's quarter (its offer to give a count), and
what does it lose by completing one more (its offer to take one)? The best giver's plan and
the best taker's plan together keep the need's count; where their gains sum to more than
zero (and together they keep the channel limits and the other requirements) they make a
better plan. An offer stands until its bureau's plan changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass

import numpy as np

from solver.reduced import Residual

#: (plan x, rows, (need index, change of the count x must make), seconds) -> x with
#: ``rows`` re-planned (None: no plan in the time).
SolveShifted = Callable[[np.ndarray, np.ndarray, tuple[int, int], float], np.ndarray | None]
#: (plan x, bureau, need index) -> the rows to re-plan for that bureau's offers of that need.
OfferRows = Callable[[np.ndarray, int, int], np.ndarray]

GIVE, TAKE = -1, 1
#: (need, bureau, GIVE or TAKE)
Key = tuple[int, int, int]


@dataclass
class Offer:
    """A bureau's plan with one count more (TAKE) or fewer (GIVE) of a need."""

    gain: float  # value of the new plan less that of the plan it was made from
    rows: np.ndarray
    quarters: np.ndarray  # the new plan on ``rows``
    basis: np.ndarray  # the bureau's quarters in the plan it was made from


class CountMarket:
    """The offers of every bureau for every binding need, and the trades between them."""

    def __init__(self, res: Residual, rows_of: OfferRows, solve: SolveShifted,
                 step_seconds: float, should_stop: Callable[[], bool]) -> None:
        self.res = res
        self.should_stop = should_stop
        self.rows_of = rows_of
        self.solve = solve
        self.step_seconds = step_seconds
        # bureaus with processes, smallest first: their offers are exact and quick
        sizes = [rows.size for rows in res.by_bureau]
        self.bureaus = [b for b in np.argsort(sizes, kind="stable").tolist() if sizes[b]]
        # (need, bureau, GIVE or TAKE) -> its offer, or the bureau's quarters where it had
        # none (it cannot make that count), so that neither is asked again unchanged
        self.offers: dict[Key, Offer | np.ndarray] = {}
        self.trades = 0

    def trade(self, x: np.ndarray, deadline: float, pool: Executor,
              report: Callable[[np.ndarray], None]) -> np.ndarray:
        """Plan x after trading counts of each binding need until a round over the needs
        makes no trade, or ``deadline`` (time.monotonic()). ``report`` gets every better
        plan; each plan meets the requirements whenever x does."""
        while time.monotonic() < deadline and not self.should_stop():
            traded = False
            for k, need in enumerate(self.res.needs):
                if need.count(x) != need.need or time.monotonic() >= deadline:
                    continue  # a need met with counts to spare: a count there costs nothing
                self._ask(x, k, deadline, pool)
                x, made = self._match(x, k, report)
                traded = traded or made
            if not traded:
                break
        return x

    def _bureau(self, x: np.ndarray, b: int) -> np.ndarray:
        out: np.ndarray = x[self.res.by_bureau[b]]
        return out

    def _stands(self, x: np.ndarray, key: Key) -> bool:
        got = self.offers.get(key)
        if got is None:
            return False
        basis = got.basis if isinstance(got, Offer) else got
        return bool(np.array_equal(basis, self._bureau(x, key[1])))

    def _ask(self, x: np.ndarray, k: int, deadline: float, pool: Executor) -> None:
        """Every bureau's offers for need k that its plan in x has made stale or it never
        made, smallest bureau first, two at a time."""
        asks = [((k, b, side), self.rows_of(x, b, k))  # here: rows_of may draw random numbers
                for b in self.bureaus
                for side in (GIVE, TAKE) if not self._stands(x, (k, b, side))]
        counts = self.res.needs[k].count
        value = self.res.plan_value(x)

        def ask(key: Key, rows: np.ndarray) -> Offer | np.ndarray | None:
            left = deadline - time.monotonic()
            if left < 0.05 or self.should_stop():
                return None  # not asked
            side = key[2]
            plan = self.solve(x, rows, (k, side), min(self.step_seconds, left))
            basis = self._bureau(x, key[1])
            if plan is None or counts(plan) != counts(x) + side:
                return basis  # no offer
            return Offer(self.res.plan_value(plan) - value, rows, plan[rows], basis)

        got = pool.map(ask, [key for key, _ in asks], [rows for _, rows in asks])
        for (key, _), offer in zip(asks, got, strict=True):
            if offer is not None:
                self.offers[key] = offer

    def _match(self, x: np.ndarray, k: int,
               report: Callable[[np.ndarray], None]) -> tuple[np.ndarray, bool]:
        """Trades of need k's counts, best giver first, each with the best taker it pays
        for, each bureau in one trade at most (its other offers are stale after it)."""
        res = self.res
        standing = {key: got for key, got in self.offers.items()
                    if key[0] == k and isinstance(got, Offer) and self._stands(x, key)}
        givers = sorted((o.gain, b) for (_, b, side), o in standing.items() if side == GIVE)
        takers = sorted((o.gain, b) for (_, b, side), o in standing.items() if side == TAKE)
        done: set[int] = set()
        made = False
        value = res.plan_value(x)
        least = 1e-9 * max(1.0, abs(value))  # a gain below this is rounding
        for give_gain, a in reversed(givers):
            for take_gain, t in reversed(takers):
                if give_gain + take_gain <= least:
                    break
                if a == t or a in done or t in done:
                    continue
                give, take = standing[(k, a, GIVE)], standing[(k, t, TAKE)]
                y = x.copy()
                y[give.rows] = give.quarters
                y[take.rows] = take.quarters
                # the two were made against x alone: together they may break a channel limit
                if (res.usage(y).valid() and res.shortfall(y) == 0
                        and res.plan_value(y) > value):
                    x, value = y, res.plan_value(y)
                    done |= {a, t}
                    made = True
                    self.trades += 1
                    report(x)
                    break
        return x, made
