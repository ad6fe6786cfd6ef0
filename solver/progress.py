"""Progress reporting and cancellation, Orange3-style: a small object the caller passes in."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """What ``solve`` reports to and asks of its caller (e.g. a GUI worker adapter)."""

    def report(
        self, phase: str, objective: float | None, bound: float | None, elapsed: float
    ) -> None: ...

    def is_cancelled(self) -> bool: ...


class NullProgress:
    """Reports nowhere and never cancels."""

    def report(
        self, phase: str, objective: float | None, bound: float | None, elapsed: float
    ) -> None:
        return None

    def is_cancelled(self) -> bool:
        return False
