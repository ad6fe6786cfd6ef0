"""The solver's progress reports as a Qt signal, for the optimize run's live figures."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True, slots=True)
class SolverUpdate:
    phase: str
    objective: float | None
    bound: float | None
    elapsed: float

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None or not self.bound:
            return None
        if not (math.isfinite(self.objective) and math.isfinite(self.bound)):
            return None
        return max(0.0, (self.bound - self.objective) / abs(self.bound))


class SolverProgress(QObject):
    """Adapts ``solver.progress.Progress`` (report / is_cancelled) to a Qt signal.

    Reports are thinned to one every ``interval`` seconds (phase changes always pass) so a
    chatty solver cannot flood the GUI's event queue.
    """

    updated = Signal(object)  # SolverUpdate

    def __init__(self, cancelled: Callable[[], bool], interval: float = 0.1,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = cancelled
        self._interval = interval
        self._last = 0.0
        self._phase = ""

    def report(self, phase: str, objective: float | None = None, bound: float | None = None,
               elapsed: float = 0.0) -> None:
        now = time.monotonic()
        if phase == self._phase and now - self._last < self._interval:
            return
        self._phase, self._last = phase, now
        self.updated.emit(SolverUpdate(phase, objective, bound, elapsed))

    def is_cancelled(self) -> bool:
        return self._cancelled()
