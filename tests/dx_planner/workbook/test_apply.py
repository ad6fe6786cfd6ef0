"""Imports that overlap on one SQLite file: serialized or refused, never half-lost.

Four real ``dx-planner import`` processes start together, each with a file exported from the
same database and one edit of its own. Before, all four said "imported" and three of the
four edits were gone (each file carried the others' rows as they were before).

The overlap is made certain: the test holds SQLite's write lock (changing nothing) for a few
seconds while the four start and read their files, so that none of them can begin after
another has committed. (An import that starts after another one committed is not
concurrent: that file's older rows are the team database's version check's business.)
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from openpyxl import load_workbook

from dx_planner.cli.main import main

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
    succeeded = 0
    for index, (name, (status, _out, err)) in enumerate(zip(NAMES, results, strict=True)):
        assert "Traceback" not in err
        edited_id = f"P-{index + 1:06d}"
        if status == 0:
            succeeded += 1
            assert names[edited_id] == f"edited by {name}", f"{name}'s edit was lost"
            assert f"NEW-{name}" in names
        else:
            assert status == 1
            assert ("the database was changed (by another import or user) while this file "
                    "was being read") in err
            assert f"NEW-{name}" not in names  # nothing of a refused import was written
    assert succeeded == 1  # the first to get the lock; the others saw its commit
