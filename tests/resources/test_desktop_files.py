"""The Linux desktop entry and the AppStream metadata: well formed and consistent."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest

from resources import APP_ICON, DESKTOP_FILE, METAINFO_FILE, build

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _console_script() -> str:
    project = tomllib.loads((build.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [name] = project["project"]["scripts"]
    return str(name)


def test_desktop_entry_launches_the_app_with_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == _console_script()
    assert entry["Icon"] == APP_ICON.stem
    assert entry["Name[ja]"] and entry["Comment[ja]"]
    assert entry["Categories"].endswith(";")


def test_metainfo_is_an_appstream_desktop_application() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    for tag in ("id", "metadata_license", "project_license", "name", "summary",
                "description"):
        assert root.find(tag) is not None, tag
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.find("launchable").get("type") == "desktop-id"  # type: ignore[union-attr]
    assert root.findtext("provides/binary") == _console_script()
    languages = {e.get(XML_LANG) for e in root.iter() if e.get(XML_LANG)}
    assert languages == {"ja"}
    release = root.find("releases/release")
    project = tomllib.loads((build.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert release is not None and release.get("version") == project["project"]["version"]


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_appstreamcli_validates_the_metainfo() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_entry() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
