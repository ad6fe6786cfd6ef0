"""The Japanese fiscal calendar: fiscal year N runs April N to March N+1.

Quarters are stored and exchanged as codes such as ``FY2021Q4`` (January–March 2022).
Users also see the report's month wording (``2022年1~3月``) and the formal
``2021年度第4四半期``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import total_ordering
from typing import overload

_CODE = re.compile(r"^FY(\d{4})Q([1-4])$")
_JA_FORMAL = re.compile(r"^(\d{4})年度第([1-4])四半期$")
_JA_SHORT = re.compile(r"^(\d{4})年度Q([1-4])$")
_AMBIGUOUS = re.compile(r"^(\d{4})[-_ ]?Q([1-4])$")

# First calendar month of each fiscal quarter, and whether it falls in the next calendar year.
_QUARTER_MONTHS = {1: (4, 6, 0), 2: (7, 9, 0), 3: (10, 12, 0), 4: (1, 3, 1)}


class QuarterError(ValueError):
    """A quarter written in a form we cannot read unambiguously."""


@total_ordering
@dataclass(frozen=True, slots=True)
class Quarter:
    """One fiscal quarter. Ordered, hashable, and cheap to do arithmetic on."""

    fiscal_year: int
    number: int  # 1..4

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise QuarterError(f"quarter number must be 1–4, not {self.number}")

    # -- construction -------------------------------------------------------------
    @classmethod
    def parse(cls, text: object) -> Quarter:
        """Read ``FY2022Q1``, ``2022年度第1四半期`` or ``2022年度Q1``.

        ``2022Q1`` is refused: it could mean a calendar or a fiscal year.
        """
        if isinstance(text, Quarter):
            return text
        if not isinstance(text, str):
            raise QuarterError(f"not a quarter code: {text!r}")
        cleaned = unicodedata.normalize("NFKC", text).strip().upper()
        for pattern in (_CODE, _JA_FORMAL, _JA_SHORT):
            match = pattern.match(cleaned)
            if match:
                return cls(int(match.group(1)), int(match.group(2)))
        if _AMBIGUOUS.match(cleaned):
            raise QuarterError(
                f"'{text}' is ambiguous (calendar or fiscal year?): write FY{cleaned[:4]}"
                f"Q{cleaned[-1]} or {cleaned[:4]}年度第{cleaned[-1]}四半期"
            )
        raise QuarterError(f"not a quarter code: '{text}' (expected e.g. FY2022Q1)")

    @classmethod
    def from_ordinal(cls, ordinal: int) -> Quarter:
        year, index = divmod(ordinal, 4)
        return cls(year, index + 1)

    # -- arithmetic ---------------------------------------------------------------
    @property
    def ordinal(self) -> int:
        """A running number: consecutive quarters differ by one."""
        return self.fiscal_year * 4 + self.number - 1

    def __add__(self, quarters: int) -> Quarter:
        return Quarter.from_ordinal(self.ordinal + quarters)

    @overload
    def __sub__(self, other: Quarter) -> int: ...
    @overload
    def __sub__(self, other: int) -> Quarter: ...
    def __sub__(self, other: Quarter | int) -> int | Quarter:
        """Quarter - Quarter is a distance in quarters; Quarter - int steps back."""
        if isinstance(other, Quarter):
            return self.ordinal - other.ordinal
        return Quarter.from_ordinal(self.ordinal - other)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Quarter):
            return NotImplemented
        return self.ordinal < other.ordinal

    # -- presentation -------------------------------------------------------------
    @property
    def code(self) -> str:
        return f"FY{self.fiscal_year}Q{self.number}"

    @property
    def label_months(self) -> str:
        """The report's wording, e.g. ``2022年1~3月`` for FY2021Q4."""
        first, last, year_shift = _QUARTER_MONTHS[self.number]
        return f"{self.fiscal_year + year_shift}年{first}~{last}月"

    @property
    def label_formal(self) -> str:
        return f"{self.fiscal_year}年度第{self.number}四半期"

    @property
    def label(self) -> str:
        """Both forms, as users see them: ``FY2021Q4 · 2022年1~3月``."""
        return f"{self.code} · {self.label_months}"

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"Quarter({self.code})"


# The quarters dx-planner plans at all: a quarter code outside them is a typo (FY2999Q4,
# FY1999Q1), and it would make a solve allocate for centuries of quarters.
FIRST_QUARTER = Quarter(2000, 1)
LAST_QUARTER = Quarter(2060, 4)


def check_plannable(quarter: Quarter) -> Quarter:
    """``quarter`` if it lies in FIRST_QUARTER–LAST_QUARTER, else ``QuarterError``."""
    if not FIRST_QUARTER <= quarter <= LAST_QUARTER:
        raise QuarterError(f"{quarter.code} is outside the quarters dx-planner plans "
                           f"({FIRST_QUARTER.code}–{LAST_QUARTER.code})")
    return quarter


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from ``first`` to ``last``, both included."""
    return [first + i for i in range(last - first + 1)]


def plannable_quarters() -> list[Quarter]:
    """FIRST_QUARTER … LAST_QUARTER: what a quarter picker offers (244 quarters)."""
    return quarter_range(FIRST_QUARTER, LAST_QUARTER)
