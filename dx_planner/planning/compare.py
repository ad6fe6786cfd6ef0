"""Two plans side by side (planning-model.md §6, ``dx-planner compare A B``): their settings,
key figures, completions by bureau and quarter, and the processes moved, added or dropped.

B is compared with A: differences are B − A; a change "earlier" means B plans it earlier.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from dx_planner.domain.enums import LabelledEnum
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult

#: The bureau of a process that is no longer in the inventory.
NOT_IN_INVENTORY = "（手続一覧にない）"


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

    @property
    def bureau(self) -> str:
        return self.process.bureau if self.process is not None else NOT_IN_INVENTORY


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


@dataclass(frozen=True, slots=True)
class Figure:
    """One key figure of both plans (None where a plan has none)."""

    key: str
    a: float | int | str | None
    b: float | int | str | None

    @property
    def difference(self) -> float | None:
        if isinstance(self.a, int | float) and isinstance(self.b, int | float):
            return self.b - self.a
        return None


@dataclass(frozen=True, slots=True)
class Comparison:
    a_name: str
    b_name: str
    a: PlanResult
    b: PlanResult
    settings: list[tuple[str, Any, Any]]  # every settings key: (key, A's value, B's value)
    figures: list[Figure]
    bureaus: list[str]
    quarters: list[Quarter]
    counts_a: Counter[tuple[str, Quarter]]  # planned completions by (bureau, quarter)
    counts_b: Counter[tuple[str, Quarter]]
    changes: list[PlanChange]

    @property
    def settings_differ(self) -> list[tuple[str, Any, Any]]:
        return [(key, a, b) for key, a, b in self.settings if a != b]

    def change_counts(self) -> Counter[ChangeKind]:
        return Counter(change.kind for change in self.changes)


def compare_scenarios(a_name: str, a: PlanResult, b_name: str, b: PlanResult,
                      processes: list[Process]) -> Comparison:
    by_id = {p.id: p for p in processes}
    settings_a, settings_b = a.settings.to_json(), b.settings.to_json()
    keys = list(dict.fromkeys([*settings_a, *settings_b]))
    quarters = sorted({q for plan in (a, b) for q, _ in plan.cumulative})
    counts_a, counts_b = _counts(a, by_id), _counts(b, by_id)
    bureaus = list(dict.fromkeys([p.bureau for p in processes]
                                 + [bureau for bureau, _ in counts_a | counts_b]))
    return Comparison(
        a_name, b_name, a, b,
        [(key, settings_a.get(key), settings_b.get(key)) for key in keys],
        _figures(a, b), [name for name in bureaus
                         if any(counts_a[name, q] or counts_b[name, q] for q in quarters)],
        quarters, counts_a, counts_b, compare_plans(b, a, by_id))


def _counts(plan: PlanResult, by_id: dict[str, Process]) -> Counter[tuple[str, Quarter]]:
    out: Counter[tuple[str, Quarter]] = Counter()
    for pid, quarter in plan.assignments.items():
        process = by_id.get(pid)
        out[process.bureau if process else NOT_IN_INVENTORY, quarter] += 1
    return out


def _figures(a: PlanResult, b: PlanResult) -> list[Figure]:
    def met(plan: PlanResult) -> str:
        return f"{sum(r.met for r in plan.requirements)} / {len(plan.requirements)}"

    out = [
        Figure("status", a.status, b.status),
        Figure("objective", a.objective, b.objective),
        Figure("bound", a.bound, b.bound),
        Figure("gap", a.gap, b.gap),
        Figure("digitized_by_deadline", a.digitized_by_deadline, b.digitized_by_deadline),
        Figure("share_by_deadline", a.share_by_deadline, b.share_by_deadline),
        Figure("target_count", a.settings.target_count, b.settings.target_count),
        Figure("in_scope", a.settings.in_scope, b.settings.in_scope),
        Figure("planned", len(a.assignments), len(b.assignments)),
        Figure("requirements_met", met(a) if a.requirements else None,
               met(b) if b.requirements else None),
        Figure("solve_seconds", a.solve_seconds, b.solve_seconds),
    ]
    if a.changes is not None or b.changes is not None:
        out += [
            Figure("applications", a.changes.applications if a.changes else a.objective,
                   b.changes.applications if b.changes else b.objective),
            Figure("move_penalty", a.changes.move_penalty if a.changes else 0.0,
                   b.changes.move_penalty if b.changes else 0.0),
            Figure("price_of_stability", a.changes.price_of_stability if a.changes else None,
                   b.changes.price_of_stability if b.changes else None),
        ]
    return out
