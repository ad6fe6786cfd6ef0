"""The Lagrangian multipliers (dual.py) read off an LP relaxation's row duals.

An LP relaxation of the plan (lp_guided.py) has a row for each bureau-quarter capacity, each
finite channel limit and each requirement, and its optimal row duals are prices for exactly
the rows the Lagrangian dual prices. Any prices y >= 0 give a proven bound D(y) (dual.py), so
the LP's, which HiGHS finds exactly, can stand in for the dual's own where those are worse:
the dual's smoothing path can stall (tight 28,000 s1 with eight stages of three Newton
steps, solve.PATH_SHAPE: the target's price 782 after the bound phase, 4,385 in the LP), and
its bound with them.

Where the LP covers only some pairs (its best quarters, lp_guided.LP_QUARTERS), a pair left
out with a positive reduced value raises D(y) above the LP's value; D(y) is still a bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from solver.dual import Dual


@dataclass
class PricedRows:
    """The rows of an LP model that the Lagrangian dual prices: each capacity row's
    bureau-quarter cell (b * Q + q), each channel limit row's cell (c * Q + q), each
    requirement row's need (an index into ``Residual.needs``). Rows with no price of the
    dual (at most one quarter per process) are not listed."""

    capacity_row: list[np.ndarray] = field(default_factory=list)
    capacity_cell: list[np.ndarray] = field(default_factory=list)
    limit_row: list[np.ndarray] = field(default_factory=list)
    limit_cell: list[np.ndarray] = field(default_factory=list)
    need_row: list[int] = field(default_factory=list)
    need: list[int] = field(default_factory=list)

    def multipliers(self, dual: Dual, row_duals: np.ndarray) -> np.ndarray:
        """The dual's multipliers y (its layout: alpha, beta, lambda) at the LP's row duals
        ``row_duals`` (MathOpt's signs for a maximisation: a binding <= row's dual is positive,
        a binding >= row's negative), clipped at 0; a cell or need with no row, or a dual that is
        not finite, gets 0."""
        y = np.zeros_like(dual.y)
        # any prices >= 0 bound the problem, 0 among them: a dual HiGHS left undefined is 0
        row_duals = np.nan_to_num(row_duals, nan=0.0, posinf=0.0, neginf=0.0)
        if self.capacity_row:
            rows = np.concatenate(self.capacity_row)
            y[np.concatenate(self.capacity_cell)] = row_duals[rows]
        if self.limit_row:
            cells = np.concatenate(self.limit_cell)
            q = dual.q
            y[dual.beta_index[cells // q, cells % q]] = row_duals[np.concatenate(self.limit_row)]
        if self.need_row:
            y[dual.n_alpha + dual.n_beta + np.asarray(self.need)] = -row_duals[self.need_row]
        return np.maximum(y, 0.0)
