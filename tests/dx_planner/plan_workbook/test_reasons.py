import numpy as np

from dx_planner.plan_workbook import reasons
from dx_planner.planning.reason_texts import REASON_TEXTS
from solver.explain import REASON_CODES, explain_all
from tests.solver.instances import random_problem


def test_codes_have_japanese_texts() -> None:
    assert reasons.reason_text("not_planned_capacity") == REASON_TEXTS["not_planned_capacity"]
    assert reasons.reason_text("national_not_dated") == "国の対応時期が未提示のため計画不可"
    assert reasons.reason_text("some_new_code") == "some_new_code"
    assert reasons.reason_text("") == reasons.UNPLANNED


def test_every_code_the_explainer_gives_has_texts() -> None:
    from solver.solve import solve

    codes: set[str] = set()
    rng = np.random.default_rng(0)
    for _ in range(8):
        problem = random_problem(rng, 8, 3, tight=0.3)
        codes.update(explain_all(problem, solve(problem, time_limit=1.0)))
    assert codes
    assert codes <= set(REASON_CODES)
    assert set(REASON_CODES) == set(REASON_TEXTS)
