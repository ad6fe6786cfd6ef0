"""A re-plan against its reference (``changes``, planning-model.md §6): the moves per
bureau, and the commitments released with their reasons."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QObject, Qt

from dx_planner.domain.inventory import Process
from dx_planner.planning.keep import Changes, Release
from ui.i18n import quarter_label
from ui.models.analysis_texts import release_label
from ui.models.table_base import AnyIndex, ListTableModel

MOVED, EARLIER, LATER, DROPPED, ADDED, RELEASED = range(6)
NO_BUREAU = "—"



class ChangesByBureauModel(ListTableModel):
    """Per bureau: moved (earlier, later), dropped, added, released; a total row last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("所管局"), self.tr("時期の変更"), self.tr("うち前倒し"),
                        self.tr("うち後ろ倒し"), self.tr("計画から外した"), self.tr("追加"),
                        self.tr("解除（無効になった約束）")]
        self.rows: list[tuple[str, list[int]]] = []

    def set_changes(self, changes: Changes | None, processes: dict[str, Process]) -> None:
        self.beginResetModel()
        counts: dict[str, Counter[int]] = {}

        def count(pid: str, kind: int) -> None:
            process = processes.get(pid)
            bureau = process.bureau if process is not None else NO_BUREAU
            counts.setdefault(bureau, Counter())[kind] += 1

        if changes is not None:
            for pid, before, after in changes.moved:
                count(pid, MOVED)
                count(pid, EARLIER if after < before else LATER)
            for pid, _ in changes.dropped:
                count(pid, DROPPED)
            for pid, _ in changes.added:
                count(pid, ADDED)
            for release in changes.released:
                count(release.process_id, RELEASED)
        order = list(dict.fromkeys(p.bureau for p in processes.values()))
        bureaus = [b for b in order if b in counts] + [b for b in counts if b not in order]
        self.rows = [(b, [counts[b][k] for k in range(6)]) for b in bureaus]
        if self.rows:
            self.rows.append((self.tr("合計"), [sum(r[1][k] for r in self.rows)
                                                for k in range(6)]))
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        bureau, counts = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return bureau
            value = counts[column - 1]
            return f"{value:,}" if value else "—"
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ReleasedModel(ListTableModel):
    """The reference's commitments that were released, with why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("手続ID"), self.tr("手続名"), self.tr("所管局"),
                        self.tr("基準の四半期"), self.tr("解除の理由")]
        self.released: list[Release] = []
        self.rows = self.released
        self.processes: dict[str, Process] = {}

    def set_changes(self, changes: Changes | None, processes: dict[str, Process]) -> None:
        self.beginResetModel()
        self.released = list(changes.released) if changes is not None else []
        self.rows = self.released
        self.processes = processes
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        release = self.released[index.row()]
        process = self.processes.get(release.process_id)
        return [release.process_id, process.name if process else "",
                process.bureau if process else NO_BUREAU, quarter_label(release.quarter),
                release_label(release.reason)][index.column()]
