"""Build the desktop bundle: a PyInstaller one-folder app in build/bundle/dx-planner/.

    .venv/bin/pip install -e '.[bundle]'
    .venv/bin/python packaging/build_bundle.py            # then: packaging/smoke_test.py

Why PyInstaller one-folder (not one-file, not pyside6-deploy): one-folder starts without
unpacking anything (one-file unpacks ~300 MB to /tmp on every start), and PyInstaller's
hooks know PySide6, OR-Tools, numpy and SQLAlchemy; pyside6-deploy (Nuitka) compiles for
tens of minutes on two cores. The folder holds everything: copy it anywhere and run
``dx-planner/dx-planner`` (the same commands as the installed program; no argument opens the
desktop app). On Linux the X libraries in the README are still needed from the system.

Qt modules the app does not use (WebEngine, Quick, Multimedia, 3D …) are left out: they
are most of PySide6's size. The icon and the .desktop file come from resources/ when present
(resources/*.svg, resources/*.desktop) and are copied beside the program.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "bundle"
NAME = "dx-planner"

# Used: QtCore, QtGui, QtWidgets, QtCharts (and what they load).
UNUSED_QT = ["QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel",
             "QtWebSockets", "QtQuick", "QtQuick3D", "QtQuickWidgets", "QtQml", "Qt3DCore",
             "Qt3DRender", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation",
             "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "QtBluetooth",
             "QtNfc", "QtPositioning", "QtLocation", "QtSensors", "QtSerialPort",
             "QtSerialBus", "QtRemoteObjects", "QtScxml", "QtTextToSpeech", "QtPdf",
             "QtPdfWidgets", "QtDataVisualization", "QtGraphs", "QtHttpServer",
             "QtDesigner", "QtUiTools", "QtHelp", "QtSql", "QtTest", "QtNetworkAuth",
             "QtOpenGL", "QtOpenGLWidgets", "QtSvgWidgets", "QtStateMachine",
             "QtConcurrent", "QtDBus", "QtAxContainer", "QtCanvasPainter"]


def build(clean: bool) -> Path:
    import PyInstaller.__main__

    separator = ":"
    arguments = [
        str(ROOT / "packaging" / "entry.py"), "--name", NAME, "--onedir", "--noconfirm",
        "--distpath", str(BUILD), "--workpath", str(BUILD / "work"),
        "--specpath", str(BUILD), "--log-level", "WARN",
        "--paths", str(ROOT),  # an editable install is invisible to PyInstaller's analysis
        # Loaded by name (the layering contract keeps dx_planner from importing ui).
        "--collect-submodules", "ui", "--collect-submodules", "dx_planner",
        "--collect-submodules", "solver",
        # Alembic reads the migration scripts as files. Icons and translations are compiled
        # into resources/rc_resources.py, which ui imports; the desktop entry and the icon
        # go along for installing the bundle on a desktop.
        "--add-data", f"{ROOT / 'dx_planner' / 'migrations'}{separator}dx_planner/migrations",
        "--add-data", f"{ROOT / 'resources' / 'dx-planner.desktop'}{separator}share",
        "--add-data", f"{ROOT / 'resources' / 'icons' / 'dx-planner.svg'}{separator}share",
    ]
    for module in UNUSED_QT:
        arguments += ["--exclude-module", f"PySide6.{module}"]
    arguments += ["--exclude-module", "tkinter", "--exclude-module", "pytest"]
    if clean:
        arguments.append("--clean")
    PyInstaller.__main__.run(arguments)
    folder = BUILD / NAME
    _drop_unused_qt_libraries(folder)
    _add_desktop_files(folder)
    return folder


def _drop_unused_qt_libraries(folder: Path) -> None:
    """PyInstaller's PySide6 hook copies every Qt plugin and library; remove the ones only
    the excluded modules load (WebEngine alone is ~200 MB)."""
    internal = folder / "_internal" / "PySide6"
    for pattern in ("Qt/lib/libQt6WebEngine*", "Qt/lib/libQt6Quick*", "Qt/lib/libQt6Qml*",
                    "Qt/lib/libQt63D*", "Qt/lib/libQt6Pdf*", "Qt/lib/libQt6Multimedia*",
                    "Qt/libexec/QtWebEngineProcess", "Qt/resources/qtwebengine*",
                    "Qt/translations/qtwebengine*", "Qt/plugins/sceneparsers",
                    "Qt/plugins/renderers", "Qt/plugins/multimedia", "Qt/plugins/position",
                    "Qt/plugins/qmltooling", "Qt/plugins/webview", "Qt/qml"):
        for path in internal.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


def _add_desktop_files(folder: Path) -> None:
    resources = ROOT / "resources"
    copied = [shutil.copy2(path, folder / path.name)
              for pattern in ("*.svg", "*.desktop") for path in sorted(resources.glob(pattern))]
    if not copied:
        print("note: no icon or .desktop file in resources/ yet; the bundle has none",
              file=sys.stderr)


def size_of(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()
               and not path.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the PyInstaller one-folder bundle.")
    parser.add_argument("--clean", action="store_true", help="rebuild PyInstaller's cache")
    args = parser.parse_args()
    started = time.perf_counter()
    folder = build(args.clean)
    print(f"bundle: {folder} ({size_of(folder) / 2**20:,.0f} MB) built in "
          f"{time.perf_counter() - started:,.0f} s")


if __name__ == "__main__":
    main()
