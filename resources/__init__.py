"""The app's resources, the Qt way: icons (SVG), translations (``.ts`` sources, compiled
``.qm``), listed in ``resources.qrc`` and compiled by ``python -m resources.build`` into
``rc_resources.py``, which registers them under ``:/icons`` and ``:/translations`` when
imported. Also the Linux desktop entry, the AppStream metadata and a sample workbook."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
SAMPLE_WORKBOOK = FOLDER / "samples" / "sample-inventory.xlsx"
DESKTOP_FILE = FOLDER / "dx-planner.desktop"
METAINFO_FILE = FOLDER / "io.github.dx_planner.metainfo.xml"
APP_ICON = FOLDER / "icons" / "dx-planner.svg"
