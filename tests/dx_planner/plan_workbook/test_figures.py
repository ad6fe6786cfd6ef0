from dx_planner.domain.quarters import Quarter
from dx_planner.plan_workbook import reasons
from dx_planner.plan_workbook.figures import PlanCategory, compute_figures
from tests.dx_planner.plan_workbook.plans import small_case


def test_every_process_is_classified() -> None:
    inventory, result = small_case()
    figures = compute_figures(inventory, result, "s")
    by_id = {row.process.id: row for row in figures.processes}
    assert [row.process.id for row in figures.processes] == [p.id for p in inventory.processes]
    assert {pid: row.category for pid, row in by_id.items()} == {
        "P1": PlanCategory.BY_DEADLINE, "P2": PlanCategory.BY_DEADLINE,
        "P3": PlanCategory.ALREADY, "P4": PlanCategory.UNPLANNED,
        "P5": PlanCategory.OUT_OF_SCOPE, "P6": PlanCategory.AFTER_DEADLINE,
        "P7": PlanCategory.NOT_IN_SCENARIO,
    }
    assert by_id["P1"].quarter == Quarter(2022, 1) and by_id["P1"].reason is None
    assert by_id["P4"].quarter is None and by_id["P4"].reason  # a text, or the code itself
    assert by_id["P7"].reason == reasons.NOT_IN_SCENARIO
    # as stored: P7, added after the solve, is none of the plan's (solved_on.py)
    assert figures.planned == 3 and figures.unplanned == 1


def test_bureau_totals() -> None:
    inventory, result = small_case()
    a, b = compute_figures(inventory, result, "s").bureaus
    q1, q2, q3 = Quarter(2022, 1), Quarter(2022, 2), Quarter(2022, 3)
    assert (a.name, a.in_scope, a.already, a.by_deadline, a.after_deadline, a.unplanned,
            a.not_in_plan) == ("A局", 2, 0, 2, 0, 0, 1)
    assert (b.name, b.in_scope, b.already, b.by_deadline, b.after_deadline, b.unplanned) == (
        "B局", 3, 1, 0, 1, 1)
    assert a.count == {q1: 1, q2: 1} and a.effort == {q1: 1.0, q2: 1.5}
    assert b.count == {q3: 1} and b.effort == {q3: 0.5} and b.capacity == {q1: 1.0, q3: 0.25}
    assert b.digitized_by_deadline == 1 and b.share_by_deadline == 1 / 3
    assert a.in_scope + b.in_scope == result.settings.in_scope


def test_quarter_figures_add_up_to_the_objective() -> None:
    inventory, result = small_case()
    figures = compute_figures(inventory, result, "s")
    in_scope_volume = 400 + 100 + 200 + 300 + 0  # P7 (50) is newer than the plan
    assert figures.in_scope_volume == in_scope_volume and figures.already_volume == 200
    rows = [(q.quarter.code, q.planned, q.cumulative, q.milestone, q.online_volume)
            for q in figures.quarters]
    assert rows == [("FY2022Q1", 1, 2, 2, 600), ("FY2022Q2", 1, 3, None, 700),
                    ("FY2022Q3", 1, 4, None, 700)]
    assert [q.online_share for q in figures.quarters] == [600 / 1000, 700 / 1000, 700 / 1000]
    # Σ volume/4 × quarters after completion up to the end = the plan's objective.
    assert [q.online_applications for q in figures.quarters] == [0, 100, 125]
    assert sum(q.online_applications for q in figures.quarters) == result.objective
    assert figures.online_share_by_deadline == 700 / 1000


def test_planned_processes_the_inventory_no_longer_has_are_reported() -> None:
    inventory, result = small_case()
    result.assignments["GONE"] = Quarter(2022, 1)
    assert compute_figures(inventory, result, "s").missing_from_inventory == ["GONE"]


def test_a_planned_process_now_out_of_scope_stays_planned_as_stored() -> None:
    """The plan is read as solved (solved_on.py): P1 made 対象外 after the solve is still
    one of its planned processes, and the drift says so (a plan without fingerprints: what
    its assignments show)."""
    from dataclasses import replace

    from dx_planner.domain.enums import Status

    inventory, result = small_case()
    inventory.processes[0] = replace(inventory.processes[0], status=Status.OUT_OF_SCOPE)
    figures = compute_figures(inventory, result, "s")
    assert figures.processes[0].category is PlanCategory.BY_DEADLINE
    assert figures.planned == 3 and figures.bureaus[0].by_deadline == 2
    assert figures.drift.changed == ("P1",) and not figures.drift.exact
