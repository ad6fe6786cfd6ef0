"""A solve's progress reports, recorded for the tests (solver/progress.py)."""

from __future__ import annotations

from solver.progress import NullProgress


class Reports(NullProgress):
    """Each report's phase and objective, and its bound, in order; never cancels."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, float | None]] = []
        self.bounds: list[float | None] = []  # each report's, as ``seen``

    def report(self, phase: str, objective: float | None, bound: float | None,
               elapsed: float) -> None:
        self.seen.append((phase, objective))
        self.bounds.append(bound)

    @property
    def phases(self) -> list[str]:
        return [phase for phase, _ in self.seen]

    def first(self, phase: str) -> float | None:
        """The objective the phase first reported (None if it never reported)."""
        return next((objective for seen, objective in self.seen if seen == phase), None)
