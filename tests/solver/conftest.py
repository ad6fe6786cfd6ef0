"""Fixtures shared by the solver tests."""

from __future__ import annotations

import pytest

from solver.dual import Dual
from solver.reduced import Residual
from tests.solver.instances import priced_tight


@pytest.fixture(scope="module")
def tight() -> tuple[Residual, Dual]:
    """A priced tight instance of 1,500 processes (the improvement phase's test instance)."""
    return priced_tight(1500, 4)
