"""Undo and redo as actions whose text stays put (a toolbar button does not change width
with each edit); the step they would undo or redo is in their tooltip."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack

from ui.texts import tr_format


class UndoRedoActions(QObject):
    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = QAction(QIcon(":/icons/undo.svg"), self.tr("元に戻す"), self)
        self.undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo = QAction(QIcon(":/icons/redo.svg"), self.tr("やり直し"), self)
        # Ctrl+Y and Ctrl+Shift+Z on every desktop (some themes bind only one of them).
        redo_keys = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
        redo_keys += [key for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                      if key not in redo_keys]
        self.redo.setShortcuts(redo_keys)
        self.undo.triggered.connect(stack.undo)
        self.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        self._undo_text(stack.undoText())
        self._redo_text(stack.redoText())

    def _undo_text(self, text: str) -> None:
        self.undo.setToolTip(tr_format(self.tr("元に戻す：%1"), text) if text
                             else self.tr("元に戻す"))

    def _redo_text(self, text: str) -> None:
        self.redo.setToolTip(tr_format(self.tr("やり直し：%1"), text) if text
                             else self.tr("やり直し"))
