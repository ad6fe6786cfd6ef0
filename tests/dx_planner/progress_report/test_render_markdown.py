"""The Markdown report: the source's structure and phrasing, with the computed figures."""

from __future__ import annotations

from dx_planner.progress_report.figures import ReportFigures
from dx_planner.progress_report.service import render_report


def _markdown(figures: ReportFigures) -> str:
    return render_report(figures, ".md").decode("utf-8")


def test_sections_in_the_order_of_the_source(figures: ReportFigures) -> None:
    text = _markdown(figures)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0] == ("# 進捗状況(2021年10~12月・FY2021Q3):"
                           "ワンストップオンライン手続プロジェクト")
    sections = [h for h in headings if h.startswith("## ")]
    assert sections == ["## 主要12手続のデジタル化について(Phase1)",
                        "## 全行政手続のデジタル化について(Phase2)",
                        "## デジタル化に向けた新たな申請基盤の整備",
                        "## 補助金申請のデジタル化について",
                        "## 進捗の推移(計画と実績)"]
    # Each of the four source sections: progress in Q, then next steps for Q+1.
    assert text.count("### 進捗状況(2021年10~12月・FY2021Q3)") == 4
    assert text.count("### 今後の取組(2022年1~3月・FY2021Q4)") == 4


def test_major_procedures_section(figures: ReportFigures) -> None:
    text = _markdown(figures)
    assert ("都の権限で対応が可能な手続(7手続)のデジタル化について、2021年12月末で"
            "「実習用通学定期乗車券の発売申込の届出」など2手続のデジタル化が実現し、"
            "これまでで計4手続のデジタル化が実現しました。") in text
    assert "国への働きかけ等が必要な4手続" in text
    assert "計2手続についてデジタル化予定時期が示された" in text
    assert "「産業廃棄物処理業の許可申請」の計1手続についてもデジタル化に向けた課題整理" in text
    assert "1月から3月にかけては「地球温暖化対策計画書の提出」等計2手続" in text
    assert "検討が開始された手続の計2手続についても、早期デジタル化に向け" in text


def test_all_processes_section_with_plan_vs_actual(figures: ReportFigures) -> None:
    text = _markdown(figures)
    assert "全行政手続(対象20プロセス)のうち、2021年12月末で計7プロセス(対象の35.0%)" in text
    assert "2023年度末" not in text  # the scenario's deadline is FY2022Q4
    assert "2022年度末(FY2022Q4)までに対象の70%以上、14プロセス" in text
    assert "2021年7~9月・FY2021Q2時点で公表した計画(ベースライン)では" in text
    assert "| 福祉保健局 | 3 | 1 | 33.3% | 1 |" in text
    assert "計画シナリオ「今期計画」どおり進めば" in text


def test_channels_and_subsidies_sections(figures: ReportFigures) -> None:
    text = _markdown(figures)
    assert "SaaS電子申請は2022年1~3月・FY2021Q4からの運用開始に向け" in text
    assert "jGrantsで「創業助成金」など計2手続(上限15手続)" in text
    assert ("2021年10~12月に「育児・介護からのジョブリターン制度整備奨励金」の1補助金が稼働し、"
            "12月時点で計2補助金をデジタル化いたしました。") in text
    assert "1月から3月に稼働予定の2補助金につきましても" in text
    assert "計4補助金についてデジタル化に向け取組を進めております" in text


def test_burnup_table(figures: ReportFigures) -> None:
    text = _markdown(figures)
    assert "| FY2021Q3 | 2021年10~12月 | 7 |" in text
    assert "| FY2022Q4 | 2023年1~3月 | - |" in text
