import numpy as np
import pytest

from solver.problem import ProblemError
from tests.solver.instances import make_problem, scoped


def test_valid_problem_passes() -> None:
    make_problem([1.0, 2.0], [10, 20], [[3.0, 3.0]]).validate()


def test_shape_mismatch_is_reported() -> None:
    p = make_problem([1.0, 2.0], [10, 20], [[3.0, 3.0]])
    bad = type(p)(**{**p.__dict__, "volume": np.array([1.0])})
    with pytest.raises(ProblemError, match="volume"):
        bad.validate()


def test_lock_before_earliest_names_the_process() -> None:
    p = make_problem([1.0, 1.0], [1, 1], [[3.0, 3.0]], earliest=[0, 1], locked=[-1, 0])
    with pytest.raises(ProblemError, match="P1"):
        p.validate()


def test_lock_on_undated_national_process_is_an_error() -> None:
    p = make_problem([1.0], [1], [[3.0, 3.0]], earliest=[2], reason=[3], locked=[1])
    with pytest.raises(ProblemError, match="P0"):
        p.validate()


def test_locks_over_capacity_are_an_error() -> None:
    p = make_problem([2.0, 2.0], [1, 1], [[3.0, 3.0]], locked=[0, 0])
    with pytest.raises(ProblemError, match="capacity"):
        p.validate()


def test_deadline_outside_horizon() -> None:
    p = make_problem([1.0], [1], [[3.0]], deadline=1)
    with pytest.raises(ProblemError, match="deadline"):
        p.validate()


def test_requirement_rows_out_of_range_are_an_error() -> None:
    p = make_problem([1.0], [1], [[3.0]], requirements=(scoped("B", 0, 1, [0, 3]),))
    with pytest.raises(ProblemError, match="requirement B"):
        p.validate()


def test_requirement_quarter_outside_horizon_is_an_error() -> None:
    p = make_problem([1.0], [1], [[3.0]], requirements=(scoped("B", 2, 1, [0]),))
    with pytest.raises(ProblemError, match="requirement B"):
        p.validate()


def test_target_and_milestones_are_requirements_over_every_row() -> None:
    p = make_problem([1.0, 1.0], [1, 1], [[3.0, 3.0]], already=3, target=4,
                     milestones=((0, 3),), requirements=(scoped("B", 1, 1, [1]),))
    reqs = p.all_requirements()
    assert [(r.key, r.quarter, r.need) for r in reqs] == [
        ("target", 1, 1), ("milestone Q0", 0, 0), ("B", 1, 1)]
    assert reqs[0].rows is None and reqs[1].rows is None
