import pytest

from dx_planner.domain.enums import Authority, NationalStatus, ProcedureType, Status


def test_japanese_and_english_names_both_parse() -> None:
    assert ProcedureType.parse("許認可") is ProcedureType.PERMIT
    assert ProcedureType.parse("permit") is ProcedureType.PERMIT
    assert Authority.parse("国") is Authority.NATIONAL
    assert NationalStatus.parse("時期提示") is NationalStatus.DATE_GIVEN
    assert Status.parse("Digitized") is Status.DIGITIZED
    assert Status.DIGITIZED.ja == "デジタル化済"


def test_unknown_value_lists_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="未着手 / 対応中 / デジタル化済 / 対象外"):
        Status.parse("完了")


def test_stored_value_is_the_english_name() -> None:
    assert str(ProcedureType.FACILITY) == "facility"
    assert ProcedureType("facility") is ProcedureType.FACILITY
