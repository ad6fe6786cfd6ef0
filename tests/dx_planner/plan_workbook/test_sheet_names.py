from dx_planner.plan_workbook.bureau_sheets import sheet_names


def test_names_are_valid_unique_and_never_taken_for_an_import_sheet() -> None:
    names = sheet_names(
        ["福祉保健局", "a/b:c", "x" * 40, "x" * 40 + "y", "概要", "申請基盤", "Processes", "",
         "History"],
        taken=["概要", "四半期計画", "手続一覧"])
    assert names["福祉保健局"] == "福祉保健局"
    assert names["a/b:c"] == "a_b_c"
    assert names["x" * 40] == "x" * 31
    assert names["x" * 40 + "y"] == "x" * 27 + " (2)"
    assert names["概要"] == "概要 (2)"
    assert names["申請基盤"] == "申請基盤 (2)"
    assert names["Processes"] == "Processes (2)"
    assert names[""] == "局"
    assert names["History"] == "History (2)"
    assert all(len(name) <= 31 for name in names.values())
    assert len({name.casefold() for name in names.values()}) == len(names)
