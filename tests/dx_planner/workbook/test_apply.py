"""Imports that overlap on one database: serialized, never half-lost.

Four real ``dx-planner import`` processes start together, each with a file exported from the
same database and one edit of its own. Before, all four said "imported" and three of the
four edits were gone (each file carried the others' rows as they were before). Now writers
queue (SQLite BEGIN IMMEDIATE, a PostgreSQL advisory lock for imports) and each file's rows
are merged against the database by their version (版, reconcile): all four edits stay.

The overlap is made certain: the test holds SQLite's write lock (changing nothing) for a few
seconds while the four start and read their files, so that none of them can begin after
another has committed.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, func, select

from dx_planner.cli.main import main
from dx_planner.persistence.schema import bureaus, processes
from tests.helpers.postgres import PgDatabase
from tests.helpers.workbooks import process_row, write_workbook

NAMES = "ABCD"


def _edited_copies(base: Path) -> list[Path]:
    files = []
    for index, name in enumerate(NAMES):
        workbook = load_workbook(base)
        sheet = workbook["手続一覧"]
        sheet.cell(row=2 + index, column=2).value = f"edited by {name}"
        sheet.append([f"NEW-{name}", "新しい手続", f"新局{name}"])
        path = base.with_name(f"{name}.xlsx")
        workbook.save(path)
        files.append(path)
    return files


def test_overlapping_imports_are_serialized_or_refused_never_half_lost(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    assert main(["--db", str(db), "demo", "--processes", "1000"]) == 0
    base = tmp_path / "base.xlsx"
    assert main(["--db", str(db), "export-inventory", str(base)]) == 0
    files = _edited_copies(base)
    program = str(Path(sys.executable).with_name("dx-planner"))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # readers may read, no writer may begin
    runs = [subprocess.Popen([program, "--db", str(db), "import", str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for path in files]
    time.sleep(8)  # every import starts and reads its file meanwhile
    holder.execute("ROLLBACK")
    holder.close()
    results = [(run.wait(), *run.communicate()) for run in runs]

    with sqlite3.connect(db) as connection:
        names = dict(connection.execute("SELECT id, name FROM processes"))
    for index, (name, (status, _out, err)) in enumerate(zip(NAMES, results, strict=True)):
        assert (status, "Traceback" in err) == (0, False), err
        assert names[f"P-{index + 1:06d}"] == f"edited by {name}", f"{name}'s edit was lost"
        assert f"NEW-{name}" in names


def test_two_imports_creating_the_same_bureau_on_postgresql(pg_database: PgDatabase,
                                                            tmp_path: Path) -> None:
    """Before: the second one failed with a UniqueViolation traceback. Now imports run one
    at a time (an advisory lock): the second finds the bureau the first created."""
    url = pg_database.owner_url
    assert main(["--db", url, "demo", "--processes", "300"]) == 0
    files = [write_workbook(tmp_path / f"{name}.xlsx", [process_row(f"NEW-{name}",
                                                                    所管局="新設局")])
             for name in "AB"]
    program = str(Path(sys.executable).with_name("dx-planner"))
    runs = [subprocess.Popen([program, "--db", url, "import", str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for path in files]
    results = [(run.wait(), *run.communicate()) for run in runs]
    engine = create_engine(url)
    with engine.connect() as connection:
        ids = set(connection.execute(select(processes.c.id)).scalars())
        bureaus_named = connection.execute(
            select(func.count()).select_from(bureaus).where(bureaus.c.name == "新設局")).scalar()
    engine.dispose()
    assert bureaus_named == 1
    for name, (status, _out, err) in zip("AB", results, strict=True):
        assert (status, "Traceback" in err) == (0, False), err
        assert f"NEW-{name}" in ids


def test_text_longer_than_postgresql_holds_is_refused_in_one_line(
        pg_database: PgDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: value too long for type character varying(200), a traceback."""
    url = pg_database.owner_url
    assert main(["--db", url, "demo", "--processes", "300"]) == 0
    path = write_workbook(tmp_path / "long.xlsx", [process_row("L-1", 所管局="局" * 201)])
    capsys.readouterr()
    assert main(["--db", url, "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "手続一覧 / 2 / 所管局: is 201 characters long; at most 200 are allowed" in err
