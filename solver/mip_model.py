"""A MIP over a neighbourhood of a plan, solved by HiGHS through OR-Tools' MathOpt.

The neighbourhood is a set of free processes (``rows`` of the residual problem); every other
process keeps its quarter. One binary per eligible (process, quarter) pair of the
neighbourhood; at most one quarter per process; bureau capacity and channel limits less what
the fixed part uses; and the GLOBAL requirements: for each need (quarter m, count), the
neighbourhood completes at least ``count - (fixed processes done by m)`` by m. So counts can
move between the bureaus of a neighbourhood, which a bureau-by-bureau re-plan cannot do.
With ``rows`` = every free process this is the plain model of the whole problem.

The model is written directly as a MathOpt ``ModelProto`` from numpy arrays (building it
through the Python modelling layer costs seconds on 28,000 processes) and solved by
``ortools.math_opt``'s solver entry point, so OR-Tools stays the one interface to solvers.
HiGHS is given the current plan as a hint (it starts from it: "MIP start solution is
feasible") and a solve can be interrupted from another thread.

Safety: HiGHS accepts rows violated within its feasibility tolerance (1e-6), so every answer
is re-checked against the real figures before it is returned (``None`` if it does not fit).
With efforts and capacities in quarter person-months the sums are exact and this never fires.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.math_opt import (
    callback_pb2,
    model_parameters_pb2,
    model_pb2,
    parameters_pb2,
    result_pb2,
    sparse_containers_pb2,
)
from ortools.math_opt.core.python import solver as mathopt_core
from ortools.math_opt.solvers import highs_pb2
from ortools.util.python.solve_interrupter import SolveInterrupter

from solver.lp_prices import PricedRows
from solver.reduced import Residual

_OPTIMAL = result_pb2.TERMINATION_REASON_OPTIMAL
#: An LP share (``relaxation``) this close to 1 is whole, one this close to 0 is none; in
#: between it is fractional.
FRACTIONAL = 1e-6


def whole_and_fractional(share: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(bool, bool)[n_pairs]: the pairs an LP solution ``share`` takes whole, and those it
    takes in part (FRACTIONAL)."""
    whole = share > 1.0 - FRACTIONAL
    return whole, (share > FRACTIONAL) & ~whole


@dataclass
class MipAnswer:
    """The plan with the neighbourhood re-planned (``None`` if no checked solution), the
    solver's proven bound on the neighbourhood's part of the objective and whether it is
    optimal for the neighbourhood."""

    x: np.ndarray | None
    bound: float
    optimal: bool


class NeighbourhoodMip:
    """Re-plan ``rows`` of plan ``x`` (free-process quarters, -1 = unplanned)."""

    def __init__(self, res: Residual, x: np.ndarray, rows: np.ndarray,
                 allowed: np.ndarray | None = None, elastic: float | None = None,
                 worth: np.ndarray | None = None) -> None:
        """``allowed`` (bool[F, Q], optional) restricts the pairs of ``rows`` that get a
        variable; the pairs of plan ``x`` are always kept, so ``x`` stays a solution.
        ``elastic``: each requirement row gets a slack column costing this much per missing
        process, so a model whose pairs cannot meet the requirements still has a solution
        (for the relaxation over restricted pairs; the MIP keeps its rows hard).
        ``worth`` (float[F, Q], optional): what each pair is worth instead of its value."""
        self.res = res
        self.elastic = elastic
        self.rows = np.asarray(rows, dtype=np.int64)
        self.others = x.copy()
        self.others[self.rows] = -1
        finite = np.isfinite(res.value[self.rows])
        if allowed is not None:
            current = x[self.rows][:, None] == np.arange(res.n_quarters)[None, :]
            finite &= allowed[self.rows] | current
        pr, pq = np.nonzero(finite)
        self.pair_row = pr  # index into self.rows
        self.pair_q = pq
        self.hint = (x[self.rows[pr]] == pq).astype(np.float64)
        self.priced = PricedRows()  # filled by _model
        self.proto = self._model(res.value if worth is None else worth)
        # the row duals of the last relaxation solved (relaxation())
        self.row_duals: np.ndarray | None = None

    @property
    def n_pairs(self) -> int:
        return int(self.pair_row.size)

    # ------------------------------------------------------------------ the model
    def _model(self, worth: np.ndarray) -> model_pb2.ModelProto:
        res, rows = self.res, self.rows
        proc = rows[self.pair_row]
        n = self.n_pairs
        m = model_pb2.ModelProto()
        var = m.variables
        var.ids.extend(range(n))
        var.lower_bounds.extend(np.zeros(n).tolist())
        var.upper_bounds.extend(np.ones(n).tolist())
        var.integers.extend([True] * n)
        m.objective.maximize = True
        value = worth[proc, self.pair_q]
        nz = np.flatnonzero(value != 0)
        m.objective.linear_coefficients.ids.extend(nz.tolist())
        m.objective.linear_coefficients.values.extend(value[nz].tolist())

        rows_of_model = Rows()

        def add_rows(group: np.ndarray, coef: np.ndarray, lo: np.ndarray,
                     up: np.ndarray) -> np.ndarray:
            """Rows 0..k-1 of ``group`` (pair -> row in the family, -1 = not in it); their
            numbers."""
            on = np.flatnonzero(group >= 0)
            return rows_of_model.add(group[on], on, coef[on], lo, up)

        # at most one quarter per process (rows of processes with two or more pairs)
        per = np.bincount(self.pair_row, minlength=rows.size)
        multi = per >= 2
        amo_index = np.cumsum(multi) - 1
        group = np.where(multi[self.pair_row], amo_index[self.pair_row], -1)
        k = int(multi.sum())
        add_rows(group, np.ones(n), np.full(k, -np.inf), np.ones(k))

        use = res.usage(self.others)
        q_n = res.n_quarters
        # bureau capacity
        cell = res.bureau[proc].astype(np.int64) * q_n + self.pair_q
        cells, group = np.unique(cell, return_inverse=True)
        room = res.capacity.ravel()[cells] - use.eff.ravel()[cells]
        priced = self.priced
        priced.capacity_row.append(add_rows(group, res.effort[proc], np.full(cells.size, -np.inf),
                                            np.maximum(room, 0.0)))
        priced.capacity_cell.append(cells)
        # channel limits (finite ones only)
        cell = res.channel[proc].astype(np.int64) * q_n + self.pair_q
        limited = np.isfinite(res.limit.ravel()[cell])
        cells, group = np.unique(cell[limited], return_inverse=True)
        full_group = np.full(n, -1, dtype=np.int64)
        full_group[limited] = group
        left = res.limit.ravel()[cells] - use.cnt.ravel()[cells]
        priced.limit_row.append(add_rows(full_group, np.ones(n), np.full(cells.size, -np.inf),
                                         np.maximum(left, 0.0)))
        priced.limit_cell.append(cells)
        # the requirements (over all the problem), less what the fixed part completes
        slack_rows = []
        for m_index, need in enumerate(res.needs):
            left = need.need - need.count(self.others)
            if left <= 0:
                continue
            group = np.where(need.counted(proc, self.pair_q), 0, -1)
            slack_rows.append(rows_of_model.count)
            add_rows(group, np.ones(n), np.array([float(left)]), np.array([np.inf]))
            priced.need_row.append(slack_rows[-1])
            priced.need.append(m_index)
        if self.elastic is not None and slack_rows:
            k = len(slack_rows)
            var.ids.extend(range(n, n + k))
            var.lower_bounds.extend([0.0] * k)
            var.upper_bounds.extend([np.inf] * k)
            var.integers.extend([False] * k)
            m.objective.linear_coefficients.ids.extend(range(n, n + k))
            m.objective.linear_coefficients.values.extend([-self.elastic] * k)
            rows_of_model.entries(np.array(slack_rows, dtype=np.int64), np.arange(n, n + k),
                                  np.ones(k))
        rows_of_model.write(m)
        return m

    # ------------------------------------------------------------------ solving
    def solve(
        self,
        seconds: float,
        *,
        interrupter: SolveInterrupter | None = None,
        gap: float = 1e-6,
        log: bool = False,
    ) -> MipAnswer:
        """HiGHS within ``seconds``, hinted with the current plan."""
        params = _params(seconds)
        params.enable_output = log
        params.relative_gap_tolerance = gap
        params.highs.CopyFrom(highs_pb2.HighsOptionsProto())
        model_params = model_parameters_pb2.ModelSolveParametersProto()
        hint = model_params.solution_hints.add()
        hint.variable_values.CopyFrom(
            sparse_containers_pb2.SparseDoubleVectorProto(
                ids=range(self.n_pairs), values=self.hint.tolist()
            )
        )
        return self._answer(_highs(self.proto, params, model_params, interrupter))

    def relaxation(self, seconds: float) -> np.ndarray | None:
        """The LP relaxation by HiGHS within ``seconds``: float[n_pairs], the share of each
        pair, or None if it found no solution in time. (HiGHS ignores MathOpt's interrupter
        but keeps its time limit: a caller that must stop sooner runs this in a thread.)"""
        solution = lp_solution(self.proto, seconds)
        if solution is None:
            return None
        self.row_duals = solution.row_duals
        return solution.columns[: self.n_pairs]

    def _answer(self, result: result_pb2.SolveResultProto) -> MipAnswer:
        term = result.termination
        bound = float(term.objective_bounds.dual_bound)
        # MathOpt may say NO_SOLUTION_FOUND at a time limit although HiGHS kept the hinted
        # solution: any primal solution is taken, since it is checked below anyway
        if not result.solutions or not result.solutions[0].HasField("primal_solution"):
            return MipAnswer(None, bound, False)
        values = result.solutions[0].primal_solution.variable_values
        chosen = np.zeros(self.n_pairs, dtype=bool)
        ids = np.asarray(values.ids, dtype=np.int64)
        pair = ids < self.n_pairs  # not the slack columns of an elastic model
        chosen[ids[pair]] = np.asarray(values.values)[pair] > 0.5
        x = self.others.copy()
        x[self.rows[self.pair_row[chosen]]] = self.pair_q[chosen]
        if np.bincount(self.pair_row[chosen], minlength=self.rows.size).max(initial=0) > 1:
            return MipAnswer(None, bound, False)
        if not fits(self.res, x):
            return MipAnswer(None, bound, False)
        return MipAnswer(x, bound, term.reason == _OPTIMAL)


class Rows:
    """The rows of a MathOpt model being written: (row, column, coefficient) triples and
    each row's bounds, added a family of rows at a time."""

    def __init__(self) -> None:
        self._row: list[np.ndarray] = []
        self._col: list[np.ndarray] = []
        self._coef: list[np.ndarray] = []
        self._lower: list[np.ndarray] = []
        self._upper: list[np.ndarray] = []
        self.count = 0  # rows so far

    def add(self, row: np.ndarray, col: np.ndarray, coef: np.ndarray,
            lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
        """New rows 0..len(lower)-1 (numbered after those so far) with these bounds; entry
        k is ``coef[k]`` in new row ``row[k]``, column ``col[k]``. Returns their numbers."""
        self.entries(self.count + row, col, coef)
        self._lower.append(lower)
        self._upper.append(upper)
        self.count += lower.size
        return np.arange(self.count - lower.size, self.count)

    def entries(self, row: np.ndarray, col: np.ndarray, coef: np.ndarray) -> None:
        """More entries in rows already added (``row``: their numbers)."""
        self._row.append(row)
        self._col.append(col)
        self._coef.append(coef)

    def write(self, m: model_pb2.ModelProto) -> None:
        """The rows into ``m`` (set_constraints)."""
        set_constraints(m, np.concatenate(self._lower), np.concatenate(self._upper),
                        np.concatenate(self._row), np.concatenate(self._col),
                        np.concatenate(self._coef))


def set_constraints(m: model_pb2.ModelProto, lower: np.ndarray, upper: np.ndarray,
                    row: np.ndarray, col: np.ndarray, coef: np.ndarray) -> None:
    """Rows 0..len(lower)-1 of ``m`` with these bounds, and its matrix from (row, column,
    coefficient) triples, put in the order MathOpt requires (by row, then column)."""
    lc = m.linear_constraints
    lc.ids.extend(range(lower.size))
    lc.lower_bounds.extend(lower.tolist())
    lc.upper_bounds.extend(upper.tolist())
    order = np.lexsort((col, row))
    mat = m.linear_constraint_matrix
    mat.row_ids.extend(row[order].tolist())
    mat.column_ids.extend(col[order].tolist())
    mat.coefficients.extend(coef[order].astype(np.float64).tolist())


def highs_lp(proto: model_pb2.ModelProto, seconds: float) -> result_pb2.SolveResultProto:
    """The LP relaxation of ``proto`` (its integrality dropped, on a copy) by HiGHS within
    ``seconds``. HiGHS keeps the time limit but ignores MathOpt's interrupter."""
    relaxed = model_pb2.ModelProto()
    relaxed.CopyFrom(proto)
    del relaxed.variables.integers[:]
    relaxed.variables.integers.extend([False] * len(relaxed.variables.ids))
    return _highs(relaxed, _params(seconds), model_parameters_pb2.ModelSolveParametersProto())


@dataclass(frozen=True)
class LpSolution:
    """An optimal solution of an LP relaxation: each column's value and each row's dual."""

    columns: np.ndarray
    row_duals: np.ndarray


def lp_solution(proto: model_pb2.ModelProto, seconds: float) -> LpSolution | None:
    """The solution of ``proto``'s LP relaxation by HiGHS within ``seconds`` (highs_lp), or
    None if it found none in time."""
    result = highs_lp(proto, seconds)
    if result.termination.reason != _OPTIMAL or not result.solutions:
        return None
    solution = result.solutions[0]
    values = solution.primal_solution.variable_values
    columns = np.zeros(len(proto.variables.ids))
    columns[np.asarray(values.ids, dtype=np.int64)] = np.asarray(values.values)
    row_duals = np.zeros(len(proto.linear_constraints.ids))
    duals = solution.dual_solution.dual_values
    row_duals[np.asarray(duals.ids, dtype=np.int64)] = np.asarray(duals.values)
    return LpSolution(columns, row_duals)


def _params(seconds: float) -> parameters_pb2.SolveParametersProto:
    """Solve parameters with a time limit of ``seconds`` (10 ms at least)."""
    params = parameters_pb2.SolveParametersProto()
    params.time_limit.FromNanoseconds(int(max(0.01, seconds) * 1e9))
    return params


def _highs(
    proto: model_pb2.ModelProto,
    params: parameters_pb2.SolveParametersProto,
    model_params: model_parameters_pb2.ModelSolveParametersProto,
    interrupter: SolveInterrupter | None = None,
) -> result_pb2.SolveResultProto:
    """``proto`` solved by HiGHS through MathOpt's solver entry point."""
    result: result_pb2.SolveResultProto = mathopt_core.solve(
        proto,
        parameters_pb2.SOLVER_TYPE_HIGHS,
        parameters_pb2.SolverInitializerProto(),
        params,
        model_params,
        None,
        callback_pb2.CallbackRegistrationProto(),
        None,
        interrupter.pybind_interrupter if interrupter is not None else None,
    )
    return result


def fits(res: Residual, x: np.ndarray) -> bool:
    """Eligibility, capacity, channel limits and needs of plan ``x`` (free processes), with
    the optimizer's own float slack (far stricter than the checker's)."""
    on = np.flatnonzero(x >= 0)
    if np.any(~np.isfinite(res.value[on, x[on]])):
        return False
    return res.usage(x).valid() and res.shortfall(x) == 0
