"""The dual multipliers of a solve, by name, so that another solve can start from them.

A solve's multipliers live in the index space of its residual problem (bureau x quarter,
limited channel cells, needs). After an edit the indices may shift (a process or bureau
added, a channel limit removed, the start quarter moved), so prices are kept by bureau,
channel and quarter label and by requirement key, and mapped onto the new problem's dual.
Cells without a multiplier start at 0. Any non-negative multipliers give a valid bound
(dual.py), so a stale price can only cost tightness, never correctness.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from solver.dual import Dual


@dataclass(frozen=True)
class Multipliers:
    """alpha per (bureau, quarter label), beta per (channel, quarter label), lambda per
    requirement key (``Requirement.key``); only non-zero prices are kept."""

    alpha: dict[tuple[str, str], float] = field(default_factory=dict)
    beta: dict[tuple[str, str], float] = field(default_factory=dict)
    lam: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, dual: Dual) -> Multipliers:
        p = dual.res.problem
        labels = p.quarter_labels
        alpha = {
            (p.bureau_names[b], labels[q]): float(v)
            for (b, q), v in np.ndenumerate(dual.alpha) if v > 0
        }
        beta_y = dual.y[dual.n_alpha : dual.n_alpha + dual.n_beta]
        beta = {
            (p.channel_names[int(c)], labels[int(q)]): float(v)
            for (c, q), v in zip(dual.beta_cells, beta_y, strict=True) if v > 0
        }
        keys = [r.key for r in p.all_requirements()]
        lam = {keys[n.index]: float(v) for n, v in zip(dual.res.needs, dual.lam, strict=True)
               if v > 0}
        return cls(alpha, beta, lam)

    def start(self, dual: Dual) -> np.ndarray:
        """Multipliers for ``dual`` (of another problem) from these prices, 0 where unknown."""
        p = dual.res.problem
        labels = p.quarter_labels
        y = np.zeros_like(dual.y)
        b_index = {name: b for b, name in enumerate(p.bureau_names)}
        q_index = {label: q for q, label in enumerate(labels)}
        for (bureau, quarter), v in self.alpha.items():
            b, q = b_index.get(bureau), q_index.get(quarter)
            if b is not None and q is not None:
                y[b * dual.q + q] = v
        for k, (c, q) in enumerate(dual.beta_cells):
            y[dual.n_alpha + k] = self.beta.get((p.channel_names[int(c)], labels[int(q)]), 0.0)
        keys = [r.key for r in p.all_requirements()]
        off = dual.n_alpha + dual.n_beta
        for m, need in enumerate(dual.res.needs):
            y[off + m] = self.lam.get(keys[need.index], 0.0)
        return y
