import sys
import types
from collections.abc import Iterator

import pytest

from dx_planner.plan_workbook import reasons


@pytest.fixture
def explain_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[types.ModuleType]:
    module = types.ModuleType("solver.explain")
    monkeypatch.setitem(sys.modules, "solver.explain", module)
    reasons._lookup.cache_clear()
    yield module
    reasons._lookup.cache_clear()


def test_a_mapping_offered_by_the_explainer_is_used(explain_module: types.ModuleType) -> None:
    explain_module.REASON_TEXTS_JA = {"capacity": "処理能力が不足"}  # type: ignore[attr-defined]
    assert reasons.reason_text("capacity") == "処理能力が不足"
    assert reasons.reason_text("other_code") == "other_code"


def test_a_function_offered_by_the_explainer_is_used(explain_module: types.ModuleType) -> None:
    def reason_text_ja(code: str) -> str:
        return {"capacity": "処理能力が不足"}[code]

    explain_module.reason_text_ja = reason_text_ja  # type: ignore[attr-defined]
    assert reasons.reason_text("capacity") == "処理能力が不足"
    assert reasons.reason_text("unknown") == "unknown"


def test_without_texts_the_code_is_shown(explain_module: types.ModuleType) -> None:
    assert reasons.reason_text("capacity") == "capacity"
    assert reasons.reason_text("") == reasons.UNPLANNED
