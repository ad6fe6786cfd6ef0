"""The quarter pickers offer the quarters the domain plans, no narrower range of their own
(review: FY2018–FY2030 was restated in three UI files while the domain allows FY2000–FY2060)."""

from __future__ import annotations

from typing import Any

from dx_planner.domain.quarters import FIRST_QUARTER, LAST_QUARTER, Quarter, plannable_quarters
from ui.widgets.quarter_picker import QuarterPicker


def test_the_picker_offers_every_plannable_quarter(qtbot: Any) -> None:
    picker = QuarterPicker(allow_blank=False)
    qtbot.addWidget(picker)
    offered = [picker.itemData(i) for i in range(picker.count())]
    assert offered == plannable_quarters()
    assert (offered[0], offered[-1]) == (FIRST_QUARTER, LAST_QUARTER)
    picker.set_quarter(Quarter(2045, 2))  # a lock far out is chosen, not added on the side
    assert picker.quarter() == Quarter(2045, 2) and picker.count() == len(offered)
