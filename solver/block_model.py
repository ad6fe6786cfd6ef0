"""CP-SAT over one block of processes, the rest of the plan fixed (shared by the count and
polish phases).

Efforts and remaining capacities are scaled to 1/100 person-month conservatively (efforts up,
capacities down), so every answer is feasible for the real figures.
"""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model

from solver.primal import Usage
from solver.reduced import Residual

Pair = tuple[int, int, cp_model.IntVar]  # (process, quarter, chosen?)


class BlockModel:
    """Re-plan ``rows`` of plan ``x``: one boolean per eligible (process, quarter) pair, at
    most one quarter per process, within what the fixed rest of the plan leaves."""

    def __init__(self, res: Residual, x: np.ndarray, rows: np.ndarray) -> None:
        self.res = res
        self.others = x.copy()
        self.others[rows] = -1
        self.model = cp_model.CpModel()
        self.pairs: list[Pair] = []
        for i in rows.tolist():
            mine = []
            for q in range(int(res.earliest[i]), res.n_quarters):
                if np.isfinite(res.value[i, q]):
                    v = self.model.new_bool_var("")
                    self.model.add_hint(v, int(x[i]) == q)
                    self.pairs.append((i, q, v))
                    mine.append(v)
            if len(mine) > 1:
                self.model.add_at_most_one(mine)
        self._add_capacities()

    def _add_capacities(self) -> None:
        res, use = self.res, Usage(self.res, self.others)
        cap_terms: dict[tuple[int, int], list[tuple[cp_model.IntVar, int]]] = {}
        ch_terms: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        for i, q, v in self.pairs:
            effort = int(np.ceil(res.effort[i] * 100 - 1e-6))
            cap_terms.setdefault((int(res.bureau[i]), q), []).append((v, effort))
            ch_terms.setdefault((int(res.channel[i]), q), []).append(v)
        for (b, q), items in cap_terms.items():
            room = int(np.floor((res.capacity[b, q] - use.eff[b, q]) * 100 + 1e-6))
            self.model.add(
                cp_model.LinearExpr.weighted_sum([v for v, _ in items], [e for _, e in items])
                <= max(room, 0)
            )
        for (c, q), vs in ch_terms.items():
            if np.isfinite(res.limit[c, q]):
                self.model.add(sum(vs) <= max(int(res.limit[c, q] - use.cnt[c, q]), 0))

    def solve(self, seconds: float) -> np.ndarray | None:
        """The whole plan with the block re-planned, or None if CP-SAT found nothing."""
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, seconds)
        solver.parameters.num_workers = 2
        if solver.solve(self.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        out = self.others.copy()
        for i, q, v in self.pairs:
            if solver.boolean_value(v):
                out[i] = q
        return out
