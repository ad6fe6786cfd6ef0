"""The field table: one declaration that agrees with Process and round-trips every value."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType, Status
from dx_planner.domain.fields import FIELD_BY_NAME, PROCESS_FIELDS, FieldKind
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter
from dx_planner.domain.validation import MAX_EFFORT, InvalidValue

SAMPLE = Process(
    id="P-1", name="営業許可", bureau="環境局", type=ProcedureType.PERMIT,
    authority=Authority.NATIONAL, national_status=NationalStatus.DATE_GIVEN,
    national_ready=Quarter(2022, 3), annual_volume=12_345, effort=2.5,
    status=Status.DIGITIZED, digitized_quarter=Quarter(2021, 2), channel="SaaS電子申請",
    priority=True, major=False, locked_quarter=Quarter(2022, 1), notes="メモ",
)


def test_the_table_lists_the_process_fields_in_order() -> None:
    declared = [f.name for f in dataclasses.fields(Process) if f.name != "version"]
    assert [f.name for f in PROCESS_FIELDS] == declared


def test_each_kind_matches_the_declared_type() -> None:
    hints = typing.get_type_hints(Process)
    expected = {FieldKind.COUNT: int, FieldKind.AMOUNT: float, FieldKind.FLAG: bool,
                FieldKind.QUARTER: Quarter | None}
    def declared(field: typing.Any) -> object:
        if field.kind is FieldKind.ENUM:
            return field.enum | None if field.nullable else field.enum
        return expected.get(field.kind, str)

    assert {f.name: hints[f.name] for f in PROCESS_FIELDS} == {
        f.name: declared(f) for f in PROCESS_FIELDS}
    assert {FieldKind.ENUM, *expected} <= {f.kind for f in PROCESS_FIELDS}  # each kind is seen


@pytest.mark.parametrize("field", PROCESS_FIELDS, ids=lambda f: f.name)
def test_cell_and_database_values_read_back_equal(field: typing.Any) -> None:
    value = getattr(SAMPLE, field.name)
    assert field.parse(field.to_cell(value)) == value
    stored = field.to_db(value)
    convert = field.from_db()
    assert (convert(stored) if convert is not None else stored) == value


def test_blank_is_the_default_or_an_error_when_required() -> None:
    assert FIELD_BY_NAME["status"].parse(None) is Status.NOT_STARTED
    assert FIELD_BY_NAME["effort"].parse("  ") == 1.0
    assert FIELD_BY_NAME["channel"].parse("") == "共同電子申請"
    with pytest.raises(InvalidValue, match="required value is missing"):
        FIELD_BY_NAME["name"].parse(" ")


def test_an_enum_code_becomes_its_member() -> None:
    """What a combo box hands back (a plain string) is parsed, never stored as text."""
    status = FIELD_BY_NAME["status"].parse("in_progress")
    assert status is Status.IN_PROGRESS
    assert FIELD_BY_NAME["status"].parse("対応中") is Status.IN_PROGRESS


def test_limits_come_from_the_validation_module() -> None:
    effort = FIELD_BY_NAME["effort"]
    assert effort.maximum == MAX_EFFORT
    assert effort.parse(MAX_EFFORT) == MAX_EFFORT
    with pytest.raises(InvalidValue, match="is larger than 10,000"):
        effort.parse(MAX_EFFORT + 1)
