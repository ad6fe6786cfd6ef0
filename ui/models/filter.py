"""The filter bar's criteria, applied to the inventory as a plain list (no proxy model:
a Python proxy would call back into Python for each of 28,000 rows on every keystroke)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dx_planner.domain.enums import Authority, ProcedureType, Status
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter

UNPLANNED = "unplanned"  # planned-quarter filter: processes the plan leaves out


def _equals(field: str, wanted: object) -> Callable[[Process], bool]:
    return lambda p: bool(getattr(p, field) == wanted)


@dataclass(frozen=True, slots=True)
class InventoryFilter:
    text: str = ""
    bureau: str | None = None
    type: ProcedureType | None = None
    authority: Authority | None = None
    status: Status | None = None
    channel: str | None = None
    priority: bool | None = None
    planned: Quarter | str | None = None  # a quarter, UNPLANNED, or None for any
    min_volume: int | None = None  # at least this many applications a year

    @property
    def active(self) -> bool:
        return self != InventoryFilter()

    def _tests(self, planned: dict[str, Quarter]) -> list[Callable[[Process], bool]]:
        tests: list[Callable[[Process], bool]] = []
        needle = self.text.strip().lower()
        if needle:
            tests.append(lambda p: needle in p.name.lower() or needle in p.id.lower()
                         or needle in p.notes.lower())
        for field in ("bureau", "type", "authority", "status", "channel", "priority"):
            wanted = getattr(self, field)
            if wanted is not None:
                tests.append(_equals(field, wanted))
        if self.min_volume:
            threshold = self.min_volume
            tests.append(lambda p: p.annual_volume >= threshold)
        if self.planned == UNPLANNED:
            tests.append(lambda p: p.id not in planned)
        elif isinstance(self.planned, Quarter):
            quarter = self.planned
            tests.append(lambda p: planned.get(p.id) == quarter)
        return tests

    def apply(self, processes: Sequence[Process],
              planned: dict[str, Quarter]) -> list[Process]:
        tests = self._tests(planned)
        if not tests:
            return list(processes)
        return [p for p in processes if all(test(p) for test in tests)]
