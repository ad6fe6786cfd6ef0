"""The inventory tab: filter bar, the 28,000-row table, and the KPI strip below it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dx_planner.domain.enums import Status
from dx_planner.domain.inventory import Process
from dx_planner.domain.quarters import Quarter, plannable_quarters
from dx_planner.tracking.actuals import default_actual_quarter
from ui.commands import AddProcessesCommand, RemoveProcessesCommand
from ui.i18n import enum_label, quarter_label
from ui.models.columns import COLUMN_INDEX, COLUMNS, header_text
from ui.models.filter import InventoryFilter
from ui.models.inventory_model import EditValue
from ui.session import Session
from ui.texts import tr_format
from ui.widgets.delegates import InventoryDelegate
from ui.widgets.filter_bar import FilterBar
from ui.widgets.frozen_table import FrozenColumnsTable

ROW_HEIGHT = 24


class InventoryView(QWidget):
    message = Signal(str)  # for the status bar
    explainRequested = Signal(object)  # Process
    historyRequested = Signal(object)  # Process: its 変更履歴

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        model = session.model
        layout = QVBoxLayout(self)
        self.filter_bar = FilterBar(session.store.inventory, self)
        self.filter_bar.show_criteria(model.filter)  # the model keeps it across rebuilds
        layout.addWidget(self.filter_bar)

        # ID and name stay in view while the other columns scroll.
        self.table = FrozenColumnsTable(COLUMN_INDEX["name"] + 1, self)
        self.frozen = self.table.frozen
        self.table.setModel(model)
        self.table.setItemDelegate(InventoryDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        # Fixed row height: resize-to-contents would measure all 28,000 rows.
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.setMinimumSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column.width)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda position: self._context_menu(self.table, position))
        self.frozen.customContextMenuRequested.connect(
            lambda position: self._context_menu(self.frozen, position))
        layout.addWidget(self.table, 1)

        strip = QHBoxLayout()
        self.count_label = QLabel(self)
        self.kpi_label = QLabel(self)
        self.kpi_label.setTextFormat(Qt.TextFormat.RichText)
        strip.addWidget(self.count_label)
        strip.addStretch(1)
        strip.addWidget(self.kpi_label)
        layout.addLayout(strip)

        self._make_actions()
        self.filter_bar.changed.connect(self._filter_changed)
        model.editRejected.connect(self._show_rejection)
        model.modelReset.connect(self._update_count)
        model.rowsInserted.connect(self._update_count)
        model.rowsRemoved.connect(self._update_count)
        session.kpis.changed.connect(self._update_kpis)
        self._update_count()
        self._update_kpis()

    # -- actions -------------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.add_action = QAction(QIcon(":/icons/add.svg"), self.tr("手続を追加"), self)
        self.add_action.setShortcut(QKeySequence("Ctrl+N"))
        self.add_action.triggered.connect(self.add_process)
        self.delete_action = QAction(QIcon(":/icons/delete.svg"), self.tr("選択した手続を削除"),
                                     self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.lock_action = QAction(self.tr("固定四半期を一括設定…"), self)
        self.lock_action.triggered.connect(self.lock_selected)
        self.unlock_action = QAction(self.tr("固定を解除"), self)
        self.unlock_action.triggered.connect(lambda: self.bulk_set("locked_quarter", None))
        self.priority_on = QAction(self.tr("重点にする"), self)
        self.priority_on.triggered.connect(lambda: self.bulk_set("priority", True))
        self.priority_off = QAction(self.tr("重点を外す"), self)
        self.priority_off.triggered.connect(lambda: self.bulk_set("priority", False))
        self.digitized_action = QAction(self.tr("デジタル化済にする…"), self)
        self.digitized_action.triggered.connect(self.mark_selected_digitized)
        self.explain_action = QAction(self.tr("なぜもっと早くないのか？"), self)
        self.explain_action.triggered.connect(self._explain_current)
        self.history_action = QAction(self.tr("この手続の変更履歴"), self)
        self.history_action.triggered.connect(self._history_of_current)
        rights = self.session.rights
        # A viewer changes nothing; an editor adds and deletes only its own bureaus' rows.
        for action in (self.add_action, self.delete_action):
            action.setEnabled(not rights.read_only)
        self.status_menu = QMenu(self.tr("状況を一括設定"), self)
        for status in Status:
            action = self.status_menu.addAction(enum_label(status))
            action.triggered.connect(lambda _=False, s=status: self.bulk_set("status", s))
        self.addAction(self.delete_action)

    def bulk_menu_actions(self) -> list[QAction]:
        return [self.digitized_action, self.lock_action, self.unlock_action, self.priority_on,
                self.priority_off]

    def menu_actions(self) -> dict[str, QAction]:
        """The actions the main window places in its menus and toolbar, by key."""
        return {"add": self.add_action, "delete": self.delete_action,
                "status": self.status_menu.menuAction(), "digitized": self.digitized_action,
                "lock": self.lock_action, "unlock": self.unlock_action,
                "priority_on": self.priority_on, "priority_off": self.priority_off,
                "explain": self.explain_action}

    def _context_menu(self, view: QTableView, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.explain_action)
        menu.addAction(self.history_action)
        menu.addSeparator()
        menu.addMenu(self.status_menu)
        for action in self.bulk_menu_actions():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.add_action)
        menu.addAction(self.delete_action)
        menu.popup(view.viewport().mapToGlobal(position))

    # -- selection -----------------------------------------------------------------------
    def selected_processes(self) -> list[Process]:
        model = self.session.model
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        return [model.process_at(row) for row in sorted(rows)]

    def current_process(self) -> Process | None:
        index = self.table.currentIndex()
        return self.session.model.process_at(index.row()) if index.isValid() else None

    def select_process(self, process: Process) -> None:
        row = self.session.model.row_of(process)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.session.model.index(row, 0))

    # -- editing -------------------------------------------------------------------------
    def bulk_set(self, field: str, value: object) -> None:
        processes = self.selected_processes()
        if not processes:
            self.message.emit(self.tr("手続が選択されていません"))
            return
        header = header_text(COLUMNS[COLUMN_INDEX[field]])
        text = tr_format(self.tr("%1 を一括変更（%2件）"), header, f"{len(processes):,}")
        self.session.model.edit_values([(p, field, value) for p in processes], text)
        self.message.emit(text)

    def lock_selected(self) -> None:
        quarters = plannable_quarters()
        labels = [quarter_label(q) for q in quarters]
        current = quarters.index(Quarter(2022, 1))
        label, ok = QInputDialog.getItem(self, self.tr("固定四半期"),
                                         self.tr("完了四半期を固定する："), labels, current, False)
        if ok:
            self.bulk_set("locked_quarter", quarters[labels.index(label)])

    def mark_selected_digitized(self) -> None:
        """Ask for the quarter, then record the selected processes as digitized in it."""
        processes = self.selected_processes()
        if not processes:
            self.message.emit(self.tr("手続が選択されていません"))
            return
        quarters = plannable_quarters()
        labels = [quarter_label(q) for q in quarters]
        default = default_actual_quarter(self.session.store.inventory)
        label, ok = QInputDialog.getItem(
            self, self.tr("デジタル化済にする"),
            tr_format(self.tr("%1件の手続をデジタル化済にします。デジタル化完了の四半期："),
                      f"{len(processes):,}"),
            labels, max(0, min(len(labels) - 1, default - quarters[0])), False)
        if ok:
            self.mark_digitized(processes, quarters[labels.index(label)])

    def mark_digitized(self, processes: list[Process], quarter: Quarter) -> None:
        """Status デジタル化済 and デジタル化完了 ``quarter`` on ``processes``: one undoable edit
        of the in-memory inventory, written by the normal Save (with its conflict check)."""
        edits: list[EditValue] = []
        for process in processes:
            edits.append((process, "status", Status.DIGITIZED))
            edits.append((process, "digitized_quarter", quarter))
        text = tr_format(self.tr("デジタル化済にする（%1件・%2）"),
                         f"{len(processes):,}", quarter.code)
        self.session.model.edit_values(edits, text)
        self.message.emit(text)

    def add_process(self) -> Process:
        store = self.session.store
        number = len(store.processes) + 1
        while f"NEW-{number:06d}" in store.by_id:
            number += 1
        current = self.current_process()
        rights = self.session.rights
        own = [name for name in store.inventory.bureau_names() if rights.may_edit_bureau(name)]
        bureau = (current.bureau if current and rights.may_edit_bureau(current.bureau)
                  else (own or store.inventory.bureau_names() or ["-"])[0])
        process = Process(id=f"NEW-{number:06d}", name=self.tr("新しい手続"), bureau=bureau)
        self.session.undo_stack.push(
            AddProcessesCommand(self.session.model, [process], self.tr("手続を追加")))
        row = self.session.model.row_of(process)
        if row is not None:
            index = self.session.model.index(row, COLUMN_INDEX["name"])
            self.table.scrollTo(index)
            self.table.setCurrentIndex(index)
        return process

    def delete_selected(self) -> None:
        selected = self.selected_processes()
        processes = [p for p in selected if self.session.model.editable(p)]
        if len(processes) < len(selected):
            self.message.emit(tr_format(
                self.tr("%1件は他の局の手続のため削除できません"),
                f"{len(selected) - len(processes):,}"))
        if not processes:
            return
        text = tr_format(self.tr("手続を削除（%1件）"), f"{len(processes):,}")
        self.session.undo_stack.push(RemoveProcessesCommand(self.session.model, processes, text))
        self.message.emit(text + self.tr(" — 元に戻すには Ctrl+Z"))

    def _history_of_current(self) -> None:
        process = self.current_process()
        if process is not None:
            self.historyRequested.emit(process)

    def _explain_current(self) -> None:
        process = self.current_process()
        if process is not None:
            self.explainRequested.emit(process)

    # -- feedback ------------------------------------------------------------------------
    def _show_rejection(self, index: QModelIndex, message: str) -> None:
        """Show why an edit was refused right at the cell."""
        rect = self.table.visualRect(index)
        QToolTip.showText(self.table.viewport().mapToGlobal(rect.bottomLeft()), message,
                          self.table.viewport(), rect, 5000)
        self.last_rejection = message
        self.message.emit(message)

    def _filter_changed(self, criteria: InventoryFilter) -> None:
        self.session.model.set_filter(criteria)

    def _update_count(self) -> None:
        shown, total = self.session.model.rowCount(), len(self.session.store.processes)
        self.count_label.setText(tr_format(self.tr("%1 / %2 件を表示"), f"{shown:,}", f"{total:,}"))

    def _update_kpis(self) -> None:
        k = self.session.kpis.kpis()
        met = k.by_deadline >= k.target_count
        colour = "#1e8449" if met else "#b03a2e"
        self.kpi_label.setText(
            tr_format(self.tr("対象 %1件 ・ デジタル化済 %2件（%3） ・ %4 までの見込み "
                              "<b style='color:%5'>%6件（%7）</b> ／ 目標 %8件"),
                      f"{k.in_scope:,}", f"{k.digitized:,}", f"{k.digitized_share:.1%}",
                      k.deadline.code, colour, f"{k.by_deadline:,}", f"{k.deadline_share:.1%}",
                      f"{k.target_count:,}"))
