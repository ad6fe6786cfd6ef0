"""The textbook CP-SAT model: one Boolean per process x eligible quarter.

Used by the naive baseline and, on small instances only, to polish and prove a plan.
Values are scaled to integers (volume/4 per quarter is a multiple of 1/4 for integer volumes,
so x4 is exact for them; other volumes are rounded, which only matters for the objective that
CP-SAT sees, never for the reported one).
"""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model

from solver.problem import Problem


class CpSatModel:
    """Variables, one method per constraint family, objective, solve."""

    def __init__(
        self, problem: Problem, needs: list[tuple[int, int]] | None = None, upper: bool = False
    ) -> None:
        """``upper``: a relaxation whose objective over-estimates (efforts rounded down,
        capacities up, objective coefficients up), so that CP-SAT's objective bound
        (``best_bound`` after :meth:`solve`) is a PROVEN upper bound of the real problem;
        its solutions must then be checked against the real figures."""
        self.p = problem
        self.upper = upper
        self.best_bound = float("inf")
        self.needs = problem.requirements() if needs is None else needs
        self.model = cp_model.CpModel()
        self.vars: dict[tuple[int, int], cp_model.IntVar] = {}
        self._add_variables()
        self._add_one_quarter()
        self._add_locks()
        self._add_bureau_capacity()
        self._add_channel_limits()
        self._add_requirements()
        self._add_objective()

    def _add_variables(self) -> None:
        p = self.p
        for i in range(p.n_processes):
            for q in range(int(p.earliest[i]), p.n_quarters):
                self.vars[i, q] = self.model.new_bool_var(f"x_{i}_{q}")

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
        # capacities and efforts in 1/100 person-month: exact for two-decimal inputs,
        # conservative otherwise (efforts rounded up, capacities rounded down)
        p = self.p
        groups: dict[tuple[int, int], list[tuple[cp_model.IntVar, int]]] = {}
        for (i, q), v in self.vars.items():
            if self.upper:
                e = int(np.floor(p.effort[i] * 100))
            else:
                e = int(np.ceil(p.effort[i] * 100 - 1e-6))
            groups.setdefault((int(p.bureau[i]), q), []).append((v, e))
        slack = 1e-5 if self.upper else 1e-6
        for (b, q), items in groups.items():
            cap = int(np.floor(p.bureau_capacity[b, q] * 100 + slack))
            self.model.add(sum(e * v for v, e in items) <= cap)

    def _add_channel_limits(self) -> None:
        p = self.p
        groups: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        for (i, q), v in self.vars.items():
            groups.setdefault((int(p.channel[i]), q), []).append(v)
        for (c, q), vs in groups.items():
            if np.isfinite(p.channel_limit[c, q]):
                self.model.add(sum(vs) <= int(p.channel_limit[c, q]))

    def _add_requirements(self) -> None:
        p = self.p
        for mq, need in self.needs:
            if mq < 0:
                continue
            vs = [v for (_, q), v in self.vars.items() if q <= mq]
            self.model.add(sum(vs) >= need - p.already_digitized)

    def _add_objective(self) -> None:
        p = self.p
        q1 = p.n_quarters - 1
        rnd = (lambda v: int(np.ceil(v))) if self.upper else round
        terms = [
            (v, rnd(p.volume[i] * (q1 - q)))
            for (i, q), v in self.vars.items()
            if p.volume[i] > 0 and q < q1
        ]
        self.model.maximize(
            cp_model.LinearExpr.weighted_sum([v for v, _ in terms], [c for _, c in terms])
        )

    def add_hint(self, quarter: np.ndarray) -> None:
        for (i, q), v in self.vars.items():
            self.model.add_hint(v, int(quarter[i]) == q)

    def solve(self, time_limit: float, workers: int = 2) -> tuple[str, np.ndarray]:
        """Returns (CP-SAT status name, quarter array); quarter is all -1 without a solution."""
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, time_limit)
        solver.parameters.num_workers = workers
        status = solver.solve(self.model)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            self.best_bound = float(solver.best_objective_bound) / 4.0
        quarter = np.full(self.p.n_processes, -1, dtype=np.int32)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            for (i, q), v in self.vars.items():
                if solver.boolean_value(v):
                    quarter[i] = q
        return solver.status_name(status), quarter
