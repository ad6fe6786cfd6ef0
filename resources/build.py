"""Build the compiled resources from their sources.

    python -m resources.build            # .ts -> .qm (pyside6-lrelease), .qrc -> rc_resources.py
    python -m resources.build --update   # first refresh the .ts from the code (pyside6-lupdate)
    python -m resources.build --check    # exit 1 if a compiled file differs from its sources

Translations: ``dx_planner_en.ts`` holds the English of the app's texts, which are written in
Japanese (``tr("…")`` in ui/, field headers and reason texts in dx_planner); ``dx_planner_ja.ts``
holds the Japanese of the texts dx_planner owns in English (validation messages). The
compiled files are committed, so a fresh clone and ``pip install`` need no build step; the
test suite runs ``--check``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
ROOT = FOLDER.parent
QRC = FOLDER / "resources.qrc"
MODULE = FOLDER / "rc_resources.py"
TRANSLATIONS = FOLDER / "translations"

# What lupdate reads for each language file.
SOURCES: dict[str, list[str]] = {
    "en": ["ui", "dx_planner/domain/fields.py", "dx_planner/planning/reason_texts.py"],
    "ja": ["dx_planner/domain/validation.py"],
}
SOURCE_LANGUAGE = {"en": "ja", "ja": "en"}


def tool(name: str) -> str:
    """A PySide6 tool of the running interpreter's environment."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    scripts = Path(sysconfig.get_path("scripts")) / name
    return str(scripts) if scripts.exists() else name


def python_files(entries: list[str]) -> list[str]:
    files: list[str] = []
    for entry in entries:
        path = ROOT / entry
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files += [str(f.relative_to(ROOT)) for f in found]
    return files


def update_ts() -> None:
    """Refresh the .ts files from the code; obsolete texts are dropped."""
    for language, entries in SOURCES.items():
        subprocess.run([tool("pyside6-lupdate"), *python_files(entries), "-no-obsolete",
                        "-source-language", SOURCE_LANGUAGE[language],
                        "-target-language", language,
                        "-ts", str(TRANSLATIONS / f"dx_planner_{language}.ts")],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def compile_into(folder: Path) -> list[Path]:
    """Compile every .ts and the .qrc into ``folder`` (a copy of this one); the outputs."""
    outputs = []
    for ts in sorted((folder / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True)
        outputs.append(qm)
    module = folder / MODULE.name
    # Format 1 without compression: the same sources always give the same bytes.
    subprocess.run([tool("pyside6-rcc"), "--format-version", "1", "--no-compress",
                    str(folder / QRC.name), "-o", str(module)], check=True)
    outputs.append(module)
    return outputs


def _content(path: Path) -> bytes:
    """A compiled file without rcc's header comments (they name the Qt version)."""
    if path.suffix != ".py":
        return path.read_bytes()
    lines = path.read_bytes().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(b"#"))


def stale_files(folder: Path = FOLDER) -> list[str]:
    """Compiled files of ``folder`` that differ from what its sources compile to now."""
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / "resources"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("__pycache__"))
        fresh = compile_into(copy)
        stale = []
        for built in fresh:
            committed = folder / built.relative_to(copy)
            if not committed.exists() or _content(committed) != _content(built):
                stale.append(str(committed.relative_to(folder)))
        return stale


def build() -> None:
    for built in compile_into(FOLDER):
        print(built.relative_to(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="refresh the .ts files first")
    parser.add_argument("--check", action="store_true", help="only check they are current")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"out of date: resources/{name} (run python -m resources.build)",
                  file=sys.stderr)
        return 1 if stale else 0
    if args.update:
        update_ts()
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
