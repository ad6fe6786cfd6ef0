"""Translated texts with arguments.

Write ``tr_format(self.tr("保存しました（%1件）"), f"{count:,}")``: ``tr()`` stays visible to
``pyside6-lupdate``, and the arguments fill ``%1``, ``%2`` … in one pass, in whatever order
the translation puts them — an argument that itself contains ``%2`` is left alone (chained
``str.replace`` calls would substitute into it).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_PLACE = re.compile(r"%(\d{1,2})")


def tr_format(text: str, *args: object) -> str:
    """``text`` (already translated) with ``%1`` … ``%n`` replaced by ``args``."""

    def fill(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(args[number - 1]) if 1 <= number <= len(args) else match.group(0)

    return _PLACE.sub(fill, text)


def plan_status_text(status: str) -> str:
    """A plan's status as planners say it; the solver's codes are never shown."""
    translate = QCoreApplication.translate
    texts = {
        "optimal": translate("PlanStatus", "最適"),
        "feasible": translate("PlanStatus", "達成可能な計画"),
        "target_infeasible": translate("PlanStatus", "目標未達"),
    }
    return texts.get(status, translate("PlanStatus", "不明"))
