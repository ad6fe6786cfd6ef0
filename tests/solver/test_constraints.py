"""The three forms of the planning constraints agree: the checker's verdict on a plan, CP-SAT's
feasibility with the plan fixed, and the greedy's incremental usage accounting."""

from __future__ import annotations

import numpy as np
import pytest

from solver.checker import check_plan
from solver.constraints import (
    Usage,
    capacity_limit,
    planned_count,
    scaled_capacity,
    scaled_effort,
)
from solver.cpsat_model import CpSatModel
from solver.problem import Problem
from tests.solver.instances import make_problem, random_problem, scoped


def _cpsat_accepts(problem: Problem, quarter: np.ndarray) -> bool:
    eligible = (quarter < 0) | (quarter >= problem.earliest)
    if not eligible.all():
        return False  # the model has no variable for an ineligible pair
    model = CpSatModel(problem)
    model.fix(quarter)
    status, _ = model.solve(5.0, workers=1)
    return status in ("OPTIMAL", "FEASIBLE")


def _usage_accepts(problem: Problem, quarter: np.ndarray) -> bool:
    """The greedy's way: processes added one at a time where they fit, requirements counted."""
    p = problem
    if np.any((quarter >= 0) & (quarter < p.earliest)):
        return False
    if np.any((p.locked >= 0) & (quarter != p.locked)):
        return False
    use = Usage(p.bureau, p.channel, p.effort, p.bureau_capacity, p.channel_limit,
                np.full(p.n_processes, -1))
    for i in np.flatnonzero(quarter >= 0).tolist():
        if not use.fits(i, int(quarter[i])):
            return False
        use.add(i, int(quarter[i]))
    return all(
        planned_count(quarter, req.quarter,
                      None if req.rows is None else req.member_mask(p.n_processes)) >= req.need
        for req in p.all_requirements()
    )


def _random_plan(rng: np.random.Generator, p: Problem) -> np.ndarray:
    """Mostly eligible quarters, sometimes not; locks mostly kept."""
    quarter = rng.integers(-1, p.n_quarters, size=p.n_processes)
    ok = rng.random(p.n_processes) < 0.85
    quarter = np.where(ok & (quarter >= 0), np.maximum(quarter, p.earliest), quarter)
    quarter = np.where(quarter >= p.n_quarters, -1, quarter)
    keep = (p.locked >= 0) & (rng.random(p.n_processes) < 0.9)
    return np.where(keep, p.locked, quarter).astype(np.int32)


@pytest.mark.parametrize("seed", range(60))
def test_checker_cpsat_and_usage_agree_on_random_plans(seed: int) -> None:
    rng = np.random.default_rng(900 + seed)
    p = random_problem(rng, int(rng.integers(1, 9)), int(rng.integers(1, 4)), tight=0.6,
                       scoped_share=0.7)
    verdicts = []
    for _ in range(8):
        quarter = _random_plan(rng, p)
        valid = check_plan(p, quarter) == []
        assert _cpsat_accepts(p, quarter) == valid
        assert _usage_accepts(p, quarter) == valid
        verdicts.append(valid)


def test_agreement_covers_both_verdicts() -> None:
    """The random plans above are not all valid or all invalid (else the test proves little)."""
    seen = set()
    for seed in range(60):
        rng = np.random.default_rng(900 + seed)
        p = random_problem(rng, int(rng.integers(1, 9)), int(rng.integers(1, 4)), tight=0.6,
                           scoped_share=0.7)
        for _ in range(8):
            seen.add(check_plan(p, _random_plan(rng, p)) == [])
    assert seen == {True, False}


# ---------------------------------------------------------------- each family, both ways
@pytest.mark.parametrize(("plan", "valid"), [([0, 0], True), ([1, 1], False)])
def test_capacity_family(plan: list[int], valid: bool) -> None:
    p = make_problem([1.5, 1.5], [1, 1], [[3.0, 2.0]])
    quarter = np.array(plan, dtype=np.int32)
    assert (check_plan(p, quarter) == []) is valid
    assert _cpsat_accepts(p, quarter) is valid
    assert _usage_accepts(p, quarter) is valid


@pytest.mark.parametrize(("plan", "valid"), [([0, 1], True), ([0, 0], False)])
def test_channel_family(plan: list[int], valid: bool) -> None:
    p = make_problem([1.0, 1.0], [1, 1], [[5.0, 5.0]], limit=[[1.0, np.inf]])
    quarter = np.array(plan, dtype=np.int32)
    assert (check_plan(p, quarter) == []) is valid
    assert _cpsat_accepts(p, quarter) is valid
    assert _usage_accepts(p, quarter) is valid


@pytest.mark.parametrize(("plan", "valid"), [([1, 0, -1], True), ([0, 1, -1], False),
                                             ([0, -1, 1], False), ([-1, -1, 0], True)])
def test_scoped_requirement_family(plan: list[int], valid: bool) -> None:
    # rows 1 and 2 form the scope: one of them by Q0
    p = make_problem([1.0, 1.0, 1.0], [1, 1, 1], [[5.0, 5.0]],
                     requirements=(scoped("segment", 0, 1, [1, 2]),))
    quarter = np.array(plan, dtype=np.int32)
    assert (check_plan(p, quarter) == []) is valid
    assert _cpsat_accepts(p, quarter) is valid
    assert _usage_accepts(p, quarter) is valid


def test_requirement_need_at_or_below_zero_is_met_by_any_plan() -> None:
    p = make_problem([1.0], [1], [[5.0]], requirements=(scoped("done", 0, 0, [0]),))
    assert check_plan(p, np.array([-1], dtype=np.int32)) == []


# ---------------------------------------------------------------- float handling
def test_optimizer_slack_is_within_the_checkers() -> None:
    cap = np.array([0.0, 1.0, 1234.5])
    assert np.all(capacity_limit(cap) <= capacity_limit(cap, 1e-6))


@pytest.mark.parametrize("effort", [0.25, 1.0, 1.37, 2.004, 9.999])
def test_cpsat_rounding_is_conservative_for_plans_and_loose_for_relaxations(
        effort: float) -> None:
    assert scaled_effort(effort) / 100 >= effort - 1e-9
    assert scaled_effort(effort, relaxed=True) / 100 <= effort
    assert scaled_capacity(effort) / 100 <= effort + 1e-9
    assert scaled_capacity(-1.0) == 0
