"""The per-bureau integer bound's time: the small bureaus go on past it (solver/bureau_bound.py)."""

from __future__ import annotations

import sys
import time

import pytest

from solver import bureau_bound
from solver.bureau_bound import strengthen
from solver.dual import Dual
from solver.synthetic import tight_problem


@pytest.fixture(scope="module")
def bounded() -> Dual:
    """Tight 3,000 s1 at its bound phase's prices (most of its 28 bureaus have few pairs)."""
    solve_module = sys.modules["solver.solve"]
    search = solve_module._start(tight_problem(3000, seed=1),
                                 solve_module._Clock(60.0, solve_module.NullProgress()), None)
    solve_module._bound_phase(search)
    dual: Dual = search.dual
    return dual


def test_the_small_bureaus_are_bounded_until_small_until(bounded: Dual) -> None:
    # 0.05 s: the bureaus' LPs and hardly any CP-SAT; until 3 s later, CP-SAT on each small
    # bureau (BUREAU_SECONDS each), 0.31% above the best known plan -> about 0.12%
    quick = strengthen(bounded, 0.05)
    began = time.monotonic()
    longer = strengthen(bounded, 0.05, small_until=began + 3.0)
    assert time.monotonic() - began < 3.5
    assert quick <= bounded.value()
    assert longer < quick - 0.001 * quick


def test_only_bureaus_of_few_pairs_go_on_past_the_time_given(
        bounded: Dual, monkeypatch: pytest.MonkeyPatch) -> None:
    # no bureau has so few pairs: the pass ends with the time given, as without small_until
    monkeypatch.setattr(bureau_bound, "COARSE_PAIRS", 0)
    quick = strengthen(bounded, 0.05)
    began = time.monotonic()
    assert strengthen(bounded, 0.05, small_until=began + 3.0) == pytest.approx(quick, rel=1e-4)
    assert time.monotonic() - began < 1.0
