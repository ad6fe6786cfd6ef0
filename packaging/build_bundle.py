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
are most of PySide6's size. The icon, the .desktop file and the AppStream metadata from
resources/ are copied beside the program.
"""

from __future__ import annotations

import argparse
import shutil
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
        # OR-Tools' MathOpt (the LP in solver/lp_guided.py) imports this from C++ at run time
        "--hidden-import", "pybind11_abseil.status",
        # Alembic reads the migration scripts as files. Icons and translations are compiled
        # into resources/rc_resources.py, which ui imports; the desktop entry, the icon and
        # the AppStream metadata are copied beside the program (_add_desktop_files).
        "--add-data", f"{ROOT / 'dx_planner' / 'migrations'}{separator}dx_planner/migrations",
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
    """The icon, the .desktop file and the AppStream metadata beside the program, for
    installing it as a desktop application (README, "The desktop bundle")."""
    resources = ROOT / "resources"
    for path in (resources / "icons" / "dx-planner.svg", resources / "dx-planner.desktop",
                 *sorted(resources.glob("*.metainfo.xml"))):
        shutil.copy2(path, folder / path.name)


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
