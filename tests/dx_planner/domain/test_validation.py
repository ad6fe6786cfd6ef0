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
    parse_count,
    parse_flag,
    parse_positive,
    parse_text,
    row_violations,
)


def _process(**fields: object) -> Process:
    return Process(id="P-1", name="x", bureau="局", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "expected"), [
    ("1,234", 1234), ("１２３", 123), (12.0, 12), ("100000000000000000000", None)])
def test_counts(value: object, expected: int | None) -> None:
    if expected is None:
        with pytest.raises(InvalidValue, match="is larger than 1,000,000,000,000"):
            parse_count(value)
    else:
        assert parse_count(value) == expected


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
