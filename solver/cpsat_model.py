"""The textbook CP-SAT model: one Boolean per process x eligible quarter.

Used by the naive baseline and, on small instances only, to polish and prove a plan.
The constraint rows are those of ``solver.constraints``. Values are scaled to integers
(volume/4 per quarter is a multiple of 1/4 for integer volumes, so x4 is exact for them;
other volumes are rounded, which only matters for the objective that CP-SAT sees, never for
the reported one).
"""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model

from solver.constraints import (
    Pair,
    add_capacity_rows,
    add_channel_rows,
    add_requirement_rows,
    eligible,
)
from solver.cpsat_run import VALUE_SCALE, cpsat_solver, run
from solver.problem import Problem, Requirement


class CpSatModel:
    """Variables, one method per constraint family, objective, solve."""

    def __init__(
        self,
        problem: Problem,
        requirements: list[Requirement] | None = None,
        upper: bool = False,
    ) -> None:
        """``requirements`` replaces ``problem.all_requirements()`` (e.g. relaxed needs).

        ``upper``: a relaxation whose objective over-estimates (efforts rounded down,
        capacities up, objective coefficients up), so that CP-SAT's objective bound
        (``best_bound`` after :meth:`solve`) is a PROVEN upper bound of the real problem;
        its solutions must then be checked against the real figures."""
        self.p = problem
        self.upper = upper
        self.best_bound = float("inf")
        self.requirements = (problem.all_requirements() if requirements is None
                             else requirements)
        self.model = cp_model.CpModel()
        self.vars: dict[tuple[int, int], cp_model.IntVar] = {}
        self.pairs: list[Pair] = []
        self._add_variables()
        self._add_one_quarter()
        self._add_locks()
        self._add_bureau_capacity()
        self._add_channel_limits()
        self._add_requirements()
        self._add_objective()

    def _add_variables(self) -> None:
        p = self.p
        for i, q in np.argwhere(eligible(p.earliest, p.n_quarters)).tolist():
            v = self.model.new_bool_var(f"x_{i}_{q}")
            self.vars[i, q] = v
            self.pairs.append((i, q, v))

    def _by_process(self) -> dict[int, list[cp_model.IntVar]]:
        out: dict[int, list[cp_model.IntVar]] = {}
        for (i, _), v in self.vars.items():
            out.setdefault(i, []).append(v)
        return out

    def _add_one_quarter(self) -> None:
        for vs in self._by_process().values():
            self.model.add_at_most_one(vs)

    def _add_locks(self) -> None:
        for i in np.flatnonzero(self.p.locked >= 0):
            self.model.add(self.vars[int(i), int(self.p.locked[i])] == 1)

    def _add_bureau_capacity(self) -> None:
        p = self.p
        add_capacity_rows(self.model, self.pairs, p.bureau, p.effort, p.bureau_capacity,
                          relaxed=self.upper)

    def _add_channel_limits(self) -> None:
        add_channel_rows(self.model, self.pairs, self.p.channel, self.p.channel_limit)

    def _add_requirements(self) -> None:
        n = self.p.n_processes
        add_requirement_rows(self.model, self.pairs, [
            (req.quarter, None if req.rows is None else req.member_mask(n), req.need)
            for req in self.requirements if req.quarter >= 0
        ])

    def _add_objective(self) -> None:
        value = self.p.quarter_value()
        rnd = (lambda v: int(np.ceil(v))) if self.upper else round
        terms = [(v, rnd(VALUE_SCALE * value[i, q])) for i, q, v in self.pairs if value[i, q] != 0]
        self.model.maximize(
            cp_model.LinearExpr.weighted_sum([v for v, _ in terms], [c for _, c in terms])
        )

    def add_hint(self, quarter: np.ndarray) -> None:
        for (i, q), v in self.vars.items():
            self.model.add_hint(v, int(quarter[i]) == q)

    def fix(self, quarter: np.ndarray) -> None:
        """Fix every variable to plan ``quarter`` (for checking a plan against the model)."""
        for (i, q), v in self.vars.items():
            self.model.add(v == int(int(quarter[i]) == q))

    def solve(self, time_limit: float, workers: int = 2) -> tuple[str, np.ndarray]:
        """Returns (CP-SAT status name, quarter array); quarter is all -1 without a solution."""
        solver = cpsat_solver(time_limit, workers)
        status = run(solver, self.model)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            self.best_bound = float(solver.best_objective_bound) / 4.0 - self.p.move_offset
        quarter = np.full(self.p.n_processes, -1, dtype=np.int32)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            for (i, q), v in self.vars.items():
                if solver.boolean_value(v):
                    quarter[i] = q
        return solver.status_name(status), quarter
