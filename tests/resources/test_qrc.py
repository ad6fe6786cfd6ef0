"""What resources.qrc lists is compiled in and loads: icons, and both translations."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from PySide6.QtCore import QFile, QTranslator
from PySide6.QtGui import QIcon

import ui  # noqa: F401  (registers the compiled resources)
from resources import build


def _entries() -> list[str]:
    root = ET.parse(build.QRC).getroot()
    return [f"{resource.get('prefix')}/{entry.get('alias') or entry.text}"
            for resource in root.iter("qresource") for entry in resource.iter("file")]


def test_every_listed_file_is_in_the_compiled_resources(qapp: Any) -> None:
    entries = _entries()
    assert ":/icons/dx-planner.svg" in [f":{e}" for e in entries]
    for entry in entries:
        assert QFile.exists(f":{entry}"), entry


def test_icons_render(qapp: Any) -> None:
    icons = [entry for entry in _entries() if entry.startswith("/icons/")]
    assert icons
    assert [icon for icon in icons if QIcon(f":{icon}").pixmap(32, 32).isNull()] == []


def test_translations_load_and_translate(qapp: Any) -> None:
    english = QTranslator()
    assert english.load(":/translations/dx_planner_en.qm")
    assert english.translate("Tabs", "手続一覧") == "Processes"
    japanese = QTranslator()
    assert japanese.load(":/translations/dx_planner_ja.qm")
    assert japanese.translate("Validation", "required value is missing") == "必須の項目が空です"
