"""The rules every value of a process must obey, in one place for the importer and the app.

Two kinds of rule (planning-model.md §1):

- A single value: ``parse_*`` turn what a user typed or a cell holds into the domain value,
  or raise :class:`InvalidValue`. The limits live here (``MAX_EFFORT`` …); the field table
  (:mod:`dx_planner.domain.fields`) says which parser and limits each field uses.
- Rules that join fields: :func:`row_violations` lists what a whole process breaks.

Messages are English templates with ``{name}`` placeholders (the command line prints them);
the desktop app translates the template through Qt (context ``Validation``) and fills in the
same parameters, so both say the same thing with the same numbers.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from dataclasses import field as default
from datetime import datetime
from typing import Any, TypeVar

from dx_planner.domain.enums import Authority, LabelledEnum, NationalStatus, Status
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter, QuarterError, check_plannable
from dx_planner.domain.translatable import QT_TRANSLATE_NOOP

E = TypeVar("E", bound=LabelledEnum)

MAX_TEXT = 32_767  # Excel's limit for one cell
# Far above any real figure, far below where floats lose whole numbers (2**53).
MAX_VOLUME = 10**12
MAX_EFFORT = 10_000.0  # person-months
MAX_NAME = 200  # an ID, a bureau or a channel: the database's column length

TRUE_MARK = "○"
TRUE_WORDS = frozenset({"○", "〇", "◯", "1", "true", "yes", "y", "はい"})
FALSE_WORDS = frozenset({"", "0", "false", "no", "n", "×", "いいえ", "-"})

# Characters XML 1.0 (and so .xlsx) cannot hold; tab and line breaks are fine.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Dashes that look like '-' (folded only to find near-duplicate IDs, never stored changed:
# they are visible, and which one was meant is the user's call): hyphens, the minus sign
# Japanese input and Excel produce, figure/en/em dashes, the horizontal bar, box-drawing
# lines, the hyphen bullet (full-width and small forms become these under NFKC).
_DASHES = str.maketrans(dict.fromkeys(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u2500\u2501\u2e3a\u2e3b\u02d7\u2796"
    "\u058a\u1806\ufe58", "-"))
# The prolonged-sound mark ー (also half-width ｰ after NFKC) and the kanji 一 look like a dash
# too, but are letters in Japanese words: folded only between ASCII letters and digits.
_DASH_BETWEEN_ASCII = re.compile("(?<=[0-9A-Za-z])[\u30fc\u4e00](?=[0-9A-Za-z])")

CONTEXT = "Validation"  # the Qt translation context of the messages below
REQUIRED = QT_TRANSLATE_NOOP("Validation", "required value is missing")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Validation", "not a number: '{value}'")
NOT_FINITE = QT_TRANSLATE_NOOP("Validation", "not a finite number: '{value}'")
NOT_WHOLE = QT_TRANSLATE_NOOP("Validation", "must be a whole number: '{value}'")
TOO_LARGE = QT_TRANSLATE_NOOP("Validation", "is larger than {limit}: {value}")
NEGATIVE = QT_TRANSLATE_NOOP("Validation", "must be 0 or more: {value}")
NOT_POSITIVE = QT_TRANSLATE_NOOP("Validation", "must be greater than 0: {value}")
CONTROL_CHARACTER = QT_TRANSLATE_NOOP(
    "Validation", "contains a control character (not allowed in a workbook)")
TOO_LONG = QT_TRANSLATE_NOOP(
    "Validation", "is {length} characters long; a cell holds at most {limit}")
NAME_TOO_LONG = QT_TRANSLATE_NOOP(
    "Validation", "is {length} characters long; at most {limit} are allowed")
NOT_A_FLAG = QT_TRANSLATE_NOOP(
    "Validation", "not a yes/no mark: '{value}' (use ○ or leave blank)")
UNKNOWN_VALUE = QT_TRANSLATE_NOOP(
    "Validation", "unknown value '{value}' (expected {allowed})")
NOT_A_QUARTER = "{reason}"  # the quarter parser's own words (the app uses a picker)
DUPLICATE_ID = QT_TRANSLATE_NOOP("Validation", "duplicate 手続ID '{id}'")
NATIONAL_STATUS_FOR_TOKYO = QT_TRANSLATE_NOOP("Validation", "must be blank when 権限 is 都")
NATIONAL_READY_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "required when 国の対応状況 is 時期提示")
DIGITIZED_QUARTER_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "required when 状況 is デジタル化済")
DIGITIZED_QUARTER_NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "Validation", "given but 状況 is {status}, not デジタル化済")
UNKNOWN_CHANNEL = QT_TRANSLATE_NOOP(
    "Validation", "unknown 申請基盤 '{channel}' (not in sheet 申請基盤 or the database)")


@dataclass(frozen=True, slots=True)
class Violation:
    """A broken rule: the field it is reported at, the message template and its values."""

    field: str
    template: str
    params: dict[str, Any] = default(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.message


class InvalidValue(ValueError):
    """A value that cannot go into its field; ``str()`` is the (English) message."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


# -- single values --------------------------------------------------------------------
def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def parse_text(value: Any) -> str:
    """Text as a workbook can hold it; whole numbers that Excel turned into floats come back
    without ``.0``. Text a workbook cannot hold is refused, so that whatever is stored can
    be exported again unchanged."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    result = str(value).strip()
    if _CONTROL.search(result):
        raise InvalidValue(CONTROL_CHARACTER)
    if len(result) > MAX_TEXT:
        raise InvalidValue(TOO_LONG, length=f"{len(result):,}", limit=f"{MAX_TEXT:,}")
    return result


def parse_name(value: Any) -> str:
    """An ID, a bureau or a channel name: text the database can hold (MAX_NAME), with
    full-width forms folded (NFKC: 'Ｐ－０１' is 'P-01') and invisible marks removed, so
    that what looks the same is the same."""
    text = unicodedata.normalize("NFKC", without_invisible(parse_text(value))).strip()
    if len(text) > MAX_NAME:
        raise InvalidValue(NAME_TOO_LONG, length=f"{len(text):,}", limit=f"{MAX_NAME:,}")
    return text


def without_invisible(text: str) -> str:
    """``text`` without what nobody can see: every format character (Unicode category Cf:
    zero-width spaces and joiners, direction marks and isolates, the soft hyphen, the
    Mongolian vowel separator, the byte-order mark …), variation selectors and the
    combining grapheme joiner."""
    return text if text.isascii() else _visible_part(text)


@functools.lru_cache(maxsize=4096)  # bureaus and channels repeat on every row
def _visible_part(text: str) -> str:
    return "".join(c for c in text if not _is_invisible(c))


def _is_invisible(c: str) -> bool:
    code = ord(c)
    return (unicodedata.category(c) == "Cf" or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF or 0x180B <= code <= 0x180F or code == 0x034F)


def id_key(process_id: str) -> str:
    """What two IDs that differ only in case, width, dashes or invisible marks share: such
    IDs are near-duplicates (a typo or another program's spelling, never two processes);
    the importer and the app refuse the second, naming the first."""
    text = unicodedata.normalize("NFKC", without_invisible(process_id)).translate(_DASHES)
    return _DASH_BETWEEN_ASCII.sub("-", text).casefold()


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise InvalidValue(NOT_A_NUMBER, value=value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        cleaned = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
        try:
            number = float(cleaned)
        except ValueError:
            raise InvalidValue(NOT_A_NUMBER, value=value) from None
    if not math.isfinite(number):
        raise InvalidValue(NOT_FINITE, value=value)
    return number


def _limit(limit: float) -> str:
    return f"{limit:,.0f}"


def parse_count(value: Any, limit: int = MAX_VOLUME) -> int:
    """A whole number from 0 to ``limit``; exact however many digits a text has."""
    number: float | int
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and (
            digits := unicodedata.normalize("NFKC", value).strip().replace(",", "")).isdigit():
        number = int(digits)
    else:
        number = _number(value)
    if isinstance(number, float):
        if not number.is_integer():
            raise InvalidValue(NOT_WHOLE, value=value)
        if abs(number) > limit:
            raise InvalidValue(TOO_LARGE, limit=_limit(limit), value=value)
        number = int(number)
    if number < 0:
        raise InvalidValue(NEGATIVE, value=number)
    if number > limit:
        raise InvalidValue(TOO_LARGE, limit=_limit(limit), value=value)
    return number


def parse_positive(value: Any, limit: float = MAX_EFFORT) -> float:
    """A number above 0 and at most ``limit`` (an effort in person-months)."""
    number = _number(value)
    if number <= 0:
        raise InvalidValue(NOT_POSITIVE, value=value)
    if number > limit:
        raise InvalidValue(TOO_LARGE, limit=_limit(limit), value=value)
    return number


def parse_non_negative(value: Any) -> float:
    number = _number(value)
    if number < 0:
        raise InvalidValue(NEGATIVE, value=value)
    return number


def parse_flag(value: Any) -> bool:
    if value is True or value is False:
        return value
    key = unicodedata.normalize("NFKC", parse_text(value)).strip().lower()
    if key in TRUE_WORDS or "○" in key or "〇" in key:
        return True
    if key in FALSE_WORDS:
        return False
    raise InvalidValue(NOT_A_FLAG, value=value)


def parse_quarter(value: Any) -> Quarter:
    if isinstance(value, Quarter):
        return value
    try:
        # Outside FIRST_QUARTER–LAST_QUARTER every solve would refuse it: say so now.
        return check_plannable(Quarter.parse(parse_text(value)))
    except QuarterError as error:
        raise InvalidValue(NOT_A_QUARTER, reason=str(error)) from None


def parse_enum(enum: type[E], value: Any) -> E:
    """A member from itself, its English value or its Japanese label (never a bare code)."""
    try:
        return enum.parse(value)
    except ValueError:
        allowed = " / ".join(enum.labels())
        raise InvalidValue(UNKNOWN_VALUE, value=value, allowed=allowed) from None


# -- rules that join fields -------------------------------------------------------------
def row_violations(process: Process, channels: Collection[str] | None = None
                   ) -> list[Violation]:
    """What ``process`` breaks as a whole; ``channels`` None skips the channel check."""
    found: list[Violation] = []
    if process.authority is Authority.TOKYO and process.national_status is not None:
        found.append(Violation("national_status", NATIONAL_STATUS_FOR_TOKYO))
    if (process.national_status is NationalStatus.DATE_GIVEN
            and process.national_ready is None):
        found.append(Violation("national_ready", NATIONAL_READY_REQUIRED))
    if process.status is Status.DIGITIZED and process.digitized_quarter is None:
        found.append(Violation("digitized_quarter", DIGITIZED_QUARTER_REQUIRED))
    if process.status is not Status.DIGITIZED and process.digitized_quarter is not None:
        found.append(Violation("digitized_quarter", DIGITIZED_QUARTER_NOT_ALLOWED,
                               {"status": process.status.ja}))
    if channels is not None and process.channel not in channels:
        found.append(Violation("channel", UNKNOWN_CHANNEL, {"channel": process.channel}))
    return found


def completed(process: Process) -> Process:
    """Fill what the contract leaves implicit: a 国 process without a national status has
    not been considered by the ministry (未検討)."""
    if process.authority is Authority.NATIONAL and process.national_status is None:
        process.national_status = NationalStatus.NOT_CONSIDERED
    return process
