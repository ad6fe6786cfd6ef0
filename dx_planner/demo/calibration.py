"""Bureau capacities for the demo: 70% by the deadline is reachable, but only just.

Per bureau, capacity over the horizon is a fraction ``k`` of the effort of the processes it
could plan, spread over the quarters with a ramp-up. ``k`` is the smallest value for which
taking each bureau's cheapest processes first reaches the target with a small margin: a plan
that fills capacity in order of volume (and so spends it on large, costly processes) falls
well short, while an optimized plan that also weighs effort reaches it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from dx_planner.domain.enums import Authority, NationalStatus, Status
from dx_planner.domain.inventory import Bureau, Channel, Process
from dx_planner.domain.quarters import Quarter, quarter_range

TARGET_SHARE = 0.70
# Above the bare target: room for packing losses, late national dates and channel limits.
MARGIN = 1.06
# Capacity grows as bureaus staff up (relative weight per planned quarter).
RAMP = (0.6, 0.8, 0.9, 1.0, 1.0, 1.1, 1.1, 1.15, 1.15)


def _plannable(process: Process, start: Quarter) -> bool:
    if not process.in_scope or process.locked_quarter is not None:
        return False
    if process.status is Status.DIGITIZED and process.digitized_quarter is not None \
            and process.digitized_quarter < start:
        return False
    return not (process.authority is Authority.NATIONAL
                and process.national_status is not NationalStatus.DATE_GIVEN)


def calibrate_capacity(processes: Sequence[Process], channels: Sequence[Channel],
                       bureau_names: Sequence[str], start: Quarter,
                       deadline: Quarter) -> list[Bureau]:
    del channels  # limits are generous next to capacity; see MARGIN
    quarters = quarter_range(start, deadline)
    ramp = np.resize(np.array(RAMP), len(quarters))
    ramp = ramp / ramp.sum()

    in_scope = sum(1 for p in processes if p.in_scope)
    done = sum(1 for p in processes if p.status is Status.DIGITIZED
               and p.digitized_quarter is not None and p.digitized_quarter < start)
    locked = [p for p in processes if p.locked_quarter is not None]
    needed = math.ceil(TARGET_SHARE * in_scope) - done - len(locked)

    efforts: dict[str, list[float]] = defaultdict(list)
    for process in processes:
        if _plannable(process, start):
            efforts[process.bureau].append(process.effort)
    sorted_efforts = {b: np.cumsum(np.sort(np.array(e))) for b, e in efforts.items()}
    totals = {b: float(c[-1]) for b, c in sorted_efforts.items()}

    def reachable(k: float) -> int:
        return sum(int(np.searchsorted(cumulative, k * totals[b], side="right"))
                   for b, cumulative in sorted_efforts.items())

    low, high = 0.0, 1.0
    for _ in range(50):
        middle = (low + high) / 2
        if reachable(middle) >= needed * MARGIN:
            high = middle
        else:
            low = middle
    k = high

    locked_effort: dict[tuple[str, Quarter], float] = defaultdict(float)
    for process in locked:
        assert process.locked_quarter is not None
        locked_effort[(process.bureau, process.locked_quarter)] += process.effort

    result = []
    for name in bureau_names:
        bureau = Bureau(name)
        for index, quarter in enumerate(quarters):
            base = k * totals.get(name, 0.0) * float(ramp[index])
            # Announced work (locks) comes on top: it was staffed before this plan.
            value = base + locked_effort.get((name, quarter), 0.0)
            bureau.capacity[quarter] = round(value * 4) / 4  # quarter person-months
        result.append(bureau)
    return result
