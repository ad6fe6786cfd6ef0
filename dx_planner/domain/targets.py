"""How many processes a share of the in-scope processes means (planning-model.md §2)."""

from __future__ import annotations

import math


def target_count(share: float, in_scope: int) -> int:
    """ceil(share × in_scope): 70% of 28,000 is 19,600, not 19,601.

    Rounded to 9 decimals first, since 0.7 × 28,000 is 19600.000000000004 in floating point.
    """
    return math.ceil(round(share * in_scope, 9))
