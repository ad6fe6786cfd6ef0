"""Stable re-planning against a reference scenario (planning-model.md §6, ``settings.keep``).

Quarters up to ``freeze_until`` take exactly the reference's still-valid assignments and
nothing else; after it every reference process completing in another quarter, or dropped,
costs ``move_cost`` online applications (0: a free re-plan; inf: keep every commitment that
is still valid).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from dx_planner.domain.quarters import Quarter


@dataclass(frozen=True, slots=True)
class Keep:
    scenario: str
    freeze_until: Quarter | None = None
    move_cost: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"scenario": self.scenario,
                "freeze_until": self.freeze_until.code if self.freeze_until else None,
                "move_cost": "inf" if math.isinf(self.move_cost) else self.move_cost}
