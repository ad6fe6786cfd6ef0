"""What-if assumptions (planning-model.md §6): they change the problem of one scenario only;
the inventory is never touched.

- ``national_ready``: an assumed national date for every 国 process of a national status
  (key: 未検討 / 検討中 / 時期提示) or for one 国 process (key: its ID; wins over its status);
- ``capacity_scale``: a bureau's capacity multiplied by a factor in every quarter;
- ``channel_from``: a channel's start (利用開始) moved (None: always available).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dx_planner.domain.enums import Authority, NationalStatus
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.errors import PlanningInputError

# A bureau's capacity scaled more than a thousandfold is a typo, not a what-if (and inf or
# 1e308 would make the capacity itself infinite).
MAX_CAPACITY_SCALE = 1000.0


@dataclass(frozen=True, slots=True)
class Assumptions:
    national_ready: tuple[tuple[str, Quarter], ...] = ()  # status label or process ID
    capacity_scale: tuple[tuple[str, float], ...] = ()  # bureau → factor
    channel_from: tuple[tuple[str, Quarter | None], ...] = ()  # channel → start

    @property
    def is_empty(self) -> bool:
        return not (self.national_ready or self.capacity_scale or self.channel_from)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.national_ready:
            out["national_ready"] = {key: q.code for key, q in self.national_ready}
        if self.capacity_scale:
            out["capacity_scale"] = dict(self.capacity_scale)
        if self.channel_from:
            out["channel_from"] = {name: q.code if q else None for name, q in self.channel_from}
        return out

    def overridden_by(self, other: Assumptions) -> Assumptions:
        """These assumptions with ``other``'s keys replacing the same keys."""
        def merge(mine: tuple[tuple[str, Any], ...],
                  theirs: tuple[tuple[str, Any], ...]) -> tuple[tuple[str, Any], ...]:
            return tuple((dict(mine) | dict(theirs)).items())

        return Assumptions(merge(self.national_ready, other.national_ready),
                           merge(self.capacity_scale, other.capacity_scale),
                           merge(self.channel_from, other.channel_from))

    def check(self, inventory: Inventory) -> None:
        """Every key names something in the inventory (a typo is an error, not a no-op)."""
        ids = {p.id: p for p in inventory.processes}
        statuses = {s.ja for s in NationalStatus}
        for key, _ in self.national_ready:
            if key in statuses:
                continue
            process = ids.get(key)
            if process is None:
                raise PlanningInputError(
                    f"settings.assumptions.national_ready: '{key}' is neither a national status "
                    f"({' / '.join(sorted(statuses))}) nor a process ID")
            if process.authority is not Authority.NATIONAL:
                raise PlanningInputError(
                    f"settings.assumptions.national_ready: process {key} is not a 国 process")
        bureaus = set(inventory.bureau_names()) | {p.bureau for p in inventory.processes}
        for name, factor in self.capacity_scale:
            if name not in bureaus:
                raise PlanningInputError(
                    f"settings.assumptions.capacity_scale: unknown bureau '{name}'")
            if not 0 <= factor <= MAX_CAPACITY_SCALE:  # also refuses NaN and inf
                raise PlanningInputError(
                    f"settings.assumptions.capacity_scale.{name}: {factor:g} must be from 0 to "
                    f"{MAX_CAPACITY_SCALE:,.0f}")
        channels = {c.name for c in inventory.channels} | {p.channel for p in inventory.processes}
        for name, _ in self.channel_from:
            if name not in channels:
                raise PlanningInputError(
                    f"settings.assumptions.channel_from: unknown channel '{name}'")

    def national_key(self, process: Process) -> str | None:
        """The key of ``national_ready`` that dates ``process`` (its ID, else its status;
        None: none)."""
        by_key = dict(self.national_ready)
        if process.id in by_key:
            return process.id
        status = (process.national_status or NationalStatus.NOT_CONSIDERED).ja
        return status if status in by_key else None

    def national_date(self, process: Process) -> Quarter | None:
        """The assumed national date of a 国 process (None: none assumed)."""
        key = self.national_key(process)
        return None if key is None else dict(self.national_ready)[key]

    def scale(self, bureau: str) -> float:
        return dict(self.capacity_scale).get(bureau, 1.0)

    def channel_start(self, channel: str, stated: Quarter | None) -> Quarter | None:
        return dict(self.channel_from).get(channel, stated)

    def moves_channel(self, channel: str) -> bool:
        return channel in dict(self.channel_from)


NO_ASSUMPTIONS = Assumptions()


def status_key(text: str) -> str:
    """A national status given by label or English name as its label; anything else (a
    process ID) as it is."""
    try:
        return NationalStatus.parse(text).ja
    except ValueError:
        return text.strip()
