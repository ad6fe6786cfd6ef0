"""Plan vs actual over time (a burn-up), for all processes or one bureau.

Three cumulative series per quarter:
- actual: in-scope processes digitized by the end of the quarter (up to the report quarter);
- baseline: digitized or planned by then in the published baseline (its snapshot);
- forecast: actual by the report quarter plus what is planned after it (locks + scenario).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dx_planner.domain.baselines import Baseline
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter, quarter_range
from dx_planner.tracking.actuals import actual_quarter


@dataclass(frozen=True, slots=True)
class BurnupPoint:
    quarter: Quarter
    actual: int | None  # None after the report quarter
    baseline: int | None  # None without a baseline
    forecast: int | None  # None up to the report quarter … except at it, where it starts

    @property
    def variance(self) -> int | None:
        """Actual minus baseline (negative = behind the plan of record)."""
        if self.actual is None or self.baseline is None:
            return None
        return self.actual - self.baseline


@dataclass(frozen=True, slots=True)
class Burnup:
    as_of: Quarter
    points: tuple[BurnupPoint, ...]
    target_count: int
    deadline: Quarter
    milestones: tuple[tuple[Quarter, int], ...]
    bureau: str | None = None

    def point(self, quarter: Quarter) -> BurnupPoint | None:
        return next((p for p in self.points if p.quarter == quarter), None)

    @property
    def maximum(self) -> int:
        values = [v for p in self.points for v in (p.actual, p.baseline, p.forecast)
                  if v is not None]
        values += [self.target_count, *(n for _, n in self.milestones)]
        return max(values, default=0)


def _cumulative(quarters_of: Counter[Quarter], quarters: Sequence[Quarter]) -> list[int]:
    before = sum(n for q, n in quarters_of.items() if q < quarters[0])
    series = []
    for quarter in quarters:
        before += quarters_of.get(quarter, 0)
        series.append(before)
    return series


def compute_burnup(processes: Sequence[Process], as_of: Quarter, first: Quarter,
                   last: Quarter, *, planned: Mapping[str, Quarter],
                   baseline: Baseline | None, target_count: int, deadline: Quarter,
                   milestones: tuple[tuple[Quarter, int], ...] = (),
                   bureau: str | None = None) -> Burnup:
    """The burn-up from ``first`` to ``last`` as seen at the end of ``as_of``.

    ``planned`` maps processes not yet digitized to their planned quarter (see
    ``plan_view.planned_quarters``); planned quarters up to ``as_of`` are overdue and
    left out of the forecast.
    """
    quarters = quarter_range(first, last)
    mine = [p for p in processes if p.in_scope and (bureau is None or p.bureau == bureau)]
    actual = Counter(q for p in mine if (q := actual_quarter(p)) is not None and q <= as_of)
    future = Counter(q for p in mine if (q := planned.get(p.id)) is not None and q > as_of)
    actual_series = _cumulative(actual, quarters)
    forecast_series = _cumulative(actual + future, quarters)
    baseline_series: list[int | None] = [None] * len(quarters)
    if baseline is not None:
        items = Counter(item.quarter for item in baseline.items.values()
                        if bureau is None or item.bureau == bureau)
        baseline_series = list(_cumulative(items, quarters))
    points = tuple(
        BurnupPoint(
            quarter,
            actual_series[i] if quarter <= as_of else None,
            baseline_series[i],
            forecast_series[i] if quarter >= as_of else None,
        )
        for i, quarter in enumerate(quarters)
    )
    return Burnup(as_of, points, target_count, deadline, milestones, bureau)
