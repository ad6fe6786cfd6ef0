"""Lagrangian dual of the residual problem: a PROVEN upper bound and prices for the primal.

Dualising every coupling row (bureau capacity alpha[b,q], channel limit beta[c,q], requirement
lambda[m] over its members) leaves one tiny problem per process: pick the quarter with the best
reduced value ``R[p,q] = value[p,q] + sum_{m: p in m, q <= quarter m} lambda[m] - beta[c,q]
- effort[p]*alpha[b,q]`` or nothing. For ANY multipliers y >= 0 the Lagrangian function

    D(y) = locked_value + sum_p max(0, max_q R[p,q]) + cap.alpha + lim.beta - need.lambda

is an upper bound on the best plan's objective (weak duality; it is the LP dual objective with
the optimal process duals u_p = max(0, max_q R[p,q])). So the bound's validity never depends on
how the multipliers were found.

We minimise D with a projected Newton method on its entropic smoothing
``D_tau = ... + sum_p tau*log(1 + sum_q exp(R[p,q]/tau))`` with tau decreasing (a path
following method): D <= D_tau <= D + N*tau*log(Q+1), so the smoothed minimiser is within that
of the LP bound. The softmax weights are a fractional plan for the primal heuristic. The
Hessian is small and dense (one row per multiplier, ~300), summed per group of processes with
the same bureau, channel and requirements (their rows of the constraint matrix are alike).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from solver.reduced import Residual

#: See :meth:`Dual.stalled`.
STALL_DROP = 2e-4
#: A Newton step is halved at most this many times less one (``Dual._longest_step``).
HALVINGS = 30


def path_temperatures(res: Residual) -> tuple[float, float]:
    """(first, last) smoothing temperature of the dual's path on ``res``: 0.3 and 1e-3 times
    the mean best value of a process (at least 1), so the path has the instance's scale.
    The solve's path (solve.py) and a warm re-solve's refinement at the last one
    (warm.py) share it."""
    scale = max(1.0, float(np.sum(np.max(res.value, axis=1, initial=0.0))) / res.free.size)
    return 0.3 * scale, 1e-3 * scale


class Dual:
    """Multipliers y = (alpha, beta, lambda) of the residual problem, flattened."""

    def __init__(self, res: Residual) -> None:
        self.res = res
        q = res.n_quarters
        nb, nc = res.capacity.shape[0], res.limit.shape[0]
        self.q = q
        self.limited = np.isfinite(res.limit)
        self.beta_cells = np.argwhere(self.limited)  # (c, q) of the finite channel limits
        self.n_alpha = nb * q
        self.n_beta = len(self.beta_cells)
        self.n_lam = len(res.needs)
        self.y = np.zeros(self.n_alpha + self.n_beta + self.n_lam)
        # how much the last stage of the last minimise() lowered the smoothed function
        self.last_stage_drop = 0.0
        # how often the last Newton step was halved (where the next one's search starts)
        self._last_halvings = 0
        # column index of each (channel, quarter) beta, -1 where unlimited
        self.beta_index = np.full((nc, q), -1, dtype=np.int64)
        for k, (c, qq) in enumerate(self.beta_cells):
            self.beta_index[c, qq] = self.n_alpha + k
        # lam_mask[m, q] = 1 if completing in q counts toward requirement m (for its members)
        self.lam_mask = np.zeros((self.n_lam, q))
        for m, need in enumerate(res.needs):
            self.lam_mask[m, : need.quarter + 1] = 1.0
        self.rhs = np.concatenate(
            [
                res.capacity.ravel(),
                res.limit[self.limited],
                -np.array([n.need for n in res.needs], dtype=np.float64),
            ]
        )
        # items grouped by (bureau, channel, requirements) so that Hessian blocks are sums
        # over groups
        if self.n_lam:
            sig_rows, sig = np.unique(res.members, axis=0, return_inverse=True)
            sig = sig.ravel().astype(np.int64)
        else:
            sig_rows, sig = np.ones((1, 0), dtype=bool), np.zeros(res.free.size, np.int64)
        n_sig = len(sig_rows)
        # each process's requirements, by signature: bool[S, M] and the signature of each
        self.sig_rows, self.sig = sig_rows.astype(np.float64), sig
        key = (res.bureau.astype(np.int64) * nc + res.channel) * n_sig + sig
        self.order = np.argsort(key, kind="stable")
        sk = key[self.order]
        starts = np.flatnonzero(np.r_[True, sk[1:] != sk[:-1]]) if sk.size else np.zeros(0, int)
        self.group_start = starts
        self.group_b = (sk[starts] // n_sig // nc).astype(np.int64) if sk.size else starts
        self.group_c = (sk[starts] // n_sig % nc).astype(np.int64) if sk.size else starts
        # the requirement rows of each group: lam_mask restricted to its requirements
        group_sig = sig_rows[(sk[starts] % n_sig)] if sk.size else np.zeros((0, self.n_lam))
        self.group_lm = self.lam_mask[None, :, :] * group_sig[:, :, None]  # [G, M, Q]

    # ----------------------------------------------------------------- pieces of y
    @property
    def alpha(self) -> np.ndarray:
        return self.y[: self.n_alpha].reshape(-1, self.q)

    @property
    def lam(self) -> np.ndarray:
        return self.y[self.n_alpha + self.n_beta :]

    def beta_full(self, y: np.ndarray | None = None) -> np.ndarray:
        y = self.y if y is None else y
        out = np.zeros_like(self.res.limit)
        out[self.limited] = y[self.n_alpha : self.n_alpha + self.n_beta]
        return out

    def bonus(self, y: np.ndarray | None = None) -> np.ndarray:
        """float[F, Q]: sum of the requirement prices lambda[m] that completing p in q earns."""
        y = self.y if y is None else y
        lam = y[self.n_alpha + self.n_beta :]
        if not self.n_lam:
            return np.zeros((self.res.free.size, self.q))
        out: np.ndarray = (self.sig_rows @ (lam[:, None] * self.lam_mask))[self.sig]
        return out

    def reduced(self, y: np.ndarray | None = None) -> np.ndarray:
        """R[p, q] at multipliers y (default: the current ones)."""
        y = self.y if y is None else y
        res = self.res
        alpha = y[: self.n_alpha].reshape(-1, self.q)
        beta = self.beta_full(y)
        out: np.ndarray = res.value - beta[res.channel]
        if self.n_lam:
            out += self.bonus(y)
        out -= res.effort[:, None] * alpha[res.bureau]
        return out

    def capacity_prices(self) -> np.ndarray:
        """float[B, Q]: what one more person-month of each bureau-quarter is worth.

        Capacity prices of the LP are not unique where a capacity is exactly filled (any
        price between the value density of the last process in and of the first process out
        is optimal); one more person-month is worth the smaller one. So for each cell, with
        the other multipliers fixed, the price is set to the smallest value that minimises the
        Lagrangian function along it: the reduced value per person-month of the first process
        that no longer fits, against its best other quarter (0 where everything that wants
        the cell fits; a process bigger than the cell's whole capacity does not want it: one
        more person-month would not let it in).

        With stable re-planning the price counts online applications only: which process
        gets in is decided by the objective (a move spared is worth ``move_cost``), but the
        move penalty it spares is taken out of its value, and a negative rest is 0; a penalty
        it would pay is not added back (the room it frees elsewhere is priced in the
        objective's terms), so the price is at most the objective's shadow price. So a cell
        whose extra person-month would only keep a commitment in its quarter (e.g. the end
        quarter, where a completion adds no applications) is worth 0 applications.
        """
        res = self.res
        alpha = self.alpha
        # reduced values with each cell's own capacity price added back: c[p, q]
        c = res.value + self.bonus() - self.beta_full()[res.channel]
        r = c - res.effort[:, None] * alpha[res.bureau]
        # each process's best alternative to a quarter: max(0, its best other quarter)
        by_value = np.argsort(r, axis=1)
        ranked = np.take_along_axis(r, by_value, axis=1)
        best = ranked[:, -1]
        runner_up = ranked[:, -2] if self.q > 1 else np.full(len(r), -np.inf)
        top = by_value[:, -1]
        second = by_value[:, -2] if self.q > 1 else top
        moves = self._move_values()
        out = np.zeros_like(res.capacity)
        for b in range(res.capacity.shape[0]):
            rows = res.by_bureau[b]
            for qq in range(self.q):
                sel = rows[np.isfinite(c[rows, qq])]
                if not sel.size:
                    continue
                other = np.where(top[sel] == qq, runner_up[sel], best[sel])
                density = (c[sel, qq] - np.maximum(other, 0.0)) / res.effort[sel]
                order = np.argsort(-density, kind="stable")
                filled = np.cumsum(res.effort[sel][order])
                out_first = np.flatnonzero(filled > res.capacity[b, qq] + 1e-9)
                if out_first.size:
                    k = order[out_first[0]]
                    spared = 0.0
                    if moves is not None:
                        p = sel[k]
                        elsewhere = second[p] if top[p] == qq else top[p]
                        spared = moves[p, qq] - (moves[p, elsewhere] if other[k] > 0 else 0.0)
                    # never above the objective's price: the room it frees elsewhere is
                    # priced in the objective's terms (moves spared there included)
                    spared = max(spared, 0.0)
                    out[b, qq] = max(0.0, float(density[k] - spared / res.effort[sel[k]]))
        return out

    def _move_values(self) -> np.ndarray | None:
        """float[F, Q]: the move cost in each free process's reference quarter (what
        ``value`` holds beyond online applications); None without a move cost."""
        problem = self.res.problem
        if problem.reference is None or problem.move_cost <= 0:
            return None
        reference = problem.reference[self.res.free]
        out = np.zeros((self.res.free.size, self.q))
        rows = np.flatnonzero(reference >= 0)
        out[rows, reference[rows]] = problem.move_cost
        return out

    def without_price(self, m: int) -> float:
        """D at the current multipliers with need m's price set to 0: how far the bound would
        rise at most, to first order, were the need dropped (an over-estimate: the other
        multipliers are not re-optimised; a valid bound of the problem without need m)."""
        y = self.y.copy()
        y[self.n_alpha + self.n_beta + m] = 0.0
        return self.value(y)

    # ----------------------------------------------------------------- the bound
    def value(self, y: np.ndarray | None = None) -> float:
        """The Lagrangian function D(y): a valid upper bound on the objective for y >= 0."""
        y = np.maximum(self.y if y is None else y, 0.0)
        r = self.reduced(y)
        best = np.max(r, axis=1, initial=0.0)
        return self.res.locked_value + float(np.sum(best)) + float(np.dot(self.rhs, y))

    def smoothed(self, y: np.ndarray, tau: float) -> tuple[float, np.ndarray, np.ndarray]:
        """D_tau(y), its softmax weights pi[p, q] (the rest is "not planned") and gradient."""
        r = self.reduced(y) / tau
        top = np.maximum(np.max(r, axis=1), 0.0)
        ex = np.exp(r - top[:, None])
        z = np.exp(-top) + ex.sum(axis=1)
        val = (
            self.res.locked_value
            + float(np.sum(tau * (top + np.log(z))))
            + float(np.dot(self.rhs, y))
        )
        pi = ex / z[:, None]
        return val, pi, self._grad(pi)

    def _grad(self, pi: np.ndarray) -> np.ndarray:
        """dD/dy = rhs - usage(pi): capacity minus effort use, limit minus count, count - need."""
        res = self.res
        g = self.rhs.copy()
        use = np.zeros_like(res.capacity)
        np.add.at(use, res.bureau, pi * res.effort[:, None])
        g[: self.n_alpha] -= use.ravel()
        cnt = np.zeros_like(res.limit)
        np.add.at(cnt, res.channel, pi)
        g[self.n_alpha : self.n_alpha + self.n_beta] -= cnt[self.limited]
        if self.n_lam:
            by_sig = np.stack([np.bincount(self.sig, weights=pi[:, qq],
                                           minlength=len(self.sig_rows))
                               for qq in range(self.q)], axis=1)  # [S, Q]
            g[self.n_alpha + self.n_beta :] += np.sum((self.sig_rows.T @ by_sig)
                                                      * self.lam_mask, axis=1)
        return g

    def _hessian(self, pi: np.ndarray, tau: float) -> np.ndarray:
        """Hessian of D_tau: sum_p J_p^T (diag(pi_p) - pi_p pi_p^T) J_p / tau."""
        res = self.res
        q = self.q
        n = self.y.size
        h = np.zeros((n, n))
        pis = pi[self.order]
        e = res.effort[self.order]
        outer = np.einsum("pi,pj->pij", pis, pis).reshape(len(pis), q * q)
        diag_idx = np.arange(q) * (q + 1)
        cov = -outer
        cov[:, diag_idx] += pis
        s0 = np.add.reduceat(cov, self.group_start, axis=0) if len(pis) else cov[:0]
        s1 = np.add.reduceat(cov * e[:, None], self.group_start, axis=0) if len(pis) else s0
        s2 = np.add.reduceat(cov * (e * e)[:, None], self.group_start, axis=0) if len(pis) else s0
        n_g = len(self.group_start)
        s0, s1, s2 = (m.reshape(n_g, q, q) for m in (s0, s1, s2))
        nb, nc = self.res.capacity.shape[0], self.res.limit.shape[0]
        gb, gc = self.group_b, self.group_c
        # sums over the groups of each bureau, channel and (bureau, channel) pair
        by_b = np.zeros((nb, q, q))
        np.add.at(by_b, gb, s2)
        by_c = np.zeros((nc, q, q))
        np.add.at(by_c, gc, s0)
        by_bc = np.zeros((nb, nc, q, q))
        np.add.at(by_bc, (gb, gc), s1)
        for b in range(nb):
            a_idx = b * q + np.arange(q)
            h[np.ix_(a_idx, a_idx)] += by_b[b]
        for c in range(nc):
            bi = self.beta_index[c]
            has = bi >= 0
            if not has.any():
                continue
            bsel = bi[has]
            h[np.ix_(bsel, bsel)] += by_c[c][np.ix_(has, has)]
            for b in np.unique(gb[gc == c]).tolist():
                a_idx = b * q + np.arange(q)
                h[np.ix_(a_idx, bsel)] += by_bc[b, c][:, has]
                h[np.ix_(bsel, a_idx)] += by_bc[b, c][has, :]
        if self.n_lam:
            # d R/d lambda = +mask (members only), d R/d alpha = -e: cross terms carry a minus
            lm = self.group_lm  # [G, M, Q]
            off_l = self.n_alpha + self.n_beta
            l_idx = off_l + np.arange(self.n_lam)
            h[np.ix_(l_idx, l_idx)] += np.einsum("gmr,gnr->mn",
                                                 np.einsum("gmq,gqr->gmr", lm, s0), lm)
            al = np.zeros((nb, q, self.n_lam))
            np.add.at(al, gb, np.einsum("gqr,gmr->gqm", s1, lm))
            a_all = np.arange(self.n_alpha)
            h[np.ix_(a_all, l_idx)] -= al.reshape(self.n_alpha, self.n_lam)
            h[np.ix_(l_idx, a_all)] -= al.reshape(self.n_alpha, self.n_lam).T
            cl = np.zeros((nc, q, self.n_lam))
            np.add.at(cl, gc, np.einsum("gqr,gmr->gqm", s0, lm))
            cells = self.beta_cells
            if len(cells):
                rows = cl[cells[:, 0], cells[:, 1]]  # [n_beta, M]
                b_idx = self.n_alpha + np.arange(self.n_beta)
                h[np.ix_(b_idx, l_idx)] -= rows
                h[np.ix_(l_idx, b_idx)] -= rows.T
        return h / tau

    # ----------------------------------------------------------------- the method
    def minimise(
        self,
        *,
        tau_start: float,
        tau_end: float,
        stages: int = 8,
        newton_steps: int = 6,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> np.ndarray:
        """Path-following projected Newton; returns the softmax plan at the last tau."""
        taus = np.geomspace(tau_start, tau_end, stages)
        pi = np.zeros_like(self.res.value)
        # the exact D at the iterates is not monotone at small tau: keep the best multipliers
        best_y, best_d = self.y.copy(), self.value()
        self.last_stage_drop = 0.0
        try:
            for tau in taus:
                stage_began = None
                for _ in range(newton_steps):
                    val, pi, g = self.smoothed(self.y, float(tau))
                    stage_began = val if stage_began is None else stage_began
                    if should_stop():
                        return pi
                    moved = self._newton_step(val, g, pi, float(tau))
                    d = self.value()
                    if d < best_d:
                        best_y, best_d = self.y.copy(), d
                    if not moved:
                        break
            if stage_began is not None:
                ended = self.smoothed_value(self.y, float(taus[-1]))
                self.last_stage_drop = (stage_began - ended) / max(abs(stage_began), 1.0)
        finally:
            self.y = best_y
        return pi

    def stalled(self) -> bool:
        """The last :meth:`minimise` had not converged: its last stage still lowered the
        smoothed function by more than STALL_DROP (relative). Tight 28,000 s1 with eight
        stages of three steps: 6.9e-4, the path stalled with the target's price at 782 where
        the LP's is 4,385; the other tight instances 7e-6 to 7e-5 (solve.PATH_SHAPE)."""
        return self.last_stage_drop > STALL_DROP

    def _newton_step(self, val: float, g: np.ndarray, pi: np.ndarray, tau: float) -> bool:
        found = self._longest_step(val, g, self._newton_direction(g, pi, tau), tau)
        if found is None:
            return False
        self.y, new_val = found
        return abs(val - new_val) > 1e-10 * max(1.0, abs(val))

    def _newton_direction(self, g: np.ndarray, pi: np.ndarray, tau: float) -> np.ndarray:
        """The projected Newton direction of D_tau at y (gradient g, softmax weights pi):
        zero on the multipliers at 0 whose gradient pushes them below it."""
        y = self.y
        free = ~((y <= 0.0) & (g > 0.0))
        direction = np.zeros_like(y)
        if not free.any():
            return direction
        h = self._hessian(pi, tau)[np.ix_(free, free)]
        ridge = 1e-9 * max(1.0, float(np.max(np.abs(np.diag(h)))))
        h[np.diag_indices_from(h)] += ridge
        try:
            direction[free] = np.linalg.solve(h, -g[free])
        except np.linalg.LinAlgError:
            direction[free] = -g[free] / np.maximum(np.diag(h), ridge)
        return direction

    def _longest_step(self, val: float, g: np.ndarray, direction: np.ndarray,
                      tau: float) -> tuple[np.ndarray, float] | None:
        """The multipliers at the longest step 2^-k (k < HALVINGS) along ``direction``,
        projected onto y >= 0, that lowers D_tau below ``val``, and D_tau there; None if
        no step does.

        Halving from 1 takes k + 1 evaluations of D_tau, and on tight 28,000 s1 the steps
        at the small taus need k = 12-22. The steps that lower a convex function form an
        interval from 0 (along the projected path very nearly: 5 of the 6 tight instances
        end their path at the same bound as by halving from 1, tight 3,000 s2 at a bound
        0.03% higher), so the search starts next to the last step's k and walks from there:
        tight 28,000 s1's path takes 145 evaluations instead of 234, 2.6 s instead of 3.2 s."""
        y = self.y
        tried: dict[int, tuple[np.ndarray, float] | None] = {}

        def lowers(k: int) -> bool:
            if k not in tried:
                t = 0.5 ** k
                cand = np.maximum(y + t * direction, 0.0)
                new_val = self.smoothed_value(cand, tau)
                ok = (new_val <= val - 1e-4 * t * abs(float(np.dot(g, cand - y)))
                      or new_val < val)
                tried[k] = (cand, new_val) if ok else None
            return tried[k] is not None

        if not direction.any():
            return None
        k = max(self._last_halvings - 1, 0)
        if lowers(k):
            while k > 0 and lowers(k - 1):
                k -= 1
        else:
            while k + 1 < HALVINGS and not lowers(k + 1):
                k += 1
            k += 1
            if k >= HALVINGS:
                return None
        self._last_halvings = k
        return tried[k]

    def smoothed_value(self, y: np.ndarray, tau: float) -> float:
        r = self.reduced(y) / tau
        top = np.maximum(np.max(r, axis=1), 0.0)
        z = np.exp(-top) + np.exp(r - top[:, None]).sum(axis=1)
        return (
            self.res.locked_value
            + float(np.sum(tau * (top + np.log(z))))
            + float(np.dot(self.rhs, y))
        )
