"""What editor a cell of a small settings table wants (requirements, what-if tables).

A model answers ``editor_spec(index)``; ``ui.widgets.spec_delegate.SpecDelegate`` builds that
editor, fills it from the cell's EditRole value and hands the chosen value back to
``setData``. Models stay free of widgets; the delegate stays free of any one model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ui.models.table_base import AnyIndex

CHOICE = "choice"  # a combo box of (label, value) pairs
NUMBER = "number"  # a spin box (decimals 0 = whole numbers)
TEXT = "text"  # a line edit


@dataclass(frozen=True, slots=True)
class EditorSpec:
    kind: str
    choices: Sequence[tuple[str, Any]] = field(default_factory=tuple)
    minimum: float = 0.0
    maximum: float = 1e12
    decimals: int = 0
    suffix: str = ""
    step: float = 1.0


class HasEditorSpecs(Protocol):
    def editor_spec(self, index: AnyIndex) -> EditorSpec | None: ...
