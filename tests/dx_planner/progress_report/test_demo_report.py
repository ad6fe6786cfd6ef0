"""On the demo inventory the report states the source report's figures (FY2021Q3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from dx_planner.demo.load import load_demo
from dx_planner.domain.enums import Authority, Status
from dx_planner.domain.quarters import Quarter
from dx_planner.persistence import repository
from dx_planner.persistence.database import open_database
from dx_planner.persistence.schema import processes
from dx_planner.planning.scenarios import save_scenario
from dx_planner.progress_report.service import build_figures, write_report
from dx_planner.tracking.actuals import mark_digitized
from tests.dx_planner.progress_report.builders import hand_plan

pytestmark = pytest.mark.slow

Q = Quarter.parse("FY2021Q3")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_database(tmp_path_factory.mktemp("demo-report") / "demo.sqlite3",
                           create=True)
    load_demo(engine, 28_000, seed=0)
    yield engine
    engine.dispose()


def test_the_figures_of_the_source(demo: Engine) -> None:
    with demo.connect() as connection:
        figures = build_figures(connection, Q)
    major = figures.major
    assert (major.own_total, major.own_digitized_total) == (119, 71)
    assert major.own_digitized_in_quarter.count == 3
    assert major.national_total == 31
    assert major.national_dated.count == 7
    assert major.national_under_review.count == 13
    assert major.national_lobbying == 24
    assert major.own_planned_next.count == 31
    subsidies = figures.subsidies
    assert (subsidies.live_total, subsidies.launched_in_quarter.count) == (18, 6)
    assert subsidies.planned_next.count == 13
    assert subsidies.programme_total == 32
    # The demo makes the source's named procedures the busiest, so they are the examples.
    assert major.national_dated.examples[:3] == ("一般旅券の発給申請", "一般旅券の紛失焼失届出",
                                                 "保育士登録申請")
    assert major.own_digitized_in_quarter.examples[0] == "実習用通学定期乗車券の発売申込の届出"
    assert major.own_planned_next.examples[0] == "地球温暖化対策計画書の提出"
    assert major.national_under_review.examples[0] == "産業廃棄物処理業の許可申請"
    launched = subsidies.launched_in_quarter.examples
    assert launched[0] == "育児・介護からのジョブリターン制度整備奨励金"


def test_the_report_states_them_in_the_source_phrasing(demo: Engine, tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    write_report(demo, Q, path)
    text = path.read_text(encoding="utf-8")
    assert "# 進捗状況(2021年10~12月・FY2021Q3)" in text
    assert "主要な行政手続(169手続)のうち、都の権限で対応が可能な手続(119手続)" in text
    assert "2021年12月末で「実習用通学定期乗車券の発売申込の届出」など3手続のデジタル化が実現し、" \
           "これまでで計71手続のデジタル化が実現しました。" in text
    assert "国への働きかけ等が必要な31手続" in text
    assert ("「一般旅券の発給申請」、「一般旅券の紛失焼失届出」、「保育士登録申請」"
            "等の計7手続") in text
    assert "など計13手続についてもデジタル化に向けた課題整理、検討が開始されております" in text
    assert "1月から3月にかけては" in text
    assert "等計31手続について、デジタル化を進めてまいります" in text
    assert "計24手続についても、早期デジタル化に向け、引き続き国に要望を行ってまいります" in text
    assert "など6補助金が稼働し、12月時点で計18補助金をデジタル化いたしました" in text
    assert "1月から3月に稼働予定の13補助金につきましても" in text
    assert "計32補助金についてデジタル化に向け取組を進めております" in text
    assert "全行政手続(約27,000プロセス)のうち2023年度末(FY2023Q4)までに対象の70%以上" in text


def test_a_scenario_that_leaves_the_next_quarter_to_locks_keeps_the_figures(
        demo: Engine) -> None:
    with demo.begin() as connection:
        inventory = repository.load_inventory(connection)
        save_scenario(connection, "手作業計画", hand_plan(inventory, end=Quarter(2023, 4),
                                                         first_free=Q + 2))
    try:
        with demo.connect() as connection:
            figures = build_figures(connection, Q)
        assert figures.scenario_name == "手作業計画"
        assert figures.major.own_planned_next.count == 31
        assert figures.subsidies.planned_next.count == 13
        assert figures.burnup.point(Quarter(2023, 4)) is not None
    finally:
        from dx_planner.persistence.schema import scenarios

        with demo.begin() as connection:
            connection.execute(scenarios.delete())


def test_changing_the_data_changes_the_report(demo: Engine, tmp_path: Path) -> None:
    with demo.connect() as connection:
        candidate = next(p for p in repository.load_processes(connection)
                         if p.major and p.authority is Authority.TOKYO
                         and p.status is Status.NOT_STARTED)
    with demo.begin() as connection:
        mark_digitized(connection, [candidate.id], Q,
                       expected_versions={candidate.id: candidate.version})
    try:
        path = tmp_path / "report.html"
        write_report(demo, Q, path)
        text = path.read_text(encoding="utf-8")
        assert ("など4手続のデジタル化が実現し、"
                "これまでで計72手続のデジタル化が実現しました。") in text
    finally:
        with demo.begin() as connection:
            connection.execute(update(processes).where(processes.c.id == candidate.id)
                               .values(status=Status.NOT_STARTED.value, digitized_quarter=None))
            assert connection.execute(select(processes.c.status)
                                      .where(processes.c.id == candidate.id)).scalar() \
                == "not_started"
