"""Before Qt starts: can its platform plugin load on this desktop?

Qt's xcb plugin needs about ten X libraries that a fresh Linux desktop may lack
(``libxcb-cursor0`` first among them); without them Qt aborts with "could not load the Qt
platform plugin" and no hint. This check asks ``ldd`` which libraries of the plugin Qt will
use are not found, and names the Debian packages to install. Nothing is loaded: ldd only
resolves names. The check imports QtCore (to find the plugins) but nothing that needs a
display.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

# Where Debian's package is not the usual lib<name><version> spelling of the soname.
_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
_SONAME = re.compile(r"^(lib[\w.+-]+?)\.so\.(\d+)")
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)
_FOUND = re.compile(r"^\s*(\S+) => (/\S+)", re.MULTILINE)
_PLUGINS = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}


def debian_package(soname: str) -> str:
    """The Debian package that provides ``soname`` (libxcb-cursor.so.0 → libxcb-cursor0)."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    match = _SONAME.match(soname)
    if match is None:
        return soname
    name, version = match.group(1).lower(), match.group(2)
    # Debian policy: a name ending in a digit gets a hyphen before the version.
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _ldd(library: Path) -> str:
    try:
        return subprocess.run(["ldd", str(library)], capture_output=True, text=True,
                              timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""  # no ldd: let Qt try (and say what it says)


def missing_libraries(plugin: Path) -> list[str]:
    """Libraries ``plugin`` needs that the dynamic linker cannot find."""
    return sorted(set(_NOT_FOUND.findall(_ldd(plugin))))


def needed_libraries(plugin: Path) -> list[str]:
    """The system libraries (not Qt's own, which PySide6 ships) ``plugin`` needs."""
    output = _ldd(plugin)
    names = set(_NOT_FOUND.findall(output))
    names |= {name for name, path in _FOUND.findall(output)
              if not name.startswith(("libQt6", "libicu", "libpyside6", "libshiboken6"))
              and "/PySide6/" not in path and name.startswith("lib")}
    return sorted(names - {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1",
                           "libpthread.so.0", "libdl.so.2", "librt.so.1"})


def _candidates(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in its order."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [name.split(":")[0] for name in chosen.split(";") if name]
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return ["wayland", "xcb"] if wayland else ["xcb"]


def _plugin_folders() -> list[Path]:
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    return [*folders, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]


def platform_problem(environ: Mapping[str, str] | None = None,
                     plugin_folders: Sequence[Path] | None = None) -> str | None:
    """One line saying what to install, or None when a platform plugin Qt will try can
    load (or the platform is not one we check, e.g. offscreen)."""
    if not sys.platform.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    folders = _plugin_folders() if plugin_folders is None else list(plugin_folders)
    problems: list[tuple[str, list[str]]] = []
    for platform in _candidates(environ):
        if platform not in _PLUGINS:
            return None
        plugin = next((folder / "platforms" / _PLUGINS[platform] for folder in folders
                       if (folder / "platforms" / _PLUGINS[platform]).is_file()), None)
        if plugin is None:
            continue
        missing = missing_libraries(plugin)
        if not missing:
            return None
        problems.append((platform, missing))
    if not problems:
        return None
    platform, missing = problems[-1]  # the last fallback, usually xcb
    packages = sorted({debian_package(name) for name in missing})
    several = len(missing) > 1
    return (f"the desktop app cannot start: Qt's {platform} platform plugin needs "
            f"{', '.join(missing)}, which {'are' if several else 'is'} not installed; "
            f"install {'them' if several else 'it'} with: sudo apt-get install "
            f"{' '.join(packages)}")
