"""Requirements over a scope (planning-model.md §6): processes of a bureau, a segment, …

A requirement asks that at least ``count`` (or ``share`` of those in scope) of the in-scope
processes matching its scope are digitized by the end of a quarter. The target and the
milestones are requirements over every process; ``bureau_target`` R adds one per bureau.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from dx_planner.domain.enums import Authority, ProcedureType
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter

#: The scope keys of planning-model.md §6, in their order there.
SCOPE_KEYS = ("bureau", "type", "authority", "priority", "major", "channel", "min_volume")

#: Kinds of requirement, as the plan file names them.
TARGET = "target"
MILESTONE = "milestone"
REQUIREMENT = "requirement"
BUREAU_TARGET = "bureau_target"


@dataclass(frozen=True, slots=True)
class Scope:
    """Which processes a requirement counts: all given keys must match (none: every one)."""

    bureau: str | None = None
    type: ProcedureType | None = None
    authority: Authority | None = None
    priority: bool | None = None
    major: bool | None = None
    channel: str | None = None
    min_volume: int | None = None

    def matches(self, process: Process) -> bool:
        return ((self.bureau is None or process.bureau == self.bureau)
                and (self.type is None or process.type is self.type)
                and (self.authority is None or process.authority is self.authority)
                and (self.priority is None or process.priority == self.priority)
                and (self.major is None or process.major == self.major)
                and (self.channel is None or process.channel == self.channel)
                and (self.min_volume is None or process.annual_volume >= self.min_volume))

    @property
    def is_everything(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def to_json(self) -> dict[str, Any]:
        """The given keys only; enumerations by their Japanese label (as in the contract)."""
        out: dict[str, Any] = {}
        for key in SCOPE_KEYS:
            value = getattr(self, key)
            if value is None:
                continue
            out[key] = value.ja if isinstance(value, ProcedureType | Authority) else value
        return out

    def describe(self) -> str:
        """``authority=都, min_volume=10000`` (or ``all`` for every process)."""
        if self.is_everything:
            return "all"
        return ", ".join(f"{key}={_text(value)}" for key, value in self.to_json().items())


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True, slots=True)
class RequirementSpec:
    """A requirement as the user states it: ``share`` or ``count``, by the end of ``quarter``
    (None: the deadline)."""

    scope: Scope
    quarter: Quarter | None = None
    share: float | None = None
    count: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"scope": self.scope.to_json()}
        if self.share is not None:
            out["share"] = self.share
        if self.count is not None:
            out["count"] = self.count
        if self.quarter is not None:
            out["quarter"] = self.quarter.code
        return out


@dataclass(frozen=True, slots=True)
class ResolvedRequirement:
    """A requirement against an inventory: ``needed`` of the ``in_scope`` processes matching
    ``scope`` digitized by the end of ``quarter``."""

    kind: str  # TARGET, MILESTONE, REQUIREMENT or BUREAU_TARGET
    scope: Scope
    quarter: Quarter
    needed: int
    in_scope: int
    share: float | None = None

    def key_json(self) -> dict[str, Any]:
        """What names it: kind, scope and quarter."""
        return {"kind": self.kind, "scope": self.scope.to_json(), "quarter": self.quarter.code}

    def to_json(self) -> dict[str, Any]:
        out = self.key_json()
        if self.share is not None:
            out["share"] = self.share
        return out | {"needed": self.needed, "in_scope": self.in_scope}

    def describe(self) -> str:
        amount = f"{self.share:.0%}" if self.share is not None else f"{self.needed:,}"
        return f"{self.kind} {self.scope.describe()}: {amount} by {self.quarter.code}"
