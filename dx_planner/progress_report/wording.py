"""Japanese phrasing shared by the report: quarters, counts and examples."""

from __future__ import annotations

from collections.abc import Sequence

from dx_planner.domain.quarters import Quarter

# First and last calendar month of each fiscal quarter, and the calendar-year shift.
_MONTHS = {1: (4, 6, 0), 2: (7, 9, 0), 3: (10, 12, 0), 4: (1, 3, 1)}


def both(quarter: Quarter) -> str:
    """Months and code, e.g. ``2021年10~12月・FY2021Q3``."""
    return f"{quarter.label_months}・{quarter.code}"


def end_of(quarter: Quarter) -> str:
    """``2021年12月末``."""
    _, last, shift = _MONTHS[quarter.number]
    return f"{quarter.fiscal_year + shift}年{last}月末"


def month_point(quarter: Quarter) -> str:
    """``12月時点``."""
    return f"{_MONTHS[quarter.number][1]}月時点"


def month_span(quarter: Quarter) -> str:
    """``1月から3月``."""
    first, last, _ = _MONTHS[quarter.number]
    return f"{first}月から{last}月"


def deadline_phrase(quarter: Quarter) -> str:
    """``2023年度末(FY2023Q4)``; a deadline within a year is its month-end."""
    when = f"{quarter.fiscal_year}年度末" if quarter.number == 4 else end_of(quarter)
    return f"{when}({quarter.code})"


def number(value: int) -> str:
    return f"{value:,}"


def approximately(value: int) -> str:
    """``約27,000`` for large counts (as the source writes 約28,000), exact below 1,000."""
    if value < 1000:
        return number(value)
    return f"約{number(round(value, -3))}"


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def with_examples(count: int, examples: Sequence[str], unit: str, *, joiner: str = "など",
                  total: bool = False) -> str:
    """``「A」、「B」など計7手続`` (or ``計7手続`` without examples)."""
    amount = f"{'計' if total else ''}{number(count)}{unit}"
    if not examples:
        return amount
    quoted = "、".join(f"「{name}」" for name in examples)
    if len(examples) >= count:
        return f"{quoted}の{amount}"
    return f"{quoted}{joiner}{amount}"
