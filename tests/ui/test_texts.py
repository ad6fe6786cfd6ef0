from __future__ import annotations

from ui.texts import tr_format


def test_places_are_filled_in_one_pass() -> None:
    text = tr_format("%1件を書き出しました：%2", "1,234", "a.xlsx")
    assert text == "1,234件を書き出しました：a.xlsx"
    # An argument holding "%2" is not substituted again.
    assert tr_format("%1 / %2", "%2", "x") == "%2 / x"
    # A translation may reorder the places; a missing argument leaves its place as it is.
    assert tr_format("%2 then %1", "a", "b") == "b then a"
    assert tr_format("%1 %3", "a") == "a %3"
