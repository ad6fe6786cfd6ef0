from dataclasses import replace

from dx_planner.domain.quarters import Quarter
from dx_planner.planning.compare import ChangeKind, compare_plans
from tests.dx_planner.plan_workbook.plans import small_case


def test_moved_added_and_dropped_processes() -> None:
    inventory, current = small_case()
    q1, q2, q3 = Quarter(2022, 1), Quarter(2022, 2), Quarter(2022, 3)
    # Before: P1 later, P2 earlier, P4 planned, P6 not planned, P9 no longer in the inventory.
    previous = replace(current, assignments={"P1": q2, "P2": q1, "P4": q3, "P9": q1})
    changes = compare_plans(current, previous, {p.id: p for p in inventory.processes})
    assert [(c.process_id, c.kind, c.before, c.after, c.shift) for c in changes] == [
        ("P1", ChangeKind.EARLIER, q2, q1, -1),
        ("P2", ChangeKind.LATER, q1, q2, 1),
        ("P6", ChangeKind.ADDED, None, q3, None),
        ("P4", ChangeKind.DROPPED, q3, None, None),
        ("P9", ChangeKind.DROPPED, q1, None, None),
    ]
    assert changes[-1].process is None


def test_the_same_plan_has_no_changes() -> None:
    inventory, result = small_case()
    assert compare_plans(result, result, {p.id: p for p in inventory.processes}) == []
