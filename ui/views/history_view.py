"""The 変更履歴 tab: who changed what, when — for the whole database or one process, with
the filters of ``dx-planner history`` (process, bureau, login, since)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dx_planner.persistence.history import Change, HistoryFilter, read_history
from ui.models.history_model import HistoryModel
from ui.session import Session
from ui.tasks import Job, TaskContext, TaskRunner
from ui.texts import tr_format

SLOT = "history"
NEWEST = 5_000  # shown at most: the newest changes (the command line has them all)


class HistoryView(QWidget):
    message = Signal(str)
    shown = Signal()  # the table holds the changes for the current filters

    def __init__(self, session: Session, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.model = HistoryModel(self)
        self.process_edit = QLineEdit(self)
        self.process_edit.setPlaceholderText(self.tr("手続ID"))
        self.process_edit.setClearButtonEnabled(True)
        self.bureau_combo = QComboBox(self)
        self.bureau_combo.addItem(self.tr("すべての局"), None)
        for name in session.store.inventory.bureau_names():
            self.bureau_combo.addItem(name, name)
        self.login_edit = QLineEdit(self)
        self.login_edit.setPlaceholderText(self.tr("ログイン"))
        self.login_edit.setClearButtonEnabled(True)
        self.since_check = QCheckBox(self.tr("この日以降"), self)
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setEnabled(False)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.refresh_button = QPushButton(self.tr("表示"), self)
        self.refresh_button.clicked.connect(self.refresh)
        for edit in (self.process_edit, self.login_edit):
            edit.returnPressed.connect(self.refresh)

        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("絞り込み："), self), self.process_edit,
                       self.bureau_combo, self.login_edit, self.since_check, self.since_edit,
                       self.refresh_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 110, 100, 120, 130, 220, 220)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        self._loaded = False
        self._again = False
        session.saved.connect(self._refresh_if_shown)
        session.remoteApplied.connect(self._refresh_if_shown)

    def criteria(self) -> HistoryFilter:
        since = self.since_edit.date() if self.since_check.isChecked() else None
        return HistoryFilter(
            process=self.process_edit.text().strip() or None,
            bureau=self.bureau_combo.currentData(),
            login=self.login_edit.text().strip() or None,
            since=date(since.year(), since.month(), since.day()) if since is not None else None)

    def show_process(self, process_id: str) -> None:
        """The history of one process (the other filters cleared)."""
        self.process_edit.setText(process_id)
        self.bureau_combo.setCurrentIndex(0)
        self.login_edit.clear()
        self.since_check.setChecked(False)
        self.refresh()

    def refresh(self) -> None:
        if self.runner.busy(SLOT):
            self._again = True  # read again with the new filters when this read ends
            return
        self._again = False
        engine, criteria = self.session.engine, self.criteria()

        def work(_context: TaskContext) -> list[Change]:
            with engine.connect() as connection:
                return read_history(connection, criteria, limit=NEWEST)

        self._loaded = True
        self.runner.start(Job(self.tr("変更履歴を読み込む"), work, self._show, slot=SLOT))

    def _show(self, changes: list[Change]) -> None:
        if self._again:
            QTimer.singleShot(0, self.refresh)  # after this job has left its slot
            return
        self.model.set_changes(changes)
        text = tr_format(self.tr("%1件（新しい順）"), f"{len(changes):,}")
        if len(changes) >= NEWEST:
            text += tr_format(self.tr("　新しい %1件のみ：全件は dx-planner history --csv で"),
                              f"{NEWEST:,}")
        self.count_label.setText(text)
        self.shown.emit()

    def _refresh_if_shown(self, *_: object) -> None:
        if self.isVisible() and self._loaded:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()
