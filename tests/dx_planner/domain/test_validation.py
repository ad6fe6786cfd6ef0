"""The shared validation: single values and the rules that join fields."""

from __future__ import annotations

import pytest

from dx_planner.domain.enums import Authority, NationalStatus, Status
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.domain.validation import (
    DIGITIZED_QUARTER_NOT_ALLOWED,
    InvalidValue,
    completed,
    id_key,
    parse_count,
    parse_flag,
    parse_name,
    parse_positive,
    parse_text,
    row_violations,
)


def _process(**fields: object) -> Process:
    return Process(id="P-1", name="x", bureau="局", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "expected"), [
    ("1,234", 1234), ("１２３", 123), (12.0, 12)])
def test_counts(value: object, expected: int) -> None:
    assert parse_count(value) == expected


def test_a_count_above_the_limit_is_refused() -> None:
    with pytest.raises(InvalidValue, match="is larger than 1,000,000,000,000"):
        parse_count("100000000000000000000")


@pytest.mark.parametrize(("value", "message"), [
    (0, "must be greater than 0"), ("abc", "not a number"), (float("nan"), "not a finite"),
    (10_000.5, "is larger than 10,000")])
def test_effort_errors(value: object, message: str) -> None:
    with pytest.raises(InvalidValue, match=message) as raised:
        parse_positive(value)
    assert raised.value.template.format(**raised.value.params) == str(raised.value)


def test_text_and_flags() -> None:
    assert parse_text(3.0) == "3"
    with pytest.raises(InvalidValue, match="control character"):
        parse_text("a\x01b")
    assert parse_flag("〇") is True
    assert parse_flag("no") is False


def test_rules_that_join_fields() -> None:
    assert row_violations(_process()) == []
    found = row_violations(_process(status=Status.IN_PROGRESS,
                                    digitized_quarter=Quarter(2021, 1)), channels={"x"})
    assert [(v.field, v.template) for v in found] == [
        ("digitized_quarter", DIGITIZED_QUARTER_NOT_ALLOWED), ("channel", found[1].template)]
    assert found[0].message == "given but 状況 is 対応中, not デジタル化済"
    assert "unknown 申請基盤 '共同電子申請'" in found[1].message
    tokyo = row_violations(_process(national_status=NationalStatus.UNDER_REVIEW))
    assert [v.field for v in tokyo] == ["national_status"]


def test_a_national_process_without_status_is_not_considered() -> None:
    process = completed(_process(authority=Authority.NATIONAL))
    assert process.national_status is NationalStatus.NOT_CONSIDERED


# -- IDs: stored form and near-duplicates (review finding 9) -----------------------------------
@pytest.mark.parametrize("written", ["P-1\u200e", "P-1\u180e", "P-1\ufe0f", "\u2066P-1\u2069",
                                     "P-\U000e01011", "P\u00ad-1", "\ufeffP-1", "P-1\u034f"])
def test_invisible_marks_are_not_stored_in_a_name(written: str) -> None:
    """Every format character (Unicode Cf), variation selector and the combining grapheme
    joiner: nobody can see them, so an ID with them is the ID without them."""
    assert parse_name(written) == "P-1"


@pytest.mark.parametrize("written", ["P\u22121", "P\u20101", "Pー1", "カー1"])
def test_a_visible_dash_look_alike_is_stored_as_written(written: str) -> None:
    assert parse_name(written) == written


@pytest.mark.parametrize("variant", [
    "p-1", "Ｐ－１", "P\u22121", "P\u20101", "P\u20111", "P\u20121", "P\u20131", "P\u20141",
    "P\u20151", "P\ufe631", "P\uff0d1", "Pー1", "Pｰ1", "P\u20431", "P\u25001", "P\u2e3a1",
    "P-1\u200e", "P-\U000e01011"])
def test_ids_that_only_look_different_share_a_key(variant: str) -> None:
    assert id_key(variant) == id_key("P-1")


@pytest.mark.parametrize(("one", "other"), [
    ("カ-1", "カー1"),  # ー after katakana is the prolonged sound mark, not a dash
    ("データー", "データ-"), ("P-1", "P1"), ("P-1", "P_1"), ("P-1", "P.1"), ("1-2", "1+2")])
def test_ids_that_differ_keep_different_keys(one: str, other: str) -> None:
    assert id_key(one) != id_key(other)
