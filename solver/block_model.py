"""CP-SAT over one block of processes, the rest of the plan fixed (shared by the count and
polish phases).

The capacity and channel rows are those of ``solver.constraints`` over the room the fixed
rest leaves (efforts rounded up, room down: every answer is feasible for the real figures).
The callers add their own requirement rows and objective.
"""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model

from solver.constraints import Pair, add_capacity_rows, add_channel_rows, requirement_terms
from solver.cpsat_run import cpsat_solver, run
from solver.reduced import Need, Residual


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
        use = res.usage(self.others)
        add_capacity_rows(self.model, self.pairs, res.bureau, res.effort,
                          res.capacity - use.eff)
        add_channel_rows(self.model, self.pairs, res.channel, res.limit - use.cnt)

    def count_of(self, need: Need) -> list[cp_model.IntVar]:
        """The block's variables that count toward ``need``."""
        return requirement_terms(self.pairs, need.quarter, need.member)

    def fixed_count(self, need: Need) -> int:
        """How many of the need's members the fixed rest completes in time."""
        return need.count(self.others)

    def solve(self, seconds: float) -> np.ndarray | None:
        """The whole plan with the block re-planned, or None if CP-SAT found nothing."""
        solver = cpsat_solver(seconds, 2)
        if run(solver, self.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        out = self.others.copy()
        for i, q, v in self.pairs:
            if solver.boolean_value(v):
                out[i] = q
        return out
