"""A desktop without a library Qt's platform plugin needs: one line naming the Debian
package, exit 1 (before: Qt's own abort, "could not load the Qt platform plugin", no hint).

The missing library is simulated for real: a copy of Qt's xcb plugin whose dependency on
libxcb-cursor.so.0 is renamed to a library no system has, checked by ldd like the original.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo

from dx_planner.cli.main import main
from ui import platform_check

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the xcb plugin and ldd are Linux's")

QT_PLUGINS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
# The X, GL, font and D-Bus libraries (the rest, zlib and the like, are on every system).
X_AND_GL = ("libxcb", "libxkbcommon", "libX11-xcb", "libEGL", "libGL.", "libfontconfig",
            "libdbus", "libglib")
MISSING = "libxcb-curzor.so.0"  # same length as libxcb-cursor.so.0: the binary stays valid


@pytest.fixture
def broken_plugins(tmp_path: Path) -> Path:
    """plugins/platforms/libqxcb.so needing MISSING; Qt's own libraries beside it as in
    PySide6 (the plugin finds them through $ORIGIN/../../lib)."""
    root = tmp_path / "qt"
    (root / "plugins" / "platforms").mkdir(parents=True)
    (root / "lib").symlink_to(QT_PLUGINS.parent / "lib")
    original = (QT_PLUGINS / "platforms" / "libqxcb.so").read_bytes()
    assert b"libxcb-cursor.so.0\0" in original
    (root / "plugins" / "platforms" / "libqxcb.so").write_bytes(
        original.replace(b"libxcb-cursor.so.0\0", MISSING.encode() + b"\0"))
    return root / "plugins"


def test_the_missing_library_and_its_package_are_named(broken_plugins: Path) -> None:
    # This machine may lack others too (the sandbox lacks libxcb-icccm4 and libxcb-keysyms1):
    # they are named as well.
    really_missing = platform_check.missing_libraries(QT_PLUGINS / "platforms" / "libqxcb.so")
    missing = sorted({MISSING, *really_missing})
    packages = sorted({platform_check.debian_package(name) for name in missing})
    assert "libxcb-curzor0" in packages
    several = len(missing) > 1
    problem = platform_check.platform_problem(
        {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, [broken_plugins])
    assert problem == (
        f"the desktop app cannot start: Qt's xcb platform plugin needs {', '.join(missing)}, "
        f"which {'are' if several else 'is'} not installed; install {'them' if several else 'it'}"
        f" with: sudo apt-get install {' '.join(packages)}")


def test_dx_planner_gui_says_so_in_one_line(broken_plugins: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("QT_PLUGIN_PATH", str(broken_plugins))
    assert main(["--db", str(tmp_path / "gui.db"), "gui"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("dx-planner: the desktop app cannot start")
    assert "sudo apt-get install libxcb-curzor0" in err


def test_the_real_plugins_need_nothing_that_is_not_named_in_the_readme() -> None:
    """Every library the real xcb plugin needs outside Qt maps to a package the README
    lists, so a fresh desktop can install them in one go."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    needed = platform_check.needed_libraries(QT_PLUGINS / "platforms" / "libqxcb.so")
    x_and_gl = [name for name in needed if name.startswith(X_AND_GL)]
    packages = {platform_check.debian_package(name) for name in x_and_gl}
    assert "libxcb-cursor0" in packages
    assert {p for p in packages if p not in readme} == set()


def test_offscreen_needs_no_check() -> None:
    assert platform_check.platform_problem({"QT_QPA_PLATFORM": "offscreen"}, []) is None


def test_known_libraries_map_to_their_debian_packages() -> None:
    assert platform_check.debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert platform_check.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert platform_check.debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert platform_check.debian_package("libglib-2.0.so.0") == "libglib2.0-0"
    assert platform_check.debian_package("libEGL.so.1") == "libegl1"


def test_the_environment_is_left_alone(broken_plugins: Path) -> None:
    before = dict(os.environ)
    platform_check.platform_problem({"DISPLAY": ":0"}, [broken_plugins])
    assert dict(os.environ) == before
    assert shutil.which("ldd")
