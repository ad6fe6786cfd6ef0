"""Reason codes (why a process is where it is, or unplanned) as Japanese text."""

from __future__ import annotations

from dx_planner.planning import reason_texts

# Not solver codes: situations of the export itself.
NOT_IN_SCENARIO = "シナリオ作成後に追加された手続（再計画が必要）"
ALREADY_DIGITIZED = "計画開始前にデジタル化済"
OUT_OF_SCOPE = "対象外"
UNPLANNED = "計画期間内に入らない"


def reason_text(code: str | None) -> str:
    """The Japanese text for ``code``; the code itself when no text is known."""
    if not code:
        return UNPLANNED
    return reason_texts.reason_text(code)
