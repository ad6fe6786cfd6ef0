"""The in-memory inventory: processes, bureaus with capacity, channels with limits."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from dx_planner.domain.enums import (
    DEFAULT_CHANNEL,
    Authority,
    NationalStatus,
    ProcedureType,
    Status,
)
from dx_planner.domain.quarters import Quarter


@dataclass(slots=True, kw_only=True)
class Process:
    """One administrative process (手続 / プロセス); built by keyword only.

    The fields' headers, kinds, limits and conversions are declared in
    :mod:`dx_planner.domain.fields`, in this order.
    """

    id: str
    name: str
    bureau: str
    type: ProcedureType = ProcedureType.OTHER
    authority: Authority = Authority.TOKYO
    national_status: NationalStatus | None = None
    national_ready: Quarter | None = None
    annual_volume: int = 0
    effort: float = 1.0
    status: Status = Status.NOT_STARTED
    digitized_quarter: Quarter | None = None
    channel: str = DEFAULT_CHANNEL
    priority: bool = False
    major: bool = False
    locked_quarter: Quarter | None = None
    notes: str = ""
    # Optimistic locking: the row version this copy was loaded at (0 = not yet stored).
    version: int = 0

    @property
    def in_scope(self) -> bool:
        return self.status is not Status.OUT_OF_SCOPE

    def digitized_before(self, quarter: Quarter) -> bool:
        """Online before ``quarter`` starts: counts as done, is not planned again."""
        return (self.status is Status.DIGITIZED and self.digitized_quarter is not None
                and self.digitized_quarter < quarter)

    @property
    def awaits_national_date(self) -> bool:
        """Needs the national government, which has not yet said when."""
        return (self.authority is Authority.NATIONAL
                and self.national_status is not NationalStatus.DATE_GIVEN)

    def same_content(self, other: Process) -> bool:
        """Equal in everything a user edits (ignores the version counter)."""
        return all(
            getattr(self, name) == getattr(other, name)
            for name in _CONTENT_FIELDS
        )


_CONTENT_FIELDS = tuple(f.name for f in fields(Process) if f.name != "version")


@dataclass(slots=True)
class Bureau:
    """A bureau (局) and the effort it can complete per quarter (person-months)."""

    name: str
    capacity: dict[Quarter, float] = field(default_factory=dict)


@dataclass(slots=True)
class Channel:
    """An application platform (申請基盤).

    ``available_from`` None means always available; a quarter missing from ``limits``
    means no limit on how many processes it can onboard then.
    """

    name: str
    available_from: Quarter | None = None
    limits: dict[Quarter, int] = field(default_factory=dict)


@dataclass(slots=True)
class Inventory:
    processes: list[Process] = field(default_factory=list)
    bureaus: list[Bureau] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)

    def bureau_names(self) -> list[str]:
        return [bureau.name for bureau in self.bureaus]

    def channel_by_name(self) -> dict[str, Channel]:
        return {channel.name: channel for channel in self.channels}

    def latest_digitized_quarter(self) -> Quarter | None:
        quarters = [p.digitized_quarter for p in self.processes
                    if p.status is Status.DIGITIZED and p.digitized_quarter is not None]
        return max(quarters) if quarters else None
