"""The LP relaxation written around a start plan, so that HiGHS starts from that plan.

HiGHS's simplex starts from the slack basis: every variable at zero, which in the plain model
(one column per process and quarter, lp_guided.py) is the empty plan. On tight 28,000 it
then spends an iteration or more on each of the ~18,000 processes the LP plans, 4.4-5.0 s on
the 2-core machine the figures in solver/ come from and 10 s on one about half as fast. Here
each process p that start plan ``s`` completes in quarter s_p is written with the share it
leaves that quarter instead of the share it stays:

    x[p, s_p] = 1 - u[p] - sum_{q != s_p} x[p, q]        (u[p]: the share p is not planned)

so the all-zero point is the start plan, and the simplex only pays for what differs from it.
It is the same LP (the same optimum; the solver may end on another optimal vertex).

Columns: x[p, q] for each pair other than a start pair, u[p] for each process the start plan
completes, and an elastic slack per requirement (a missing process costs ``elastic``). Each
row of the plain model keeps its meaning with the start plan's part moved to the right-hand
side: bureau capacity and channel limits less what the start plan uses, at most one quarter
per process (x[p, s_p] >= 0), each requirement less what the start plan counts.
"""

from __future__ import annotations

import numpy as np
from ortools.math_opt import model_pb2

from solver.lp_prices import PricedRows
from solver.mip_model import Rows, lp_solution
from solver.reduced import Residual


class StartedLp:
    """The LP relaxation over the ``allowed`` pairs (and the start plan's own), around plan
    ``start`` (free-process quarters, -1 = unplanned; it must keep capacity and channel
    limits). ``pair_row``/``pair_q`` name the pairs, as NeighbourhoodMip does over every
    free process; :meth:`relaxation` gives each pair's share."""

    def __init__(self, res: Residual, start: np.ndarray, allowed: np.ndarray,
                 elastic: float) -> None:
        self.res = res
        self.start = np.asarray(start, dtype=np.int64)
        q_n = res.n_quarters
        own = self.start[:, None] == np.arange(q_n)[None, :]
        pr, pq = np.nonzero(np.isfinite(res.value) & (allowed | own))
        self.pair_row, self.pair_q = pr, pq
        self.elastic = elastic
        self.priced = PricedRows()  # filled by _model
        self.proto = self._model()
        # the row duals of the last relaxation solved (relaxation())
        self.row_duals: np.ndarray | None = None

    # ------------------------------------------------------------------ the model
    def _model(self) -> model_pb2.ModelProto:
        res, start = self.res, self.start
        q_n = res.n_quarters
        pr, pq = self.pair_row, self.pair_q
        s = start[pr]  # the start quarter of each pair's process (-1: unplanned)
        moved = pq != s  # the x columns; the start pairs are substituted out
        xr, xq, xs = pr[moved], pq[moved], s[moved]
        planned = np.flatnonzero(start >= 0)  # the u columns, after the x columns
        n_x, n_u = xr.size, planned.size
        us = start[planned]

        value = res.value
        was = xs >= 0
        worth = value[xr, xq] - np.where(was, value[xr, np.maximum(xs, 0)], 0.0)
        worth_u = -value[planned, us]

        rows = Rows()
        priced = self.priced

        def add_family(cell_x_new: np.ndarray, cell_x_old: np.ndarray, cell_u: np.ndarray,
                       coef_x: np.ndarray, coef_u: np.ndarray, bound: np.ndarray,
                       row_of: list[np.ndarray], cell_of: list[np.ndarray]) -> None:
            """Rows "sum <= bound[cell]" of a family of cells (capacity or channel), each
            column counted + in its new cell and - in the start plan's cell (-1: none); their
            numbers and cells appended to ``row_of`` and ``cell_of``."""
            cells = np.concatenate([cell_x_new, cell_x_old, cell_u])
            cols = np.concatenate([np.arange(n_x), np.arange(n_x), n_x + np.arange(n_u)])
            vals = np.concatenate([coef_x, -coef_x, -coef_u])
            on = cells >= 0
            used, row = np.unique(cells[on], return_inverse=True)
            row_of.append(rows.add(row.ravel(), cols[on], vals[on], np.full(used.size, -np.inf),
                                   bound[used]))
            cell_of.append(used)

        use = res.usage(start)
        # bureau capacity, less what the start plan uses
        b_x, b_u = res.bureau[xr].astype(np.int64), res.bureau[planned].astype(np.int64)
        add_family(b_x * q_n + xq, np.where(was, b_x * q_n + xs, -1), b_u * q_n + us,
                   res.effort[xr], res.effort[planned],
                   (res.capacity - use.eff).ravel(), priced.capacity_row, priced.capacity_cell)
        # channel limits (finite ones only), less what the start plan onboards
        limited = np.isfinite(res.limit).ravel()
        c_x, c_u = res.channel[xr].astype(np.int64), res.channel[planned].astype(np.int64)

        def limited_cell(cell: np.ndarray) -> np.ndarray:
            return np.where((cell >= 0) & limited[np.maximum(cell, 0)], cell, -1)

        add_family(limited_cell(c_x * q_n + xq), limited_cell(np.where(was, c_x * q_n + xs, -1)),
                   limited_cell(c_u * q_n + us), np.ones(n_x), np.ones(n_u),
                   np.where(limited, (res.limit - use.cnt).ravel(), np.inf),
                   priced.limit_row, priced.limit_cell)
        # at most one quarter per process: x[p, s_p] >= 0, or sum_q x[p, q] <= 1
        cols_of = np.concatenate([np.arange(n_x), n_x + np.arange(n_u)])
        proc_of = np.concatenate([xr, planned])
        multi = np.bincount(proc_of, minlength=start.size) >= 2
        amo = np.cumsum(multi) - 1
        on = multi[proc_of]
        n_amo = int(multi.sum())
        rows.add(amo[proc_of[on]], cols_of[on], np.ones(int(on.sum())),
                 np.full(n_amo, -np.inf), np.ones(n_amo))
        # the requirements, less what the start plan counts; each with an elastic slack
        slack_rows = []
        for m_index, need in enumerate(res.needs):
            priced.need_row.append(rows.count)
            priced.need.append(m_index)
            counts_new = need.counted(xr, xq)
            counts_old = was & need.counted(xr, xs)
            coef = counts_new.astype(np.float64) - counts_old.astype(np.float64)
            coef_u = -need.counted(planned, us).astype(np.float64)
            nz, nz_u = np.flatnonzero(coef), np.flatnonzero(coef_u)
            slack_rows.append(rows.count)
            rows.add(np.zeros(nz.size + nz_u.size, dtype=np.int64),
                     np.concatenate([nz, n_x + nz_u]), np.concatenate([coef[nz], coef_u[nz_u]]),
                     np.array([float(need.need - need.count(start))]), np.array([np.inf]))

        m = model_pb2.ModelProto()
        n = n_x + n_u
        k = len(slack_rows)
        var = m.variables
        var.ids.extend(range(n + k))
        var.lower_bounds.extend([0.0] * (n + k))
        var.upper_bounds.extend([1.0] * n + [np.inf] * k)
        var.integers.extend([False] * (n + k))
        m.objective.maximize = True
        obj = np.concatenate([worth, worth_u, np.full(k, -self.elastic)])
        nz = np.flatnonzero(obj)
        m.objective.linear_coefficients.ids.extend(nz.tolist())
        m.objective.linear_coefficients.values.extend(obj[nz].tolist())
        if k:
            rows.entries(np.array(slack_rows, dtype=np.int64), n + np.arange(k), np.ones(k))
        rows.write(m)
        return m

    # ------------------------------------------------------------------ solving
    def relaxation(self, seconds: float) -> np.ndarray | None:
        """float[n_pairs]: the share of each pair in the LP's solution by HiGHS within
        ``seconds``, or None if it found none in time (see NeighbourhoodMip.relaxation)."""
        solution = lp_solution(self.proto, seconds)
        if solution is None:
            return None
        self.row_duals = solution.row_duals
        col = solution.columns
        moved = self.pair_q != self.start[self.pair_row]  # the x columns, in pair order
        n_x = int(moved.sum())
        planned = self.start >= 0
        share = np.zeros(self.pair_row.size)
        share[moved] = col[:n_x]
        # a start pair's share: what neither leaving (u) nor the other pairs take
        left = np.ones(self.start.size)
        left[planned] -= col[n_x : n_x + int(planned.sum())]
        np.subtract.at(left, self.pair_row[moved], col[:n_x])
        share[~moved] = left[self.pair_row[~moved]]
        return share
