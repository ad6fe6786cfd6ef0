"""The count market (solver/count_market.py): counts traded between bureaus at their own prices."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import numpy as np
import pytest

from solver import improve
from solver.count_market import GIVE, TAKE, CountMarket, Offer
from solver.dual import Dual
from solver.reduced import Residual, residual_of
from solver.value_first import value_first
from tests.solver.instances import make_problem


def _two_bureaus(limit: list[list[float]] | None = None) -> tuple[Residual, np.ndarray]:
    """Two quarters, the target of 3 at the end. Bureau 0 fills its first quarter with two
    small processes (2 counts, 5 of value) where its big one alone is worth 250; bureau 1
    completes one process worth 100 and could complete a worthless one in its second quarter.
    Neither bureau alone can drop a count; moving one from bureau 0 to bureau 1 gains 245."""
    p = make_problem([2.0, 1.0, 1.0, 1.0, 1.0], [1000, 10, 10, 400, 4],
                     [[2.0, 0.0], [1.0, 1.0]], bureau=[0, 0, 0, 1, 1],
                     channel=[0, 0, 0, 0, 1], limit=limit or [[np.inf] * 2] * 2, target=3)
    return residual_of(p), np.array([-1, 0, 0, 0, -1])


def _market(res: Residual, calls: list[tuple[int, tuple[int, int]]] | None = None,
            should_stop: Callable[[], bool] = lambda: False) -> CountMarket:
    def solve(x: np.ndarray, rows: np.ndarray, shift: tuple[int, int],
              seconds: float) -> np.ndarray | None:
        if calls is not None:
            calls.append((int(res.bureau[rows[0]]), shift))
        return improve._solve_shifted(res, should_stop, x, rows, shift, seconds)

    return CountMarket(res, lambda x, b, k: res.by_bureau[b], solve, 5.0, should_stop)


def _trade(market: CountMarket, x: np.ndarray,
           reports: list[np.ndarray] | None = None) -> np.ndarray:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return market.trade(x, time.monotonic() + 30.0, pool,
                            (reports if reports is not None else []).append)


def test_a_neighbourhood_makes_the_count_it_is_shifted_to() -> None:
    res, x = _two_bureaus()
    need = res.needs[0]
    assert need.count(x) == need.need == 3
    rows = res.by_bureau[0]
    fewer, _ = improve.solve_neighbourhood(res, x, rows, 5.0, need_shift=(0, GIVE))
    assert fewer is not None and fewer.tolist() == [0, -1, -1, 0, -1]
    more, _ = improve.solve_neighbourhood(res, x, res.by_bureau[1], 5.0, need_shift=(0, TAKE))
    assert more is not None and more.tolist() == [-1, 0, 0, 0, 1]
    # unshifted, neither bureau can move: the target binds
    same, _ = improve.solve_neighbourhood(res, x, rows, 5.0)
    assert same is not None and same.tolist() == x.tolist()


def test_a_count_moves_to_the_bureau_that_makes_it_cheapest() -> None:
    res, x = _two_bureaus()
    reports: list[np.ndarray] = []
    market = _market(res)
    out = _trade(market, x, reports)
    assert out.tolist() == [0, -1, -1, 0, 1]
    assert res.shortfall(out) == 0 and res.usage(out).valid()
    assert res.plan_value(out) - res.plan_value(x) == 245.0
    assert market.trades == 1 and [r.tolist() for r in reports] == [out.tolist()]


def test_two_offers_that_break_a_channel_limit_together_are_no_trade() -> None:
    # bureau 1's worthless process is on channel 1, which takes none in the second quarter:
    # its offer to take a count is made against a plan where that quarter is free
    res, x = _two_bureaus(limit=[[np.inf, np.inf], [np.inf, 0.0]])
    market = _market(res)
    rows0, rows1 = res.by_bureau[0], res.by_bureau[1]
    market.offers[(0, 0, GIVE)] = Offer(245.0, rows0, np.array([0, -1, -1]), x[rows0])
    market.offers[(0, 1, TAKE)] = Offer(0.0, rows1, np.array([0, 1]), x[rows1])
    out, made = market._match(x, 0, lambda y: None)
    assert not made and out.tolist() == x.tolist() and market.trades == 0


def test_an_offer_stands_until_its_bureau_s_plan_changes() -> None:
    res, x = _two_bureaus()
    calls: list[tuple[int, tuple[int, int]]] = []
    market = _market(res, calls)
    out = _trade(market, x)
    # asked once each, then again for the two bureaus the trade changed (no trade then)
    assert sorted(calls) == sorted([(0, (0, GIVE)), (0, (0, TAKE)), (1, (0, GIVE)),
                                    (1, (0, TAKE))] * 2)
    calls.clear()
    assert _trade(market, out).tolist() == out.tolist()
    assert calls == []  # every offer still stands


def test_a_need_with_counts_to_spare_is_no_market() -> None:
    res, x = _two_bureaus()
    calls: list[tuple[int, tuple[int, int]]] = []
    spare = x.copy()
    spare[4] = 1  # 4 counts of the 3 needed
    assert _trade(_market(res, calls), spare).tolist() == spare.tolist()
    assert calls == []


def test_a_cancelled_market_asks_nothing() -> None:
    res, x = _two_bureaus()
    calls: list[tuple[int, tuple[int, int]]] = []
    assert _trade(_market(res, calls, lambda: True), x).tolist() == x.tolist()
    assert calls == []


def test_the_market_pays_where_most_bureaus_are_small(tight: tuple[Residual, Dual]) -> None:
    res, dual = tight
    sizes = np.bincount(res.bureau)
    assert 2 * np.count_nonzero(sizes <= improve.SWEEP_MAX) >= np.count_nonzero(sizes)
    assert improve.Search(res, dual.reduced()).market_pays()
    # two bureaus too big for the sweep
    n = 2 * (improve.SWEEP_MAX + 1)
    big = residual_of(make_problem([1.0] * n, [10] * n, [[5.0], [5.0]],
                                   bureau=[0, 1] * (n // 2)))
    assert not improve.Search(big, np.zeros((n, 1))).market_pays()


def test_a_big_bureau_s_offers_re_plan_its_late_members_of_the_need_asked(
        tight: tuple[Residual, Dual], monkeypatch: pytest.MonkeyPatch) -> None:
    # the instance's milestone binds and its target does not: the trade rows of the
    # tightest need would be the milestone's for the target's offers too
    res, dual = tight
    x, _ = value_first(res, dual, lambda: False)
    assert x is not None and len(res.needs) == 2
    b = max(range(len(res.by_bureau)), key=lambda i: res.by_bureau[i].size)
    monkeypatch.setattr(improve, "SWEEP_MAX", res.by_bureau[b].size - 1)  # too big for it
    search = improve.Search(res, dual.reduced())
    mine = res.by_bureau[b]
    for k, need in enumerate(res.needs):
        late = mine[improve.late_members(res, need, x)[mine]]
        # picked by effort times a random 0.8-1.2: these are among the REPAIR_PART first
        cut = np.sort(res.effort[late])[improve.REPAIR_PART - 1] * 0.8 / 1.2
        surely = late[res.effort[late] < cut]
        assert surely.size >= 5
        assert np.isin(surely, search.offer_rows(x, b, k)).all()


def test_a_market_stops_soon_after_a_cancel(tight: tuple[Residual, Dual]) -> None:
    # the offers of the tight instance's value-first plan take seconds in all
    res, dual = tight
    x, _ = value_first(res, dual, lambda: False)
    assert x is not None
    search = improve.Search(res, dual.reduced())
    cancel_at = time.monotonic() + 0.3

    def cancelled() -> bool:
        return time.monotonic() > cancel_at

    market = CountMarket(res, search.offer_rows, partial(improve._solve_shifted, res, cancelled),
                         5.0, cancelled)
    t0 = time.monotonic()
    out = _trade(market, x)
    assert time.monotonic() - t0 < 1.0
    assert res.shortfall(out) == 0 and res.usage(out).valid()
    assert res.plan_value(out) >= res.plan_value(x)
