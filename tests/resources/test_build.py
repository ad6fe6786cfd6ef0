"""The compiled resources are current: what is committed is what the sources compile to."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from resources import build


def test_compiled_files_match_their_sources() -> None:
    assert build.stale_files() == []


def test_a_changed_translation_makes_them_stale(tmp_path: Path) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(build.FOLDER, copy, ignore=shutil.ignore_patterns("__pycache__"))
    ts = copy / "translations" / "dx_planner_en.ts"
    text = ts.read_text(encoding="utf-8")
    assert "<translation>Processes</translation>" in text
    ts.write_text(text.replace("<translation>Processes</translation>",
                               "<translation>Procedures</translation>"), encoding="utf-8")
    assert build.stale_files(copy) == ["translations/dx_planner_en.qm", "rc_resources.py"]


def test_check_command_exits_0_when_current() -> None:
    done = subprocess.run([sys.executable, "-m", "resources.build", "--check"],
                          cwd=build.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_translation_is_finished() -> None:
    for ts in sorted(build.TRANSLATIONS.glob("*.ts")):
        assert 'type="unfinished"' not in ts.read_text(encoding="utf-8"), ts.name
