"""Which inventory a stored plan is read against: the one place that decides it.

A stored plan (scenario) is read as it was solved: its assignments, reasons and stored figures
are what every report counts (the plan workbook's 概要, 四半期計画, bureau sheets, ``export-plan``'s
line). The current inventory only supplies what a plan does not store (names, bureaus, efforts,
volumes of the processes shown). When the inventory has changed since the solve, the reports
say so — they never silently count a mixture.

To tell, a plan carries ``SolvedOn``: a fingerprint of each process's plan-relevant fields
(everything the problem reads; not names, notes or versions) and of the bureaus' capacity and
the channels, taken when it was solved and stored with the scenario. Plans stored before it
have none: then only what their assignments reveal is found (processes removed, now 対象外 or
digitized, new ones), marked as not exact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dx_planner.domain.inventory import Inventory, Process

if TYPE_CHECKING:
    from dx_planner.planning.result import PlanResult

#: The process fields a plan depends on (the problem, requirements' scopes, what-if keys).
PLAN_FIELDS = ("bureau", "type", "authority", "national_status", "national_ready",
               "annual_volume", "effort", "status", "digitized_quarter", "channel",
               "priority", "major", "locked_quarter")


def _digest(values: Iterable[object]) -> str:
    return hashlib.blake2b(repr(tuple(values)).encode(), digest_size=5).hexdigest()


def process_fingerprint(process: Process) -> str:
    return _digest(getattr(process, name) for name in PLAN_FIELDS)


def _capacity_fingerprint(inventory: Inventory) -> str:
    return _digest(sorted((b.name, q.code, e) for b in inventory.bureaus
                          for q, e in b.capacity.items()))


def _channels_fingerprint(inventory: Inventory) -> str:
    return _digest(sorted((c.name, c.available_from.code if c.available_from else "",
                           tuple(sorted((q.code, n) for q, n in c.limits.items())))
                          for c in inventory.channels))


@dataclass(frozen=True, slots=True)
class SolvedOn:
    """Fingerprints of the inventory a plan was solved on."""

    processes: dict[str, str]  # process id → process_fingerprint
    capacity: str
    channels: str

    @classmethod
    def of(cls, inventory: Inventory) -> SolvedOn:
        return cls({p.id: process_fingerprint(p) for p in inventory.processes},
                   _capacity_fingerprint(inventory), _channels_fingerprint(inventory))

    def to_json(self) -> dict[str, Any]:
        return {"processes": self.processes, "capacity": self.capacity,
                "channels": self.channels}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SolvedOn:
        return cls(dict(data["processes"]), data["capacity"], data["channels"])


@dataclass(frozen=True, slots=True)
class InventoryDrift:
    """How the current inventory differs from the one a plan was solved on."""

    changed: tuple[str, ...]  # plan-relevant fields differ
    removed: tuple[str, ...]  # no longer in the inventory
    added: tuple[str, ...]  # not in the inventory the plan was solved on
    capacity_changed: bool = False
    channels_changed: bool = False
    exact: bool = True  # False: a plan stored without fingerprints (only visible changes)

    @property
    def processes(self) -> int:
        return len(self.changed) + len(self.removed) + len(self.added)

    @property
    def any(self) -> bool:
        return bool(self.processes or self.capacity_changed or self.channels_changed)

    def summary(self) -> str:
        """What differs, e.g. "12 processes differ (10 changed, 1 removed, 1 added)"."""
        parts = []
        if self.processes:
            kinds = ", ".join(f"{len(ids):,} {word}" for ids, word in (
                (self.changed, "changed"), (self.removed, "removed"), (self.added, "added"))
                if ids)
            many = self.processes != 1
            parts.append(f"{'at least ' if not self.exact else ''}{self.processes:,} "
                         f"{'processes differ' if many else 'process differs'} ({kinds})")
        if self.capacity_changed:
            parts.append("bureau capacity changed")
        if self.channels_changed:
            parts.append("channels changed")
        return "; ".join(parts)

    def line(self, scenario: str) -> str:
        """One line for the command line."""
        return (f"the inventory changed since plan '{scenario}' was solved: {self.summary()}; "
                "its figures are the plan as solved: re-solve for a current plan")

    def note(self) -> str:
        """The same, in Japanese, for the plan workbook's 概要."""
        parts = []
        if self.processes:
            kinds = "、".join(f"{word} {len(ids):,}件" for ids, word in (
                (self.changed, "変更"), (self.removed, "削除"), (self.added, "追加")) if ids)
            parts.append(f"手続 {self.processes:,}件{'以上' if not self.exact else ''}が"
                         f"異なります（{kinds}）")
        if self.capacity_changed:
            parts.append("局別処理能力が変わりました")
        if self.channels_changed:
            parts.append("申請基盤が変わりました")
        return ("注意: この計画を解いた後に手続一覧が変更されています — " + "、".join(parts)
                + "。件数・工数の集計は解いたときの計画のとおりです（手続の名称・所管局・工数・"
                "申請件数は現在の値）。最新の手続一覧で計画するには再計算してください。")


def inventory_drift(result: PlanResult, inventory: Inventory) -> InventoryDrift:
    """How ``inventory`` differs from the one ``result`` was solved on."""
    solved_on = result.solved_on
    if solved_on is None:
        return _visible_drift(result, inventory)
    current = {p.id: p for p in inventory.processes}
    stored = solved_on.processes
    return InventoryDrift(
        changed=tuple(pid for pid, p in current.items()
                      if pid in stored and stored[pid] != process_fingerprint(p)),
        removed=tuple(pid for pid in stored if pid not in current),
        added=tuple(pid for pid in current if pid not in stored),
        capacity_changed=solved_on.capacity != _capacity_fingerprint(inventory),
        channels_changed=solved_on.channels != _channels_fingerprint(inventory),
    )


def _visible_drift(result: PlanResult, inventory: Inventory) -> InventoryDrift:
    """A plan without fingerprints: processes it covers that are gone, now 対象外 or
    digitized before its start, and processes to plan today that it does not cover."""
    start = result.settings.start
    current = {p.id: p for p in inventory.processes}
    covered = result.reasons.keys() | result.assignments.keys()
    changed = tuple(pid for pid in covered if pid in current
                    and (not current[pid].in_scope or current[pid].digitized_before(start)))
    added = tuple(pid for pid, p in current.items() if pid not in covered
                  and p.in_scope and not p.digitized_before(start))
    removed = tuple(pid for pid in covered if pid not in current)
    return InventoryDrift(changed, removed, added, exact=False)
