"""Parsing single cell values; each parser raises ``ValueError`` with a user-facing message."""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime
from typing import Any

from dx_planner.domain.quarters import Quarter
from dx_planner.workbook.template import FALSE_WORDS, TRUE_WORDS


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def text(value: Any) -> str:
    """Cell text; whole numbers that Excel turned into floats come back without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


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


def non_negative_int(value: Any) -> int:
    number = _number(value)
    if not number.is_integer():
        raise ValueError(f"must be a whole number: '{value}'")
    if number < 0:
        raise ValueError(f"must be 0 or more: {int(number)}")
    return int(number)


def positive_number(value: Any) -> float:
    number = _number(value)
    if number <= 0:
        raise ValueError(f"must be greater than 0: {value}")
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
