"""What an action module declares: its actions, each with a key the registry places in the
menus and the toolbar (``ui.registry``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from ui.main_window import MainWindow

CONTEXT = "Actions"  # the translation context of the entries' texts


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """A user action: ``run`` is called with the main window when it is triggered."""

    key: str
    text: str  # source text, marked with QT_TRANSLATE_NOOP("Actions", …)
    run: Callable[[MainWindow], object]
    shortcut: QKeySequence.StandardKey | str | None = None
    icon: str | None = None  # a resource path, e.g. ":/icons/save.svg"
    # Only an admin may (team database: the database would refuse anyone else).
    admin_only: bool = False

    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.text)
