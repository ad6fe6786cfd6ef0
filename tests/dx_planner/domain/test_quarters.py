import pytest

from dx_planner.domain.quarters import Quarter, QuarterError, quarter_range


def test_fiscal_quarter_four_is_january_to_march_of_the_next_year() -> None:
    quarter = Quarter.parse("FY2021Q4")
    assert quarter.label_months == "2022年1~3月"
    assert quarter.label_formal == "2021年度第4四半期"
    assert quarter.label == "FY2021Q4 · 2022年1~3月"
    assert Quarter.parse("FY2021Q3").label_months == "2021年10~12月"
    assert Quarter.parse("FY2022Q1").label_months == "2022年4~6月"


@pytest.mark.parametrize("text", ["FY2022Q1", "2022年度第1四半期", "2022年度Q1", " fy2022q1 ",
                                  "ＦＹ２０２２Ｑ１"])
def test_accepted_spellings(text: str) -> None:
    assert Quarter.parse(text) == Quarter(2022, 1)


@pytest.mark.parametrize("text", ["2022Q1", "2022-Q1", "Q1", "FY2022Q5", "", "2022年"])
def test_refused_spellings(text: str) -> None:
    with pytest.raises(QuarterError):
        Quarter.parse(text)


def test_calendar_style_code_is_refused_as_ambiguous() -> None:
    with pytest.raises(QuarterError, match="ambiguous"):
        Quarter.parse("2022Q1")


def test_arithmetic_and_order() -> None:
    q = Quarter(2021, 4)
    assert q + 1 == Quarter(2022, 1)
    assert q - 4 == Quarter(2020, 4)
    assert Quarter(2023, 4) - q == 8
    assert sorted([Quarter(2023, 1), Quarter(2021, 4), Quarter(2022, 2)])[0] == q
    assert quarter_range(q, Quarter(2022, 2)) == [q, Quarter(2022, 1), Quarter(2022, 2)]
    assert quarter_range(q, q - 1) == []


@pytest.mark.parametrize("code", ["FY1999Q4", "FY2061Q1", "FY2999Q4"])
def test_quarters_outside_the_planning_range_are_refused(code: str) -> None:
    from dx_planner.domain.quarters import FIRST_QUARTER, LAST_QUARTER, check_plannable

    with pytest.raises(QuarterError, match=(
            f"{code} is outside the quarters dx-planner plans "
            f"\\({FIRST_QUARTER.code}–{LAST_QUARTER.code}\\)")):
        check_plannable(Quarter.parse(code))


def test_the_ends_of_the_planning_range_are_plannable() -> None:
    from dx_planner.domain.quarters import FIRST_QUARTER, LAST_QUARTER, check_plannable

    assert check_plannable(FIRST_QUARTER) == FIRST_QUARTER
    assert check_plannable(LAST_QUARTER) == LAST_QUARTER
