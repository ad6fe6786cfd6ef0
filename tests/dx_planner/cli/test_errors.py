"""One error path: a user's or the machine's failure is one line and exit 1; a bug is a
traceback and a request to report it. Failures are real: a full or read-only tmpfs, a lock
held by another connection, a file name the file system refuses."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from dx_planner.cli.main import main
from dx_planner.persistence.database import open_database
from dx_planner.persistence.scenarios import list_scenarios
from tests.helpers.database import snapshot
from tests.helpers.filesystems import fill, read_only, tmpfs
from tests.helpers.workbooks import process_row, write_workbook


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.db"
    assert main(["--db", str(path), "demo", "--processes", "300", "--seed", "5"]) == 0
    return path


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The error line; progress lines may come before it, a traceback never."""
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("dx-planner:")]
    assert len(lines) == 1, err
    return lines[0]


def test_a_bug_is_a_traceback_with_a_request_to_report_it(
        db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_: object, **__: object) -> int:
        raise KeyError("a bug")

    monkeypatch.setattr("dx_planner.workbook.apply.export_workbook", broken)
    assert main(["--db", str(db), "export-inventory", str(tmp_path / "x.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "KeyError: 'a bug'" in err
    assert err.rstrip().endswith("this is a bug in dx-planner: please report it with the "
                                 "text above")


def test_a_read_only_output_folder_is_one_line(db: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "share") as share:
        read_only(share)
        capsys.readouterr()
        assert main(["--db", str(db), "export-inventory", str(share / "x.xlsx")]) == 1
        assert _one_line(capsys) == \
            f"dx-planner: cannot write {share / 'x.xlsx'}: Read-only file system"


def test_a_file_name_too_long_for_the_file_system_is_one_line(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / ("計" * 88 + ".xlsx")  # 269 bytes: over the usual 255
    capsys.readouterr()
    assert main(["--db", str(db), "export-inventory", str(target)]) == 1
    assert _one_line(capsys) == (f"dx-planner: cannot write {target}: the file name is 269 "
                                 "bytes long; this file system allows at most 255")


def test_a_long_name_that_fits_is_written_and_leaves_nothing_else(
        db: Path, tmp_path: Path) -> None:
    target = tmp_path / ("x" * 250 + ".xlsx")  # 255 bytes: our temporary name must fit too
    assert main(["--db", str(db), "export-inventory", str(target)]) == 0
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == [target.name]


def test_exporting_to_a_full_disk_is_one_line_and_leaves_nothing(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "small", size="1m") as small:
        fill(small, leave=20_000)  # room for the check, not for the workbook
        capsys.readouterr()
        assert main(["--db", str(db), "export-inventory", str(small / "x.xlsx")]) == 1
        assert _one_line(capsys) == \
            f"dx-planner: cannot write {small / 'x.xlsx'}: No space left on device"
        assert sorted(p.name for p in small.iterdir()) == ["filler"]


def test_importing_into_a_database_on_a_full_disk_is_one_line_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [process_row(f"FULL-{i}", 備考="x" * 2_000) for i in range(1_000)]
    workbook = write_workbook(tmp_path / "big.xlsx", rows)
    with tmpfs(tmp_path / "small", size="2m") as small:
        db = small / "inventory.db"
        assert main(["--db", str(db), "demo", "--processes", "300"]) == 0
        engine = open_database(db)
        before = snapshot(engine)
        fill(small)
        capsys.readouterr()
        assert main(["--db", str(db), "import", str(workbook)]) == 1
        assert _one_line(capsys) == \
            f"dx-planner: the disk holding the database {db} is full; nothing was written"
        (small / "filler").unlink()
        assert snapshot(engine) == before
        engine.dispose()


def test_a_read_only_database_is_one_line(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    workbook = write_workbook(tmp_path / "one.xlsx", [process_row("RO-1")])
    with tmpfs(tmp_path / "share") as share:
        db = share / "inventory.db"
        assert main(["--db", str(db), "demo", "--processes", "300"]) == 0
        read_only(share)
        capsys.readouterr()
        assert main(["--db", str(db), "import", str(workbook)]) == 1
        assert _one_line(capsys) == \
            f"dx-planner: the database {db} is read-only; nothing was written"
        assert main(["--db", str(db), "export-inventory", str(tmp_path / "x.xlsx")]) == 0


def _hold_write_lock(db: Path, seconds: float, holding: threading.Event) -> None:
    """Another program's write transaction that takes ``seconds`` and then changes nothing
    (one that changed something would make the import refuse: see test_concurrency)."""
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE processes SET notes = 'held' WHERE id = 'P-000001'")
    holding.set()
    time.sleep(seconds)
    connection.execute("ROLLBACK")
    connection.close()


def test_a_writer_waits_for_another_writer_longer_than_sqlite_s_default(
        db: Path, tmp_path: Path) -> None:
    """sqlite3 gives up after 5 s by default; an import must wait (up to 60 s)."""
    workbook = write_workbook(tmp_path / "one.xlsx", [process_row("WAIT-1")])
    holding = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 6.0, holding))
    holder.start()
    holding.wait()
    try:
        assert main(["--db", str(db), "import", str(workbook)]) == 0
    finally:
        holder.join()
    with sqlite3.connect(db) as connection:
        assert connection.execute(
            "SELECT count(*) FROM processes WHERE id = 'WAIT-1'").fetchone() == (1,)


def test_a_database_busy_for_too_long_is_one_line(
        db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DX_PLANNER_BUSY_TIMEOUT", "0.5")
    workbook = write_workbook(tmp_path / "one.xlsx", [process_row("BUSY-1")])
    holding = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 3.0, holding))
    holder.start()
    holding.wait()
    try:
        capsys.readouterr()
        assert main(["--db", str(db), "import", str(workbook)]) == 1
        assert _one_line(capsys) == (
            f"dx-planner: the database {db} is busy: another program has been writing to it "
            "for 0.5 s (DX_PLANNER_BUSY_TIMEOUT); nothing was written, try again")
    finally:
        holder.join()


def test_solve_to_an_unwritable_plan_file_fails_before_solving(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "share") as share:
        read_only(share)
        capsys.readouterr()
        assert main(["--db", str(db), "solve", "--scenario", "never",
                     "--json", str(share / "plan.json")]) == 1
        line = _one_line(capsys)
    assert line == f"dx-planner: cannot write {share / 'plan.json'}: Read-only file system"
    with open_database(db).connect() as connection:
        assert list_scenarios(connection) == []


def test_a_plan_folder_that_turns_read_only_during_the_solve_stores_nothing(
        db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from dx_planner.planning import service

    with tmpfs(tmp_path / "share") as share:
        real_run_plan = service.run_plan

        def run_plan_then_lock_the_folder(*args: object, **kwargs: object) -> object:
            result = real_run_plan(*args, **kwargs)  # type: ignore[arg-type]
            read_only(share)  # someone takes the share away while we solved
            return result

        monkeypatch.setattr(service, "run_plan", run_plan_then_lock_the_folder)
        capsys.readouterr()
        assert main(["--db", str(db), "solve", "--scenario", "half",
                     "--json", str(share / "plan.json")]) == 1
        line = _one_line(capsys)
    assert line == f"dx-planner: cannot write {share / 'plan.json'}: Read-only file system"
    with open_database(db).connect() as connection:
        assert list_scenarios(connection) == []
