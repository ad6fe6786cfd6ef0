"""A mistyped --db path is said, never silently made a new empty database (review finding
10): only the commands that put content into a database (demo, import; the desktop app's
first run) create a missing file, and folders only for the default location."""

from __future__ import annotations

from pathlib import Path

import pytest

from dx_planner.cli.main import main
from tests.helpers.workbooks import process_row, write_workbook

NO_DATABASE = "no database at {path} (create one with dx-planner demo or dx-planner import)"
ADMIN_NEEDS_POSTGRESQL = ("admin commands need a PostgreSQL database "
                          "(--db postgresql+psycopg://LOGIN@HOST/DB); an SQLite file has one user")

# Every command but the ones that create content (gui has its own test in tests/ui).
READING_COMMANDS = [
    ["export-inventory", "{out}.xlsx"],
    ["solve", "--time-limit", "1"],
    ["export-plan", "{out}.xlsx"],
    ["compare", "A", "B"],
    ["report", "--quarter", "FY2021Q3", "{out}.md"],
    ["baseline", "publish", "--quarter", "FY2021Q3"],
    ["baseline", "list"],
    ["baseline", "delete", "--quarter", "FY2021Q3"],
    ["history"],
]
ADMIN_COMMANDS = [["admin", "init"], ["admin", "list-users"],
                  ["admin", "add-user", "x", "--viewer"]]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err.strip()


def _filled(argv: list[str], out: Path) -> list[str]:
    return [part.format(out=out) for part in argv]


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda argv: " ".join(argv[:2]))
def test_a_command_that_reads_refuses_a_missing_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """Before: the file (and its folders) were created, then e.g. 'exported 0 processes'."""
    missing = tmp_path / "typo" / "dir" / "x.db"
    err = _run(["--db", str(missing), *_filled(command, tmp_path / "out")], capsys)
    assert err == f"dx-planner: {NO_DATABASE.format(path=missing)}"
    assert not (tmp_path / "typo").exists()
    typo = tmp_path / "typo3.db"  # its folder exists
    err = _run(["--db", str(typo), *_filled(command, tmp_path / "out")], capsys)
    assert err == f"dx-planner: {NO_DATABASE.format(path=typo)}"
    assert sorted(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ADMIN_COMMANDS, ids=lambda argv: " ".join(argv[:2]))
def test_admin_on_a_missing_file_says_it_needs_postgresql_and_creates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    err = _run(["--db", str(tmp_path / "x.db"), *command], capsys)
    assert err == f"dx-planner: {ADMIN_NEEDS_POSTGRESQL}"
    assert sorted(tmp_path.iterdir()) == []


def test_the_default_location_is_named_when_it_does_not_exist_yet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DX_PLANNER_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = tmp_path / "data" / "dx-planner" / "dx-planner.sqlite3"
    err = _run(["export-inventory", str(tmp_path / "e.xlsx")], capsys)
    assert err == f"dx-planner: {NO_DATABASE.format(path=default)}"
    assert not (tmp_path / "data").exists()
    # demo creates it there, folders included (the only place folders are made)
    assert main(["demo", "--processes", "250"]) == 0
    assert default.is_file()
    assert main(["export-inventory", str(tmp_path / "e.xlsx")]) == 0
    assert "exported 250 processes" in capsys.readouterr().out


def test_demo_and_import_create_a_new_database_in_an_existing_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo, imported = tmp_path / "demo.db", tmp_path / "imported.db"
    assert main(["--db", str(demo), "demo", "--processes", "250"]) == 0
    assert demo.is_file()
    workbook = write_workbook(tmp_path / "one.xlsx", [process_row("N-1")])
    assert main(["--db", str(imported), "import", str(workbook)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert imported.is_file()


@pytest.mark.parametrize("command", [["demo", "--processes", "250"], ["import", "{out}.xlsx"]],
                         ids=["demo", "import"])
def test_demo_and_import_make_no_folders_for_a_mistyped_path(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    write_workbook(tmp_path / "out.xlsx", [process_row("N-1")])
    missing = tmp_path / "typo" / "x.db"
    err = _run(["--db", str(missing), *_filled(command, tmp_path / "out")], capsys)
    assert err == f"dx-planner: no folder {missing.parent} for the new database x.db"
    assert not missing.parent.exists()


def test_a_failed_first_import_leaves_no_database_behind(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """All or nothing: an import refused into a new database leaves no empty file."""
    workbook = write_workbook(tmp_path / "bad.xlsx", [process_row("N-1", 工数="lots")])
    new = tmp_path / "new.db"
    assert main(["--db", str(new), "import", str(workbook)]) == 1
    assert "import failed" in capsys.readouterr().err
    assert main(["--db", str(new), "demo", "--processes", "50"]) == 1  # too few for a demo
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.xlsx"]
