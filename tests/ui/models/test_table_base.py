"""The shared table models (ui/models/table_base.py): rows the planner adds and removes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ui.models.table_base import RowListModel


class _Names(RowListModel):
    def __init__(self) -> None:
        super().__init__()
        self.headers = ["名前"]
        self.rows: list[str] = []

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()]


def test_rows_are_appended_at_the_end_and_removed_in_any_order(qtmodeltester: Any) -> None:
    model = _Names()
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    assert [model.append_row(name) for name in "abcde"] == [0, 1, 2, 3, 4]
    assert inserted == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]
    assert model.rowCount() == 5 and model.rowCount(model.index(0, 0)) == 0
    # out of order, repeated, and out of range: each row named once is removed, the others
    # ignored, last first so that the positions named stay right
    model.remove_rows([3, 1, 3, 9, -1])
    assert model.rows == ["a", "c", "e"]
    assert removed == [(3, 3), (1, 1)]
    assert model.data(model.index(1, 0)) == "c"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名前"
    qtmodeltester.check(model, force_py=True)
    model.remove_rows([0, 1, 2])
    assert model.rowCount(QModelIndex()) == 0
    qtmodeltester.check(model, force_py=True)
