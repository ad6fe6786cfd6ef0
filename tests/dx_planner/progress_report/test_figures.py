"""The report's figures, section by section, on a small inventory."""

from __future__ import annotations

from dx_planner.domain.enums import Status
from dx_planner.progress_report.compute import compute_figures
from tests.dx_planner.progress_report.builders import NEXT, Q, hand_plan, small_inventory


def test_major_procedures_progress_and_national_breakdown() -> None:
    major = compute_figures(small_inventory(), Q).major
    assert (major.total, major.own_total, major.national_total, major.other_total) == (12, 7, 4, 1)
    assert major.own_digitized_total == 4
    assert major.own_digitized_in_quarter.count == 2
    # Examples: the busiest first.
    assert major.own_digitized_in_quarter.examples == ("実習用通学定期乗車券の発売申込の届出",
                                                       "小さな届出")
    assert major.national_dated.count == 2
    assert set(major.national_dated.examples) == {"一般旅券の発給申請", "保育士登録申請"}
    assert major.national_under_review.examples == ("産業廃棄物処理業の許可申請",)
    assert major.national_not_considered.count == 1
    assert major.national_lobbying == 2


def test_next_quarter_is_locks_only_without_a_scenario() -> None:
    major = compute_figures(small_inventory(), Q).major
    assert major.own_planned_next.count == 1
    assert major.own_planned_next.examples == ("地球温暖化対策計画書の提出",)


def test_next_quarter_adds_what_the_scenario_assigns_to_it() -> None:
    inventory = small_inventory()
    figures = compute_figures(inventory, Q, scenario=hand_plan(inventory), scenario_name="A")
    assert figures.scenario_name == "A"
    assert figures.major.own_planned_next.count == 2  # the lock and 未着手の許可申請A
    assert figures.subsidies.planned_next.count == 2
    assert figures.all.planned_next == 4


def test_a_lock_wins_over_the_scenario() -> None:
    inventory = small_inventory()
    plan = hand_plan(inventory)
    plan.assignments["M-05"] = NEXT + 2  # the scenario disagrees with the lock
    figures = compute_figures(inventory, Q, scenario=plan, scenario_name="A")
    assert "地球温暖化対策計画書の提出" in figures.major.own_planned_next.examples


def test_all_processes_cumulative_share_and_target() -> None:
    inventory = small_inventory()
    figures = compute_figures(inventory, Q).all
    assert figures.in_scope == 20  # one of 21 is 対象外
    assert figures.digitized_total == 7
    assert figures.digitized_in_quarter == 4
    assert figures.target_count == 14  # ceil(0.7 × 20)
    assert figures.remaining_to_target == 7
    bureaus = {b.bureau: b for b in figures.bureaus}
    assert bureaus["福祉保健局"].in_scope == 3
    assert bureaus["福祉保健局"].digitized_in_quarter == 1
    assert bureaus["環境局"].planned_next == 1


def test_milestones_from_the_scenario_are_judged_on_the_forecast() -> None:
    inventory = small_inventory()
    plan = hand_plan(inventory, milestones=((NEXT, 12), (NEXT + 1, 12)))
    milestones = compute_figures(inventory, Q, scenario=plan, scenario_name="A").all.milestones
    # 7 digitized + 4 planned for NEXT (2 locks, 2 assigned), then 2 more.
    assert [(m.quarter, m.forecast, m.met) for m in milestones] == [
        (NEXT, 11, False), (NEXT + 1, 13, True)]


def test_channels_onboarded_and_planned() -> None:
    inventory = small_inventory()
    channels = {c.channel: c for c in
                compute_figures(inventory, Q, scenario=hand_plan(inventory),
                                scenario_name="A").channels}
    assert channels["共同電子申請"].onboarded_in_quarter.count == 3
    assert channels["jGrants"].onboarded_in_quarter.count == 1
    assert channels["SaaS電子申請"].available_from == NEXT
    assert channels["SaaS電子申請"].limit_next == 30
    assert channels["jGrants"].planned_next.count == 2


def test_subsidies_on_jgrants_only() -> None:
    subsidies = compute_figures(small_inventory(), Q).subsidies
    assert subsidies.programme_total == 4  # not the subsidy on 共同電子申請
    assert subsidies.live_total == 2
    launched = subsidies.launched_in_quarter.examples
    assert launched == ("育児・介護からのジョブリターン制度整備奨励金",)
    assert subsidies.planned_next.count == 1
    assert subsidies.unscheduled == 1


def test_changing_the_data_changes_the_figures() -> None:
    inventory = small_inventory()
    before = compute_figures(inventory, Q)
    m06 = next(p for p in inventory.processes if p.id == "M-06")
    m06.status, m06.digitized_quarter = Status.DIGITIZED, Q
    after = compute_figures(inventory, Q)
    assert after.major.own_digitized_total == before.major.own_digitized_total + 1
    assert after.major.own_digitized_in_quarter.count == 3
    assert after.all.digitized_total == before.all.digitized_total + 1


def test_a_later_quarter_does_not_see_the_future() -> None:
    inventory = small_inventory()
    earlier = compute_figures(inventory, Q - 1)
    assert earlier.major.own_digitized_total == 2
    assert earlier.major.own_digitized_in_quarter.examples == ("古い届出B",)
    assert earlier.next_quarter == Q
    # Q's digitizations are not "planned" for Q either: they were not locked or assigned.
    assert earlier.all.planned_next == 0
