"""The LP-guided neighbourhood of a bureau (solver/rins.py) and its step in the search."""

from __future__ import annotations

import numpy as np
import pytest

from solver import improve, rins
from solver.dual import Dual
from solver.reduced import Residual, residual_of
from solver.rins import lp_rows
from tests.solver.instances import make_problem


def _one_big_for_two_small() -> tuple[Residual, np.ndarray]:
    """One bureau: 2 person-months in quarter 0, 1 in quarter 1 (none in 2). The plan has the big
    process (0) in quarter 0, where the two small ones (1, 2) are worth more together, and
    process 3 (not possible before quarter 1) in quarter 1, where it is worth more than a
    small one."""
    res = residual_of(make_problem([2.0, 1.0, 1.0, 1.0], [1000, 600, 600, 700],
                                   [[2.0, 1.0, 0.0]], earliest=[0, 0, 0, 1]))
    v = res.value
    assert v[1, 0] + v[2, 0] > v[0, 0] and v[3, 1] > v[1, 1]
    return res, np.array([0, -1, -1, 1])


def test_the_lp_picks_the_processes_whose_quarters_change_together() -> None:
    res, x = _one_big_for_two_small()
    allowed = np.isfinite(res.value)
    rows = lp_rows(res, x, np.arange(4), allowed, 5.0)
    assert rows is not None
    assert sorted(rows.tolist()) == [0, 1, 2]  # process 3 stays where it is


def test_a_bonus_is_part_of_what_the_lp_maximises() -> None:
    res, x = _one_big_for_two_small()
    bonus = np.zeros_like(res.value)
    bonus[0, 0] = 1000.0  # now the big process is worth more than the two small ones
    rows = lp_rows(res, x, np.arange(4), np.isfinite(res.value), 5.0, bonus)
    assert rows is not None and rows.size == 0


def test_an_lp_step_replans_the_rows_its_lp_picked() -> None:
    res, x = _one_big_for_two_small()
    search = improve.Search(res, Dual(res).reduced())
    lp_kind = next(k for k in search.kinds if k.name == "lp")
    cand, _, _ = improve._timed_neighbourhood(search, x, 5.0, None, 2,
                                              (lp_kind, np.arange(4)))
    assert cand is not None and cand.tolist() == [-1, 0, 0, 1]
    # narrowed to one of the LP's rows, the step cannot trade the big one for two small
    lp_kind.chunk = 1
    cand, _, _ = improve._timed_neighbourhood(search, x, 5.0, None, 2,
                                              (lp_kind, np.arange(4)))
    assert cand is not None and cand.tolist() == x.tolist()


def test_an_lp_neighbourhood_keeps_a_chunk_of_the_rows_closest_to_indifferent() -> None:
    res, x = _one_big_for_two_small()
    search = improve.Search(res, Dual(res).reduced())
    search.allowed = np.isfinite(res.value)
    rows = search.lp_neighbourhood(x, np.arange(4), 5.0, 2)
    assert rows is not None
    closest = np.argsort(search.margin[[0, 1, 2]], kind="stable")[:2]
    assert sorted(rows.tolist()) == sorted(closest.tolist())


def test_a_bureau_too_big_for_a_steps_lp_gets_none(monkeypatch: pytest.MonkeyPatch) -> None:
    res, x = _one_big_for_two_small()
    search = improve.Search(res, Dual(res).reduced())
    pairs = int(search.allowed.sum())
    monkeypatch.setattr(rins, "LP_PAIRS_MAX", pairs - 1)
    assert search.lp_neighbourhood(x, np.arange(4), 5.0, improve.CHUNK) is None
    monkeypatch.setattr(rins, "LP_PAIRS_MAX", pairs)
    assert search.lp_neighbourhood(x, np.arange(4), 5.0, improve.CHUNK) is not None


def _a_count_to_move() -> tuple[Residual, np.ndarray]:
    """Two bureaus, four processes to complete in quarter 0 (the only one worth anything).
    Bureau 0 (2 person-months) completes its two small processes (1, 2: 100 each) where its
    big one (0: 1,000) alone would be worth more; bureau 1 (3 person-months) completes two
    of its three (3: 300, 4: 40) and has room for the third (5: 40). Moving a count from
    bureau 0 to bureau 1 gains 1,000 + 40 - 200."""
    res = residual_of(make_problem([2.0, 1.0, 1.0, 1.0, 1.0, 1.0],
                                   [4000, 400, 400, 1200, 160, 160],
                                   [[2.0, 0.0], [3.0, 0.0]], bureau=[0, 0, 0, 1, 1, 1],
                                   deadline=0, target=4))
    return res, np.array([-1, 0, 0, 0, 0, -1])


def test_an_lp_pair_step_moves_a_count_between_its_two_bureaus() -> None:
    res, x = _a_count_to_move()
    search = improve.Search(res, Dual(res).reduced())
    kinds = {k.name: k for k in search.kinds}
    # bureau 0's own LP cannot give a count up: bureau 1, fixed, has none to spare
    step, _, _ = improve._timed_neighbourhood(search, x, 5.0, None, 2,
                                              (kinds["lp"], res.by_bureau[0]))
    assert step is None
    rows = np.concatenate(res.by_bureau)
    step, _, _ = improve._timed_neighbourhood(search, x, 5.0, None, 2,
                                              (kinds[improve.LP_PAIR], rows))
    assert step is not None and step.tolist() == [0, -1, -1, 0, 0, 0]
    assert res.shortfall(step) == 0
    assert res.plan_value(step) == res.plan_value(x) + (4000 + 160 - 800) / 4


def test_an_lp_pair_neighbourhood_is_two_bureaus_whole() -> None:
    res = residual_of(make_problem([1.0] * 6, [100] * 6, [[1.0, 1.0]] * 3,
                                   bureau=[0, 0, 1, 1, 2, 2]))
    search = improve.Search(res, Dual(res).reduced())
    kind = next(k for k in search.kinds if k.name == improve.LP_PAIR)
    x = np.full(6, -1)
    for _ in range(20):
        rows = search._rows(kind, x)
        bureaus = np.unique(res.bureau[rows])
        assert bureaus.size == 2
        assert sorted(rows.tolist()) == sorted(np.concatenate(
            [res.by_bureau[b] for b in bureaus.tolist()]).tolist())


def test_a_search_over_one_bureau_has_no_lp_pair_kind() -> None:
    res, _ = _one_big_for_two_small()
    names = [k.name for k in improve.Search(res, Dual(res).reduced()).kinds]
    assert "lp" in names and improve.LP_PAIR not in names


def _one_bureau_left_undone() -> tuple[improve.Search, np.ndarray]:
    """Two bureaus of two processes each, room for both in each; the plan completes bureau
    0's and none of bureau 1's, so all of the gap to the bound is bureau 1's."""
    res = residual_of(make_problem([1.0] * 4, [100] * 4, [[2.0, 2.0]] * 2,
                                   bureau=[0, 0, 1, 1]))
    dual = Dual(res)
    return improve.Search(res, dual.reduced(), alpha=dual.alpha.copy()), np.array([0, 0, -1, -1])


def test_the_lp_kinds_draw_a_bureau_by_its_size_and_its_part_of_the_gap() -> None:
    search, x = _one_bureau_left_undone()
    gaps = search.bureau_gaps(x)
    assert gaps[0] == pytest.approx(0.0, abs=1e-6) and gaps[1] > 0
    share = search.lp_gap_share()
    assert share == improve.LP_GAP_SHARE  # a short search's
    odds = search.lp_odds(x)
    assert odds.tolist() == pytest.approx([(1 - share) * 0.5, (1 - share) * 0.5 + share])
    lp = next(k for k in search.kinds if k.name == "lp")
    drawn = [int(search.res.bureau[search._rows(lp, x)[0]]) for _ in range(600)]
    assert np.mean(drawn) == pytest.approx(odds[1], abs=0.06)  # bureau 1's share


def test_a_long_search_draws_the_lp_kinds_bureaus_as_lp_gap_share_long_says(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(improve, "LP_GAP_SHARE_LONG", 0.8)
    short, x = _one_bureau_left_undone()
    long = improve.Search(short.res, short.reduced, alpha=short.alpha,
                          seconds_given=improve.LONG_SEARCH)
    assert long.lp_gap_share() == 0.8
    assert long.lp_odds(x).tolist() == pytest.approx([0.2 * 0.5, 0.2 * 0.5 + 0.8])
    assert long.lp_odds(x)[1] > short.lp_odds(x)[1]


def test_a_plan_at_the_bound_leaves_the_lp_kinds_the_bureaus_sizes() -> None:
    search, _ = _one_bureau_left_undone()
    done = np.zeros(4, dtype=np.int64)  # every process in quarter 0: no gap anywhere
    assert search.bureau_gaps(done).max() <= 1e-6
    assert search.lp_odds(done).tolist() == search.bureau_weight.tolist()


def test_an_lp_pair_draws_by_size_where_one_bureau_holds_all_the_gap(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # all of the odds by the gap: only bureau 2, which the plan leaves undone, has any
    monkeypatch.setattr(improve, "LP_GAP_SHARE_LONG", 1.0)
    res = residual_of(make_problem([1.0] * 6, [100] * 6, [[2.0, 2.0]] * 3,
                                   bureau=[0, 0, 1, 1, 2, 2]))
    dual = Dual(res)
    search = improve.Search(res, dual.reduced(), alpha=dual.alpha.copy(),
                            seconds_given=improve.LONG_SEARCH)
    x = np.array([0, 0, 0, 0, -1, -1])
    assert search.lp_odds(x).tolist() == pytest.approx([0.0, 0.0, 1.0])
    kinds = {k.name: k for k in search.kinds}
    for _ in range(20):
        assert set(res.bureau[search._rows(kinds["lp"], x)].tolist()) == {2}
        assert np.unique(res.bureau[search._rows(kinds[improve.LP_PAIR], x)]).size == 2


def test_a_bureau_outside_the_focus_gets_no_lp_odds_for_its_gap() -> None:
    search, x = _one_bureau_left_undone()
    focused = improve.Search(search.res, search.reduced, focus=np.array([0]),
                             alpha=search.alpha)
    assert focused.bureau_gaps(x)[1] > 0
    assert focused.lp_odds(x).tolist() == [1.0, 0.0]
