"""The inline SVG burn-up."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dx_planner.progress_report.svg_chart import burnup_svg, nice_ceiling
from dx_planner.tracking.burnup import compute_burnup
from tests.dx_planner.progress_report.builders import DEADLINE, NEXT, Q, small_inventory

SVG = "{http://www.w3.org/2000/svg}"


def test_nice_ceiling() -> None:
    assert [nice_ceiling(v) for v in (0, 3, 7, 14.7, 19_197, 20_157, 51_000)] == [
        10, 5, 10, 25, 25_000, 25_000, 100_000]


def test_svg_without_baseline_draws_actual_and_forecast_and_milestones() -> None:
    inventory = small_inventory()
    burnup = compute_burnup(inventory.processes, Q, Q - 1, DEADLINE, planned={"M-06": NEXT},
                            baseline=None, target_count=14, deadline=DEADLINE,
                            milestones=((NEXT + 1, 10),))
    root = ET.fromstring(burnup_svg(burnup, "推移 <テスト> & 確認"))
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == "推移 <テスト> & 確認"
    assert len(list(root.iter(f"{SVG}path"))) == 2
    assert len(list(root.iter(f"{SVG}polygon"))) == 1  # the milestone
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert "報告時点" in labels
    assert "ベースライン計画(累計)" not in labels  # no baseline, no legend entry
