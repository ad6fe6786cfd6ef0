import numpy as np

from solver.checker import check_plan, requirement_shortfalls
from tests.solver.instances import make_problem, scoped


def plan(*qs: int) -> np.ndarray:
    return np.array(qs, dtype=np.int32)


def test_eligibility() -> None:
    p = make_problem([1.0], [1], [[5.0, 5.0]], earliest=[1])
    assert check_plan(p, plan(1)) == []
    assert any("earliest" in m for m in check_plan(p, plan(0)))


def test_locks() -> None:
    p = make_problem([1.0], [1], [[5.0, 5.0]], locked=[1])
    assert check_plan(p, plan(1)) == []
    assert any("locked" in m for m in check_plan(p, plan(0)))


def test_bureau_capacity() -> None:
    p = make_problem([1.5, 1.5], [1, 1], [[3.0, 2.0]])
    assert check_plan(p, plan(0, 0)) == []
    assert any("capacity" in m for m in check_plan(p, plan(1, 1)))


def test_channel_limit() -> None:
    p = make_problem([1.0, 1.0], [1, 1], [[5.0, 5.0]], limit=[[1.0, np.inf]])
    assert check_plan(p, plan(0, 1)) == []
    assert any("limit" in m for m in check_plan(p, plan(0, 0)))


def test_target() -> None:
    p = make_problem([1.0, 1.0], [1, 1], [[5.0, 5.0]], already=1, target=3)
    assert check_plan(p, plan(0, 1)) == []
    assert any("below" in m for m in check_plan(p, plan(0, -1)))


def test_milestone() -> None:
    p = make_problem([1.0, 1.0], [1, 1], [[5.0, 5.0]], milestones=((0, 2),))
    assert check_plan(p, plan(0, 0)) == []
    assert any("Q0" in m for m in check_plan(p, plan(0, 1)))


def test_milestone_before_start_checks_already_digitized() -> None:
    p = make_problem([1.0], [1], [[5.0]], already=2, milestones=((-1, 3),))
    assert any("before start" in m for m in check_plan(p, plan(0)))


def test_scoped_requirement_counts_only_its_members() -> None:
    p = make_problem([1.0, 1.0], [1, 1], [[5.0, 5.0]],
                     requirements=(scoped("都 ≥10000", 0, 1, [1]),))
    assert check_plan(p, plan(1, 0)) == []
    assert any("都 ≥10000" in m for m in check_plan(p, plan(0, 1)))
    assert requirement_shortfalls(p, plan(0, 1)) == [0, 1]
