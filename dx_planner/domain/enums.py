"""The enumerations of the inventory, each with its Japanese (canonical) and English name.

The database stores the English value; workbooks and the GUI show the Japanese label.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A string enum whose members also carry a Japanese label."""

    ja: str

    def __new__(cls, value: str, ja: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.ja = ja
        return member

    @classmethod
    def parse(cls, text: object) -> Self:
        """Accept the Japanese label or the English value (any case, full/half width)."""
        if isinstance(text, cls):
            return text
        if not isinstance(text, str):
            raise ValueError(cls._unknown_message(text))
        cleaned = unicodedata.normalize("NFKC", text).strip()
        for member in cls:
            if cleaned == member.ja or cleaned.lower() == member.value:
                return member
        raise ValueError(cls._unknown_message(text))

    @classmethod
    def _unknown_message(cls, text: object) -> str:
        allowed = " / ".join(member.ja for member in cls)
        return f"unknown value '{text}' (expected {allowed})"

    @classmethod
    def labels(cls) -> list[str]:
        return [member.ja for member in cls]


class ProcedureType(LabelledEnum):
    PERMIT = ("permit", "許認可")
    NOTIFICATION = ("notification", "届出")
    SUBSIDY = ("subsidy", "補助金")
    CERTIFICATE = ("certificate", "証明")
    INSPECTION = ("inspection", "閲覧")
    FACILITY = ("facility", "施設利用")
    OTHER = ("other", "その他")


class Authority(LabelledEnum):
    TOKYO = ("tokyo", "都")
    NATIONAL = ("national", "国")
    # Shared with municipalities and the like; planned like 都.
    OTHER = ("other", "その他")


class NationalStatus(LabelledEnum):
    NOT_CONSIDERED = ("not_considered", "未検討")
    UNDER_REVIEW = ("under_review", "検討中")
    DATE_GIVEN = ("date_given", "時期提示")


class Status(LabelledEnum):
    NOT_STARTED = ("not_started", "未着手")
    IN_PROGRESS = ("in_progress", "対応中")
    DIGITIZED = ("digitized", "デジタル化済")
    OUT_OF_SCOPE = ("out_of_scope", "対象外")


DEFAULT_CHANNEL = "共同電子申請"
