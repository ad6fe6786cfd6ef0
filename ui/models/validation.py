"""The shared validation (``dx_planner.domain.validation``) as the app shows it.

The rules and their English messages live in the domain; here a message template is
translated through Qt (context ``Validation``: Japanese from ``dx_planner_ja.qm``) and
filled with the same values, so the app and the importer say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from dx_planner.domain import validation
from dx_planner.domain.inventory import Process
from dx_planner.domain.validation import InvalidValue
from ui.models.columns import Column, header_text


def translated(template: str, params: Mapping[str, Any]) -> str:
    return QCoreApplication.translate(validation.CONTEXT, template).format(**params)


def checked_value(column: Column, value: Any, process: Process,
                  by_id: Mapping[str, Process]) -> Any:
    """The domain value of what an editor returned for ``column``, or ``InvalidValue``.

    Strings become members (an editor's enum code is parsed, never stored as text); the
    limits are the importer's.
    """
    assert column.field is not None
    parsed = column.field.parse(value)
    if column.key == "id":
        other = by_id.get(parsed)
        if other is None:  # an ID differing only in case, width, dashes or invisible marks
            key = validation.id_key(parsed)
            other = next((p for pid, p in by_id.items() if validation.id_key(pid) == key),
                         None)
        if other is not None and other is not process:
            raise InvalidValue(validation.DUPLICATE_ID, id=other.id)
    return parsed


def rejection_message(column: Column, error: InvalidValue) -> str:
    return f"{header_text(column)}: {translated(error.template, error.params)}"


def row_problems(process: Process, channels: set[str]) -> dict[str, str]:
    """Field → message for the rules that join fields (shown at the cell, block saving)."""
    problems: dict[str, str] = {}
    for violation in validation.row_violations(process, channels or None):
        problems.setdefault(violation.field, translated(violation.template, violation.params))
    return problems
