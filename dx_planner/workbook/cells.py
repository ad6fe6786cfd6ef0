"""Parsing single cell values; each parser raises ``ValueError`` with a user-facing message."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import datetime
from typing import Any

from dx_planner.domain.quarters import Quarter
from dx_planner.workbook.template import FALSE_WORDS, TRUE_WORDS


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def text(value: Any) -> str:
    """Cell text; whole numbers that Excel turned into floats come back without ``.0``.

    Text a workbook cannot hold is refused here, so that whatever is imported can be
    exported again unchanged.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    result = str(value).strip()
    if _CONTROL.search(result):
        raise ValueError("contains a control character (not allowed in a workbook)")
    if len(result) > MAX_TEXT:
        raise ValueError(f"is {len(result):,} characters long; a cell holds at most "
                         f"{MAX_TEXT:,}")
    return result


# Characters XML 1.0 (and so .xlsx) cannot hold; tab and line breaks are fine.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_TEXT = 32_767  # Excel's limit for one cell
# Far above any real figure, far below where floats lose whole numbers (2**53).
MAX_VOLUME = 10**12
MAX_EFFORT = 10_000.0  # person-months


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    else:
        cleaned = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
        try:
            number = float(cleaned)
        except ValueError:
            raise ValueError(f"not a number: '{value}'") from None
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: '{value}'")
    return number


def non_negative_int(value: Any, limit: int = MAX_VOLUME) -> int:
    if isinstance(value, str):
        digits = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        if digits.isdigit():  # exact, whatever its size
            number: float | int = int(digits)
        else:
            number = _number(value)
    else:
        number = _number(value)
    if isinstance(number, float):
        if not number.is_integer():
            raise ValueError(f"must be a whole number: '{value}'")
        if abs(number) > limit:
            raise ValueError(f"is larger than {limit:,}: {value}")
        number = int(number)
    if number < 0:
        raise ValueError(f"must be 0 or more: {number}")
    if number > limit:
        raise ValueError(f"is larger than {limit:,}: {value}")
    return number


def positive_number(value: Any) -> float:
    number = _number(value)
    if number <= 0:
        raise ValueError(f"must be greater than 0: {value}")
    if number > MAX_EFFORT:
        raise ValueError(f"is larger than {MAX_EFFORT:,.0f}: {value}")
    return number


def non_negative_number(value: Any) -> float:
    number = _number(value)
    if number < 0:
        raise ValueError(f"must be 0 or more: {value}")
    return number


def flag(value: Any) -> bool:
    if value is True or value is False:
        return value
    key = unicodedata.normalize("NFKC", text(value)).strip().lower()
    if key in TRUE_WORDS or "○" in key or "〇" in key:
        return True
    if key in FALSE_WORDS:
        return False
    raise ValueError(f"not a yes/no mark: '{value}' (use ○ or leave blank)")


def quarter(value: Any) -> Quarter:
    return Quarter.parse(text(value))
