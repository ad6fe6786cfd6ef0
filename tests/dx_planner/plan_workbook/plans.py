"""Plans for tests, made without the solver: a greedy fill of bureau capacity by volume."""

from __future__ import annotations

from dx_planner.domain.enums import Authority, NationalStatus
from dx_planner.domain.inventory import Inventory, Process
from dx_planner.domain.quarters import Quarter
from dx_planner.planning.result import PlanResult
from dx_planner.planning.settings import PlanSettings, resolve


def _earliest(process: Process, start: Quarter,
              channel_from: dict[str, Quarter | None]) -> Quarter | None:
    earliest = start
    available = channel_from.get(process.channel)
    if available is not None and available > earliest:
        earliest = available
    if process.authority is Authority.NATIONAL:
        if process.national_status is not NationalStatus.DATE_GIVEN:
            return None
        if process.national_ready is not None and process.national_ready > earliest:
            earliest = process.national_ready
    return earliest


def greedy_plan(inventory: Inventory, settings: PlanSettings | None = None,
                capacity_factor: float = 1.0) -> PlanResult:
    """Highest volume first, each process in the first quarter its bureau has room for."""
    resolved = resolve(settings or PlanSettings(), inventory)
    start, end, quarters = resolved.start, resolved.end, resolved.quarters
    channel_from = {c.name: c.available_from for c in inventory.channels}
    room = {(b.name, q): b.capacity.get(q, 0.0) * capacity_factor
            for b in inventory.bureaus for q in quarters}
    assignments: dict[str, Quarter] = {}
    reasons: dict[str, str] = {}
    already = 0
    to_plan = []
    for process in inventory.processes:
        if not process.in_scope:
            continue
        if process.digitized_before(start):
            already += 1
            continue
        to_plan.append(process)
    for process in sorted(to_plan, key=lambda p: -p.annual_volume):
        earliest = _earliest(process, start, channel_from)
        if process.locked_quarter is not None or process.digitized_quarter is not None:
            fixed = process.locked_quarter or process.digitized_quarter
            assert fixed is not None
            assignments[process.id] = fixed
            reasons[process.id] = "locked"
            continue
        if earliest is None:
            reasons[process.id] = "national_undated"
            continue
        for quarter in quarters:
            key = (process.bureau, quarter)
            if quarter >= earliest and room.get(key, 0.0) >= process.effort:
                room[key] -= process.effort
                assignments[process.id] = quarter
                reasons[process.id] = "start" if quarter == earliest else "capacity"
                break
        else:
            reasons[process.id] = "capacity"
    cumulative = []
    count = already
    for quarter in quarters:
        count += sum(1 for q in assignments.values() if q == quarter)
        cumulative.append((quarter, count))
    by_deadline = dict(cumulative)[resolved.deadline]
    objective = sum(p.annual_volume / 4 * (end - assignments[p.id])
                    for p in to_plan if p.id in assignments)
    return PlanResult(
        settings=resolved, status="feasible", objective=objective, bound=objective * 1.01,
        gap=0.01 / 1.01, digitized_by_deadline=by_deadline, already_digitized=already,
        cumulative=cumulative, assignments=assignments, reasons=reasons,
    )


def small_case() -> tuple[Inventory, PlanResult]:
    """A hand-made inventory and plan whose figures are easy to work out on paper.

    Plan FY2022Q1–FY2022Q3, deadline FY2022Q2. Bureau A: P1 in Q1, P2 in Q2, P7 is newer
    than the plan (not one of its 5 in-scope processes), P5 is out of scope. Bureau B: P3
    digitized before the start, P4 not planned (capacity), P6 in Q3 (after the deadline).
    """
    from dx_planner.domain.enums import Status as S
    from dx_planner.domain.inventory import Bureau
    from dx_planner.planning.settings import ResolvedSettings

    q1, q2, q3 = Quarter(2022, 1), Quarter(2022, 2), Quarter(2022, 3)
    processes = [
        Process(id="P1", name="営業許可申請", bureau="A局", annual_volume=400, effort=1.0),
        Process(id="P2", name="変更届", bureau="A局", annual_volume=100, effort=1.5),
        Process(id="P3", name="証明書交付", bureau="B局", annual_volume=200, status=S.DIGITIZED,
                digitized_quarter=Quarter(2021, 4)),
        Process(id="P4", name="補助金申請", bureau="B局", annual_volume=300, effort=2.0),
        Process(id="P5", name="閲覧申請", bureau="A局", annual_volume=1000, status=S.OUT_OF_SCOPE),
        Process(id="P6", name="施設予約", bureau="B局", annual_volume=0, effort=0.5),
        Process(id="P7", name="新しい届出", bureau="A局", annual_volume=50),
    ]
    inventory = Inventory(processes, [Bureau("A局", {q1: 2.0, q2: 1.0, q3: 2.0}),
                                      Bureau("B局", {q1: 1.0, q3: 0.25})])
    settings = ResolvedSettings(start=q1, deadline=q2, end=q3, target_count=4,
                                target_share=None, milestones=((q1, 2),), in_scope=5,
                                time_limit=10.0)
    result = PlanResult(
        settings=settings, status="target_infeasible", objective=225.0, bound=250.0, gap=0.1,
        digitized_by_deadline=3, already_digitized=1,
        cumulative=[(q1, 2), (q2, 3), (q3, 4)],
        assignments={"P1": q1, "P2": q2, "P6": q3},
        reasons={"P1": "start", "P2": "capacity", "P4": "capacity", "P6": "capacity"},
    )
    return inventory, result
