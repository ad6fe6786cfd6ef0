"""The main window: built from the registry, dirty marker, closing, geometry, every tab."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings

from tests.ui.helpers import answer_next_box
from ui import registry
from ui.main_window import MainWindow
from ui.models.columns import COLUMN_INDEX


def test_menus_and_toolbar_come_from_the_registry(window: MainWindow) -> None:
    keys = [key for _, entries in registry.MENUS for key in entries if key is not None]
    keys += [key for key in registry.TOOLBAR if key is not None]
    missing = [key for key in keys if key != "@recent" and key not in window.action_by_key]
    assert missing == []
    assert set(registry.actions()) <= set(window.action_by_key)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["ファイル(&F)", "編集(&E)", "計画(&P)", "言語 / Language"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "手続一覧", "処理能力", "計画の条件と実行", "結果"]


def test_a_registered_action_runs_with_the_window(window: MainWindow) -> None:
    window.action_by_key["plan_vs_actual"].trigger()
    assert window.tabs.currentWidget() is window.results_view


def test_title_marks_unsaved_changes(window: MainWindow) -> None:
    model = window.session.model
    assert not window.isWindowModified()
    assert model.setData(model.index(0, COLUMN_INDEX["notes"]), "メモ")
    assert window.isWindowModified()
    assert window.windowTitle().startswith("dx-planner — ")


def test_close_prompts_when_dirty(window: MainWindow) -> None:
    window.confirm_close = True
    model = window.session.model
    assert model.setData(model.index(0, COLUMN_INDEX["notes"]), "未保存")
    answer_next_box("Cancel")
    assert not window.close()
    assert window.isVisible()
    window.confirm_close = False


def test_geometry_is_kept(window: MainWindow) -> None:
    window.close()
    assert QSettings().value("ui/geometry") is not None


@pytest.mark.parametrize("tab", [spec.key for spec in registry.TABS])
def test_every_tab_renders(window: MainWindow, tab: str, qtbot: Any) -> None:
    window.show_tab(tab)
    assert window.tabs.currentWidget() is window.views[tab]
    assert not window.grab().isNull()
