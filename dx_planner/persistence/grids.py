"""Capacity and channel grids edited in the app: apply only the cells the user changed, onto
what is stored now — and refuse when someone else changed one of those cells meanwhile.

Grid cells carry no version; the user's copy as loaded (``base``) plays its part: a cell the
user changed must still hold its loaded value in the database (or already the user's value).
Cells the user did not touch keep whatever is stored, so another user's change stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dx_planner.domain.inventory import Bureau, Channel
from dx_planner.domain.quarters import Quarter

AVAILABLE = "利用開始"  # the channel's own cell in a conflict message


class GridConflict(Exception):
    """Grid cells someone else changed since they were loaded; ``cells`` names them as
    ``(sheet key, column)``, e.g. ``("福祉保健局", "FY2022Q1")``."""

    def __init__(self, cells: Sequence[tuple[str, str]]) -> None:
        self.cells = list(cells)
        super().__init__(", ".join(f"{row} {column}" for row, column in self.cells))


def _cells(rows: Sequence[Bureau] | Sequence[Channel]) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    for row in rows:
        grid = row.capacity if isinstance(row, Bureau) else row.limits
        for quarter, value in grid.items():
            found[row.name, quarter.code] = value
        if isinstance(row, Channel):
            found[row.name, AVAILABLE] = row.available_from
    return found


def _changes(stored: Sequence[Bureau] | Sequence[Channel],
             base: Sequence[Bureau] | Sequence[Channel],
             wanted: Sequence[Bureau] | Sequence[Channel]) -> dict[tuple[str, str], Any]:
    """The user's changed cells (None: cleared), after checking none was changed by others."""
    now, before, after = _cells(stored), _cells(base), _cells(wanted)
    changed = {key: after.get(key) for key in before.keys() | after.keys()
               if before.get(key) != after.get(key)}
    conflicts = sorted(key for key, value in changed.items()
                       if now.get(key) != before.get(key) and now.get(key) != value)
    if conflicts:
        raise GridConflict(conflicts)
    return changed


def rebase_bureaus(stored: Sequence[Bureau], base: Sequence[Bureau],
                   wanted: Sequence[Bureau]) -> list[Bureau]:
    """The stored capacity grid with the user's changed cells applied."""
    result = {b.name: Bureau(b.name, dict(b.capacity)) for b in stored}
    for (name, code), value in _changes(stored, base, wanted).items():
        bureau = result.setdefault(name, Bureau(name))
        if value is None:
            bureau.capacity.pop(Quarter.parse(code), None)
        else:
            bureau.capacity[Quarter.parse(code)] = value
    return list(result.values())


def rebase_channels(stored: Sequence[Channel], base: Sequence[Channel],
                    wanted: Sequence[Channel]) -> list[Channel]:
    """The stored channels with the user's changed cells applied."""
    result = {c.name: Channel(c.name, c.available_from, dict(c.limits)) for c in stored}
    for (name, column), value in _changes(stored, base, wanted).items():
        channel = result.setdefault(name, Channel(name))
        if column == AVAILABLE:
            channel.available_from = value
        elif value is None:
            channel.limits.pop(Quarter.parse(column), None)
        else:
            channel.limits[Quarter.parse(column)] = value
    return list(result.values())
