from __future__ import annotations

from typing import Any

from ui.models.burnup_model import BurnupModel


def test_empty_burnup_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(BurnupModel(), force_py=True)
