"""What-if assumptions that collide with the inventory's locks (固定四半期).

A lock that holds without the assumptions but not with them is the assumption's doing: a
channel start or a national date assumed after the locked quarter, or a capacity scaled below
what the bureau's locked processes need. The planner is told which assumption it is and which
locks it hits, instead of the solver's "process … is locked …" that never mentions it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.assumptions import NO_ASSUMPTIONS, Assumptions
from dx_planner.planning.eligibility import earliest_quarter
from dx_planner.planning.errors import PlanningInputError
from solver.problem import REASON_CHANNEL

NAMED = 3  # locked processes named in the message; the others are counted
_SLACK = 1e-9  # as the solver's own lock check


@dataclass
class _Collision:
    """One assumption and the locks it breaks."""

    setting: str  # settings.assumptions.…
    option: str  # the same as a command-line option
    why: str  # what it does to the locks
    locks: list[tuple[str, Quarter]] = field(default_factory=list)  # (process ID, lock)

    def message(self) -> str:
        named = ", ".join(f"{pid} ({lock.code})" for pid, lock in self.locks[:NAMED])
        more = len(self.locks) - NAMED
        return (f"{self.setting} ({self.option}) collides with {len(self.locks):,} locked "
                f"process{'es' if len(self.locks) > 1 else ''} (固定四半期): {self.why}: {named}"
                + (f" and {more:,} more" if more > 0 else "")
                + "; change the assumption or the locks")


def check_assumption_locks(assumptions: Assumptions, inventory: Inventory,
                           planned: list[Process], locked: list[int], start: Quarter,
                           channel_from: dict[str, Quarter | None], capacity: np.ndarray,
                           bureau_index: dict[str, int]) -> None:
    """Raise PlanningInputError naming the first assumption that breaks a lock (and how many
    others do). ``locked``: problem quarter indices (-1: none); ``channel_from``: the channel
    starts with the assumptions; ``capacity``: bureau × quarter as the problem has it (scaled,
    plus the actuals' effort)."""
    if assumptions.is_empty:
        return
    rows = [i for i, p in enumerate(planned)
            if locked[i] >= 0 and p.status is not Status.DIGITIZED]  # actuals stay anyway
    collisions: dict[str, _Collision] = {}
    _eligibility(assumptions, inventory, planned, locked, rows, start, channel_from,
                 collisions)
    _capacity(assumptions, inventory, planned, locked, rows, start, capacity, bureau_index,
              collisions)
    if not collisions:
        return
    first, *others = collisions.values()
    also = f" (also: {', '.join(c.setting for c in others)})" if others else ""
    raise PlanningInputError(first.message() + also)


def _eligibility(assumptions: Assumptions, inventory: Inventory, planned: list[Process],
                 locked: list[int], rows: list[int], start: Quarter,
                 channel_from: dict[str, Quarter | None],
                 collisions: dict[str, _Collision]) -> None:
    """Locks before the quarter an assumed channel start or national date allows, which the
    stated dates allow."""
    stated = {c.name: c.available_from for c in inventory.channels}
    for i in rows:
        process, lock = planned[i], start + locked[i]
        assumed, reason = earliest_quarter(process, start, channel_from, assumptions)
        if assumed is None or assumed <= lock:
            continue
        without, _ = earliest_quarter(process, start, stated, NO_ASSUMPTIONS)
        if without is None or without > lock:
            continue  # not eligible there anyway: the solver's message says why
        if reason == REASON_CHANNEL:
            name = process.channel
            collision = collisions.setdefault(f"channel_from.{name}", _Collision(
                f"settings.assumptions.channel_from.{name}",
                f"--channel-from {name}={assumed.code}",
                f"they are locked before {assumed.code}, when the channel would start"))
        else:
            key = assumptions.national_key(process)
            collision = collisions.setdefault(f"national_ready.{key}", _Collision(
                f"settings.assumptions.national_ready.{key}",
                f"--assume-national {key}={assumed.code}",
                f"they are locked before {assumed.code}, the assumed national date"))
        collision.locks.append((process.id, lock))


def _capacity(assumptions: Assumptions, inventory: Inventory, planned: list[Process],
              locked: list[int], rows: list[int], start: Quarter, capacity: np.ndarray,
              bureau_index: dict[str, int], collisions: dict[str, _Collision]) -> None:
    """Bureau-quarters whose locked processes fit the stated capacity but not the scaled one."""
    stated = {b.name: b.capacity for b in inventory.bureaus}
    for name, factor in assumptions.capacity_scale:
        if name not in bureau_index:
            continue
        b = bureau_index[name]
        need: dict[int, float] = {}
        members: dict[int, list[int]] = {}
        for i in rows:
            if planned[i].bureau == name:
                need[locked[i]] = need.get(locked[i], 0.0) + planned[i].effort
                members.setdefault(locked[i], []).append(i)
        over = []
        for q, effort in sorted(need.items()):
            scaled = float(capacity[b, q])
            unscaled = scaled + stated.get(name, {}).get(start + q, 0.0) * (1.0 - factor)
            if effort > scaled + _SLACK and effort <= unscaled + _SLACK:
                over.append((q, effort, scaled))
        if not over:
            continue
        q, effort, scaled = over[0]
        where = (f"in {(start + q).code} its locked processes need {effort:,.2f} person-months"
                 f", the scaled capacity is {scaled:,.2f}")
        if len(over) > 1:
            where += f" (and {len(over) - 1} more quarter{'s' if len(over) > 2 else ''})"
        collision = _Collision(f"settings.assumptions.capacity_scale.{name}",
                               f"--capacity-scale {name}={factor:g}", where)
        collision.locks = [(planned[i].id, start + q) for q, _, _ in over for i in members[q]]
        collisions[f"capacity_scale.{name}"] = collision
