"""What changed between two plans: processes moved to another quarter, added or dropped."""

from __future__ import annotations

from dataclasses import dataclass

from dx_planner.domain.enums import LabelledEnum
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult


class ChangeKind(LabelledEnum):
    EARLIER = ("earlier", "前倒し")
    LATER = ("later", "後ろ倒し")
    ADDED = ("added", "追加")
    DROPPED = ("dropped", "削除")


@dataclass(frozen=True, slots=True)
class PlanChange:
    process_id: str
    process: Process | None  # None when the inventory no longer has the process
    kind: ChangeKind
    before: Quarter | None
    after: Quarter | None

    @property
    def shift(self) -> int | None:
        """Quarters moved (negative = earlier); None for added and dropped processes."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def _kind(before: Quarter | None, after: Quarter | None) -> ChangeKind | None:
    if before == after:
        return None
    if before is None:
        return ChangeKind.ADDED
    if after is None:
        return ChangeKind.DROPPED
    return ChangeKind.EARLIER if after < before else ChangeKind.LATER


def compare_plans(current: PlanResult, previous: PlanResult,
                  processes: dict[str, Process]) -> list[PlanChange]:
    """Every process whose planned quarter differs, in inventory order of bureaus, then by
    kind of change, then in inventory order."""
    changes: list[PlanChange] = []
    for pid in current.assignments.keys() | previous.assignments.keys():
        before, after = previous.assignments.get(pid), current.assignments.get(pid)
        kind = _kind(before, after)
        if kind is not None:
            changes.append(PlanChange(pid, processes.get(pid), kind, before, after))
    kinds = {kind: index for index, kind in enumerate(ChangeKind)}
    position = {pid: index for index, pid in enumerate(processes)}
    bureaus: dict[str, int] = {}
    for process in processes.values():
        bureaus.setdefault(process.bureau, len(bureaus))

    def key(change: PlanChange) -> tuple[int, int, int, str]:
        bureau = bureaus[change.process.bureau] if change.process else len(bureaus)
        return (bureau, kinds[change.kind], position.get(change.process_id, len(position)),
                change.process_id)

    changes.sort(key=key)
    return changes
