from __future__ import annotations

import pytest

from dx_planner.domain.targets import target_count


@pytest.mark.parametrize(("share", "in_scope", "expected"), [
    (0.7, 28_000, 19_600), (0.7, 100, 70), (0.7, 101, 71), (1.0, 3, 3), (0.0, 5, 0)])
def test_target_count_rounds_up_without_float_noise(share: float, in_scope: int,
                                                    expected: int) -> None:
    assert target_count(share, in_scope) == expected
