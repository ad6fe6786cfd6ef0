import numpy as np

from solver.baselines import greedy_by_density, greedy_by_volume, naive_cpsat
from solver.checker import check_plan, requirement_violations
from tests.solver.instances import make_problem, random_problem


def test_greedy_by_volume_puts_big_volume_first() -> None:
    p = make_problem([1.0, 1.0], [10, 500], [[1.0, 1.0]])
    assert greedy_by_volume(p).quarter.tolist() == [1, 0]


def test_greedy_by_density_prefers_value_per_effort() -> None:
    p = make_problem([4.0, 1.0], [100, 50], [[4.0, 4.0]])
    assert greedy_by_density(p).quarter.tolist() == [1, 0]


def test_baselines_are_valid_on_random_instances() -> None:
    for seed in range(10):
        p = random_problem(np.random.default_rng(seed), 6, 3)
        for plan in (greedy_by_volume(p), greedy_by_density(p), naive_cpsat(p, 2.0)):
            soft = requirement_violations(p, plan.quarter)
            assert [m for m in check_plan(p, plan.quarter) if m not in soft] == []
