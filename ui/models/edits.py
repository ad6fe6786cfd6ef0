"""How a model hands an edit over to be recorded (undo/redo), without knowing the commands.

The models change data only through an :class:`EditRecorder`; the session gives them
``ui.commands.UndoStackRecorder``, which wraps each edit in a ``QUndoCommand`` on the undo
stack. So the models import no commands, and the commands import the models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from dx_planner.domain.inventory import Process

if TYPE_CHECKING:
    from ui.models.inventory_model import InventoryModel

Change = tuple[Process, str, Any, Any]  # process, field, old value, new value


class EditRecorder(Protocol):
    def record_values(self, model: InventoryModel, changes: Sequence[Change],
                      text: str) -> None:
        """Apply ``changes`` to ``model`` as one undoable step named ``text``."""

    def record_cell(self, apply: Callable[[Any], None], old: Any, new: Any,
                    text: str) -> None:
        """Apply ``new`` with ``apply`` (``old`` on undo) as one undoable step."""
