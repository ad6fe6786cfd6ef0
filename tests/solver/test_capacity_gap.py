"""The least extra capacity that closes a shortfall: least in total, spread, verified."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest

from solver.capacity_gap import GapInBackground, least_extra_capacity
from solver.checker import check_plan, requirement_violations
from solver.plan import ExtraCapacity
from solver.problem import Problem
from solver.solve import solve
from solver.synthetic import tight_problem
from tests.solver.instances import make_problem, random_problem, scoped, with_capacity


def _cells(problem: Problem, extra: list[ExtraCapacity]) -> np.ndarray:
    out = np.zeros_like(problem.bureau_capacity)
    for e in extra:
        out[e.bureau, e.quarter] += e.person_months
    return out


def test_extra_is_spread_instead_of_piled_into_one_quarter() -> None:
    # 16 processes of 1 person-month, 2 per quarter: 8 more are needed by the deadline
    p = make_problem([1.0] * 16, [10] * 16, [[2.0, 2.0, 2.0, 2.0]], target=16)
    gap = least_extra_capacity(p, np.full(16, -1, dtype=np.int32))
    assert gap is not None and gap.verified
    cells = _cells(p, gap.extra)
    assert cells.sum() == pytest.approx(8.0)
    assert np.all(cells <= p.bureau_capacity + 1e-9)  # no quarter more than doubled


def test_extra_goes_where_the_members_are_eligible() -> None:
    # the two missing processes become eligible in Q2 only
    p = make_problem([1.0, 1.0, 1.0], [5, 5, 5], [[1.0, 1.0, 0.0]], earliest=[0, 2, 2],
                     target=3)
    gap = least_extra_capacity(p, np.array([0, -1, -1], dtype=np.int32))
    assert gap is not None and gap.verified
    assert [(e.quarter, e.person_months) for e in gap.extra] == [(2, 2.0)]


def test_what_capacity_cannot_close_is_reported_as_such() -> None:
    # P2 is never eligible (no national date): the target of 3 can reach 2 at most
    p = make_problem([1.0, 1.0, 1.0], [5, 5, 5], [[1.0, 0.0]], earliest=[0, 0, 2],
                     reason=[0, 0, 3], target=3)
    gap = least_extra_capacity(p, np.array([0, -1, -1], dtype=np.int32))
    assert gap is not None and gap.verified
    assert gap.unclosable == [1]
    assert _cells(p, gap.extra).sum() == pytest.approx(1.0)


def test_each_part_names_the_scoped_requirement_it_serves() -> None:
    # bureau B1 must reach both its processes by Q0; the target is met anyway
    p = make_problem([1.0, 1.0, 1.0], [5, 5, 5], [[1.0, 1.0], [1.0, 1.0]],
                     bureau=[0, 1, 1], target=1,
                     requirements=(scoped("B1", 0, 2, [1, 2]),))
    plan = solve(p, time_limit=2)
    assert plan.status == "target_infeasible"
    assert plan.shortfall is not None and plan.shortfall.verified
    assert [(e.bureau, e.quarter, e.person_months, e.requirement)
            for e in plan.shortfall.extra_capacity] == [(1, 0, 1.0, 1)]


@pytest.mark.parametrize("seed", range(12))
def test_a_real_solve_with_the_extra_capacity_meets_what_it_can_close(seed: int) -> None:
    rng = np.random.default_rng(1200 + seed)
    p = random_problem(rng, int(rng.integers(4, 12)), int(rng.integers(2, 4)), tight=0.3,
                       scoped_share=0.5)
    p = dataclasses.replace(p, target_count=int(np.sum(p.earliest <= p.deadline)))
    plan = solve(p, time_limit=2)
    assert plan.shortfall is not None
    assert plan.shortfall.verified
    more = dataclasses.replace(p, bureau_capacity=p.bureau_capacity
                               + _cells(p, plan.shortfall.extra_capacity))
    again = solve(more, time_limit=2)
    left = again.shortfall.by_requirement if again.shortfall else [0] * len(more.all_requirements())
    assert all(m <= u for m, u in zip(left, plan.shortfall.unclosable, strict=True))
    soft = set(requirement_violations(more, again.quarter))
    assert [m for m in check_plan(more, again.quarter) if m not in soft] == []


def _by_requirement(gap_extra: list[ExtraCapacity]) -> dict[int, float]:
    out: dict[int, float] = {}
    for e in gap_extra:
        out[e.requirement] = out.get(e.requirement, 0.0) + e.person_months
    return out


def test_extra_capacity_serves_the_requirement_whose_missing_members_use_it() -> None:
    """Review finding 6: a whole bureau-quarter cell was labelled with the narrowest missed
    requirement that had any member in the bureau. Here the milestone misses 8 processes of
    1 person-month in Q0 and the segment misses its one member S (3 person-months, eligible
    from Q1): 8 in Q0 serve the milestone, 3 in Q1 the segment (before: all 11 the segment)."""
    effort = [1.0] * 10 + [3.0]
    p = make_problem(effort, [10] * 11, [[2.0, 0.0]], earliest=[0] * 10 + [1], target=0,
                     milestones=((0, 10),), requirements=(scoped("segment", 1, 1, [10]),))
    plan = np.array([0, 0] + [-1] * 9, dtype=np.int32)  # the 2 that fit, S left out
    gap = least_extra_capacity(p, plan)
    assert gap is not None and gap.verified
    assert sorted((e.bureau, e.quarter, e.person_months, e.requirement) for e in gap.extra) == [
        (0, 0, 8.0, 1), (0, 1, 3.0, 2)]


def test_a_cell_whose_processes_serve_two_requirements_is_split_between_them() -> None:
    """S counts for the target and the segment, A only for the target: the 2 person-months
    of Q0 go 1.5 to the target (A, half of S) and 0.5 to the segment (half of S)."""
    p = make_problem([1.0, 1.0], [10, 10], [[0.0]], target=2,
                     requirements=(scoped("segment", 0, 1, [1]),))
    gap = least_extra_capacity(p, np.full(2, -1, dtype=np.int32))
    assert gap is not None and gap.verified
    assert _cells(p, gap.extra).tolist() == [[2.0]]
    assert _by_requirement(gap.extra) == {0: pytest.approx(1.5), 1: pytest.approx(0.5)}


@pytest.mark.parametrize("seed", range(12))
def test_the_parts_add_up_to_the_cells_and_serve_missed_requirements(seed: int) -> None:
    rng = np.random.default_rng(1500 + seed)
    p = random_problem(rng, int(rng.integers(4, 12)), int(rng.integers(2, 4)), tight=0.3,
                       scoped_share=0.7)
    p = dataclasses.replace(p, target_count=int(np.sum(p.earliest <= p.deadline)))
    plan = solve(p, time_limit=2)
    assert plan.shortfall is not None
    missed = {k for k, m in enumerate(plan.shortfall.by_requirement) if m > 0}
    assert {e.requirement for e in plan.shortfall.extra_capacity} <= missed
    assert all(e.person_months > 0 for e in plan.shortfall.extra_capacity)
    cells = _cells(p, plan.shortfall.extra_capacity)
    assert np.allclose(cells, np.round(cells, 2), atol=1e-9)  # whole hundredths per cell


def test_the_lp_in_the_background_gives_the_same_answer() -> None:
    # solve() starts it once the requirements are out of reach, before the plan is final:
    # only the naming of what each part serves depends on the plan
    p = make_problem([1.0] * 16, [10] * 16, [[2.0, 2.0, 2.0, 2.0]], target=16)
    plan = np.full(16, -1, dtype=np.int32)
    started = GapInBackground(p)
    assert started.gap(plan) == least_extra_capacity(p, plan)


def test_a_cancel_does_not_wait_for_the_lp_in_the_background() -> None:
    # tight 3,000 with 10% less capacity: the LP and its witness plans take about a second
    short = tight_problem(3000, seed=0)
    short = with_capacity(short, 0.9)
    begun = time.monotonic()
    started = GapInBackground(short)
    assert started.gap(np.full(short.n_processes, -1, dtype=np.int32),
                       should_stop=lambda: True) is None
    assert time.monotonic() - begun < 0.3
